"""Start a further language: write translations/<language>/data/*.yml with every
field to translate left empty, its English as a comment above it, and each
entry's fingerprint filled in. The build lists every field still empty.

    .venv/bin/python -m scripts.new_language fr
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from macros.loading import DATA_FILES, load_guide_data
from macros.models import Entry
from macros.translations import FINGERPRINT, translated_fields, fingerprint, language_dir, language_name

ROOT = Path(__file__).resolve().parent.parent


def _scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _entry_lines(entry: Entry, indent: str, english_text: dict[str, Any], prefix: str = "") -> list[str]:
    lines: list[str] = []
    translated = translated_fields(type(entry))
    for name in type(entry).model_fields:
        value = getattr(entry, name)
        if name in translated and value not in (None, []):
            english_text[prefix + name] = value
            shown = value if isinstance(value, str) else "; ".join(value)
            lines += [f"{indent}# {' '.join(shown.split())}", f"{indent}{name}:"]
        elif isinstance(value, Entry):
            nested = _entry_lines(value, indent + "  ", english_text, f"{prefix}{name}.")
            if nested:
                lines += [f"{indent}{name}:", *nested]
        elif isinstance(value, list) and value and isinstance(value[0], Entry):
            lines.append(f"{indent}{name}:")
            for item in value:
                item_text: dict[str, Any] = {}
                body = _entry_lines(item, indent + "    ", item_text)
                lines += [f"{indent}  {item.id}:", f'{indent}    {FINGERPRINT}: "{fingerprint(item_text)}"', *body]
    return lines


def skeleton(contents: Entry, english_file: str, language: str) -> str:
    english_text: dict[str, Any] = {}
    body = _entry_lines(contents, "", english_text)
    head = [f"# {language_name(language)} text for {english_file}: fill in every empty field.",
            f"# '{FINGERPRINT}' records which English each entry was translated from."]
    if english_text:
        head.append(f'{FINGERPRINT}: "{fingerprint(english_text)}"')
    return "\n".join(head + body) + "\n"


def main(language: str) -> None:
    data = load_guide_data(ROOT / "data")
    folder = language_dir(ROOT, language) / "data"
    folder.mkdir(parents=True, exist_ok=True)
    for file_name, (attribute, _) in DATA_FILES.items():
        target = folder / file_name
        if target.exists():
            print(f"kept {target.relative_to(ROOT)} (already there)")
            continue
        target.write_text(skeleton(getattr(data, attribute), f"data/{file_name}", language), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
