"""Saving a report (verslag) to mail to the group: where to, and, for a meeting, which phases stay out as
confidential. A meeting's report is the same as `lerend-tui notes export`; a network's report the same as
`lerend-tui network report`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static, TextArea

from lerend_tui.common.paths import documents_folder
from lerend_tui.common.sanitise import clean
from lerend_tui.reports.meeting import markdown_report
from lerend_tui.screens.base import LerendModal
from lerend_tui.storage.meetings import StoredMeeting, atomic_write_text
from lerend_tui.widgets.form_field import FormField

GOES_ALONG = "gaat mee"
STAYS_OUT = "blijft eruit (vertrouwelijk)"


def phase_row(title: str, left_out: bool) -> Content:
    """A phase in the list of what goes into the report, saying so in words (not only a mark or a colour)."""
    if left_out:
        return Content.from_markup(f"[b reverse] ✗ {STAYS_OUT} [/] $title", title=title)
    return Content.from_markup(f"[b] ✓ {GOES_ALONG}[/]  $title", title=title)


class PhaseChoice(OptionList):
    """The phases of a meeting; space toggles one as well as Enter, as in a list of checkboxes."""

    BINDINGS = [Binding("space", "select", "Mee of eruit", show=False)]


class ExportScreen(LerendModal[Path | None]):
    """Dismissed with the file written, or None when cancelled or only copied."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Annuleren", id="export.cancel"),
        Binding("ctrl+s", "save", "Opslaan", id="export.save"),
        Binding("ctrl+y", "copy", "Kopiëren", id="export.copy"),
    ]

    def __init__(self, title: str, filename: str, report: Callable[[list[str]], str], *,
                 confidential: Sequence[str] = (), folder: Path | None = None,
                 plain: Callable[[list[str]], str] | None = None) -> None:
        """`report` makes the text from the titles of the phases ticked as confidential (chosen from
        `confidential`; without any, the choice is not shown). `filename` is proposed in `folder`. With
        `plain`, a box offers the plain-text version instead (for pasting into a mail; saved as .txt)."""
        super().__init__()
        self.title_text = clean(title)  # both name a meeting or network, from its file
        self.filename = clean(filename)
        self.make_report = report
        self.make_plain = plain
        self.confidential = list(confidential)
        self.left_out: set[str] = set()
        """The titles of the phases that stay out of the report."""
        self.folder = folder or documents_folder()
        self._overwrite: Path | None = None
        """The existing file the facilitator was warned about; saving again overwrites it."""

    @classmethod
    def for_meeting(cls, stored: StoredMeeting, folder: Path | None = None, *,
                    workform_name: Callable[[str], str] | None = None) -> ExportScreen:
        """A meeting's report, with its phases to leave out as confidential; `workform_name` as for
        `markdown_report`."""
        record = stored.record
        return cls(f"Verslag van {record.title}", f"verslag-{stored.id}.md",
                   lambda confidential: markdown_report(record, confidential, workform_name=workform_name),
                   confidential=[phase.title for phase in record.phases], folder=folder)

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = Content(self.title_text)
            box.border_subtitle = "Ctrl+S: opslaan · Ctrl+Y: kopiëren · Esc: annuleren"
            yield Label("Bestand")
            yield FormField(str(self.folder / self.filename), id="export-path")
            if self.make_plain is not None:
                yield Checkbox("Platte tekst, om in een mail te plakken", id="plain", compact=True)
            if self.confidential:
                yield Label("Fasen in het verslag · spatie of Enter: mee of eruit (vertrouwelijk)",
                            id="confidential-keys")
                yield PhaseChoice(*(phase_row(title, False) for title in self.confidential), id="confidential",
                                 compact=True)
            yield Label("Voorbeeld: precies wat opgeslagen of gekopieerd wordt")
            yield TextArea(id="export-preview", read_only=True, soft_wrap=True, show_cursor=False, compact=True)
            yield Static(id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("Opslaan", variant="primary", id="save", compact=True)
                yield Button("Kopiëren", id="copy", compact=True)
                yield Button("Annuleren", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.show_preview()
        self.query_one("#export-path", Input).focus()

    @property
    def plain(self) -> bool:
        return self.make_plain is not None and self.query_one("#plain", Checkbox).value

    def report(self) -> str:
        chosen = [title for title in self.confidential if title in self.left_out]
        return (self.make_plain if self.plain and self.make_plain else self.make_report)(chosen)

    def show_preview(self) -> None:
        self.query_one("#export-preview", TextArea).load_text(self.report())

    @on(OptionList.OptionSelected, "#confidential")
    def toggle_phase(self, event: OptionList.OptionSelected) -> None:
        """Enter or space on a phase: in the report, or out of it."""
        title = self.confidential[event.option_index]
        self.left_out ^= {title}
        event.option_list.replace_option_prompt_at_index(event.option_index, phase_row(title, title in self.left_out))
        self.show_preview()

    @on(Checkbox.Changed, "#plain")
    def swap_suffix(self) -> None:
        """The proposed file follows the form: .txt for plain text, .md for Markdown."""
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value.strip())
        old, new = (".md", ".txt") if self.plain else (".txt", ".md")
        if path.suffix == old:
            path_input.value = str(path.with_suffix(new))
        self.show_preview()

    def _say(self, message: str, *, problem: bool = True) -> None:
        text = self.query_one("#export-message", Static)
        text.set_class(problem, "-problem")
        text.update(message)

    def action_save(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self._say("Geef een bestandsnaam.")
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self._say(f"{path} is een map; geef een bestandsnaam.")
            return
        if path.exists() and self._overwrite != path:
            self._overwrite = path
            self._say(f"{path} bestaat al. Druk nog eens op Opslaan om het te vervangen.")
            return
        try:
            atomic_write_text(path, self.report())
        except OSError as error:
            self._say(f"Kon {path} niet schrijven: {error.strerror or error}. Kies een andere plek.")
            return
        self.app.notify(f"{self.title_text}: opgeslagen in {path}", title="Opgeslagen", markup=False)
        self.dismiss(path)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.report())
        self._say("Gekopieerd: plak het in een mail. (Werkt in terminals die OSC 52 kennen.)",
                  problem=False)

    @on(Input.Changed, "#export-path")
    def forget_warning(self) -> None:
        self._overwrite = None

    @on(Input.Submitted, "#export-path")
    def submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "copy":
            self.action_copy()
        else:
            self.dismiss(None)
