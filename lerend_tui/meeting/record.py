"""The record of one meeting: what was planned, what happened, and the notes per phase.

A record is one human-readable TOML file (see `storage`). `to_toml` and `parse_record` are each other's
inverse; `parse_record` validates every field and names the field when something is off. Keys a person
added by hand (`locatie = "…"` at the top, or in a `[[phases]]` table) are kept in each table's `extra`
and written back after the program's own; only `[[items]]`, which the notes make anew at every change,
keeps none.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import field
from datetime import datetime, timedelta
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import tomli_w

from lerend_tui.common.clock import SystemClock
from lerend_tui.common.datatypes import datatype
from lerend_tui.common.validation import (
    MAX_MINUTES,
    DataError,
    Fields,
    Problems,
    drop_none,
    hand_added,
    read_toml,
    with_hand_added,
)
from lerend_tui.meeting.items import LABELS, Item
from lerend_tui.meeting.rounds import SpeakingRound
from lerend_tui.templates import PHASE_KINDS, MeetingTemplate

SCHEMA = 1
CONTENT_ROLE = "inhoud"
"""The role of whoever brings the content of a phase (`roles = {inhoud = "Naam"}`)."""
CASE_ROLE = "inbrenger"
"""The role of whoever brings a case (casus), as the work formats name it."""
CARRIED_KINDS = ("stok", "actie")
"""The item kinds that come back at the next meeting of a network."""


@datatype(frozen=False)
class StepRecord:
    """A step inside a phase (from a template or a work format), with the time it has taken so far."""

    title: str
    minutes: int
    instruction: str = ""
    round: bool = False
    elapsed_seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys a person added by hand to this table in the file: written back as they were."""


@datatype
class Checkout:
    """One participant's closing: a check-out word and a ROTI score (return on time invested, 1–5)."""

    name: str
    word: str = ""
    score: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys a person added by hand to this table in the file: written back as they were."""


PRESENT = "aanwezig"
ATTENDANCE_STATES = (PRESENT, "afgemeld", "komt later")
"""Who is there: present, sent apologies, or expected later (not in a round until marked present)."""
CARRY_STATUSES = ("open", "gedaan", "loopt door", "vervalt")
"""What became of a carried commitment or action: not yet ticked, done, carried on, or dropped."""


@datatype
class Carried:
    """A commitment ("stok") or action of an earlier meeting of the network, brought back at this one's
    check-in (see `network.carry_over`), with what became of it."""

    kind: str
    """"stok" or "actie" (a key of `items.LABELS`)."""
    text: str
    owner: str
    """"" when the item had no owner: it is for everyone."""
    from_meeting: str
    """The id (file stem) of the meeting where the item was noted."""
    status: str = "open"
    """One of `CARRY_STATUSES`."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys a person added by hand to this table in the file: written back as they were."""

    @property
    def label(self) -> str:
        """"Stok achter de deur" or "Actie", as the notes label it."""
        return LABELS[self.kind]


def roti_average(checkout: list[Checkout]) -> float | None:
    scores = [entry.score for entry in checkout if entry.score is not None]
    return sum(scores) / len(scores) if scores else None


@datatype(frozen=False)
class PhaseRecord:
    kind: str
    title: str
    planned_minutes: int
    extra_minutes: int = 0
    started: datetime | None = None
    ended: datetime | None = None
    elapsed_seconds: float = 0.0
    running_since: datetime | None = None
    notes: str = ""
    steps: list[StepRecord] = field(default_factory=list)
    current_step: int = 0
    step_mark: float = 0.0
    """The phase's elapsed seconds when the current step was last entered."""
    round: dict[str, Any] | None = None
    """The speaking round in progress in this phase (see `rounds.SpeakingRound.to_table`)."""
    workform: str = ""
    """The id of the work format this phase runs, once one was chosen or drawn."""
    roles: dict[str, str] = field(default_factory=dict)
    """Who takes which role of the work format: role → participant."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys a person added by hand to this table in the file: written back as they were."""

    @property
    def content_by(self) -> str:
        """Who brings the content (inhoud) of this phase: its `inhoud` role; "" when nobody was named."""
        return self.roles.get(CONTENT_ROLE, "")

    @property
    def case_by(self) -> str:
        """Who brings a case (casus) in this phase: its `inbrenger` role; "" when nobody was named."""
        return self.roles.get(CASE_ROLE, "")

    @property
    def bringers(self) -> list[tuple[str, str]]:
        """("Inhoud", name) and ("Casus", name) for whoever brings the content or a case; the report and the
        meeting screen name them so."""
        return [(label, name) for label, name in (("Inhoud", self.content_by), ("Casus", self.case_by)) if name]

    @property
    def minutes(self) -> int:
        """The minutes the phase has now: the plan plus what was added or taken off during the meeting."""
        return self.planned_minutes + self.extra_minutes

    @property
    def finished(self) -> bool:
        return self.ended is not None

    def elapsed_at(self, moment: datetime) -> float:
        """Timer seconds as they stood at `moment`, counting a timer that was running when saved."""
        if self.running_since is None:
            return self.elapsed_seconds
        return self.elapsed_seconds + max((moment - self.running_since).total_seconds(), 0.0)


@datatype
class PlannedSnapshot:
    """One phase of a plan as it stood when the meeting started: what the meeting is later compared with.

    Only the part of a plan's `PlannedPhase` that the report compares (minutes, work format, who brings
    what), frozen, in the record's file; the meeting's own phases hold the steps, the template the guidance."""

    kind: str
    title: str
    minutes: int
    workform: str = ""
    content_by: str = ""
    case_by: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys a person added by hand to this table in the file: written back as they were."""


@datatype
class PlanOrigin:
    """The plan a meeting was run from (see `plans.plan.plan_to_record`), kept as it was at the start:
    the plan file may change afterwards, the record does not."""

    name: str
    id: str = ""
    """The plan's file stem under `<data>/plans/`; "" when unknown."""
    phases: tuple[PlannedSnapshot, ...] = ()
    start: datetime | None = None
    """When the meeting was planned to start as it was made; the record's `planned_start` differs when it
    was made far from that time and runs its schedule from then (`plans.plan.plan_to_record`)."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys a person added by hand to this table in the file: written back as they were."""

    def pairs(self, phases: Sequence[PhaseRecord]) -> list[tuple[PlannedSnapshot | None, PhaseRecord | None]]:
        """The planned phases beside the phases the meeting has, matched by kind and title in order:
        (planned, None) for a phase left out, (None, phase) for one added."""
        def key(kind: str, title: str) -> tuple[str, str]:
            return kind, " ".join(title.split()).casefold()

        matcher = SequenceMatcher(None, [key(p.kind, p.title) for p in self.phases],
                                  [key(p.kind, p.title) for p in phases], autojunk=False)
        pairs: list[tuple[PlannedSnapshot | None, PhaseRecord | None]] = []
        for tag, planned_from, planned_to, actual_from, actual_to in matcher.get_opcodes():
            if tag == "equal":
                pairs += zip(self.phases[planned_from:planned_to], phases[actual_from:actual_to])
            else:
                pairs += [(planned, None) for planned in self.phases[planned_from:planned_to]]
                pairs += [(None, phase) for phase in phases[actual_from:actual_to]]
        return pairs


@datatype(frozen=False)
class MeetingRecord:
    title: str
    template: str
    planned_start: datetime
    phases: list[PhaseRecord]
    participants: list[str] = field(default_factory=list)
    started: datetime | None = None
    ended: datetime | None = None
    current_phase: int = 0
    items: list[Item] = field(default_factory=list)
    """What the notes hold as agreements, actions, learning questions, insights and commitments."""
    checkout: list[Checkout] = field(default_factory=list)
    network: str = ""
    """The id (file stem under `<data>/networks/`) of the learning network this meeting belongs to; "" when none."""
    carried: list[Carried] = field(default_factory=list)
    """Commitments and actions of earlier meetings of the network, to tick off at the check-in."""
    theme: str = ""
    goal: str = ""
    plan: PlanOrigin | None = None
    """The plan the meeting was run from, as it was then; None for a meeting started from a template."""
    attendance: dict[str, str] = field(default_factory=dict)
    """Participant → one of `ATTENDANCE_STATES`; whoever is not in it is present (so is everyone in a record
    without it)."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys a person added by hand to this table in the file: written back as they were."""

    @classmethod
    def from_template(
        cls, template: MeetingTemplate, *, title: str, participants: list[str], planned_start: datetime
    ) -> MeetingRecord:
        phases = [
            PhaseRecord(
                kind=p.kind, title=p.title, planned_minutes=p.minutes,
                steps=[StepRecord(s.title, s.minutes, s.instruction, s.round) for s in p.steps],
            )
            for p in template.phases
        ]
        return cls(title=title, template=template.name, planned_start=planned_start, phases=phases,
                   participants=list(participants))

    @property
    def finished(self) -> bool:
        return self.ended is not None

    def attendance_of(self, name: str) -> str:
        return self.attendance.get(name, PRESENT)

    @property
    def present(self) -> list[str]:
        """The participants who are there, in the list's order: whom rounds, role draws and the check-out take."""
        return [name for name in self.participants if self.attendance_of(name) == PRESENT]

    @property
    def ran(self) -> bool:
        """Whether the meeting ever ran (a phase's timer was started). A meeting that never ran (opened by mistake,
        or abandoned before it began) counts nowhere: not in a network's trends, roles, attendance or
        carry-over, nor in the draw's history."""
        return self.started is not None or any(phase.started is not None for phase in self.phases)

    @property
    def last_activity(self) -> datetime | None:
        """The latest moment a phase started, ended or ran from; None when no phase ever ran."""
        moments = [moment for phase in self.phases
                   for moment in (phase.started, phase.ended, phase.running_since) if moment is not None]
        return max(moments, default=None)

    @property
    def planned_minutes(self) -> int:
        return sum(phase.planned_minutes for phase in self.phases)

    def planned_phase(self, phase: PhaseRecord) -> PlannedSnapshot | None:
        """What the plan had for this phase of the meeting; None without a plan or for a phase it lacked."""
        if self.plan is None:
            return None
        return next((planned for planned, actual in self.plan.pairs(self.phases) if actual is phase), None)

    @property
    def planned_end(self) -> datetime:
        return self.planned_start + timedelta(minutes=self.planned_minutes)

    def to_toml(self) -> str:
        return table_to_toml(self.to_table())

    def to_table(self) -> dict[str, Any]:
        """The record as TOML data, detached from it: every table and list is new and every value immutable,
        so another thread can turn it into text (`table_to_toml`) while the record goes on changing."""
        return drop_none(_record_table(self))


def table_to_toml(table: dict[str, Any]) -> str:
    """The text of a record file, from `MeetingRecord.to_table`: what `tomli_w.dumps` gives, faster, and with
    long strings (the notes) as literal strings.

    tomli_w formats a string in a Python loop per character, and a string in an array of tables twice: a
    megabyte of notes, or its thousand items, would cost tens of milliseconds of CPU on the main thread,
    where the keystrokes wait for it. So long strings, and the arrays of tables of strings only (the
    `[[items]]`) in a table, go through tomli_w as placeholders, and are formatted here (with regular
    expressions, in C) in the same layout; `tests/test_saving.py` compares the two. A long string is
    written as TOML writes text a person typed, as a literal string where it can be (`_long_string`).
    """
    held: list[Any] = []
    nonce = os.urandom(8).hex()
    text = tomli_w.dumps(_hold_long_strings(table, held, nonce), multiline_strings=True)
    if not held:
        return text
    placeholder = re.compile(f'^(\\[\\[.*\\]\\]\n){nonce} = "{nonce}-([0-9]+)-+"|"{nonce}-([0-9]+)-+"', re.MULTILINE)
    return placeholder.sub(lambda match: _held_text(held, match), text)


LONG_STRING = 200
"""Strings of this many characters or more are formatted by `_long_string` instead of tomli_w (in the same
layout: tomli_w puts one as long as this, or as its placeholder, on a line of its own alike)."""
_PLACEHOLDER_LENGTH = 120
"""Longer than a line of tomli_w's inline tables (100), as the long string is: the same layout results."""
_INLINE_LENGTH = 100
"""tomli_w writes an array of tables inline when each table, indented and with its comma, is this short."""
_BARE_KEY = re.compile("[A-Za-z0-9_-]+")
_ESCAPES = {chr(code): f"\\u{code:04x}" for code in (*range(0x20), 0x7F)}
_ESCAPES.update({"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"})
_ESCAPED = re.compile('[\x00-\x08\x0a-\x1f\x7f"\\\\]')  # a tab stays as it is
_NOT_LITERAL = re.compile('[\x00-\x08\x0b-\x1f\x7f]')  # not in a literal string (a tab and a line break are)
_ESCAPED_MULTILINE = re.compile('[\x00-\x08\x0b-\x1f\x7f"\\\\]')  # and in a multi-line string, a line break


def _hold_long_strings(value: Any, held: list[Any], nonce: str, in_tables: bool = True) -> Any:
    """`value` with every long string, and every array of tables of strings that is a value of a table
    written as `[name]` (`in_tables`: the top, and tables in tables), replaced by a placeholder that names
    its place in `held` (a table or list without one is passed on as it is, not copied)."""
    if isinstance(value, str):
        if len(value) < LONG_STRING:
            return value
        held.append(value)
        return f"{nonce}-{len(held) - 1}-".ljust(_PLACEHOLDER_LENGTH, "-")
    if isinstance(value, dict):
        items = [(key, _hold_long_strings(item, held, nonce, in_tables)) for key, item in value.items()]
        return dict(items) if any(new is not value[key] for key, new in items) else value
    if isinstance(value, (list, tuple)):
        if in_tables and _string_tables(value):
            held.append(list(value))
            placeholder = f"{nonce}-{len(held) - 1}-".ljust(_PLACEHOLDER_LENGTH, "-")
            # Inline, it is a value like a string; else tomli_w writes `[[name]]` and the placeholder's table.
            return placeholder if all(_inline_fits(table) for table in value) else [{nonce: placeholder}]
        items = [_hold_long_strings(item, held, nonce, False) for item in value]
        return items if any(new is not old for new, old in zip(items, value)) else value
    return value


def _string_tables(value: list[Any] | tuple[Any, ...]) -> bool:
    if not value or not all(isinstance(table, dict) for table in value):
        return False
    keys = {key for table in value for key in table}
    return (all(isinstance(key, str) and _BARE_KEY.fullmatch(key) for key in keys)
            and all(isinstance(text, str) for table in value for text in table.values()))


def _inline_table(table: dict[str, str]) -> str:
    return "{ " + ", ".join(f"{key} = {_toml_string(text)}" for key, text in table.items()) + " }" if table else "{}"


def _inline_fits(table: dict[str, str]) -> bool:
    inline = _inline_table(table)
    return len(inline) + 5 <= _INLINE_LENGTH and "\n" not in inline  # indented by four, and a comma


def _held_text(held: list[Any], placeholder: re.Match[str]) -> str:
    """What a placeholder stands for: its header and table number for an array of tables written as
    `[[name]]` tables (the placeholder's own line break ends the last), else its number for a string or an
    inline array."""
    header, table_number, number = placeholder[1], placeholder[2], placeholder[3]
    if header is not None:
        tables = held[int(table_number)]
        texts = iter(_toml_strings([text for table in tables for text in table.values()]))
        return "\n".join(header + "".join(f"{key} = {next(texts)}\n" for key in table) for table in tables)[:-1]
    value = held[int(number)]
    if isinstance(value, str):
        return _long_string(value)
    return "[\n" + "".join(f"    {_inline_table(table)},\n" for table in value) + "]"


def _toml_strings(texts: list[str]) -> list[str]:
    """Each text as a value: a long one as `_long_string`, the others as `_toml_string`; when all are short
    and single-line (as in `[[items]]`), escaped in one pass."""
    if any("\n" in text or len(text) >= LONG_STRING for text in texts):
        return [_long_string(text) if len(text) >= LONG_STRING else _toml_string(text) for text in texts]
    separator = os.urandom(8).hex()  # escaped as it is: no character of it is special
    return [f'"{text}"' for text in _ESCAPED.sub(_escape, separator.join(texts)).split(separator)]


def _long_string(text: str) -> str:
    """A long text (notes) as a literal string where TOML allows it, else as `_toml_string`: between
    `'''` it reads as it was typed, line breaks, quotes and backslashes included, and TOML's parsers read it
    many times faster than a basic string, which they walk one character at a time."""
    if _NOT_LITERAL.search(text) or "'''" in text or text.endswith("'"):
        return _toml_string(text)
    if "\n" in text:
        return "'''\n" + text + "'''"  # the line break after the opening quotes is not part of the text
    return "'" + text + "'" if "'" not in text else "'''" + text + "'''"


def _toml_string(text: str) -> str:
    """A TOML basic string as tomli_w writes it with `multiline_strings=True`."""
    if "\n" in text:
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        return '"""\n' + _ESCAPED_MULTILINE.sub(_escape, text) + '"""'
    return '"' + _ESCAPED.sub(_escape, text) + '"'


def _escape(match: re.Match[str]) -> str:
    return _ESCAPES[match.group()]


def _record_table(record: MeetingRecord) -> dict[str, Any]:
    return with_hand_added({
        "schema": SCHEMA,
        "title": record.title,
        "template": record.template,
        "network": record.network or None,
        "theme": record.theme or None,
        "goal": record.goal or None,
        "participants": record.participants,
        "planned_start": record.planned_start,
        "started": record.started,
        "ended": record.ended,
        "current_phase": record.current_phase,
        "phases": [_phase_table(phase) for phase in record.phases],
        "items": [
            {"kind": item.kind, "text": item.text, "owner": item.owner or None, "phase": item.phase}
            for item in record.items
        ],
        "checkout": [with_hand_added({"name": entry.name, "word": entry.word, "score": entry.score}, entry.extra)
                     for entry in record.checkout],
        "carried": [
            with_hand_added({"kind": entry.kind, "text": entry.text, "owner": entry.owner or None,
                             "from_meeting": entry.from_meeting, "status": entry.status}, entry.extra)
            for entry in record.carried
        ],
        "plan": _plan_table(record.plan),
        "attendance": dict(record.attendance) or None,
    }, record.extra)


def _phase_table(phase: PhaseRecord) -> dict[str, Any]:
    return with_hand_added({
        "kind": phase.kind,
        "title": phase.title,
        "planned_minutes": phase.planned_minutes,
        "extra_minutes": phase.extra_minutes,
        "started": phase.started,
        "ended": phase.ended,
        "elapsed_seconds": round(phase.elapsed_seconds, 3),
        "running_since": phase.running_since,
        "deadline": _deadline(phase),
        "notes": phase.notes,
        "current_step": phase.current_step if phase.steps else None,
        "step_mark": round(phase.step_mark, 3) if phase.steps else None,
        "steps": [
            with_hand_added({"title": step.title, "minutes": step.minutes, "instruction": step.instruction,
                             "round": step.round, "elapsed_seconds": round(step.elapsed_seconds, 3)}, step.extra)
            for step in phase.steps
        ],
        "round": phase.round,
        "workform": phase.workform or None,
        "roles": phase.roles or None,
    }, phase.extra)


def _plan_table(plan: PlanOrigin | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    return with_hand_added({
        "name": plan.name,
        "id": plan.id or None,
        "start": plan.start,
        "phases": [
            with_hand_added({"kind": p.kind, "title": p.title, "minutes": p.minutes, "workform": p.workform or None,
                             "content_by": p.content_by or None, "case_by": p.case_by or None}, p.extra)
            for p in plan.phases
        ],
    }, plan.extra)


def _deadline(phase: PhaseRecord) -> datetime | None:
    """When a running phase reaches zero: written for the reader; the timer is rebuilt from
    `elapsed_seconds` and `running_since`."""
    if phase.running_since is None:
        return None
    return phase.running_since + timedelta(seconds=60 * phase.minutes - phase.elapsed_seconds)


_RECORD_KEYS = frozenset({"schema", "title", "template", "network", "theme", "goal", "participants", "planned_start",
                         "started", "ended", "current_phase", "phases", "items", "checkout", "carried", "plan",
                         "attendance"})
"""The keys of each table the program writes itself; any other key is a person's own (see `extra`)."""
_PHASE_KEYS = frozenset({"kind", "title", "planned_minutes", "extra_minutes", "started", "ended", "elapsed_seconds",
                        "running_since", "deadline", "notes", "current_step", "step_mark", "steps", "round",
                        "workform", "roles"})
_STEP_KEYS = frozenset({"title", "minutes", "instruction", "round", "elapsed_seconds"})
_CHECKOUT_KEYS = frozenset({"name", "word", "score"})
_CARRIED_KEYS = frozenset({"kind", "text", "owner", "from_meeting", "status"})
_PLAN_KEYS = frozenset({"name", "id", "start", "phases"})
_PLANNED_KEYS = frozenset({"kind", "title", "minutes", "workform", "content_by", "case_by"})


def parse_record(path: Path) -> MeetingRecord:
    """Read and validate a meeting file; every problem in it (per field, or per phase, item or entry) is
    named in one `DataError`."""
    return record_of_table(read_toml(path), path)


def record_of_table(table: dict[str, Any], path: Path) -> MeetingRecord:
    """Validate a meeting file's parsed table (as `read_toml` gives it, or the index keeps it; see
    `storage.index`), as `parse_record` does."""
    fields = Fields(table, path)
    fields.check_schema(SCHEMA)  # a file of another version: its other fields say nothing
    problems = Problems(path)
    read = problems.read
    phase_tables = read(fields.tables, "phases")
    phases = [read(_parse_phase, phase) for phase in phase_tables or []]
    if phase_tables == []:
        problems.add(fields.error("phases", "verwacht minstens één fase"))
    current = read(fields.integer, "current_phase", 0, minimum=0, maximum=max(len(phases) - 1, 0))
    record = MeetingRecord(
        title=read(fields.text, "title"),
        template=read(fields.text, "template", ""),
        planned_start=read(fields.moment, "planned_start"),
        phases=phases,
        participants=read(fields.texts, "participants", []),
        started=read(fields.moment, "started", None),
        ended=read(fields.moment, "ended", None),
        current_phase=current,
        items=[read(_item, item) for item in read(fields.tables, "items", []) or []],
        checkout=[read(_checkout, entry) for entry in read(fields.tables, "checkout", []) or []],
        network=read(fields.text, "network", ""),
        carried=[read(_carried, entry) for entry in read(fields.tables, "carried", []) or []],
        theme=read(fields.text, "theme", ""),
        goal=read(fields.text, "goal", ""),
        plan=read(_parse_plan, fields),
        attendance=read(_attendance, fields) or {},
        extra=hand_added(fields, _RECORD_KEYS),
    )
    problems.raise_any()
    return record


def _item(item: Fields) -> Item:
    return Item(item.choice("kind", tuple(LABELS)), item.text("text"), item.text("owner", ""), item.text("phase", ""))


def _checkout(entry: Fields) -> Checkout:
    return Checkout(entry.text("name", allow_empty=False), entry.text("word", ""),
                    entry.integer("score", None, minimum=1, maximum=5), hand_added(entry, _CHECKOUT_KEYS))


def _carried(entry: Fields) -> Carried:
    return Carried(entry.choice("kind", CARRIED_KINDS), entry.text("text"), entry.text("owner", ""),
                   entry.text("from_meeting", allow_empty=False), entry.choice("status", CARRY_STATUSES, "open"),
                   hand_added(entry, _CARRIED_KEYS))


def _parse_plan(fields: Fields) -> PlanOrigin | None:
    """The plan the meeting ran, when the file has one (files from before plans have none)."""
    if "plan" not in fields.table:
        return None
    plan = Fields(fields.table["plan"], fields.path, fields.name("plan"))
    phases = tuple(
        PlannedSnapshot(
            kind=phase.choice("kind", PHASE_KINDS),
            title=phase.text("title", allow_empty=False),
            minutes=phase.minutes("minutes"),
            workform=phase.text("workform", ""),
            content_by=phase.text("content_by", ""),
            case_by=phase.text("case_by", ""),
            extra=hand_added(phase, _PLANNED_KEYS),
        )
        for phase in plan.tables("phases", [])
    )
    return PlanOrigin(name=plan.text("name"), id=plan.text("id", ""), phases=phases,
                      start=plan.moment("start", None), extra=hand_added(plan, _PLAN_KEYS))


def _attendance(fields: Fields) -> dict[str, str]:
    """`[attendance]`: participant = "aanwezig", "afgemeld" or "komt later"."""
    attendance = Fields(fields.table.get("attendance", {}), fields.path, fields.name("attendance"))
    return {name: attendance.choice(name, ATTENDANCE_STATES) for name in attendance.table}


def _parse_phase(phase: Fields) -> PhaseRecord:
    steps = [
        StepRecord(
            title=step.text("title", allow_empty=False),
            minutes=step.minutes("minutes"),
            instruction=step.text("instruction", ""),
            round=step.flag("round", False),
            elapsed_seconds=step.seconds("elapsed_seconds", 0.0),
            extra=hand_added(step, _STEP_KEYS),
        )
        for step in phase.tables("steps", [])
    ]
    current_step = phase.integer("current_step", 0, minimum=0, maximum=max(len(steps) - 1, 0))
    speaking = phase.table.get("round")
    if speaking is not None:  # validated by reading it once
        SpeakingRound.from_table(speaking, SystemClock(), path=phase.path, prefix=phase.name("round"))
    phase.moment("deadline", None)
    return PhaseRecord(
        kind=phase.choice("kind", PHASE_KINDS),
        title=phase.text("title", allow_empty=False),
        planned_minutes=phase.minutes("planned_minutes"),
        extra_minutes=phase.integer("extra_minutes", 0, minimum=-MAX_MINUTES, maximum=MAX_MINUTES),
        started=phase.moment("started", None),
        ended=phase.moment("ended", None),
        elapsed_seconds=phase.seconds("elapsed_seconds", 0.0),
        running_since=phase.moment("running_since", None),
        notes=phase.text("notes", ""),
        steps=steps,
        current_step=current_step,
        step_mark=phase.seconds("step_mark", 0.0),
        round=speaking,
        workform=phase.text("workform", ""),
        roles=_roles(phase),
        extra=hand_added(phase, _PHASE_KEYS),
    )


def _roles(phase: Fields) -> dict[str, str]:
    roles = phase.table.get("roles", {})
    if not isinstance(roles, dict) or not all(isinstance(v, str) for v in roles.values()):
        raise phase.error("roles", "verwacht een tabel van rol = \"naam\"")
    return dict(roles)


__all__ = [
    "ATTENDANCE_STATES",
    "CARRIED_KINDS",
    "CARRY_STATUSES",
    "CASE_ROLE",
    "CONTENT_ROLE",
    "PRESENT",
    "SCHEMA",
    "Carried",
    "Checkout",
    "DataError",
    "MeetingRecord",
    "PhaseRecord",
    "PlanOrigin",
    "PlannedSnapshot",
    "StepRecord",
    "parse_record",
    "record_of_table",
    "roti_average",
]
