"""The `notes` command: list the meetings, show one's report, export it as Markdown.

These only read the meetings (export writes only the file it is asked to).
"""

from __future__ import annotations

import argparse

from lerend_tui.catalogue.workforms import load_catalogue
from lerend_tui.commands.shared import CliError, deliver, print_json, quiet_broken_pipe, stored_meetings, warn_each
from lerend_tui.common.paths import Paths
from lerend_tui.reports.meeting import markdown_report
from lerend_tui.reports.review import summarize


@quiet_broken_pipe
def run(args: argparse.Namespace, paths: Paths) -> int:
    meetings, problems = stored_meetings(paths)
    warn_each("onleesbaar", problems)
    if args.notes_command == "list":
        summaries = [summarize(stored) for stored in meetings]
        if args.json:
            print_json([summary.to_json() for summary in summaries])
        else:
            for summary in summaries:
                print(f"{summary.id:<44} {summary.title}  ·  {summary.progress}  ·  {summary.items_text}")
        return 0
    stored = next((stored for stored in meetings if stored.id == args.id), None)
    if stored is None:
        raise CliError(f"Geen bijeenkomst '{args.id}' in {paths.meetings_folder}; 'lerend-tui notes list' toont ze.")
    report = markdown_report(stored.record, getattr(args, "zonder", ()),
                             workform_name=load_catalogue(paths.workforms_folder).name_of)
    deliver(report, getattr(args, "output", None), "Verslag")
    return 0
