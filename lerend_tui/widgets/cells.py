"""Rows of block characters as terminal cells, drawn so that no font leaves a line through the letters: a
full block is a space on the ink colour (xterm with DejaVu Sans Mono leaves a dark line under every █), and
both half blocks are a lower half block (`▄`), in the lower pixel's colour on the upper pixel's. The upper
half block is never used: in that font it begins a pixel below the cell's top, a grey line where it meets
the ink above, while the lower one reaches the cell's bottom; where a glyph is off by a pixel, only the edge
in the middle of the cell moves."""

from __future__ import annotations

import re
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style

_INKED = re.compile(r"([█▀]+)")
"""Runs of cells whose upper half is ink: drawn on the ink, the rest on the paper."""
_ON_INK = str.maketrans("█▀", " ▄")


def block_cells(row: str, style: Style) -> list[Segment]:
    """``row`` (of ``' ▀▄█'``, or plain text) in ``style``'s ink (its colour) on its paper (its background),
    in as few segments as the colours allow: two styles, ink on paper and paper on ink."""
    on_ink = _on_ink(style)
    return [Segment(part.translate(_ON_INK), on_ink) if index % 2 else Segment(part, style)
            for index, part in enumerate(_INKED.split(row)) if part]


@lru_cache(maxsize=32)
def _on_ink(style: Style) -> Style:
    """``style`` the other way round, paper on ink: made once per style, as the beamer asks every second."""
    return style + Style(color=style.bgcolor, bgcolor=style.color)
