import multiprocessing
import os
import re
import time
from pathlib import Path

import pytest

from lerend_tui.storage.lock import HOST, STALE_SECONDS, LockError, acquire, holder, lock_path, release

from .lockkit import held_elsewhere

ROUNDS = 200


def test_one_writer_at_a_time(tmp_path):
    meeting = tmp_path / "m.toml"
    lock = acquire(meeting)
    assert lock is not None and acquire(meeting) is lock  # ours already
    release(meeting)
    assert not lock_path(meeting).exists()
    with held_elsewhere(meeting) as other:
        assert acquire(meeting) is None
        assert re.fullmatch(r"al geopend in een ander venster \(sinds \d\d:\d\d\)", holder(meeting))
        release(meeting)  # not ours to give back
        assert f"pid = {other.pid}" in lock_path(meeting).read_text()
    assert acquire(meeting) is not None  # given back when the other program ended
    release(meeting)


@pytest.mark.parametrize("old", ["1", "99999999999999999999", "onzin", "", "[" * 600, "\xff\xfe"])
def test_an_old_or_garbled_lock_file_is_taken_over(tmp_path, old):
    meeting = tmp_path / "m.toml"
    lock_path(meeting).write_text(old, encoding="latin-1")
    assert acquire(meeting) is not None
    text = lock_path(meeting).read_text()
    assert f'host = "{HOST}"' in text and f"pid = {os.getpid()}" in text
    release(meeting)
    assert not lock_path(meeting).exists()


def test_a_lock_whose_holder_was_killed_is_free_at_once(tmp_path):
    meeting = tmp_path / "m.toml"
    with held_elsewhere(meeting) as other:
        assert acquire(meeting) is None
        other.kill()  # kill -9: no chance to give anything back
        other.wait(10)
        assert acquire(meeting) is not None
        release(meeting)


def other_hosts_lock(meeting: Path, age: float) -> str:
    text = 'host = "laptop-van-anke\\u001b]0;x\\u0007"\npid = 4321\nsince = 2026-11-24T19:02:00\n'
    lock_path(meeting).write_text(text)
    os.utime(lock_path(meeting), (time.time() - age, time.time() - age))
    return text


def test_a_recent_lock_from_another_laptop_holds_and_names_it(tmp_path):
    """A synced folder carries the file, not the lock: a file naming another host counts while it is recent."""
    meeting = tmp_path / "m.toml"
    text = other_hosts_lock(meeting, age=STALE_SECONDS - 30)
    assert acquire(meeting) is None
    assert holder(meeting) == "al geopend op laptop-van-anke]0;x (sinds 24-11 19:02)"  # escapes taken out
    assert lock_path(meeting).read_text() == text  # the other laptop's file, untouched


@pytest.mark.parametrize("since", ["0001-01-01T00:00:00", "9999-12-31T23:59:59-12:00"])
def test_a_far_off_time_in_a_lock_file_is_left_out(tmp_path, since):
    meeting = tmp_path / "m.toml"
    lock_path(meeting).write_text(f'host = "laptop-van-anke"\npid = 1\nsince = {since}\n')
    assert acquire(meeting) is None
    assert holder(meeting) == "al geopend op laptop-van-anke"


def test_a_stale_lock_from_another_laptop_is_taken_over(tmp_path):
    meeting = tmp_path / "m.toml"
    other_hosts_lock(meeting, age=STALE_SECONDS + 30)
    lock = acquire(meeting)
    assert lock is not None and f'host = "{HOST}"' in lock_path(meeting).read_text()
    release(meeting)


def test_the_holder_keeps_its_lock_file_fresh(tmp_path):
    meeting = tmp_path / "m.toml"
    lock = acquire(meeting)
    long_ago = time.time() - 2 * STALE_SECONDS
    os.utime(lock_path(meeting), (long_ago, long_ago))
    lock.refresh()  # what its thread does every REFRESH_SECONDS
    assert time.time() - lock_path(meeting).stat().st_mtime < STALE_SECONDS
    assert "refreshed = " in lock_path(meeting).read_text()
    release(meeting)


def test_a_lock_file_is_private_and_never_a_symlink(tmp_path):
    meeting = tmp_path / "m.toml"
    assert acquire(meeting) is not None
    assert lock_path(meeting).stat().st_mode & 0o777 == 0o600
    release(meeting)
    target = tmp_path / "elders.txt"
    target.write_text("niet van ons")
    lock_path(meeting).symlink_to(target)
    with pytest.raises(LockError, match=r"kan het slot .*m\.toml\.lock niet nemen: een symbolische koppeling"):
        acquire(meeting)
    assert target.read_text() == "niet van ons"
    lock_path(meeting).unlink()
    lock_path(meeting).mkdir()
    with pytest.raises(LockError, match="geen gewoon bestand|Is a directory"):
        acquire(meeting)


# -- many programs at once -----------------------------------------------------------------------------------


def contend(meeting: str, start, taken, results) -> None:
    """One of two programs that take the same meeting's lock at the same moment, `ROUNDS` times."""
    for number in range(ROUNDS):
        start.wait()
        lock = acquire(Path(meeting))
        results.put((number, lock is not None))
        taken.wait()  # both have tried: the winner gives it back
        if lock is not None:
            release(Path(meeting))


def test_two_programs_starting_at_once_get_exactly_one_writer(tmp_path):
    context = multiprocessing.get_context("spawn")
    start, taken, results = context.Barrier(2), context.Barrier(2), context.Queue()
    meeting = str(tmp_path / "m.toml")
    workers = [context.Process(target=contend, args=(meeting, start, taken, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    writers = [0] * ROUNDS
    for _ in range(2 * ROUNDS):
        number, won = results.get(timeout=30)
        writers[number] += won
    for worker in workers:
        worker.join(10)
    assert writers == [1] * ROUNDS
    assert not lock_path(Path(meeting)).exists()


def take_turns(meeting: str, inside: str, turns: int, start, results) -> None:
    """Take and give back the lock as fast as possible; while holding it, be the only one in `inside`."""
    start.wait()
    won = clashes = 0
    for _ in range(turns):
        if acquire(Path(meeting)) is None:
            continue
        won += 1
        try:
            os.close(os.open(inside, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            clashes += 1
        else:
            os.unlink(inside)
        release(Path(meeting))
    results.put((won, clashes))


def test_a_lock_given_back_while_another_takes_it_is_never_held_twice(tmp_path):
    """Giving back removes the lock file; one who opened it just before must not think it holds the lock."""
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(2), context.Queue()
    turns = 2000
    args = (str(tmp_path / "m.toml"), str(tmp_path / "inside"), turns, start, results)
    workers = [context.Process(target=take_turns, args=args) for _ in range(2)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=30) for _ in workers]
    for worker in workers:
        worker.join(10)
    assert sum(clashes for _, clashes in outcomes) == 0  # some 5 in 6000 turns without the check in `hold`
    assert 0 < sum(won for won, _ in outcomes) < 2 * turns  # they did stand in each other's way
