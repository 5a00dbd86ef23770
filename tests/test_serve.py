"""`make serve`'s preview rebuilds when the data changes, and prints no PDFs."""
from __future__ import annotations

import subprocess
import time
from urllib.parse import urlparse

from conftest import ROOT, SITE_URL, fetch, free_port


def test_serve_rebuilds_on_a_data_edit_without_printing_pdfs(project_copy):
    # `make serve` builds the kiosk zip first; the web edition only serves it.
    (project_copy / "site-kiosk.zip").touch()
    port = free_port()
    # As `make serve` runs it (the watching comes with live reload).
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "mkdocs"), "serve", "--strict", "--watch-theme",
                               "-a", f"127.0.0.1:{port}"], cwd=project_copy,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        page = f"http://127.0.0.1:{port}{urlparse(SITE_URL).path}causes/"
        deadline = time.monotonic() + 60
        assert "Stress fracture" in fetch(page, deadline)
        causes = project_copy / "data" / "causes.yml"
        causes.write_text(causes.read_text().replace("name: Stress fracture", "name: Stress fracture (edited)"))
        fetch(page, time.monotonic() + 60, wanted="Stress fracture (edited)")
        handout = fetch(f"http://127.0.0.1:{port}{urlparse(SITE_URL).path}handouts/at-a-glance/", deadline)
        assert "Print this handout" in handout and "Download PDF" not in handout
    finally:
        server.terminate()
        server.wait(timeout=20)
