"""The one loader: whatever a file holds, reading it gives a value or a Dutch `DataError`, nothing else.

Every file type (meeting, plan, network, template, work format, config, live state) is fed arbitrary bytes
and hostile TOML: a valid file with one value replaced by deep nesting, an absurd number, inf or nan, a
year like 9999, a value of the wrong type or text with escape sequences. What loads is then used as the
program uses it (a meeting run, a report, an agenda), so a value that would overflow later is caught too.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lerend_tui.beamer.view import BeamerView
from lerend_tui.catalogue.workforms import builtin_workform_files, parse_workform
from lerend_tui.common.clock import FakeClock
from lerend_tui.common.settings import default_config_text, load_settings
from lerend_tui.common.validation import DataError, read_folder
from lerend_tui.meeting.record import MeetingRecord, parse_record
from lerend_tui.meeting.running import Meeting
from lerend_tui.network.store import Network, Participant, parse_network
from lerend_tui.plans.plan import MeetingPlan, markdown_agenda, parse_plan, plan_to_record
from lerend_tui.reports.meeting import markdown_report
from lerend_tui.storage import live
from lerend_tui.storage.live import LiveState, read_live
from lerend_tui.templates import builtin_template_files, load_templates, parse_template

CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 24, 19, 0, tzinfo=CET)


def _use_meeting(path: Path) -> None:
    record = parse_record(path)
    clock = FakeClock(NOW.replace(tzinfo=None))
    meeting = Meeting(record, clock)
    meeting.schedule()
    meeting.focus()
    markdown_report(record)
    assert record.planned_end > record.planned_start - timedelta(days=1)


def _use_plan(path: Path) -> None:
    plan = parse_plan(path)
    markdown_agenda(plan)
    record = plan_to_record(plan, planned_start=plan.planned_start(FakeClock()))
    Meeting(record, FakeClock()).schedule()


def _use_template(path: Path) -> None:
    template = parse_template(path)
    record = MeetingRecord.from_template(template, title="T", participants=[], planned_start=NOW)
    Meeting(record, FakeClock()).schedule()


def _use_settings(path: Path) -> None:
    loaded, problems = load_settings(path)  # never raises: a bad value falls back to its default
    assert all(isinstance(problem, DataError) for problem in problems)
    assert math.isfinite(loaded.warning_seconds(600))


def _use_live(path: Path) -> None:
    read_live(path)  # with the writer's liveness probe
    state = live._read_state(path)  # as parsed, whether or not its writer still runs
    if state is not None:  # every countdown it holds, as a beamer counts it on
        BeamerView.of(state).moment(NOW + timedelta(hours=1))


@dataclass(frozen=True)
class FileType:
    name: str
    stem: str
    sample: Callable[[], dict[str, Any]]
    use: Callable[[Path], Any]


def _meeting() -> dict[str, Any]:
    record = MeetingRecord.from_template(load_templates().get("bijeenkomst"), title="Zorgnetwerk",
                                         participants=["Anouk", "Bram"], planned_start=NOW)
    record.started = record.phases[0].started = record.phases[0].running_since = NOW
    record.phases[0].elapsed_seconds = 61.5
    return record.to_table()


def _plan() -> dict[str, Any]:
    plan = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="Avond", available_minutes=120)
    plan.date = date(2026, 12, 8)
    return tomllib.loads(plan.to_toml())


def _network() -> dict[str, Any]:
    network = Network("Zorgnetwerk", participants=[Participant("Anouk", ["Hoe?"])], meetings=["2026-11-24-a"])
    return tomllib.loads(network.to_toml())


def _builtin(files: Callable[[], list[Path]], stem: str) -> Callable[[], dict[str, Any]]:
    return lambda: tomllib.loads(next(path for path in files() if path.stem == stem).read_text(encoding="utf-8"))


def _live() -> dict[str, Any]:
    meeting = Meeting(MeetingRecord.from_template(load_templates().get("bijeenkomst"), title="Live",
                                                  participants=[], planned_start=NOW), FakeClock())
    return tomllib.loads(LiveState.capture(meeting).to_toml())


FILE_TYPES = [
    FileType("meeting", "2026-11-24-zorgnetwerk", _meeting, _use_meeting),
    FileType("plan", "avond", _plan, _use_plan),
    FileType("network", "zorgnetwerk", _network, parse_network),
    FileType("template", "bijeenkomst", _builtin(builtin_template_files, "bijeenkomst"), _use_template),
    FileType("workform", "troika-consulting", _builtin(builtin_workform_files, "troika-consulting"),
             parse_workform),
    FileType("config", "config", lambda: tomllib.loads(default_config_text()), _use_settings),
    FileType("live", "live", _live, _use_live),
]
IDS = [file_type.name for file_type in FILE_TYPES]


def _places(value: Any, at: tuple = ()) -> list[tuple]:
    """Every place in a parsed TOML table where a value can be replaced: (key or index, ...)."""
    found = [at] if at else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*at, index))
    return found


def _replaced(table: dict[str, Any], place: tuple, new: Any) -> dict[str, Any]:
    *parents, last = place
    holder: Any = table
    for key in parents:
        holder = holder[key]
    holder[last] = new
    return table


def _nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


HOSTILE_VALUES = st.one_of(
    st.sampled_from([math.inf, -math.inf, math.nan, 1e308, -1e308, 10**18, -(10**18), 2**63, 10**100, 0, -1,
                     "", "T \x1b]0;pwned\x07", "\x1b[2J\x9b31m", "\x00", True, [], {}, [{}], {"x": [1]},
                     datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-23))),
                     datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=23))), datetime(2026, 1, 1),
                     date(9999, 12, 31), date(1, 1, 1), _nested(200)]),
    st.integers(), st.floats(), st.text(max_size=20), st.datetimes(timezones=st.just(CET)),
    st.lists(st.integers() | st.text(max_size=5), max_size=3),
)


def _only_data_errors(file_type: FileType, path: Path) -> None:
    try:
        file_type.use(path)
    except DataError as error:
        assert error.path == path and error.problems and str(path) in str(error)
        assert "\x1b" not in str(error)


FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("file_type", FILE_TYPES, ids=IDS)
def test_each_sample_is_valid(tmp_path: Path, file_type: FileType):
    """The hostile files below are this, spoilt: so first it loads."""
    path = tmp_path / f"{file_type.stem}.toml"
    path.write_text(tomli_w.dumps(file_type.sample()), encoding="utf-8")
    file_type.use(path)


@pytest.mark.parametrize("file_type", FILE_TYPES, ids=IDS)
@FEW
@given(data=st.data())
def test_one_hostile_value_gives_only_a_data_error(tmp_path: Path, file_type: FileType, data: st.DataObject):
    table = file_type.sample()
    place = data.draw(st.sampled_from(_places(table)))
    hostile = _replaced(table, place, data.draw(HOSTILE_VALUES))
    path = tmp_path / f"{file_type.stem}.toml"
    path.write_text(tomli_w.dumps(hostile), encoding="utf-8")
    _only_data_errors(file_type, path)


@pytest.mark.parametrize("file_type", FILE_TYPES, ids=IDS)
@FEW
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_give_only_a_data_error(tmp_path: Path, file_type: FileType, data: bytes):
    path = tmp_path / f"{file_type.stem}.toml"
    path.write_bytes(data)
    _only_data_errors(file_type, path)


SPOILERS = [
    pytest.param(lambda text: b"\xef\xbb\xbf" + text, id="bom"),
    pytest.param(lambda text: text.replace(b"\n", b"\n\xff\xfe", 1), id="bad-utf8"),
    pytest.param(lambda text: text + b"\nextra = " + b"[" * 600, id="deep-nesting"),
    pytest.param(lambda text: text + b"\nextra = {a = " * 300, id="deep-tables"),
    pytest.param(lambda text: text + b"\nextra = 1" + b"0" * 5000, id="endless-digits"),
    pytest.param(lambda text: text[: len(text) // 2], id="cut-in-half"),
    pytest.param(lambda text: text.replace(b"=", b"= \x1b[2J", 1), id="escape-outside-a-string"),
]


@pytest.mark.parametrize("spoil", SPOILERS)
@pytest.mark.parametrize("file_type", FILE_TYPES, ids=IDS)
def test_spoilt_text_gives_only_a_data_error(tmp_path: Path, file_type: FileType, spoil):
    path = tmp_path / f"{file_type.stem}.toml"
    path.write_bytes(spoil(tomli_w.dumps(file_type.sample()).encode()))
    if file_type.name == "config":
        _, problems = load_settings(path)
        assert problems and all(str(path) in str(problem) for problem in problems)
        return
    with pytest.raises(DataError) as caught:
        file_type.use(path)
    assert str(path) in str(caught.value)


@FEW
@given(data=st.binary(max_size=200) | st.sampled_from([b"[" * 600, b"\xef\xbb\xbfa = 1", b"x = nan"]))
def test_a_good_file_beside_a_hostile_one_still_loads(tmp_path: Path, data: bytes):
    folder = tmp_path / "meetings"
    folder.mkdir(exist_ok=True)
    (folder / "2026-11-24-goed.toml").write_text(tomli_w.dumps(_meeting()), encoding="utf-8")
    (folder / "2026-11-25-kapot.toml").write_bytes(data)
    found, problems = read_folder(folder, parse_record)
    assert [record.title for record in found][:1] == ["Zorgnetwerk"]
    assert len(found) + len(problems) == 2
    assert all(problem.path.name == "2026-11-25-kapot.toml" for problem in problems)
