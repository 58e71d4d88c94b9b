"""The `notes` command: list the meetings, search them, show one's report, export it as Markdown.

These only read the meetings (export writes only the file it is asked to), through the meeting index
(`storage.index`), which each brings up to date first: a file edited a moment ago is seen.
"""

from __future__ import annotations

import argparse

from lerend_tui.catalogue.workforms import load_catalogue
from lerend_tui.commands.shared import CliError, deliver, meeting_store, print_json, quiet_broken_pipe, warn_each
from lerend_tui.common.paths import Paths
from lerend_tui.reports.meeting import markdown_report
from lerend_tui.reports.review import summarize
from lerend_tui.storage.index import Hit


@quiet_broken_pipe
def run(args: argparse.Namespace, paths: Paths) -> int:
    index = meeting_store(paths).index
    if args.notes_command == "search":
        ids, network = _network(paths, args.network)
        return _search(args, paths, index.search(args.query, ids=ids, network=network))
    listing = index.listing()
    warn_each("onleesbaar", listing.problems)
    for meeting, copies in listing.conflicts.items():
        warn_each("conflict", [f"{copy} is een kopie van {meeting}.toml die een synchronisatieprogramma maakte; "
                               "kies welke blijft" for copy in copies])
    if args.notes_command == "list":
        summaries = [summarize(facts) for facts in listing.meetings]
        if args.json:
            print_json([summary.to_json() for summary in summaries])
        else:
            for summary in summaries:
                print(f"{summary.id:<44} {summary.title}  ·  {summary.progress}  ·  {summary.items_text}")
        return 0
    record = index.record(args.id)
    if record is None:
        raise CliError(f"Geen bijeenkomst '{args.id}' in {paths.meetings_folder}; 'lerend-tui notes list' toont ze.")
    report = markdown_report(record, getattr(args, "zonder", ()),
                             workform_name=load_catalogue(paths.workforms_folder).name_of)
    deliver(report, getattr(args, "output", None), "Verslag")
    return 0


def _network(paths: Paths, name: str) -> tuple[list[str], str]:
    """`--network`: the meetings its file lists, and its id (its meetings are also those that name it)."""
    if not name:
        return [], ""
    from lerend_tui.network.store import NetworkStore

    network = NetworkStore.of(paths).find(name)
    return network.meetings, network.id


def _search(args: argparse.Namespace, paths: Paths, hits: list[Hit]) -> int:
    """Every phase of every meeting that holds the words, best first; exit code 1 when none does."""
    if args.json:
        print_json([hit_json(hit) for hit in hits])
    else:
        for hit in hits:
            where = hit.phase_title or "titel en deelnemers"
            found = "".join(f"«{text}»" if marked else text for text, marked in hit.parts)
            print(f"{hit.meeting.id}  ·  {where}\n    {found}")
        if not hits:
            print(f"Niets gevonden voor '{args.query}' in {paths.meetings_folder}.")
    return 0 if hits else 1


def hit_json(hit: Hit) -> dict[str, object]:
    summary = summarize(hit.meeting)
    return {"id": summary.id, "title": summary.title, "date": summary.when.date().isoformat(),
            "phase": hit.phase_title, "phase_number": None if hit.phase is None else hit.phase + 1,
            "snippet": hit.text}
