"""What the program shows instead of a screen when the terminal is too small to work in."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Static

from lerend_tui.screens.base import LerendScreen


class TooSmallScreen(LerendScreen[None]):
    """Pushed over everything while the terminal is smaller than the least the screens need."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def __init__(self, needed: tuple[int, int]) -> None:
        """`needed`: the columns and rows of the screen it covers (its `MIN_SIZE`)."""
        super().__init__()
        self.needed = needed

    def compose(self) -> ComposeResult:
        width, height = self.needed
        yield Static(f"Het venster is te klein.\nMaak het minstens {width}×{height} tekens groot.")
