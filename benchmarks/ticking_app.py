"""The baseline for the beamer: a minimal Textual app that updates a Digits once a second."""

import time

from textual.app import App, ComposeResult
from textual.widgets import Digits


class Ticking(App[None]):
    def compose(self) -> ComposeResult:
        yield Digits("10:00")

    def on_mount(self) -> None:
        self.start = time.monotonic()
        self.set_interval(1, self.tick)

    def tick(self) -> None:
        left = max(600 - int(time.monotonic() - self.start), 0)
        self.query_one(Digits).update(f"{left // 60:02d}:{left % 60:02d}")


if __name__ == "__main__":
    Ticking().run()
