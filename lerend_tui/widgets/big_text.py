"""Words in the beamer's big letters, as large as they fit the widget, centred both ways.

Either the first of its texts that fits (the fullest first: "NU: ANNE-MARIE", then "ANNE-MARIE"; see
`Font.first_fitting`), or one text wrapped over lines (`wrap`: a message). Where none fits even at the
smallest scale, the first text in plain letters on the middle line, so a small terminal still shows the
words. Drawn as cell backgrounds (`cells.block_cells`) in the widget's colour on its background.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from lerend_tui.beamer.font import LETTERS, Font
from lerend_tui.common.sanitise import clean
from lerend_tui.widgets.cells import block_cells


class BigText(Widget):
    def __init__(self, font: Font = LETTERS, *, wrap: bool = False, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.font = font
        self.wrap = wrap
        """Set these before `show`, which redraws when they or the texts changed."""
        self._shown: tuple[tuple[str, ...], Font, bool] = ((), font, wrap)
        self._drawn: tuple[tuple[object, ...], list[str]] | None = None

    @property
    def texts(self) -> tuple[str, ...]:
        return self._shown[0]

    def show(self, *texts: str) -> None:
        """Show the first of ``texts`` that fits (or, with `wrap`, the first wrapped); redrawn only when they,
        the font or the wrapping changed."""
        shown = (texts, self.font, self.wrap)
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    def lines(self, width: int, height: int) -> list[str]:
        """The widget's ``height`` lines of ``width`` cells (padded, centred)."""
        key = (self._shown, width, height)
        if self._drawn is None or self._drawn[0] != key:
            rows = self._rows(width, height)
            top = (height - len(rows)) // 2
            self._drawn = (key, [" " * width] * top + [row.center(width) for row in rows]
                           + [" " * width] * (height - top - len(rows)))
        return self._drawn[1]

    def _rows(self, width: int, height: int) -> list[str]:
        shown, font, wrap = self._shown
        texts = [text for text in shown if text.strip()]
        if not texts or width <= 0 or height <= 0:
            return []
        if wrap:
            wrapped = font.wrap(texts[0], width, height)
            if wrapped is not None:
                return font.render_lines(*wrapped)
        else:
            fitting = font.first_fitting(texts, width, height)
            if fitting is not None:
                return font.render(*fitting)
        return [" ".join(clean(texts[0]).split())[:width]]

    def render_line(self, y: int) -> Strip:
        width, height = self.content_size
        lines = self.lines(width, height)
        return Strip(block_cells(lines[y] if y < len(lines) else " " * width, self.rich_style), width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width, container.height))
