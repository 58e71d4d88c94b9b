"""Large block digits for the beamer: a 5-row pixel font scaled to fill a box of terminal cells.

Plain Python (no Textual), so the scaling can be unit-tested and reused outside the UI.

Scales are counted per font pixel: ``sx`` columns wide and ``hy`` *half rows* tall. Counting
vertically in half rows lets half blocks (``▀ ▄``) give odd heights, and makes the proportions
easy: a terminal cell is about twice as tall as wide, so ``sx == hy`` is a square pixel (the
"``sx ≈ 2*sy``" of full rows). Pixels may be stretched up to twice as tall (``sx == sy``) or twice as
wide as they are high, which is what lets the digits fill the whole box instead of only a square
fit; beyond that the font stops looking like itself.
"""

from __future__ import annotations

from functools import lru_cache

FONT_HEIGHT = 5
"""Rows of every glyph in font pixels."""

_FONT_ART: dict[str, str] = {
    "0": "### #.# #.# #.# ###",
    "1": ".#. ##. .#. .#. ###",
    "2": "### ..# ### #.. ###",
    "3": "### ..# .## ..# ###",
    "4": "#.# #.# ### ..# ..#",
    "5": "### #.. ### ..# ###",
    "6": "### #.. ### #.# ###",
    "7": "### ..# ..# ..# ..#",
    "8": "### #.# ### #.# ###",
    "9": "### #.# ### ..# ###",
    ":": ". # . # .",
    "+": "... .#. ### .#. ...",
    "-": "... ... ### ... ...",
    " ": ".. .. .. .. ..",
}
"""Each glyph as its five rows, top to bottom, separated by spaces (``#`` on, ``.`` off).

All digits share one width so the clock does not shift sideways while it counts down.
"""


def _parse(art: str) -> tuple[tuple[bool, ...], ...]:
    rows = art.split()
    assert len(rows) == FONT_HEIGHT and len({len(row) for row in rows}) == 1, art
    return tuple(tuple(pixel == "#" for pixel in row) for row in rows)


FONT: dict[str, tuple[tuple[bool, ...], ...]] = {char: _parse(art) for char, art in _FONT_ART.items()}
"""Glyph bitmaps: ``FONT[char][row][column]`` is True where the pixel is on."""

GAP = 1
"""Empty pixel columns between two glyphs (scaled like every other pixel)."""

MAX_TALL = 1
"""A pixel may be at most this many times taller than wide (``hy <= MAX_TALL * sx``; 2 is ``sx == sy``)."""

MAX_WIDE = 2
"""A pixel may be at most this many times wider than tall (``sx <= MAX_WIDE * hy``)."""

_HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def pixel_width(text: str) -> int:
    """Width of ``text`` in font pixels, gaps included (0 if empty)."""
    if not text:
        return 0
    return sum(len(FONT[char][0]) for char in text) + GAP * (len(text) - 1)


def big_size(text: str, sx: int, hy: int) -> tuple[int, int]:
    """(columns, rows) that ``text`` takes at scale ``sx`` × ``hy`` (half rows)."""
    return pixel_width(text) * sx, -(-FONT_HEIGHT * hy // 2)


def choose_scale(text: str, width: int, height: int) -> tuple[int, int] | None:
    """The largest scale ``(sx, hy)`` at which ``text`` fits in ``width`` × ``height`` cells.

    ``sx`` is columns per pixel, ``hy`` half rows per pixel. Returns None when ``text`` is empty,
    holds a character the font lacks, or does not fit even at the smallest scale (1 column × 1 half row).
    Width and height are filled independently, then the pixel is kept within ``MAX_TALL``/``MAX_WIDE``.
    """
    if not text or any(char not in FONT for char in text):
        return None
    sx_max = width // pixel_width(text)
    hy_max = 2 * height // FONT_HEIGHT  # ceil(5 * hy / 2) <= height  <=>  5 * hy <= 2 * height
    if sx_max < 1 or hy_max < 1:
        return None
    sx = min(sx_max, MAX_WIDE * hy_max)
    hy = min(hy_max, MAX_TALL * sx)
    return sx, hy


def fits_big(text: str, width: int, height: int) -> bool:
    """Whether ``render_big`` can draw ``text`` as block digits (not the plain fallback) in the box."""
    return choose_scale(text, width, height) is not None


def render_big(text: str, width: int, height: int) -> list[str]:
    """``text`` as large block digits within ``width`` columns × ``height`` rows.

    All lines have the same length; no line is longer than ``width`` and there are at most
    ``height`` lines. Falls back to the plain text (cut to ``width``) when the digits cannot fit.
    The result depends on the arguments only.
    """
    return list(_render_big(text, max(width, 0), max(height, 0)))


@lru_cache(maxsize=128)
def _render_big(text: str, width: int, height: int) -> tuple[str, ...]:
    scale = choose_scale(text, width, height)
    if scale is None:
        return (text[:width],) if text and width and height else ()
    sx, hy = scale
    glyphs = [FONT[char] for char in text]
    gap = (False,) * GAP
    # Each pixel row as a full-row string ("█"/" "), every pixel sx columns wide.
    full_rows = [
        "".join(
            ("█" if pixel else " ") * sx
            for index, glyph in enumerate(glyphs)
            for pixel in (gap if index else ()) + glyph[row]
        )
        for row in range(FONT_HEIGHT)
    ]
    # One entry per half row, padded to a whole number of cells; equal halves need no half blocks.
    half_rows = [row for row in full_rows for _ in range(hy)]
    if len(half_rows) % 2:
        half_rows.append(" " * len(half_rows[0]))
    return tuple(
        top if top == bottom else "".join(_HALF_BLOCKS[a == "█", b == "█"] for a, b in zip(top, bottom))
        for top, bottom in zip(half_rows[::2], half_rows[1::2])
    )
