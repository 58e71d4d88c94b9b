"""The `lerend-tui` command: the argument parser (Dutch help and errors), the dispatch to the subcommands in
`commands/`, the exit codes, and starting the app.

The commands never import the app (they load without Textual, and import-linter keeps it so), so what opens
the app — no subcommand, `start`, `plan` and `plan edit`, `beamer` — is checked and prepared in `commands/`
(a wrong name gets its Dutch message before the screen opens) and started here, in the one layer above both.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lerend_tui import __version__
from lerend_tui.beamer import DEFAULT_HOST, DEFAULT_PORT
from lerend_tui.commands.shared import CliError, terminal_safe_output, warn_each
from lerend_tui.common.clock import SystemClock
from lerend_tui.common.collector import rest, wake
from lerend_tui.common.crash import crash_line, describe, write_crash_log
from lerend_tui.common.paths import DataDirError, Paths
from lerend_tui.common.settings import config_path, load_settings
from lerend_tui.common.validation import DataError
from lerend_tui.meeting.running import SetupError
from lerend_tui.templates import DEFAULT_TEMPLATE, PHASE_KINDS, load_templates

if TYPE_CHECKING:
    from lerend_tui.app import GuardedApp, LerendApp


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
    "not allowed with argument %s": "niet samen met %s",
}
argparse._ = lambda text: _DUTCH.get(text, text)  # type: ignore[attr-defined]  # argparse's own, not in its stubs


CRASHED = 70  # EX_SOFTWARE: the program itself failed


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv` (the command line when None). Every subcommand is in it, with its line of help,
    but only those that `argv` names get their own arguments and subcommands: making all of them took a few
    milliseconds of every start."""
    named = set(sys.argv[1:] if argv is None else argv)
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
    if "start" in named:
        add_start_arguments(start)
    beamer = commands.add_parser(
        "beamer", help="de weergave voor de zaal: volgt de bijeenkomst die in een ander venster loopt",
        description="Toon op de beamer de lopende bijeenkomst uit dezelfde datamap. Start dit in een tweede "
        "terminal (die op de projector); het volgt elke start, pauze, stap en fase vanzelf. Met --web in een "
        "browser: open het adres dat het toont.",
    )
    if "beamer" in named:
        add_beamer_arguments(beamer)
    add_workform_parsers(commands, named)
    add_notes_parsers(commands, named)
    add_network_parsers(commands, named)
    add_plan_parsers(commands, named)
    return parser


def add_start_arguments(start: argparse.ArgumentParser) -> None:
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


def add_beamer_arguments(beamer: argparse.ArgumentParser) -> None:
    beamer.add_argument("--web", action="store_true",
                        help="toon de beamer in een browser: een webpagina op dit adres, alleen om te lezen")
    beamer.add_argument("--host", metavar="ADRES",
                        help=f"met --web: het adres (standaard {DEFAULT_HOST}, alleen deze computer; een ander "
                        "adres krijgt een geheime code in de URL)")
    beamer.add_argument("--port", type=port_number, metavar="POORT",
                        help=f"met --web: de poort (standaard {DEFAULT_PORT}; 0 kiest een vrije)")


def port_number(text: str) -> int:
    """argparse type for `--port`: 0 to 65535, with a Dutch message otherwise."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"verwacht een poortnummer van 0 tot 65535, maar kreeg '{text}'")
    return value


def positive_int(text: str) -> int:
    """argparse type for counts: a whole number of at least 1, with a Dutch message otherwise."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"verwacht een positief geheel getal (1 of meer), maar kreeg '{text}'")
    return value


def add_workform_parsers(commands: argparse._SubParsersAction, named: set[str]) -> None:
    """`workforms list|show|check` and `pick` (`commands/workforms.py`, `commands/pick.py`), with their
    arguments where `named` (see `build_parser`)."""
    workforms = commands.add_parser(
        "workforms", help="de werkvormen bekijken en controleren",
        description="De catalogus van werkvormen: de ingebouwde en je eigen bestanden in <datamap>/workforms/ "
        "(een eigen bestand met dezelfde id vervangt een ingebouwde werkvorm).",
    )
    pick = commands.add_parser(
        "pick", help="loot een passende werkvorm",
        description="Loot een werkvorm die past bij de fase, het aantal deelnemers en de beschikbare minuten. "
        "Werkvormen die de groep in de laatste bijeenkomsten gebruikte (volgens <datamap>/meetings/), krijgen "
        "minder kans. Past er niets, dan zegt het welk filter alles uitsluit (code 1).",
    )
    phase_help = f"fase: {', '.join(PHASE_KINDS)}"
    if "pick" in named:
        pick.add_argument("--phase", choices=PHASE_KINDS, metavar="FASE", help=f"de {phase_help}")
        pick.add_argument("--people", type=positive_int, metavar="N", help="het aantal deelnemers")
        pick.add_argument("--minutes", type=positive_int, metavar="M", help="de beschikbare minuten")
        pick.add_argument("--seed", type=int, metavar="GETAL",
                          help="startgetal voor het toeval: zelfde getal, zelfde lot")
        pick.add_argument("--json", action="store_true", help="als JSON-object")
    if "workforms" not in named:
        return
    sub = workforms.add_subparsers(dest="workforms_command", metavar="OPDRACHT", title="opdrachten", required=True)
    listing = sub.add_parser("list", help="alle werkvormen, één per regel",
                             description="Toon alle werkvormen: id, naam, fasen, groepsgrootte en minuten. "
                             "Eigen werkvormen zijn gemarkeerd met 'eigen'.")
    listing.add_argument("--phase", choices=PHASE_KINDS, metavar="FASE",
                         help=f"alleen werkvormen voor deze {phase_help}")
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


def add_notes_parsers(commands: argparse._SubParsersAction, named: set[str]) -> None:
    """`notes list|search|show|export`: the meetings, the search over them and their reports
    (`commands/notes.py`)."""
    notes = commands.add_parser("notes", help="de bijeenkomsten en hun verslagen",
                                description="De bijeenkomsten in <datamap>/meetings/ en hun verslag in Markdown.")
    if "notes" not in named:
        return
    sub = notes.add_subparsers(dest="notes_command", metavar="OPDRACHT", title="opdrachten", required=True)
    listing = sub.add_parser("list", help="alle bijeenkomsten, de nieuwste eerst",
                             description="Alle bijeenkomsten; onleesbare bestanden worden met pad en regel gemeld.")
    listing.add_argument("--json", action="store_true", help="als JSON")
    search = sub.add_parser(
        "search", help="zoek in alle bijeenkomsten", description="Zoek in de titels, deelnemers, notities, punten "
        "en check-outwoorden van alle bijeenkomsten, hoofdletters en accenten maken niet uit ('ideeen' vindt "
        "'ideeën'), een woord vindt ook woorden die ermee beginnen. Elke fase waarin ze staan, de beste eerst, met "
        "de woorden in hun zin. Exitcode 1 als niets gevonden is.")
    search.add_argument("query", metavar="WOORDEN", help="de woorden die er allemaal in moeten staan")
    search.add_argument("--network", default="", metavar="NETWERK", help="alleen in de bijeenkomsten van dit netwerk")
    search.add_argument("--json", action="store_true", help="als JSON: een object per gevonden fase")
    show = sub.add_parser("show", help="het verslag van één bijeenkomst", description="Toon het verslag.")
    show.add_argument("id", metavar="ID", help="de bijeenkomst: de bestandsnaam zonder .toml (zie notes list)")
    export = sub.add_parser("export", help="het verslag als Markdown-bestand, om te mailen",
                            description="Schrijf het verslag van een bijeenkomst als Markdown, geschikt om te mailen.")
    export.add_argument("id", metavar="ID", help="de bijeenkomst (zie notes list)")
    export.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (anders: het scherm)")
    export.add_argument("--zonder", nargs="+", default=[], metavar="FASE",
                        help="fasen die vertrouwelijk zijn en buiten het verslag blijven (soort of titel)")


def add_network_parsers(commands: argparse._SubParsersAction, named: set[str]) -> None:
    """`network new|list|show|report|calendar` (`commands/network.py`)."""
    network = commands.add_parser(
        "network", help="lerende netwerken: deelnemers, leervragen, afspraken en bijeenkomsten",
        description="Een lerend netwerk over zijn bijeenkomsten heen: één bestand per netwerk in "
        "<datamap>/networks/. Start een bijeenkomst erin met 'lerend-tui start --network NAAM'.",
    )
    if "network" not in named:
        return
    sub = network.add_subparsers(dest="network_command", metavar="OPDRACHT", title="opdrachten", required=True)
    new = sub.add_parser("new", help="maak een nieuw netwerk", description="Maak een nieuw lerend netwerk aan.")
    new.add_argument("name", metavar="NAAM", help="de naam van het netwerk")
    new.add_argument("--theme", default="", metavar="THEMA", help="het thema van het netwerk")
    new.add_argument("--question", default="", metavar="VRAAG",
                     help="de vraag uit de praktijk waar het thema op gebaseerd is (eventueel)")
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
    named_to_file(report)
    calendar = sub.add_parser(
        "calendar", help="de geplande bijeenkomsten als iCalendar-bestand (.ics), voor de agenda van de deelnemers",
        description="Schrijf alle geplande bijeenkomsten van het netwerk (zijn planningen met een datum) als "
        "iCalendar-bestand dat mail- en agendaprogramma's importeren: per bijeenkomst titel, tijd, plaats en "
        "programma. Opnieuw importeren werkt de afspraken bij. Planningen zonder datum worden overgeslagen en "
        "genoemd.")
    named_to_file(calendar)


def named_to_file(parser: argparse.ArgumentParser) -> None:
    """A network's NAAM and `-o BESTAND`, for what writes a file of one network."""
    parser.add_argument("name", metavar="NAAM", help="de naam van het netwerk")
    parser.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (anders: het scherm)")


def add_plan_parsers(commands: argparse._SubParsersAction, named: set[str]) -> None:
    """`plan [--template] [--network]` and `plan edit` open the plan screens; `plan list|export|series`
    (`commands/plan.py`)."""
    plan = commands.add_parser(
        "plan", help="bereid een bijeenkomst voor: de planning en de agenda",
        description="Planningen van bijeenkomsten: één bestand per planning in <datamap>/plans/. Zonder "
        "opdracht opent het planningsscherm; met --template of --network meteen op een nieuwe planning. "
        "Start een planning met 'lerend-tui start --plan NAAM' of F5 op het planningsscherm.",
    )
    if "plan" not in named:
        return
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
                            "de werkvormen. Standaard in Markdown; met --tekst als platte tekst voor in een mail; "
                            "met --ics als iCalendar-bestand dat mail- en agendaprogramma's importeren (opnieuw "
                            "importeren werkt de afspraak bij).")
    export.add_argument("name", metavar="NAAM", help="de planning: haar naam, bestandsnaam of een .toml-bestand")
    export.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand (anders: het scherm)")
    form = export.add_mutually_exclusive_group()
    form.add_argument("--tekst", action="store_true", help="platte tekst in plaats van Markdown")
    form.add_argument("--ics", action="store_true",
                      help="als iCalendar-bestand (.ics) voor de agenda van de deelnemers: de bijeenkomst met "
                      "titel, tijd, plaats en programma (de planning heeft een datum nodig)")
    add_series_parser(sub)


def add_series_parser(sub: argparse._SubParsersAction) -> None:
    """`plan series` (`commands/plan.py`): Stap 1's "bijeenkomsten inplannen"."""
    series = sub.add_parser(
        "series", help="plan een reeks in: kick-off, bijeenkomsten en evaluatie",
        description="Bijeenkomsten inplannen (Stap 1): een kick-off, een aantal bijeenkomsten om de zoveel weken "
        "op een vaste dag en tijd, en een evaluatie, elk als gewone planning van het netwerk die je daarna een voor "
        "een vormgeeft ('lerend-tui plan edit NAAM'). Een bestaande planning wordt nooit overschreven. Daarna "
        "staan de randvoorwaarden die je hiervoor regelt op het scherm.",
    )
    series.add_argument("--network", required=True, metavar="NETWERK", help="het lerend netwerk (naam of bestandsnaam)")
    series.add_argument("--first", required=True, metavar="DATUM",
                        help="de dag van de eerste bijeenkomst (de kick-off), bijvoorbeeld 2027-01-12 of 12-1-2027")
    series.add_argument("--count", type=positive_int, default=6, metavar="N",
                        help="het aantal bijeenkomsten tussen kick-off en evaluatie (standaard 6)")
    series.add_argument("--every", type=positive_int, default=4, metavar="WEKEN",
                        help="het aantal weken van de ene bijeenkomst tot de volgende (standaard 4)")
    series.add_argument("--weekday", default="", metavar="DAG",
                        help="de weekdag (maandag … zondag, of ma, di, …): de reeks begint op de eerste zo'n dag "
                        "vanaf --first (standaard de dag van --first zelf)")
    series.add_argument("--time", default="", metavar="UU:MM", help="het beginuur (standaard 19:00)")
    series.add_argument("--zonder-kickoff", action="store_true", help="zonder kick-off (die is al geweest)")
    series.add_argument("--zonder-evaluatie", action="store_true", help="zonder evaluatie aan het eind")


def _user_errors() -> tuple[type[Exception], ...]:
    """The problems a user can fix. Python looks at an `except` clause's classes only once something was
    raised, so the learning networks' code loads then, not with every `start`."""
    from lerend_tui.network.store import NetworkError
    from lerend_tui.plans.plan import PlanError

    return CliError, SetupError, DataDirError, DataError, NetworkError, PlanError


def choose_colours(environment: MutableMapping[str, str]) -> None:
    """Plain `TERM=xterm` (what xterm itself sets) would give Textual 16 colours, in which the beamer's dimmed
    digits come out nearly white and its overtime red nearly black in greyscale; every xterm for decades has
    256. Where the terminal says no more, take those; a choice of one's own (`TEXTUAL_COLOR_SYSTEM`,
    `COLORTERM`) stands."""
    if environment.get("TERM") == "xterm" and not environment.get("COLORTERM"):
        environment.setdefault("TEXTUAL_COLOR_SYSTEM", "256")


def main(argv: Sequence[str] | None = None) -> int:
    """The exit code: 0 only when everything went as asked; 2 for a problem the user can fix, 70 for a
    failure of the program itself (with a crash log and one Dutch line), 128 + n after signal n."""
    with terminal_safe_output():
        args = build_parser(argv).parse_args(argv)
        choose_colours(os.environ)
        try:
            return run(args)
        except _user_errors() as error:
            print(f"lerend-tui: {error}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 130
        except Exception as error:  # no failure of this program ever exits 0, or with a traceback
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
    """Each subcommand that does not open the app runs in its module in `commands/`, loaded only for it;
    the rest open the app."""
    paths = Paths.resolve(args.data_dir)
    if args.command == "workforms":
        from lerend_tui.commands.workforms import run as command
    elif args.command == "pick":
        from lerend_tui.commands.pick import run as command
    elif args.command == "notes":
        from lerend_tui.commands.notes import run as command
    elif args.command == "network":
        from lerend_tui.commands.network import run as command
    elif args.command == "plan" and args.plan_command in ("list", "export", "series"):
        from lerend_tui.commands.plan import run as command
    elif args.command == "beamer" and (args.web or args.host is not None or args.port is not None):
        from lerend_tui.commands.beamer import run as command
    else:
        return run_app_command(args, paths)
    wake()
    return command(args, paths)


def run_app_command(args: argparse.Namespace, paths: Paths) -> int:
    """`beamer`, and `start`, `plan` (or `plan edit`) or no subcommand on the `LerendApp`."""
    paths.check_usable()
    rest()  # until the first screen is drawn: the app wakes the collector then (`common.collector`)
    try:
        if args.command == "beamer":
            from lerend_tui.app import FollowerApp

            return run_app(FollowerApp(paths))
        return run_app(build_app(args, paths))
    finally:
        wake()
        gc.unfreeze()  # for a caller that lives on after `main` (the tests)


def build_app(args: argparse.Namespace, paths: Paths) -> LerendApp:
    """The app for `start` (on the meeting, already on disk), for `plan` (on the plans) or for no command
    (on the home screen)."""
    from lerend_tui.app import make_app

    settings, problems = load_settings(config_path(paths))
    templates = load_templates(paths.templates)
    open_meeting = open_plans = None
    if args.command == "start":
        from lerend_tui.commands.start import prepare_meeting

        warn_each("overgeslagen", [*problems, *templates.problems])
        open_meeting = prepare_meeting(args, paths, SystemClock(), templates)
    elif args.command == "plan":
        from lerend_tui.commands.plan import opening

        open_plans = opening(args, paths, templates)
    return make_app(paths, open_meeting=open_meeting, open_plans=open_plans, templates=templates,
                    settings=settings, problems=problems)


if __name__ == "__main__":
    sys.exit(main())
