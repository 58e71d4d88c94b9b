import tomllib

import pytest

from lerend_tui.common.settings import Settings, config_path, default_config_text, load_settings


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_the_defaults_without_problems(tmp_path):
    assert load_settings(tmp_path / "config.toml") == (Settings(), [])


def test_config_path_is_in_the_config_dir(paths):
    assert config_path(paths) == paths.config / "config.toml"


def test_default_config_text_is_valid_toml_holding_exactly_the_defaults(tmp_path):
    text = default_config_text()
    assert tomllib.loads(text)
    assert "#" in text and "waarschuwing" in text
    assert load_settings(write(tmp_path, text)) == (Settings(), [])


def test_every_setting_is_read(tmp_path):
    path = write(
        tmp_path,
        """
        [timer]
        warning_percent = 10
        warning_minutes = 1.5
        overtime = "stoppen"
        bell = false
        warning_signal = true
        auto_advance_steps = true
        [round]
        seconds_per_person = 60
        order = "op volgorde"
        [display]
        theme = "nord"
        reduced_motion = true
        """,
    )
    assert load_settings(path) == (
        Settings(
            warning_percent=10, warning_minutes=1.5, count_up_overtime=False, bell=False, warning_signal=True,
            auto_advance_steps=True, round_seconds=60, round_random=False, theme="nord", reduced_motion=True,
        ),
        [],
    )


def test_unparseable_file_gives_the_defaults_and_names_the_line(tmp_path):
    path = write(tmp_path, "[timer]\nbell = true\nwarning_percent = \n")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert len(problems) == 1
    assert problems[0].line == 3 and problems[0].path == path
    assert "regel 3" in str(problems[0])


@pytest.mark.parametrize(
    ("section", "line", "field", "expected"),
    [
        ("timer", "warning_percent = 150", "timer.warning_percent", "0 tot en met 100"),
        ("timer", "warning_percent = -1", "timer.warning_percent", "minstens 0"),
        ("timer", 'warning_percent = "veel"', "timer.warning_percent", "verwacht een getal"),
        ("timer", "warning_minutes = -2", "timer.warning_minutes", "minstens 0"),
        ("timer", 'overtime = "doorgaan"', "timer.overtime", "optellen, stoppen"),
        ("timer", 'bell = "ja"', "timer.bell", "verwacht true of false"),
        ("timer", "warning_signal = 1", "timer.warning_signal", "verwacht true of false"),
        ("timer", "auto_advance_steps = 0", "timer.auto_advance_steps", "verwacht true of false"),
        ("round", "seconds_per_person = 5", "round.seconds_per_person", "minstens 10"),
        ("round", 'order = "alfabetisch"', "round.order", "willekeurig, op volgorde"),
        ("display", 'theme = "  "', "display.theme", "mag niet leeg zijn"),
        ("display", "theme = 3", "display.theme", "verwacht tekst"),
        ("display", 'reduced_motion = "nee"', "display.reduced_motion", "verwacht true of false"),
    ],
)
def test_an_invalid_value_is_named_and_its_default_used(tmp_path, section, line, field, expected):
    path = write(tmp_path, f"[{section}]\n{line}\n")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert [problem.field for problem in problems] == [field]
    assert expected in problems[0].problem
    assert f"veld '{field}'" in str(problems[0]) and str(path) in str(problems[0])


def test_valid_values_still_apply_beside_invalid_ones(tmp_path):
    path = write(
        tmp_path,
        '[timer]\nwarning_percent = 500\nbell = false\novertime = "stoppen"\n[round]\nseconds_per_person = 0\norder = "op volgorde"\n',
    )
    settings, problems = load_settings(path)
    assert settings == Settings(bell=False, count_up_overtime=False, round_random=False)
    assert [problem.field for problem in problems] == ["timer.warning_percent", "round.seconds_per_person"]


def test_unknown_keys_and_sections_are_reported_but_harmless(tmp_path):
    path = write(tmp_path, 'kleur = "rood"\n[timer]\nbel = true\nbell = false\n[geluid]\nvolume = 3\n')
    settings, problems = load_settings(path)
    assert settings == Settings(bell=False)
    assert sorted(problem.field for problem in problems) == ["geluid", "kleur", "timer.bel"]
    assert all("onbekende instelling" in problem.problem for problem in problems)


def test_a_section_that_is_not_a_table_is_reported(tmp_path):
    settings, problems = load_settings(write(tmp_path, "timer = 3\n[round]\norder = \"op volgorde\"\n"))
    assert settings == Settings(round_random=False)
    assert [(problem.field, problem.problem) for problem in problems] == [("timer", "verwacht een tabel")]


def test_warning_seconds_is_the_shorter_of_percent_and_minutes():
    settings = Settings()
    assert settings.warning_seconds(300) == 60  # 20 % of 5 min
    assert settings.warning_seconds(3600) == 120  # 2 min
    assert Settings(warning_percent=0).warning_seconds(600) == 0
    assert Settings(warning_percent=50, warning_minutes=0.5).warning_seconds(100) == 30


def test_the_keymap_is_read_with_its_ids_quoted_or_dotted(tmp_path):
    """Which ids and keys exist, the screens check (`tests/test_keys.py`); the file gives text per id."""
    path = write(tmp_path, '[keymap]\n"meeting.next" = " j , pagedown "\nmeeting.timer = "f6"\n'
                           'meeting.beamer = ""\n"home.new" = "a,,b"\n')
    settings, problems = load_settings(path)
    assert settings.keymap == {"meeting.next": "j,pagedown", "meeting.timer": "f6"}
    assert [(problem.field, problem.problem.split(";")[0]) for problem in problems] == [
        ("keymap.meeting.beamer", "mag niet leeg zijn"), ("keymap.home.new", "een lege toets")]
