"""The work-format catalogue: built-in data, validation of every field, user files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from lerend_tui.catalogue.workforms import Catalogue, Step, Workform, check_files, load_catalogue, parse_workform
from lerend_tui.common.validation import DataError


def valid(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "test-vorm",
        "name": "Testvorm",
        "name_en": "Test Format",
        "summary": "Een werkvorm om mee te testen.",
        "phases": ["coaching"],
        "group_min": 3,
        "group_max": 12,
        "subgroups": 3,
        "minutes": 20,
        "roles": ["inbrenger", "adviseur"],
        "materials": ["flap"],
        "source": "eigen werk",
        "tags": ["test"],
        "steps": [
            {"title": "Vraag", "minutes": 5, "instruction": "Vertel je vraag.", "roles": ["inbrenger"]},
            {"title": "Advies", "minutes": 15, "instruction": "Geef advies.", "round": True, "roles": ["adviseur"]},
        ],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def write(folder: Path, data: dict[str, Any], stem: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem or data['id']}.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def step(**changes: Any) -> dict[str, Any]:
    return {"title": "Stap", "minutes": 20, "instruction": "Doe iets.", **changes}


# --- the built-in catalogue -------------------------------------------------------------------------

def test_builtin_catalogue_loads_without_problems():
    catalogue = load_catalogue(None)
    assert catalogue.problems == []
    assert len(catalogue.workforms) >= 40
    assert all(w.builtin and w.path is not None for w in catalogue.workforms.values())


@pytest.mark.parametrize(
    ("phase", "at_least"),
    [("checkin", 6), ("reflectie", 6), ("inhoud", 6), ("coaching", 12), ("afsluiting", 6), ("adoptie", 3)],
)
def test_builtin_catalogue_covers_each_phase(phase: str, at_least: int):
    catalogue = load_catalogue(None)
    assert len(catalogue.for_phase(phase)) >= at_least
    counts = Counter(p for w in catalogue.workforms.values() for p in w.phases)
    assert counts[phase] == len(catalogue.for_phase(phase))


def test_parse_reads_every_field(tmp_path: Path):
    workform = parse_workform(write(tmp_path, valid()))
    assert workform == Workform(
        id="test-vorm", name="Testvorm", name_en="Test Format", summary="Een werkvorm om mee te testen.",
        phases=("coaching",), group_min=3, group_max=12, subgroups=3, minutes=20,
        steps=(Step("Vraag", 5, "Vertel je vraag.", roles=("inbrenger",)),
               Step("Advies", 15, "Geef advies.", round=True, roles=("adviseur",))),
        roles=("inbrenger", "adviseur"), materials=("flap",), source="eigen werk", tags=("test",),
    )
    assert not workform.builtin
    json = workform.to_json()
    assert json["steps"][1] == {"title": "Advies", "minutes": 15, "instruction": "Geef advies.",
                                "round": True, "roles": ["adviseur"]}
    assert {"id", "name", "name_en", "summary", "phases", "group_min", "group_max", "subgroups", "minutes",
            "roles", "materials", "source", "tags"} <= json.keys()


def test_optional_fields_have_defaults(tmp_path: Path):
    data = valid(name_en=None, subgroups=None, roles=None, materials=None, source=None, tags=None,
                 steps=[step()])
    workform = parse_workform(write(tmp_path, data))
    assert (workform.name_en, workform.subgroups, workform.roles, workform.tags) == ("", None, (), ())
    assert workform.steps[0].round is False


BAD = [
    pytest.param(valid(phases=["koffie"]), "phases", "koffie", id="unknown-phase"),
    pytest.param(valid(phases=[]), "phases", "minstens één fase", id="no-phase"),
    pytest.param(valid(phases="coaching"), "phases", "lijst", id="phases-not-list"),
    pytest.param(valid(id="Test_Vorm"), "id", "kleine letters", id="id-pattern"),
    pytest.param(valid(id="andere-vorm"), "id", "bestandsnaam 'test-vorm'", id="id-not-stem"),
    pytest.param(valid(id=None), "id", "ontbreekt", id="id-missing"),
    pytest.param(valid(group_min=8, group_max=4, subgroups=None), "group_min", "groter", id="min-over-max"),
    pytest.param(valid(group_min="drie"), "group_min", "geheel getal", id="group-min-type"),
    pytest.param(valid(group_max=0), "group_max", "minstens 1", id="group-max-zero"),
    pytest.param(valid(subgroups=20), "subgroups", "group_max", id="subgroups-over-max"),
    pytest.param(valid(subgroups=1), "subgroups", "minstens 2", id="subgroups-under-two"),
    pytest.param(valid(minutes=25), "minutes", "25", id="minutes-sum"),
    pytest.param(valid(minutes=1.5), "minutes", "geheel getal", id="minutes-type"),
    pytest.param(valid(steps=[]), "steps", "minstens één stap", id="no-steps"),
    pytest.param(valid(steps=None), "steps", "ontbreekt", id="steps-missing"),
    pytest.param(valid(steps=[step(roles=["notulist"])]), "steps[1].roles", "notulist", id="step-role"),
    pytest.param(valid(steps=[step(round="ja")]), "steps[1].round", "true of false", id="round-type"),
    pytest.param(valid(steps=[step(minutes=0)]), "steps[1].minutes", "minstens 1", id="step-minutes"),
    pytest.param(valid(steps=[step(title="")]), "steps[1].title", "leeg", id="step-title-empty"),
    pytest.param(valid(steps=[{"title": "X", "minutes": 20}]),
                 "steps[1].instruction", "ontbreekt", id="step-instruction-missing"),
    pytest.param(valid(steps=[step(duur=3)]), "steps[1].duur", "onbekend veld", id="step-unknown-key"),
    pytest.param(valid(duur=20), "duur", "onbekend veld", id="unknown-key"),
    pytest.param(valid(name=None), "name", "ontbreekt", id="name-missing"),
    pytest.param(valid(summary=" "), "summary", "leeg", id="summary-empty"),
    pytest.param(valid(roles=["a", "a"]), "roles", "meer dan eens", id="roles-duplicate"),
    pytest.param(valid(tags=[1, 2]), "tags", "lijst met teksten", id="tags-type"),
]


@pytest.mark.parametrize(("data", "field", "fragment"), BAD)
def test_bad_field_is_named(tmp_path: Path, data: dict[str, Any], field: str, fragment: str):
    path = write(tmp_path, data, stem="test-vorm")
    with pytest.raises(DataError) as caught:
        parse_workform(path)
    error = caught.value
    assert error.field == field
    assert error.path == path
    assert fragment in error.problem
    assert str(path) in str(error) and f"veld '{field}'" in str(error)


def test_minutes_mismatch_names_both_numbers(tmp_path: Path):
    with pytest.raises(DataError) as caught:
        parse_workform(write(tmp_path, valid(minutes=30)))
    assert "30" in caught.value.problem and "20" in caught.value.problem


def test_toml_syntax_error_names_the_line(tmp_path: Path):
    path = tmp_path / "kapot.toml"
    path.write_text('id = "kapot"\nname = \n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse_workform(path)
    assert caught.value.line == 2


# --- user files -------------------------------------------------------------------------------------

def test_user_file_overrides_builtin_by_id(tmp_path: Path):
    builtin = load_catalogue(None).get("weerbericht")
    own = valid(id="weerbericht", name="Ons weerbericht", phases=["checkin"], subgroups=None)
    path = write(tmp_path, own)
    catalogue = load_catalogue(tmp_path)
    workform = catalogue.get("weerbericht")
    assert workform.name == "Ons weerbericht" and not workform.builtin and workform.path == path
    assert workform != builtin
    assert len(catalogue.workforms) == len(load_catalogue(None).workforms)


def test_user_file_adds_a_format(tmp_path: Path):
    write(tmp_path, valid())
    catalogue = load_catalogue(tmp_path)
    assert catalogue.get("test-vorm") in catalogue.for_phase("coaching")
    assert catalogue.problems == []


def test_broken_user_file_is_skipped_and_reported(tmp_path: Path):
    good = write(tmp_path, valid())
    broken = write(tmp_path, valid(id="kapot", phases=["koffie"]))
    (tmp_path / "leeg.toml").write_text("= =", encoding="utf-8")
    catalogue = load_catalogue(tmp_path)
    assert "test-vorm" in catalogue.workforms and catalogue.get("test-vorm").path == good
    assert "kapot" not in catalogue.workforms
    assert sorted(error.path.name for error in catalogue.problems) == ["kapot.toml", "leeg.toml"]
    assert next(e for e in catalogue.problems if e.path == broken).field == "phases"
    assert len(catalogue.workforms) == len(load_catalogue(None).workforms) + 1


def test_missing_user_folder_is_fine(tmp_path: Path):
    catalogue = load_catalogue(tmp_path / "bestaat-niet")
    assert catalogue.problems == [] and len(catalogue.workforms) >= 40


def test_get_unknown_id_is_a_short_dutch_message():
    catalogue = load_catalogue(None)
    with pytest.raises(KeyError) as caught:
        catalogue.get("troika")
    message = caught.value.args[0]
    assert "Onbekende werkvorm 'troika'" in message and "troika-consulting" in message
    assert len(message) < 200


def test_for_phase_is_sorted_and_filtered():
    catalogue = load_catalogue(None)
    coaching = catalogue.for_phase("coaching")
    assert [w.id for w in coaching] == sorted(w.id for w in coaching)
    assert all("coaching" in w.phases for w in coaching)
    assert catalogue.for_phase("onzin") == []


def test_catalogue_iterates_by_id():
    catalogue = Catalogue({})
    assert list(catalogue) == [] and len(catalogue) == 0


# --- check_files ------------------------------------------------------------------------------------

def test_check_files_accepts_files_and_folders(tmp_path: Path):
    good = write(tmp_path / "goed", valid())
    bad = write(tmp_path / "fout", valid(id="fout", minutes=99))
    write(tmp_path / "fout", valid(id="nog-een"))
    problems = check_files([good, tmp_path / "fout", tmp_path / "weg.toml"])
    assert [(p.path, p.field) for p in problems] == [(bad, "minutes"), (tmp_path / "weg.toml", None)]
    assert "bestaat niet" in problems[1].problem


def test_check_files_on_builtin_folder_is_clean():
    catalogue = load_catalogue(None)
    folder = next(iter(catalogue.workforms.values())).path.parent
    assert check_files([folder]) == []


def test_a_built_in_work_format_is_read_when_first_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A meeting's report names two or three work formats: loading the catalogue reads none of the sixty built-in
    files, and a name reads its own file only; the user's files are read at once (a broken one is reported)."""
    import lerend_tui.catalogue.workforms as workforms

    read: list[str] = []

    def reading(path: Path, builtin: bool = False) -> Workform:
        read.append(path.stem)
        return parse_workform(path, builtin=builtin)

    monkeypatch.setattr(workforms, "parse_workform", reading)
    (tmp_path / "kapot.toml").write_text("id = \n", encoding="utf-8")
    catalogue = load_catalogue(tmp_path)
    assert read == ["kapot"] and [problem.path.name for problem in catalogue.problems] == ["kapot.toml"]
    assert len(catalogue) == len(workforms.builtin_workform_files()) and "troika-consulting" in catalogue.workforms
    assert read == ["kapot"]
    assert catalogue.name_of("troika-consulting") == "Trojka-consult"
    assert catalogue.name_of("troika-consulting") == "Trojka-consult"
    assert read == ["kapot", "troika-consulting"]
    assert len(list(catalogue)) == len(catalogue)  # going through all of them reads the rest, once each
    assert Counter(read) == Counter(["kapot", *(path.stem for path in workforms.builtin_workform_files())])
