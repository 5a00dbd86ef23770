"""No page copies 8 or more words in a row from the source article."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import SHARED

OVERLAP = SHARED / "tools" / "overlap.py"


def test_no_page_copies_the_source_wording(editions):
    if not OVERLAP.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{OVERLAP} is missing in CI, where ../shared must be present")
        pytest.skip("../shared/tools/overlap.py is not here: the source is not part of a reader's clone")
    result = subprocess.run([sys.executable, str(OVERLAP), "--words", "8", str(editions.web), str(editions.kiosk)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
