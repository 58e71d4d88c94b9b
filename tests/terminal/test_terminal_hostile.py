"""In a real terminal: a hostile data dir — deep nesting, `inf`, a named pipe where a meeting should be, a
doorbell that is a symlink, escape sequences in a title, an old lock file holding pid 1 — is named and
survived, and nothing outside the data dir is written."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime

import pytest

from lerend_tui.common.paths import Paths
from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.templates import load_templates

from ..tmuxkit import PROGRAM, Terminal, needs_tmux

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes"), needs_tmux]

HOSTILE_TITLE = "Zorgnetwerk \x1b]0;pwned\x07\x1b[2J\x1b]52;c;aGk=\x07Zuid"


@pytest.fixture
def hostile(tmp_path):
    data = tmp_path / "data"
    paths = Paths(data=data, config=tmp_path / "config")
    record = MeetingRecord.from_template(load_templates().get("bijeenkomst"), title=HOSTILE_TITLE,
                                         participants=[], planned_start=datetime.now().astimezone())
    good = MeetingStore(paths.meetings).create(record)
    good.with_name(good.name + ".lock").write_text("1")  # an old lock: a pid, of a process that is not ours
    meetings = paths.meetings
    (meetings / "2026-01-01-diep.toml").write_text("a = " + "[" * 600 + "]" * 600 + "\n")
    endless = record.to_toml().replace("elapsed_seconds = 0.0", "elapsed_seconds = inf", 1)
    (meetings / "2026-01-02-oneindig.toml").write_text(endless)
    os.mkfifo(meetings / "2026-01-03-pijp.toml")
    outside = tmp_path / "buiten-de-datamap.txt"
    outside.write_bytes(b"onaangeroerd")
    (data / "followers").mkdir()
    (data / "followers" / "x.fifo").symlink_to(outside)
    return data, good, outside


def pane_title(term: Terminal) -> str:
    return term._tmux("display-message", "-p", "#{pane_title}").strip()


def test_a_hostile_data_dir_is_named_and_survived(hostile):
    data, good, outside = hostile
    home = Terminal([str(PROGRAM), "--data-dir", str(data)], width=120, height=36)
    try:
        screen = home.wait_for("Zorgnetwerk ]0;pwned[2J]52;c;aGk=Zuid")  # the title, its escape sequences removed
        assert "pwned" not in pane_title(home)
        home.wait_for("2026-01-01-diep.toml")  # each bad file named
        home.keys("C-q")
        home.wait_for("[afgesloten] code 0")
    finally:
        home.close()
    facilitator = Terminal([str(PROGRAM), "--data-dir", str(data), "start", "--resume"], width=120, height=36)
    try:
        screen = facilitator.wait_for("esc Klaar met typen")
        assert "alleen lezen" not in screen  # the old lock holding pid 1 is taken over
        facilitator.type("notitie")
        facilitator.keys("Escape")
        facilitator.wait_for("spatie Timer")
        facilitator.keys("Space")  # a change: the live state is written and every doorbell rung
        facilitator.wait_for("nog ")
        facilitator.keys("C-q")
        facilitator.wait_for("[afgesloten] code 0")
    finally:
        facilitator.close()
    assert outside.read_bytes() == b"onaangeroerd"
    assert "notitie" in good.read_text(encoding="utf-8")
    listing = subprocess.run([str(PROGRAM), "--data-dir", str(data), "notes", "list"], capture_output=True,
                             text=True, timeout=20)
    assert listing.returncode == 0
    assert "\x1b" not in listing.stdout + listing.stderr
    assert "2026-01-03-pijp.toml" in listing.stderr
