"""The remaining time in block digits that grow with the widget, for the beamer.

The beamer redraws these digits once a second for hours, so the widget keeps the work per second small:
it repaints only the rows that changed, and, being a plain widget (no border, padding, tint or opacity),
hands Textual its finished lines itself instead of having every changed line restyled.
"""

from __future__ import annotations

from typing import Self

from rich.segment import Segment
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from lerend_tui.beamer.font import DIGITS


def changed_rows(old: list[str], new: list[str], top: int, width: int) -> list[Region]:
    """Where the rows of digits ``new`` differ from ``old`` (both ``top`` lines down), one region per run
    of such rows. Whole lines: Textual redraws and sends a widget's line from its left edge on anyway."""
    regions: list[Region] = []
    run_start: int | None = None
    for y, (a, b) in enumerate(zip([*old, ""], [*new, ""])):
        if a != b and run_start is None:
            run_start = y
        elif a == b and run_start is not None:
            regions.append(Region(0, top + run_start, width, y - run_start))
            run_start = None
    return regions


class BigClock(Widget):
    """Shows ``text`` (e.g. ``"12:34"`` or ``"+03:12"``) as large as its content region allows.

    Size it in CSS (e.g. ``1fr``/``100%``); with ``auto`` it takes the digits' size in its container.
    """

    def __init__(
        self,
        text: str = "00:00",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._text = text
        self._layout: tuple[tuple[str, int, int], tuple[list[str], int, int]] | None = None
        self._finished: dict[str, Strip] = {}
        """The lines last handed over as the screen gets them (centred, styled, through the app's line
        filters), by their row of digits: a row that stays the same from one second to the next is not made
        again."""
        self._finished_for: tuple[int, int] | None = None
        self._drawn_size = (0, 0)
        """The size of the content the last lines were drawn for: where a new text is compared with the
        old (a widget that changes size is drawn anew all over anyway)."""

    @property
    def text(self) -> str:
        return self._text

    @text.setter
    def text(self, text: str) -> None:
        """Show ``text``, repainting only the rows that change (most seconds: some of the last digit's).
        A plain property rather than a reactive, to do no more than that every second."""
        if text == self._text:
            return
        width, height = self._drawn_size
        old, self._text = self._layout_for(width, height), text
        new = self._layout_for(width, height)
        if len(old[0]) != len(new[0]) or old[1:] != new[1:]:  # digits of another size (and so an auto layout)
            self.refresh(layout=True)
            return
        regions = changed_rows(old[0], new[0], new[1], width)
        if regions:
            self.refresh(*regions)

    def _layout_for(self, width: int, height: int) -> tuple[list[str], int, int]:
        """The rows of digits for ``text`` in ``width`` × ``height``, and their distance from the top and
        from the left when centred."""
        key = (self._text, width, height)
        if self._layout is None or self._layout[0] != key:
            rows = DIGITS.render_in(*key)
            self._layout = (key, (rows, (height - len(rows)) // 2, (width - len(rows[0])) // 2 if rows else 0))
        return self._layout[1]

    def _line(self, y: int, width: int, height: int) -> str:
        """Line ``y`` of the digits, centred in ``width`` × ``height``."""
        rows, top, left = self._layout_for(width, height)
        row = rows[y - top] if 0 <= y - top < len(rows) else ""
        return " " * left + row + " " * (width - left - len(row)) if row else " " * width

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._finished_for = None  # a new colour (warning, overtime): draw the lines anew

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if repaint and not regions:  # all of it, for whatever reason (a colour set from code, say): draw anew
            self._finished_for = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_line(self, y: int) -> Strip:
        """One line of the digits (the line API: no wrapping or markup work on every tick)."""
        width, height = self._drawn_size = self.content_size
        return Strip([Segment(self._line(y, width, height), self.rich_style)], width)

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in ``crop``. With nothing around or over the digits to draw, Textual's styles cache would
        only pass each changed line through unchanged, at a cost that is most of the beamer's work per
        second: then the finished lines come from here, made once per row of digits and colour."""
        styles = self.styles
        if styles.gutter or styles.outline or styles.tint.a or styles.text_opacity != 1 or self.opacity != 1 \
                or styles.has_rule("hatch"):
            return super().render_lines(crop)
        width, height = self._drawn_size = self.outer_size
        rows, top, left = self._layout_for(width, height)
        if self._finished_for != (width, left):
            self._finished_for, self._finished = (width, left), {}
            self._style, self._background = self.rich_style, self.background_colors[1]
            self._filters = self.app.get_line_filters()
        before = self._finished
        finished: dict[str, Strip] = {}
        strips = []
        for y in crop.line_range:
            row = rows[y - top] if 0 <= y - top < len(rows) else ""
            strip = finished.get(row) or before.get(row)
            if strip is None:
                strip = Strip([Segment(self._line(y, width, height), self._style)], width)
                for line_filter in self._filters:
                    strip = strip.apply_filter(line_filter, self._background)
            finished[row] = strip
            strips.append(strip)
        self._finished = finished
        x1, x2 = crop.column_span
        return strips if (x1, x2) == (0, width) else [strip.crop(x1, x2) for strip in strips]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        rows = DIGITS.render_in(self._text, container.width, container.height)
        return len(rows[0]) if rows else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(DIGITS.render_in(self._text, width, container.height))
