"""The `lerend-tui` command: argument parsing, friendly Dutch errors, and starting the app."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from lerend_tui import __version__
from lerend_tui.common.clock import SystemClock
from lerend_tui.common.crash import crash_line, describe, write_crash_log
from lerend_tui.meeting.running import SetupError, new_meeting_record, parse_participants, parse_start
from lerend_tui.common.paths import DataDirError, Paths
from lerend_tui.templates import DEFAULT_TEMPLATE, PHASE_KINDS, TemplateCatalogue, load_templates
from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.common.sanitise import clean
from lerend_tui.common.settings import config_path, load_settings
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.common.validation import DataError

if TYPE_CHECKING:
    from lerend_tui.app import GuardedApp, LerendApp
    from lerend_tui.plans.plan import MeetingPlan


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


CRASHED = 70  # EX_SOFTWARE: the program itself failed


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
    start.add_argument("--plan", default="", metavar="NAAM|BESTAND",
                       help="start een voorbereide planning (uit <datamap>/plans/ of een .toml-bestand): "
                       "met haar fasen, minuten en werkvormen")
    start.add_argument("--network", default="", metavar="NETWERK",
                       help="start de bijeenkomst in dit lerend netwerk: met zijn deelnemers (tenzij --participants), "
                       "en met de stok achter de deur en acties van de vorige keer")
    commands.add_parser(
        "beamer", help="de weergave voor de zaal: volgt de bijeenkomst die in een ander venster loopt",
        description="Toon op de beamer de lopende bijeenkomst uit dezelfde datamap. Start dit in een tweede "
        "terminal (die op de projector); het volgt elke start, pauze, stap en fase vanzelf.",
    )
    add_workform_parsers(commands)
    add_notes_parsers(commands)
    add_network_parsers(commands)
    add_plan_parsers(commands)
    return parser


def positive_int(text: str) -> int:
    """argparse type for counts: a whole number of at least 1, with a Dutch message otherwise."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"verwacht een positief geheel getal (1 of meer), maar kreeg '{text}'")
    return value


def add_workform_parsers(commands: argparse._SubParsersAction) -> None:
    """`workforms list|show|check` and `pick` (implemented in `workform_commands`)."""
    phase_help = f"fase: {', '.join(PHASE_KINDS)}"
    workforms = commands.add_parser(
        "workforms", help="de werkvormen bekijken en controleren",
        description="De catalogus van werkvormen: de ingebouwde en je eigen bestanden in <datamap>/workforms/ "
        "(een eigen bestand met dezelfde id vervangt een ingebouwde werkvorm).",
    )
    sub = workforms.add_subparsers(dest="workforms_command", metavar="OPDRACHT", title="opdrachten", required=True)
    listing = sub.add_parser("list", help="alle werkvormen, één per regel",
                             description="Toon alle werkvormen: id, naam, fasen, groepsgrootte en minuten. "
                             "Eigen werkvormen zijn gemarkeerd met 'eigen'.")
    listing.add_argument("--phase", choices=PHASE_KINDS, metavar="FASE", help=f"alleen werkvormen voor deze {phase_help}")
    listing.add_argument("--json", action="store_true", help="als JSON: een lijst met een object per werkvorm")
    show = sub.add_parser("show", help="één werkvorm volledig, met alle stappen",
                          description="Toon één werkvorm volledig: samenvatting, fasen, groep, duur, rollen, "
                          "materiaal, de stappen met minuten en instructie, en de bron.")
    show.add_argument("id", metavar="ID", help="de id van de werkvorm, zoals troika-consulting")
    show.add_argument("--json", action="store_true", help="als JSON-object")
    check = sub.add_parser("check", help="werkvormbestanden controleren",
                           description="Controleer werkvormbestanden en noem elke fout met bestand en veld. "
                           "Zonder PAD: je eigen map <datamap>/workforms/. Eindigt met code 1 bij een fout.")
    check.add_argument("paths", nargs="*", type=Path, metavar="PAD", help="een .toml-bestand of een map ermee")
    pick = commands.add_parser(
        "pick", help="loot een passende werkvorm",
        description="Loot een werkvorm die past bij de fase, het aantal deelnemers en de beschikbare minuten. "
        "Werkvormen die de groep in de laatste bijeenkomsten gebruikte (volgens <datamap>/meetings/), krijgen "
        "minder kans. Past er niets, dan zegt het welk filter alles uitsluit (code 1).",
    )
    pick.add_argument("--phase", choices=PHASE_KINDS, metavar="FASE", help=f"de {phase_help}")
    pick.add_argument("--people", type=positive_int, metavar="N", help="het aantal deelnemers")
    pick.add_argument("--minutes", type=positive_int, metavar="M", help="de beschikbare minuten")
    pick.add_argument("--seed", type=int, metavar="GETAL", help="startgetal voor het toeval: zelfde getal, zelfde lot")
    pick.add_argument("--json", action="store_true", help="als JSON-object")


def add_notes_parsers(commands: argparse._SubParsersAction) -> None:
    """`notes list|show|export`: the meetings and their reports."""
    notes = commands.add_parser("notes", help="de bijeenkomsten en hun verslagen",
                                description="De bijeenkomsten in <datamap>/meetings/ en hun verslag in Markdown.")
    sub = notes.add_subparsers(dest="notes_command", metavar="OPDRACHT", title="opdrachten", required=True)
    listing = sub.add_parser("list", help="alle bijeenkomsten, de nieuwste eerst",
                             description="Alle bijeenkomsten; onleesbare bestanden worden met pad en regel gemeld.")
    listing.add_argument("--json", action="store_true", help="als JSON")
    show = sub.add_parser("show", help="het verslag van één bijeenkomst", description="Toon het verslag.")
    show.add_argument("id", metavar="ID", help="de bijeenkomst: de bestandsnaam zonder .toml (zie notes list)")
    export = sub.add_parser("export", help="het verslag als Markdown-bestand, om te mailen",
                            description="Schrijf het verslag van een bijeenkomst als Markdown, geschikt om te mailen.")
    export.add_argument("id", metavar="ID", help="de bijeenkomst (zie notes list)")
    export.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (anders: het scherm)")
    export.add_argument("--zonder", nargs="+", default=[], metavar="FASE",
                        help="fasen die vertrouwelijk zijn en buiten het verslag blijven (soort of titel)")


def add_network_parsers(commands: argparse._SubParsersAction) -> None:
    """`network new|list|show|report` (implemented in `network_commands`, loaded only for them)."""
    network = commands.add_parser(
        "network", help="lerende netwerken: deelnemers, leervragen, afspraken en bijeenkomsten",
        description="Een lerend netwerk over zijn bijeenkomsten heen: één bestand per netwerk in "
        "<datamap>/networks/. Start een bijeenkomst erin met 'lerend-tui start --network NAAM'.",
    )
    sub = network.add_subparsers(dest="network_command", metavar="OPDRACHT", title="opdrachten", required=True)
    new = sub.add_parser("new", help="maak een nieuw netwerk", description="Maak een nieuw lerend netwerk aan.")
    new.add_argument("name", metavar="NAAM", help="de naam van het netwerk")
    new.add_argument("--theme", default="", metavar="THEMA", help="het thema van het netwerk")
    new.add_argument("--participants", default="", metavar='"A, B, C"', help="de deelnemers, met komma's ertussen")
    listing = sub.add_parser("list", help="alle netwerken",
                             description="Alle netwerken; onleesbare bestanden worden met pad en regel gemeld.")
    listing.add_argument("--json", action="store_true", help="als JSON: een lijst met een object per netwerk")
    show = sub.add_parser("show", help="één netwerk: deelnemers, leervragen, afspraken, bijeenkomsten en trends",
                          description="Toon een netwerk: thema, deelnemers met hun leervragen, afspraken, "
                          "bijeenkomsten met aanwezigheid en ROTI, en wat de volgende keer terugkomt.")
    show.add_argument("name", metavar="NAAM", help="de naam van het netwerk (of de bestandsnaam zonder .toml)")
    report = sub.add_parser("report", help="het verslag van het hele netwerk, in Markdown",
                            description="Schrijf het verslag van het hele netwerk als Markdown: wat bereikt is, "
                            "deelnemers, afspraken, bijeenkomsten, stok achter de deur, leervragen en rollen.")
    report.add_argument("name", metavar="NAAM", help="de naam van het netwerk")
    report.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (anders: het scherm)")


def add_plan_parsers(commands: argparse._SubParsersAction) -> None:
    """`plan [--template] [--network]` opens the plan screens; `plan edit|list|export` (the last two are
    implemented in `run_plan_command`; `meeting_plan` loads only for them)."""
    plan = commands.add_parser(
        "plan", help="bereid een bijeenkomst voor: de planning en de agenda",
        description="Planningen van bijeenkomsten: één bestand per planning in <datamap>/plans/. Zonder "
        "opdracht opent het planningsscherm; met --template of --network meteen op een nieuwe planning. "
        "Start een planning met 'lerend-tui start --plan NAAM' of F5 op het planningsscherm.",
    )
    plan.add_argument("--template", default="", metavar="NAAM", help="een nieuwe planning van dit sjabloon")
    plan.add_argument("--network", default="", metavar="NETWERK", help="een nieuwe planning voor dit lerend netwerk")
    sub = plan.add_subparsers(dest="plan_command", metavar="OPDRACHT", title="opdrachten")
    edit = sub.add_parser("edit", help="open een planning op het planningsscherm",
                          description="Open een bestaande planning op het planningsscherm.")
    edit.add_argument("name", metavar="NAAM", help="de planning: haar naam, bestandsnaam of een .toml-bestand")
    listing = sub.add_parser("list", help="alle planningen",
                             description="Alle planningen; onleesbare bestanden worden met pad en veld gemeld.")
    listing.add_argument("--json", action="store_true", help="als JSON: een lijst met een object per planning")
    export = sub.add_parser("export", help="de agenda om naar de deelnemers te sturen",
                            description="Schrijf de agenda van een planning: tijden, fasen, wie wat inbrengt en "
                            "de werkvormen. Standaard in Markdown; met --tekst als platte tekst voor in een mail.")
    export.add_argument("name", metavar="NAAM", help="de planning: haar naam, bestandsnaam of een .toml-bestand")
    export.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (anders: het scherm)")
    export.add_argument("--tekst", action="store_true", help="platte tekst in plaats van Markdown")


def run_plan_command(args: argparse.Namespace, paths: Paths) -> int:
    """These only read the plans (export writes only the file it is asked to)."""
    import json

    from lerend_tui.plans.plan import PlanStore, by_day, markdown_agenda, text_agenda
    from lerend_tui.storage.meetings import atomic_write_text
    from lerend_tui.catalogue.workforms import load_catalogue

    store = PlanStore(paths.plans_folder)
    if args.plan_command == "list":
        plans, problems = store.scan()
        clock = SystemClock()
        plans = by_day(plans, clock.local(clock.now()).date())
        for problem in problems:
            print(f"lerend-tui: onleesbaar: {problem}", file=sys.stderr)
        if args.json:
            print(json.dumps([
                {"id": plan.path.stem if plan.path else "", "name": plan.name, "title": plan.title,
                 "template": plan.template, "start": plan.start, "end": plan.end,
                 "date": plan.date.isoformat() if plan.date else None, "phases": len(plan.phases),
                 "minutes": plan.total_minutes, "available_minutes": plan.available_minutes,
                 "overrun_minutes": plan.overrun_minutes, "theme": plan.theme, "goal": plan.goal,
                 "participants": plan.participants, "network": plan.network or None,
                 "path": str(plan.path) if plan.path else None}
                for plan in plans], ensure_ascii=False, indent=2))
        else:
            for plan in plans:
                stem = plan.path.stem if plan.path else ""
                over = f"  ·  loopt {plan.overrun_minutes} min uit" if plan.overrun_minutes else ""
                print(f"{stem:<30} {plan.name}  ·  {len(plan.phases)} fasen  ·  {plan.start}–{plan.end}{over}")
        return 0
    plan = store.find(args.name)
    catalogue = load_catalogue(paths.workforms_folder)
    agenda = text_agenda(plan, catalogue) if args.tekst else markdown_agenda(plan, catalogue)
    missing = [p.workform for p in plan.phases if p.workform and p.workform not in catalogue.workforms]
    for workform in dict.fromkeys(missing):
        print(f"lerend-tui: let op: werkvorm '{workform}' staat niet in de catalogus", file=sys.stderr)
    if args.output:
        atomic_write_text(Path(args.output), agenda)
        print(f"Agenda geschreven naar {args.output}")
    else:
        print(agenda, end="" if agenda.endswith("\n") else "\n")
    return 0


def run_notes_command(args: argparse.Namespace, paths: Paths) -> int:
    """These only read the meetings (export writes only the file it is asked to)."""
    import json

    from lerend_tui.reports.meeting import markdown_report
    from lerend_tui.reports.review import summarize
    from lerend_tui.storage.meetings import MeetingStore, atomic_write_text
    from lerend_tui.catalogue.workforms import load_catalogue

    store = MeetingStore(paths.meetings_folder)
    meetings, problems = store.scan() if store.folder.is_dir() else ([], [])
    for problem in problems:
        print(f"lerend-tui: onleesbaar: {problem}", file=sys.stderr)
    if args.notes_command == "list":
        summaries = [summarize(stored) for stored in meetings]
        if args.json:
            print(json.dumps([summary.to_json() for summary in summaries], ensure_ascii=False, indent=2))
        else:
            for summary in summaries:
                print(f"{summary.id:<44} {summary.title}  ·  {summary.progress}  ·  {summary.items_text}")
        return 0
    stored = next((stored for stored in meetings if stored.id == args.id), None)
    if stored is None:
        raise CliError(f"Geen bijeenkomst '{args.id}' in {store.folder}; 'lerend-tui notes list' toont ze.")
    report = markdown_report(stored.record, getattr(args, "zonder", ()),
                             workform_name=load_catalogue(paths.workforms_folder).name_of)
    if getattr(args, "output", None):
        atomic_write_text(Path(args.output), report)
        print(f"Verslag geschreven naar {args.output}")
    else:
        print(report)
    return 0


def _user_errors() -> tuple[type[Exception], ...]:
    """The problems a user can fix. Python looks at an `except` clause's classes only once something was
    raised, so the learning networks' code loads then, not with every `start`."""
    from lerend_tui.plans.plan import PlanError
    from lerend_tui.network.store import NetworkError

    return CliError, SetupError, DataDirError, DataError, NetworkError, PlanError


class _TerminalSafe:
    """A text stream that passes on what is written to it without control characters (`sanitise.clean`)."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(clean(text))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextmanager
def terminal_safe_output() -> Iterator[None]:
    """Everything the commands print goes through `clean`: a meeting title, a file name or an error message
    from a file reaches the terminal as text, never as an escape sequence it obeys. (The app draws through
    its own stream, `sys.__stderr__`, and is not affected.)"""
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalSafe(sys.stdout), _TerminalSafe(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = streams


def main(argv: Sequence[str] | None = None) -> int:
    """The exit code: 0 only when everything went as asked; 2 for a problem the user can fix, 70 for a
    failure of the program itself (with a crash log and one Dutch line), 128 + n after signal n."""
    with terminal_safe_output():
        args = build_parser().parse_args(argv)
        try:
            return run(args)
        except _user_errors() as error:
            print(f"lerend-tui: {error}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 130
        except Exception as error:  # noqa: BLE001 (no failure of this program ever exits 0, or with a traceback)
            log = write_crash_log(Paths.resolve(args.data_dir).logs, describe(error))
            print(crash_line(log, saved=True), file=sys.stderr)
            return CRASHED


def run_app(app: GuardedApp) -> int:
    """Run a full-screen app; its exit code, with the one Dutch line when it crashed."""
    app.run()
    if app.crash_message:
        print(app.crash_message, file=sys.stderr)
        return CRASHED
    return app.return_code or 0


def run(args: argparse.Namespace) -> int:
    paths = Paths.resolve(args.data_dir)
    if args.command in ("workforms", "pick"):
        return run_workform_command(args, paths)
    if args.command == "notes":
        return run_notes_command(args, paths)
    if args.command == "network":
        from lerend_tui.commands.network import run_network_command

        return run_network_command(args, paths)
    if args.command == "plan" and args.plan_command in ("list", "export"):
        return run_plan_command(args, paths)
    paths.check_usable()
    if args.command == "beamer":
        from lerend_tui.app import FollowerApp

        return run_app(FollowerApp(paths))
    # Starting makes tens of thousands of objects that live as long as the program (Python's and Textual's
    # modules, ours, the templates, the app) and hardly any garbage (some 1,000 objects), yet the garbage
    # collector would walk them over and over while they are made, and all of them in a full pass of some
    # 25 ms just before the first screen is drawn, and again in every later full pass while the facilitator
    # types. So it rests until the app is built, and what exists then is frozen: left out of later passes.
    collecting = gc.isenabled()
    gc.disable()
    try:
        app = build_app(args, paths)
        gc.freeze()
    finally:
        if collecting:
            gc.enable()
    try:
        return run_app(app)
    finally:
        gc.unfreeze()  # for a caller that lives on after `main` (the tests)


def build_app(args: argparse.Namespace, paths: Paths) -> LerendApp:
    """The app for `start` (on the meeting, already on disk), for `plan` (on the plans) or for no command
    (on the home screen)."""
    from lerend_tui.app import make_app

    settings, problems = load_settings(config_path(paths))
    templates = load_templates(paths.templates)
    open_meeting = open_plans = None
    if args.command == "start":
        for problem in [*problems, *templates.problems]:
            print(f"lerend-tui: overgeslagen: {problem}", file=sys.stderr)
        open_meeting = prepare_meeting(args, paths, SystemClock(), templates)
    elif args.command == "plan":
        open_plans = plans_opening(args, paths, templates)
    return make_app(paths, open_meeting=open_meeting, open_plans=open_plans, templates=templates,
                    settings=settings, problems=problems)


def plans_opening(args: argparse.Namespace, paths: Paths, templates: TemplateCatalogue) -> dict[str, object]:
    """What `plan [--template] [--network]` or `plan edit NAME` opens on (the `PlansScreen`'s arguments),
    checked before the screen opens so a wrong name gets a Dutch message and exit code 2."""
    if args.plan_command == "edit":
        from lerend_tui.plans.plan import PlanStore

        return {"plan": PlanStore(paths.plans).find(args.name)}
    if args.template:
        try:
            templates.get(args.template)
        except KeyError as error:
            raise CliError(error.args[0]) from None
    network = ""
    if args.network:
        from lerend_tui.network.store import NetworkStore

        network = NetworkStore(paths.networks_folder).find(args.network).id
    return {"template": args.template, "network": network, "make": bool(args.template or network)}


def run_workform_command(args: argparse.Namespace, paths: Paths) -> int:
    """These only read, so they skip `check_usable` and work on a read-only data dir too."""
    from lerend_tui.commands import workforms as commands
    from lerend_tui.catalogue.picker import Filters

    try:
        if args.command == "pick":
            filters = Filters(phase=args.phase, people=args.people, minutes=args.minutes)
            return commands.pick_command(paths, filters, seed=args.seed, as_json=args.json)
        if args.workforms_command == "list":
            return commands.list_command(paths, phase=args.phase, as_json=args.json)
        if args.workforms_command == "show":
            try:
                return commands.show_command(paths, args.id, as_json=args.json)
            except KeyError as error:  # an unknown id; the catalogue's message is Dutch
                raise CliError(error.args[0]) from None
        return commands.check_command(paths, args.paths)
    except BrokenPipeError:  # `| head` stopped reading: stop quietly (the recipe in Python's signal docs)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def prepare_meeting(
    args: argparse.Namespace, paths: Paths, clock: SystemClock, templates: TemplateCatalogue
) -> tuple[MeetingRecord, Path]:
    """The meeting `start` opens: the last unfinished one (`--resume`) or a new one, already on disk."""
    store = MeetingStore(paths.meetings)
    if args.plan and args.resume:
        raise CliError("Kies --plan of --resume, niet allebei.")
    if args.plan and args.template != DEFAULT_TEMPLATE:
        raise CliError("Kies --plan of --template, niet allebei: een planning heeft haar eigen fasen.")
    plan = None
    if args.plan:
        from lerend_tui.plans.plan import PlanStore

        plan = PlanStore(paths.plans_folder).find(args.plan)
    network = networks = None
    network_name = args.network or (plan.network if plan else "")
    if network_name:
        from lerend_tui.network.store import NetworkStore

        networks = NetworkStore(paths.networks_folder)
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
    if network is None:
        return record, store.create(record)
    from lerend_tui.network.meetings import create_in_network

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


if __name__ == "__main__":
    sys.exit(main())
