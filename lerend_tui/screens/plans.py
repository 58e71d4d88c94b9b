"""The plans (planningen): the prepared meetings to open again, and a new plan from a template or from an
earlier meeting, for a learning network or not. Enter on a plan, or "Maken", opens the plan screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from lerend_tui.common.text import dutch_date
from lerend_tui.common.validation import DataError
from lerend_tui.plans.plan import (
    DEFAULT_START,
    MeetingPlan,
    PlanError,
    PlanStore,
    by_day,
    clock_text,
    parse_time,
    when_text,
)
from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.keys import KeyedScreen
from lerend_tui.templates import DEFAULT_TEMPLATE
from lerend_tui.widgets.footer import Footer
from lerend_tui.widgets.form_field import FormField

if TYPE_CHECKING:
    from lerend_tui.network.store import Network
    from lerend_tui.storage.index import MeetingFacts

FROM_TEMPLATE = "sjabloon:"
FROM_MEETING = "bijeenkomst:"


class PlansScreen(KeyedScreen, LerendScreen[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "back", "Terug", tooltip="Terug: naar het vorige scherm", id="plans.back"),
        Binding("ctrl+n", "new", "Nieuwe planning",
                tooltip="Nieuwe planning: naar het formulier, van een sjabloon of een eerdere bijeenkomst, voor een "
                        "lerend netwerk of niet; Enter of Maken opent haar", id="plans.new"),
        Binding("delete", "discard", "Weggooien", key_display="del",
                tooltip="Planning weggooien: de gemarkeerde planning, na een vraag (het bestand blijft als .bak)",
                id="plans.discard"),
    ]
    OTHER_KEYS = [
        ("↑ ↓  ·  Enter", "Kies een planning en open haar"),
        ("Tab", "Naar het formulier voor een nieuwe planning"),
    ]

    def __init__(self, *, template: str = "", network: str = "", title: str = "", make: bool = False,
                 plan: MeetingPlan | None = None) -> None:
        """`template`, `network` (an id) and `title` are filled in in the new-plan form; `make`: make that plan at once
        and open it (`lerend-tui plan --template … --network …`); `plan`: open that plan at once
        (`lerend-tui plan edit NAAM`)."""
        super().__init__()
        self.initial_template = template
        self.initial_network = network
        self.initial_title = title
        self.make_at_once = make
        self.open_at_once = plan
        self.plans: list[MeetingPlan] = []
        self.network_names: dict[str, str] = {}
        """The networks' names by id (read on mount): a plan names its network by id."""

    @property
    def store(self) -> PlanStore:
        return self.services.plans

    def compose(self) -> ComposeResult:
        yield Static(Content.from_markup("[b]Planningen[/b] · bereid een bijeenkomst voor"), id="topbar")
        with Horizontal(id="columns"):
            plans = OptionList(id="plans")
            plans.border_title = "Planningen"
            plans.border_subtitle = "Enter: openen · Del: weggooien"
            yield plans
            with Vertical(id="new") as form:
                form.border_title = "Nieuwe planning"
                yield Label("Vanuit")
                sources = self._sources([])
                initial = FROM_TEMPLATE + (self.initial_template or DEFAULT_TEMPLATE)
                yield Select(sources, value=initial if initial in {value for _, value in sources} else Select.NULL,
                             allow_blank=False, id="source", compact=True)
                yield Label("Lerend netwerk")
                yield Select([], prompt="geen", allow_blank=True, id="network", compact=True)
                yield Label("Titel van de bijeenkomst")
                yield FormField(self.initial_title, placeholder="zoals het sjabloon of de bijeenkomst", id="title")
                yield Label("Starttijd (UU:MM)")
                yield FormField(placeholder=f"zoals het sjabloon ({DEFAULT_START}) of de bijeenkomst", id="start")
                yield Button("Maken", id="make", variant="primary", compact=True)
                yield Static(id="new-error")
        yield Footer()

    def _sources(self, meetings: list[MeetingFacts]) -> list[tuple[str, str]]:
        """What a new plan can start from: each template, then each earlier meeting, newest first."""
        templates = [(f"Sjabloon: {template.title}", FROM_TEMPLATE + name)
                     for name, template in self.services.templates.templates.items()]
        earlier = [(f"Zoals: {facts.title}, {dutch_date(facts.planned_start)}", FROM_MEETING + str(facts.path))
                   for facts in reversed(meetings)]
        return templates + earlier

    def on_mount(self) -> None:
        """The networks and the earlier meetings are read in the background (see `read_then_show`), then the
        plans, which name their network."""
        networks, meetings = self.services.networks, self.services.meetings
        self.read_then_show(lambda: (networks.scan()[0], meetings.index.listing().meetings), self._show_sources,
                            group="sources")
        if self.open_at_once is not None:
            from lerend_tui.screens.plan import PlanScreen

            self.app.push_screen(PlanScreen(self.open_at_once, self.store))

    def _show_sources(self, read: tuple[list[Network], list[MeetingFacts]]) -> None:
        found, meetings = read
        source = self.query_one("#source", Select)
        chosen = source.value
        source.set_options(self._sources(meetings))  # which chooses the first
        source.value = chosen
        self.network_names = {network.id: network.name for network in found}
        select = self.query_one("#network", Select)
        select.set_options((network.name, network.id) for network in found)
        if self.initial_network in {network.id for network in found}:
            select.value = self.initial_network
        self.load_plans()
        if self.make_at_once and self.open_at_once is None:
            self.make_at_once = False
            self.make()

    def on_screen_resume(self) -> None:
        self.load_plans()

    def load_plans(self) -> None:
        """The plans, read in the background (see `read_then_show`)."""
        self.read_then_show(self.store.scan, self._show_plans, group="plans")

    def _show_plans(self, scanned: tuple[list[MeetingPlan], list[DataError]]) -> None:
        clock = self.services.clock
        plans, problems = scanned
        plans = self.plans = by_day(plans, clock.local(clock.now()).date())
        self.refresh_bindings()  # Del throws away a plan only when there is one
        option_list = self.query_one("#plans", OptionList)
        option_list.clear_options()
        for plan in plans:
            network = f" · netwerk {self.network_names.get(plan.network, plan.network)}" if plan.network else ""
            over = f" · loopt {plan.overrun_minutes} min uit" if plan.overrun_minutes else ""
            option_list.add_option(Option(Content(
                f"{plan.name}\n  {when_text(plan)} · {len(plan.phases)} fasen{network}{over}")))
        for problem in problems:
            option_list.add_option(Option(Content(f"⚠ onleesbaar: {problem}"), disabled=True))
        if not plans and not problems:
            option_list.add_option(Option("Nog geen planningen: maak er rechts een aan.", disabled=True))
        if plans:
            option_list.highlighted = 0
            option_list.focus()
        else:
            self.query_one("#source", Select).focus()

    @on(OptionList.OptionSelected, "#plans")
    def open_plan(self, event: OptionList.OptionSelected) -> None:
        from lerend_tui.screens.plan import PlanScreen

        self.app.push_screen(PlanScreen(self.plans[event.option_index], self.store))

    @on(Button.Pressed, "#make")
    @on(Input.Submitted)
    def make(self) -> None:
        """A new plan from the chosen template or meeting, named after its title (a number added when that
        name is taken; the date is the plan's own field), and open it."""
        from lerend_tui.screens.plan import PlanScreen

        error = self.query_one("#new-error", Static)
        try:
            plan = self._new_plan()
        except (PlanError, DataError, KeyError) as problem:
            error.update(Content(str(problem.args[0] if isinstance(problem, KeyError) else problem)))
            return
        error.update("")
        network = self.query_one("#network", Select).value
        plan.network = network if isinstance(network, str) else ""
        self.app.push_screen(PlanScreen(plan, self.store))

    def _new_plan(self) -> MeetingPlan:
        services = self.services
        source = self.query_one("#source", Select).value
        title = " ".join(self.query_one("#title", Input).value.split())
        start_text = self.query_one("#start", Input).value.strip()
        if not isinstance(source, str):
            raise PlanError("Kies een sjabloon of een eerdere bijeenkomst om van uit te gaan.")
        if source.startswith(FROM_MEETING):
            record = services.meetings.load(Path(source.removeprefix(FROM_MEETING)))
            name = self.store.unused_name(title or record.title)
            plan = MeetingPlan.from_record(record, name=name, title=title,
                                           template=services.templates.templates.get(record.template))
            if start_text:
                plan.start = clock_text(parse_time(start_text))
            return plan
        template = services.templates.get(source.removeprefix(FROM_TEMPLATE))
        name = self.store.unused_name(title or template.title)
        return MeetingPlan.from_template(template, name=name, title=title, start=start_text or DEFAULT_START)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Del throws away the highlighted plan only from the list (in a field it deletes a character)."""
        if action == "discard":
            return self.query_one("#plans", OptionList).has_focus and bool(self.plans)
        return True

    def action_discard(self) -> None:
        from lerend_tui.screens.confirm import ConfirmScreen

        highlighted = self.query_one("#plans", OptionList).highlighted
        if highlighted is None or highlighted >= len(self.plans):
            return
        plan = self.plans[highlighted]

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                aside = self.store.discard(plan)
            except OSError as error:
                self.notify(f"Weggooien lukt niet ({error.strerror or error}).", title="Planning",
                            severity="error", markup=False)
                return
            self.notify(f"Weggegooid. Het bestand staat nog als {aside}; hernoem het om het terug te halen.",
                        title="Planning", timeout=10, markup=False)
            self.load_plans()

        self.app.push_screen(ConfirmScreen(f"Planning ‘{plan.name}’ weggooien?", "Weggooien"), answer)

    def action_new(self) -> None:
        self.query_one("#source", Select).focus()

    def action_back(self) -> None:
        self.app.back_home()
