"""The Chromium policy that locks a kiosk machine down to the guide's own files.

Chromium reads managed policies from /etc/chromium/policies/managed/*.json. Each
name here is one Chromium knows (a test checks them against the installed browser).
"""
from __future__ import annotations

from typing import Any

from .settings import KioskSettings

SITE_FOLDER = "site-kiosk"


def start_page(kiosk: KioskSettings) -> str:
    return f"file://{kiosk.install_folder}/{SITE_FOLDER}/index.html"


def chromium_policy(kiosk: KioskSettings) -> dict[str, Any]:
    return {
        # Nothing but the guide's own folder opens; Chromium matches the path as a prefix.
        "URLBlocklist": ["*"],
        "URLAllowlist": [f"file://{kiosk.install_folder}/{SITE_FOLDER}/"],
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
