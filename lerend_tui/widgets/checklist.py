"""A checklist whose items may be long sentences: each wraps under its own box instead of being cut off
(Textual's `SelectionList` keeps every item on one line). Space or Enter ticks the highlighted item,
a click ticks the one clicked. No DEFAULT_CSS: the screen styles it (see `screens/intake.tcss`).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

TICKED, OPEN = "☑", "☐"


class Checklist(OptionList):
    BINDINGS = [Binding("space", "tick", "Aanvinken", show=False)]

    class Changed(Message):
        """Posted when an item is ticked or unticked."""

        def __init__(self, checklist: Checklist, key: str, ticked: bool) -> None:
            super().__init__()
            self.checklist = checklist
            self.key = key
            self.ticked = ticked

        @property
        def control(self) -> Checklist:
            return self.checklist

    def __init__(self, items: Iterable[tuple[str, str]], ticked: Iterable[str] = (), *, id: str | None = None,
                 classes: str | None = None) -> None:
        """`items`: (key, text) pairs in order; `ticked`: the keys ticked at the start."""
        self.items = dict(items)
        self.ticked = {key for key in ticked if key in self.items}
        super().__init__(*(Option(self._prompt(key), id=key) for key in self.items), id=id, classes=classes)

    def _prompt(self, key: str) -> Table:
        table = Table.grid(padding=(0, 1, 0, 0), expand=True)
        table.add_column(no_wrap=True, width=1)
        table.add_column(ratio=1)
        table.add_row(TICKED if key in self.ticked else OPEN, Text(self.items[key]))
        return table

    @property
    def selected(self) -> list[str]:
        """The ticked keys, in the list's order."""
        return [key for key in self.items if key in self.ticked]

    def set_ticked(self, key: str, ticked: bool) -> None:
        if key not in self.items or (key in self.ticked) == ticked:
            return
        if ticked:
            self.ticked.add(key)
        else:
            self.ticked.discard(key)
        self.replace_option_prompt(key, self._prompt(key))
        self.post_message(self.Changed(self, key, ticked))

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Keep the highlighted item in view: in the list itself, and, when the list is shown whole inside a
        scrolling parent (it has nothing to scroll itself), in that parent, once the layout is up to date."""
        super().scroll_to_highlight(top)
        if self.is_mounted:
            self.call_after_refresh(self._show_highlight_in_parent)

    def _show_highlight_in_parent(self) -> None:
        highlighted = self.highlighted
        parent = next((node for node in self.ancestors if isinstance(node, ScrollableContainer)), None)
        if highlighted is None or parent is None or self.max_scroll_y:
            return
        self._update_lines()
        try:
            line = self._index_to_line[highlighted]
        except KeyError:
            return
        content, view = self.content_region, parent.content_region
        item = Region(content.x, content.y + line, content.width, self._heights[highlighted])
        offset = parent.scroll_offset - view.offset  # from the screen to the parent's scrolled content
        parent.scroll_to_region(item.translate(offset), animate=False, immediate=True)

    def toggle(self, key: str) -> None:
        self.set_ticked(key, key not in self.ticked)

    def action_tick(self) -> None:
        option = self.highlighted_option
        if option is not None and option.id is not None:
            self.toggle(option.id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on an item ticks it, like space."""
        event.stop()
        if event.option.id is not None:
            self.toggle(event.option.id)
