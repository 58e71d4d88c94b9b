"""Rows of block characters as terminal cells, drawn so that no font leaves a line through the letters: a
full block is a space on the ink colour (xterm with DejaVu Sans Mono leaves a dark line under every █), and
both half blocks are a lower half block (`▄`), in the lower pixel's colour on the upper pixel's. The upper
half block is never used: in that font it begins a pixel below the cell's top, a grey line where it meets
the ink above, while the lower one reaches the cell's bottom; where a glyph is off by a pixel, only the edge
in the middle of the cell moves."""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.style import Style

_RUNS = re.compile(r"(█+|▀+)")


def block_cells(row: str, style: Style) -> list[Segment]:
    """``row`` (of ``' ▀▄█'``, or plain text) in ``style``'s ink (its colour) on its paper (its background)."""
    solid = style + Style(bgcolor=style.color)
    upper = style + Style(color=style.bgcolor, bgcolor=style.color)
    segments = []
    for part in _RUNS.split(row):
        if part.startswith("█"):
            segments.append(Segment(" " * len(part), solid))
        elif part.startswith("▀"):
            segments.append(Segment("▄" * len(part), upper))
        elif part:
            segments.append(Segment(part, style))
    return segments
