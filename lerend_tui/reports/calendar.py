"""Plans as an iCalendar file (RFC 5545) for the participants' mail and calendar programs: one event per
meeting with its title, its time, its place (the network's when the plan names none) and the agenda.

The format is written by the `icalendar` library (folding, escaping of commas, semicolons and newlines, CRLF
line ends). Times are written in UTC: a plan's day and start time are a wall-clock time where the
facilitator is (`Clock.local` gives it the UTC offset of its own day, summer or winter time), and a UTC time
puts the meeting at the right local hour in every calendar program, without a time-zone definition that a
system zone without a name (`datetime.astimezone()`) could not give. Each event's UID comes from the plan's
file and its network, so importing the file again updates the events instead of adding them twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from icalendar import Calendar, Event, vText

from lerend_tui import __version__
from lerend_tui.common.sanitise import clean
from lerend_tui.plans.plan import MeetingPlan, PlanError, plan_id, text_agenda

if TYPE_CHECKING:
    from lerend_tui.catalogue.workforms import Catalogue
    from lerend_tui.common.clock import Clock
    from lerend_tui.network.store import Network

PRODID = f"-//lerend-tui//lerend-tui {__version__}//NL"
UID_DOMAIN = "lerend-tui"


def with_place(plan: MeetingPlan, network: Network | None) -> MeetingPlan:
    """The plan as the participants are told of it: with its network's place when it names none itself."""
    if plan.place or network is None or not network.place:
        return plan
    return replace(plan, place=network.place)


def event_uid(plan: MeetingPlan) -> str:
    """The plan's own UID: its file's name (which a rename in the program keeps) and its network's id."""
    stem = plan.path.stem if plan.path is not None else plan_id(plan.name)
    return f"plan-{stem}{'.' + plan.network if plan.network else ''}@{UID_DOMAIN}"


def meeting_times(plan: MeetingPlan, clock: Clock) -> tuple[datetime, datetime]:
    """Start and end of a dated plan, in UTC: the start a wall-clock time on its day, the end its phases'
    minutes later (so a meeting across a change to or from summer time lasts its minutes)."""
    if plan.date is None:
        raise PlanError(f"De planning '{plan.name}' heeft nog geen datum: zonder dag kan ze niet in een agenda. "
                        "Geef haar een datum op het planningsscherm (Datum) of in haar bestand (date = 2026-12-08).")
    start = plan.start_on(plan.date, clock).astimezone(UTC)
    return start, start + timedelta(minutes=plan.total_minutes)


def calendar_text(plans: Sequence[MeetingPlan], clock: Clock, *, catalogue: Catalogue | None = None,
                  name: str = "") -> str:
    """The iCalendar file of `plans` (each with a date; a `PlanError` otherwise), one VEVENT each, with CRLF
    line ends; `name` names the calendar (X-WR-CALNAME) in programs that show one."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", vText(clean(name)))  # vText: escaped as the standard properties are
    stamp = clock.now().astimezone(UTC).replace(microsecond=0)
    for plan in plans:
        start, end = meeting_times(plan, clock)
        event = Event()
        event.add("uid", event_uid(plan))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", clean(plan.title))
        if plan.place:
            event.add("location", clean(plan.place))
        event.add("description", text_agenda(plan, catalogue).rstrip("\n"))  # cleaned by `text_agenda`
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def plan_calendar(plan: MeetingPlan, network: Network | None, clock: Clock, *,
                  catalogue: Catalogue | None = None) -> str:
    """One plan as a calendar file, at its network's place unless it names its own; a plan without a date is
    refused with a Dutch `PlanError`."""
    return calendar_text([with_place(plan, network)], clock, catalogue=catalogue)


def network_calendar(network: Network, plans: Sequence[MeetingPlan], clock: Clock, *,
                     catalogue: Catalogue | None = None) -> tuple[str, list[MeetingPlan]]:
    """The network's planned meetings (those of `plans` in it that have a date, by day and time) as a calendar
    file, and the network's plans that were left out for having no date. With none dated, a Dutch `PlanError`."""
    own = [plan for plan in plans if plan.network == network.id]
    dated = sorted((plan for plan in own if plan.date is not None), key=lambda plan: (plan.date, plan.start))
    undated = [plan for plan in own if plan.date is None]
    if not dated:
        undated_words = f" (nog zonder datum: {plan_names(undated)})" if undated else ""
        raise PlanError(f"Het netwerk '{network.name}' heeft nog geen geplande bijeenkomst met een datum"
                        f"{undated_words}. Geef een planning een datum op het planningsscherm, of maak er een met "
                        f"'lerend-tui plan --network {network.id}'.")
    text = calendar_text([with_place(plan, network) for plan in dated], clock, catalogue=catalogue, name=network.name)
    return text, undated


def plan_names(plans: Sequence[MeetingPlan]) -> str:
    """"'Bijeenkomst 3', 'Evaluatie'": the plans named in a Dutch message."""
    return ", ".join(f"'{plan.name}'" for plan in plans)


__all__ = ["calendar_text", "event_uid", "meeting_times", "network_calendar", "plan_calendar", "plan_names",
           "with_place"]
