import os
import stat
import threading
from datetime import timedelta

import pytest

from lerend_tui.beamer.view import BeamerView
from lerend_tui.common.validation import DataError
from lerend_tui.meeting.timer import TimerState
from lerend_tui.storage.live import (
    WRITER,
    Doorbell,
    LiveReader,
    LiveState,
    clear_live,
    doorbells,
    read_live,
    ring_followers,
    write_live,
    writer_lock_path,
    writer_running,
)

from ..lockkit import PUBLISH_LIVE, child
from .test_meeting import new_meeting


def test_capture_round_trips_through_the_file(clock, tmp_path):
    meeting = new_meeting(clock, participants=["Anouk", "Bram", "Chris"])
    meeting.toggle_timer()
    clock.advance(30)
    path = tmp_path / "live.toml"
    state = LiveState.capture(meeting)
    write_live(path, state)
    assert read_live(path) == state
    assert state.focus == "turn" and state.round_progress == "1 van 3"
    assert {state.speaker, state.next_speaker} <= {"Anouk", "Bram", "Chris"}
    assert state.coming_up == "Daarna: Reflectie of verbindende opdracht"


def test_the_follower_computes_the_time_from_the_clock(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    state = LiveState.capture(meeting)
    later = clock.now() + timedelta(minutes=9, seconds=30)
    countdown = BeamerView.of(state).countdown
    reading = countdown.reading(later)
    assert reading.text == "00:30" and reading.state is TimerState.WARNING
    assert countdown.reading(clock.now() + timedelta(minutes=13)).words == "+03:00 uitloop"


def test_a_paused_state_stands_still(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    clock.advance(60)
    meeting.toggle_timer()
    state = LiveState.capture(meeting)
    assert BeamerView.of(state).countdown.reading(clock.now() + timedelta(hours=1)).text == "09:00"


OTHER = "0123456789abcdef"  # a writer that is not this program


def test_no_live_meeting_when_the_file_is_gone_or_its_writer_holds_no_lock(clock, tmp_path):
    path = tmp_path / "live.toml"
    assert read_live(path) is None
    write_live(path, LiveState.capture(new_meeting(clock), writer=OTHER))  # no program holds its lock
    assert read_live(path) is None


def test_the_follower_sees_the_facilitator_gone_once_its_program_died(tmp_path):
    path = tmp_path / "live.toml"
    with child(PUBLISH_LIVE, path) as (facilitator, writer):
        state = read_live(path)
        assert state is not None and state.writer == writer and writer_running(path, writer)
        facilitator.kill()  # kill -9
        facilitator.wait(10)
        assert read_live(path) is None
        assert not writer_lock_path(tmp_path, writer).exists()  # the probe found it free and took it away


def test_clear_removes_only_our_own_state_and_gives_back_the_writer_lock(clock, tmp_path):
    path = tmp_path / "live.toml"
    write_live(path, LiveState.capture(new_meeting(clock), writer=OTHER))
    clear_live(path)
    assert path.exists()
    write_live(path, LiveState.capture(new_meeting(clock)))
    assert writer_running(path, WRITER)
    clear_live(path)
    assert not path.exists() and not writer_lock_path(tmp_path, WRITER).exists()


def test_writer_locks_of_programs_that_died_are_swept_away(clock, tmp_path):
    dead = writer_lock_path(tmp_path, OTHER)
    dead.write_text("")
    with child(PUBLISH_LIVE, tmp_path / "live.toml") as (_, alive):
        write_live(tmp_path / "live.toml", LiveState.capture(new_meeting(clock)))
        assert not dead.exists() and writer_lock_path(tmp_path, alive).exists()
    clear_live(tmp_path / "live.toml")


@pytest.mark.parametrize("writer", ["../../etc/passwd", "12345", ""])
def test_a_writer_that_is_no_lock_name_is_named_as_the_problem(clock, tmp_path, writer):
    path = tmp_path / "live.toml"
    write_live(path, LiveState.capture(new_meeting(clock), writer=writer))
    with pytest.raises(DataError, match="writer"):
        read_live(path)
    clear_live(path)


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="the doorbell is a named pipe")


@needs_fifo
def test_writing_the_live_state_rings_every_followers_doorbell(clock, tmp_path):
    live = tmp_path / "live.toml"
    bell = Doorbell(live)
    assert bell.open() and bell.path == tmp_path / "followers" / f"{os.getpid()}.fifo"
    assert stat.S_IMODE(bell.path.parent.stat().st_mode) == 0o700
    answered, shown = threading.Semaphore(0), threading.Event()

    def follow() -> None:
        """A follower: it answers each ring, and takes its time showing the first."""
        while bell.wait():
            answered.release()
            shown.wait()

    follower = threading.Thread(target=follow, daemon=True)
    follower.start()
    write_live(live, LiveState.capture(new_meeting(clock)))
    assert answered.acquire(timeout=10)
    write_live(live, LiveState.capture(new_meeting(clock)))  # rung while the first is still being shown
    shown.set()
    assert answered.acquire(timeout=10)  # kept in the pipe, and answered once the follower is ready again
    bell.close()  # wakes the follower if it waits, or it finds the doorbell closed: it stops either way
    follower.join(10)
    assert not follower.is_alive() and not answered.acquire(blocking=False)  # closing is no ring
    assert bell._fd is None and not bell.path.exists()  # the pipe is closed and gone
    clear_live(live)


@needs_fifo
def test_a_doorbell_nobody_answers_is_removed_its_follower_is_gone(clock, tmp_path):
    live = tmp_path / "live.toml"
    folder = doorbells(live)
    folder.mkdir()
    os.mkfifo(folder / "4321.fifo", 0o600)  # its follower kept it open while it ran
    bell = Doorbell(live)
    assert bell.open()
    assert ring_followers(live) == []  # never blocks on a pipe nobody reads
    assert sorted(path.name for path in folder.iterdir()) == [f"{os.getpid()}.fifo"]
    bell.close()
    assert ring_followers(tmp_path / "elsewhere" / "live.toml") == []  # no followers folder: nothing to do


@needs_fifo
def test_a_doorbell_that_is_a_symlink_is_removed_and_what_it_points_to_untouched(clock, tmp_path):
    live = tmp_path / "data" / "live.toml"
    folder = doorbells(live)
    folder.mkdir(parents=True)
    outside = tmp_path / "elders.txt"
    outside.write_bytes(b"Niet van ons")
    (folder / "x.fifo").symlink_to(outside)
    assert write_live(live, LiveState.capture(new_meeting(clock))) == [folder / "x.fifo"]
    assert outside.read_bytes() == b"Niet van ons"
    assert not os.path.lexists(folder / "x.fifo")  # the link, not what it pointed to
    clear_live(live)


@needs_fifo
def test_a_doorbell_that_is_no_pipe_of_ours_is_skipped(clock, tmp_path):
    live = tmp_path / "live.toml"
    folder = doorbells(live)
    folder.mkdir()
    (folder / "bestand.fifo").write_bytes(b"Niet van ons")
    strays = [folder / "bestand.fifo"]
    foreign = folder / "vreemd.fifo"
    if os.geteuid() == 0:  # only root can give a pipe away
        os.mkfifo(foreign, 0o666)
        os.chown(foreign, 65534, 65534)
        strays.append(foreign)
        listening = os.open(foreign, os.O_RDONLY | os.O_NONBLOCK)
    assert sorted(ring_followers(live)) == sorted(strays)
    assert (folder / "bestand.fifo").read_bytes() == b"Niet van ons"
    if os.geteuid() == 0:
        assert os.read(listening, 16) == b""  # nothing was written into it
        os.close(listening)
        assert foreign.exists()


@needs_fifo
def test_a_followers_folder_that_is_a_symlink_is_not_followed(clock, tmp_path):
    live = tmp_path / "data" / "live.toml"
    live.parent.mkdir()
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    os.mkfifo(elsewhere / "1.fifo")
    doorbells(live).symlink_to(elsewhere)
    listening = os.open(elsewhere / "1.fifo", os.O_RDONLY | os.O_NONBLOCK)
    assert ring_followers(live) == [doorbells(live)]
    assert os.read(listening, 16) == b""
    os.close(listening)
    assert not Doorbell(live).open()


def test_a_follower_hears_of_an_unreadable_live_state_once_for_each_new_problem(clock, tmp_path):
    path, told = tmp_path / "live.toml", []
    reader = LiveReader(path, told.append)
    path.write_text("schema = 2\ntitle = ", encoding="utf-8")
    assert reader() is None and reader() is None
    assert len(told) == 1 and "live.toml" in told[0] and reader.problem == told[0]
    path.write_text("schema = 99\n", encoding="utf-8")
    assert reader() is None and len(told) == 2 and "versie" in told[1]
    write_live(path, LiveState.capture(new_meeting(clock)))
    assert reader() is not None and reader.problem is None and len(told) == 2
