"""Screenshots of the kiosk edition for people to look at: the choice of
language, the start page, search with the on-screen keyboard open (in each
language) and a topic page, at the three kiosk screen sizes, in the light and
the dark scheme.

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
# Search as a visitor uses it: the field tapped, a word typed on the screen's keys.
SEARCHES = {"search": ("index.html#start", "pain"), "search-es": ("es/index.html", "dolor")}


def open_page(page, kiosk: Path, path: str) -> None:
    file, _, fragment = path.partition("#")
    page.goto((kiosk / file).as_uri() + (f"#{fragment}" if fragment else ""))


def main() -> int:
    kiosk, out = ROOT / "site-kiosk", ROOT / "kiosk-shots"
    if not (kiosk / "index.html").exists():
        raise SystemExit("Run `make kiosk` first (`make kiosk-shots` does).")
    out.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for scheme in ("light", "dark"):
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                              has_touch=True)
                page = context.new_page()
                for name, path in PAGES.items():
                    open_page(page, kiosk, path)
                    target = out / f"{name}-{size}-{scheme}.png"
                    page.screenshot(path=str(target))
                    print(target.relative_to(ROOT))
                for name, (path, word) in SEARCHES.items():
                    open_page(page, kiosk, path)
                    page.locator(".kiosk-search").tap()
                    for letter in word:
                        page.locator(f'.kiosk-key[data-key="{letter}"]').tap()
                    page.locator(".md-search-result__item").first.wait_for()
                    page.wait_for_timeout(500)
                    target = out / f"{name}-{size}-{scheme}.png"
                    page.screenshot(path=str(target))
                    print(target.relative_to(ROOT))
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
