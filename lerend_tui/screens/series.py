"""Bijeenkomsten inplannen (Stap 1): a dialog that plans a network's series at once — a kick-off, N
bijeenkomsten every K weeks on a weekday and hour, an evaluatie — with the dates shown as they are typed and
the randvoorwaarden to arrange beside them. `Ctrl+S` writes the plans (in a thread; never over a plan that is
there) and dismisses the dialog with them; `Esc` leaves without writing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, Static

from lerend_tui.common.text import WEEKDAYS
from lerend_tui.network.store import Network
from lerend_tui.plans.plan import DEFAULT_START, MeetingPlan, PlanError, parse_date
from lerend_tui.plans.series import Series, conditions_lines, parse_weekday, save_series, series_plans
from lerend_tui.screens.base import LerendModal
from lerend_tui.widgets.form_field import FormField

FIELDS = ("#series-first", "#series-count", "#series-every", "#series-weekday", "#series-time")
FIRST_AFTER = timedelta(weeks=2)
"""The first day the form proposes: two weeks from today, time to send the invitations."""


def whole_number(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise PlanError(f"{what}: verwacht een geheel getal, maar vond '{text}'.") from None


class SeriesScreen(LerendModal[list[MeetingPlan] | None]):
    """Dismissed with the plans written, or None when left without writing."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Annuleren", key_display="esc", id="series.cancel"),
        Binding("ctrl+s", "plan", "Inplannen", id="series.plan"),
    ]

    def __init__(self, network: Network) -> None:
        super().__init__()
        self.network = network
        self.plans: list[MeetingPlan] = []
        """The plans the form describes now (none while it has a mistake)."""

    def compose(self) -> ComposeResult:
        clock = self.services.clock
        first = clock.local(clock.now()).date() + FIRST_AFTER
        with Vertical(id="series-box"):
            yield Static(Content.from_markup("[b]Bijeenkomsten inplannen[/b] · $name", name=self.network.name),
                         id="series-title")
            with Grid(id="series-form"):
                yield Label("Eerste (kick-off)")
                yield FormField(f"{first:%d-%m-%Y}", placeholder="bijvoorbeeld 12-1-2027", id="series-first")
                yield Label("Bijeenkomsten")
                yield FormField("6", placeholder="tussen kick-off en evaluatie", id="series-count")
                yield Label("Om de … weken")
                yield FormField("4", placeholder="bijvoorbeeld 4", id="series-every")
                yield Label("Weekdag")
                yield FormField("", placeholder="leeg: de dag van de eerste", id="series-weekday")
                yield Label("Begintijd")
                yield FormField(DEFAULT_START, placeholder="UU:MM", id="series-time")
                yield Checkbox("Met kick-off", True, compact=True, id="series-kickoff")
                yield Checkbox("Met evaluatie", True, compact=True, id="series-evaluation")
            with Horizontal(id="series-panels"):
                yield VerticalScroll(Static(id="series-dates"), id="series-preview")
                listed = Table.grid(padding=(0, 1, 0, 0))
                listed.add_column(no_wrap=True)
                listed.add_column()
                for line in conditions_lines():
                    listed.add_row("•", line)
                conditions = Static(listed, id="series-conditions")
                conditions.border_title = "Randvoorwaarden om te regelen"
                yield conditions
            yield Static(id="series-error")
            with Horizontal(id="series-buttons"):
                yield Button("Inplannen", variant="primary", compact=True, id="series-plan")
                yield Button("Annuleren", compact=True, id="series-cancel")
            yield Static("Ctrl+S: inplannen · Tab: volgend veld · Esc: annuleren", id="series-keys")

    def on_mount(self) -> None:
        self.query_one("#series-first", Input).focus()
        self.preview()

    def asked(self) -> Series:
        """The series the form describes; a Dutch `PlanError` naming the field that is off."""
        value = {selector: self.query_one(selector, Input).value for selector in FIELDS}
        first = parse_date(value["#series-first"])
        if first is None:
            raise PlanError("Vul de dag van de eerste bijeenkomst in, bijvoorbeeld 12-1-2027.")
        weekday = value["#series-weekday"]
        return Series(first, whole_number(value["#series-count"], "Aantal bijeenkomsten"),
                      whole_number(value["#series-every"], "Om de hoeveel weken"),
                      value["#series-time"].strip() or DEFAULT_START,
                      parse_weekday(weekday) if weekday.strip() else None,
                      kickoff=self.query_one("#series-kickoff", Checkbox).value,
                      evaluation=self.query_one("#series-evaluation", Checkbox).value)

    @on(Input.Changed)
    @on(Checkbox.Changed)
    def preview(self) -> None:
        """The dates of the series as the form now stands, or what is wrong with it."""
        dates = self.query_one("#series-dates", Static)
        preview = self.query_one("#series-preview", VerticalScroll)
        network, services = self.network, self.services
        try:
            self.plans = series_plans(self.asked(), network_id=network.id, network_name=network.name,
                                      theme=network.theme, templates=services.templates, local=services.clock.local)
        except PlanError as problem:
            self.plans = []
            dates.update(Text(str(problem), style="bold"))
            preview.border_title = "Zo lukt het niet"
            return
        text = Table.grid(padding=(0, 1, 0, 0))
        text.add_column(style="dim", no_wrap=True)
        text.add_column()
        for plan in self.plans:
            when = f"{WEEKDAYS[plan.date.weekday()][:2]} {plan.date:%d-%m-%Y} {plan.start}" if plan.date else ""
            text.add_row(when, Text(plan.title.removeprefix(self.network.name + " · ")))
        dates.update(text)
        preview.border_title = f"{len(self.plans)} planningen"
        self.query_one("#series-error", Static).update("")

    @on(Input.Submitted)
    def next_field(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#series-cancel")
    def cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#series-plan")
    def action_plan(self) -> None:
        """Write the plans in a thread; then dismiss with them, or say why not and stay."""
        plans, store = self.plans, self.services.plans
        if not plans:
            self.query_one("#series-error", Static).update(Content("Vul eerst de reeks in: zie hierboven wat er mist."))
            return

        def write() -> str | None:
            try:
                save_series(plans, store)
            except PlanError as problem:
                return str(problem)
            except OSError as error:
                return f"Kan niet schrijven naar {error.filename or store.folder}: {error.strerror or error}."
            return None

        self.read_then_show(write, self._written, group="series")

    def _written(self, problem: str | None) -> None:
        if problem is None:
            self.dismiss(self.plans)
        else:
            self.query_one("#series-error", Static).update(Content(problem))


__all__ = ["SeriesScreen"]
