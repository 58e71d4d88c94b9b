"""Every way out saves first: Ctrl+Q after a failed save asks and offers another place; a crash saves,
leaves a crash log and one Dutch line, and never exits 0; continuous typing is saved within a second."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import Button, Input, TextArea

from lerend_tui import cli
from lerend_tui.screens import unsaved
from lerend_tui.screens.unsaved import UnsavedScreen
from lerend_tui.storage import meetings as storage

from ..appkit import meeting_app, until


def saved(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def full_disk(monkeypatch):
    """The data dir's disk is full: every write there fails, writes elsewhere work."""
    write = storage.atomic_write_text

    def refuse_in(folder: Path):
        def writing(path, *args, **kwargs):
            if Path(path).is_relative_to(folder):
                raise OSError(28, "No space left on device", str(path))
            write(path, *args, **kwargs)
        monkeypatch.setattr(storage, "atomic_write_text", writing)
        monkeypatch.setattr(unsaved, "atomic_write_text", writing)
    return refuse_in


async def test_quitting_after_a_failed_save_asks_and_stays_on_a_stray_key(paths, clock, full_disk):
    app, path = meeting_app(paths, clock)
    full_disk(paths.data)
    async with app.run_test() as pilot:
        app.screen.query_one("#notes", TextArea).insert("niet verliezen")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, UnsavedScreen)
        assert app.screen.focused is app.screen.query_one("#stay", Button)  # the safe answer
        await pilot.press("enter")  # the next key meant for the notes
        assert not isinstance(app.screen, UnsavedScreen) and app.is_running
        assert app.screen.query_one("#notes", TextArea).text == "niet verliezen"
    assert "niet verliezen" not in path.read_text(encoding="utf-8")


async def test_quitting_after_a_failed_save_writes_the_notes_elsewhere_first(paths, clock, full_disk, tmp_path):
    app, path = meeting_app(paths, clock)
    full_disk(paths.data)
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    async with app.run_test() as pilot:
        app.screen.query_one("#notes", TextArea).insert("de casus van Bram")
        await pilot.press("ctrl+q")
        field = app.screen.query_one("#target", Input)
        assert field.value  # the documents folder, offered
        field.value = str(elsewhere)
        await pilot.click("#save")
        await until(pilot, lambda: not app.is_running, "the app to stop")
    (copy,) = elsewhere.iterdir()
    assert copy.name == path.name
    assert saved(copy)["phases"][0]["notes"] == "de casus van Bram"


async def test_a_place_that_fails_too_is_said_and_nothing_is_lost(paths, clock, full_disk, tmp_path):
    app, _ = meeting_app(paths, clock)
    full_disk(tmp_path)  # the data dir and the place typed in alike
    async with app.run_test() as pilot:
        app.screen.query_one("#notes", TextArea).insert("nog hier")
        await pilot.press("ctrl+q")
        app.screen.query_one("#target", Input).value = str(tmp_path / "ook-vol")
        await pilot.click("#save")
        assert isinstance(app.screen, UnsavedScreen)
        assert "lukt ook niet" in str(app.screen.query_one("#problem").render())
        await pilot.click("#stay")
        assert app.screen.query_one("#notes", TextArea).text == "nog hier"


async def test_a_crash_saves_the_notes_and_leaves_a_log_and_one_dutch_line(paths, clock):
    app, path = meeting_app(paths, clock)

    def broken() -> None:
        raise RuntimeError("iets onverwachts")

    with pytest.raises(RuntimeError):
        async with app.run_test() as pilot:
            app.screen.query_one("#notes", TextArea).insert("vlak voor de fout")
            app.screen.action_comparison = broken
            app.call_later(app.screen.action_comparison)
            await pilot.pause()
    assert saved(path)["phases"][0]["notes"] == "vlak voor de fout"
    assert app.return_code == 1
    (log,) = paths.logs.iterdir()
    assert "RuntimeError: iets onverwachts" in log.read_text(encoding="utf-8")
    assert log.stat().st_mode & 0o777 == 0o600
    assert app.crash_message.startswith("lerend-tui is gestopt door een onverwachte fout. Je notities zijn opgeslagen.")
    assert str(log) in app.crash_message
    assert not path.with_name(path.name + ".lock").exists() or not app.is_running


async def test_a_terminal_that_fails_under_the_app_saves_and_exits_1(paths, clock):
    """Textual panics when its input thread fails, as when the terminal goes away without a signal."""
    app, path = meeting_app(paths, clock)
    async with app.run_test():
        app.screen.query_one("#notes", TextArea).insert("tot het einde")
        app.panic("OSError: [Errno 5] Input/output error")
    assert saved(path)["phases"][0]["notes"] == "tot het einde"
    assert app.return_code == 1
    (log,) = paths.logs.iterdir()
    assert "Input/output error" in log.read_text(encoding="utf-8")


def test_a_failure_outside_the_app_exits_non_zero_with_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(*_args):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(cli, "run", broken)
    assert cli.main(["--data-dir", str(tmp_path / "data"), "notes", "list"]) == cli.CRASHED
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("lerend-tui is gestopt door een onverwachte fout.")
    (log,) = (tmp_path / "state").rglob("crash-*.log")
    assert "RecursionError" in log.read_text(encoding="utf-8")


async def test_typing_that_never_pauses_is_on_disk_while_it_goes_on(paths, clock):
    """A key every 0.1 s, never the 0.5 s pause: without the ceiling nothing would be saved until typing
    stops; with it the first words are on disk while typing goes on. (The second it takes is measured in
    a real terminal, tests/test_terminal_leaving.py, and by `make soak`.)"""
    app, path = meeting_app(paths, clock, save_delay=0.5)
    async with app.run_test() as pilot:
        notes = app.screen.query_one("#notes", TextArea)
        for _ in range(100):  # ten seconds at most, on a machine slow enough to need them
            notes.insert("w")
            await pilot.pause(0.1)  # the typing's own rhythm, not a wait for the save
            if "w" in saved(path)["phases"][0].get("notes", ""):
                break
        assert "w" in saved(path)["phases"][0].get("notes", ""), "nothing saved while typing went on"
