"""Harmless and hostile file contents, shared by the tests of the files the program reads."""

import os
from pathlib import Path

from hypothesis import strategies as st

SHOWN_TEXT = st.text(st.characters(exclude_categories=["Cc", "Cs"]) | st.sampled_from("\n\t"))
"""Text as it can be shown, and so as the loader keeps it (`sanitise.clean` drops control characters)."""


def hostile_meetings(meetings: Path, good_text: str) -> list[str]:
    """Beside a good meeting (`good_text`, written as `2026-11-24-goed.toml` unless the folder has it already),
    every kind of hostile file: deep nesting, inf, an absurd number of minutes, the year 9999, a named pipe
    and a symlink to /dev/zero, each named like a meeting. Their names."""
    meetings.mkdir(parents=True, exist_ok=True)
    if not any(meetings.glob("*.toml")):
        (meetings / "2026-11-24-goed.toml").write_text(good_text, encoding="utf-8")
    spoilt = {"2026-01-02-oneindig.toml": good_text.replace("elapsed_seconds = 0.0", "elapsed_seconds = inf", 1),
              "2026-01-03-minuten.toml": good_text.replace("planned_minutes = ", "planned_minutes = 1000000000000000#", 1),
              "2026-01-04-jaar.toml": good_text.replace("planned_start = 2026-", "planned_start = 9999-", 1),
              "2026-01-01-diep.toml": "schema = 1\ntitle = " + "[" * 600 + "\n"}
    for name, text in spoilt.items():
        assert text != good_text
        (meetings / name).write_text(text, encoding="utf-8")
    os.mkfifo(meetings / "2026-01-05-pijp.toml")
    (meetings / "2026-01-06-nul.toml").symlink_to("/dev/zero")
    return [*spoilt, "2026-01-05-pijp.toml", "2026-01-06-nul.toml"]
