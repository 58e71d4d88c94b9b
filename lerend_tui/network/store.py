"""A learning network across its meetings: one human-readable TOML file per network.

The file `<data>/networks/<id>.toml` holds the name, the theme, the place it meets, the participants (their learning
questions, the experience they bring, their learning preferences and expectations, and the result of
their intake), the agreements (randvoorwaarden and afspraken) and the ids of the network's meetings
(the file stems under `<data>/meetings/`). `Network.to_toml` and `parse_network` are each other's
inverse; `parse_network` validates every field and names it when something is off
(`participants[2].name`). Keys a person added by hand (`notities = "…"`, at the top or in any of its
tables) are kept in that table's `extra` and written back after the program's own. The theme may come with
the question from practice it was chosen for (`question`, Stap 1).

What the meetings add up to (carry-over, learning questions, fairness, trends, the summary) is in the
modules beside this one, starting from `network.meetings`; the intake checklist and its advice in `intake`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path
from typing import Any

import tomli_w

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.paths import Paths
from lerend_tui.common.validation import (
    DataError,
    Fields,
    Problems,
    drop_none,
    hand_added,
    read_folder,
    read_toml,
    with_hand_added,
)
from lerend_tui.network.intake import Intake, intake_table, parse_intake
from lerend_tui.storage.meetings import atomic_write_text, slugify

SCHEMA = 1
MAX_NAME = 80
_MEETING_ID = re.compile(r"^[^/\\\x00]+$")


class NetworkError(Exception):
    """Something the user asked of a network cannot be done; the message is Dutch."""


@datatype(frozen=False)
class Participant:
    name: str
    learning_questions: list[str] = field(default_factory=list)
    experience: str = ""
    """The experience this participant brings into the network (from the intake)."""
    preferences: list[str] = field(default_factory=list)
    """Learning preferences (leervoorkeuren, from the kick-off)."""
    expectations: list[str] = field(default_factory=list)
    """What they expect of the network (from the kick-off)."""
    intake: Intake | None = None
    """The result of the intake conversation (Stap 1), once it was held."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys a person added by hand to this table in the file: written back as they were."""


@datatype(frozen=False)
class Agreements:
    randvoorwaarden: list[str] = field(default_factory=list)
    afspraken: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys a person added by hand to this table in the file: written back as they were."""


@datatype(frozen=False)
class Network:
    name: str
    theme: str = ""
    participants: list[Participant] = field(default_factory=list)
    agreements: Agreements = field(default_factory=Agreements)
    meetings: list[str] = field(default_factory=list)
    """The ids (file stems under `<data>/meetings/`) of the network's meetings, in the order they were added."""
    place: str = ""
    """Where the network meets (plaats), unless a meeting's plan names another; "" when not known."""
    id: str = ""
    """The file stem under `<data>/networks/`; set when the network is read or created, not written into
    the file. A meeting record's `network` field holds it."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys a person added by hand to this table in the file: written back as they were."""
    question: str = ""
    """The question from practice the theme was chosen for, if any (Stap 1: "eventueel op basis van een vraag
    uit de praktijk")."""

    @property
    def names(self) -> list[str]:
        """The participants' names, in the file's order."""
        return [participant.name for participant in self.participants]

    def participant(self, name: str) -> Participant | None:
        """The participant with this name (case-insensitive), or None."""
        wanted = name.casefold()
        return next((p for p in self.participants if p.name.casefold() == wanted), None)

    def add_participant(self, name: str) -> Participant:
        """Add a participant by name; a name that is empty or already there is refused (`NetworkError`)."""
        name = check_name(name, "De naam")
        if self.participant(name) is not None:
            raise NetworkError(f"'{name}' is al deelnemer van {self.name}.")
        participant = Participant(name)
        self.participants.append(participant)
        return participant

    def to_toml(self) -> str:
        return tomli_w.dumps(drop_none(_network_table(self)), multiline_strings=True)


def check_name(name: str, what: str = "De naam") -> str:
    """A name with its spaces tidied, or a Dutch `NetworkError` when it is empty, unprintable or too long."""
    name = " ".join(name.split())
    if not name:
        raise NetworkError(f"{what} mag niet leeg zijn.")
    if not name.isprintable():
        raise NetworkError(f"{what} bevat tekens die niet te tonen zijn.")
    if len(name) > MAX_NAME:
        raise NetworkError(f"{what} is langer dan {MAX_NAME} tekens.")
    return name


def network_id(name: str) -> str:
    """The file stem for a new network with this name: a lowercase ASCII slug, never empty."""
    slug = slugify(name)
    return "netwerk" if slug == "bijeenkomst" and "bijeenkomst" not in name.casefold() else slug


def _network_table(network: Network) -> dict[str, Any]:
    return with_hand_added({
        "schema": SCHEMA,
        "name": network.name,
        "theme": network.theme,
        "question": network.question or None,
        "place": network.place or None,
        "meetings": network.meetings,
        "agreements": with_hand_added({
            "randvoorwaarden": network.agreements.randvoorwaarden,
            "afspraken": network.agreements.afspraken,
        }, network.agreements.extra),
        "participants": [
            with_hand_added({
                "name": participant.name,
                "learning_questions": participant.learning_questions,
                "experience": participant.experience,
                "preferences": participant.preferences,
                "expectations": participant.expectations,
                "intake": intake_table(participant.intake) if participant.intake is not None else None,
            }, participant.extra)
            for participant in network.participants
        ],
    }, network.extra)


_NETWORK_KEYS = frozenset({"schema", "name", "theme", "question", "place", "meetings", "agreements", "participants"})
"""The keys of each table the program writes itself; any other key is a person's own (see `extra`)."""
_AGREEMENTS_KEYS = frozenset({"randvoorwaarden", "afspraken"})
_PARTICIPANT_KEYS = frozenset({"name", "learning_questions", "experience", "preferences", "expectations", "intake"})


def parse_network(path: Path) -> Network:
    """Read and validate a network file; every problem in it (per field or per participant) is named, with
    the file and the field, in one `DataError`."""
    fields = Fields(read_toml(path), path)
    fields.check_schema(SCHEMA)  # a file of another version: its other fields say nothing
    problems = Problems(path)
    read = problems.read
    participants: list[Participant] = []
    seen: set[str] = set()
    for table in read(fields.tables, "participants", []) or []:
        participant: Participant | None = read(_parse_participant, table)  # None: kept in `problems`
        if participant is None:
            continue
        if participant.name.casefold() in seen:
            problems.add(table.error("name", f"'{participant.name}' staat twee keer in de deelnemers"))
        seen.add(participant.name.casefold())
        participants.append(participant)
    agreements = read(_parse_agreements, fields)
    meetings = read(fields.texts, "meetings", []) or []
    for index, meeting in enumerate(meetings):
        if not _MEETING_ID.match(meeting) or meeting in (".", ".."):
            problems.add(DataError(path, "verwacht de naam van een bijeenkomst zonder map ervoor, "
                                         f"maar vond '{meeting}'",
                                   field=f"meetings[{index + 1}]"))
    name = read(fields.text, "name", allow_empty=False)
    theme = read(fields.text, "theme", "")
    question = read(fields.text, "question", "")
    place = read(fields.text, "place", "")
    problems.raise_any()
    return Network(name=name, theme=theme, question=question, participants=participants, agreements=agreements,
                   meetings=list(dict.fromkeys(meetings)), place=" ".join(place.split()), id=path.stem,
                   extra=hand_added(fields, _NETWORK_KEYS))


def _parse_agreements(fields: Fields) -> Agreements:
    agreements = Fields(fields.table.get("agreements", {}), fields.path, "agreements")
    return Agreements(agreements.texts("randvoorwaarden", []), agreements.texts("afspraken", []),
                      hand_added(agreements, _AGREEMENTS_KEYS))


def _parse_participant(table: Fields) -> Participant:
    intake = table.table.get("intake")
    return Participant(
        name=table.text("name", allow_empty=False),
        learning_questions=table.texts("learning_questions", []),
        experience=table.text("experience", ""),
        preferences=table.texts("preferences", []),
        expectations=table.texts("expectations", []),
        intake=None if intake is None else parse_intake(Fields(intake, table.path, table.name("intake"))),
        extra=hand_added(table, _PARTICIPANT_KEYS),
    )


class NetworkStore:
    """The network files in one folder (`Paths.networks_folder`), made when the first network is written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def of(cls, paths: Paths) -> NetworkStore:
        """The data dir's networks: the one way the program opens them, so that reading never makes a folder."""
        return cls(paths.networks_folder)

    def path(self, network: Network | str) -> Path:
        """Where a network (or a network id) is stored."""
        id_ = network.id if isinstance(network, Network) else network
        if not id_:
            raise NetworkError("Dit netwerk heeft nog geen bestandsnaam (id).")
        return self.folder / f"{id_}.toml"

    def create(self, name: str, *, theme: str = "", question: str = "", participants: Iterable[str] = ()) -> Network:
        """A new network, saved at once. A name (or file name) already in use is refused with a Dutch
        `NetworkError`, as are empty or duplicate participant names."""
        name = check_name(name, "De naam van het netwerk")
        network = Network(name=name, theme=" ".join(theme.split()), question=" ".join(question.split()),
                          id=network_id(name))
        for participant in participants:
            network.add_participant(participant)
        path = self.path(network)
        existing, _ = self.scan()
        taken = next((other for other in existing if other.name.casefold() == name.casefold()), None)
        if taken is not None or path.exists():
            where = self.path(taken) if taken is not None else path
            raise NetworkError(
                f"Er is al een netwerk '{taken.name if taken else name}' ({where}); kies een andere naam.")
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, network.to_toml(), backup=True)
        return network

    def save(self, network: Network) -> Path:
        """Write the network atomically, keeping the previous version as `<id>.toml.bak`.

        A file on disk that does not parse is never overwritten: the `DataError` says what to repair.
        Meeting ids in the file that `network` lacks (added meanwhile, e.g. by `lerend-tui start
        --network` in another window) are kept and added to `network.meetings`.
        """
        path = self.path(network)
        if path.exists():
            on_disk = parse_network(path)  # raises when broken: then nothing is written
            network.meetings += [id_ for id_ in on_disk.meetings if id_ not in network.meetings]
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, network.to_toml(), backup=True)
        return path

    def load(self, id_: str) -> Network:
        return parse_network(self.folder / f"{id_}.toml")

    def scan(self) -> tuple[list[Network], list[DataError]]:
        """Every readable network, by name, and a problem for each file that is not."""
        networks, problems = read_folder(self.folder, parse_network)
        networks.sort(key=lambda network: network.name.casefold())
        return networks, problems

    def find(self, name: str) -> Network:
        """The network whose id or name is `name` (case-insensitive; `network_id(name)` matches too).

        A matching file that does not parse raises its `DataError` (naming file and field); no match
        raises a Dutch `NetworkError`.
        """
        wanted = " ".join(name.split()).casefold()
        for stem in dict.fromkeys([name.strip(), wanted, network_id(name)]):
            path = self.folder / f"{stem}.toml"
            if stem and _MEETING_ID.match(stem) and path.is_file():
                return parse_network(path)
        networks, problems = self.scan()
        match = next((network for network in networks if network.name.casefold() == wanted), None)
        if match is not None:
            return match
        hint = " (een of meer netwerkbestanden zijn onleesbaar; zie 'lerend-tui network list')" if problems else ""
        raise NetworkError(f"Geen netwerk '{name}' in {self.folder}{hint}. 'lerend-tui network list' toont de "
                           "netwerken; 'lerend-tui network new NAAM' maakt er een.")

    def add_meeting(self, network: Network, meeting_id: str) -> Network:
        """File a meeting under the network: re-read the file, add the id (once) and save it.

        `network.meetings` is brought up to date too; the network as now on disk is returned.
        """
        current = parse_network(self.path(network)) if self.path(network).exists() else network
        if meeting_id not in current.meetings:
            current.meetings.append(meeting_id)
        self.save(current)
        network.meetings[:] = current.meetings
        return current

    def remove_meeting(self, id_: str, meeting_id: str) -> None:
        """Take a meeting off the network's list (it was thrown away): re-read the file, and write it without
        the id (`save` would keep it, as added in another window). Nothing happens when it is not there."""
        path = self.path(id_)
        if not path.exists():
            return
        current = parse_network(path)
        if meeting_id in current.meetings:
            current.meetings.remove(meeting_id)
            atomic_write_text(path, current.to_toml(), backup=True)


__all__ = ["MAX_NAME", "SCHEMA", "Agreements", "Network", "NetworkError", "NetworkStore", "Participant", "check_name",
           "network_id", "parse_network"]
