"""The meeting screen: agenda, current phase with guidance, its countdown and the notes for it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static, TextArea

from lerend_tui.common.sanitise import clean
from lerend_tui.common.text import decimal
from lerend_tui.meeting.items import LABELS, with_commitments
from lerend_tui.meeting.record import ATTENDANCE_STATES, Carried, MeetingRecord, roti_average
from lerend_tui.meeting.running import Meeting, Schedule
from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.keys import KeyedScreen, single_key_actions
from lerend_tui.screens.saving import Autosave, HoldsEdits, UnsavedCopy
from lerend_tui.storage.lock import release
from lerend_tui.storage.meetings import MeetingStore, Version
from lerend_tui.templates import PHASE_LABELS
from lerend_tui.widgets.agenda import Agenda
from lerend_tui.widgets.footer import Footer
from lerend_tui.widgets.guidance import Guidance
from lerend_tui.widgets.line import Line
from lerend_tui.widgets.phase_clock import PhaseClock

if TYPE_CHECKING:
    from lerend_tui.screens.beamer import BeamerScreen
    from lerend_tui.screens.checkout import Closing
    from lerend_tui.screens.draw import DrawResult
    from lerend_tui.storage.live import LiveState
    from lerend_tui.talk import Deck

RETRY_SECONDS = 5.0  # how often a failed save is tried again
BEAMER_LOOK_SECONDS = 1.0  # how often a meeting kept off the beamer looks whether it is free again
ITEMS_SHOWN = 6  # the lines #items has (meeting.tcss: max-height)
# What a read-only twin may not do: it can look through the phases, but the meeting is the other window's.
CHANGING_ACTIONS = {"to_beamer", "toggle_timer", "adjust", "rebudget", "draw", "finish", "checkout", "carry_over",
                    "attendance", "message", "blank", "talk", "close_talk"}
# One entry in the palette and one line in the help for the key and the clicker's key.
NEXT = ("Volgende: de volgende spreker, stap of fase, of pagina van de uitleg (PageDown ook tijdens het typen; ook "
        "een presenter)")
PREVIOUS = "Vorige: de vorige spreker, stap of fase, of pagina van de uitleg (PageUp ook tijdens het typen)"
MINUTE = Binding.Group("Een minuut erbij of eraf voor deze fase (en stap)")


class MeetingScreen(KeyedScreen, HoldsEdits, LerendScreen[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    # Back from a dialog, the facilitator is in the mode they left: Textual would otherwise focus the first
    # focusable widget, the notes, and the next `n` would be typed into them.
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("space", "toggle_timer", "Timer", key_display="spatie", tooltip="Timer starten of pauzeren",
                id="meeting.timer"),
        Binding("n", "next_phase", "Volgende", key_display="n/p", tooltip=NEXT, id="meeting.next"),
        Binding("p", "previous_phase", "Vorige", show=False, tooltip=PREVIOUS, id="meeting.previous"),
        # Clickers send PageDown/PageUp; they act even while typing, so they get actions of their own.
        Binding("pagedown", "clicker_next", "Volgende", show=False, priority=True, tooltip=NEXT,
                id="meeting.clicker_next"),
        Binding("pageup", "clicker_previous", "Vorige", show=False, priority=True, tooltip=PREVIOUS,
                id="meeting.clicker_previous"),
        Binding("plus", "adjust(1)", "Tijd", key_display="+/-", tooltip="Minuut erbij", group=MINUTE,
                id="meeting.more"),
        Binding("minus", "adjust(-1)", "Minuut eraf", show=False, tooltip="Minuut eraf", group=MINUTE,
                id="meeting.less"),
        Binding("b", "beamer", "Beamer", tooltip="Beamer: de weergave voor de zaal (Esc of b: terug)",
                id="meeting.beamer"),
        Binding("ctrl+b", "to_beamer", "Naar de beamer", show=False,
                tooltip="Naar de beamer: de projector toont deze bijeenkomst, ook als een ander venster hem had "
                        "(dat houdt hem anders)", id="meeting.to_beamer"),
        Binding("m", "message", "Bericht", show=False,
                tooltip="Bericht op de beamer in plaats van de timer ('Pauze tot 20:15'); staat er een, dan haalt m "
                        "het weg", id="meeting.message"),
        Binding("z", "blank", "Zwart", show=False, tooltip="Beamer op zwart, en met z weer terug",
                id="meeting.blank"),
        # Not in the footer, which 80 columns hold only as it is (test_sizes); like m and z, in the help and palette.
        Binding("u", "talk", "Uitleg", show=False,
                tooltip="Uitleg op de beamer: de pagina's over lerende netwerken, in een fase met een eigen uitleg die "
                        "van de fase; n/p en een presenter bladeren, Esc of u: terug naar de timer", id="meeting.talk"),
        Binding("r", "draw", "Loten", tooltip="Werkvorm loten: een werkvorm die past bij deze fase, de groep en de "
                                              "tijd; geaccepteerd lopen haar stappen in de fase", id="meeting.draw"),
        Binding("c", "checkout", "Check-out", tooltip="Check-out: in de afsluiting per deelnemer een woord, een ROTI "
                                                      "van 1 tot 5 en een stok achter de deur", id="meeting.checkout"),
        Binding("v", "carry_over", "Afvinken", tooltip="Vorige keer: bij de check-in van een netwerk de stok achter "
                                                       "de deur en de acties van de vorige keer afvinken",
                id="meeting.carry_over"),
        Binding("o", "comparison", "Vergelijk", tooltip="Opleiding of lerend netwerk: de tabel uit de kick-off, bij "
                                                        "'Wat is een lerend netwerk?'", id="meeting.comparison"),
        Binding("a", "rebudget", "Op tijd", tooltip="Herverdeel de resterende tijd: zodat de bijeenkomst op tijd "
                                                    "eindigt", id="meeting.rebudget"),
        Binding("w", "attendance", "Wie is er", show=False,
                tooltip="Aanwezigheid: wie is er, wie is afgemeld, wie komt later (rondjes, rollen en check-out "
                        "nemen wie er is)", id="meeting.attendance"),
        Binding("enter", "edit_notes", "Notities", show=False, tooltip="Notities typen", id="meeting.notes"),
        Binding("escape", "leave_notes", "Klaar met typen", key_display="esc",
                tooltip="Klaar met typen: daarna werken de losse toetsen", id="meeting.leave_notes"),
        Binding("escape", "close_talk", "Timer", key_display="esc",
                tooltip="Terug naar de timer: de pagina's van de uitleg van de beamer", id="meeting.talk_close"),
    ]

    @dataclass
    class Finished(Message):
        """The meeting is finished and on disk: the app takes it from here."""

        record: MeetingRecord

    def __init__(self, meeting: Meeting, path: Path, store: MeetingStore, *, held_by: str = "") -> None:
        """`held_by`: where the meeting is open already (`lock.holder`), or why its lock cannot be taken; this
        screen then only shows it, and another program writes it."""
        super().__init__()
        self.meeting = meeting
        self.store = store
        self.path = path
        self.held_by = held_by
        self._network_name = self._next_meeting = self._room_message = ""
        self._room_blank = False
        self._deck: Deck | None = None
        """The talk's pages while they are on the beamer (`u`), at the one shown."""
        self.read_only = bool(held_by)
        self.saving: Autosave[Version, OSError] = Autosave(
            self, take=self._take_version, write=self._write, show=self._show_saved,
            background=attrgetter("text"), retry_seconds=RETRY_SECONDS)
        self._can_rebudget = False
        self._strays_named: set[Path] = set()
        self._told_beamer_elsewhere = False
        self._beamer_elsewhere = False
        self._achievements: Content | None = None

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        title, guidance = self._phase_texts()
        yield Line(self._topbar_text(self.meeting.schedule()), id="topbar")
        with Horizontal(id="body"):
            agenda = Agenda(self.services.clock, id="agenda")
            agenda.border_title = "Agenda"
            yield agenda
            with Vertical(id="main"):
                yield Static(title, id="phase-title")
                yield Guidance(guidance, id="guidance")
                yield PhaseClock(self.meeting.reading(), id="clock")
                focus_text = self._focus_text()
                focus_line = Line(focus_text, id="focus-line")
                focus_line.display = bool(focus_text)  # as `refresh_time` keeps it
                yield focus_line
                notes = TextArea(self.meeting.current.notes, id="notes", soft_wrap=True, show_line_numbers=False,
                                 read_only=self.read_only)
                notes.border_title = "Notities"
                notes.border_subtitle = "Enter: typen · Esc: klaar"
                yield notes
                yield Line(id="items")
        yield Footer()

    def on_mount(self) -> None:
        self._read_network_dates()
        self._read_achievements()
        self.refresh_time()
        self._show_items()
        self._focus_notes()
        self.call_after_refresh(self.publish)  # the first screen first; the beamer a moment later
        self._clock_timer = self.set_interval(0.25, self.refresh_time)
        self.set_interval(BEAMER_LOOK_SECONDS, self._take_a_free_beamer)

    # -- showing -------------------------------------------------------------------------------

    def _phase_texts(self) -> tuple[Content, Content]:
        """The current phase's title (with the work format it runs), and its guidance with the questions to
        put to the group."""
        phase = self.meeting.current
        template = self.meeting.template_phase(phase)
        guidance = template.guidance if template else ""
        if template and template.questions:
            guidance += "\n" + "\n".join(f"• {question}" for question in template.questions)
        shown = (Content(guidance.strip()) if guidance.strip()
                 else Content.from_markup("[dim]Geen toelichting bij deze fase.[/dim]"))
        if phase.kind == "checkin" and self.meeting.record.carried:
            shown = self._carried_text() + "\n\n" + shown
        if phase.kind == "evaluatie" and self._achievements is not None:
            shown = self._achievements + "\n\n" + shown
        about = self._about_text()
        if about:
            shown = about + "\n\n" + shown
        if phase.workform:
            title = Content.from_markup("[b]$title[/b] · werkvorm $name", title=phase.title,
                                        name=self.services.catalogue.name_of(phase.workform))
        else:
            title = Content.from_markup("[b]$title[/b]", title=phase.title)
        return title, shown

    def _about_text(self) -> Content:
        """Above the guidance: the meeting's theme and goal at the check-in, who brings the content or the
        case of this phase, and the work format the plan had when another one runs now. Empty when none."""
        record, phase = self.meeting.record, self.meeting.current
        lines = []
        if phase.kind == "checkin":
            lines += [Content.from_markup(f"[b]{label}:[/b] $text", text=text)
                      for label, text in (("Thema", record.theme), ("Doel", record.goal)) if text]
            if record.participants:
                lines.append(self._attendance_text())
        bringers = [Content.from_markup(f"[b]{label}:[/b] $name", name=name) for label, name in phase.bringers]
        if bringers:
            lines.append(Content(" · ").join(bringers))
        planned = record.planned_phase(phase)
        if planned is not None and planned.workform and planned.workform != phase.workform:
            lines.append(Content.from_markup("[dim]Gepland: $name[/dim]",
                                             name=self.services.catalogue.name_of(planned.workform)))
        return Content("\n").join(lines)

    def _attendance_text(self) -> Content:
        """At the check-in: who is there, and who is not ("Aanwezig: 4 van 6 · afgemeld: Bram · w: aanwezigheid")."""
        record = self.meeting.record
        parts = [Content.from_markup("[b]Aanwezig:[/b] $present van $count", present=len(record.present),
                                     count=len(record.participants))]
        for state in ATTENDANCE_STATES[1:]:
            names = [name for name in record.participants if record.attendance_of(name) == state]
            if names:
                parts.append(Content(f"{state}: {', '.join(names)}"))
        parts.append(Content.styled("w: aanwezigheid", "dim"))
        return Content(" · ").join(parts)

    def _topbar_text(self, schedule: Schedule) -> Content:
        meeting = self.meeting
        clock = self.services.clock
        now = clock.local(clock.now()).strftime("%H:%M")
        status = " · [b reverse]niet opgeslagen[/]" if self.saving.failed else ""
        if self.read_only:
            status += " · [b reverse] alleen lezen — $held_by [/]"
        if self._room_blank:  # what the room sees instead of the meeting, until the facilitator takes it away
            status += " · [b reverse] beamer zwart (z) [/]"
        elif self._room_message:
            status += " · [b reverse] beamer: $message (m) [/]"
        elif self._deck is not None:
            status += " · [b reverse] beamer: uitleg, pagina $page (Esc: timer) [/]"
        return Content.from_markup(
            f"[b]$title[/b] · fase $number van $count · $now · $summary{status}",
            title=meeting.record.title, number=meeting.index + 1, count=len(meeting.phases),
            now=now, summary=schedule.summary, held_by=self.held_by, message=self._room_message,
            page=self._deck.slide.where if self._deck is not None else "",
        )

    def _focus_text(self) -> Content:
        """The step or the speaker with their own countdown, and for a round inside a step the step with its
        countdown too; then the step's instruction and the roles. Empty when the phase itself is timed."""
        meeting = self.meeting
        focus = meeting.focus()
        if focus.kind == "phase":
            return Content("")
        speaking = meeting.speaking if focus.kind == "turn" else None
        progress = f" ({speaking.progress})" if speaking is not None else ""
        lines = [Content.from_markup("[b]$label[/b]$progress · $time · $words", label=focus.label, progress=progress,
                                     time=focus.reading.text, words=focus.reading.words)]
        step, step_reading = meeting.step, meeting.step_reading()
        if focus.kind == "turn" and step_reading is not None:
            lines.append(Content.from_markup("[b]$label[/b] · $time · $words", label=meeting.step_label,
                                             time=step_reading.text, words=step_reading.words))
        details = [step.instruction] if step is not None and step.instruction else []
        if meeting.current.roles:
            details.append(" · ".join(f"{role}: {name}" for role, name in meeting.current.roles.items()))
        lines += [Content.styled(text, "dim") for text in details]
        return Content("\n").join(lines)

    def _read_network_dates(self) -> None:
        """For the beamer: the network's name (the welcome screen) and when it meets next (the end screen),
        read once, off the UI thread."""
        network_id = self.meeting.record.network
        if not network_id:
            return
        from lerend_tui.common.text import dutch_date
        from lerend_tui.common.validation import DataError
        from lerend_tui.plans.plan import PlanStore, next_planned

        networks, plans, day = self.services.networks, PlanStore.of(self.services.paths), \
            self.meeting.record.planned_start.date()

        def read() -> tuple[str, str]:
            try:
                name = networks.load(network_id).name
            except (DataError, OSError):
                name = ""
            coming = next_planned(plans.scan()[0], network_id, day)
            return name, (f"{dutch_date(coming.date)} om {coming.start}" if coming and coming.date else "")

        def show(found: tuple[str, str]) -> None:
            self._network_name, self._next_meeting = found
            self.publish()

        self.read_then_show(read, show, group="network-dates")

    def _read_achievements(self) -> None:
        """For a network's final evaluation (Stap 4): what the network achieved over its meetings, to celebrate,
        read anew each time the phase opens, and shown above its guidance once read."""
        if self.meeting.current.kind != "evaluatie" or not self.meeting.record.network:
            return
        from lerend_tui.common.validation import DataError
        from lerend_tui.network.summary import network_summary
        from lerend_tui.reports.network import summary_lines

        network_id, networks, meetings = self.meeting.record.network, self.services.networks, self.store

        def read() -> Content:
            try:
                network = networks.load(network_id)
            except DataError as error:
                return Content(f"Het netwerk is niet te lezen: {error}")
            records = meetings.index.records(network.meetings, network.id)
            lines = summary_lines(network_summary(network, records))
            return Content.from_markup("[b reverse] Wat het netwerk bereikte [/]\n$lines", lines="\n".join(lines))

        def show(achievements: Content) -> None:
            self._achievements = achievements
            self.query_one("#guidance", Guidance).update(self._phase_texts()[1])

        self.read_then_show(read, show, group="achievements")

    def _carried_text(self) -> Content:
        """At the check-in: last time's commitments and actions per person, to go through with the group."""
        from lerend_tui.network.owners import NO_OWNER_LABEL, by_owner
        from lerend_tui.screens.carry_over import MARKS

        record = self.meeting.record
        if not record.carried:
            return Content("")
        lines = [f"{owner or NO_OWNER_LABEL}: " + " · ".join(f"{MARKS[entry.status]} {entry.text}" for entry in group)
                 for owner, group in by_owner(record.carried, record.participants).items()]
        still_open = sum(entry.status == "open" for entry in record.carried)
        heading = f"Van de vorige keer ({still_open} open · v: afvinken)"
        return Content.from_markup("[b reverse] $heading [/]\n$lines", heading=heading, lines="\n".join(lines))

    def _open_phase(self) -> None:
        """Show the phase just moved to, in the mode the facilitator was in: typing goes on at the end of its
        notes (a clicker's PageDown while typing), and single keys keep acting (`n n` moves two phases)."""
        self._read_achievements()
        title, guidance = self._phase_texts()
        self.query_one("#phase-title", Static).update(title)
        self.query_one("#guidance", Guidance).update(guidance)
        notes = self.query_one("#notes", TextArea)
        typing = self.focused is notes
        if notes.text != self.meeting.current.notes:
            notes.load_text(self.meeting.current.notes)
        if typing:
            self._focus_notes()
        self._show_items()
        self.refresh_time()

    def _show_items(self) -> None:
        """The agreements, actions, questions, insights and commitments in this phase's notes: the first
        few, as many as the line below the notes has room for (a long phase can hold a thousand)."""
        items = self.meeting.items_in(self.meeting.index)[:ITEMS_SHOWN]
        lines = [Content.assemble((f"{LABELS[item.kind]}: ", "bold"), item.text) for item in items]
        self.query_one("#items", Line).show(Content("\n").join(lines))
        self.query_one("#items").display = bool(items)

    def _focus_notes(self) -> None:
        notes = self.query_one("#notes", TextArea)
        notes.move_cursor(notes.document.end)
        notes.focus()

    def refresh_time(self) -> None:
        """Redraw what depends on the clock; each part only when what it shows has changed."""
        meeting = self.meeting
        for signal in meeting.signals():
            self._signal(signal)
        schedule = meeting.schedule()
        proposal = meeting.rebudget(schedule)
        self.query_one(PhaseClock).show(meeting.reading())
        self.query_one(Agenda).show(schedule, proposal.minutes if proposal else None)
        self.query_one("#topbar", Line).show(self._topbar_text(schedule))
        focus_line = self._focus_text()
        self.query_one("#focus-line", Line).show(focus_line)
        self.query_one("#focus-line").display = bool(focus_line)
        if self._can_rebudget != (proposal is not None):
            self._can_rebudget = proposal is not None
            self.refresh_bindings()

    def _signal(self, signal: str) -> None:
        settings = self.meeting.settings
        if signal == "bell" and settings.bell:
            self.app.bell()
        elif signal == "warning" and settings.warning_signal:
            self.notify(self.meeting.focus().reading.words, title="Bijna tijd")
        elif signal == "advanced":
            self.after_change()

    def publish(self, *, hand_over: bool = False) -> None:
        """Tell the beamer on the projector what changed (written on changes, not every second), unless
        another program's meeting is on it: that one keeps it until the facilitator hands it over here
        (`hand_over`, "Naar de beamer"), or it ends or quits (see `live`). A read-only twin never writes."""
        if self.read_only:
            return
        from lerend_tui.storage.live import write_live  # (the beamer's code loads after the first screen)

        try:
            strays = write_live(self.services.paths.live, self.live_state(), hand_over=hand_over)
        except OSError:
            return  # the beamer follower misses an update; the meeting and its notes are unaffected
        self._beamer_elsewhere = strays is None
        if strays is None:
            if not self._told_beamer_elsewhere:
                self._told_beamer_elsewhere = True
                self.notify("De beamer toont de bijeenkomst uit een ander venster; die houdt hem. "
                            "Ctrl+B: deze bijeenkomst naar de beamer.", title="Beamer", timeout=10)
            return
        new = [path for path in strays if path not in self._strays_named]
        if new:
            self._strays_named.update(new)
            self.notify(f"{', '.join(clean(str(path)) for path in new)}: geen deurbel van een beamer (dat is een "
                        "named pipe van jezelf), dus niet gebruikt. Een snelkoppeling (symlink) is weggehaald; het "
                        "bestand waar die naar wees, is niet aangeraakt.",
                        title="Overgeslagen", severity="warning", timeout=15, markup=False)

    def live_state(self) -> LiveState:
        """The meeting as the beamer shows it, with what the facilitator put on it (`m`, `z`)."""
        from lerend_tui.storage.live import LiveState

        return LiveState.capture(self.meeting, network=self._network_name, next_meeting=self._next_meeting,
                                 message=self._room_message, blank=self._room_blank,
                                 page=self._deck.slide if self._deck is not None else None)

    def _take_a_free_beamer(self) -> None:
        """While another program's meeting has the beamer, look now and then whether it let go (it ended or
        quit): then this running meeting takes it at once, instead of leaving the room a waiting screen until
        the facilitator's next key."""
        if not self._beamer_elsewhere or self.read_only:
            return
        from lerend_tui.storage.live import beamer_holder

        if beamer_holder(self.services.paths.live) is None:
            self.publish()

    def after_change(self) -> None:
        """After anything the facilitator did to the meeting: save, tell the beamer, redraw."""
        self.save_now()
        self.publish()
        self.refresh_time()

    # -- actions -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key that types a character acts only outside the notes, which would otherwise take it."""
        if action in single_key_actions(self) and isinstance(self.focused, TextArea):
            return False
        return self.offers(action, parameters)

    def offers(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.read_only and action in CHANGING_ACTIONS:
            return False
        if action == "leave_notes":
            return isinstance(self.focused, TextArea)
        if action == "close_talk":
            return self._deck is not None
        if action == "rebudget":
            return self._can_rebudget
        if action == "checkout":  # the closing capture belongs to the closing, and needs a group
            return self.meeting.current.kind == "afsluiting" and bool(self.meeting.record.present)
        if action == "attendance":
            return bool(self.meeting.record.participants)
        if action == "carry_over":  # at a network meeting's check-in, where last time's list is gone through
            return self.meeting.current.kind == "checkin" and bool(self.meeting.record.carried)
        if action == "comparison":  # the kick-off's "Wat is een lerend netwerk?"
            return self.meeting.record.template == "kick-off" and self.meeting.current.kind == "inhoud"
        return True

    @on(TextArea.Changed, "#notes")
    def notes_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.text == self.meeting.current.notes:
            return
        self.meeting.set_notes(event.text_area.text)
        self.saving.changed()

    def action_toggle_timer(self) -> None:
        self.meeting.toggle_timer()
        self.after_change()

    def action_adjust(self, minutes: int) -> None:
        self.meeting.adjust(minutes)
        self.after_change()

    def action_rebudget(self) -> None:
        self.meeting.accept_rebudget()
        self.notify("De resterende fasen zijn herverdeeld; het oorspronkelijke plan blijft bewaard.",
                    title="Herverdeeld")
        self.after_change()

    def sync_notes(self) -> None:
        """Take the notes pane's text now, before moving or leaving: the pane's last change may still wait in
        the message queue (a clicker's PageDown or Ctrl+Q is handled before it), and must not be lost."""
        notes = self.query_one("#notes", TextArea)
        if not self.read_only and notes.text != self.meeting.current.notes:
            self.meeting.set_notes(notes.text)

    def action_next_phase(self) -> None:
        """The next speaker, step or phase; at the very end, offer to finish the meeting. While the talk's
        pages are on the beamer, the next page."""
        if self._deck is not None:
            self._turn_page(1)
            return
        self.sync_notes()
        moved = self.meeting.advance()
        if moved == "end" and self.read_only:
            self.notify("Alleen lezen: het andere venster rondt deze bijeenkomst af.")
        elif moved == "end":
            from lerend_tui.screens.confirm import ConfirmScreen

            self.app.push_screen(
                ConfirmScreen("Dit is het einde van de laatste fase. De bijeenkomst afronden?", "Afronden"),
                self._finish_if,
            )
        elif moved == "phase":
            self._phase_changed()
        else:
            self.after_change()

    def action_previous_phase(self) -> None:
        if self._deck is not None:
            self._turn_page(-1)
            return
        self.sync_notes()
        if self.meeting.back() == "phase":
            self._phase_changed()
        else:
            self.after_change()

    action_clicker_next = action_next_phase
    action_clicker_previous = action_previous_phase

    def go_to(self, index: int) -> None:
        self.sync_notes()
        self.meeting.go_to(index)
        self._phase_changed()

    def _phase_changed(self) -> None:
        """A phase with pages of the talk of its own puts them on the beamer, at the first."""
        topics = self._talk_topics()
        self._deck = self.services.talk.deck(topics) if topics else None
        self.save_now()
        self.publish()
        self._open_phase()

    def _talk_topics(self) -> tuple[str, ...]:
        """The talk's topics the current phase shows (its template's `talk`); none for most phases."""
        template, phase = self.meeting.template, self.meeting.current
        return template.talk_for(phase.kind, phase.title) if template is not None else ()

    def action_beamer(self) -> None:
        from lerend_tui.beamer.view import BeamerView
        from lerend_tui.screens.beamer import BeamerScreen

        self.app.push_screen(BeamerScreen(lambda: BeamerView.of(self.live_state()), self.services.clock, steers=self))

    def on_beamer_screen_steer(self, message: BeamerScreen.Steer) -> None:
        """A key on the beamer: its action here, called directly (the notes may have the focus, which would
        hold single keys back), and the beamer shows what it did at once. A read-only twin's beamer may look
        through the phases, as the twin may, but not change the other window's meeting."""
        if self.read_only and message.action in CHANGING_ACTIONS:
            return
        getattr(self, f"action_{message.action}")(*message.arguments)
        message.beamer.follow()

    def action_message(self) -> None:
        """A message on the beamer instead of the timer; with one there, `m` takes it away."""
        if self._room_message:
            self._show_message(None)
            return
        from lerend_tui.screens.message import MessageScreen

        self.app.push_screen(MessageScreen(self.services.clock.now()), self._show_message)

    def _show_message(self, message: str | None) -> None:
        if message is None and not self._room_message:
            return  # the dialog was cancelled: the beamer stays as it was
        self._room_message = message or ""
        self.publish()
        self.refresh_time()
        self.notify(f"Op de beamer: {message}" if message else "Het bericht is van de beamer.", title="Beamer",
                    markup=False)

    def action_blank(self) -> None:
        """The beamer black, and back."""
        self._room_blank = not self._room_blank
        self.publish()
        self.refresh_time()
        self.notify("De beamer is zwart (z: terug)." if self._room_blank else "De beamer toont weer de bijeenkomst.",
                    title="Beamer")

    def action_talk(self) -> None:
        """The talk's pages on the beamer (the phase's own, else all of them), at the first; with them
        there, `u` takes them away."""
        if self._deck is not None:
            self.action_close_talk()
            return
        self._deck = self.services.talk.deck(self._talk_topics())
        self._talk_shown()
        self.notify("De uitleg staat op de beamer: n/p of de presenter bladert, Esc: terug naar de timer.",
                    title="Beamer")

    def action_close_talk(self) -> None:
        """Back to the timer on the beamer."""
        self._deck = None
        self._talk_shown()

    def _turn_page(self, step: int) -> None:
        """The next or previous page; past the last page or before the first, back to the timer (so that a
        presenter alone comes back to the meeting)."""
        assert self._deck is not None
        self._deck = self._deck.turned(step)
        self._talk_shown()
        if self._deck is None:
            self.notify("Terug naar de timer.", title="Beamer")

    def _talk_shown(self) -> None:
        self.publish()
        self.refresh_time()
        self.refresh_bindings()

    def action_to_beamer(self) -> None:
        """Hand the projector to this meeting, on purpose, whichever program's meeting it showed."""
        self.publish(hand_over=True)
        self.notify("De beamer toont nu deze bijeenkomst.", title="Beamer")

    def action_draw(self) -> None:
        """Draw a work format for this phase; accepted, its steps run in the phase."""
        from lerend_tui.catalogue.picker import History
        from lerend_tui.screens.draw import DrawScreen

        network, meetings, path = self.meeting.record.network, self.store, self.path

        def read() -> History:  # in a network, the roles go round its own members
            return meetings.history(network, without=path.stem)

        def show(history: History) -> None:
            services = self.services
            screen = DrawScreen(services.catalogue, self.meeting.draw_filters(), self.meeting.record.present,
                                history, services.rng, reduced_motion=self.meeting.settings.reduced_motion)
            self.app.push_screen(screen, self._apply_draw)

        self.read_then_show(read, show, group="draw")

    def _apply_draw(self, result: DrawResult | None) -> None:
        if result is None:
            return
        self.meeting.apply_workform(result.workform, result.roles)
        self.app.notify(Content.from_markup("[b]$name[/b] loopt nu in deze fase, stap voor stap.",
                                            name=result.workform.name), title="Werkvorm")
        self.after_change()

    def action_checkout(self) -> None:
        from lerend_tui.screens.checkout import CheckoutScreen

        record = self.meeting.record
        self.app.push_screen(CheckoutScreen(record.present, record.checkout), self._save_checkout)

    def _save_checkout(self, closing: Closing | None) -> None:
        if closing is None:
            return
        self.meeting.record.checkout = closing.checkout
        if closing.commitments:  # into the closing's notes, where they become items like any typed line
            notes = self.query_one("#notes", TextArea)
            notes.load_text(with_commitments(notes.text, closing.commitments))
            self.meeting.current.notes = notes.text
        average = roti_average(closing.checkout)
        words = "" if average is None else f" Gemiddelde ROTI: {decimal(average)}"
        self.notify(f"Check-out opgeslagen.{words}", title="Check-out")
        self.after_change()

    def action_attendance(self) -> None:
        from lerend_tui.screens.attendance import AttendanceScreen

        record = self.meeting.record
        self.app.push_screen(AttendanceScreen(record.participants, record.attendance), self._save_attendance)

    def _save_attendance(self, attendance: dict[str, str] | None) -> None:
        if attendance is None:
            return
        self.meeting.set_attendance(attendance)
        record = self.meeting.record
        self.notify(f"{len(record.present)} van {len(record.participants)} aanwezig.", title="Aanwezigheid")
        self.query_one("#guidance", Guidance).update(self._phase_texts()[1])
        self.after_change()

    def action_comparison(self) -> None:
        from lerend_tui.screens.comparison import ComparisonScreen

        self.app.push_screen(ComparisonScreen())

    def action_carry_over(self) -> None:
        from lerend_tui.screens.carry_over import CarryOverScreen

        record = self.meeting.record
        self.app.push_screen(CarryOverScreen(record.carried, record.participants), self._save_carried)

    def _save_carried(self, entries: list[Carried] | None) -> None:
        if entries is not None and entries != self.meeting.record.carried:
            self.meeting.record.carried = entries
            self.query_one("#guidance", Guidance).update(self._phase_texts()[1])
            self.after_change()

    def action_edit_notes(self) -> None:
        self.query_one("#notes", TextArea).focus()

    def action_leave_notes(self) -> None:
        self.set_focus(None)

    def action_finish(self) -> None:
        from lerend_tui.screens.confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen("De bijeenkomst afronden?", "Afronden"), self._finish_if)

    def _finish_if(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        self.meeting.finish()
        if self.save_now():
            self.publish()  # the beamer says goodbye, and is free for the next meeting
            release(self.path)
            self.notify(f"Bijeenkomst afgerond en opgeslagen in {self.path}", title="Afgerond", markup=False)
            self._clock_timer.stop()
            self.post_message(self.Finished(self.meeting.record))  # handled after the dialog has closed

    # -- saving --------------------------------------------------------------------------------
    #
    # Typing is saved in the background (`saving.Autosave`): the record as it is now, with the items its
    # notes hold (`Meeting.snapshot`, which reads again only the lines typed in since the last save, see
    # `items.NotesItems`), then its text (`record.table_to_toml`, which formats the notes and the `[[items]]`
    # in C), then the writing. The actions, finishing and quitting save at once and wait for it (`save_now`).
    # The store writes one version at a time and never an older one over a newer one.

    def save_now(self) -> bool:
        """Write the record now, after a save in progress; on failure keep everything in memory and try
        again shortly. True when it is on disk."""
        return self.saving.save_now()

    def save_for_leaving(self) -> bool:
        self.sync_notes()
        return self.save_now()

    def unsaved_copy(self) -> UnsavedCopy | None:
        if self.read_only or not self.saving.failed:
            return None
        return UnsavedCopy(self.path.name, self.store.version(self.meeting.snapshot()).text)

    def _take_version(self) -> Version | None:
        """The record as it is now, to write, and what its notes now hold shown below them; None for a
        meeting another program writes."""
        if self.read_only:
            return None
        version = self.store.version(self.meeting.snapshot())
        self._show_items()
        return version

    def _write(self, version: Version) -> OSError | None:
        """Write a version (from any thread: this touches no widget)."""
        try:
            self.store.write(version, self.path)
        except OSError as error:
            return error
        return None

    def _show_saved(self, error: OSError | None, before: OSError | None) -> None:
        """Say when saving starts to fail, and when it works again; meanwhile the top line says so."""
        if error is not None and before is None:
            self.notify(
                f"Opslaan in {self.path} lukt niet ({error.strerror or error}). "
                "Je notities blijven bewaard; ik probeer het zo opnieuw.",
                title="Niet opgeslagen", severity="error", timeout=10, markup=False,
            )
        elif error is None and before is not None:
            self.notify("Alles is weer opgeslagen.", title="Opgeslagen")

    # -- palette -------------------------------------------------------------------------------

    def palette_extras(self) -> Iterator[SystemCommand]:
        """Finishing the meeting, and every phase to go to."""
        if self.offers("finish", ()):
            yield SystemCommand("Bijeenkomst afronden", "Sluit de bijeenkomst af en sla alles op", self.action_finish)
        for index, phase in enumerate(self.meeting.phases):
            yield SystemCommand(f"Ga naar fase {index + 1}: {phase.title}",
                                f"{phase.minutes} minuten · {PHASE_LABELS.get(phase.kind, phase.kind)}",
                                partial(self.go_to, index))
