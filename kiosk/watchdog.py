#!/usr/bin/env python3
"""The kiosk's watchdog: it starts Chromium and keeps it on the guide.

Run by start-kiosk.sh as `watchdog.py GUIDE_FOLDER START_PAGE -- chromium ARGS...`.
It talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe:
no port that another program could open) and, once a second:

- closes every tab or window but one (Ctrl+N, Ctrl+T, Ctrl+H and the like open more);
- puts the start page in that one when it shows anything that is not a page of the
  guide: an internal or blocked page, a folder listing, the kiosk's own setup files;
- replaces it with the start page when its renderer has crashed ("Aw, Snap!"), and
  ends a renderer stuck in a loop (a hung page) so that the same happens.

It lives beside Chromium, not in the page, so a page that dies cannot take it
along. When Chromium ends it ends too, and start-kiosk.sh starts both again.
Python's standard library only: Debian and Ubuntu ship python3.
"""
from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from typing import Any
from urllib.parse import unquote, urlparse

TICK = 1.0              # seconds between looks
ANSWER = 5.0            # seconds Chromium has to answer a command
# A renderer this busy (its share of a processor, on a machine that may be busy
# too) for this long is stuck: the guide's pages never work for more than a moment.
BUSY, HUNG = 0.6, 15.0
# The kiosk's setup files, this one among them, are no page of the guide.
SETUP_FOLDER = os.path.dirname(os.path.abspath(__file__)) + "/"


def is_guide_page(url: str, folder: str) -> bool:
    """A page of the guide: an HTML file inside its folder, the setup files aside."""
    parts = urlparse(url)
    path = unquote(parts.path)
    return (parts.scheme == "file" and path.startswith(folder) and path.endswith(".html")
            and not path.startswith(SETUP_FOLDER))


def plan(pages: list[dict[str, Any]], keeper: str | None, folder: str,
         unwell: set[str]) -> tuple[str | None, list[str], bool]:
    """What to do about the open pages: (the page to keep, the pages to close,
    whether to open the start page). ``unwell`` holds pages that crashed or hung."""
    ids = [page["targetId"] for page in pages]
    if keeper not in ids:
        # The oldest page of the guide stays; Chromium lists the newest first.
        keeper = next((page["targetId"] for page in reversed(pages)
                       if is_guide_page(page["url"], folder) and page["targetId"] not in unwell), None)
    if keeper is not None:
        url = next(page["url"] for page in pages if page["targetId"] == keeper)
        if keeper in unwell or not is_guide_page(url, folder):
            keeper = None
    return keeper, [i for i in ids if i != keeper], keeper is None


class Browser:
    """Chromium at the other end of the DevTools pipe: commands go out on one
    pipe, answers and events come back on the other, each a JSON text ended by NUL."""

    def __init__(self, command: list[str]) -> None:
        to_browser, self._out = os.pipe()
        self._in, from_browser = os.pipe()

        def wire() -> None:  # in the child: Chromium reads fd 3 and writes fd 4
            low, high = fcntl_dup(to_browser), fcntl_dup(from_browser)
            os.dup2(low, 3)
            os.dup2(high, 4)

        self.process = subprocess.Popen(command + ["--remote-debugging-pipe"], preexec_fn=wire, pass_fds=(3, 4))
        os.close(to_browser)
        os.close(from_browser)
        self._next = 0
        self._answers: dict[int, queue.Queue] = {}
        self.crashed: set[str] = set()
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        while chunk := os.read(self._in, 65536):
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                message = json.loads(raw)
                if "id" in message:
                    waiting = self._answers.pop(message["id"], None)
                    if waiting:
                        waiting.put(message)
                elif message.get("method") == "Target.targetCrashed":
                    self.crashed.add(message["params"]["targetId"])

    def send(self, method: str, **params: Any) -> dict | None:
        """The answer's result, or None when Chromium refuses or says nothing in time."""
        answer: queue.Queue = queue.Queue()
        with self._lock:
            self._next += 1
            number = self._next
            self._answers[number] = answer
        message = {"id": number, "method": method, "params": params}
        try:
            os.write(self._out, json.dumps(message).encode() + b"\0")
            reply = answer.get(timeout=ANSWER)
        except (OSError, queue.Empty):
            self._answers.pop(number, None)
            return None
        return reply.get("result")


def fcntl_dup(fd: int) -> int:
    """A copy of fd numbered 10 or more, out of the way of 3 and 4."""
    return fcntl.fcntl(fd, fcntl.F_DUPFD, 10)


class HangWatch:
    """Renderers that have kept a processor busy for HUNG seconds on end: a page
    stuck in a loop. (The kiosk policy turns the developer tools off, and with them
    any way to ask a page itself whether it still answers; its processor time is
    what Chromium still tells.)"""

    def __init__(self) -> None:
        self._last: dict[int, tuple[float, float]] = {}   # pid -> (processor seconds, when)
        self._busy_since: dict[int, float] = {}

    def hung(self, processes: list[dict[str, Any]], now: float) -> list[int]:
        found, seen = [], {}
        for process in processes:
            if process["type"] != "renderer":
                continue
            pid, cpu = process["id"], process["cpuTime"]
            seen[pid] = (cpu, now)
            last_cpu, last_time = self._last.get(pid, (cpu, now))
            busy = now > last_time and cpu - last_cpu >= BUSY * (now - last_time)
            if not busy:
                self._busy_since.pop(pid, None)
            elif now - self._busy_since.setdefault(pid, last_time) >= HUNG:
                found.append(pid)
        self._last = seen
        return found


def fill_screen(browser: Browser, page: str, screen: tuple[int, int]) -> None:
    """With no window manager Chromium leaves its window a pixel short of the screen
    on the right and at the bottom, whatever size it is asked for; X itself (through
    xdotool) sizes it exactly."""
    window = browser.send("Browser.getWindowForTarget", targetId=page)
    if window and (window["bounds"]["width"], window["bounds"]["height"]) != screen:
        subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "chromium",
                        "windowmove", "%@", "0", "0", "windowsize", "%@", *map(str, screen)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def watch(browser: Browser, folder: str, start: str, screen: tuple[int, int] | None) -> None:
    browser.send("Target.setDiscoverTargets", discover=True)
    keeper: str | None = None
    hangs = HangWatch()
    while browser.process.poll() is None:
        time.sleep(TICK)
        processes = browser.send("SystemInfo.getProcessInfo")
        for pid in hangs.hung(processes["processInfo"] if processes else [], time.monotonic()):
            # Ended, it counts as crashed, and the crash is dealt with below.
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        listed = browser.send("Target.getTargets")
        if listed is None:
            continue
        pages = [t for t in listed["targetInfos"] if t["type"] == "page"]
        keeper, close, open_start = plan(pages, keeper, folder, browser.crashed)
        if open_start:
            # Open the start page before closing the rest: a kiosk with no tab left would end.
            made = browser.send("Target.createTarget", url=start)
            keeper = made["targetId"] if made else None
        for target in close:
            browser.send("Target.closeTarget", targetId=target)
            browser.crashed.discard(target)
        if screen and keeper:
            fill_screen(browser, keeper, screen)


def main() -> int:
    parser = argparse.ArgumentParser(description="Start Chromium and keep it on the guide.")
    parser.add_argument("--screen", help="the screen's size, WIDTH,HEIGHT (xdpyinfo), for the window to fill")
    parser.add_argument("start", help="the guide's start page, a file:// address")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- chromium and its arguments")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command after --")
    folder = unquote(urlparse(args.start).path).rsplit("/", 1)[0] + "/"
    screen = tuple(int(n) for n in args.screen.split(",")) if args.screen else None
    browser = Browser(command + [args.start])
    try:
        watch(browser, folder, args.start, screen)
    finally:
        if browser.process.poll() is None:
            browser.process.kill()
    return browser.process.wait()


if __name__ == "__main__":
    sys.exit(main())
