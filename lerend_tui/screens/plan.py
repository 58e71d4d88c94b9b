"""The meeting plan (planning): the phases of a coming meeting with their clock times, shaped with keys —
reorder, longer or shorter, add, remove, rename, who brings content or a case, a work format drawn for a
phase — and sent on as an agenda. Every change is written to the plan's file (`PlanStore.save`)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..meeting_plan import MeetingPlan, PlanError, PlanStore, clock_text, markdown_agenda, parse_time, plan_id
from ..validation import DataError
from .editing import SavesWhileEditing
from ..widgets.workform_card import PHASE_LABELS

NEW_PHASE_MINUTES = 10


class PlanScreen(SavesWhileEditing, Screen[None]):
    file_kind = "planningsbestand"
    user_error = PlanError

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "back", "Terug", id="plan.back"),
        Binding("ctrl+up,alt+up", "move(-1)", "Op", key_display="^↑", id="plan.up"),
        Binding("ctrl+down,alt+down", "move(1)", "Neer", key_display="^↓", id="plan.down"),
        Binding("plus,equals_sign", "minutes(1)", "Langer", key_display="+", id="plan.longer"),
        Binding("minus", "minutes(-1)", "Korter", key_display="-", id="plan.shorter"),
        Binding("ctrl+n", "add", "Erbij", id="plan.add"),
        Binding("delete", "remove", "Weg", key_display="del", id="plan.remove"),
        Binding("r", "draw", "Loten", id="plan.draw"),
        # Every change saves by itself: Ctrl+S stays out of the footer (it is in the help), which fits in 120 columns.
        Binding("ctrl+s", "save", "Opslaan", show=False, id="plan.save"),
        # Priority: in a field, an Input would take Ctrl+E as "to the end".
        Binding("ctrl+e", "export", "Agenda", priority=True, id="plan.export"),
        Binding("ctrl+t", "save_template", "Sjabloon", id="plan.template"),
    ]

    def __init__(self, plan: MeetingPlan, store: PlanStore) -> None:
        super().__init__()
        self.plan = self.edited = plan
        self.store = store

    # -- layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(Content.from_markup("[b]Planning[/b] · $name", name=self.plan.name), id="plan-name")
            yield Static(id="plan-times")
            yield Static(id="save-status")
        yield Static(id="plan-warning")
        with Horizontal(id="columns"):
            phases = OptionList(id="phases")
            phases.border_title = self.plan.title
            phases.border_subtitle = "Ctrl+↑↓: verplaatsen · +/-: minuten · r: werkvorm loten"
            yield phases
            with VerticalScroll(id="phase-form") as form:
                form.border_title = "Fase"
                yield Label("Titel")
                yield Input(id="phase-title", compact=True)
                yield Label("Wie brengt de inhoud")
                yield Input(placeholder="niemand", id="content-by", compact=True)
                yield Label("Wie brengt een casus in")
                yield Input(placeholder="niemand", id="case-by", compact=True)
                yield Static(id="phase-info")
                yield Label("Starttijd (UU:MM)")
                yield Input(self.plan.start, id="plan-start", compact=True)
                yield Label("Beschikbare minuten")
                yield Input(str(self.plan.available_minutes or ""), placeholder="geen grens", id="plan-available",
                            type="integer", compact=True)
                yield Static(id="form-error")
        yield Footer()

    def on_mount(self) -> None:
        self.show_plan()
        phases = self.query_one("#phases", OptionList)
        phases.highlighted = 0
        phases.focus()
        self.changed(now=True)

    @property
    def index(self) -> int:
        highlighted = self.query_one("#phases", OptionList).highlighted
        return 0 if highlighted is None else min(highlighted, len(self.plan.phases) - 1)

    def _workform_name(self, workform: str) -> str:
        if not workform:
            return ""
        found = self.app.catalogue.workforms.get(workform)
        return found.name if found else workform

    def _row(self, start: int, end: int, minutes: int, title: str, workform: str, content_by: str,
             case_by: str) -> Content:
        line = f"{clock_text(start)}–{clock_text(end)}  {minutes:>3} min  {title}"
        details = [self._workform_name(workform) or "geen werkvorm"]
        if content_by:
            details.append(f"inhoud: {content_by}")
        if case_by:
            details.append(f"casus: {case_by}")
        return Content(f"{line}\n{' ' * 22}{' · '.join(details)}")

    def show_plan(self) -> None:
        """The phases with their clock times, and start, total and end in the top bar."""
        plan = self.plan
        phases = self.query_one("#phases", OptionList)
        keep = phases.highlighted
        phases.clear_options()
        phases.add_options(
            Option(self._row(row.start, row.end, row.phase.minutes, row.phase.title, row.phase.workform,
                             row.phase.content_by, row.phase.case_by))
            for row in plan.times()
        )
        if keep is not None:
            phases.highlighted = min(keep, len(plan.phases) - 1)
        phases.border_title = plan.title
        available = f" · beschikbaar {plan.available_minutes} min" if plan.available_minutes else ""
        self.query_one("#plan-times", Static).update(
            Content(f"start {plan.start} · totaal {plan.total_minutes} min · einde {plan.end}{available}"))
        warning = plan.warning()
        bar = self.query_one("#plan-warning", Static)
        bar.display = warning is not None
        bar.update(Content(f"⚠ {warning}" if warning else ""))
        self.show_phase_info()

    def show_phase_info(self) -> None:
        phase = self.plan.phases[self.index]
        lines = [f"Soort: {PHASE_LABELS.get(phase.kind, phase.kind)}",
                 f"Werkvorm: {self._workform_name(phase.workform) or 'geen (r: loten)'}"]
        if phase.steps:
            lines += [f"  {step.minutes:>3}'  {step.title}" for step in phase.steps]
        if phase.guidance:
            lines += ["", phase.guidance]
        self.query_one("#phase-info", Static).update(Content("\n".join(lines)))

    def fill_form(self) -> None:
        """The highlighted phase's fields in the form (without counting that as an edit)."""
        phase = self.plan.phases[self.index]
        with self.prevent(Input.Changed):
            self.query_one("#phase-title", Input).value = phase.title
            self.query_one("#content-by", Input).value = phase.content_by
            self.query_one("#case-by", Input).value = phase.case_by
        self.query_one("#phase-form", VerticalScroll).border_title = f"Fase {self.index + 1}"
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

    # -- saving ------------------------------------------------------------------------------------

    def changed(self, *, now: bool = True) -> None:
        """Every key that changes the plan saves it at once; typing in the form passes `now=False`."""
        super().changed(now=now)

    # -- the form ------------------------------------------------------------------------------------

    @on(Input.Changed, "#phase-title")
    def title_changed(self, event: Input.Changed) -> None:
        try:
            self.plan.rename(self.index, event.value)
        except PlanError as error:
            self._say(str(error))
            return
        self._say("")
        self._edited()

    @on(Input.Changed, "#content-by")
    def content_by_changed(self, event: Input.Changed) -> None:
        self.plan.phases[self.index].content_by = " ".join(event.value.split())
        self._edited()

    @on(Input.Changed, "#case-by")
    def case_by_changed(self, event: Input.Changed) -> None:
        self.plan.phases[self.index].case_by = " ".join(event.value.split())
        self._edited()

    @on(Input.Changed, "#plan-start")
    def start_changed(self, event: Input.Changed) -> None:
        try:
            self.plan.start = clock_text(parse_time(event.value))
        except PlanError as error:
            self._say(str(error))
            return
        self._say("")
        self._edited()

    @on(Input.Changed, "#plan-available")
    def available_changed(self, event: Input.Changed) -> None:
        text = event.value.strip()
        if text and (not text.isdigit() or int(text) < 1):
            self._say("Beschikbare minuten: een geheel getal van minstens 1, of leeg voor geen grens.")
            return
        self._say("")
        self.plan.available_minutes = int(text) if text else None
        self._edited()

    def _edited(self) -> None:
        self.show_plan()
        self.changed(now=False)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.save_now()
        self.query_one("#phases", OptionList).focus()

    # -- actions -----------------------------------------------------------------------------------

    def action_back(self) -> None:
        phases = self.query_one("#phases", OptionList)
        if not phases.has_focus:
            self.save_now()
            phases.focus()
            return
        self.save_now()
        self.dismiss()

    def _apply(self, change) -> bool:
        """Make a change to the plan; a `PlanError` is shown, not raised."""
        try:
            change()
        except PlanError as error:
            self.notify(str(error), title="Planning", severity="warning", markup=False)
            return False
        return True

    def action_move(self, step: int) -> None:
        index = self.index
        to = index + step
        if not 0 <= to < len(self.plan.phases):
            return
        if self._apply(lambda: self.plan.move(index, to)):
            self.query_one("#phases", OptionList).highlighted = to
            self.show_plan()
            self.fill_form()
            self.changed()

    def action_minutes(self, step: int) -> None:
        index = self.index
        if self._apply(lambda: self.plan.set_minutes(index, self.plan.phases[index].minutes + step)):
            self.show_plan()
            self.changed()

    def action_add(self) -> None:
        index = self.index
        kind = self.plan.phases[index].kind
        if self._apply(lambda: self.plan.add(kind, "Nieuwe fase", NEW_PHASE_MINUTES, at=index + 1)):
            self.query_one("#phases", OptionList).highlighted = index + 1
            self.show_plan()
            self.fill_form()
            self.changed()
            title = self.query_one("#phase-title", Input)
            title.focus()
            title.select_all()

    def action_remove(self) -> None:
        from .confirm import ConfirmScreen

        index = self.index
        phase = self.plan.phases[index]
        if len(self.plan.phases) == 1:
            self.notify("De laatste fase kan niet weg: een planning heeft minstens één fase.", severity="warning")
            return

        def answer(yes: bool | None) -> None:
            if yes and self._apply(lambda: self.plan.remove(index)):
                self.show_plan()
                self.fill_form()
                self.changed()

        self.app.push_screen(ConfirmScreen(f"Fase ‘{phase.title}’ ({phase.minutes} min) uit de planning halen?",
                                           "Weghalen"), answer)

    def action_draw(self) -> None:
        from ..picker import Filters, History
        from .draw import DrawScreen

        app = self.app
        index = self.index
        phase = self.plan.phases[index]
        meetings, _ = app.store.scan()
        screen = DrawScreen(app.catalogue, Filters(phase.kind, None, phase.minutes), [],
                            History.of(stored.record for stored in meetings), app.rng,
                            reduced_motion=app.settings.reduced_motion)

        def apply(result) -> None:
            if result is None:
                return
            if self._apply(lambda: self.plan.set_workform(index, result.workform)):
                self.notify(Content.from_markup("[b]$name[/b] in ‘$phase’.", name=result.workform.name,
                                                phase=self.plan.phases[index].title), title="Werkvorm")
                self.show_plan()
                self.changed()

        app.push_screen(screen, apply)

    def action_save(self) -> None:
        self._dirty = True
        if self.save_now():
            self.notify(f"Planning opgeslagen in {self.plan.path}", title="Planning", markup=False)

    def action_export(self) -> None:
        from .export import ExportScreen

        self.save_now()
        plan, catalogue = self.plan, self.app.catalogue
        self.app.push_screen(ExportScreen(f"Agenda van {plan.title}", f"agenda-{plan_id(plan.name)}.md",
                                          lambda _confidential: markdown_agenda(plan, catalogue)))

    def action_save_template(self) -> None:
        from ..meeting_plan import save_as_template
        from ..plan import load_templates

        app = self.app
        try:
            path = save_as_template(self.plan, app.paths.templates)
        except DataError as error:
            self.notify(f"Het sjabloon op schijf is onleesbaar en wordt niet overschreven: {error}",
                        title="Niet opgeslagen", severity="error", timeout=15, markup=False)
            return
        except OSError as error:
            self.notify(f"Sjabloon opslaan lukt niet ({error.strerror or error}).", title="Niet opgeslagen",
                        severity="error", timeout=15, markup=False)
            return
        app.templates = load_templates(app.paths.templates)
        self.notify(f"Sjabloon opgeslagen in {path}", title="Sjabloon", markup=False)

    def palette_commands(self):
        yield "Fase omhoog", "Ctrl+↑: de gemarkeerde fase een plaats eerder", lambda: self.action_move(-1)
        yield "Fase omlaag", "Ctrl+↓: de gemarkeerde fase een plaats later", lambda: self.action_move(1)
        yield "Fase langer", "+: een minuut erbij", lambda: self.action_minutes(1)
        yield "Fase korter", "-: een minuut eraf", lambda: self.action_minutes(-1)
        yield "Fase toevoegen", "Ctrl+N: een nieuwe fase na de gemarkeerde", self.action_add
        yield "Fase weghalen", "Del: de gemarkeerde fase, na een vraag", self.action_remove
        yield "Werkvorm loten", "r: een werkvorm die past bij de soort en de minuten van de fase", self.action_draw
        yield "Planning opslaan", "Ctrl+S", self.action_save
        yield "Agenda opslaan of kopiëren", "Ctrl+E: de agenda om naar de deelnemers te sturen", self.action_export
        yield "Opslaan als sjabloon", "Ctrl+T: deze fasen als sjabloon", self.action_save_template
        yield "Terug naar het begin", "Esc", self.dismiss

    def help_rows(self) -> list[tuple[str, str]]:
        return [
            ("↑ ↓", "Kies een fase; rechts staan haar velden"),
            ("Enter", "Bewerk de titel, en wie de inhoud of een casus inbrengt (Enter of Esc: terug)"),
            ("Ctrl+↑  ·  Ctrl+↓", "Verplaats de fase (ook Alt+↑ en Alt+↓)"),
            ("+  ·  -", "Een minuut langer of korter; de eindtijd schuift mee"),
            ("Ctrl+N", "Een nieuwe fase na de gemarkeerde"),
            ("Del", "Haal de fase weg (na een vraag)"),
            ("r", "Loot een werkvorm die past bij de soort en de minuten van de fase"),
            ("Ctrl+S", "Sla de planning op (elke wijziging wordt ook vanzelf opgeslagen)"),
            ("Ctrl+E", "Sla de agenda op als Markdown of kopieer hem om te mailen"),
            ("Ctrl+T", "Sla de fasen op als sjabloon"),
            ("Esc", "Terug naar de lijst, of naar het beginscherm"),
            ("Ctrl+P", "Opdrachten"),
            ("Ctrl+Q", "Stoppen"),
        ]
