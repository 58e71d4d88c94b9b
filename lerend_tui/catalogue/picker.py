"""Drawing a work format: filter the catalogue, weigh by recent use, draw without repeats.

The random source is handed in (`random.Random`), so a seed gives the same draw every time.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from lerend_tui.catalogue.workforms import Catalogue, Workform
from lerend_tui.common.datatypes import datatype
from lerend_tui.common.text import count_text

RECENT_FLOOR = 0.2
"""Weight of a work format used in the most recent meeting."""


@datatype
class Filters:
    phase: str | None = None
    people: int | None = None
    minutes: int | None = None
    """Minutes available."""


def _fits_phase(workform: Workform, phase: str | None) -> bool:
    return phase is None or phase in workform.phases


def _lowest_group(workform: Workform) -> int:
    """The fewest people it can run with: a format in subgroups runs with a single subgroup too."""
    return min(workform.group_min, workform.subgroups) if workform.subgroups else workform.group_min


def _fits_people(workform: Workform, people: int | None) -> bool:
    return people is None or _lowest_group(workform) <= people <= workform.group_max


def _fits_minutes(workform: Workform, minutes: int | None) -> bool:
    return minutes is None or workform.minutes <= minutes


def fits(workform: Workform, filters: Filters) -> bool:
    return (_fits_phase(workform, filters.phase) and _fits_people(workform, filters.people)
            and _fits_minutes(workform, filters.minutes))


def _as_list(workforms: Catalogue | Iterable[Workform]) -> list[Workform]:
    items = workforms.workforms.values() if isinstance(workforms, Catalogue) else workforms
    return sorted(items, key=lambda w: w.id)


def candidates(workforms: Catalogue | Iterable[Workform], filters: Filters) -> list[Workform]:
    """The work formats that fit all filters, sorted by id."""
    return [w for w in _as_list(workforms) if fits(w, filters)]


def explain_empty(workforms: Catalogue | Iterable[Workform], filters: Filters) -> str:
    """A Dutch sentence naming the filter (or combination) that rules every work format out.

    Filters are tried alone first, then in pairs, then all three, so the sentence names the smallest
    cause. Returns "" when something does fit.
    """
    items = _as_list(workforms)
    if not items:
        return "De catalogus bevat geen werkvormen."
    if candidates(items, filters):
        return ""
    active = [name for name in ("phase", "people", "minutes") if getattr(filters, name) is not None]
    combos: list[tuple[str, ...]] = [(a,) for a in active]
    combos += [(a, b) for i, a in enumerate(active) for b in active[i + 1:]]
    combos.append(tuple(active))
    for combo in combos:
        only = Filters(**{name: getattr(filters, name) for name in combo})
        if not candidates(items, only):
            return _sentence(items, only)
    return ""  # not reached: all filters together rule everything out


def _sentence(items: list[Workform], failing: Filters) -> str:
    phase, people, minutes = failing.phase, failing.people, failing.minutes
    subject = "Geen werkvorm" + (f" voor fase '{phase}'" if phase else "")
    if minutes is not None:
        # The other filters of this combination leave some formats (smaller combinations were checked first).
        base = candidates(items, Filters(phase, people))
        who = f" voor {count_text(people, 'deelnemer', 'deelnemers')}" if people is not None else ""
        shortest = min(w.minutes for w in base)
        return (f"{subject}{who} past in {count_text(minutes, 'minuut', 'minuten')}; "
                f"de kortste duurt {count_text(shortest, 'minuut', 'minuten')}.")
    if people is not None:
        base = candidates(items, Filters(phase))
        low, high = min(map(_lowest_group, base)), max(w.group_max for w in base)
        if people < low:
            limit = f"de kleinste groep is {count_text(low, 'deelnemer', 'deelnemers')}"
        elif people > high:
            limit = f"de grootste groep is {count_text(high, 'deelnemer', 'deelnemers')}"
        else:
            limit = f"er zijn er wel voor {low} tot {high} deelnemers, maar niet voor precies dit aantal"
        return f"{subject} past bij {count_text(people, 'deelnemer', 'deelnemers')}; {limit}."
    return f"Er is geen werkvorm voor fase '{phase}'."


class HeldPhase(Protocol):
    """What the draw needs of a meeting record's phase (`meeting.record.PhaseRecord`)."""

    @property
    def workform(self) -> str | None: ...
    @property
    def roles(self) -> Mapping[str, str]: ...


class HeldMeeting(Protocol):
    """What the draw needs of a meeting record (`meeting.record.MeetingRecord`): the catalogue sits below the
    meeting in the layers, so it names the shape rather than importing the record."""

    @property
    def phases(self) -> Sequence[HeldPhase]: ...
    @property
    def ran(self) -> bool: ...


@datatype
class History:
    """What a group did in its earlier meetings, newest first: the work formats and who had which role."""

    used: list[list[str]]
    roles: list[dict[str, str]]

    @classmethod
    def of(cls, records: Iterable[HeldMeeting]) -> History:
        """From meeting records, newest first (as `MeetingStore.scan` lists them); the roles of a meeting that
        never ran (`MeetingRecord.ran`) are left out: nobody had them."""
        records = list(records)
        return cls(
            used=[[phase.workform for phase in record.phases if phase.workform] for record in records],
            roles=[{role: name for phase in record.phases for role, name in phase.roles.items()}
                   for record in records if record.ran],
        )


def recent_use(used: Sequence[Sequence[str]], limit: int = 5) -> dict[str, int]:
    """How many meetings ago each work format was last used: 0 = the most recent meeting.

    `used` holds the work-format ids of each meeting, newest meeting first; only the first `limit`
    meetings count. Ids not in the result were not used in that window.
    """
    ages: dict[str, int] = {}
    for age, ids in enumerate(used[:limit]):
        for id_ in ids:
            ages.setdefault(id_, age)
    return ages


def recency_weights(used: Sequence[Sequence[str]], limit: int = 5) -> dict[str, float]:
    """Draw weights from recent use: `0.2 + 0.8 * age / limit`, where age is meetings ago (0 = last).

    So with `limit=5`: used last meeting 0.2, the one before 0.36, … four meetings ago 0.84; a format
    not used in the last `limit` meetings keeps the default weight 1.0 (it is left out of the dict).
    """
    return {id_: RECENT_FLOOR + (1 - RECENT_FLOOR) * age / limit for id_, age in recent_use(used, limit).items()}


class Draw:
    """A draw session: every candidate comes up once (picked by weight) before any repeats."""

    def __init__(self, workforms: Iterable[Workform], rng: random.Random,
                 weights: Mapping[str, float] | None = None) -> None:
        self.workforms = _as_list(workforms)
        self.rng = rng
        self.weights = dict(weights or {})
        self.shown: list[Workform] = []
        """Shown in the current cycle, in order."""
        self.cycle = 0
        self.last: Workform | None = None

    @property
    def remaining(self) -> int:
        """How many candidates have not come up yet in this cycle."""
        return len(self.workforms) - len(self.shown)

    def next(self) -> Workform:
        if not self.workforms:
            raise LookupError("Er zijn geen werkvormen om uit te loten.")
        if not self.remaining:
            self.shown, self.cycle = [], self.cycle + 1
        shown = {w.id for w in self.shown}
        pool = [w for w in self.workforms if w.id not in shown]
        if len(pool) > 1 and self.last in pool:
            pool.remove(self.last)  # a new cycle never opens with the one just shown
        weights = [max(self.weights.get(w.id, 1.0), 1e-6) for w in pool]
        choice = self.rng.choices(pool, weights=weights)[0]
        self.shown.append(choice)
        self.last = choice
        return choice


def propose_roles(roles: Sequence[str], participants: Sequence[str],
                  history: Sequence[Mapping[str, str]], rng: random.Random) -> dict[str, str]:
    """Who takes which role: per role, the person who had it least recently (never is best).

    `history` holds each meeting's role→name map, newest meeting first. People get at most one role
    while there are enough of them; after that, those with the fewest roles so far are reused. Ties are
    broken by `rng`, so a seed gives the same proposal.
    """
    people = list(dict.fromkeys(participants))
    if not people:
        return {}
    rng.shuffle(people)
    load = dict.fromkeys(people, 0)
    proposal: dict[str, str] = {}
    for role in roles:
        def since(name: str, role: str = role) -> int:
            return meetings_since(name, role, history)

        chosen = min(people, key=lambda name: (load[name], -since(name)))  # min is stable: rng order breaks ties
        proposal[role] = chosen
        load[chosen] += 1
    return proposal


def meetings_since(name: str, role: str, history: Sequence[Mapping[str, str]]) -> int:
    """Meetings since `name` last had `role` (0 = the most recent meeting); `len(history)` when never."""
    return next((age for age, held in enumerate(history) if held.get(role) == name), len(history))


def times_held(name: str, role: str, history: Sequence[Mapping[str, str]]) -> int:
    """In how many meetings of `history` `name` had `role`."""
    return sum(1 for held in history if held.get(role) == name)


def suggest(role: str, participants: Sequence[str], history: Sequence[Mapping[str, str]],
            rng: random.Random | None = None) -> str | None:
    """"Wie is er aan de beurt?": who should take `role` next, or None without participants.

    The person who had the role least often in `history` (each meeting's role→name map, newest first,
    as in `History.roles`); among those, the one who had it least recently (never is best). Remaining
    ties go to the first in `participants`, or to a random one when `rng` is given.
    """
    people = list(dict.fromkeys(participants))
    if rng is not None:
        rng.shuffle(people)
    return min(people, key=lambda name: (times_held(name, role, history), -meetings_since(name, role, history)),
               default=None)
