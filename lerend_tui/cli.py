"""The `lerend-tui` command: argument parsing, friendly Dutch errors, and starting the app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .clock import SystemClock
from .meeting import Meeting, SetupError, new_meeting_record, parse_participants, parse_start
from .paths import DataDirError, Paths
from .plan import DEFAULT_TEMPLATE, TemplateCatalogue, load_templates
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
    from .app import LerendApp

    paths = Paths.resolve(args.data_dir)
    paths.check_usable()
    clock = SystemClock()
    templates = load_templates(paths.templates)
    meeting = path = None
    if args.command == "start":
        for problem in templates.problems:
            print(f"lerend-tui: sjabloon overgeslagen: {problem}", file=sys.stderr)
        meeting, path = prepare_meeting(args, paths, clock, templates)
    LerendApp(paths, clock=clock, meeting=meeting, meeting_path=path, templates=templates).run()
    return 0


def prepare_meeting(args: argparse.Namespace, paths: Paths, clock: SystemClock, templates: TemplateCatalogue):
    store = MeetingStore(paths.meetings)
    if args.resume:
        latest = store.latest_unfinished()
        if latest is None:
            raise CliError(f"Er is geen onderbroken bijeenkomst in {paths.meetings}.")
        return Meeting(latest.record, clock, templates.templates.get(latest.record.template)), latest.path
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
    return Meeting(record, clock, template), store.create(record)


if __name__ == "__main__":
    sys.exit(main())
