"""In a real terminal: typing that never pauses survives `kill -9`, and closing the window or `kill` saves
what was typed, gives the lock back and exits non-zero."""

from __future__ import annotations

import os
import signal
import time
import tomllib

import pytest

from ..tmuxkit import PROGRAM, Terminal, needs_tmux, wait_until

pytestmark = needs_tmux

WORD_GAP = 0.3  # seconds between two words: typing along with a discussion, never a pause of half a second


def notes_on_disk(data) -> str:
    [path] = (data / "meetings").glob("*.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))["phases"][0].get("notes", "")


@pytest.fixture
def meeting(tmp_path):
    """A facilitator's terminal on a new meeting, its cursor in the notes."""
    data = tmp_path / "data"
    term = Terminal([str(PROGRAM), "--data-dir", str(data), "start", "--title", "Doortypen"])
    term.wait_for("esc Klaar met typen")
    yield term, data
    term.close()


def type_words(term: Terminal, count: int) -> list[tuple[str, float]]:
    """Type `count` words without ever pausing; each word with the moment it was sent."""
    sent = []
    for number in range(count):
        word = f"woord{number:02d} "
        term.type(word)
        sent.append((word, time.monotonic()))
        time.sleep(WORD_GAP)  # the typist's rhythm
    return sent


def test_typing_that_never_pauses_survives_kill_9(meeting):
    term, data = meeting
    pid = term.program_pid()
    sent = type_words(term, 20)  # six seconds of typing
    killed_at = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    term.wait_for("[afgesloten]")
    on_disk = notes_on_disk(data)
    lost = [word for word, at in sent if word not in on_disk and killed_at - at > 1.0]
    assert not lost, f"typed more than a second before the kill, yet lost: {lost}"
    assert "woord00" in on_disk


def test_closing_the_window_saves_what_was_just_typed_and_frees_the_lock(meeting, tmp_path):
    term, data = meeting
    pid = term.program_pid()
    term.type("laatste woorden voor het sluiten")
    term.wait_for("laatste woorden voor het sluiten")
    term.close()  # the window goes, and with it the terminal: SIGHUP
    wait_until(lambda: not os.path.exists(f"/proc/{pid}"), "the program to stop", timeout=10)
    assert notes_on_disk(data) == "laatste woorden voor het sluiten"
    again = Terminal([str(PROGRAM), "--data-dir", str(data), "start", "--resume"])
    try:
        screen = again.wait_for("laatste woorden voor het sluiten")
        assert "alleen lezen" not in screen  # the lock was given back: this window writes
    finally:
        again.close()


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_saves_first_and_exits_non_zero(meeting, number):
    term, data = meeting
    pid = term.program_pid()
    term.type("net getypt")
    term.wait_for("net getypt")
    os.kill(pid, number)
    screen = term.wait_for("[afgesloten]")
    assert f"code {128 + number}" in screen
    assert notes_on_disk(data) == "net getypt"
    assert not (data / "live.toml").exists()
