"""The meeting plan (planning): the phases of a coming meeting with their clock times, shaped with keys —
reorder, longer or shorter (a phase or one of its steps), add, remove, rename, the kind, who brings content
or a case, a work format chosen from the catalogue or drawn — with the meeting's theme, goal, day, start and
time available and the place; sent on as an agenda or a calendar file and started as a meeting (F5). Every
change is written to the plan's file (`PlanStore.save`)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from lerend_tui.common.validation import MAX_MINUTES, DataError
from lerend_tui.meeting.record import CASE_ROLE, CONTENT_ROLE
from lerend_tui.meeting.running import SetupError, parse_participants
from lerend_tui.plans.plan import (
    MeetingPlan,
    PhaseTime,
    PlanError,
    PlanStore,
    clock_text,
    markdown_agenda,
    parse_date,
    parse_time,
    plan_id,
    text_agenda,
)
from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.editing import SavesWhileEditing
from lerend_tui.screens.keys import KeyedScreen
from lerend_tui.templates import PHASE_KINDS, PHASE_LABELS
from lerend_tui.widgets.footer import Footer
from lerend_tui.widgets.form_field import FormField

if TYPE_CHECKING:
    from lerend_tui.catalogue.picker import History
    from lerend_tui.catalogue.workforms import Workform
    from lerend_tui.network.meetings import Records
    from lerend_tui.network.store import Network
    from lerend_tui.screens.draw import DrawResult

NEW_PHASE_MINUTES = 10
# One line in the help for each pair of keys.
MOVE = Binding.Group("Verplaats de fase een plaats eerder of later")
MINUTE = Binding.Group("Een minuut langer of korter; in de stappen: die stap. De eindtijd schuift mee")


class PlanScreen(KeyedScreen, SavesWhileEditing, LerendScreen[None]):
    file_kind = "planningsbestand"
    user_error = PlanError

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "back", "Terug", tooltip="Terug: naar de lijst, of naar het vorige scherm", id="plan.back"),
        # One footer entry for each pair, so the footer fits in 120 columns.
        Binding("ctrl+up,alt+up", "move(-1)", "Schuiven", key_display="^↑↓", group=MOVE,
                tooltip="Fase omhoog: de gemarkeerde fase een plaats eerder", id="plan.up"),
        Binding("ctrl+down,alt+down", "move(1)", "Neer", show=False, group=MOVE,
                tooltip="Fase omlaag: de gemarkeerde fase een plaats later", id="plan.down"),
        Binding("plus,equals_sign", "minutes(1)", "Tijd", key_display="+/-", group=MINUTE,
                tooltip="Fase langer: een minuut erbij", id="plan.longer"),
        Binding("minus", "minutes(-1)", "Korter", show=False, group=MINUTE, tooltip="Fase korter: een minuut eraf",
                id="plan.shorter"),
        Binding("w", "choose", "Werkvorm", tooltip="Werkvorm kiezen: uit de catalogus, gefilterd op de soort van de "
                                                   "fase (Enter daar: kiezen)", id="plan.choose"),
        Binding("r", "draw", "Loten", tooltip="Werkvorm loten: een werkvorm die past bij de soort en de minuten van "
                                              "de fase", id="plan.draw"),
        # Priority: in a field, an Input would take Ctrl+E as "to the end".
        Binding("ctrl+e", "export", "Agenda", priority=True,
                tooltip="Agenda opslaan of kopiëren: om naar de deelnemers te mailen, in Markdown of als platte "
                        "tekst", id="plan.export"),
        Binding("f5", "start", "Starten", tooltip="Bijeenkomst starten: de bijeenkomst volgens deze planning, nu",
                id="plan.start"),
        # Out of the footer, which must fit in 80 columns; in the list's (or form's) border, the help and the palette.
        Binding("ctrl+g", "calendar", "Kalender", show=False,
                tooltip="Kalenderbestand (.ics) opslaan: de bijeenkomst met tijd, plaats en programma, om in de agenda "
                        "van de deelnemers te importeren", id="plan.calendar"),
        Binding("ctrl+n", "add", "Erbij", show=False, tooltip="Fase toevoegen: een nieuwe fase na de gemarkeerde",
                id="plan.add"),
        Binding("delete", "remove", "Weg", key_display="del", show=False,
                tooltip="Fase weghalen: de gemarkeerde fase, na een vraag", id="plan.remove"),
        Binding("x", "no_workform", "Geen werkvorm", show=False,
                tooltip="Geen werkvorm: de werkvorm (en haar stappen) uit de fase halen", id="plan.no_workform"),
        Binding("ctrl+s", "save", "Opslaan", show=False,
                tooltip="Planning opslaan: elke wijziging wordt ook vanzelf opgeslagen", id="plan.save"),
        Binding("ctrl+t", "save_template", "Sjabloon", show=False,
                tooltip="Opslaan als sjabloon: deze fasen als sjabloon", id="plan.template"),
    ]
    OTHER_KEYS = [
        ("↑ ↓", "Kies een fase; rechts staan haar velden en die van de bijeenkomst"),
        ("Enter  ·  Tab", "Bewerk titel, soort, wie de inhoud of een casus inbrengt, de stappen, en thema, doel, "
                          "datum, starttijd, beschikbare minuten en deelnemers (Esc: terug)"),
    ]

    def __init__(self, plan: MeetingPlan, store: PlanStore) -> None:
        super().__init__()
        self.plan = self.edited = plan
        self.store = store
        self.network_names: list[str] = []
        """The members of the plan's network (read on mount), who are its participants unless it names them."""
        self.network: Network | None = None
        """The plan's network (read on mount): its place is the plan's unless the plan names its own."""

    # -- layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        plan = self.plan
        with Horizontal(id="topbar"):
            yield Static(Content.from_markup("[b]Planning[/b] · $name", name=plan.name), id="plan-name")
            yield Static(id="plan-times")
            yield Static(id="save-status")
        yield Static(id="plan-warning")
        with Horizontal(id="columns"):
            phases = OptionList(id="phases")
            phases.border_subtitle = "Enter: bewerken · Ctrl+N: fase erbij · Del: fase weg"
            yield phases
            with VerticalScroll(id="form", can_focus=False):
                with Vertical(id="phase-form") as form:
                    form.border_title = "Fase"
                    yield Label("Titel")
                    yield FormField(id="phase-title")
                    yield Label("Soort")
                    yield Select([(PHASE_LABELS[kind], kind) for kind in PHASE_KINDS], allow_blank=False,
                                 id="phase-kind", compact=True)
                    yield Label("Wie brengt de inhoud")
                    yield FormField(placeholder="niemand", id="content-by")
                    yield Label("Wie brengt een casus in")
                    yield FormField(placeholder="niemand", id="case-by")
                    yield Static(id="phase-info")
                    steps = OptionList(id="steps")
                    steps.border_title = "Stappen (+/-: minuten)"
                    yield steps
                    yield Static(id="phase-guidance")
                with Vertical(id="meeting-form") as form:
                    form.border_title = "Bijeenkomst"
                    form.border_subtitle = "Ctrl+G: kalenderbestand (.ics)"
                    yield Label("Titel")
                    yield FormField(plan.title, id="plan-title")
                    yield Label("Thema")
                    yield FormField(plan.theme, placeholder="waar gaat het over", id="plan-theme")
                    yield Label("Doel")
                    yield FormField(plan.goal, placeholder="wat levert het op", id="plan-goal")
                    yield Label("Datum (dd-mm-jjjj)")
                    yield FormField(f"{plan.date:%d-%m-%Y}" if plan.date else "", placeholder="nog niet bekend",
                                    id="plan-date")
                    yield Label("Starttijd (UU:MM)")
                    yield FormField(plan.start, id="plan-start")
                    yield Label("Plaats")
                    yield FormField(plan.place, placeholder="nog niet bekend", id="plan-place")
                    yield Label("Beschikbare minuten")
                    yield FormField(str(plan.available_minutes or ""), placeholder="geen grens", id="plan-available",
                                    type="integer")
                    yield Label("Deelnemers")
                    yield FormField(", ".join(plan.participants), placeholder="Anouk, Bram, Chris",
                                    id="plan-participants")
                yield Static(id="form-error")
        yield Footer()

    def on_mount(self) -> None:
        self.show_plan()
        self.show_network()
        phases = self.query_one("#phases", OptionList)
        phases.highlighted = 0
        phases.focus()
        self.changed(now=True)

    def show_network(self) -> None:
        """For a network's plan: everyone in it as the participants unless named, and whose turn it is to
        bring the content or a case (the network's own meetings, as its fairness overview counts them); read
        in the background (see `read_then_show`)."""
        if not self.plan.network:
            return
        from lerend_tui.network.store import NetworkError

        network_id, networks, meetings = self.plan.network, self.services.networks, self.services.meetings

        def read() -> tuple[Network, Records] | Exception:
            try:
                network = networks.load(network_id)
            except (OSError, DataError, NetworkError) as error:
                return error
            return network, meetings.index.records(network.meetings, network.id)

        self.read_then_show(read, self._show_network, group="network")

    def _show_network(self, read: tuple[Network, Records] | Exception) -> None:
        from lerend_tui.network.roles import whose_turn

        if isinstance(read, Exception):
            self.notify(f"Het netwerk van deze planning is niet te lezen: {read}", title="Netwerk",
                        severity="warning", timeout=15, markup=False)
            return
        network, records = read
        self.query_one("#plan-name", Static).update(Content.from_markup(
            "[b]Planning[/b] · $name · netwerk $network", name=self.plan.name, network=network.name))
        self.network, self.network_names = network, list(network.names)
        if network.place:
            self.query_one("#plan-place", Input).placeholder = f"van het netwerk: {network.place}"
        self.query_one("#plan-participants", Input).placeholder = ", ".join(network.names) or "Anouk, Bram, Chris"
        for selector, role in (("#content-by", CONTENT_ROLE), ("#case-by", CASE_ROLE)):
            name = whose_turn(role, network, records)
            if name:
                self.query_one(selector, Input).placeholder = f"niemand (aan de beurt: {name})"

    @property
    def index(self) -> int:
        highlighted = self.query_one("#phases", OptionList).highlighted
        return 0 if highlighted is None else min(highlighted, len(self.plan.phases) - 1)

    def _row(self, row: PhaseTime) -> Table:
        """A phase in the list: clock time and minutes in their own columns, so a long title or work format
        wraps beside them on a narrow terminal."""
        phase = row.phase
        details = [self.services.catalogue.name_of(phase.workform) or "geen werkvorm"]
        if phase.content_by:
            details.append(f"inhoud: {phase.content_by}")
        if phase.case_by:
            details.append(f"casus: {phase.case_by}")
        table = Table.grid(padding=(0, 2, 0, 0), expand=True)
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True, justify="right")
        table.add_column(ratio=1)
        table.add_row(row.text, f"{phase.minutes} min",
                      Text.assemble(phase.title, "\n", (" · ".join(details), "dim")))  # Text: never read as markup
        return table

    def show_plan(self) -> None:
        """The phases with their clock times, and start, total and end in the top bar."""
        plan = self.plan
        phases = self.query_one("#phases", OptionList)
        keep = phases.highlighted
        phases.clear_options()
        phases.add_options(Option(self._row(row)) for row in plan.times())
        if keep is not None:
            phases.highlighted = min(keep, len(plan.phases) - 1)
        phases.border_title = Content(plan.title)
        available = f" · beschikbaar {plan.available_minutes} min" if plan.available_minutes else ""
        self.query_one("#plan-times", Static).update(
            Content(f"start {plan.start} · totaal {plan.total_minutes} min · einde {plan.end}{available}"))
        warning = plan.warning()
        bar = self.query_one("#plan-warning", Static)
        bar.display = warning is not None
        bar.update(Content(f"⚠ {warning}" if warning else ""))
        self.show_phase_info()

    def show_phase_info(self) -> None:
        """The highlighted phase's work format, its steps (with minutes) and the template's guidance."""
        phase = self.plan.phases[self.index]
        chosen = self.services.catalogue.name_of(phase.workform)
        self.query_one("#phase-info", Static).update(
            Content(f"Werkvorm: {chosen}" if chosen else "Werkvorm: geen (w: kiezen · r: loten)"))
        steps = self.query_one("#steps", OptionList)
        keep = steps.highlighted
        steps.clear_options()
        steps.add_options(Option(Content(f"{step.minutes:>3}'  {step.title}")) for step in phase.steps)
        steps.display = bool(phase.steps)
        if phase.steps:
            steps.highlighted = min(keep or 0, len(phase.steps) - 1)
        self.query_one("#phase-guidance", Static).update(Content(phase.guidance))

    def fill_form(self) -> None:
        """The highlighted phase's fields in the form (without counting that as an edit)."""
        phase = self.plan.phases[self.index]
        with self.prevent(Input.Changed, Select.Changed):
            self.query_one("#phase-title", Input).value = phase.title
            self.query_one("#phase-kind", Select).value = phase.kind
            self.query_one("#content-by", Input).value = phase.content_by
            self.query_one("#case-by", Input).value = phase.case_by
        self.query_one("#phase-form", Vertical).border_title = f"Fase {self.index + 1}"
        self._say("")
        self.show_phase_info()

    @on(OptionList.OptionHighlighted, "#phases")
    def highlighted(self) -> None:
        self.fill_form()

    @on(OptionList.OptionSelected, "#phases")
    def edit_phase(self) -> None:
        self.query_one("#phase-title", Input).focus()

    def _say(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Content(message))

    # -- the form ------------------------------------------------------------------------------------

    def _set(self, change) -> None:
        """A field's change into the plan: shown and saved once typing stops; a `PlanError` (or a list of
        participants half typed, "Anouk, Bram,") is said under the form and changes nothing."""
        try:
            change()
        except (PlanError, SetupError) as error:
            self._say(str(error))
            return
        self._say("")
        self.show_plan()
        self.changed(now=False)

    @on(Input.Changed, "#phase-title")
    def title_changed(self, event: Input.Changed) -> None:
        self._set(lambda: self.plan.rename(self.index, event.value))

    @on(Select.Changed, "#phase-kind")
    def kind_changed(self, event: Select.Changed) -> None:
        self._set(lambda: self.plan.set_kind(self.index, str(event.value)))

    @on(Input.Changed, "#content-by")
    def content_by_changed(self, event: Input.Changed) -> None:
        self._set(lambda: setattr(self.plan.phases[self.index], "content_by", " ".join(event.value.split())))

    @on(Input.Changed, "#case-by")
    def case_by_changed(self, event: Input.Changed) -> None:
        self._set(lambda: setattr(self.plan.phases[self.index], "case_by", " ".join(event.value.split())))

    @on(Input.Changed, "#plan-title")
    def plan_title_changed(self, event: Input.Changed) -> None:
        def retitle() -> None:
            title = " ".join(event.value.split())
            if not title:
                raise PlanError("De titel van de bijeenkomst mag niet leeg zijn.")
            self.plan.title = title

        self._set(retitle)

    @on(Input.Changed, "#plan-theme")
    def theme_changed(self, event: Input.Changed) -> None:
        self._set(lambda: setattr(self.plan, "theme", " ".join(event.value.split())))

    @on(Input.Changed, "#plan-goal")
    def goal_changed(self, event: Input.Changed) -> None:
        self._set(lambda: setattr(self.plan, "goal", " ".join(event.value.split())))

    @on(Input.Changed, "#plan-date")
    def date_changed(self, event: Input.Changed) -> None:
        self._set(lambda: setattr(self.plan, "date", parse_date(event.value)))

    @on(Input.Changed, "#plan-start")
    def start_changed(self, event: Input.Changed) -> None:
        self._set(lambda: setattr(self.plan, "start", clock_text(parse_time(event.value))))

    @on(Input.Changed, "#plan-place")
    def place_changed(self, event: Input.Changed) -> None:
        self._set(lambda: setattr(self.plan, "place", " ".join(event.value.split())))

    @on(Input.Changed, "#plan-available")
    def available_changed(self, event: Input.Changed) -> None:
        def limit() -> None:
            text = event.value.strip()
            if text and (not text.isdecimal() or not 1 <= int(text) <= MAX_MINUTES):
                raise PlanError(f"Beschikbare minuten: een geheel getal van 1 tot en met {MAX_MINUTES}, "
                                "of leeg voor geen grens.")
            self.plan.available_minutes = int(text) if text else None

        self._set(limit)

    @on(Input.Changed, "#plan-participants")
    def participants_changed(self, event: Input.Changed) -> None:
        self._set(lambda: setattr(self.plan, "participants", parse_participants(event.value)))

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.save_now()
        self.query_one("#phases", OptionList).focus()

    # -- actions -----------------------------------------------------------------------------------

    def action_back(self) -> None:
        phases = self.query_one("#phases", OptionList)
        self.save_now()
        if not phases.has_focus:
            phases.focus()
            return
        self.dismiss()

    def _apply(self, change) -> bool:
        """Make a change to the plan with a key; a `PlanError` is shown, not raised. The plan is shown and
        saved at once."""
        try:
            change()
        except PlanError as error:
            self.notify(str(error), title="Planning", severity="warning", markup=False)
            return False
        self.show_plan()
        self.changed(now=True)
        return True

    def action_move(self, step: int) -> None:
        index = self.index
        to = index + step
        if 0 <= to < len(self.plan.phases) and self._apply(lambda: self.plan.move(index, to)):
            self.query_one("#phases", OptionList).highlighted = to

    def action_minutes(self, step: int) -> None:
        """A minute more or less for the phase, or for the highlighted step while the steps have the focus."""
        index, plan = self.index, self.plan
        steps = self.query_one("#steps", OptionList)
        if steps.has_focus and steps.highlighted is not None:
            at = steps.highlighted
            self._apply(lambda: plan.set_step_minutes(index, at, plan.phases[index].steps[at].minutes + step))
        else:
            self._apply(lambda: plan.set_minutes(index, plan.phases[index].minutes + step))

    def action_add(self) -> None:
        """A new phase after the highlighted one, of its kind (the form's "Soort" changes that); the title
        field is ready to type its name."""
        index = self.index
        kind = self.plan.phases[index].kind
        if self._apply(lambda: self.plan.add(kind, "Nieuwe fase", NEW_PHASE_MINUTES, at=index + 1)):
            self.query_one("#phases", OptionList).highlighted = index + 1
            self.fill_form()
            title = self.query_one("#phase-title", Input)
            title.focus()
            title.select_all()

    def action_remove(self) -> None:
        from lerend_tui.screens.confirm import ConfirmScreen

        index = self.index
        phase = self.plan.phases[index]
        if len(self.plan.phases) == 1:
            self.notify("De laatste fase kan niet weg: een planning heeft minstens één fase.", severity="warning")
            return

        def answer(yes: bool | None) -> None:
            if yes and self._apply(lambda: self.plan.remove(index)):
                self.fill_form()

        self.app.push_screen(ConfirmScreen(f"Fase ‘{phase.title}’ ({phase.minutes} min) uit de planning halen?",
                                           "Weghalen"), answer)

    def _use_workform(self, index: int, workform: Workform, roles: dict[str, str] | None = None) -> None:
        """The work format in phase `index`; from a draw, its proposal of who brings the content or the case
        where the plan names nobody yet."""
        phase = self.plan.phases[index]

        def change() -> None:
            self.plan.set_workform(index, workform)
            phase.content_by = phase.content_by or (roles or {}).get(CONTENT_ROLE, "")
            phase.case_by = phase.case_by or (roles or {}).get(CASE_ROLE, "")

        if self._apply(change):
            self.fill_form()
            self.app.notify(Content.from_markup("[b]$name[/b] in ‘$phase’.", name=workform.name, phase=phase.title),
                            title="Werkvorm")

    def action_draw(self) -> None:
        """Draw a work format that fits the phase's kind and minutes and the group (the plan's participants,
        else the network's), with roles proposed among them."""
        from lerend_tui.catalogue.picker import Filters
        from lerend_tui.screens.draw import DrawScreen

        plan, meetings = self.plan, self.services.meetings
        index = self.index

        def read() -> History:
            return meetings.history(plan.network)

        def show(history: History) -> None:
            services, phase = self.services, plan.phases[index]
            people = plan.participants or self.network_names
            screen = DrawScreen(services.catalogue, Filters(phase.kind, len(people) or None, phase.minutes), people,
                                history, services.rng, reduced_motion=services.settings.reduced_motion)
            self.app.push_screen(screen, partial(self._drawn, index))

        self.read_then_show(read, show, group="draw")

    def _drawn(self, index: int, result: DrawResult | None) -> None:
        if result is not None:
            self._use_workform(index, result.workform, result.roles)

    def action_choose(self) -> None:
        """The catalogue, filtered on the phase's kind; Enter there puts the work format in the phase."""
        from lerend_tui.screens.catalogue import CatalogueScreen

        index = self.index
        self.app.push_screen(CatalogueScreen(self.plan.phases[index].kind, choosing=True), partial(self._chosen, index))

    def _chosen(self, index: int, workform: Workform | None) -> None:
        if workform is not None:
            self._use_workform(index, workform)

    def action_no_workform(self) -> None:
        index = self.index
        if self.plan.phases[index].workform and self._apply(lambda: self.plan.set_workform(index, None)):
            self.notify(f"Geen werkvorm meer in ‘{self.plan.phases[index].title}’.", title="Werkvorm", markup=False)

    def action_start(self) -> None:
        """Run the plan as a meeting now: its phases, minutes, work formats and who brings what, in its
        network when it has one."""
        from lerend_tui.plans.plan import plan_to_record

        plan, services = self.plan, self.services
        if not self.save_now():
            return
        network = None
        if plan.network:
            from lerend_tui.network.store import NetworkError

            try:
                network = services.networks.load(plan.network)
            except (OSError, DataError, NetworkError) as error:
                self.notify(f"Het netwerk '{plan.network}' van deze planning is niet te lezen: {error}",
                            title="Niet gestart", severity="error", timeout=15, markup=False)
                return
        # In a network, no participants means all of them (`join_network`).
        clock = services.clock
        record = plan_to_record(plan, planned_start=plan.planned_start(clock), participants=plan.participants,
                                now=clock.local(clock.now()))
        app = self.app
        self.dismiss()
        app.open_new_meeting(record, network)

    def action_save(self) -> None:
        self._dirty = True
        if self.save_now():
            self.notify(f"Planning opgeslagen in {self.plan.path}", title="Planning", markup=False)

    def action_export(self) -> None:
        from lerend_tui.screens.export import ExportScreen

        self.save_now()
        plan, catalogue = self.plan, self.services.catalogue
        self.app.push_screen(ExportScreen(f"Agenda van {plan.title}", f"agenda-{plan_id(plan.name)}.md",
                                          lambda _confidential: markdown_agenda(plan, catalogue),
                                          plain=lambda _confidential: text_agenda(plan, catalogue)))

    def action_calendar(self) -> None:
        """The plan as an iCalendar file, saved where the other exports go; a plan without a date is refused."""
        from lerend_tui.reports.calendar import plan_calendar
        from lerend_tui.screens.export import ExportScreen

        self.save_now()
        plan, services = self.plan, self.services
        try:
            calendar = plan_calendar(plan, self.network, services.clock, catalogue=services.catalogue)
        except PlanError as error:
            self.notify(str(error), title="Kalender", severity="warning", timeout=15, markup=False)
            return
        self.app.push_screen(ExportScreen(f"Kalenderbestand van {plan.title}", f"agenda-{plan_id(plan.name)}.ics",
                                          lambda _confidential: calendar))

    def action_save_template(self) -> None:
        from lerend_tui.plans.plan import save_as_template

        try:
            path = save_as_template(self.plan, self.services.paths.templates,
                                    source=self.services.templates.templates.get(self.plan.template))
        except DataError as error:
            self.notify(f"Het sjabloon op schijf is onleesbaar en wordt niet overschreven: {error}",
                        title="Niet opgeslagen", severity="error", timeout=15, markup=False)
            return
        except OSError as error:
            self.notify(f"Sjabloon opslaan lukt niet ({error.strerror or error}).", title="Niet opgeslagen",
                        severity="error", timeout=15, markup=False)
            return
        self.services.reload_templates()
        self.notify(f"Sjabloon opgeslagen in {path}", title="Sjabloon", markup=False)
