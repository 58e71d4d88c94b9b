"""Stap 1's "bijeenkomsten inplannen": a network's series of meetings planned at once.

A kick-off, N bijeenkomsten every K weeks and an evaluatie, all on one weekday at one hour: each becomes an
ordinary plan (`MeetingPlan`, from the templates `kick-off`, `bijeenkomst` and `evaluatie`) of the network,
which the facilitator then shapes one by one. The dates step by whole weeks on the calendar, so the hour stays
the same wall-clock time across a month end and a change to or from summer time; `local` (the clock's) gives
each its UTC offset of that day. A series never overwrites a plan: when one of its files is there, nothing is
written (`save_series`).

The randvoorwaarden to arrange for it (`CONDITIONS`) are the talk's and the kick-off's: tijd, plaats,
frequentie, vertrouwelijkheid, openheid and voldoende tijd.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.text import WEEKDAYS, count_text, dutch_date
from lerend_tui.common.validation import LATEST_YEAR
from lerend_tui.plans.plan import MeetingPlan, PlanError, PlanStore, clock_text, parse_time, plan_id
from lerend_tui.templates import TemplateCatalogue

KICKOFF, MEETING, EVALUATION = "kick-off", "bijeenkomst", "evaluatie"
"""The templates a series is made of."""
MAX_COUNT = 52
MAX_EVERY = 26
"""A series holds at most a year of weekly meetings, at most half a year apart."""
_SHORT_DAYS = {day[:2]: index for index, day in enumerate(WEEKDAYS)}

CONDITIONS = (
    ("Tijd", "past de dag en het uur voor iedereen, en hoe lang duurt een bijeenkomst?"),
    ("Plaats", "waar komen jullie samen, of online?"),
    ("Frequentie", "hoe vaak komen jullie bij elkaar?"),
    ("Vertrouwelijkheid", "wat blijft binnen de groep?"),
    ("Openheid", "wat is er nodig om vraagstukken openlijk te kunnen delen?"),
    ("Voldoende tijd", "is er voor ieder voldoende tijd om deel te nemen aan de activiteiten van het netwerk?"),
)
"""The randvoorwaarden to arrange for a series (Stap 1: "een aantal randvoorwaarden hiervoor regelen"), to
settle at the kick-off ("Bespreken van de randvoorwaarden"), in the words of the talk and its template."""


def parse_weekday(text: str) -> int:
    """"dinsdag" (or "di", any case) → 1; Monday is 0. A Dutch `PlanError` for anything else."""
    wanted = text.strip().casefold()
    if wanted in WEEKDAYS:
        return WEEKDAYS.index(wanted)
    if wanted in _SHORT_DAYS:
        return _SHORT_DAYS[wanted]
    raise PlanError(f"Onbekende weekdag '{text}': kies uit {', '.join(WEEKDAYS)} (of ma, di, wo, …).")


@datatype
class Series:
    """What the facilitator asks for: the first day, how many bijeenkomsten, every how many weeks, at what hour."""

    first: date
    """The day of the first meeting (the kick-off); with `weekday`, the first such weekday from this day on."""
    count: int
    """The number of bijeenkomsten between the kick-off and the evaluatie."""
    every: int
    """Weeks from one meeting to the next."""
    start: str
    """The hour, "UU:MM"."""
    weekday: int | None = None
    """0 (maandag) … 6 (zondag); None: the weekday of `first`."""
    kickoff: bool = True
    evaluation: bool = True

    def check(self) -> None:
        """A Dutch `PlanError` naming what is wrong."""
        parse_time(self.start)
        if not 1 <= self.count <= MAX_COUNT:
            raise PlanError(f"Het aantal bijeenkomsten moet tussen 1 en {MAX_COUNT} liggen, niet {self.count}.")
        if not 1 <= self.every <= MAX_EVERY:
            raise PlanError(f"Het aantal weken ertussen moet tussen 1 en {MAX_EVERY} liggen, niet {self.every}.")
        if self.weekday is not None and not 0 <= self.weekday <= 6:
            raise PlanError(f"Een weekdag is 0 (maandag) tot en met 6 (zondag), niet {self.weekday}.")

    @property
    def day(self) -> date:
        """The day of the first meeting: `first`, or the first `weekday` from it on."""
        if self.weekday is None:
            return self.first
        return self.first + timedelta(days=(self.weekday - self.first.weekday()) % 7)

    @property
    def kinds(self) -> list[tuple[str, int]]:
        """(template, number) of each meeting in order; bijeenkomsten are numbered from 1, the others 0."""
        return ([(KICKOFF, 0)] if self.kickoff else []) + [(MEETING, number) for number in range(1, self.count + 1)] \
            + ([(EVALUATION, 0)] if self.evaluation else [])

    @property
    def rhythm(self) -> str:
        """"elke 4 weken op dinsdag om 19:30"."""
        weeks = "elke week" if self.every == 1 else f"elke {self.every} weken"
        return f"{weeks} op {WEEKDAYS[self.day.weekday()]} om {clock_text(parse_time(self.start))}"


@datatype
class SeriesMeeting:
    template: str
    """`KICKOFF`, `MEETING` or `EVALUATION`."""
    number: int
    """1… for a bijeenkomst, 0 for the kick-off and the evaluatie."""
    moment: datetime
    """When it starts, in local time with that day's UTC offset."""

    @property
    def label(self) -> str:
        """"Kick-off", "Bijeenkomst 3", "Evaluatie"."""
        return {KICKOFF: "Kick-off", EVALUATION: "Evaluatie"}.get(self.template, f"Bijeenkomst {self.number}")


def series_dates(series: Series, local: Callable[[datetime], datetime]) -> list[SeriesMeeting]:
    """Every meeting of the series with its moment: `series.every` calendar weeks apart, each at `series.start`
    as a wall-clock time, which `local` (a clock's `local`) gives the UTC offset of its own day."""
    series.check()
    minutes = parse_time(series.start)
    hour = time(minutes // 60, minutes % 60)
    kinds = series.kinds
    if not kinds:
        raise PlanError("Een reeks heeft minstens één bijeenkomst.")
    last = series.day + timedelta(weeks=series.every * (len(kinds) - 1))
    if last.year > LATEST_YEAR:
        raise PlanError(f"De reeks loopt tot na {LATEST_YEAR}: kies een eerdere datum.")
    return [SeriesMeeting(template, number,
                          local(datetime.combine(series.day + timedelta(weeks=series.every * index), hour)))
            for index, (template, number) in enumerate(kinds)]


def series_plans(series: Series, *, network_id: str, network_name: str, theme: str, templates: TemplateCatalogue,
                 local: Callable[[datetime], datetime]) -> list[MeetingPlan]:
    """The plans of the series for a network (not saved yet): named by day, label and network
    ("2027-02-09 Bijeenkomst 1 · Zorgnetwerk Zuid"), titled by network and label, with the network's theme."""
    plans = []
    for meeting in series_dates(series, local):
        try:
            template = templates.get(meeting.template)
        except KeyError as error:
            raise PlanError(error.args[0]) from None
        day = meeting.moment.date()
        plan = MeetingPlan.from_template(template, name=f"{day.isoformat()} {meeting.label} · {network_name}",
                                         title=f"{network_name} · {meeting.label}",
                                         start=f"{meeting.moment:%H:%M}", network=network_id)
        plan.date, plan.theme = day, theme
        plans.append(plan)
    return plans


def save_series(plans: list[MeetingPlan], store: PlanStore) -> list[Path]:
    """Write every plan of a series, or none: when a file of one is already there, a Dutch `PlanError` names
    them and nothing is written."""
    taken = [path.name for path in (store.path(plan) for plan in plans) if path.exists()]
    if taken:
        named = ", ".join(taken[:3]) + (f" en {len(taken) - 3} meer" if len(taken) > 3 else "")
        raise PlanError(f"Er staan al planningen voor deze reeks in {store.folder} ({named}); er is niets "
                        "overschreven. Kies een andere eerste datum, of gooi die planningen eerst weg.")
    return [store.save(plan) for plan in plans]


def series_summary(series: Series, plans: list[MeetingPlan]) -> list[str]:
    """What was planned, one line per plan ("  dinsdag 12 januari 2027, 19:30–21:25  Zuid · Kick-off  [file stem]"),
    after a line with the series' rhythm."""
    lines = [f"{count_text(len(plans), 'planning', 'planningen')}, {series.rhythm}:"]
    lines += [f"  {dutch_date(plan.date)}, {plan.start}–{plan.end}  {plan.title}  [{plan_id(plan.name)}]"
              for plan in plans if plan.date]
    return lines


def conditions_lines() -> list[str]:
    """The randvoorwaarden to arrange, as lines to show ("Plaats: waar komen jullie samen, of online?")."""
    return [f"{what}: {question}" for what, question in CONDITIONS]


__all__ = ["CONDITIONS", "EVALUATION", "KICKOFF", "MEETING", "Series", "SeriesMeeting", "conditions_lines",
           "parse_weekday", "save_series", "series_dates", "series_plans", "series_summary"]
