"""Print the guide's languages, the source language first, as `make build`
builds them: `python -m scripts.languages [mkdocs.yml]`."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.utils import yaml_load


def languages(config_file: Path) -> list[str]:
    with config_file.open(encoding="utf-8") as stream:
        config = yaml_load(stream)
    return [config["theme"]["language"], *(config.get("extra", {}).get("translations") or [])]


if __name__ == "__main__":
    print(" ".join(languages(Path(sys.argv[1] if len(sys.argv) > 1 else "mkdocs.yml"))))
