"""What the program shows instead of a screen when the terminal is too small to work in."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Static

from lerend_tui.screens.base import LerendScreen

MIN_WIDTH, MIN_HEIGHT = 60, 20


class TooSmallScreen(LerendScreen[None]):
    """Pushed over everything while the terminal is smaller than the least the screens need."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def compose(self) -> ComposeResult:
        yield Static(f"Het venster is te klein.\nMaak het minstens {MIN_WIDTH}×{MIN_HEIGHT} tekens groot.")
