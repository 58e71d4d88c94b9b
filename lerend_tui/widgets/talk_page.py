"""A page of the talk (`lerend_tui.talk`) for the room: its topic small at the top, its heading in the beamer's
big letters, a few lines (or its table, in two columns beside the row's subject) in plain letters under it,
and where it stands ("3 van 18") small at the bottom. The beamer shows it (`screens.beamer`), and so does the
help screen "Over lerende netwerken" (`screens.talk`); both load its rules (`TALK_PAGE_CSS`).

Its texts are drawn as text, never as markup: a cell with "[b]" in it shows "[b]".
"""

from __future__ import annotations

from pathlib import Path

from rich.box import SIMPLE_HEAD
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from lerend_tui.talk import Page, Slide
from lerend_tui.widgets.big_text import BigText
from lerend_tui.widgets.line import Line

TALK_PAGE_CSS = Path(__file__).with_suffix(".tcss")
"""The page's styles: a screen that shows one lists this in its CSS_PATH."""


def page_table(page: Page) -> Table:
    """A table's page: a column with each row's subject, then the two compared, a blank row between rows."""
    table = Table(box=SIMPLE_HEAD, expand=True, padding=(0, 2), show_edge=False, header_style="bold")
    table.add_column("", ratio=2, style="bold")
    for column in page.columns:
        table.add_column(Text(column), ratio=4)
    for number, row in enumerate(page.rows):
        if number:
            table.add_row()
        table.add_row(*(Text(cell) for cell in row))
    return table


def page_lines(page: Page) -> Content:
    """A page's lines, each a paragraph of its own, with a blank line between."""
    return Content("\n\n").join(Content(line) for line in page.lines)


class TalkPage(Vertical):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: Slide | None = None

    def compose(self) -> ComposeResult:
        yield Line(classes="talk-title")
        yield BigText(wrap=True, classes="talk-heading")
        yield Static(classes="talk-body", markup=False)
        yield Line(classes="talk-where")

    def show(self, slide: Slide) -> None:
        """Show `slide`; drawn anew only when it changed."""
        if slide == self._shown:
            return
        self._shown = slide
        page = slide.page
        self.query_one(".talk-title", Line).show(page.above)
        self.query_one(".talk-heading", BigText).show(page.heading)
        self.query_one(".talk-body", Static).update(page_table(page) if page.rows else page_lines(page))
        self.query_one(".talk-where", Line).show(slide.where)
