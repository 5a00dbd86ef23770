"""MkDocs hook, web edition only: the web app manifest, so a phone can add the
guide to its home screen (a kiosk and a ZIM have no home screen to add it to).
The service worker that keeps it usable offline is written after the build by
Workbox (workbox-config.cjs, run by `make build`).
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

MANIFEST = "manifest.webmanifest"
ICONS = {"192x192": "assets/images/icon-192.png", "512x512": "assets/images/icon-512.png"}


def manifest(config: MkDocsConfig) -> dict:
    app = config["guide_settings"].web_app
    return {
        "name": config.site_name,
        "short_name": app.short_name,
        "description": config.site_description,
        "lang": config.theme["language"],
        # Relative to the manifest: the site's own folder, on GitHub Pages /<repository>/.
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": app.theme_color,
        # The icons have room around the mark, so a phone may crop them to its shape.
        "icons": [{"src": src, "sizes": size, "type": "image/png", "purpose": "any maskable"}
                  for size, src in ICONS.items()],
    }


def on_post_build(config: MkDocsConfig) -> None:
    if config["guide_settings"].web:
        (Path(config.site_dir) / MANIFEST).write_text(json.dumps(manifest(config), indent=2, ensure_ascii=False))
