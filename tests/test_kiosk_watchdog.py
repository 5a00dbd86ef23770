"""The kiosk watchdog's decisions (kiosk/watchdog.py), without a browser: which
page stays, which close, when the start page opens, and which renderer is stuck.
tests/test_kiosk_machine.py sees it at work in the real kiosk."""
from __future__ import annotations

import importlib.util

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("watchdog", ROOT / "kiosk" / "watchdog.py")
watchdog = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(watchdog)

FOLDER = "/opt/patient-guide/site-kiosk/"
START = f"file://{FOLDER}index.html"


def page(target: str, url: str) -> dict:
    return {"targetId": target, "type": "page", "url": url}


def test_guide_pages_are_html_files_inside_the_folder():
    assert watchdog.is_guide_page(START + "#start", FOLDER)
    assert watchdog.is_guide_page(f"file://{FOLDER}es/causes.html?q=dolor", FOLDER)
    assert watchdog.is_guide_page(f"file://{FOLDER}es/caus%C3%A9s.html", FOLDER)
    for url in (f"file://{FOLDER}", f"file://{FOLDER}es/", f"file://{FOLDER}assets/javascripts/kiosk.js",
                "chrome://settings/", "chrome-error://chromewebdata/", "https://start.duckduckgo.com/",
                f"view-source:{START}", "file:///etc/passwd", "file:///opt/patient-guide/site-kiosk-old/index.html",
                "about:blank", ""):
        assert not watchdog.is_guide_page(url, FOLDER), url
    # The setup files sit in the folder, but are no page of the guide.
    setup = watchdog.SETUP_FOLDER
    assert not watchdog.is_guide_page(f"file://{setup}notes.html", setup.rsplit("/", 2)[0] + "/")


def test_one_page_of_the_guide_stays_and_the_rest_close():
    pages = [page("new", "chrome://newtab/"), page("history", "chrome://history/"), page("guide", START)]
    assert watchdog.plan(pages, None, FOLDER, set()) == ("guide", ["new", "history"], False)
    # Two pages of the guide (a link opened in a new window): the older one stays.
    pages = [page("later", f"file://{FOLDER}causes.html"), page("guide", START)]
    assert watchdog.plan(pages, "guide", FOLDER, set()) == ("guide", ["later"], False)


def test_start_page_replaces_a_page_that_left_the_guide_or_crashed():
    listing = [page("guide", f"file://{FOLDER}")]
    assert watchdog.plan(listing, "guide", FOLDER, set()) == (None, ["guide"], True)
    crashed = [page("guide", START)]
    assert watchdog.plan(crashed, "guide", FOLDER, {"guide"}) == (None, ["guide"], True)
    assert watchdog.plan([], None, FOLDER, set()) == (None, [], True)


def renderer(pid: int, cpu: float) -> dict:
    return {"type": "renderer", "id": pid, "cpuTime": cpu}


def test_a_renderer_busy_for_fifteen_seconds_on_end_is_stuck():
    hangs = watchdog.HangWatch()
    stuck = []
    for second in range(20):
        # 7 spins; 8 does the odd bit of work; the browser process is never a page.
        found = hangs.hung([renderer(7, float(second)), renderer(8, second * 0.1),
                            {"type": "browser", "id": 1, "cpuTime": float(second)}], float(second))
        stuck.append(found)
    assert stuck[14] == [] and stuck[15] == [7] and all(7 in f for f in stuck[15:])
    assert not any(8 in f or 1 in f for f in stuck)
    # Busy is a share of the time that passed: a slow look, or a machine busy with
    # other work too, still sees a spinning page.
    hangs = watchdog.HangWatch()
    looks = [hangs.hung([renderer(7, 0.7 * t)], float(t)) for t in range(0, 40, 3)]
    assert looks[4] == [] and looks[5] == [7]
    # A pause in the work starts the count again.
    hangs = watchdog.HangWatch()
    cpu = 0.0
    for second in range(30):
        cpu += 0.0 if second == 12 else 1.0
        assert hangs.hung([renderer(7, cpu)], float(second)) == ([7] if second >= 27 else []), second
