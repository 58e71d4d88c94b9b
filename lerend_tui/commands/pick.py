"""The `pick` command: draw a fitting work format, less likely the more recently the group used it.

Only reads (the catalogue and the meetings), so it also works on a read-only data dir.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterable, Sequence

from lerend_tui.catalogue.picker import Draw, Filters, candidates, explain_empty, recency_weights, recent_use
from lerend_tui.catalogue.workforms import Catalogue, Workform
from lerend_tui.commands.shared import print_json, quiet_broken_pipe, warn
from lerend_tui.commands.workforms import brief, load
from lerend_tui.common.paths import Paths
from lerend_tui.storage.meetings import MeetingStore


def recent_workforms(store: MeetingStore) -> list[list[str]]:
    """The work-format ids each stored meeting ran, newest meeting first (the input of `recency_weights`).

    A meeting without work formats still counts as a meeting: it makes earlier use less recent.
    Unreadable meeting files are left out; they say nothing reliable about what the group did.
    """
    return store.history().used


def draw_one(catalogue: Catalogue | Iterable[Workform], filters: Filters, used: Sequence[Sequence[str]],
             rng: random.Random) -> tuple[Workform | None, int]:
    """One fitting work format, weighed down by recent use (`used`: ids per meeting, newest first),
    and how many fitted; `None` when nothing fits."""
    fitting = candidates(catalogue, filters)
    if not fitting:
        return None, 0
    return Draw(fitting, rng, recency_weights(used)).next(), len(fitting)


@quiet_broken_pipe
def run(args: argparse.Namespace, paths: Paths) -> int:
    filters = Filters(phase=args.phase, people=args.people, minutes=args.minutes)
    catalogue = load(paths)
    used = recent_workforms(MeetingStore.of(paths))
    chosen, out_of = draw_one(catalogue, filters, used, random.Random(args.seed))
    if chosen is None:
        warn(explain_empty(catalogue, filters))
        return 1
    if args.json:
        print_json(chosen.to_json())
    else:
        print(brief(chosen, out_of=out_of, age=recent_use(used).get(chosen.id)))
    return 0
