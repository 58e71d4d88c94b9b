"""Escape sequences in every field never reach the terminal from a screen: the home, review, meeting and
export screens, the beamer and a notification show the escape-laden data dir (`hostile.escape_laden_data`)
without them. The commands and exported files are in the unit tier (unit/test_escape_sequences.py)."""

from __future__ import annotations

from dataclasses import replace

from lerend_tui.app import FollowerApp, make_app
from lerend_tui.meeting.record import parse_record
from lerend_tui.screens.export import ExportScreen
from lerend_tui.screens.meeting import MeetingScreen
from lerend_tui.screens.review import ReviewScreen
from lerend_tui.storage.live import write_live
from lerend_tui.storage.meetings import StoredMeeting

from ..appkit import finish_reading, until
from ..hostile import MEETING, ODD_NAME, PAYLOAD, assert_clean
from ..samples import full_record, live_state


def screen_text(app) -> str:
    """Everything the screen draws, as the terminal would show it (the screenshot is made of the same
    segments the terminal receives)."""
    return app.export_screenshot()


# The screens show the titles as read from the files: these need the loader (validation.read_toml) to
# clean every string it parses.

async def test_the_home_screen_shows_an_escape_laden_title_without_the_escapes(hostile_data, paths, clock):
    app = make_app(paths, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await finish_reading(pilot)
        shown = screen_text(app)
        assert "pwned" in shown
        assert_clean(shown, "home screen")


async def test_the_review_screen_shows_an_escape_laden_meeting_and_file_name_without_the_escapes(
        hostile_data, paths, clock):
    app = make_app(paths, clock=clock)
    async with app.run_test(size=(140, 45)) as pilot:
        stored = StoredMeeting(paths.meetings / f"{ODD_NAME}.toml", parse_record(paths.meetings / f"{ODD_NAME}.toml"))
        app.push_screen(ReviewScreen(stored))
        await finish_reading(pilot)
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        shown = screen_text(app)
        assert "pwned" in shown and "naam[2J" in shown  # the report, and the file name in its border
        assert_clean(shown, "review screen")


async def test_the_meeting_screen_shows_an_escape_laden_meeting_without_the_escapes(hostile_data, paths, clock):
    path = paths.meetings / f"{MEETING}.toml"
    app = make_app(paths, clock=clock, open_meeting=(parse_record(path), path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        shown = screen_text(app)
        assert "pwned" in shown
        assert_clean(shown, "meeting screen")


async def test_the_beamer_shows_an_escape_laden_live_state_without_the_escapes(paths, clock):
    """The timer's small lines show the text (without the escapes); a message is drawn in big letters, which
    have no glyph for an escape."""
    paths.data.mkdir(parents=True, exist_ok=True)
    state = live_state(clock, 150.0, True, title="Zorg" + PAYLOAD, phase_title="Coaching" + PAYLOAD,
                       step_label="Stap 2" + PAYLOAD, coming_up="Daarna" + PAYLOAD,
                       step_instruction="Vraag" + PAYLOAD, speaker="Anouk" + PAYLOAD)
    write_live(paths.live, state)
    app = FollowerApp(paths, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "pwned" in shown
        assert_clean(shown, "beamer")
        write_live(paths.live, replace(state, message="Pauze" + PAYLOAD))
        await until(pilot, lambda: app.screen.has_class("-message"), "the message on the beamer")
        assert_clean(screen_text(app), "beamer with a message")


# These hold on their own: markup and escapes in file names and titles the screens pass on themselves.

async def test_a_title_is_never_read_as_markup_in_the_export_dialog(paths, clock, tmp_path):
    record = full_record()
    record.title = "[b]vet[/b] [@click=app.quit]klik[/]"
    stored = StoredMeeting(tmp_path / f"{ODD_NAME}.toml", record)
    app = make_app(paths, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ExportScreen.for_meeting(stored, folder=tmp_path))
        await pilot.pause()
        shown = screen_text(app)
        assert "[b]vet[/b]" in shown and "[@click=app.quit]klik[/]" in shown
        assert "verslag-2026-11-25-naam[2J.md" in shown  # the file name proposed, without its escape
        assert_clean(shown, "export dialog")


async def test_a_notification_naming_a_file_is_cleaned(paths, clock):
    app = make_app(paths, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify(f"opgeslagen in {ODD_NAME}.toml", title="Titel" + PAYLOAD, markup=False)
        await pilot.pause()
        [notification] = app._notifications
        assert notification.message == "opgeslagen in 2026-11-25-naam[2J.toml"
        assert_clean(notification.title, "the notification's title")
