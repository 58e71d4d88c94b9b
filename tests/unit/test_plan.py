from pathlib import Path

import pytest

from lerend_tui.common.validation import DataError
from lerend_tui.templates import PHASE_KINDS, load_templates, parse_template


def test_builtin_templates_load_without_problems():
    catalogue = load_templates()
    assert catalogue.problems == []
    assert {"bijeenkomst", "kick-off", "evaluatie"} <= set(catalogue.templates)


def test_bijeenkomst_has_the_seeds_five_parts_in_order():
    template = load_templates().get("bijeenkomst")
    assert [(p.kind, p.minutes) for p in template.phases] == [
        ("checkin", 10), ("reflectie", 15), ("inhoud", 30), ("coaching", 45), ("afsluiting", 10),
    ]
    assert next(p.title for p in template.phases) == "Opstart en check-in"
    assert template.total_minutes == 110
    for phase in template.phases:
        assert phase.guidance and phase.questions, phase.title


def test_every_builtin_phase_uses_a_known_kind():
    for template in load_templates().templates.values():
        for phase in template.phases:
            assert phase.kind in PHASE_KINDS


def test_unknown_template_names_the_ones_there_are():
    with pytest.raises(KeyError, match="Beschikbaar: adoptie, bijeenkomst, evaluatie, kick-off"):
        load_templates().get("vergadering")


def test_user_template_adds_and_overrides(tmp_path: Path):
    (tmp_path / "kort.toml").write_text(
        'name = "kort"\ntitle = "Kort"\n[[phases]]\nkind = "checkin"\ntitle = "Rondje"\nminutes = 5\n',
        encoding="utf-8",
    )
    (tmp_path / "bijeenkomst.toml").write_text(
        'name = "bijeenkomst"\n[[phases]]\nkind = "coaching"\ntitle = "Alleen coaching"\nminutes = 60\n',
        encoding="utf-8",
    )
    catalogue = load_templates(tmp_path)
    assert catalogue.get("kort").phases[0].minutes == 5
    assert catalogue.get("bijeenkomst").phases[0].title == "Alleen coaching"


def test_broken_user_template_is_reported_and_skipped(tmp_path: Path):
    (tmp_path / "stuk.toml").write_text(
        '[[phases]]\nkind = "koffie"\ntitle = "Pauze"\nminutes = 5\n', encoding="utf-8"
    )
    catalogue = load_templates(tmp_path)
    assert "stuk" not in catalogue.templates
    [problem] = catalogue.problems
    assert problem.field == "phases[1].kind"
    assert "stuk.toml" in str(problem) and "koffie" in str(problem)


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ('[[phases]]\nkind = "checkin"\ntitle = "A"\nminutes = "tien"\n', "phases[1].minutes", "geheel getal"),
        ('[[phases]]\nkind = "checkin"\ntitle = "A"\nminutes = 0\n', "phases[1].minutes", "minstens 1"),
        ('[[phases]]\nkind = "checkin"\nminutes = 5\n', "phases[1].title", "ontbreekt"),
        ('phases = []\n', "phases", "minstens één fase"),
        ('phases = "geen"\n', "phases", "lijst met tabellen"),
    ],
)
def test_template_errors_name_the_field(tmp_path: Path, body: str, field: str, words: str):
    path = tmp_path / "t.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse_template(path)
    assert caught.value.field == field
    assert words in str(caught.value)


def test_toml_syntax_error_names_the_line(tmp_path: Path):
    path = tmp_path / "t.toml"
    path.write_text('name = "x"\n\n[[phases]\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse_template(path)
    assert caught.value.line == 3
    assert "regel 3" in str(caught.value)
