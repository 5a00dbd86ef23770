"""MkDocs hook, kiosk edition only: put what a clinic needs to set the kiosk
machine up beside the site, in site-kiosk/kiosk-setup/ (so it is in the zip too):
the Chromium policy that locks the machine down, the script that starts and
restarts it, and the watchdog that keeps it on the guide.
The README's kiosk runbook says what to do with them."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.config.defaults import MkDocsConfig

# MkDocs loads a hook by its path; the guide's package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.kiosk_policy import SETUP_FOLDER, chromium_policy, start_page  # noqa: E402

SCRIPTS = Path(__file__).resolve().parent.parent / "kiosk"


def on_post_build(config: MkDocsConfig) -> None:
    kiosk = config["guide_settings"].kiosk
    if kiosk is None:
        return
    folder = Path(config.site_dir) / SETUP_FOLDER
    folder.mkdir(exist_ok=True)
    (folder / "chromium-policy.json").write_text(json.dumps(chromium_policy(kiosk), indent=2) + "\n")
    scripts = Environment(loader=FileSystemLoader(SCRIPTS), undefined=StrictUndefined, keep_trailing_newline=True)
    script = folder / "start-kiosk.sh"
    script.write_text(scripts.get_template("start-kiosk.sh").render(start_page=start_page(kiosk),
                                                                    printing=kiosk.printing))
    script.chmod(0o755)
    shutil.copy(SCRIPTS / "watchdog.py", folder / "watchdog.py")
