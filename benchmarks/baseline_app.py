"""The baseline: a minimal Textual app (Header + Digits + Footer) that every figure is compared with."""

from textual.app import App, ComposeResult
from textual.widgets import Digits, Footer, Header


class Baseline(App[None]):
    TITLE = "baseline-ready"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Digits("10:00")
        yield Footer()


if __name__ == "__main__":
    Baseline().run()
