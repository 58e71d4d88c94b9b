"""Who has the projector, in the core (`live`): the first running meeting keeps it; the facilitator hands it
over on purpose; a meeting that ended or whose program is gone holds it for no one. The follower's screens are
in the Pilot tier (pilot/test_projector.py).

A second program is a child process (`lockkit`): it holds its own writer lock, as a second window would.
"""

from lerend_tui.storage.live import (
    WRITER,
    LiveState,
    beamer_holder,
    clear_live,
    read_live,
    write_live,
)

from ..lockkit import PUBLISH_ENDED, PUBLISH_LIVE, child
from .test_meeting import new_meeting


def test_a_running_meeting_elsewhere_keeps_the_beamer_until_it_is_handed_over(clock, tmp_path):
    path = tmp_path / "live.toml"
    ours = LiveState.capture(new_meeting(clock))
    with child(PUBLISH_LIVE, path) as (_, other):
        assert beamer_holder(path) == other
        assert write_live(path, ours) is None  # opening a meeting here takes nothing away
        assert read_live(path).writer == other and read_live(path).title == "Zorgnetwerk Zuid"
        assert write_live(path, ours, hand_over=True) == []  # "Naar de beamer"
        assert read_live(path) == ours and beamer_holder(path) == WRITER
        assert write_live(path, ours) == []  # ours now: every change goes on to the beamer
    clear_live(path)


def test_the_beamer_is_free_once_its_program_is_gone_or_its_meeting_ended(clock, tmp_path):
    path = tmp_path / "live.toml"
    ours = LiveState.capture(new_meeting(clock))
    with child(PUBLISH_LIVE, path) as (other, _):
        other.kill()
        other.wait(10)
        assert beamer_holder(path) is None
        assert write_live(path, ours) == []  # the next change of a meeting that was waiting takes it
    clear_live(path)
    with child(PUBLISH_ENDED, path) as (_, other):
        assert read_live(path).ended and beamer_holder(path) is None  # its program runs on, at home
        assert write_live(path, ours) == [] and read_live(path).writer == WRITER
    clear_live(path)
