import os
from datetime import timedelta

from lerend_tui.live import LiveState, clear_live, read_live, write_live
from lerend_tui.timer import TimerState

from .test_meeting import new_meeting


def test_capture_round_trips_through_the_file(clock, tmp_path):
    meeting = new_meeting(clock, participants=["Anouk", "Bram", "Chris"])
    meeting.toggle_timer()
    clock.advance(30)
    path = tmp_path / "live.toml"
    state = LiveState.capture(meeting)
    write_live(path, state)
    assert read_live(path) == state
    assert state.focus_label.startswith("Nu: ") and state.progress == "1 van 3"
    assert state.coming_up == "Daarna: Reflectie of verbindende opdracht"


def test_the_follower_computes_the_time_from_the_clock(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    state = LiveState.capture(meeting)
    later = clock.now() + timedelta(minutes=9, seconds=30)
    reading = state.reading(later)
    assert reading.text == "00:30" and reading.state is TimerState.WARNING
    assert state.reading(clock.now() + timedelta(minutes=13)).words == "+03:00 uitloop"


def test_a_paused_state_stands_still(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    clock.advance(60)
    meeting.toggle_timer()
    state = LiveState.capture(meeting)
    assert state.reading(clock.now() + timedelta(hours=1)).text == "09:00"


def test_no_live_meeting_when_the_file_is_gone_or_its_program_died(clock, tmp_path):
    path = tmp_path / "live.toml"
    assert read_live(path) is None
    state = LiveState.capture(new_meeting(clock), pid=2**22 + 12345)  # no such process
    write_live(path, state)
    assert read_live(path) is None


def test_clear_removes_only_our_own_state(clock, tmp_path):
    path = tmp_path / "live.toml"
    write_live(path, LiveState.capture(new_meeting(clock), pid=1))  # init: alive, not us
    clear_live(path)
    assert path.exists()
    write_live(path, LiveState.capture(new_meeting(clock)))
    clear_live(path, os.getpid())
    assert not path.exists()
