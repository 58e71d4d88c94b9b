"""The `plan` command: `list`, `export` and `series` here; `plan [--template] [--network]` and `plan edit` open the
plan screens, on what `opening` checked first.

The plan screens load the plans themselves, so `opening` loads only what a name it checks needs, and the
rest loads only for `list` and `export`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lerend_tui.commands.shared import CliError, deliver, print_json, quiet_broken_pipe, warn, warn_each
from lerend_tui.common.clock import SystemClock
from lerend_tui.common.paths import Paths

if TYPE_CHECKING:
    from lerend_tui.network.store import Network
    from lerend_tui.plans.plan import MeetingPlan, PlanStore
    from lerend_tui.templates import TemplateCatalogue


@quiet_broken_pipe
def run(args: argparse.Namespace, paths: Paths) -> int:
    """`list` and `export` only read the plans (export writes only the file it is asked to); `export --ics` as an
    iCalendar file, at the network's place unless the plan names its own."""
    from lerend_tui.catalogue.workforms import load_catalogue
    from lerend_tui.plans.plan import PlanStore, by_day, markdown_agenda, text_agenda

    store = PlanStore.of(paths)
    if args.plan_command == "series":
        return series(args, paths, store)
    if args.plan_command == "list":
        plans, problems = store.scan()
        clock = SystemClock()
        plans = by_day(plans, clock.local(clock.now()).date())
        warn_each("onleesbaar", problems)
        if args.json:
            print_json([
                {"id": plan.path.stem if plan.path else "", "name": plan.name, "title": plan.title,
                 "template": plan.template, "start": plan.start, "end": plan.end,
                 "date": plan.date.isoformat() if plan.date else None, "phases": len(plan.phases),
                 "minutes": plan.total_minutes, "available_minutes": plan.available_minutes,
                 "overrun_minutes": plan.overrun_minutes, "theme": plan.theme, "goal": plan.goal,
                 "participants": plan.participants, "network": plan.network or None, "place": plan.place or None,
                 "path": str(plan.path) if plan.path else None}
                for plan in plans])
        else:
            for plan in plans:
                stem = plan.path.stem if plan.path else ""
                over = f"  ·  loopt {plan.overrun_minutes} min uit" if plan.overrun_minutes else ""
                print(f"{stem:<30} {plan.name}  ·  {len(plan.phases)} fasen  ·  {plan.start}–{plan.end}{over}")
        return 0
    plan = store.find(args.name)
    catalogue = load_catalogue(paths.workforms_folder)
    missing = [p.workform for p in plan.phases if p.workform and p.workform not in catalogue.workforms]
    for workform in dict.fromkeys(missing):
        warn(f"let op: werkvorm '{workform}' staat niet in de catalogus")
    if args.ics:
        from lerend_tui.reports.calendar import plan_calendar

        calendar = plan_calendar(plan, plan_network(plan, paths), SystemClock(), catalogue=catalogue)
        deliver(calendar, args.output, "Kalenderbestand", line_ends_kept=True)
        return 0
    agenda = text_agenda(plan, catalogue) if args.tekst else markdown_agenda(plan, catalogue)
    deliver(agenda, args.output, "Agenda", end="" if agenda.endswith("\n") else "\n")
    return 0


def plan_network(plan: MeetingPlan, paths: Paths) -> Network | None:
    """The plan's network, for its place; one that cannot be read is named on stderr and the plan goes without."""
    if not plan.network:
        return None
    from lerend_tui.common.validation import DataError
    from lerend_tui.network.store import NetworkError, NetworkStore

    try:
        return NetworkStore.of(paths).load(plan.network)
    except (OSError, DataError, NetworkError) as error:
        warn(f"let op: het netwerk '{plan.network}' van deze planning is niet te lezen ({error}); "
             "de plaats van het netwerk ontbreekt")
        return None


def series(args: argparse.Namespace, paths: Paths, store: PlanStore) -> int:
    """`plan series`: the network's series written as plans (all or none), what was made, and the randvoorwaarden
    to arrange for it."""
    from lerend_tui.network.store import NetworkStore
    from lerend_tui.plans.plan import DEFAULT_START, PlanError, parse_date
    from lerend_tui.plans.series import (
        Series,
        conditions_lines,
        parse_weekday,
        save_series,
        series_plans,
        series_summary,
    )
    from lerend_tui.templates import load_templates

    network = NetworkStore.of(paths).find(args.network)
    first = parse_date(args.first)
    if first is None:
        raise PlanError("Geef met --first de dag van de eerste bijeenkomst, bijvoorbeeld 2027-01-12.")
    asked = Series(first, args.count, args.every, args.time or DEFAULT_START,
                   parse_weekday(args.weekday) if args.weekday.strip() else None,
                   kickoff=not args.zonder_kickoff, evaluation=not args.zonder_evaluatie)
    plans = series_plans(asked, network_id=network.id, network_name=network.name, theme=network.theme,
                         templates=load_templates(paths.templates), local=SystemClock().local)
    save_series(plans, store)
    summary = series_summary(asked, plans)
    print(f"Voor {network.name} gemaakt: {summary[0]}", *summary[1:], sep="\n")
    print(f"Vorm ze een voor een met 'lerend-tui plan edit NAAM'; ze staan in {store.folder}.")
    print("Regel hiervoor deze randvoorwaarden, en bespreek ze op de kick-off:",
          *(f"  - {line}" for line in conditions_lines()), sep="\n")
    return 0


def opening(args: argparse.Namespace, paths: Paths, templates: TemplateCatalogue) -> dict[str, object]:
    """What `plan [--template] [--network]` or `plan edit NAME` opens on (the `PlansScreen`'s arguments),
    checked before the screen opens so a wrong name gets a Dutch message and exit code 2."""
    if args.plan_command == "edit":
        from lerend_tui.plans.plan import PlanStore

        return {"plan": PlanStore.of(paths).find(args.name)}
    if args.template:
        try:
            templates.get(args.template)
        except KeyError as error:
            raise CliError(error.args[0]) from None
    network = ""
    if args.network:
        from lerend_tui.network.store import NetworkStore

        network = NetworkStore.of(paths).find(args.network).id
    return {"template": args.template, "network": network, "make": bool(args.template or network)}
