"""The draw: filters, explanations when nothing fits, weighting by recent use, roles."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from lerend_tui.catalogue.picker import (
    Draw,
    Filters,
    candidates,
    explain_empty,
    fits,
    propose_roles,
    recency_weights,
    recent_use,
)
from lerend_tui.catalogue.workforms import Step, Workform, load_catalogue


def form(id_: str, *, phases: tuple[str, ...] = ("coaching",), group: tuple[int, int] = (3, 12),
         subgroups: int | None = None, minutes: int = 30) -> Workform:
    return Workform(id=id_, name=id_.title(), name_en="", summary="", phases=phases, group_min=group[0],
                    group_max=group[1], subgroups=subgroups, minutes=minutes,
                    steps=(Step("Alles", minutes, "Doe het."),))


FORMS = [
    form("vissenkom", group=(6, 20), minutes=45),
    form("trojka", group=(3, 30), subgroups=3, minutes=30),
    form("groot-kwartet", group=(8, 16), subgroups=4, minutes=25),
    form("weerbericht", phases=("checkin",), group=(2, 30), minutes=8),
    form("een-woord", phases=("checkin", "afsluiting"), group=(2, 40), minutes=10),
]


# --- filters ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("id_", "filters", "expected"),
    [
        ("vissenkom", Filters(), True),
        ("vissenkom", Filters(phase="coaching"), True),
        ("vissenkom", Filters(phase="checkin"), False),
        ("vissenkom", Filters(people=6), True),
        ("vissenkom", Filters(people=5), False),
        ("vissenkom", Filters(people=21), False),
        ("vissenkom", Filters(minutes=45), True),
        ("vissenkom", Filters(minutes=44), False),
        ("trojka", Filters(people=3), True),
        ("trojka", Filters(people=31), False),
        ("groot-kwartet", Filters(people=4), True),  # one subgroup of four can run it
        ("groot-kwartet", Filters(people=3), False),
        ("groot-kwartet", Filters(people=17), False),
        ("een-woord", Filters("afsluiting", 40, 10), True),
    ],
)
def test_fits(id_: str, filters: Filters, expected: bool):
    workform = next(w for w in FORMS if w.id == id_)
    assert fits(workform, filters) is expected


def test_candidates_are_sorted_by_id_and_take_a_catalogue():
    assert [w.id for w in candidates(FORMS, Filters(phase="coaching"))] == ["groot-kwartet", "trojka", "vissenkom"]
    assert [w.id for w in candidates(FORMS, Filters(people=2))] == ["een-woord", "weerbericht"]
    catalogue = load_catalogue(None)
    coaching = candidates(catalogue, Filters(phase="coaching", people=8, minutes=60))
    assert coaching and [w.id for w in coaching] == sorted(w.id for w in coaching)


# --- explain_empty ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (Filters(phase="kickoff"), "Er is geen werkvorm voor fase 'kickoff'."),
        (Filters(people=1), "Geen werkvorm past bij 1 deelnemer; de kleinste groep is 2 deelnemers."),
        (Filters(people=50), "Geen werkvorm past bij 50 deelnemers; de grootste groep is 40 deelnemers."),
        (Filters(minutes=4), "Geen werkvorm past in 4 minuten; de kortste duurt 8 minuten."),
        (Filters(phase="coaching", minutes=10),
         "Geen werkvorm voor fase 'coaching' past in 10 minuten; de kortste duurt 25 minuten."),
        (Filters(phase="coaching", people=2),
         "Geen werkvorm voor fase 'coaching' past bij 2 deelnemers; de kleinste groep is 3 deelnemers."),
        (Filters(people=35, minutes=9),
         "Geen werkvorm voor 35 deelnemers past in 9 minuten; de kortste duurt 10 minuten."),
        (Filters(phase="checkin", people=35, minutes=9),  # phase is not to blame: the pair without it fails
         "Geen werkvorm voor 35 deelnemers past in 9 minuten; de kortste duurt 10 minuten."),
        (Filters(phase="afsluiting", people=35, minutes=9),
         "Geen werkvorm voor fase 'afsluiting' past in 9 minuten; de kortste duurt 10 minuten."),
        (Filters(phase="checkin", people=35, minutes=10), ""),  # 'een-woord' fits
    ],
)
def test_explain_empty(filters: Filters, message: str):
    assert bool(candidates(FORMS, filters)) is (message == "")
    assert explain_empty(FORMS, filters) == message


def test_explain_empty_names_the_smallest_cause():
    # People alone already rule everything out, so minutes are not blamed.
    assert explain_empty(FORMS, Filters(phase="coaching", people=100, minutes=1)).startswith(
        "Geen werkvorm past bij 100 deelnemers")


def test_explain_empty_combination_of_all_three():
    forms = [form("a", phases=("checkin",), group=(2, 5), minutes=5),
             form("b", phases=("checkin",), group=(6, 20), minutes=20),
             form("c", phases=("coaching",), group=(6, 20), minutes=5)]
    filters = Filters(phase="checkin", people=10, minutes=10)
    assert candidates(forms, filters) == []
    assert explain_empty(forms, filters) == (
        "Geen werkvorm voor fase 'checkin' voor 10 deelnemers past in 10 minuten; de kortste duurt 20 minuten.")


def test_explain_empty_gap_in_group_sizes_and_empty_catalogue():
    forms = [form("klein", group=(2, 4)), form("groot", group=(10, 20))]
    assert "niet voor precies dit aantal" in explain_empty(forms, Filters(people=7))
    assert explain_empty([], Filters()) == "De catalogus bevat geen werkvormen."


def test_explain_empty_on_the_builtin_catalogue():
    catalogue = load_catalogue(None)
    message = explain_empty(catalogue, Filters(phase="coaching", minutes=10))
    shortest = min(w.minutes for w in catalogue.for_phase("coaching"))
    assert message == (f"Geen werkvorm voor fase 'coaching' past in 10 minuten; "
                       f"de kortste duurt {shortest} minuten.")


# --- recent use and weights -------------------------------------------------------------------------

def test_recent_use_counts_meetings_ago_newest_first():
    used = [["trojka"], ["vissenkom", "trojka"], [], ["weerbericht"], ["een-woord"], ["groot-kwartet"]]
    assert recent_use(used) == {"trojka": 0, "vissenkom": 1, "weerbericht": 3, "een-woord": 4}
    assert recent_use(used, limit=2) == {"trojka": 0, "vissenkom": 1}


def test_recency_weights_formula():
    weights = recency_weights([["a"], ["b"], [], [], ["c"], ["d"]], limit=5)
    assert weights == pytest.approx({"a": 0.2, "b": 0.36, "c": 0.84})
    assert "d" not in weights  # outside the window: default weight 1.0


# --- the draw ---------------------------------------------------------------------------------------

def test_no_repeats_until_every_candidate_came_up():
    draw = Draw(FORMS, random.Random(3))
    first = [draw.next().id for _ in FORMS]
    assert sorted(first) == sorted(w.id for w in FORMS)
    assert draw.remaining == 0
    second = [draw.next().id for _ in FORMS]
    assert sorted(second) == sorted(w.id for w in FORMS)
    assert second[0] != first[-1]  # a new cycle does not open with the one just shown
    assert draw.cycle == 1 and draw.remaining == 0


def test_remaining_counts_down():
    draw = Draw(FORMS[:3], random.Random(1))
    assert draw.remaining == 3
    draw.next()
    assert draw.remaining == 2


def test_same_seed_same_sequence():
    catalogue = load_catalogue(None)
    weights = {"troika-consulting": 0.2}

    def sequence(seed: int) -> list[str]:
        draw = Draw(catalogue.for_phase("coaching"), random.Random(seed), weights)
        return [draw.next().id for _ in range(30)]

    assert sequence(42) == sequence(42)
    assert sequence(42) != sequence(43)


def test_recently_used_format_comes_up_less():
    rng = random.Random(2026)
    weights = recency_weights([["trojka"]])
    first = Counter(Draw(FORMS[:3], rng, weights).next().id for _ in range(3000))
    # Expected share of 'trojka' as first pick: 0.2 / 2.2 ≈ 9 %, against 45 % for each of the others.
    assert first["trojka"] < 0.15 * 3000
    assert first["vissenkom"] > 0.35 * 3000 and first["groot-kwartet"] > 0.35 * 3000


def test_empty_draw_says_so():
    with pytest.raises(LookupError, match="geen werkvormen"):
        Draw([], random.Random(0)).next()


def test_single_candidate_repeats():
    draw = Draw(FORMS[:1], random.Random(0))
    assert [draw.next().id for _ in range(3)] == ["vissenkom"] * 3


# --- roles ------------------------------------------------------------------------------------------

def test_roles_go_to_who_had_them_least_recently():
    history = [
        {"inbrenger": "Ans", "tijdbewaker": "Bram"},
        {"inbrenger": "Bram", "tijdbewaker": "Cor"},
        {"inbrenger": "Cor", "tijdbewaker": "Ans"},
    ]
    people = ["Ans", "Bram", "Cor", "Dewi"]
    proposal = propose_roles(["inbrenger", "tijdbewaker"], people, history, random.Random(0))
    assert proposal == {"inbrenger": "Dewi", "tijdbewaker": "Ans"}


def test_roles_rotate_over_meetings():
    people = ["Ans", "Bram", "Cor"]
    history: list[dict[str, str]] = []
    rng = random.Random(5)
    holders = []
    for _ in range(3):
        proposal = propose_roles(["inbrenger"], people, history, rng)
        holders.append(proposal["inbrenger"])
        history.insert(0, proposal)
    assert sorted(holders) == people


def test_roles_distinct_when_enough_people_and_reused_when_not():
    rng = random.Random(9)
    proposal = propose_roles(["a", "b", "c"], ["Ans", "Bram", "Cor"], [], rng)
    assert sorted(proposal.values()) == ["Ans", "Bram", "Cor"]
    few = propose_roles(["a", "b", "c"], ["Ans", "Bram"], [], rng)
    assert set(few) == {"a", "b", "c"} and set(few.values()) == {"Ans", "Bram"}
    assert propose_roles(["a"], [], [], rng) == {}


def test_role_ties_are_broken_by_the_seed():
    people = [f"persoon-{n}" for n in range(8)]
    picks = {propose_roles(["inbrenger"], people, [], random.Random(seed))["inbrenger"] for seed in range(40)}
    assert len(picks) > 1
    assert propose_roles(["x", "y"], people, [], random.Random(11)) == propose_roles(
        ["x", "y"], people, [], random.Random(11))
