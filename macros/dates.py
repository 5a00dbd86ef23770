"""When a file last changed, from git: the date a data file's facts last changed.

A page's own date comes from the git-revision-date-localized plugin; a page
that shows data is as new as the newest of its page and its data files.
"""
from __future__ import annotations

import datetime
import functools
import subprocess
from pathlib import Path


@functools.lru_cache(maxsize=None)
def last_commit_date(path: Path) -> datetime.date | None:
    """The date of the last commit that changed ``path``; None outside git or
    for a file git does not track (a copy of the project, a new file)."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent,
                             capture_output=True, text=True, timeout=30)
    except OSError:  # no git on this machine
        return None
    if out.returncode != 0 or not out.stdout.strip():
        return None
    return datetime.date.fromisoformat(out.stdout.strip())


def last_updated(page_date: datetime.date | None, data_files: list[Path]) -> datetime.date | None:
    """The newest of a page's own date and the dates of the data it shows."""
    dates = [d for d in (page_date, *map(last_commit_date, data_files)) if d is not None]
    return max(dates, default=None)
