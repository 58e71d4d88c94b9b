"""One learning network: an overview of its meetings (trends, roles, learning questions, what comes back
at the next check-in), its participants with their learning questions, and its agreements.

Every edit is written to the network file (`NetworkStore.save`, atomic) within a second of typing
stopping, and at once when a participant is added or removed. A save that fails keeps the edit on the
screen, says why in Dutch, and is tried again with the next edit or when leaving.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Static, TabbedContent, TabPane, TextArea
from textual.widgets.option_list import Option

from lerend_tui.common.sanitise import clean
from lerend_tui.common.text import count_text, decimal
from lerend_tui.common.validation import DataError
from lerend_tui.meeting.record import Carried
from lerend_tui.network.carry_over import carry_over, open_commitments
from lerend_tui.network.learning_questions import learning_questions
from lerend_tui.network.meetings import Records, missing_meetings, network_meetings
from lerend_tui.network.owners import NO_OWNER_LABEL, Owned, by_owner
from lerend_tui.network.roles import FAIRNESS_ROLES, role_counts, whose_turn
from lerend_tui.network.store import Network, NetworkError, NetworkStore, Participant, check_name
from lerend_tui.network.summary import network_summary
from lerend_tui.network.trends import attendance_per_person, sparkline, trends
from lerend_tui.plans.plan import MeetingPlan
from lerend_tui.reports.journey import DONE, Journey, journey
from lerend_tui.reports.network import network_report
from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.confirm import ConfirmScreen
from lerend_tui.screens.editing import SavesWhileEditing
from lerend_tui.screens.export import ExportScreen
from lerend_tui.screens.keys import KeyedScreen
from lerend_tui.screens.series import SeriesScreen
from lerend_tui.widgets.footer import Footer
from lerend_tui.widgets.form_field import FormField

ROLE_HEADINGS = {"inbrenger": "casus", "inhoud": "inhoud", "gespreksleider": "gespreksleider"}
"""Short column headings for the fairness table."""
TURN_LABELS = {"inbrenger": "een casus inbrengen", "inhoud": "de inhoud brengen",
               "gespreksleider": "het gesprek leiden"}
"""How "wie is er aan de beurt?" names each role."""
TAB_FOCUS = {"overzicht": "#overview-left", "deelnemers": "#people", "afspraken": "#theme",
             "stappen": "#journey-scroll"}
"""Where the focus goes when a tab is opened with its key."""
TABS = Binding.Group("Overzicht · Deelnemers · Afspraken · Stappen")  # one line in the help
VERDICT_MARKS = {"past": "✓ past", "twijfel": "? twijfel", "past niet": "✗ past niet"}
"""The intake's verdict in the participant list."""


def lines_of(text: str) -> list[str]:
    """A text area with one entry per line → the entries, without empty lines or stray spaces."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def person_prompt(participant: Participant) -> Text:
    """The participant's name, and below it their learning questions and the intake's verdict."""
    text = Text(participant.name, style="bold")
    facts = [count_text(len(participant.learning_questions), "leervraag", "leervragen")]
    if participant.intake is not None:
        facts.append(VERDICT_MARKS.get(participant.intake.advice) or "intake gehouden")
    else:
        facts.append("geen intake")
    text.append("\n" + " · ".join(facts), style="not bold dim")
    return text


def journey_text(steps: Journey, problems: list[DataError]) -> Table:
    """The five steps, a row each: its mark, then its heading and state, the talk's purpose, what is done and what
    comes next (wrapped lines stay under the heading); then the plans that could not be read (one could be the
    network's)."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1)
    for step in steps.steps:
        text = Text(step.heading, style="bold")
        text.append(f"  ·  {step.state}", style="" if step.state == DONE else "bold")
        text.append(f"\n{step.purpose}", style="italic dim")
        for line in step.done:
            text.append(f"\n· {line}")
        for line in step.next:
            text.append("\n→ ", style="bold")
            text.append(line)
        table.add_row(step.mark, text)
    for problem in problems:
        table.add_row("⚠", Text(f"onleesbare planning, niet meegeteld: {problem}", style="dim"))
    return table


def trend_table(network: Network, records: Records) -> Table | Text:
    """Attendance and ROTI over the meetings as block charts, with the numbers beside them."""
    points = trends(network, records)
    if not points:
        return Text("Nog geen bijeenkomsten. Start er een met: lerend-tui start --network " + network.id,
                    style="dim")
    attendance = [point.attendance for point in points]
    rotis = [point.roti for point in points]
    table = Table.grid(padding=(0, 2, 0, 0))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    average = network_summary(network, records).roti
    table.add_row("Aanwezig", " ".join(sparkline(attendance, 0)),
                  Text(" · ".join(str(value) for value in attendance)))
    table.add_row("ROTI", " ".join(sparkline(rotis, 1, 5)),
                  Text(" · ".join("—" if value is None else decimal(value) for value in rotis)
                       + (f"   (gemiddeld {decimal(average)})" if average is not None and len(points) > 1 else "")))
    people = [person for person in attendance_per_person(network, records) if person.held]
    if people:
        table.add_row("Per persoon", "", Text("\n".join(person.words for person in people)))
    return table


def meetings_table(network: Network, records: Records, problems: list[DataError]) -> Table | Text | Group:
    """The network's meetings, oldest first, with what could not be found or read."""
    points = trends(network, records)
    table = Table(box=None, padding=(0, 1, 0, 0), expand=True, show_edge=False)
    table.add_column("Datum", no_wrap=True, style="dim")
    table.add_column("Bijeenkomst", ratio=1)
    table.add_column("Aanwezig", justify="right", no_wrap=True)
    table.add_column("ROTI", justify="right", no_wrap=True)
    for point in points:
        title = Text(point.title)
        if not point.finished:
            title.append(" (niet afgerond)", style="dim")
        table.add_row(f"{point.date:%d-%m-%Y}", title, str(point.attendance),
                      "—" if point.roti is None else decimal(point.roti))
    notes = [Text(f"⚠ niet gevonden: {id_}", style="dim") for id_ in missing_meetings(network, records)
             if not any(problem.path.stem == id_ for problem in problems)]
    notes += [Text(f"⚠ onleesbaar: {problem}", style="dim") for problem in problems]
    if not points:
        return Group(Text("Nog geen bijeenkomsten.", style="dim"), *notes)
    return Group(table, *notes) if notes else table


def fairness_table(network: Network, records: Records) -> Group:
    """Who held which role how often, and per role whose turn it is."""
    counts = role_counts(network, records)
    roles = list(FAIRNESS_ROLES) + sorted({role for held in counts.values() for role in held} - set(FAIRNESS_ROLES))
    table = Table(box=None, padding=(0, 1, 0, 0), show_edge=False)
    table.add_column("Deelnemer", ratio=1)
    for role in roles:
        table.add_column(Text(ROLE_HEADINGS.get(role, role)), justify="right", no_wrap=True)  # Text: never markup
    for name, held in counts.items():
        table.add_row(Text(name), *(str(held.get(role, 0)) if held.get(role) else Text("·", style="dim")
                                    for role in roles))
    turns = Table.grid(padding=(0, 1, 0, 0))
    turns.add_column(no_wrap=True, style="dim")
    turns.add_column()
    for role in FAIRNESS_ROLES:
        turn = whose_turn(role, network, records)
        turns.add_row(f"{TURN_LABELS[role]}:", Text(turn or "—", style="bold"))
    if not network.participants:
        return Group(Text("Nog geen deelnemers.", style="dim"))
    return Group(table, Text(""), Text("Wie is er aan de beurt?", style="bold"), turns)


def questions_text(network: Network, records: Records) -> Text:
    """Per person their learning questions and the meetings they came up in."""
    titles = {meeting.id: f"{meeting.record.title} ({meeting.date:%d-%m})"
              for meeting in network_meetings(network, records)}
    text = Text()
    for trail in learning_questions(network, records):
        if text:
            text.append("\n")
        text.append(trail.name or NO_OWNER_LABEL, style="bold")
        for question in trail.questions:
            text.append(f"\n  • {question}")
        if not trail.questions and trail.name in network.names:
            text.append("\n  nog geen leervragen", style="dim")
        if trail.meetings:
            text.append("\n  kwam aan bod in: ", style="dim")
            text.append(", ".join(titles.get(id_, id_) for id_ in trail.meetings))
        elif trail.questions:
            text.append("\n  nog in geen bijeenkomst genoteerd", style="dim")
    return text or Text("Nog geen deelnemers.", style="dim")


def carry_text(network: Network, records: Records) -> Text:
    """What the last meeting hands to the next one's check-in, per person."""
    upcoming = carry_over(network, records)
    if not upcoming and not network_meetings(network, records):
        return Text("Nog geen bijeenkomst: de stok achter de deur en de acties van de eerste komen hier terug "
                    "bij de check-in van de volgende.", style="dim")
    if not upcoming:
        return Text("Niets: de vorige bijeenkomst liet geen stok achter de deur of acties na.", style="dim")
    return _per_owner(network, upcoming, lambda entry: (entry, ""))


def open_text(network: Network, records: Records) -> Text:
    """Per person, every "stok achter de deur" and action of the network not ticked off yet, with the meeting
    it came from."""
    entries = open_commitments(network, records)
    if not entries:
        return Text("Niets open: elke stok achter de deur en elke actie is afgevinkt.", style="dim")
    return _per_owner(network, entries, lambda commitment: (commitment.entry, f"  · {commitment.came_from}"))


def _per_owner(network: Network, entries: list[Owned], shown: Callable[[Owned], tuple[Carried, str]]) -> Text:
    """`entries` under their owners' names: each as its label and text (from `shown`), then a dim remark."""
    text = Text()
    for owner, owned in by_owner(entries, network.names).items():
        if text:
            text.append("\n")
        text.append(owner or NO_OWNER_LABEL, style="bold")
        for item in owned:
            entry, remark = shown(item)
            text.append(f"\n  {entry.label}: ", style="dim")
            text.append(entry.text)
            if remark:
                text.append(remark, style="dim")
    return text


class NetworkScreen(KeyedScreen, SavesWhileEditing, LerendScreen[None]):
    file_kind = "netwerkbestand"
    user_error = NetworkError

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "back", "Terug", key_display="esc", tooltip="Terug naar de netwerken", id="network.back"),
        Binding("f2", "show_tab('overzicht')", "Overzicht", show=False, group=TABS,
                tooltip="Overzicht: trends, bijeenkomsten, rollen en leervragen", id="network.overview"),
        Binding("f3", "show_tab('deelnemers')", "Deelnemers", show=False, group=TABS,
                tooltip="Deelnemers: deelnemers, hun leervragen, ervaring en voorkeuren", id="network.participants"),
        Binding("f4", "show_tab('afspraken')", "Afspraken", show=False, group=TABS,
                tooltip="Afspraken: thema, plaats, randvoorwaarden en afspraken", id="network.agreements"),
        Binding("f5", "show_tab('stappen')", "Stappen", show=False, group=TABS,
                tooltip="Stappen: waar het netwerk staat, van behoefteonderzoek tot adoptie", id="network.journey"),
        Binding("ctrl+r", "plan_series", "Reeks inplannen",
                tooltip="Reeks inplannen: een kick-off, bijeenkomsten om de zoveel weken en een evaluatie, als "
                "planningen", id="network.series"),
        Binding("ctrl+n", "new_participant", "Nieuwe deelnemer",
                tooltip="Nieuwe deelnemer: typ de naam en Enter", id="network.new_participant"),
        Binding("ctrl+o", "intake", "Intake",
                tooltip="Intake: de intake van de gekozen deelnemer, past een lerend netwerk?", id="network.intake"),
        Binding("ctrl+s", "export", "Verslag",
                tooltip="Verslag van het netwerk opslaan of kopiëren: het hele netwerk als Markdown",
                id="network.export"),
        # Out of the footer, which must fit in 80 columns; in the help, the palette and beside the place.
        Binding("ctrl+g", "calendar", "Kalender", show=False,
                tooltip="Kalenderbestand (.ics) opslaan: alle geplande bijeenkomsten van het netwerk, om in de agenda "
                        "van de deelnemers te importeren", id="network.calendar"),
        Binding("delete", "remove_participant", "Verwijder deelnemer", show=False,
                tooltip="Verwijder deelnemer: de gekozen deelnemer, in de lijst (er wordt eerst gevraagd)",
                id="network.remove"),
    ]
    OTHER_KEYS = [
        ("Tab  ·  Shift+Tab", "Naar het volgende of vorige veld"),
        ("↑ ↓", "Kies een deelnemer; rechts staan de leervragen, ervaring en voorkeuren"),
        ("", "Wijzigingen worden vanzelf opgeslagen, binnen een seconde na het typen"),
    ]

    def __init__(self, network: Network, store: NetworkStore) -> None:
        super().__init__()
        self.network = self.edited = network
        self.store = store
        self.records: Records = {}
        self.record_problems: list[DataError] = []
        self.plans: list[MeetingPlan] = []
        """Every readable plan (the journey takes the network's)."""
        self.plan_problems: list[DataError] = []
        self.person: Participant | None = None
        """The participant shown in the form on the Deelnemers tab."""

    # -- layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(Content.from_markup("[b]$name[/b]", name=self.network.name), id="network-name")
            yield Static(id="save-status")
        with TabbedContent(initial="overzicht", id="tabs"):
            with TabPane("Overzicht", id="overzicht"), Horizontal(classes="columns"):
                with VerticalScroll(id="overview-left", classes="column"):
                    yield self._panel("trends", "Trends")
                    yield self._panel("meetings", "Bijeenkomsten")
                    yield self._panel("carry", "Komt terug bij de volgende check-in")
                    yield self._panel("open", "Nog open · per persoon, uit alle bijeenkomsten")
                with VerticalScroll(id="overview-right", classes="column"):
                    yield self._panel("fairness", "Rollen · wie is er aan de beurt?")
                    yield self._panel("trails", "Leervragen en waar ze aan bod kwamen")
            with TabPane("Deelnemers", id="deelnemers"), Horizontal(classes="columns"):
                with Vertical(id="people-column"):
                    people = OptionList(id="people")
                    people.border_title = "Deelnemers"
                    people.border_subtitle = "intake: Ctrl+O · Del: weg"
                    yield people
                    new_person = FormField(placeholder="naam + Enter", id="new-person")
                    new_person.border_title = "Nieuwe deelnemer"
                    yield new_person
                    yield Static(id="people-error", classes="problem")
                with VerticalScroll(id="person"):
                    yield Label("Naam")
                    yield FormField(id="person-name")
                    yield Static(id="person-error", classes="problem")
                    with Horizontal(id="person-columns"):
                        with Vertical(classes="person-column"):
                            yield self._area("person-questions", "Leervragen · één per regel")
                            yield self._area("person-experience", "Ervaring die ze inbrengt")
                            yield self._panel("person-trail", "Leervragen in de bijeenkomsten")
                        with Vertical(classes="person-column"):
                            yield self._area("person-preferences", "Leervoorkeuren · één per regel")
                            yield self._area("person-expectations", "Verwachtingen · één per regel")
                            yield self._panel("person-intake", "Intake · Ctrl+O")
            with TabPane("Afspraken", id="afspraken"), VerticalScroll(id="agreements"):
                yield Label("Thema van het netwerk")
                yield FormField(self.network.theme, id="theme")
                yield Label("Vraag uit de praktijk waar het thema op gebaseerd is (eventueel)")
                yield FormField(self.network.question, id="question")
                yield Label("Plaats van de bijeenkomsten · Ctrl+G: de geplande bijeenkomsten als kalenderbestand")
                yield FormField(self.network.place, placeholder="waar het netwerk samenkomt (een planning kan een "
                                "andere noemen)", id="place")
                with Horizontal(classes="columns"):
                    yield self._area("conditions-list", "Randvoorwaarden · één per regel",
                                     "\n".join(self.network.agreements.randvoorwaarden))
                    yield self._area("agreements-list", "Afspraken · één per regel",
                                     "\n".join(self.network.agreements.afspraken))
            with TabPane("Stappen", id="stappen"), VerticalScroll(id="journey-scroll"):
                journey_panel = self._panel("journey", "De vijf stappen van het lerend netwerk")
                journey_panel.border_subtitle = "Ctrl+R: reeks inplannen"
                yield journey_panel
        yield Footer()

    @staticmethod
    def _panel(id_: str, title: str) -> Static:
        panel = Static(id=id_, classes="panel")
        panel.border_title = title
        return panel

    @staticmethod
    def _area(id_: str, title: str, text: str = "") -> TextArea:
        area = TextArea(text, id=id_, soft_wrap=True, classes="list-area")
        area.border_title = title
        return area

    def on_mount(self) -> None:
        self.fill_people()
        self.load_records()

    def on_screen_resume(self) -> None:
        self.load_records()

    def load_records(self) -> None:
        """The network's meetings, read in the background (see `read_then_show`); then the overview, and where
        the chosen participant's questions came up."""
        index, network = self.services.meetings.index, self.network
        self.read_then_show(lambda: index.of_network(network.meetings, network.id), self._show_records,
                            group="records")
        self.read_then_show(self.services.plans.scan, self._show_plans, group="plans")

    def _show_plans(self, read: tuple[list[MeetingPlan], list[DataError]]) -> None:
        self.plans, self.plan_problems = read
        self.refresh_journey()

    def _show_records(self, read: tuple[Records, list[DataError]]) -> None:
        """The network's meetings (from the index), and the unreadable ones it lists."""
        self.records, self.record_problems = read
        self.refresh_overview()
        self.show_trail()

    def refresh_overview(self) -> None:
        network, records = self.network, self.records
        self.query_one("#network-name", Static).update(Content.from_markup(
            "[b]$name[/b]" + (" · $theme" if network.theme else ""), name=network.name, theme=network.theme))
        self.query_one("#trends", Static).update(trend_table(network, records))
        meetings = self.query_one("#meetings", Static)
        meetings.update(meetings_table(network, records, self.record_problems))
        meetings.border_subtitle = count_text(len(network_meetings(network, records)), "bijeenkomst", "bijeenkomsten")
        self.query_one("#carry", Static).update(carry_text(network, records))
        self.query_one("#open", Static).update(open_text(network, records))
        self.query_one("#fairness", Static).update(fairness_table(network, records))
        self.query_one("#trails", Static).update(questions_text(network, records))
        self.refresh_journey()

    def refresh_journey(self) -> None:
        clock = self.services.clock
        steps = journey(self.network, self.records, self.plans, clock.local(clock.now()).date())
        self.query_one("#journey", Static).update(journey_text(steps, self.plan_problems))

    # -- participants --------------------------------------------------------------------------------

    @property
    def people(self) -> OptionList:
        return self.query_one("#people", OptionList)

    def fill_people(self, chosen: Participant | None = None) -> None:
        """Rebuild the participant list, keeping `chosen` (or the current one) highlighted."""
        chosen = chosen or self.person
        people = self.people
        people.clear_options()
        participants = self.network.participants
        people.add_options(Option(person_prompt(participant), id=f"p{index}")
                           for index, participant in enumerate(participants))
        people.border_title = f"Deelnemers ({len(participants)})"
        if participants:
            index = next((i for i, p in enumerate(participants) if p is chosen), 0)
            people.highlighted = index
            self.show_person(participants[index])
        else:
            people.add_option(Option("Nog geen deelnemers: typ hieronder een naam.", disabled=True))
            self.show_person(None)

    @on(OptionList.OptionHighlighted, "#people")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = event.option_index
        if event.option.id and 0 <= index < len(self.network.participants):
            self.show_person(self.network.participants[index])

    @on(OptionList.OptionSelected, "#people")
    def to_form(self) -> None:
        self.query_one("#person-questions", TextArea).focus()

    def show_person(self, participant: Participant | None) -> None:
        """Fill the form with a participant (or empty it and switch it off)."""
        self.person = participant
        form = self.query_one("#person", VerticalScroll)
        form.disabled = participant is None
        self.query_one("#person-error", Static).update("")
        values = {
            "#person-questions": "\n".join(participant.learning_questions) if participant else "",
            "#person-experience": participant.experience if participant else "",
            "#person-preferences": "\n".join(participant.preferences) if participant else "",
            "#person-expectations": "\n".join(participant.expectations) if participant else "",
        }
        for selector, text in values.items():
            area = self.query_one(selector, TextArea)
            if lines_of(area.text) != lines_of(text) or area.text.strip() != text.strip():
                area.load_text(text)
        name = self.query_one("#person-name", Input)
        name.value = participant.name if participant else ""
        form.border_title = Content(participant.name) if participant else "Geen deelnemer gekozen"
        self.show_intake()
        self.show_trail()

    def show_trail(self) -> None:
        """Where the chosen participant's learning questions came up in the network's meetings."""
        panel = self.query_one("#person-trail", Static)
        name = self.person.name if self.person else None
        trail = next((trail for trail in learning_questions(self.network, self.records) if trail.name == name), None)
        if trail is None or not trail.mentions:
            panel.update(Text("Nog in geen bijeenkomst genoteerd.", style="dim"))
            return
        text = Text()
        for mention in trail.mentions:
            if text:
                text.append("\n")
            text.append(f"{mention.date:%d-%m} {mention.title}: ", style="dim")
            text.append(mention.text)
        panel.update(text)

    def show_intake(self) -> None:
        panel = self.query_one("#person-intake", Static)
        intake = self.person.intake if self.person else None
        if intake is None:
            panel.update(Text("Nog niet gehouden. Ctrl+O opent de intake.", style="dim"))
            return
        text = Text()
        if intake.date is not None:
            text.append(f"{self.services.clock.local(intake.date):%d-%m-%Y}: ", style="dim")
        advice = intake.advised
        text.append(advice.sentence if intake.advice == advice.verdict else (intake.advice or "geen advies"),
                    style="bold")
        if intake.note:
            text.append(f"\n{intake.note}")
        panel.update(text)

    def refresh_person_prompt(self) -> None:
        if self.person is not None and self.person in self.network.participants:
            index = self.network.participants.index(self.person)
            self.people.replace_option_prompt_at_index(index, person_prompt(self.person))

    @on(Input.Changed, "#person-name")
    def rename(self, event: Input.Changed) -> None:
        person, error = self.person, self.query_one("#person-error", Static)
        if person is None or event.value == person.name or event.value != event.input.value:
            return  # nothing new, or a stale event from filling the form for another participant
        try:
            name = check_name(event.value, "De naam")
            other = self.network.participant(name)
            if other is not None and other is not person:
                raise NetworkError(f"'{name}' is al deelnemer van {self.network.name}.")
        except NetworkError as problem:
            error.update(Content(f"{problem} De naam blijft {person.name}."))
            return
        error.update("")
        if name != person.name:
            person.name = name
            self.query_one("#person", VerticalScroll).border_title = Content(name)
            self.refresh_person_prompt()
            self.changed()

    @on(TextArea.Changed, "#person-questions")
    def questions_changed(self, event: TextArea.Changed) -> None:
        self._set_list(self.person, "learning_questions", event.text_area.text)
        self.refresh_person_prompt()

    @on(TextArea.Changed, "#person-preferences")
    def preferences_changed(self, event: TextArea.Changed) -> None:
        self._set_list(self.person, "preferences", event.text_area.text)

    @on(TextArea.Changed, "#person-expectations")
    def expectations_changed(self, event: TextArea.Changed) -> None:
        self._set_list(self.person, "expectations", event.text_area.text)

    @on(TextArea.Changed, "#person-experience")
    def experience_changed(self, event: TextArea.Changed) -> None:
        person, text = self.person, event.text_area.text.strip()
        if person is not None and person.experience != text:
            person.experience = text
            self.changed()

    def _set_list(self, owner: object, attribute: str, text: str) -> None:
        """Store the lines of a text area in a list attribute, when they differ."""
        if owner is None:
            return
        entries = lines_of(text)
        if getattr(owner, attribute) != entries:
            setattr(owner, attribute, entries)
            self.changed()

    @on(Input.Submitted, "#new-person")
    def add_person(self, event: Input.Submitted) -> None:
        """Enter adds the name typed (and stays, for the next one); Enter on nothing goes to the list."""
        error = self.query_one("#people-error", Static)
        if not event.value.strip():
            error.update("")
            self.people.focus()
            return
        try:
            participant = self.network.add_participant(event.value)
        except NetworkError as problem:
            error.update(Content(str(problem)))
            return
        error.update("")
        event.input.value = ""
        self.fill_people(participant)
        self.changed(now=True)
        self.refresh_overview()

    def action_new_participant(self) -> None:
        self.action_show_tab("deelnemers")
        self.query_one("#new-person", Input).focus()

    def chosen(self) -> Participant | None:
        """The participant highlighted in the list (also when the form has not caught up yet)."""
        index = self.people.highlighted
        participants = self.network.participants
        person = participants[index] if index is not None and 0 <= index < len(participants) else self.person
        if person is not self.person:
            self.show_person(person)
        return person

    def action_remove_participant(self) -> None:
        person = self.chosen()
        if person is None:
            return
        kept = [count_text(len(person.learning_questions), "leervraag", "leervragen")] if person.learning_questions \
            else []
        if person.intake is not None:
            kept.append("de intake")
        if person.experience or person.preferences or person.expectations:
            kept.append("ervaring, leervoorkeuren en verwachtingen")
        lost = f" Mee weg gaan: {', '.join(kept)}." if kept else ""
        question = (f"{person.name} verwijderen uit {self.network.name}?{lost} De verslagen van de bijeenkomsten "
                    "blijven zoals ze zijn; de vorige versie van het netwerkbestand blijft als .bak bewaard.")

        def answered(yes: bool | None) -> None:
            if yes and person in self.network.participants:
                index = self.network.participants.index(person)
                self.network.participants.remove(person)
                rest = self.network.participants
                self.person = None
                self.fill_people(rest[min(index, len(rest) - 1)] if rest else None)
                self.changed(now=True)
                self.refresh_overview()

        self.app.push_screen(ConfirmScreen(question, "Verwijderen"), answered)

    def action_intake(self) -> None:
        person = self.chosen()
        if person is None:
            self.notify("Voeg eerst een deelnemer toe (Ctrl+N).")
            return
        from lerend_tui.screens.intake import IntakeScreen


        def closed(_saved: bool | None) -> None:
            if self.person is person:
                self.show_person(person)
            self.refresh_person_prompt()
            self.refresh_overview()

        self.app.push_screen(IntakeScreen(self.network, person, self.save_changes), closed)

    # -- agreements ------------------------------------------------------------------------------------

    @on(TextArea.Changed, "#conditions-list")
    def conditions_changed(self, event: TextArea.Changed) -> None:
        self._set_list(self.network.agreements, "randvoorwaarden", event.text_area.text)

    @on(TextArea.Changed, "#agreements-list")
    def agreements_changed(self, event: TextArea.Changed) -> None:
        self._set_list(self.network.agreements, "afspraken", event.text_area.text)

    @on(Input.Changed, "#theme, #question, #place")
    def detail_changed(self, event: Input.Changed) -> None:
        """The network's theme, question from practice or place: the field's id names the attribute."""
        attribute, value = str(event.input.id), " ".join(clean(event.value).split())
        if value != getattr(self.network, attribute):
            setattr(self.network, attribute, value)
            self.changed()

    def action_plan_series(self) -> None:
        """The series dialog; the plans it wrote are told, and the journey shows them."""

        def planned(plans: list[MeetingPlan] | None) -> None:
            if plans:
                self.notify(f"{len(plans)} planningen gemaakt, van {plans[0].title} tot {plans[-1].title}. "
                            "Vorm ze een voor een op het planningsscherm.", title="Reeks ingepland")
                self.read_then_show(self.services.plans.scan, self._show_plans, group="plans")
                self.action_show_tab("stappen")

        self.app.push_screen(SeriesScreen(self.network), planned)

    # -- saving --------------------------------------------------------------------------------------

    def save_changes(self) -> bool:
        """Write the network now, e.g. after the intake changed a participant."""
        self._dirty = True
        return self.save_now()

    # -- actions -----------------------------------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        """Show a tab and focus its first field. (Focus has to move along: a focused widget left behind on
        a hidden tab hands focus to its neighbour there, and that would switch the tab back.)"""
        self.query_one("#tabs", TabbedContent).active = tab
        self.query_one(TAB_FOCUS[tab]).focus()

    @on(TabbedContent.TabActivated, "#tabs")
    def tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "overzicht":
            self.refresh_overview()
        elif event.pane.id == "stappen":
            self.refresh_journey()

    def action_export(self) -> None:
        self.save_now()
        network, records = self.network, self.records
        self.app.push_screen(ExportScreen(f"Verslag van netwerk {network.name}", f"netwerk-{network.id}.md",
                                          lambda _confidential: network_report(network, records)))

    def action_calendar(self) -> None:
        """The network's planned meetings (its plans with a date) as an iCalendar file, saved where the other
        exports go; the plans without a date, and plan files that cannot be read, are named."""
        from lerend_tui.plans.plan import PlanError
        from lerend_tui.reports.calendar import network_calendar, plan_names

        self.save_now()
        services, network = self.services, self.network

        def show(read: tuple[list[MeetingPlan], list[DataError]]) -> None:
            plans, problems = read
            try:
                text, undated = network_calendar(network, plans, services.clock, catalogue=services.catalogue)
            except PlanError as error:
                self.notify(str(error), title="Kalender", severity="warning", timeout=15, markup=False)
                return
            left_out = [f"nog zonder datum: {plan_names(undated)}"] if undated else []
            left_out += [f"onleesbaar: {', '.join(problem.path.name for problem in problems)}"] if problems else []
            if left_out:
                self.notify(f"Niet in het kalenderbestand: {'; '.join(left_out)}.", title="Kalender",
                            severity="warning", timeout=15, markup=False)
            self.app.push_screen(ExportScreen(f"Kalenderbestand van netwerk {network.name}",
                                              f"kalender-{network.id}.ics", lambda _confidential: text))

        self.read_then_show(services.plans.scan, show, group="calendar")

    def action_back(self) -> None:
        if self.save_now():
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self._dirty = False
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("De laatste wijzigingen zijn niet opgeslagen (zie de melding). "
                                           "Toch teruggaan? Dan gaan ze verloren.", "Terug zonder opslaan",
                                           "Blijven"), answered)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Del removes a participant only from the list; in a text field it deletes a character."""
        if action == "remove_participant":
            return self.people.has_focus
        return True
