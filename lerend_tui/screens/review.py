"""The review (terugblik): every meeting with its times and items, searchable; the chosen one's report,
rendered as Markdown; and the report saved or copied to mail to the group."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from lerend_tui.common.sanitise import clean
from lerend_tui.common.validation import DataError
from lerend_tui.reports.meeting import markdown_report
from lerend_tui.reports.review import matches, summarize
from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.export import ExportScreen
from lerend_tui.screens.keys import KeyedScreen
from lerend_tui.storage.meetings import StoredMeeting
from lerend_tui.widgets.form_field import FormField


class ReviewScreen(KeyedScreen, LerendScreen[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "back", "Terug", tooltip="Terug: naar de lijst, of naar het beginscherm", id="review.back"),
        Binding("ctrl+f", "search", "Zoeken", tooltip="Zoeken: in titels, deelnemers, notities en punten",
                id="review.search"),
        Binding("ctrl+s", "export", "Verslag opslaan",
                tooltip="Verslag opslaan of kopiëren: het verslag van de gekozen bijeenkomst als Markdown, met "
                        "vertrouwelijke fasen weggelaten", id="review.export"),
    ]
    OTHER_KEYS = [
        ("↑ ↓", "Kies een bijeenkomst; het verslag staat rechts"),
        ("Enter", "Lees het verslag (pijltjes en PageDown scrollen)"),
    ]

    def __init__(self, chosen: Path | None = None) -> None:
        super().__init__()
        self.chosen = chosen
        self.meetings: dict[str, StoredMeeting] = {}
        self.problems: list[DataError] = []

    def compose(self) -> ComposeResult:
        yield Static("[b]Terugblik[/b] · eerdere bijeenkomsten, hun notities en verslag", id="topbar")
        with Horizontal(id="columns"):
            with Vertical(id="list-column"):
                yield FormField(placeholder="zoek in titels, deelnemers, notities en punten", id="search")
                meetings = OptionList(id="meetings")
                meetings.border_title = "Bijeenkomsten"
                yield meetings
            with VerticalScroll(id="report-scroll") as scroll:
                scroll.border_title = "Verslag"
                scroll.border_subtitle = "Ctrl+S: opslaan of kopiëren om te mailen"
                yield Markdown(id="report")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.read_then_show(self.services.meetings.scan, self._show_meetings, group="meetings")

    def _show_meetings(self, scanned: tuple[list[StoredMeeting], list[DataError]]) -> None:
        stored, self.problems = scanned
        self.meetings = {str(meeting.path): meeting for meeting in stored}
        self.show_list(self.query_one("#search", Input).value)
        meetings = self.query_one("#meetings", OptionList)
        if self.chosen is not None and str(self.chosen) in self.meetings:
            meetings.highlighted = meetings.get_option_index(str(self.chosen))
        meetings.focus()

    def show_list(self, query: str) -> None:
        """The meetings that match the search, newest first, and the files that could not be read."""
        meetings = self.query_one("#meetings", OptionList)
        meetings.clear_options()
        found = [stored for stored in self.meetings.values() if matches(stored.record, query)]
        meetings.add_options(Option(Content(self._row(stored)), id=key)
                             for key, stored in self.meetings.items() if stored in found)
        if not found:
            meetings.add_option(Option(f"Niets gevonden voor ‘{query}’." if query else "Nog geen bijeenkomsten.",
                                       disabled=True))
        for problem in self.problems:
            meetings.add_option(Option(Content(f"⚠ onleesbaar: {problem}"), disabled=True))
        meetings.border_subtitle = f"{len(found)} van {len(self.meetings)}"
        if found:
            meetings.highlighted = 0

    @staticmethod
    def _row(stored: StoredMeeting) -> str:
        summary = summarize(stored)
        return (f"{summary.date_text}  {summary.title}\n"
                f"   {summary.template} · {summary.progress} · {summary.items_text}")

    @property
    def current(self) -> StoredMeeting | None:
        option = self.query_one("#meetings", OptionList).highlighted_option
        return self.meetings.get(option.id) if option is not None and option.id else None

    @on(Input.Changed, "#search")
    def search(self, event: Input.Changed) -> None:
        self.show_list(event.value)

    @on(Input.Submitted, "#search")
    def to_list(self) -> None:
        self.query_one("#meetings", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#meetings")
    async def show_report(self) -> None:
        stored = self.current
        report = self.query_one("#report", Markdown)
        scroll = self.query_one("#report-scroll", VerticalScroll)
        if stored is None:
            scroll.border_title = "Verslag"
            await report.update("")
            return
        scroll.border_title = Content(f"Verslag · {clean(stored.id)}")  # a file name: neither markup nor escapes
        await report.update(markdown_report(stored.record, workform_name=self.services.catalogue.name_of))
        scroll.scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#meetings")
    def read_report(self) -> None:
        self.query_one("#report-scroll", VerticalScroll).focus()

    def action_back(self) -> None:
        if self.query_one("#report-scroll", VerticalScroll).has_focus:
            self.query_one("#meetings", OptionList).focus()
        else:
            self.dismiss()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_export(self) -> None:
        stored = self.current
        if stored is None:
            self.notify("Kies eerst een bijeenkomst.")
            return
        self.app.push_screen(ExportScreen.for_meeting(stored, workform_name=self.services.catalogue.name_of))
