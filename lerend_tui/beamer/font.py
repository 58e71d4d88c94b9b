"""Block fonts for the beamer, as data: the clock's digits (`DIGITS`) and the letters for the words around
them (`LETTERS`), drawn in the four characters ``' ▀▄█'`` that every terminal font has.

The glyphs are pixel art in text files beside this module (``fonts/*.txt``; their opening lines describe
the format), each read when it is first used and checked then: a malformed glyph is a `DataError` naming the
file and the line. (The meeting screen starts without either: its block digits show only in a large terminal.)

Sizes are counted per font pixel: a `Scale` of ``sx`` columns and ``hy`` *half rows*. Counting vertically in
half rows lets half blocks give odd heights, and keeps the proportions plain: a terminal cell is about twice
as tall as wide, so ``sx == hy`` is a square pixel. A pixel may be up to twice as tall as wide (``hy <=
2 * sx``) or twice as wide as tall (``sx <= 2 * hy``): that lets a text fill its box rather than only a
square fit of it; beyond that the font stops looking like itself.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lerend_tui.common.validation import DataError

MAX_TALL = 2
"""A pixel is at most this many times taller than wide (``hy <= MAX_TALL * sx``)."""
MAX_WIDE = 2
"""A pixel is at most this many times wider than tall (``sx <= MAX_WIDE * hy``)."""
GAP = 1
"""Empty pixel columns between two glyphs (scaled like every other pixel)."""
REPLACEMENT = "?"
"""What a character shows that has no glyph, not even through its base letter."""
_ALIASES = {"’": "'", "‘": "'", "‚": ",", "“": '"', "”": '"', "„": '"', "−": "-", "‐": "-", "‑": "-"}
"""Typographic characters shown as the plain ones the font has (decomposition does not map these)."""
_HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
"""A cell by whether its upper and its lower half are ink."""

Glyph = tuple[tuple[bool, ...], ...]
"""A glyph's pixels, ``glyph[row][column]``, True where there is ink."""


class Scale(NamedTuple):
    sx: int
    """Terminal columns per font pixel."""
    hy: int
    """Half terminal rows per font pixel."""


SMALLEST = Scale(1, 1)


def cell_rows(pixels_high: int, hy: int) -> int:
    """Terminal rows that ``pixels_high`` rows of pixels take at ``hy`` half rows per pixel."""
    return -(-pixels_high * hy // 2)


def largest_scale(pixels_wide: int, pixels_high: int, width: int, height: int) -> Scale | None:
    """The largest scale at which a block of ``pixels_wide`` × ``pixels_high`` font pixels fits in ``width``
    columns × ``height`` rows, with the pixel's shape kept within `MAX_TALL` and `MAX_WIDE`; None if it does
    not fit even at one column by one half row. Width and height are filled independently, then the
    longer side of the pixel is cut back to what the shape allows."""
    if pixels_wide <= 0 or pixels_high <= 0:
        return None
    sx_max = width // pixels_wide
    hy_max = 2 * height // pixels_high  # ceil(pixels_high * hy / 2) <= height  <=>  pixels_high * hy <= 2 * height
    if sx_max < 1 or hy_max < 1:
        return None
    sx = min(sx_max, MAX_WIDE * hy_max)
    return Scale(sx, min(hy_max, MAX_TALL * sx))


@dataclass(frozen=True, eq=False)  # compared (and cached) by identity: there is one of each font
class Font:
    name: str
    height: int
    """Rows of every glyph, in font pixels."""
    glyphs: Mapping[str, Glyph]
    body: range
    """The pixel rows the capitals and digits use: what every text shows at least. A text is drawn only
    as high as its glyphs reach beyond that (an accent above, a comma's tail below), so the plain words
    of a state need fewer rows than a name with an accent (see `span`)."""

    @lru_cache(maxsize=512)  # noqa: B019 -- the fonts live as long as the program
    def text(self, text: str) -> str:
        """``text`` as this font draws it: upper case; white space as spaces; a character without a glyph as
        its base letter (``Ŀ`` as ``L``, ``Ĳ`` as ``IJ``), else as `REPLACEMENT`."""
        return "".join(self._character(char) for char in text.upper())

    def _character(self, char: str) -> str:
        if char in self.glyphs:
            return char
        if char.isspace():
            return " "
        char = _ALIASES.get(char, char)
        base = "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))
        return "".join(part if part in self.glyphs else REPLACEMENT for part in base.upper()) or REPLACEMENT

    @lru_cache(maxsize=512)  # noqa: B019 -- the fonts live as long as the program
    def width(self, text: str) -> int:
        """Width of ``text`` in font pixels, the gaps between glyphs included (0 if empty)."""
        shown = self.text(text)
        return sum(len(self.glyphs[char][0]) for char in shown) + GAP * max(len(shown) - 1, 0)

    def plain(self, text: str) -> str:
        """``text`` as this font draws it, without accents (``ZOË`` as ``ZOE``): lower, where a box has no
        room for the rows of the accents."""
        return self.text("".join(part for part in unicodedata.normalize("NFKD", self.text(text))
                                 if not unicodedata.combining(part)))

    def span(self, text: str) -> range:
        """The pixel rows ``text`` is drawn in: the `body`, and the rows above or below it that its glyphs
        ink."""
        inked = [row for char in set(self.text(text)) for row, pixels in enumerate(self.glyphs[char]) if any(pixels)]
        return range(min([self.body.start, *inked]), max([self.body.stop, *(row + 1 for row in inked)]))

    def pixels_high(self, lines: Sequence[str]) -> int:
        """Pixel rows of ``lines`` one under the other (see `render_lines`)."""
        return (len(lines) - 1) * self.height + len(self.span("".join(lines))) if lines else 0

    def size(self, text: str, scale: Scale) -> tuple[int, int]:
        """(columns, rows) that ``text`` takes at ``scale``."""
        return self.width(text) * scale.sx, cell_rows(len(self.span(text)), scale.hy)

    def scale_for(self, text: str, width: int, height: int) -> Scale | None:
        """The largest scale at which ``text`` fits in ``width`` × ``height`` cells (None: it does not)."""
        return largest_scale(self.width(text), len(self.span(text)), width, height)

    def place(self, text: str, template: str, width: int, height: int) -> tuple[Scale, int, int] | None:
        """Where ``text`` goes in ``width`` × ``height`` cells: its scale, sized for ``template`` (or the text,
        where it is wider), the column it starts at and the width sized for. The template's width is centred
        and the text right-aligned in it, so a clock's digits stand where they stood when a ``+`` comes in
        front of them. None when not even the smallest scale fits."""
        sizing = max(template, text, key=self.width)
        scale = self.scale_for(sizing, width, height)
        if scale is None:
            return None
        block = self.width(sizing) * scale.sx
        return scale, (width - block) // 2 + block - self.width(text) * scale.sx, block

    def render(self, text: str, scale: Scale) -> list[str]:
        """``text`` at ``scale``: `size` rows of equal length in ``' ▀▄█'`` (a pixel row that ends halfway
        down a cell leaves the cell's lower half as paper)."""
        return self.render_lines([text], scale)

    def render_lines(self, lines: Sequence[str], scale: Scale) -> list[str]:
        """``lines`` at ``scale`` one under the other, each centred on the widest, a line every `height`
        pixels (the accent and descender rows keep them apart), the whole as high as its text reaches
        (`pixels_high`)."""
        return list(self._render(tuple(self.text(line) for line in lines), scale))

    @lru_cache(maxsize=256)  # noqa: B019 -- the fonts live as long as the program
    def _render(self, lines: tuple[str, ...], scale: Scale) -> tuple[str, ...]:
        if not any(lines):
            return ()
        sx, hy = scale
        widest = max(map(self.width, lines)) * sx
        span = self.span("".join(lines))
        # Each half row as (line, pixel row), the block cut to the span; a half row of paper (None) pads the
        # block to whole cells.
        halves: list[tuple[int, int | None]] = [
            (index, row) for index in range(len(lines)) for row in range(self.height) for _ in range(hy)]
        halves = halves[span.start * hy:len(halves) - (self.height - span.stop) * hy]
        if len(halves) % 2:
            halves.append((halves[-1][0], None))
        cells = []
        for (top_line, top), (bottom_line, bottom) in zip(halves[::2], halves[1::2]):
            if top_line == bottom_line:  # one line: glyph by glyph, from cells made once per glyph
                cells.append(self._line_cells(lines[top_line], top, bottom, sx, widest))
            else:  # the row of cells where one line ends and the next begins
                upper = self._line_cells(lines[top_line], top, top, sx, widest)
                lower = self._line_cells(lines[bottom_line], bottom, bottom, sx, widest)
                cells.append("".join(_HALF_BLOCKS[a == "█", b == "█"] for a, b in zip(upper, lower)))
        return tuple(cells)

    @lru_cache(maxsize=256)  # noqa: B019 -- the fonts live as long as the program
    def _line_cells(self, line: str, top: int | None, bottom: int | None, sx: int, width: int) -> str:
        """A row of cells of ``line``, centred in ``width`` columns: its pixel row ``top`` in the cells' upper
        halves and ``bottom`` in their lower halves (None: paper)."""
        drawn = (" " * (GAP * sx)).join(self._glyph_cells(char, top, bottom, sx) for char in line)
        left = (width - len(drawn)) // 2 // sx * sx
        return " " * left + drawn + " " * (width - left - len(drawn))

    @lru_cache(maxsize=2048)  # noqa: B019 -- the fonts live as long as the program
    def _glyph_cells(self, char: str, top: int | None, bottom: int | None, sx: int) -> str:
        """A glyph's cells with its pixel row ``top`` in their upper halves and ``bottom`` in their lower ones
        (None: paper), each pixel ``sx`` columns wide."""
        glyph = self.glyphs[char]
        paper = (False,) * len(glyph[0])
        upper = paper if top is None else glyph[top]
        lower = paper if bottom is None else glyph[bottom]
        return "".join(_HALF_BLOCKS[a, b] * sx for a, b in zip(upper, lower))

    def render_in(self, text: str, width: int, height: int) -> list[str]:
        """``text`` as large as it fits in ``width`` × ``height`` (rows of equal length, at most ``width``
        long and ``height`` many); where it cannot be drawn big, the plain text on one line, cut to
        ``width``: a terminal too small for the big letters still shows the words."""
        scale = self.scale_for(text, width, height)
        if scale is None:
            return [text[:width]] if text and width > 0 and height > 0 else []
        return self.render(text, scale)

    def first_fitting(self, texts: Iterable[str], width: int, height: int,
                      smallest: Scale = SMALLEST) -> tuple[str, Scale] | None:
        """The first of ``texts`` (the fullest first: "NU: ANNE-MARIE VAN DER BERG", then "ANNE-MARIE VAN
        DER BERG", then "ANNE-MARIE") that fits in the box at ``smallest`` or larger, with its scale; each
        text without its accents (`plain`) before the next text, as losing an accent loses less."""
        for text in texts:
            for shown in dict.fromkeys((self.text(text), self.plain(text))):
                scale = self.scale_for(shown, width, height)
                if scale is not None and scale.sx >= smallest.sx and scale.hy >= smallest.hy:
                    return shown, scale
        return None

    def wrap(self, text: str, width: int, height: int) -> tuple[list[str], Scale] | None:
        """``text`` over as many lines as make its letters the largest (by pixel area, then fewest lines)
        in ``width`` × ``height`` (drawn by `render_lines`). Words are broken only when no whole word fits a
        line otherwise. None when it does not fit even at the smallest scale."""
        result = self._wrap(self.text(" ".join(text.split())), max(width, 0), max(height, 0))
        return (list(result[0]), result[1]) if result else None

    @lru_cache(maxsize=64)  # noqa: B019 -- the fonts live as long as the program
    def _wrap(self, text: str, width: int, height: int) -> tuple[tuple[str, ...], Scale] | None:
        words = text.split(" ") if text else []
        if not words:
            return None
        for break_words in (False, True):
            best: tuple[int, int, tuple[str, ...], Scale] | None = None  # (-area, lines, lines, scale)
            for count in itertools.count(1):
                hy_max = 2 * height // self.pixels_high([text] * count)
                if hy_max < 1:
                    break
                for sx in range(min(MAX_WIDE * hy_max, width), 0, -1):  # the widest pixel that wraps in `count`
                    lines = self._lines(words, width // sx, break_words)
                    if lines is not None and len(lines) <= count:
                        scale = Scale(sx, min(hy_max, MAX_TALL * sx))
                        candidate = (-scale.sx * scale.hy, len(lines), lines, scale)
                        if best is None or candidate[:2] < best[:2]:
                            best = candidate
                        break
            if best is not None:
                return best[2], best[3]
        return None

    def least_rows(self, text: str, width: int) -> int | None:
        """Rows ``text`` needs at the smallest scale, wrapped in ``width`` columns (None: not even a letter
        fits): what a band must have to show it in big letters at all."""
        lines = self._lines(self.text(" ".join(text.split())).split(), width, True) if text.strip() else None
        return cell_rows(self.pixels_high(lines), 1) if lines else None

    def _lines(self, words: list[str], pixels: int, break_words: bool) -> tuple[str, ...] | None:
        """``words`` greedily on lines of at most ``pixels`` font pixels; a word too wide for a line is
        broken between its letters when ``break_words``, else there is no wrapping (None)."""
        lines: list[str] = []
        for word in words:
            if self.width(word) > pixels:
                if not break_words:
                    return None
                pieces = [""]
                for char in word:
                    if pieces[-1] and self.width(pieces[-1] + char) > pixels:
                        pieces.append("")
                    pieces[-1] += char
                if self.width(pieces[0]) > pixels:  # not even one letter fits
                    return None
            else:
                pieces = [word]
            for piece in pieces:
                if lines and self.width(f"{lines[-1]} {piece}") <= pixels:
                    lines[-1] += " " + piece
                else:
                    lines.append(piece)
        return tuple(lines)


def parse(source: str, text: str) -> Font:
    """The font in ``text`` (the format of ``fonts/*.txt``); ``source`` names it in errors. Checks that every
    glyph has rows of one width in '#' and '.', the font's one height, and that the font has a space and
    the `REPLACEMENT`."""
    glyphs: dict[str, list[str]] = {}
    starts: dict[str, int] = {}
    current: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line.startswith("[") and line.endswith("]") and len(line) > 2:
            name = line[1:-1]
            char = " " if name == "space" else name
            if len(char) != 1:
                raise DataError(source, f"'{name}' is geen teken: één teken tussen haken, of [space]", line=number)
            if char in glyphs:
                raise DataError(source, f"het teken '{name}' staat er twee keer in", line=number)
            current = glyphs[char] = []
            starts[char] = number
        elif current is None or not line:
            continue  # the description above the first glyph, or a blank line between glyphs
        elif set(line) <= {"#", "."}:
            current.append(line)
        else:
            raise DataError(source, f"een rij van een teken bestaat uit '#' en '.', niet '{line}'", line=number)
    if not glyphs:
        raise DataError(source, "er staat geen enkel teken in")
    height = len(next(iter(glyphs.values())))
    for char, rows in glyphs.items():
        if len(rows) != height:
            raise DataError(source, f"het teken {char!r} is {len(rows)} rijen hoog, het eerste {height}",
                            line=starts[char])
        if len({len(row) for row in rows}) != 1:
            raise DataError(source, f"de rijen van het teken {char!r} zijn niet even breed", line=starts[char])
    for needed in (" ", REPLACEMENT):
        if needed not in glyphs:
            raise DataError(source, f"het teken {needed!r} ontbreekt")
    bitmaps = {char: tuple(tuple(pixel == "#" for pixel in row) for row in rows) for char, rows in glyphs.items()}
    body = [row for char in bitmaps if char.isalnum() and char.isascii()
            for row, pixels in enumerate(bitmaps[char]) if any(pixels)]
    return Font(source, height, bitmaps, range(min(body), max(body) + 1) if body else range(height))


def load(name: str) -> Font:
    """The font in ``fonts/<name>.txt`` beside this module (package data)."""
    path = Path(__file__).with_name("fonts") / f"{name}.txt"
    return parse(f"fonts/{name}.txt", path.read_text(encoding="utf-8"))


DIGITS: Font
"""The clock: digits all of one width, ':', '+' and '-', 5 pixels high."""
LETTERS: Font
"""The words: capitals (with the accents Dutch uses), digits and punctuation, 8 pixels high."""
_FILES = {"DIGITS": "digits", "LETTERS": "letters"}

if not TYPE_CHECKING:  # to the type checker the two fonts are the plain names above
    def __getattr__(name: str) -> Font:
        """`DIGITS` or `LETTERS`, read from its file the first time it is asked for (PEP 562)."""
        if name not in _FILES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        font = globals()[name] = load(_FILES[name])
        return font
