"""The home screen: a new meeting from a template, an unfinished one to resume, the past meetings,
and the network's uitgangspunten."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from lerend_tui.common.validation import DataError
from lerend_tui.meeting.running import SetupError, new_meeting_record, parse_participants, parse_start
from lerend_tui.network.store import Network
from lerend_tui.reports.review import summarize
from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.catalogue import CatalogueScreen
from lerend_tui.screens.keys import KeyedScreen
from lerend_tui.storage.index import Listing, MeetingFacts
from lerend_tui.storage.meetings import unfinished_of
from lerend_tui.templates import DEFAULT_TEMPLATE
from lerend_tui.widgets.footer import Footer
from lerend_tui.widgets.form_field import FormField

PRINCIPLES = "uitgangspunten"
"""The talk's topic that the home screen shows beside the meetings (`lerend_tui/talk/lerende-netwerken.toml`)."""
PAST_SHOWN = 30
"""The past meetings the home screen lists, the newest first; the review lists (and searches) them all."""


class HomeScreen(KeyedScreen, LerendScreen[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        # Priority: in a field of the form, F5 starts too (Enter there only goes on to the next field).
        Binding("f5", "start_meeting", "Start", priority=True,
                tooltip="Start bijeenkomst: met wat in het formulier staat (ook de knop Start bijeenkomst)",
                id="home.start"),
        Binding("ctrl+n", "focus_new", "Nieuw",
                tooltip="Nieuwe bijeenkomst: naar het formulier voor een nieuwe bijeenkomst", id="home.new"),
        Binding("ctrl+r", "resume_latest", "Verder",
                tooltip="Verder met de laatste onderbroken bijeenkomst: die waarin het laatst gewerkt is",
                id="home.resume"),
        Binding("ctrl+t", "review", "Terugblik",
                tooltip="Terugblik: eerdere bijeenkomsten zoeken, hun notities lezen en als verslag opslaan",
                id="home.review"),
        # Priority: the form's fields have focus, and an Input would take Ctrl+W as "delete a word".
        Binding("ctrl+w", "open_catalogue", "Werkvormen", priority=True,
                tooltip="Werkvormen: blader, filter op fase en lees de stappen", id="home.catalogue"),
        Binding("ctrl+l", "open_networks", "Netwerken",
                tooltip="Netwerken: lerende netwerken, hun deelnemers, leervragen, intake, afspraken en trends over "
                        "de bijeenkomsten", id="home.networks"),
        Binding("ctrl+o", "plan", "Plannen",
                tooltip="Plannen: de planningen, en een nieuwe van een sjabloon of een eerdere bijeenkomst",
                id="home.plan"),
        Binding("ctrl+g", "talk", "Uitleg", show=False,
                tooltip="Over lerende netwerken: de pagina's van de lezing, zoals de beamer ze toont (n/p bladeren)",
                id="home.talk"),
        # On the list of unfinished meetings only (see `check_action`).
        # Named in the unfinished list's own border (the footer has no room left for them).
        Binding("f", "finish_unfinished", "Afronden", show=False,
                tooltip="Afronden: de gemarkeerde onderbroken bijeenkomst, zoals ze is (vraagt eerst)",
                id="home.finish"),
        Binding("delete", "throw_away", "Weggooien", key_display="Del", show=False,
                tooltip="Weggooien: de gemarkeerde onderbroken bijeenkomst; bewaard als <naam>.toml.bak (vraagt "
                        "eerst)", id="home.throw_away"),
    ]
    OTHER_KEYS = [
        ("Tab  ·  Shift+Tab", "Naar het volgende of vorige veld"),
        ("Enter", "In een veld: naar het volgende veld · in een lijst: kies de gemarkeerde bijeenkomst"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.known_networks: dict[str, Network] = {}
        """The learning networks by id (read on mount), to choose from in the form."""

    def compose(self) -> ComposeResult:
        yield Static("[b]lerend-tui[/b] · procesbegeleiding voor lerende netwerken", id="topbar")
        with Horizontal(id="columns"):
            with VerticalScroll(id="new-meeting") as new:
                new.border_title = "Nieuwe bijeenkomst"
                yield Label("Sjabloon")
                templates = self.services.templates.templates
                yield Select(
                    [(f"{t.title} ({t.total_minutes} min)", name) for name, t in sorted(templates.items())],
                    value=DEFAULT_TEMPLATE if DEFAULT_TEMPLATE in templates else Select.NULL,
                    allow_blank=DEFAULT_TEMPLATE not in templates,
                    id="template",
                    compact=True,
                )
                yield Label("Lerend netwerk")
                yield Select([], prompt="geen", allow_blank=True, id="network", compact=True)
                yield Label("Titel")
                yield FormField(placeholder="leeg: sjabloon en datum", id="title")
                yield Label("Deelnemers, gescheiden door komma's")
                yield FormField(placeholder="Anouk, Bram, Chris", id="participants")
                yield Label("Starttijd (UU:MM)")
                yield FormField(placeholder="leeg: nu", id="start-at")
                yield Static(id="setup-error")
                yield Button("Start bijeenkomst", variant="primary", id="start", compact=True)
                yield Static(id="template-phases")
            with Vertical(id="side"):
                unfinished = OptionList(id="unfinished")
                unfinished.border_title = "Verder met een onderbroken bijeenkomst"
                unfinished.border_subtitle = "Enter: verder · f: afronden · Del: weggooien"
                yield unfinished
                past = OptionList(id="past")
                past.border_title = "Eerdere bijeenkomsten"
                past.border_subtitle = "Enter of Ctrl+T: terugblik"
                yield past
                principles = Static(Content("\n".join(f"• {line}" for line in self.services.talk.lines_of(PRINCIPLES))),
                                    id="principles")
                principles.border_title = "Uitgangspunten"
                yield principles
        yield Footer()

    def on_mount(self) -> None:
        for problem in self.services.templates.problems:
            self.notify(str(problem), title="Sjabloon overgeslagen", severity="warning", timeout=15, markup=False)
        self.query_one("#title", Input).focus()

    def on_screen_resume(self) -> None:
        """Each time the screen shows, the first time too: the meetings, read anew."""
        self.load_meetings()

    def load_meetings(self) -> None:
        """The networks and the meetings, read in the background (see `read_then_show`)."""
        self.read_then_show(self.services.networks.scan, self._show_networks, group="networks")
        index = self.services.meetings.index
        self.read_indexed_then_show(lambda as_indexed: index.listing(finished=PAST_SHOWN, as_indexed=as_indexed),
                                    self._show_meetings, group="meetings")

    def _show_networks(self, scanned: tuple[list[Network], list[DataError]]) -> None:
        networks, _ = scanned
        self.known_networks = {network.id: network for network in networks}
        self.query_one("#network", Select).set_options((network.name, network.id) for network in networks)

    def _chosen_network(self) -> Network | None:
        value = self.query_one("#network", Select).value
        return self.known_networks.get(value) if isinstance(value, str) else None

    @on(Select.Changed, "#network")
    def show_network(self) -> None:
        """The network's participants as the default, so an empty field means "everyone in the network"."""
        network = self._chosen_network()
        names = ", ".join(network.names) if network is not None else ""
        self.query_one("#participants", Input).placeholder = names or "Anouk, Bram, Chris"

    def _show_meetings(self, listing: Listing) -> None:
        """Each list put up in one call: an option list lays out all its options anew after each change."""
        unfinished = self._with_conflicts(listing, [
            (Option(Content(self._unfinished_line(facts)), id=str(facts.path)), facts)
            for facts in unfinished_of(listing.meetings)])
        past = self._with_conflicts(listing, [
            (Option(Content(summarize(facts).line()), id=str(facts.path)), facts)
            for facts in listing.meetings if facts.finished])
        if listing.left_out:
            past.append(Option(f"… en {listing.left_out} eerdere: Ctrl+T, terugblik (met zoeken)", disabled=True))
        past += [Option(Content(f"⚠ onleesbaar: {problem}"), disabled=True) for problem in listing.problems]
        unfinished_list = self.query_one("#unfinished", OptionList)
        unfinished_list.set_options(unfinished or [Option("Geen onderbroken bijeenkomsten.", disabled=True)])
        if unfinished:
            unfinished_list.highlighted = 0
        self.query_one("#past", OptionList).set_options(
            past or [Option("Nog geen afgeronde bijeenkomsten.", disabled=True)])

    @staticmethod
    def _with_conflicts(listing: Listing, rows: list[tuple[Option, MeetingFacts]]) -> list[Option]:
        """The meetings' options, each followed by one per copy of its file that a sync tool made on a
        conflict: to resolve by hand."""
        return [shown for option, facts in rows for shown in (option, *(
            Option(Content(f"   ⚠ conflict: ook {copy.name} (van een synchronisatieprogramma); kies welke blijft"),
                   disabled=True) for copy in listing.conflicts.get(facts.id, [])))]

    def _unfinished_line(self, facts: MeetingFacts) -> str:
        """The meeting's summary line and when it was last used: "… · laatst bezig 01-12 19:40"."""
        last = self.services.clock.local(facts.last_activity)
        return f"{summarize(facts).line()}  ·  laatst bezig {last:%d-%m %H:%M}"

    def _chosen_template(self) -> str:
        return str(self.query_one("#template", Select).value)  # a template's name, or "Select.NULL"

    @on(Select.Changed, "#template")
    def show_template(self) -> None:
        template = self.services.templates.templates.get(self._chosen_template())
        if template is None:
            return
        lines = [f"{phase.minutes:>3}'  {phase.title}" for phase in template.phases]
        self.query_one("#template-phases", Static).update(Content("\n".join(lines)))

    @on(Input.Submitted)
    def next_field(self) -> None:
        """Enter in a field goes on to the next one: a meeting starts only with its own key (F5) or button."""
        self.focus_next()

    @on(Button.Pressed, "#start")
    def action_start_meeting(self) -> None:
        services = self.services
        error = self.query_one("#setup-error", Static)
        try:
            template = services.templates.get(self._chosen_template())
            record = new_meeting_record(
                template,
                title=self.query_one("#title", Input).value,
                participants=parse_participants(self.query_one("#participants", Input).value),
                planned_start=parse_start(self.query_one("#start-at", Input).value, services.clock),
            )
        except (SetupError, KeyError) as problem:
            error.update(Content(problem.args[0]))
            return
        error.update("")
        self.query_one("#title", Input).value = ""
        self.app.open_new_meeting(record, self._chosen_network())

    @on(OptionList.OptionSelected, "#past")
    def review_meeting(self, event: OptionList.OptionSelected) -> None:
        self.action_review(Path(event.option.id) if event.option.id else None)

    def action_review(self, chosen: Path | None = None) -> None:
        from lerend_tui.screens.review import ReviewScreen  # Markdown is slow to import; most starts never need it

        self.app.push_screen(ReviewScreen(chosen))

    @on(OptionList.OptionSelected, "#unfinished")
    def resume(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.resume_meeting(Path(event.option.id))

    def action_focus_new(self) -> None:
        self.query_one("#title", Input).focus()

    def action_resume_latest(self) -> None:
        latest = self.services.meetings.latest_unfinished()
        if latest is None:
            self.notify("Er is geen onderbroken bijeenkomst.")
        else:
            self.app.resume_meeting(latest.path)

    # -- the unfinished meetings: finish one, or throw it away ----------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`f` and Del act on the highlighted unfinished meeting, and only while its list has the focus."""
        if action in ("finish_unfinished", "throw_away"):
            return self._highlighted_unfinished() is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def _highlighted_unfinished(self) -> Path | None:
        unfinished = self.query_one("#unfinished", OptionList)
        if self.focused is not unfinished or unfinished.highlighted is None:
            return None
        option = unfinished.get_option_at_index(unfinished.highlighted)
        return Path(option.id) if option.id and not option.disabled else None

    def action_finish_unfinished(self) -> None:
        from lerend_tui.screens.confirm import ConfirmScreen

        path = self._highlighted_unfinished()
        if path is not None:
            question = (f"{self._named(path)} afronden zoals ze is? Ze staat daarna bij de eerdere bijeenkomsten "
                        "en telt in het netwerk mee als ze gelopen heeft.")
            self.app.push_screen(ConfirmScreen(question, "Afronden"), partial(self._finish, path))

    def action_throw_away(self) -> None:
        from lerend_tui.screens.confirm import ConfirmScreen

        path = self._highlighted_unfinished()
        if path is not None:
            question = (f"{self._named(path)} weggooien? Ze telt dan nergens meer mee; het bestand blijft bewaard "
                        f"als {path.name}.bak in de map met bijeenkomsten.")
            self.app.push_screen(ConfirmScreen(question, "Weggooien"), partial(self._throw_away, path))

    def _named(self, path: Path) -> str:
        """The meeting as the facilitator knows it: its title and day (the file's name if it cannot be read)."""
        try:
            record = self.services.meetings.load(path)
        except DataError:
            return path.name
        return f"De bijeenkomst '{record.title}' van {self.services.clock.local(record.planned_start):%d-%m-%Y}"

    def _finish(self, path: Path, confirmed: bool | None) -> None:
        if confirmed and self._with_lock(path, partial(self._finish_now, path)):
            self.notify(f"Afgerond en opgeslagen in {path}", title="Afgerond", markup=False)
        self.load_meetings()

    def _finish_now(self, path: Path) -> None:
        meetings = self.services.meetings
        record = meetings.load(path)
        self.services.make_meeting(record).finish()
        meetings.save(record, path)
        self.app.collect_into_network(record)

    def _throw_away(self, path: Path, confirmed: bool | None) -> None:
        if confirmed and self._with_lock(path, partial(self._throw_away_now, path)):
            self.notify(f"Weggegooid: bewaard als {path.name}.bak", title="Weggegooid", markup=False)
        self.load_meetings()

    def _throw_away_now(self, path: Path) -> None:
        """Put the file aside, and take the meeting off its network's list, where it would be missing."""
        meetings = self.services.meetings
        network = meetings.load(path).network
        meetings.throw_away(path)
        if network:
            self.services.networks.remove_meeting(network, path.stem)

    def _with_lock(self, path: Path, work) -> bool:
        """Do `work` holding the meeting's lock, so that no window has it open meanwhile; True when done.
        Every failure gets its Dutch message, and the file stays as it was."""
        from lerend_tui.network.store import NetworkError
        from lerend_tui.storage.lock import LockError, acquire, holder, release

        try:
            if acquire(path) is None:
                self.notify(f"{self._named(path)} is {holder(path)}: daar verder of afronden.", title="Niet gedaan",
                            severity="warning", markup=False)
                return False
        except LockError as error:
            self.notify(str(error), title="Niet gedaan", severity="error", markup=False)
            return False
        try:
            work()
        except (OSError, DataError, NetworkError) as error:
            problem = error.strerror if isinstance(error, OSError) and error.strerror else error
            self.notify(f"{path}: {problem}", title="Niet gedaan", severity="error", timeout=15, markup=False)
            return False
        finally:
            release(path)
        return True

    def action_open_catalogue(self) -> None:
        self.app.push_screen(CatalogueScreen())

    def action_plan(self) -> None:
        """The plans, with the form's template, network and title ready for a new one."""
        from lerend_tui.screens.plans import PlansScreen  # most starts never need the plan screens

        template = self.query_one("#template", Select).value
        network = self.query_one("#network", Select).value
        self.app.push_screen(PlansScreen(template=template if isinstance(template, str) else "",
                                         network=network if isinstance(network, str) else "",
                                         title=self.query_one("#title", Input).value))

    def action_talk(self) -> None:
        from lerend_tui.screens.talk import TalkScreen

        self.app.push_screen(TalkScreen(self.services.talk.deck()))

    def action_open_networks(self) -> None:
        from lerend_tui.screens.networks import NetworksScreen  # most starts never need the network screens

        self.app.push_screen(NetworksScreen())
