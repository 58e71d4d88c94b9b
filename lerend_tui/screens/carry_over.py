"""At the check-in of a network's meeting: the commitments (stok achter de deur) and actions of the previous
meeting, per person, to tick off as gedaan, loopt door or vervalt."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from lerend_tui.meeting.record import CARRY_STATUSES, Carried
from lerend_tui.network.owners import NO_OWNER_LABEL, by_owner
from lerend_tui.screens.base import LerendModal

MARKS = {"open": "○", "gedaan": "✓", "loopt door": "→", "vervalt": "✗"}
"""A mark per status, beside the word, so the state reads without colour too."""


class CarryOverScreen(LerendModal[list[Carried]]):
    """Dismissed with the entries and their statuses as the facilitator left them."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "done", "Klaar", id="carry.done"),
        Binding("space", "cycle", "Volgende status", id="carry.cycle"),
        Binding("g", "mark('gedaan')", "Gedaan", id="carry.done_item"),
        Binding("l", "mark('loopt door')", "Loopt door", id="carry.carry_on"),
        Binding("v", "mark('vervalt')", "Vervalt", id="carry.drop"),
        Binding("o", "mark('open')", "Open", show=False, id="carry.open"),
    ]

    def __init__(self, entries: list[Carried], participants: list[str]) -> None:
        super().__init__()
        self.entries = list(entries)
        self.participants = participants

    def compose(self) -> ComposeResult:
        with Vertical(id="carry-box") as box:
            box.border_title = "Van de vorige keer · stok achter de deur en acties"
            box.border_subtitle = "spatie: volgende status · g gedaan · l loopt door · v vervalt · Esc: klaar"
            yield OptionList(id="carried")
            yield Static(id="carry-count")

    def on_mount(self) -> None:
        self.show()

    def show(self, highlight: int | None = None) -> None:
        """One heading per person, then their entries; an option's id is the entry's index."""
        entries = self.query_one("#carried", OptionList)
        entries.clear_options()
        indexed = [_Indexed(index, entry) for index, entry in enumerate(self.entries)]
        for owner, group in by_owner(indexed, self.participants).items():
            entries.add_option(Option(Content.styled(owner or NO_OWNER_LABEL, "bold"), disabled=True))
            entries.add_options(Option(_line(item.entry), id=str(item.index)) for item in group)
        if highlight is not None:
            entries.highlighted = entries.get_option_index(str(highlight))
        elif self.entries:
            entries.highlighted = next(i for i in range(entries.option_count)
                                       if not entries.get_option_at_index(i).disabled)
        open_count = sum(entry.status == "open" for entry in self.entries)
        self.query_one("#carry-count", Static).update(
            f"Nog {open_count} van {len(self.entries)} open." if open_count else "Alles is besproken.")

    def _current(self) -> int | None:
        option = self.query_one("#carried", OptionList).highlighted_option
        return int(option.id) if option is not None and option.id is not None else None

    def action_mark(self, status: str) -> None:
        index = self._current()
        if index is not None:
            self.entries[index] = replace(self.entries[index], status=status)
            self.show(highlight=index)

    def action_cycle(self) -> None:
        index = self._current()
        if index is not None:
            following = CARRY_STATUSES[(CARRY_STATUSES.index(self.entries[index].status) + 1) % len(CARRY_STATUSES)]
            self.action_mark(following)

    def on_option_list_option_selected(self) -> None:
        self.action_cycle()

    def action_done(self) -> None:
        self.dismiss(self.entries)


class _Indexed:
    """A carried entry with its place in the record, grouped by its owner."""

    def __init__(self, index: int, entry: Carried) -> None:
        self.index, self.entry = index, entry

    @property
    def owner(self) -> str:
        return self.entry.owner


def _line(entry: Carried) -> Content:
    return Content.assemble(f"  {MARKS[entry.status]} ", (f"{entry.status:<10}", "italic"),
                            f" {entry.label}: {entry.text}")
