"""Screenshots of the kiosk edition for people to look at: the start page and a
topic page at the three kiosk screen sizes, in the light and the dark scheme.

Run by `make kiosk-shots` after `make kiosk`; writes PNGs to kiosk-shots/.
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from hooks.handout_pdfs import launch_chromium

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"portrait-1080x1920": (1080, 1920), "landscape-1920x1080": (1920, 1080), "small-1280x800": (1280, 800)}
PAGES = {"languages": "index.html", "home": "index.html#start", "topic": "symptoms.html",
         "topic-es": "es/symptoms.html"}


def main() -> int:
    kiosk, out = ROOT / "site-kiosk", ROOT / "kiosk-shots"
    if not (kiosk / "index.html").exists():
        raise SystemExit("Run `make kiosk` first (`make kiosk-shots` does).")
    out.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for scheme in ("light", "dark"):
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                page = context.new_page()
                for name, path in PAGES.items():
                    file, _, fragment = path.partition("#")
                    page.goto((kiosk / file).as_uri() + (f"#{fragment}" if fragment else ""))
                    target = out / f"{name}-{size}-{scheme}.png"
                    page.screenshot(path=str(target))
                    print(target.relative_to(ROOT))
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
