import os

from lerend_tui.lock import acquire, lock_path, release


def test_one_writer_at_a_time(tmp_path):
    meeting = tmp_path / "m.toml"
    assert acquire(meeting)
    assert acquire(meeting)  # ours already
    lock_path(meeting).write_text("1")  # pid 1 (init) is alive and not us
    assert not acquire(meeting)
    release(meeting)
    assert lock_path(meeting).exists()  # not ours to release


def test_a_stale_lock_is_taken_over(tmp_path):
    meeting = tmp_path / "m.toml"
    lock_path(meeting).write_text(str(2**22 + 4321))  # no such process
    assert acquire(meeting)
    assert lock_path(meeting).read_text() == str(os.getpid())
    release(meeting)
    assert not lock_path(meeting).exists()


def test_a_garbled_lock_is_taken_over(tmp_path):
    meeting = tmp_path / "m.toml"
    lock_path(meeting).write_text("onzin")
    assert acquire(meeting)
