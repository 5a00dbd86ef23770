#!/bin/sh
# Starts the patient guide kiosk: Chromium, full screen, on the guide's start page.
# Made by `make kiosk` from kiosk/start-kiosk.sh and the settings in mkdocs-kiosk.yml.
# The window is sized to the screen (xdpyinfo, Debian's x11-utils): with no window
# manager, as on a bare kiosk session, Chromium's own full screen is not enough.
size=$(xdpyinfo 2>/dev/null | sed -n 's/.*dimensions: *\([0-9]*\)x\([0-9]*\).*/\1,\2/p')
exec chromium --kiosk --no-first-run --noerrdialogs --disable-session-crashed-bubble \
  --disable-pinch --overscroll-history-navigation=0 --disable-background-networking \
  --disable-component-update --disable-sync --window-position=0,0 ${size:+--window-size=$size} \
  {% if printing %}--kiosk-printing {% endif %}"$@" "{{ start_page }}"
