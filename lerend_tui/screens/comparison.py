"""The talk's table "Opleiding vs lerend netwerk", to show the group during the kick-off's
"Wat is een lerend netwerk?" phase."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from lerend_tui.screens.base import LerendModal
from lerend_tui.talk import Talk
from lerend_tui.widgets.talk_page import page_table

TOPIC = "opleiding"
"""The talk's topic whose pages hold the table (`lerend_tui/talk/lerende-netwerken.toml`)."""


def comparison_table(talk: Talk) -> Table:
    """The rows of the talk's pages on "opleiding" in one table, on the facilitator's screen."""
    pages = talk.deck((TOPIC,)).pages
    whole = replace(pages[0], rows=tuple(row for page in pages for row in page.rows))
    table = page_table(whole)
    table.title = whole.title
    return table


class ComparisonScreen(LerendModal[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape,o", "dismiss", "Sluiten", id="comparison.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="comparison-box") as box:
            box.border_subtitle = "↑↓ scrollen · Esc: sluiten"
            yield Static(comparison_table(self.services.talk))
