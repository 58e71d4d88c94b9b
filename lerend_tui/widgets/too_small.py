"""The notice a screen shows instead of its content when the terminal is too small to work in."""

from textual.widgets import Static


class TooSmall(Static):
    def __init__(self, minimum: str = "60×20") -> None:
        super().__init__(f"Het venster is te klein.\nMaak het minstens {minimum} tekens groot.")
