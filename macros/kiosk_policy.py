"""The Chromium policy that locks a kiosk machine down to the guide's own files.

Chromium reads managed policies from /etc/chromium/policies/managed/*.json. Each
name here is one Chromium knows (a test checks them against the installed browser).
"""
from __future__ import annotations

from typing import Any

from .settings import KioskSettings

SITE_FOLDER = "site-kiosk"
SETUP_FOLDER = "kiosk-setup"


def start_page(kiosk: KioskSettings) -> str:
    return f"file://{kiosk.install_folder}/{SITE_FOLDER}/index.html"


# Internal pages, which the "*" below does not cover: Chromium lets them through
# unless they are named. view-source: is blocked with the developer tools.
INTERNAL_PAGES = ["chrome://*", "chrome-untrusted://*", "chrome-search://*", "chrome-extension://*", "devtools://*"]


def chromium_policy(kiosk: KioskSettings) -> dict[str, Any]:
    folder = f"file://{kiosk.install_folder}/{SITE_FOLDER}/"
    return {
        # Nothing but the guide's own folder opens; Chromium matches the path as a
        # prefix, and the longer match wins, so the setup folder stays shut. (A folder
        # listing is allowed by a prefix; the watchdog replaces it with the start page.)
        "URLBlocklist": ["*", *INTERNAL_PAGES, f"{folder}{SETUP_FOLDER}"],
        "URLAllowlist": [folder],
        "DownloadRestrictions": 3,            # block every download
        "AllowFileSelectionDialogs": False,   # no dialog onto the machine's folders
        "DeveloperToolsAvailability": 2,      # no developer tools
        "PrintingEnabled": kiosk.printing,
        # Printing, where allowed, goes to a real printer, never to "Save as PDF".
        "PrinterTypeDenyList": ["pdf", "extension", "cloud", "privet"],
        "IncognitoModeAvailability": 1,
        "BrowserGuestModeEnabled": False,
        "BrowserAddPersonEnabled": False,
        "BrowserSignin": 0,
        "SyncDisabled": True,
        "PasswordManagerEnabled": False,
        "AutofillAddressEnabled": False,
        "AutofillCreditCardEnabled": False,
        "SavingBrowserHistoryDisabled": True,
        "TranslateEnabled": False,
        "TaskManagerEndProcessEnabled": False,
        "EditBookmarksEnabled": False,
        "BookmarkBarEnabled": False,
        "DefaultBrowserSettingEnabled": False,
        "MetricsReportingEnabled": False,
    }
