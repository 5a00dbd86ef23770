#!/bin/sh
# Installs the Debian packages that printing and the browser tests use, when
# they are missing: Chromium (driven by Playwright; Playwright's own browser
# download is not used) and its fonts, poppler-utils (pdfinfo, pdftotext,
# pdftoppm) and zbar-tools (zbarimg, to read QR codes back); for the real kiosk
# under test, Xvfb, xdotool, ImageMagick, x11-utils (xdpyinfo) and openbox (a
# window manager, as a kiosk's desktop session has); Java for the Nu Html Checker;
# zim-tools (zimcheck) and kiwix-tools (kiwix-serve) for the Kiwix edition's ZIMs.
# Needs root or sudo; elsewhere it says what to install.
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium fonts-liberation"
command -v pdfinfo >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v zbarimg >/dev/null 2>&1 || missing="$missing zbar-tools"
command -v Xvfb >/dev/null 2>&1 || missing="$missing xvfb"
command -v xdotool >/dev/null 2>&1 || missing="$missing xdotool"
command -v import >/dev/null 2>&1 || missing="$missing imagemagick"
command -v xdpyinfo >/dev/null 2>&1 || missing="$missing x11-utils"
command -v openbox >/dev/null 2>&1 || missing="$missing openbox"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v zimcheck >/dev/null 2>&1 || missing="$missing zim-tools"
command -v kiwix-serve >/dev/null 2>&1 || missing="$missing kiwix-tools"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "Browser tests need: $missing (Debian packages). Install them, then run make test again." >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get here: install $missing by hand for the browser tests." >&2
  exit 0
fi
echo "Installing $missing for the browser tests"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
