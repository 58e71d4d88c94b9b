"""The phase's guidance for the facilitator, which never stops mid-sentence.

On a small terminal the guidance gets a few rows. Cut off at the last row, it would end in the middle of
a sentence ("Heet iedereen welkom en kom samen aan. Een"), and the facilitator reads a half instruction
aloud. Where the rows run out, it ends after the last whole sentence (or line) that fits, with an
ellipsis; a larger terminal shows it all.
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

ELLIPSIS = " …"
_BREAK = re.compile(r"(?<=[.!?:;])\s|\n")


def fit_whole_sentences(content: Content, width: int, rows: int) -> Content:
    """`content` if it wraps to at most `rows` lines of `width` cells, else its longest beginning that ends
    a sentence or a line and fits with the ellipsis (the first sentence, cut, when not even that fits)."""
    if len(content.wrap(width)) <= rows:
        return content
    ends = [match.start() for match in _BREAK.finditer(content.plain)]
    for end in reversed(ends):
        candidate = content[:end].rstrip() + ELLIPSIS
        if len(candidate.wrap(width)) <= rows:
            return candidate
    return content


class Guidance(Static):
    """A Static whose text ends at a whole sentence when its `max-height` (in rows) is too small for it."""

    def __init__(self, content: Content, **options: str) -> None:
        super().__init__(content, **options)  # type: ignore[arg-type]
        self._full = content

    def update(self, content: Content | str = "", *, layout: bool = True) -> None:  # type: ignore[override]
        self._full = Content(content) if isinstance(content, str) else content
        self._show_fitting(layout=layout)

    def on_resize(self) -> None:
        self._show_fitting()

    def _show_fitting(self, *, layout: bool = True) -> None:
        limit = self.styles.max_height
        width = self.content_region.width
        if limit is None or not limit.is_cells or width <= 0:
            super().update(self._full, layout=layout)
            return
        super().update(fit_whole_sentences(self._full, width, int(limit.value)), layout=layout)
