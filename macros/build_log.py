"""Build messages that go beside MkDocs' own log.

MkDocs' `--strict` stops a build on any warning in its log. A reminder that must
not stop the build (a review that is due, a placeholder web address) goes to a
logger of its own instead, printed in MkDocs' style.
"""
from __future__ import annotations

import logging


def side_log(name: str, label: str) -> logging.Logger:
    """A logger that prints "LABEL -  message" and never reaches MkDocs' log."""
    log = logging.getLogger(name)
    log.propagate = False
    log.setLevel(logging.INFO)
    # Once per process: MkDocs may load the code that asks for it more than once.
    if not any(isinstance(h, _SideHandler) for h in log.handlers):
        handler = _SideHandler()
        handler.setFormatter(logging.Formatter(f"{label:<8}-  %(message)s"))
        log.addHandler(handler)
    return log


class _SideHandler(logging.StreamHandler):
    pass
