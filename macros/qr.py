"""QR codes made at build time (segno, no network), as data for a template."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

import segno


@dataclass(frozen=True)
class QrCode:
    address: str  # what the code opens
    size: int     # modules a side, quiet border included
    path: str     # SVG path data: one rectangle per run of dark modules in a row


def qr_code(address: str, border: int = 2) -> QrCode:
    matrix = list(segno.make(address, error="m").matrix_iter(border=border))
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        for dark, modules in groupby(row):
            length = len(list(modules))
            if dark:
                runs.append(f"M{x} {y}h{length}v1h-{length}z")
            x += length
    return QrCode(address, len(matrix), "".join(runs))
