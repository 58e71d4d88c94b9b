"""The loader itself: `read_toml`, `Fields` bounds, `DataError` with several problems, `read_folder`."""

import os
import threading
from pathlib import Path

import pytest

from lerend_tui.common.validation import MAX_FILE_BYTES, DataError, Fields, Problem, read_folder, read_toml
from lerend_tui.meeting.record import parse_record

from ..samples import sample_record


def failure(path: Path) -> DataError:
    with pytest.raises(DataError) as caught:
        read_toml(path)
    assert caught.value.path == path
    return caught.value


def finishes(function, seconds: float = 10.0):
    """Run `function` in a thread; its outcome, or a failed test if it is still waiting after `seconds`."""
    outcome: list = []
    thread = threading.Thread(target=lambda: outcome.append(_outcome(function)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"{function} was still waiting after {seconds} s"
    return outcome[0]


def _outcome(function):
    try:
        return function()
    except Exception as error:  # handed to the test, which looks at it
        return error


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path):
    path = tmp_path / "x.toml"
    os.mkfifo(path)
    error = finishes(lambda: read_toml(path))
    assert isinstance(error, DataError) and error.path == path
    assert "geen gewoon bestand" in error.problem and "named pipe" in error.problem


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_symlink_to_dev_zero_is_refused_unread(tmp_path: Path):
    path = tmp_path / "x.toml"
    path.symlink_to("/dev/zero")
    error = finishes(lambda: read_toml(path))
    assert isinstance(error, DataError) and "geen gewoon bestand, maar een apparaat" in error.problem


def test_a_folder_named_toml_is_refused(tmp_path: Path):
    (tmp_path / "x.toml").mkdir()
    assert "een map" in failure(tmp_path / "x.toml").problem


def test_a_file_over_the_limit_is_refused(tmp_path: Path):
    path = tmp_path / "groot.toml"
    with path.open("wb") as handle:
        handle.write(b"# " + b"x" * (21 * 1024 * 1024) + b"\n")
    assert os.path.getsize(path) > MAX_FILE_BYTES
    assert "groter dan 20 MiB" in failure(path).problem


def test_a_missing_file_is_said_in_dutch(tmp_path: Path):
    assert failure(tmp_path / "weg.toml").problem == "het bestand bestaat niet (meer)"


def test_a_bom_is_said_plainly(tmp_path: Path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbftitle = 'x'\n")
    error = failure(path)
    assert error.line == 1 and "BOM" in error.problem and "zonder BOM" in error.problem


def test_bad_utf8_names_its_line_and_column(tmp_path: Path):
    path = tmp_path / "latin1.toml"
    path.write_bytes("title = 'goed'\nplace = 'Café'\n".encode("latin-1"))
    error = failure(path)
    assert (error.line, error.problems[0].column) == (2, 13)
    assert "UTF-8" in error.problem and "0xe9" in error.problem


@pytest.mark.parametrize(("text", "line", "dutch"), [
    ("title = \n", 1, "ongeldige waarde"),
    ("a = 1\na = 2\nb = 3\n", 2, "heeft al een waarde"),
    ("[a]\nx = 1\n[a]\n", 3, "de tabel [a] staat er twee keer in"),
    ("x = 'a' y\n", 1, "na de waarde hoort de regel te eindigen"),
    ('x = "\\q"\n', 1, "een losse \\ in een tekst"),
])
def test_a_syntax_error_is_dutch_with_its_line_and_no_english(tmp_path: Path, text: str, line: int, dutch: str):
    path = tmp_path / "kapot.toml"
    path.write_text(text, encoding="utf-8")
    error = failure(path)
    assert error.line == line and dutch in error.problem
    assert not any(english in str(error) for english in ("Invalid", "Cannot", "Expected", "at line", "column"))


def test_deep_nesting_is_a_data_error(tmp_path: Path):
    path = tmp_path / "diep.toml"
    path.write_text("x = " + "[" * 600 + "\n", encoding="utf-8")
    assert "te diep in elkaar genest" in failure(path).problem


def test_every_string_and_key_is_cleaned(tmp_path: Path):
    path = tmp_path / "t.toml"
    path.write_text('"ti\\u001btel" = "T \\u001b]0;pwned\\u0007"\nnotes = "a\\tb\\nc\\u009b"\n', encoding="utf-8")
    assert read_toml(path) == {"titel": "T ]0;pwned", "notes": "a\tb\nc"}


def test_the_message_has_no_control_characters_even_in_a_file_name(tmp_path: Path):
    path = tmp_path / "x\x1b]0;pwned\x07.toml"
    path.write_text("title = \n", encoding="utf-8")
    error = failure(path)
    assert "\x1b" not in str(error) and "\x07" not in str(error) and "x]0;pwned.toml" in str(error)


@pytest.mark.parametrize(("value", "words"), [
    ("inf", "oneindig of geen getal"), ("nan", "oneindig of geen getal"), ("-1.0", "minstens 0"),
    ("1e300", "hoogstens 31622400"), ('"lang"', "verwacht een getal"),
])
def test_seconds_are_finite_and_bounded(tmp_path: Path, value: str, words: str):
    with pytest.raises(DataError) as caught:
        Fields(read_toml(_write(tmp_path, f"elapsed = {value}\n")), tmp_path).seconds("elapsed")
    assert words in caught.value.problem and caught.value.field == "elapsed"


def test_minutes_are_bounded_to_a_day_and_a_huge_number_is_shown_short(tmp_path: Path):
    fields = Fields(read_toml(_write(tmp_path, f"minutes = {10 ** 200}\n")), tmp_path)
    with pytest.raises(DataError) as caught:
        fields.minutes("minutes")
    assert "hoogstens 1440" in caught.value.problem and len(caught.value.problem) < 150


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:00+01:00", "0001-01-01T00:00:00+01:00"])
def test_a_moment_has_a_plausible_year(tmp_path: Path, moment: str):
    with pytest.raises(DataError, match="jaartal van 1970 tot en met 2200"):
        Fields(read_toml(_write(tmp_path, f"planned_start = {moment}\n")), tmp_path).moment("planned_start")


def test_a_meeting_in_the_year_9999_is_named_not_an_overflow(tmp_path: Path):
    path = tmp_path / "m.toml"
    path.write_text(sample_record().to_toml().replace("planned_start = 2026-11-24", "planned_start = 9999-12-31"),
                    encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse_record(path)
    assert caught.value.field == "planned_start"


def test_all_problems_of_a_meeting_file_are_named_at_once(tmp_path: Path):
    path = tmp_path / "m.toml"
    text = (sample_record().to_toml().replace("elapsed_seconds = 61.5", "elapsed_seconds = inf")
            .replace('title = "Zorgnetwerk"', "title = 3").replace("score = 5", "score = 9"))
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse_record(path)
    assert {problem.field for problem in caught.value.problems} == {"phases[1].elapsed_seconds", "title",
                                                                    "checkout[1].score"}
    assert len(str(caught.value).splitlines()) == 3
    assert all(line.startswith(f"{path}, veld '") for line in str(caught.value).splitlines())


def test_a_data_error_of_several_problems_keeps_the_first_as_its_own():
    error = DataError.of("m.toml", [Problem("ontbreekt", field="title"), Problem("kapot", line=3, column=2)])
    assert (error.field, error.line, error.problem) == ("title", None, "ontbreekt")
    assert error.lines() == ["m.toml, veld 'title': ontbreekt", "m.toml, regel 3, kolom 2: kapot"]


def test_read_folder_names_a_failure_nobody_foresaw_and_reads_the_rest(tmp_path: Path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.toml").write_text("x = 1\n", encoding="utf-8")

    def parse(path: Path) -> str:
        if path.stem == "a":
            raise ZeroDivisionError
        return path.stem

    found, problems = read_folder(tmp_path, parse)
    assert found == ["b"] and problems[0].path == tmp_path / "a.toml"
    assert "onverwachte fout: ZeroDivisionError" in problems[0].problem


def _write(folder: Path, text: str) -> Path:
    path = folder / "f.toml"
    path.write_text(text, encoding="utf-8")
    return path
