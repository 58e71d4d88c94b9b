"""The `network` command: create, list, show and report learning networks, and their calendar, from the shell.

Plain Python (no Textual). `list`, `show`, `report` and `calendar` only read, so they also work on a read-only
data dir; `new` creates `<data>/networks/` when needed.
"""

from __future__ import annotations

import argparse

from lerend_tui.commands.shared import deliver, meeting_store, print_json, quiet_broken_pipe, warn, warn_each
from lerend_tui.common.clock import SystemClock
from lerend_tui.common.paths import Paths
from lerend_tui.common.text import count_text, decimal
from lerend_tui.meeting.running import parse_participants
from lerend_tui.network.carry_over import carry_over, open_commitments
from lerend_tui.network.meetings import Records, missing_meetings
from lerend_tui.network.owners import NO_OWNER_LABEL, by_owner
from lerend_tui.network.store import Network, NetworkError, NetworkStore, Participant
from lerend_tui.network.trends import attendance_per_person, sparkline, trends
from lerend_tui.reports.journey import Journey, journey


def run(args: argparse.Namespace, paths: Paths) -> int:
    """Errors are raised as `NetworkError`, `SetupError` or `DataError`: Dutch, printed by `cli.main`."""
    try:
        return _run(args, paths)
    except OSError as error:  # a folder or file that cannot be written (a reader that stops is not one)
        where = f" {error.filename}" if error.filename else ""
        raise NetworkError(f"Kan niet schrijven naar{where}: {error.strerror or error}.") from error


@quiet_broken_pipe
def _run(args: argparse.Namespace, paths: Paths) -> int:
    if args.network_command == "new":
        participants = parse_participants(args.participants)
        store = NetworkStore.of(paths)
        network = store.create(args.name, theme=args.theme, question=args.question, participants=participants)
        print(f"Netwerk '{network.name}' aangemaakt: {store.path(network)}")
        print(f"Start een bijeenkomst erin met: lerend-tui start --network {network.id}")
        return 0
    store = NetworkStore.of(paths)
    if args.network_command == "list":
        networks, problems = store.scan()
        warn_each("onleesbaar", problems)
        if args.json:
            print_json([network_json(network) for network in networks])
        else:
            for network in networks:
                theme = f"  ·  {network.theme}" if network.theme else ""
                people = count_text(len(network.participants), "deelnemer", "deelnemers")
                print(f"{network.id:<30} {network.name}  ·  {people}, "
                      f"{count_text(len(network.meetings), 'bijeenkomst', 'bijeenkomsten')}{theme}")
            if not networks and not problems:
                print("Nog geen netwerken. Maak er een met: lerend-tui network new NAAM")
        return 0
    network = store.find(args.name)
    if args.network_command == "calendar":
        return _calendar(network, args.output, paths)
    from lerend_tui.reports.network import network_report  # with the picker: loaded only when a network is read

    records = meeting_records(paths, network)
    if args.network_command == "show":
        print(network_text(network, records, network_journey(paths, network, records)))
        return 0
    deliver(network_report(network, records), args.output, "Verslag")
    return 0


def _calendar(network: Network, output: str | None, paths: Paths) -> int:
    """`network calendar`: the network's plans that have a date as an iCalendar file; those without are named."""
    from lerend_tui.catalogue.workforms import load_catalogue
    from lerend_tui.plans.plan import PlanStore
    from lerend_tui.reports.calendar import network_calendar, plan_names

    plans, problems = PlanStore.of(paths).scan()
    warn_each("onleesbaar", problems)
    text, undated = network_calendar(network, plans, SystemClock(), catalogue=load_catalogue(paths.workforms_folder))
    if undated:
        warn(f"overgeslagen, nog zonder datum: {plan_names(undated)}. Geef ze een datum op het planningsscherm.")
    deliver(text, output, "Kalenderbestand", line_ends_kept=True)
    return 0


def meeting_records(paths: Paths, network: Network) -> Records:
    """The network's readable meetings by id (from the index); unreadable files of this network are named on
    stderr."""
    index = meeting_store(paths).index
    listing = index.listing()
    warn_each("onleesbaar", [problem for problem in listing.problems if problem.path.stem in network.meetings])
    return index.records(network.meetings, network.id)


def network_journey(paths: Paths, network: Network, records: Records) -> Journey:
    """The network's five steps as they stand today, from its meetings and plans; unreadable plans are named on
    stderr (one of them could be the network's)."""
    from lerend_tui.plans.plan import PlanStore

    plans, problems = PlanStore.of(paths).scan()
    warn_each("onleesbare planning, niet meegeteld in de stappen", problems)
    clock = SystemClock()
    return journey(network, records, plans, clock.local(clock.now()).date())


def network_json(network: Network) -> dict:
    return {
        "id": network.id,
        "name": network.name,
        "theme": network.theme,
        "question": network.question,
        "place": network.place,
        "participants": network.names,
        "meetings": network.meetings,
        "learning_questions": {p.name: p.learning_questions for p in network.participants},
    }


def network_text(network: Network, records: Records, steps: Journey | None = None) -> str:
    """`network show`: the network as readable Dutch text, a section at a time; with `steps`, its journey first."""
    title = [network.name, "=" * len(network.name), f"Thema: {network.theme}" if network.theme else "Thema: (nog geen)"]
    if network.question:
        title.append(f"Vraag uit de praktijk: {network.question}")
    title += [f"Plaats: {network.place}"] if network.place else []
    sections = (_journey_text(steps), _participants_text(network), _agreements_text(network),
                _meetings_text(network, records), _trends_text(network, records), _upcoming_text(network, records),
                _open_text(network, records))
    return "\n".join(title + [line for section in sections for line in section])


def _journey_text(steps: Journey | None) -> list[str]:
    """Each step: its mark, heading and state, its purpose, what is done and what comes next."""
    if steps is None:
        return []
    lines = ["", "Stappen"]
    for step in steps.steps:
        lines += [f"  {step.mark} {step.heading}  ({step.state})", f"      {step.purpose}",
                  *(f"      · {line}" for line in step.done), *(f"      → {line}" for line in step.next)]
    return lines


def _participants_text(network: Network) -> list[str]:
    lines = ["", f"Deelnemers ({len(network.participants)})"]
    for participant in network.participants:
        lines += [f"  {participant.name}", *_participant_text(participant)]
    return lines if network.participants else [*lines, "  (nog geen deelnemers)"]


def _participant_text(participant: Participant) -> list[str]:
    lines = [f"    Leervraag: {question}" for question in participant.learning_questions]
    if not participant.learning_questions:
        lines.append("    (nog geen leervragen)")
    if participant.experience.strip():
        lines.append(f"    Ervaring: {' '.join(participant.experience.split())}")
    if participant.preferences:
        lines.append(f"    Leervoorkeuren: {', '.join(participant.preferences)}")
    lines += [f"    Verwachting: {expectation}" for expectation in participant.expectations]
    if participant.intake is not None:
        date = f" ({participant.intake.date:%d-%m-%Y})" if participant.intake.date else ""
        lines.append(f"    Intake{date}: {participant.intake.advice or 'nog geen advies'}")
    return lines


def _agreements_text(network: Network) -> list[str]:
    agreements = network.agreements
    lines = ["", "Afspraken"]
    lines += [f"  Randvoorwaarde: {text}" for text in agreements.randvoorwaarden]
    lines += [f"  Afspraak: {text}" for text in agreements.afspraken]
    return lines if agreements.randvoorwaarden or agreements.afspraken else [*lines, "  (nog geen)"]


def _meetings_text(network: Network, records: Records) -> list[str]:
    points = trends(network, records)
    lines = ["", f"Bijeenkomsten ({len(points)})"]
    for point in points:
        roti = f"ROTI {decimal(point.roti)}" if point.roti is not None else "geen ROTI"
        state = "" if point.finished else "  (niet afgerond)"
        lines.append(f"  {point.date:%d-%m-%Y}  {point.title}  ·  {point.attendance} aanwezig  ·  {roti}{state}"
                     f"  [{point.meeting_id}]")
    lines += [f"  {id_}  (niet gevonden of onleesbaar)" for id_ in missing_meetings(network, records)]
    if not points and not network.meetings:
        lines.append("  (nog geen; start er een met: lerend-tui start --network " + network.id + ")")
    return lines


def _trends_text(network: Network, records: Records) -> list[str]:
    points = trends(network, records)
    if not points:
        return []
    attendance = [point.attendance for point in points]
    rotis = [point.roti for point in points]
    lines = ["", "Trends",
             f"  Aanwezig  {sparkline(attendance, 0)}  " + " ".join(str(value) for value in attendance),
             f"  ROTI      {sparkline(rotis, 1, 5)}  "
             + " ".join("—" if value is None else decimal(value) for value in rotis)]
    people = [person for person in attendance_per_person(network, records) if person.held]
    return [*lines, "", "Aanwezigheid", *(f"  {person.words}" for person in people)] if people else lines


def _upcoming_text(network: Network, records: Records) -> list[str]:
    upcoming = carry_over(network, records)
    if not upcoming:
        return []
    lines = ["", "Komt terug bij de volgende check-in"]
    for owner, entries in by_owner(upcoming, network.names).items():
        lines += [f"  {owner or NO_OWNER_LABEL}", *(f"    {entry.label}: {entry.text}" for entry in entries)]
    return lines


def _open_text(network: Network, records: Records) -> list[str]:
    entries = open_commitments(network, records)
    if not entries:
        return []
    lines = ["", "Nog open, per persoon (uit alle bijeenkomsten)"]
    for owner, owned in by_owner(entries, network.names).items():
        lines.append(f"  {owner or NO_OWNER_LABEL}")
        lines += [f"    {item.entry.label}: {item.entry.text}  ({item.came_from})" for item in owned]
    return lines


__all__ = ["meeting_records", "network_journey", "network_json", "network_text", "run"]
