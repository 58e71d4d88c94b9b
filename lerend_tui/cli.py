"""The `lerend-tui` command: argument parsing, friendly Dutch errors, and starting the app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .clock import SystemClock
from .meeting import SetupError, new_meeting_record, parse_participants, parse_start
from .paths import DataDirError, Paths
from .plan import DEFAULT_TEMPLATE, TemplateCatalogue, load_templates
from .record import MeetingRecord
from .settings import config_path, load_settings
from .storage import MeetingStore
from .validation import DataError


# argparse speaks English; the facilitator reads Dutch. argparse looks its phrases up through its
# module-level `_`, so giving it a Dutch lookup translates usage, help and errors alike.
_DUTCH = {
    "usage: ": "gebruik: ",
    "options": "opties",
    "positional arguments": "argumenten",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "verwacht één waarde",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
}
argparse._ = lambda text: _DUTCH.get(text, text)


class CliError(Exception):
    """A problem the user can fix; printed in Dutch, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lerend-tui",
        description="Begeleid een bijeenkomst van een lerend netwerk: fasen, timers en notities. "
        "Zonder opdracht opent het startscherm.",
    )
    parser.add_argument("--version", action="version", version=f"lerend-tui {__version__}",
                        help="toon het versienummer en stop")
    parser.add_argument(
        "--data-dir", metavar="MAP",
        help="map voor bijeenkomsten, sjablonen en werkvormen (anders $LEREND_TUI_HOME of de standaardmap)",
    )
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT", title="opdrachten")
    start = commands.add_parser("start", help="start meteen een bijeenkomst", description="Start een bijeenkomst.")
    start.add_argument("--template", default=DEFAULT_TEMPLATE, metavar="NAAM",
                       help=f"het sjabloon (standaard: {DEFAULT_TEMPLATE})")
    start.add_argument("--title", default="", metavar="TITEL", help="de titel van de bijeenkomst")
    start.add_argument("--participants", default="", metavar='"A, B, C"', help="de deelnemers, met komma's ertussen")
    start.add_argument("--at", default="", metavar="UU:MM", help="de geplande starttijd (standaard: nu)")
    start.add_argument("--resume", action="store_true", help="ga verder met de laatste onderbroken bijeenkomst")
    commands.add_parser(
        "beamer", help="de weergave voor de zaal: volgt de bijeenkomst die in een ander venster loopt",
        description="Toon op de beamer de lopende bijeenkomst uit dezelfde datamap. Start dit in een tweede "
        "terminal (die op de projector); het volgt elke start, pauze, stap en fase vanzelf.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except (CliError, SetupError, DataDirError, DataError) as error:
        print(f"lerend-tui: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def run(args: argparse.Namespace) -> int:
    paths = Paths.resolve(args.data_dir)
    paths.check_usable()
    if args.command == "beamer":
        from .app import FollowerApp

        FollowerApp(paths).run()
        return 0
    from .app import LerendApp

    settings, problems = load_settings(config_path(paths))
    templates = load_templates(paths.templates)
    open_meeting = None
    if args.command == "start":
        for problem in [*problems, *templates.problems]:
            print(f"lerend-tui: overgeslagen: {problem}", file=sys.stderr)
        open_meeting = prepare_meeting(args, paths, SystemClock(), templates)
    LerendApp(paths, open_meeting=open_meeting, templates=templates, settings=settings, problems=problems).run()
    return 0


def prepare_meeting(
    args: argparse.Namespace, paths: Paths, clock: SystemClock, templates: TemplateCatalogue
) -> tuple[MeetingRecord, Path]:
    """The meeting `start` opens: the last unfinished one (`--resume`) or a new one, already on disk."""
    store = MeetingStore(paths.meetings)
    if args.resume:
        latest = store.latest_unfinished()
        if latest is None:
            raise CliError(f"Er is geen onderbroken bijeenkomst in {paths.meetings}.")
        return latest.record, latest.path
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
    return record, store.create(record)


if __name__ == "__main__":
    sys.exit(main())
