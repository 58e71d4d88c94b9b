"""The Textual application: built with its services (stores, templates, settings, clock, random source) handed
in; `make_app` builds them for a data dir."""

from __future__ import annotations

import asyncio
import io
import os
import random
import signal
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import Screen
from textual.widgets import Input, TextArea

from lerend_tui.beamer.palette import css_variables
from lerend_tui.common.autosave import CEILING, PAUSE, SaveDeadline
from lerend_tui.common.clock import Clock, SystemClock
from lerend_tui.common.collector import wake
from lerend_tui.common.crash import crash_line, describe, write_crash_log
from lerend_tui.common.paths import Paths
from lerend_tui.common.sanitise import clean
from lerend_tui.common.settings import Settings, config_path
from lerend_tui.common.validation import DataError
from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.meeting.running import Meeting
from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.keys import (
    KeyedScreen,
    binding_ids,
    checked_keymap,
    current_bindings,
    help_rows,
    palette_commands,
    screen_classes,
    single_key_actions,
)
from lerend_tui.screens.saving import HoldsEdits
from lerend_tui.services import Services
from lerend_tui.storage.lock import LockError, acquire, holder, release
from lerend_tui.templates import TemplateCatalogue

if TYPE_CHECKING:
    from lerend_tui.network.store import Network
    from lerend_tui.screens.meeting import MeetingScreen

HERE = Path(__file__).parent


LEAVING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM", "SIGINT") if hasattr(signal, name))
"""Closing the terminal window (SIGHUP), `kill` or a shutdown (SIGTERM), and an interrupt from outside (SIGINT;
Ctrl+C in the program itself is a key)."""
EXIT_GRACE = 3.0  # seconds the terminal gets to be restored after a signal, before the process ends anyway


TOAST_FLOOR = 0.1
"""Seconds: the least time left a toast's timer is set to; one of microseconds would never fire, as `Timer`
skips a first wake-up that has passed before it looks."""


class ToastSafeNotification(Notification):
    """A notification that expires on time, but whose time left never reads below TOAST_FLOOR.

    Textual 8's `ToastRack.show` (textual/widgets/_toast.py), run on every screen change, checks that a
    notification `has_expired` is false and then builds its `Toast`, which reads `time_left` again and sets
    its timer to it. A notification that runs out between the two reads gets a timer below zero, and
    `Timer._run` (textual/timer.py) then loops for ever without giving the event loop back: the freeze of
    issue 13, no key works, 100 % CPU (a timer of exactly zero raises ZeroDivisionError there instead)."""

    @property
    def time_left(self) -> float:
        return max(super().time_left, TOAST_FLOOR)

    @property
    def has_expired(self) -> bool:
        return super().time_left <= 0


class GuardedApp(App[None]):
    """An app that never leaves without saving: on a signal, a closed terminal or an unhandled exception it
    writes what the facilitator typed (`save_everything`), gives back what it holds (`let_go`: locks, the
    live state) and exits non-zero; a crash also leaves a crash log and one Dutch line (`crash_message`)."""

    def __init__(self, paths: Paths, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.paths = paths
        self.crash_message: str | None = None

    def notify(self, message: str | Content, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """As `App.notify` (safe from any thread), whichever screen sends it: a notification often names a file
        or quotes a problem with one, so its text is cleaned first (`sanitise.clean`); and its toast's timer
        can never freeze the program (`ToastSafeNotification`)."""
        text = clean(message) if isinstance(message, str) else message
        timeout = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        # A Content message is shown as it is: the toast reads it with `Content.from_markup`, which takes one.
        notification = ToastSafeNotification(text, clean(title), severity, timeout, markup=markup)  # type: ignore[arg-type]
        self.post_message(Notify(notification))

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables and the beamer's colours (`$beamer-ink`, …: `beamer.palette`), which the
        browser page uses too."""
        return {**super().get_css_variables(), **css_variables()}

    def save_everything(self) -> bool:
        """Write what is not on disk yet, at once; True when all of it is."""
        return True

    def let_go(self) -> None:
        """Give back what this program holds for others to see (locks, the live state)."""

    def on_mount(self) -> None:
        if not self.is_headless:  # a test's app shares its process with the test runner
            self._catch_leaving_signals()
        self.call_after_refresh(wake)  # the first screen is drawn: the collector works again

    def _catch_leaving_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for number in LEAVING_SIGNALS:
            try:
                loop.add_signal_handler(number, self._leave_on_signal, number)
            except NotImplementedError:  # Windows: a plain handler, which hands over to the loop
                signal.signal(number, lambda number, _frame: loop.call_soon_threadsafe(self._leave_on_signal, number))

    def _leave_on_signal(self, number: int) -> None:
        self._leave_safely()
        code = 128 + number
        if number == getattr(signal, "SIGHUP", None):
            os._exit(code)  # the terminal is gone: nothing to restore, and writing to it could hang
        self.exit(return_code=code)
        fallback = threading.Timer(EXIT_GRACE, os._exit, (code,))
        fallback.daemon = True  # only for an exit that hangs: a normal one must not wait for it
        fallback.start()

    def _leave_safely(self) -> bool:
        """Save and let go, whatever fails on the way; True when everything typed is on disk."""
        try:
            saved = self.save_everything()
        except Exception:
            saved = False
        try:
            self.let_go()
        except Exception:
            pass
        return saved

    def _handle_exception(self, error: Exception) -> None:
        """An unhandled exception: save first, then leave a crash log; Textual then exits with code 1."""
        self._crashed(describe(error))
        super()._handle_exception(error)

    def panic(self, *renderables: RenderableType) -> None:
        """Textual panics when its input thread fails (a terminal that went away): save, log, exit 1."""
        from rich.console import Console

        console = Console(file=io.StringIO(), width=120, color_system=None)
        for renderable in renderables:
            console.print(renderable)
        self._crashed(console.file.getvalue())  # type: ignore[attr-defined]
        self._return_code = 1
        super().panic(*renderables)

    def _crashed(self, details: str) -> None:
        if self.crash_message is not None:
            return
        saved = self._leave_safely()
        self.crash_message = crash_line(write_crash_log(self.paths.logs, details), saved=saved)

    def _fatal_error(self) -> None:
        """The traceback is in the crash log; the terminal gets the one line (see `cli.main`)."""
        self.bell()
        self._close_messages_no_wait()

    def _print_error_renderables(self) -> None:
        if self.crash_message is None:
            super()._print_error_renderables()
        else:
            self._exit_renderables.clear()


HELP = "Hulp: alle toetsen op dit scherm (? buiten een invoerveld of de notities, F1 overal)"


class LerendApp(GuardedApp):
    TITLE = "lerend-tui"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-normal"), (120, "-wide"), (160, "-widest")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    # Below 120 columns the footer's room goes to the screen's own keys; Ctrl+P still opens the palette,
    # and the help (?) names it.
    # The field being typed in is plain to see: a form's fields are compact, without the border that
    # Textual changes on focus, and each screen gives its fields a background of its own.
    CSS = """
    Screen.-narrow FooterKey.-command-palette, Screen.-normal FooterKey.-command-palette {
        display: none;
    }
    Input.-textual-compact:focus, Select.-textual-compact:focus > SelectCurrent {
        background: $accent 40% !important;
        text-style: bold;
    }
    """
    BINDINGS = [
        Binding("ctrl+q", "quit", "Stop", priority=True,
                tooltip="Stoppen: sluit het programma; notities en wijzigingen zijn al opgeslagen", id="app.quit"),
        Binding("ctrl+p", "command_palette", "Opdrachten", show=False, priority=True,
                tooltip="Opdrachten: elke actie van dit scherm, ook wat geen eigen toets heeft (zoals naar een fase "
                        "gaan of op een fase filteren)", id="app.palette"),
        Binding("question_mark", "help_key", "Hulp", key_display="?", tooltip=HELP, id="app.help"),
        Binding("f1", "help", "Hulp", show=False, tooltip=HELP, id="app.help_f1"),
    ]

    def __init__(
        self,
        services: Services,
        *,
        open_meeting: tuple[MeetingRecord, Path] | None = None,
        open_plans: dict[str, Any] | None = None,
        save_delay: float = PAUSE,
        save_ceiling: float = CEILING,
        problems: list[DataError] | None = None,
    ) -> None:
        """`services`: the stores, templates, work formats, settings, clock and random source the screens
        work with (`make_app` builds them for a data dir).
        `open_meeting`: a meeting record (already on disk at that path) to open straight away.
        `open_plans`: open on the plans instead, with these arguments for the `PlansScreen`.
        `problems`: what was wrong in the files read before the app started, to show once it runs.
        `save_delay`, `save_ceiling`: when what is typed is saved (see `autosave`)."""
        first = "meeting" if open_meeting else "plans" if open_plans is not None else "home"
        # The first screen is the app's default screen, whose own CSS_PATH Textual does not load.
        super().__init__(services.paths, css_path=HERE / "screens" / f"{first}.tcss")
        self.services = services
        services.skipped_workform = self._skipped_workform
        self.save_delay = save_delay
        self.save_ceiling = save_ceiling
        self._open_meeting = open_meeting
        self._open_plans = open_plans
        self._problems = [*(problems or []), *services.templates.problems]
        self._too_small: Screen | None = None
        """The notice covering the screens while the terminal is too small for them (`on_resize`)."""
        if services.settings.keymap:
            self._use_keymap(services.settings.keymap)

    def _use_keymap(self, keymap: Mapping[str, str]) -> None:
        """The facilitator's own keys (`[keymap]` in the config file); an entry that names no binding or no key
        is said, as any other problem with the settings, and left out."""
        known = binding_ids(self.BINDINGS).union(*(binding_ids(screen.BINDINGS) for screen in screen_classes()))
        checked, problems = checked_keymap(keymap, config_path(self.paths), known)
        self._problems += problems
        self.set_keymap(checked)
        # The footer shows the palette's key under this name; this app's own, not the class's.
        self.COMMAND_PALETTE_BINDING = next(  # type: ignore[misc]
            binding.key for binding in current_bindings(self.BINDINGS, self._keymap) if binding.id == "app.palette")

    def save_deadline(self) -> SaveDeadline:
        """When a screen saves what is typed in it."""
        return SaveDeadline(self.save_delay, self.save_ceiling)

    def get_default_screen(self) -> Screen:
        """Open straight on the first screen, so nothing is drawn before it."""
        if self._open_meeting:
            record, path = self._open_meeting
            return self._meeting_screen(self.services.make_meeting(record), path)
        if self._open_plans is not None:
            from lerend_tui.screens.plans import PlansScreen

            return PlansScreen(**self._open_plans)
        from lerend_tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        theme = self.services.settings.theme
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify(f"Onbekend thema '{theme}' in de instellingen; het standaardthema blijft.",
                        title="Instellingen", severity="warning", markup=False)
        for problem in self._problems:
            self.notify(str(problem), title="Overgeslagen", severity="warning", timeout=15, markup=False)
        if self._open_meeting is not None and self._open_meeting[0].started is None \
                and self._open_meeting[0].plan is not None:  # (the plans' code loads only for a plan's meeting)
            self._tell_moved_start(self._open_meeting[0])

    def _tell_moved_start(self, record: MeetingRecord) -> None:
        """Say so when a new meeting runs its schedule from now instead of its plan's time."""
        from lerend_tui.plans.plan import moved_start_words

        words = moved_start_words(record, self.services.clock)
        if words:
            self.notify(words, title="Schema", timeout=10, markup=False)

    def _skipped_workform(self, problem: DataError) -> None:
        """Told by the services of a work-format file the catalogue skipped."""
        self.notify(str(problem), title="Werkvorm overgeslagen", severity="warning", timeout=15, markup=False)

    def on_meeting_screen_finished(self, message: MeetingScreen.Finished) -> None:
        """Back to the home screen once a meeting is finished; a network's kick-off hands what it collected
        to the network first."""
        self.collect_into_network(message.record)
        self.back_home()

    def back_home(self) -> None:
        """From the screen on top to the home screen: back to it when it is below, else (the program opened
        on this screen, which Textual cannot replace: `lerend-tui start`, `lerend-tui plan`) on top of it."""
        from lerend_tui.screens.home import HomeScreen

        if any(isinstance(screen, HomeScreen) for screen in self.screen_stack):
            self.pop_screen()
        else:
            self.push_screen(HomeScreen())

    def collect_into_network(self, record: MeetingRecord) -> None:
        """The learning questions, expectations, preferences and agreements a kick-off noted, into its network."""
        if not record.network or not any(phase.kind == "kickoff" for phase in record.phases):
            return
        from lerend_tui.network.exchange import collect_from_meeting
        from lerend_tui.network.store import NetworkError

        networks = self.services.networks
        try:
            network = networks.load(record.network)
            added = collect_from_meeting(network, record)
            if added:
                networks.save(network)
        except (OSError, DataError, NetworkError) as error:
            self.notify(f"Kon niet in het netwerk zetten wat de kick-off opleverde: {error}",
                        title="Netwerk", severity="error", timeout=15, markup=False)
            return
        if added:
            self.notify("\n".join(added), title=f"In het netwerk {network.name} gezet", timeout=15, markup=False)

    def on_resize(self, event: events.Resize) -> None:
        """Cover everything with a notice while the terminal is too small, instead of breaking."""
        showing = self.screen is self._too_small
        below = self.screen_stack[-2] if showing else self.screen
        width, height = getattr(below, "MIN_SIZE", LerendScreen.MIN_SIZE)
        too_small = event.size.width < width or event.size.height < height
        if too_small and not showing:
            from lerend_tui.screens.too_small import TooSmallScreen  # (loaded only when needed)

            self._too_small = TooSmallScreen((width, height))
            self.push_screen(self._too_small)
        elif showing and not too_small:
            self.pop_screen()

    # -- meetings ------------------------------------------------------------------------------

    def open_new_meeting(self, record: MeetingRecord, network: Network | None = None) -> None:
        """Put the new meeting on disk (filed in its learning network, if any) and open it."""
        from lerend_tui.network.exchange import create_in_network
        from lerend_tui.network.store import NetworkError

        meetings = self.services.meetings
        try:
            if network is None:
                path = meetings.create(record)
            else:
                path = create_in_network(record, network, meetings, self.services.networks)
        except (OSError, DataError, NetworkError) as error:
            problem = error.strerror if isinstance(error, OSError) and error.strerror else error
            self.notify(f"Kan de bijeenkomst niet opslaan in {meetings.folder}: {problem}",
                        title="Niet gestart", severity="error", markup=False)
            return
        self.show_meeting(self.services.make_meeting(record), path)
        self._tell_moved_start(record)

    def resume_meeting(self, path: Path) -> None:
        try:
            record = self.services.meetings.load(path)
        except DataError as error:
            self.notify(str(error), title="Kan niet verder", severity="error", timeout=15, markup=False)
            return
        self.show_meeting(self.services.make_meeting(record), path)

    def show_meeting(self, meeting: Meeting, path: Path) -> None:
        self.push_screen(self._meeting_screen(meeting, path))

    def _meeting_screen(self, meeting: Meeting, path: Path) -> Screen:
        """The meeting's screen: writing it when this program gets its lock, else read-only, saying why."""
        from lerend_tui.screens.meeting import MeetingScreen

        try:
            held_by = "" if acquire(path) else holder(path)
        except LockError as error:
            held_by = str(error)
        return MeetingScreen(meeting, path, self.services.meetings, held_by=held_by)

    def _screens_with_edits(self) -> list[HoldsEdits]:
        return [screen for screen in self.screen_stack if isinstance(screen, HoldsEdits)]

    def save_everything(self) -> bool:
        """Write every open meeting's notes and every edited plan or network now."""
        return all([screen.save_for_leaving() for screen in self._screens_with_edits()])  # noqa: C419 (each one saves)

    def let_go(self) -> None:
        from lerend_tui.screens.meeting import MeetingScreen
        from lerend_tui.storage.live import clear_live

        for screen in self.screen_stack:
            if isinstance(screen, MeetingScreen):
                release(screen.path)
        clear_live(self.paths.live)

    async def action_quit(self) -> None:
        """Save everything before leaving, so nothing typed is lost; when that fails, ask first and offer to
        write it elsewhere."""
        if not self.save_everything():
            from lerend_tui.screens.unsaved import UnsavedScreen

            copies = [copy for screen in self._screens_with_edits() if (copy := screen.unsaved_copy())]
            self.push_screen(UnsavedScreen(copies), self._quit_if)
            return
        self._quit_if(True)

    def _quit_if(self, leave: bool | None) -> None:
        if leave:
            self.let_go()
            self.exit()

    # -- help and palette ----------------------------------------------------------------------

    def _content_screen(self) -> Screen:
        """The screen the facilitator works in, below any dialog or the palette."""
        return next(screen for screen in reversed(self.screen_stack) if isinstance(screen, KeyedScreen))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key that types a character (`?`) is that character in a text field, where F1 still opens the help."""
        return not (action in single_key_actions(self) and isinstance(self.focused, (Input, TextArea)))

    def action_help_key(self) -> None:
        self.action_help()

    def action_help(self) -> None:
        from lerend_tui.screens.help import HelpScreen

        self.push_screen(HelpScreen("Toetsen", help_rows(self._content_screen())))

    def action_command_palette(self) -> None:
        """Textual's palette, asking in Dutch (its own placeholder is English)."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]  # typed App[object]
            self.push_screen(CommandPalette(placeholder="Zoek een opdracht…", id="--command-palette"))

    def search_themes(self) -> None:
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder="Zoek een thema…"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from palette_commands(self._content_screen())
        yield SystemCommand("Thema", "Kies de kleuren van het programma", self.action_change_theme)


def make_app(paths: Paths, *, clock: Clock | None = None, rng: random.Random | None = None,
             settings: Settings | None = None, templates: TemplateCatalogue | None = None,
             **options: Any) -> LerendApp:
    """The facilitator's program on a data dir (see `Services.for_paths`); `options` as `LerendApp` takes them."""
    services = Services.for_paths(paths, clock=clock, rng=rng, settings=settings, templates=templates)
    return LerendApp(services, **options)


class FollowerApp(GuardedApp):
    """`lerend-tui beamer`: the projector's view of the live meeting in the same data dir.

    It only reads the live-state file the facilitator's program writes on every change (and rings its
    doorbell about), and computes the time from the clock itself, so it follows within a fraction of a
    second without any traffic.
    """

    TITLE = "lerend-tui beamer"
    BINDINGS = [Binding("ctrl+q", "quit", "Stop", priority=True, id="follower.quit")]

    def __init__(self, paths: Paths, *, clock: Clock | None = None) -> None:
        from lerend_tui.screens.beamer import BeamerScreen

        # Its one screen is its default, whose own CSS_PATH Textual does not load.
        super().__init__(paths, css_path=BeamerScreen.CSS_PATH)
        self.clock = clock or SystemClock()
        from lerend_tui.beamer.view import Follower  # imported here: the facilitator's start never needs them
        from lerend_tui.storage.live import Doorbell, LiveReader

        self._doorbell = Doorbell(paths.live)
        self.live_state = LiveReader(paths.live, self._tell_unreadable)
        self._follower = Follower(self.live_state)

    def get_default_screen(self) -> Screen:
        from lerend_tui.screens.beamer import BeamerScreen

        return BeamerScreen(self._follower.view, self.clock)

    def on_mount(self) -> None:
        """Answer the doorbell the facilitator's program rings on every change (see `live.Doorbell`): the
        beamer shows a change at once, not at its next wake-up, which is up to a second away while the time
        runs. The thread waits in the pipe, costing no CPU; without a doorbell the wake-ups still follow."""
        if self._doorbell.open():
            threading.Thread(target=self._answer_doorbell, name="doorbell", daemon=True).start()

    def _answer_doorbell(self) -> None:
        while self._doorbell.wait():
            try:
                self.call_from_thread(self._live_changed)
            except RuntimeError:  # the app has stopped
                return

    def _live_changed(self) -> None:
        from lerend_tui.screens.beamer import BeamerScreen

        if isinstance(self.screen, BeamerScreen):
            self.screen.follow()

    def let_go(self) -> None:
        self._doorbell.close()

    def on_unmount(self) -> None:
        self._doorbell.close()

    def _tell_unreadable(self, problem: str) -> None:
        """A live-state file that cannot be read (see `LiveReader`), said once, as it is."""
        self.notify(problem, title="Onleesbare live-status", severity="error", markup=False)
