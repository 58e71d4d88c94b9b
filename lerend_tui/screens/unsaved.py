"""Before quitting with changes that could not be saved (a full disk, a data dir gone read-only): ask,
and offer to write them elsewhere first. Staying is the answer a stray key gives."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from lerend_tui.common.paths import documents_folder
from lerend_tui.screens.base import LerendModal
from lerend_tui.screens.saving import UnsavedCopy
from lerend_tui.storage.meetings import atomic_write_text


def free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or with a number added when that is taken: a rescue copy never replaces a file."""
    path = folder / name
    number = 2
    while path.exists():
        path = folder / f"{Path(name).stem}-{number}{Path(name).suffix}"
        number += 1
    return path


def write_copies(copies: list[UnsavedCopy], target: Path) -> list[Path]:
    """Write each copy into the folder `target`, or (one copy) to the file `target`; where they went."""
    if target.is_dir() or len(copies) > 1:
        target.mkdir(parents=True, exist_ok=True)
        places = [free_path(target, copy.name) for copy in copies]
    else:
        places = [free_path(target.parent, target.name)]
    for copy, place in zip(copies, places):
        atomic_write_text(place, copy.text)
    return places


class UnsavedScreen(LerendModal[bool]):
    """True: quit (after the copies were written elsewhere, or knowingly without); False: stay."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape", "dismiss(False)", "Niet stoppen", id="unsaved.stay")]

    def __init__(self, copies: list[UnsavedCopy]) -> None:
        super().__init__()
        self.copies = copies

    def compose(self) -> ComposeResult:
        names = ", ".join(copy.name for copy in self.copies) or "wijzigingen"
        with Vertical(id="unsaved-box"):
            yield Static(Content.from_markup(
                "[b]Niet alles is opgeslagen[/b]\n\nOpslaan in de datamap lukt nu niet ($names). Stop je nu, dan "
                "is wat niet is opgeslagen weg. Sla het eerst ergens anders op:", names=names), id="question")
            yield Label("Map of bestand:")
            yield Input(str(documents_folder()), id="target", select_on_focus=False)
            yield Static(id="problem")
            with Horizontal(id="buttons"):
                yield Button("Opslaan en stoppen", variant="primary", id="save")
                yield Button("Niet stoppen", id="stay")
                yield Button("Stoppen zonder opslaan", variant="error", id="discard")

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    @on(Button.Pressed, "#stay")
    def stay(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#discard")
    def discard(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#target")
    def save_elsewhere(self) -> None:
        text = self.query_one("#target", Input).value.strip()
        if not text:
            self._problem("Vul een map of bestand in.")
            return
        try:
            places = write_copies(self.copies, Path(text).expanduser())
        except OSError as error:
            self._problem(f"Opslaan in {error.filename or text} lukt ook niet ({error.strerror or error}). "
                          "Kies een andere plek, bijvoorbeeld een USB-stick.")
            return
        self.app.notify("Opgeslagen in " + ", ".join(map(str, places)), title="Elders opgeslagen", markup=False)
        self.dismiss(True)

    def _problem(self, text: str) -> None:
        self.query_one("#problem", Static).update(Content(text))
