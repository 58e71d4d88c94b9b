"""The `start` command's meeting: the last unfinished one (`--resume`), one from a plan (`--plan`), or a new
one from a template, in a learning network (`--network`) or not, already on disk when the app opens on it.

Measured at every launch (`benchmarks/launch.py`): the plans and networks load only when they are asked for.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from lerend_tui.commands.shared import CliError
from lerend_tui.common.clock import SystemClock
from lerend_tui.common.paths import Paths
from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.meeting.running import SetupError, new_meeting_record, parse_participants, parse_start
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.templates import DEFAULT_TEMPLATE, TemplateCatalogue

if TYPE_CHECKING:
    from lerend_tui.plans.plan import MeetingPlan


def prepare_meeting(
    args: argparse.Namespace, paths: Paths, clock: SystemClock, templates: TemplateCatalogue
) -> tuple[MeetingRecord, Path]:
    """The meeting `start` opens: the last unfinished one (`--resume`) or a new one, already on disk."""
    store = MeetingStore.of(paths, make=True)
    if args.plan and args.resume:
        raise CliError("Kies --plan of --resume, niet allebei.")
    if args.plan and args.template != DEFAULT_TEMPLATE:
        raise CliError("Kies --plan of --template, niet allebei: een planning heeft haar eigen fasen.")
    plan = None
    if args.plan:
        from lerend_tui.plans.plan import PlanStore

        plan = PlanStore.of(paths).find(args.plan)
    network = networks = None
    network_name = args.network or (plan.network if plan else "")
    if network_name:
        from lerend_tui.network.store import NetworkStore

        networks = NetworkStore.of(paths)
        network = networks.find(network_name)
    if args.resume:
        latest = store.latest_unfinished(network.id if network else None)
        if latest is None:
            where = f" van netwerk '{network.name}'" if network else ""
            raise CliError(f"Er is geen onderbroken bijeenkomst{where} in {paths.meetings}.")
        return latest.record, latest.path
    if plan is not None:
        record = _record_from_plan(plan, args, clock)
    else:
        try:
            template = templates.get(args.template)
        except KeyError as error:
            raise CliError(error.args[0]) from None
        record = new_meeting_record(
            template,
            title=args.title,
            participants=parse_participants(args.participants),
            planned_start=parse_start(args.at, clock),
        )
    if network is None or networks is None:  # found together
        return record, store.create(record)
    from lerend_tui.network.exchange import create_in_network

    return record, create_in_network(record, network, store, networks)


def _record_from_plan(plan: MeetingPlan, args: argparse.Namespace, clock: SystemClock) -> MeetingRecord:
    """A new meeting that runs the plan; `--title`, `--participants` and `--at` override the plan's. Without
    `--at`, a plan started far from its time runs its schedule from now (`plan_to_record`)."""
    from lerend_tui.plans.plan import plan_to_record

    title = " ".join(args.title.split())
    if title and not title.isprintable():
        raise SetupError("De titel bevat tekens die niet te tonen zijn.")
    chosen = bool(args.at.strip())
    planned_start = parse_start(args.at, clock) if chosen else plan.planned_start(clock)
    participants = parse_participants(args.participants) or plan.participants
    return plan_to_record(plan, planned_start=planned_start, participants=participants, title=title,
                          now=None if chosen else clock.local(clock.now()))
