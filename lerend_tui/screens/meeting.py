"""The meeting screen: agenda, current phase with guidance, its countdown and the notes for it."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Label, Static, TextArea

from ..meeting import Meeting, Schedule
from ..storage import MeetingStore
from ..widgets.agenda import Agenda
from ..widgets.phase_clock import PhaseClock
from .confirm import ConfirmScreen

RETRY_SECONDS = 5.0
# Single keys that would otherwise be typed into the notes: they act only outside the notes pane.
SINGLE_KEY_ACTIONS = {"toggle_timer", "next_phase", "previous_phase", "adjust", "edit_notes"}


class MeetingScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("space", "toggle_timer", "Timer", key_display="spatie", id="meeting.timer"),
        Binding("n", "next_phase", "Volgende", id="meeting.next"),
        Binding("p", "previous_phase", "Vorige", id="meeting.previous"),
        # Clickers send PageDown/PageUp; they act even while typing, so they get actions of their own.
        Binding("pagedown", "clicker_next", "Volgende", show=False, priority=True, id="meeting.clicker_next"),
        Binding("pageup", "clicker_previous", "Vorige", show=False, priority=True, id="meeting.clicker_previous"),
        Binding("plus", "adjust(1)", "Minuut", key_display="+/-", id="meeting.more"),
        Binding("minus", "adjust(-1)", "Minuut eraf", show=False, id="meeting.less"),
        Binding("enter", "edit_notes", "Notities", show=False, id="meeting.notes"),
        Binding("escape", "leave_notes", "Klaar met typen", key_display="esc", id="meeting.leave_notes"),
    ]

    def __init__(self, meeting: Meeting, path: Path, store: MeetingStore) -> None:
        super().__init__()
        self.meeting = meeting
        self.store = store
        self.path = path
        self._save_timer: Timer | None = None
        self._retry_timer: Timer | None = None
        self._save_failed = False
        self._topbar_shown: Content | None = None

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        title, guidance = self._phase_texts()
        yield Static(self._topbar_text(self.meeting.schedule()), id="topbar")
        with Horizontal(id="body"):
            agenda = Agenda(self.app.clock, id="agenda")
            agenda.border_title = "Agenda"
            yield agenda
            with Vertical(id="main"):
                yield Static(title, id="phase-title")
                with VerticalScroll(id="guidance-box"):
                    yield Static(guidance, id="guidance")
                yield PhaseClock(id="clock")
                yield Label("Notities · Enter: typen · Esc: klaar", id="notes-label")
                yield TextArea(self.meeting.current.notes, id="notes", soft_wrap=True, show_line_numbers=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_time()
        self._focus_notes()
        self._clock_timer = self.set_interval(0.25, self.refresh_time)

    # -- showing -------------------------------------------------------------------------------

    def _phase_texts(self) -> tuple[Content, Content]:
        """The current phase's title, and its guidance with the questions to put to the group."""
        phase = self.meeting.current
        plan = self.meeting.plan_for(phase)
        guidance = plan.guidance if plan else ""
        if plan and plan.questions:
            guidance += "\n" + "\n".join(f"• {question}" for question in plan.questions)
        return (
            Content.from_markup("[b]$title[/b]", title=phase.title),
            Content(guidance.strip()) if guidance.strip() else Content.from_markup("[dim]Geen toelichting bij deze fase.[/dim]"),
        )

    def _topbar_text(self, schedule: Schedule) -> Content:
        meeting = self.meeting
        now = self.app.clock.local(self.app.clock.now()).strftime("%H:%M")
        status = " · [b reverse]niet opgeslagen[/]" if self._save_failed else ""
        return Content.from_markup(
            f"[b]$title[/b] · fase $number van $count · $now · $summary{status}",
            title=meeting.record.title, number=meeting.index + 1, count=len(meeting.phases),
            now=now, summary=schedule.summary,
        )

    def _open_phase(self) -> None:
        """Show the phase just moved to and put the cursor in its notes."""
        title, guidance = self._phase_texts()
        self.query_one("#phase-title", Static).update(title)
        self.query_one("#guidance", Static).update(guidance)
        notes = self.query_one("#notes", TextArea)
        if notes.text != self.meeting.current.notes:
            notes.load_text(self.meeting.current.notes)
        self._focus_notes()
        self.refresh_time()

    def _focus_notes(self) -> None:
        notes = self.query_one("#notes", TextArea)
        notes.move_cursor(notes.document.end)
        notes.focus()

    def refresh_time(self) -> None:
        """Redraw what depends on the clock; each part only when what it shows has changed."""
        schedule = self.meeting.schedule()
        self.query_one(PhaseClock).show(self.meeting.timer)
        self.query_one(Agenda).show(schedule)
        topbar = self._topbar_text(schedule)
        if topbar != self._topbar_shown:
            self._topbar_shown = topbar
            self.query_one("#topbar", Static).update(topbar)

    # -- actions -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = isinstance(self.focused, TextArea)
        if action in SINGLE_KEY_ACTIONS and typing:
            return False
        if action == "leave_notes" and not typing:
            return False
        return True

    @on(TextArea.Changed, "#notes")
    def notes_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.text == self.meeting.current.notes:
            return
        self.meeting.set_notes(event.text_area.text)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(self.app.save_delay, self.save_now)

    def action_toggle_timer(self) -> None:
        self.meeting.toggle_timer()
        self.save_now()
        self.refresh_time()

    def action_adjust(self, minutes: int) -> None:
        self.meeting.adjust(minutes)
        self.save_now()
        self.refresh_time()

    def action_next_phase(self) -> None:
        if self.meeting.is_last:
            self.app.push_screen(
                ConfirmScreen("Dit is de laatste fase. De bijeenkomst afronden?", "Afronden"),
                self._finish_if,
            )
            return
        self.go_to(self.meeting.index + 1)

    def action_previous_phase(self) -> None:
        self.go_to(self.meeting.index - 1)

    action_clicker_next = action_next_phase
    action_clicker_previous = action_previous_phase

    def go_to(self, index: int) -> None:
        self.meeting.go_to(index)
        self.save_now()
        self._open_phase()

    def action_edit_notes(self) -> None:
        self.query_one("#notes", TextArea).focus()

    def action_leave_notes(self) -> None:
        self.set_focus(None)

    def action_finish(self) -> None:
        self.app.push_screen(ConfirmScreen("De bijeenkomst afronden?", "Afronden"), self._finish_if)

    def _finish_if(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        self.meeting.finish()
        if self.save_now():
            self.notify(f"Bijeenkomst afgerond en opgeslagen in {self.path}", title="Afgerond", markup=False)
            self._clock_timer.stop()
            self.app.call_later(self.app.close_meeting)  # after the dialog has closed

    # -- saving --------------------------------------------------------------------------------

    def save_now(self) -> bool:
        """Write the record now; on failure keep everything in memory and try again shortly."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        try:
            self.store.save(self.meeting.snapshot(), self.path)
        except OSError as error:
            if not self._save_failed:
                self.notify(
                    f"Opslaan in {self.path} lukt niet ({error.strerror or error}). "
                    "Je notities blijven bewaard; ik probeer het zo opnieuw.",
                    title="Niet opgeslagen", severity="error", timeout=10, markup=False,
                )
            self._save_failed = True
            if self._retry_timer is None:
                self._retry_timer = self.set_interval(RETRY_SECONDS, self.save_now)
            return False
        if self._save_failed:
            self.notify("Alles is weer opgeslagen.", title="Opgeslagen")
        self._save_failed = False
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        return True

    # -- help and palette ----------------------------------------------------------------------

    def palette_commands(self):
        """(title, help, callback) for the command palette: every action and every phase."""
        yield "Timer starten of pauzeren", "Spatie", self.action_toggle_timer
        yield "Volgende fase", "n of PageDown", self.action_next_phase
        yield "Vorige fase", "p of PageUp", self.action_previous_phase
        yield "Minuut erbij", "+", lambda: self.action_adjust(1)
        yield "Minuut eraf", "-", lambda: self.action_adjust(-1)
        yield "Notities typen", "Enter", self.action_edit_notes
        yield "Bijeenkomst afronden", "Sluit de bijeenkomst af en sla alles op", self.action_finish
        for index, phase in enumerate(self.meeting.phases):
            yield (f"Ga naar fase {index + 1}: {phase.title}", f"{phase.minutes} minuten · {phase.kind}",
                   lambda index=index: self.go_to(index))

    def help_rows(self) -> list[tuple[str, str]]:
        return [
            ("spatie", "Timer starten of pauzeren"),
            ("n  ·  PageDown", "Volgende fase (PageDown ook tijdens het typen; ook de knop van een presenter)"),
            ("p  ·  PageUp", "Vorige fase (PageUp ook tijdens het typen)"),
            ("+  ·  -", "Een minuut erbij of eraf voor deze fase"),
            ("Enter", "Notities typen"),
            ("Esc", "Klaar met typen: daarna werken de losse toetsen"),
            ("Ctrl+P", "Opdrachten: elke actie en elke fase"),
            ("?  ·  F1", "Deze hulp (? buiten de notities, F1 overal)"),
            ("Ctrl+Q", "Stoppen (notities zijn al opgeslagen)"),
        ]
