import os
import subprocess
import sys
import threading
from datetime import timedelta

import pytest

from lerend_tui.live import Doorbell, LiveState, clear_live, doorbells, read_live, ring_followers, write_live
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


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="the doorbell is a named pipe")


@needs_fifo
def test_writing_the_live_state_rings_every_followers_doorbell(clock, tmp_path):
    live = tmp_path / "live.toml"
    bell = Doorbell(live)
    assert bell.open() and bell.path == tmp_path / "followers" / f"{os.getpid()}.fifo"
    rung = []
    waiter = threading.Thread(target=lambda: rung.extend(iter(bell.wait, False)), daemon=True)
    waiter.start()
    write_live(live, LiveState.capture(new_meeting(clock)))
    write_live(live, LiveState.capture(new_meeting(clock)))  # rung while the first is still being answered: kept
    bell.close()
    waiter.join(5)
    assert not waiter.is_alive() and 1 <= len(rung) <= 2 and all(rung)
    assert not bell.path.exists()


@needs_fifo
def test_a_doorbell_nobody_answers_is_skipped_and_removed_once_its_follower_is_gone(clock, tmp_path):
    live = tmp_path / "live.toml"
    folder = doorbells(live)
    folder.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    for pid in (int(gone.stdout), os.getpid()):
        os.mkfifo(folder / f"{pid}.fifo")
    ring_followers(live)  # never blocks on a pipe nobody reads
    assert sorted(path.name for path in folder.iterdir()) == [f"{os.getpid()}.fifo"]
    ring_followers(tmp_path / "elsewhere" / "live.toml")  # no followers folder: nothing to do
