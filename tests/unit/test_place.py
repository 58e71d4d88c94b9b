"""The place (plaats) of a plan and of a network: read by their loaders, written back, shown in the agenda."""

import tomllib
from datetime import date

import pytest

from lerend_tui.common.validation import DataError
from lerend_tui.network.store import NetworkStore, parse_network
from lerend_tui.plans.plan import MeetingPlan, PlanStore, markdown_agenda, parse_plan, text_agenda
from lerend_tui.templates import load_templates

PHASE = '[[phases]]\nkind = "checkin"\ntitle = "a"\nminutes = 5\n'


def plan() -> MeetingPlan:
    made = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="Avond", title="Bijeenkomst")
    made.date = date(2026, 12, 8)
    return made


def test_a_plans_place_goes_to_its_file_and_back_and_into_the_agenda(tmp_path):
    store = PlanStore(tmp_path / "plans")
    made = plan()
    made.place = "Buurthuis De Linde, zaal 2"
    path = store.save(made)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["place"] == "Buurthuis De Linde, zaal 2"
    assert store.load("avond") == made
    assert "  \n**Plaats:** Buurthuis De Linde, zaal 2\n" in markdown_agenda(made)
    assert text_agenda(made).splitlines()[2] == "Plaats: Buurthuis De Linde, zaal 2"


def test_a_plan_without_a_place_writes_none_and_its_agenda_names_none(tmp_path):
    path = PlanStore(tmp_path).save(plan())
    assert "place" not in tomllib.loads(path.read_text(encoding="utf-8"))
    assert "Plaats" not in markdown_agenda(plan())


def test_a_place_read_from_a_file_is_one_line_without_control_characters(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('schema = 1\nname = "x"\ntitle = "x"\nplace = "Zaal\\u001b]0;pwned\\u0007 \\n 3"\n' + PHASE,
                    encoding="utf-8")
    assert parse_plan(path).place == "Zaal]0;pwned 3"


@pytest.mark.parametrize("kind", ["plan", "network"])
def test_a_place_that_is_no_text_names_file_and_field(tmp_path, kind):
    path = tmp_path / f"{kind}.toml"
    body = PHASE if kind == "plan" else ""
    path.write_text(f'schema = 1\nname = "x"\ntitle = "x"\nplace = 3\n{body}', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        (parse_plan if kind == "plan" else parse_network)(path)
    assert caught.value.field == "place" and "verwacht tekst" in str(caught.value)


def test_a_networks_place_is_kept_with_the_keys_a_person_added(tmp_path):
    store = NetworkStore(tmp_path)
    network = store.create("Zorgnetwerk Zuid")
    path = store.path(network)
    assert "place" not in tomllib.loads(path.read_text(encoding="utf-8"))
    path.write_text('notities = "Bellen voor de zaal"\nplace = "  Wijkcentrum\\u001b[2J   Zuid "\n'
                    + path.read_text(encoding="utf-8"), encoding="utf-8")
    network = parse_network(path)
    assert network.place == "Wijkcentrum[2J Zuid"
    network.place = "Wijkcentrum Zuid"
    store.save(network)
    written = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (written["place"], written["notities"]) == ("Wijkcentrum Zuid", "Bellen voor de zaal")
    assert parse_network(path).place == "Wijkcentrum Zuid"
