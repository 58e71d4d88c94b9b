"""The Textual application: built with its data dir, clock and random source handed in."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Iterable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, TextArea

from .clock import Clock, SystemClock
from .meeting import Meeting
from .paths import Paths
from .plan import MeetingTemplate, TemplateCatalogue, load_templates
from .record import MeetingRecord
from .storage import MeetingStore
from .validation import DataError

HERE = Path(__file__).parent
SAVE_DELAY = 0.8  # seconds after the last keystroke; a save then lands within a second of typing stopping


class LerendApp(App[None]):
    TITLE = "lerend-tui"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-normal"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Stop", priority=True, id="app.quit"),
        Binding("ctrl+p", "command_palette", "Opdrachten", show=False, priority=True, id="app.palette"),
        Binding("question_mark", "help_key", "Hulp", key_display="?", id="app.help"),
        Binding("f1", "help", "Hulp", show=False, id="app.help_f1"),
    ]

    def __init__(
        self,
        paths: Paths,
        *,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        meeting: Meeting | None = None,
        meeting_path: Path | None = None,
        save_delay: float = SAVE_DELAY,
        templates: TemplateCatalogue | None = None,
    ) -> None:
        first = "meeting" if meeting and meeting_path else "home"
        # The first screen is the app's default screen, whose own CSS_PATH Textual does not load.
        super().__init__(css_path=HERE / "screens" / f"{first}.tcss")
        self.paths = paths
        self.clock = clock or SystemClock()
        self.rng = rng or random.Random()
        self.save_delay = save_delay
        self.store = MeetingStore(paths.meetings)
        self.templates = templates or load_templates(paths.templates)
        self._first_meeting = (meeting, meeting_path) if meeting and meeting_path else None

    def get_default_screen(self) -> Screen:
        """Open straight on the first screen, so nothing is drawn before it."""
        if self._first_meeting:
            from .screens.meeting import MeetingScreen

            return MeetingScreen(*self._first_meeting, self.store)
        from .screens.home import HomeScreen

        return HomeScreen()

    def close_meeting(self) -> None:
        """Back to the home screen once a meeting is finished."""
        from .screens.home import HomeScreen

        if any(isinstance(screen, HomeScreen) for screen in self.screen_stack):
            self.pop_screen()
        else:  # the meeting is the first screen (`lerend-tui start`), which Textual cannot replace
            self.push_screen(HomeScreen())

    def on_resize(self, event: events.Resize) -> None:
        """Cover everything with a notice while the terminal is too small, instead of breaking."""
        from .screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

        too_small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not too_small:
            self.pop_screen()

    # -- meetings ------------------------------------------------------------------------------

    def open_new_meeting(self, record: MeetingRecord, template: MeetingTemplate) -> None:
        try:
            path = self.store.create(record)
        except OSError as error:
            self.notify(f"Kan de bijeenkomst niet opslaan in {self.store.folder}: {error.strerror or error}",
                        title="Niet gestart", severity="error", markup=False)
            return
        self.show_meeting(Meeting(record, self.clock, template), path)

    def resume_meeting(self, path: Path) -> None:
        try:
            record = self.store.load(path)
        except DataError as error:
            self.notify(str(error), title="Kan niet verder", severity="error", timeout=15, markup=False)
            return
        self.show_meeting(Meeting(record, self.clock, self.templates.templates.get(record.template)), path)

    def show_meeting(self, meeting: Meeting, path: Path) -> None:
        from .screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen(meeting, path, self.store))

    async def action_quit(self) -> None:
        """Save every open meeting before leaving, so nothing typed is lost."""
        from .screens.meeting import MeetingScreen

        for screen in self.screen_stack:
            if isinstance(screen, MeetingScreen):
                screen.save_now()
        self.exit()

    # -- help and palette ----------------------------------------------------------------------

    def _content_screen(self) -> Screen:
        """The screen the facilitator works in, below any dialog or the palette."""
        return next(screen for screen in reversed(self.screen_stack) if hasattr(screen, "help_rows"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`?` is a character while typing; F1 opens the help from anywhere."""
        if action == "help_key":
            return not isinstance(self.focused, (Input, TextArea))
        return True

    def action_help_key(self) -> None:
        self.action_help()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        screen = self._content_screen()
        self.push_screen(HelpScreen("Toetsen", screen.help_rows()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        content = self._content_screen()
        for title, help_text, callback in content.palette_commands():
            yield SystemCommand(title, help_text, callback)
        yield SystemCommand("Hulp", "Alle toetsen op dit scherm", self.action_help)
        yield SystemCommand("Thema", "Kies de kleuren van het programma", self.action_change_theme)
        yield SystemCommand("Stoppen", "Sluit het programma; notities zijn al opgeslagen", self.action_quit)
