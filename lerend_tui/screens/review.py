"""The review (terugblik): every meeting with its times and items, searchable; the chosen one's report,
rendered as Markdown; and the report saved or copied to mail to the group."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.sanitise import clean
from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.reports.meeting import markdown_report
from lerend_tui.reports.review import summarize
from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.export import ExportScreen
from lerend_tui.screens.keys import KeyedScreen
from lerend_tui.storage.index import Hit, Listing, MeetingFacts
from lerend_tui.storage.meetings import StoredMeeting
from lerend_tui.widgets.footer import Footer
from lerend_tui.widgets.form_field import FormField

ROWS_SHOWN = 100
"""The meetings the list shows, the newest first (a list of thousands takes long to draw): the search finds
every meeting."""
ROWS_FIRST = 16
"""The rows the list gets at once, more than it shows at 120×36; the rest follow once the highlighted meeting's
report is drawn. Textual's list measures every row it holds, again at each layout while the report is put up:
with a hundred rows the report came some 100 ms later than with ten."""


@datatype
class _Row:
    """A row of the list: a meeting, or the phase of one in which the words searched for were found."""

    meeting: MeetingFacts
    hit: Hit | None = None


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
        self.listing = Listing([], [], {})
        self.rows: dict[str, _Row] = {}
        """The list's rows by option id: a meeting's path, or a hit's number."""
        self._rows_to_come: list[Option] = []
        """The list's options after its first `ROWS_FIRST`, added once the report is drawn."""
        self._looks_to_come: list[Callable[[], object]] | None = []
        """The looks at the files asked for before the first report was drawn (None: it has been)."""
        self.shown: StoredMeeting | None = None
        """The meeting whose report is shown."""
        self._reported: tuple[_Row | None, datetime | None] | None = None
        """The row whose report was asked for last, and when its file was written."""

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
        yield Footer()

    def on_mount(self) -> None:
        index = self.services.meetings.index
        self.read_indexed_then_show(lambda as_indexed: index.listing(finished=ROWS_SHOWN, as_indexed=as_indexed),
                                    self._show_meetings, group="meetings")

    def _show_meetings(self, listing: Listing) -> None:
        """The meetings as the index has them, and again once the files are looked at (`read_indexed_then_show`):
        the meeting highlighted stays so."""
        current = self.current
        keep = current.meeting.path if current is not None and current.hit is None else self.chosen
        self.listing = listing
        query = self.query_one("#search", Input).value
        if query.strip():
            self.search(Input.Changed(self.query_one("#search", Input), query))
        else:
            self._show_rows([_Row(meeting) for meeting in listing.meetings], query)
        meetings = self.query_one("#meetings", OptionList)
        if keep is not None and str(keep) in self.rows:
            if list(self.rows).index(str(keep)) >= ROWS_FIRST:
                self._add_rows_to_come()
            meetings.highlighted = meetings.get_option_index(str(keep))
        self.show_report()  # now, not once the list is drawn and its message comes round
        if current is None:  # the first time (after that, the focus stays where the facilitator is)
            meetings.focus()

    def _show_rows(self, rows: list[_Row], query: str) -> None:
        """The meetings (or the phases of them) found, and the files that could not be read."""
        meetings = self.query_one("#meetings", OptionList)
        self.rows = {str(row.meeting.path) if row.hit is None else f"hit-{number}": row
                     for number, row in enumerate(rows[:ROWS_SHOWN])}
        options = [Option(self._row(row), id=key) for key, row in self.rows.items()]
        more = len(rows) - ROWS_SHOWN + (self.listing.left_out if rows and rows[0].hit is None else 0)
        if more > 0:
            options.append(Option(f"… en {more} eerdere: zoek ze op een woord (Ctrl+F)", disabled=True))
        if not rows:
            options.append(Option(f"Niets gevonden voor ‘{query}’." if query.strip() else
                                  "Nog geen bijeenkomsten.", disabled=True))
        options += [Option(Content(f"⚠ conflict: {copy.name} is een kopie van {meeting}.toml die een "
                                   "synchronisatieprogramma maakte; kies welke blijft"), disabled=True)
                    for meeting, copies in self.listing.conflicts.items() for copy in copies]
        options += [Option(Content(f"⚠ onleesbaar: {problem}"), disabled=True) for problem in self.listing.problems]
        meetings.set_options(options[:ROWS_FIRST])  # in one call: the list lays out all it holds after each change
        self._rows_to_come = options[ROWS_FIRST:]
        total = len(self.listing.meetings) + self.listing.left_out
        found = total if rows and rows[0].hit is None else len({row.meeting.path for row in rows})
        meetings.border_subtitle = f"{found} van {total}"
        if rows:
            meetings.highlighted = 0

    @staticmethod
    def _row(row: _Row) -> Content:
        summary = summarize(row.meeting)
        if row.hit is None:
            return Content(f"{summary.date_text}  {summary.title}\n"
                           f"   {summary.template} · {summary.progress} · {summary.items_text}")
        where = row.hit.phase_title or "titel en deelnemers"
        found = Content.assemble(*((text, "bold reverse") if marked else text for text, marked in row.hit.parts))
        return Content.assemble(f"{summary.date_text}  {summary.title} · {where}\n   ", found)

    @property
    def current(self) -> _Row | None:
        option = self.query_one("#meetings", OptionList).highlighted_option
        return self.rows.get(option.id) if option is not None and option.id else None

    @on(Input.Changed, "#search")
    def search(self, event: Input.Changed) -> None:
        """As the facilitator types: every phase of every meeting that holds the words, best first (the
        index's search, in the background); all meetings while there is nothing to search for."""
        query = event.value
        if not query.strip():
            self.workers.cancel_group(self, "search")  # a search still under way shows nothing
            self._show_rows([_Row(meeting) for meeting in self.listing.meetings], query)
            return
        index = self.services.meetings.index
        self.read_then_show(lambda: index.search(query),
                            lambda hits: self._show_rows([_Row(hit.meeting, hit) for hit in hits], query),
                            group="search")

    @on(Input.Submitted, "#search")
    def to_list(self) -> None:
        self.query_one("#meetings", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#meetings")
    def show_report(self) -> None:
        """The highlighted meeting's report, read from the index in the background; at the phase found. Once
        per row highlighted (the list's message comes after `_show_meetings` asked already)."""
        row = self.current
        asked = (row, row.meeting.modified if row is not None else None)  # a report changed by hand is read anew
        if asked == self._reported:
            return
        self._reported = asked
        meeting = row.meeting if row is not None else None
        self.read_then_show(lambda: self._read_report(meeting.id) if meeting is not None else None,
                            lambda found: self._show_report(row, found), group="report")

    def _read_report(self, meeting_id: str) -> tuple[MeetingRecord, str] | None:
        """The meeting and its report, in a thread: the report names its work formats, whose files the catalogue
        reads the first time each is named."""
        record = self.services.meetings.index.record(meeting_id)
        if record is None:
            return None
        return record, markdown_report(record, workform_name=self.services.catalogue.name_of)

    async def _show_report(self, row: _Row | None, found: tuple[MeetingRecord, str] | None) -> None:
        await self._draw_report(row, found)
        if self._rows_to_come:
            self.call_after_refresh(self._add_rows_to_come)  # once the report is on the screen
        looks, self._looks_to_come = self._looks_to_come or [], None
        for look in looks:
            super().look_at_the_files(look)

    def look_at_the_files(self, look: Callable[[], object]) -> None:
        """Once the first report is drawn (or found missing): it is what the review was opened for."""
        if self._looks_to_come is None:
            super().look_at_the_files(look)
        else:
            self._looks_to_come.append(look)

    def _add_rows_to_come(self) -> None:
        rows, self._rows_to_come = self._rows_to_come, []
        if rows:
            self.query_one("#meetings", OptionList).add_options(rows)

    async def _draw_report(self, row: _Row | None, found: tuple[MeetingRecord, str] | None) -> None:
        report = self.query_one("#report", Markdown)
        scroll = self.query_one("#report-scroll", VerticalScroll)
        if row is None or found is None:
            self.shown = None
            scroll.border_title = "Verslag"
            await report.update("")
            return
        record, text = found
        self.shown = StoredMeeting(row.meeting.path, record)
        scroll.border_title = Content(f"Verslag · {clean(row.meeting.id)}")  # a file name: neither markup nor escapes
        if report.source != text:  # as the search is typed, its first hit stays the same meeting: drawn once
            await report.update(text)
        scroll.scroll_home(animate=False)
        if row.hit is not None and row.hit.phase_title:
            self.call_after_refresh(self._scroll_to_phase, row.hit.phase_title)  # once the report is laid out

    def _scroll_to_phase(self, title: str) -> None:
        """To the phase's heading in the report (its notes, under "Notities per fase")."""
        report = self.query_one("#report", Markdown)
        wanted = " ".join(title.split())
        for level, heading, block_id in report.table_of_contents:
            if level == 3 and " ".join(heading.split()) == wanted and block_id is not None:
                self.query_one("#report-scroll", VerticalScroll).scroll_to_widget(
                    report.query_one(f"#{block_id}"), animate=False, top=True)
                return

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
        stored = self.shown
        if stored is None:
            self.notify("Kies eerst een bijeenkomst.")
            return
        self.app.push_screen(ExportScreen.for_meeting(stored, workform_name=self.services.catalogue.name_of))
