#!/bin/sh
# Starts the patient guide kiosk and keeps it going: Chromium, full screen, on the
# guide's start page. Made by `make kiosk` from kiosk/start-kiosk.sh and the settings
# in mkdocs-kiosk.yml; the README's kiosk runbook says how to start it at boot.
#
# This script is the kiosk's supervisor. Whatever ends Chromium (Ctrl+W, Alt+F4, a
# crash, a kill), it starts it again a second later, each time with a new, empty
# profile: nothing of the last visitor (zoom, history, form data, storage) and no
# "restore pages?" bubble. watchdog.py, beside it, starts Chromium and keeps it on
# the guide while it runs.
here=$(dirname "$(readlink -f "$0")")
# The window is sized to the screen (xdpyinfo, Debian's x11-utils): with no window
# manager, as on a bare kiosk session, Chromium's own full screen is not enough
# (and the watchdog makes it exact).
size=$(xdpyinfo 2>/dev/null | sed -n 's/.*dimensions: *\([0-9]*\)x\([0-9]*\).*/\1,\2/p')
profile=""
stop() {
  [ -n "$running" ] && kill "$running" 2>/dev/null && wait "$running"
  rm -rf "$profile"
  exit 0
}
trap stop INT TERM HUP
while :; do
  profile=$(mktemp -d "${TMPDIR:-/tmp}/patient-guide-kiosk.XXXXXX")
  python3 "$here/watchdog.py" ${size:+--screen=$size} "{{ start_page }}" -- \
    chromium --kiosk --user-data-dir="$profile" --no-first-run --noerrdialogs \
    --disable-session-crashed-bubble --disable-pinch --overscroll-history-navigation=0 \
    --disable-background-networking --disable-component-update --disable-sync \
    --window-position=0,0 ${size:+--window-size=$size} \
    {% if printing %}--kiosk-printing {% endif %}"$@" &
  running=$!
  wait "$running"
  running=""
  rm -rf "$profile"
  sleep 1
done
