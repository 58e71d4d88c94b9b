"""The work-format (werkvorm) catalogue: one TOML file per work format, validated on read.

Built-in work formats live in `lerend_tui/catalogue/data/`; a facilitator's own files in
`<data>/workforms/` add to them or replace a built-in one with the same `id`. A broken file is skipped
and reported; the rest of the catalogue still loads.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.validation import DataError, Fields, Problems, ReadWhenAsked, read_folder, read_toml
from lerend_tui.templates import PHASE_KINDS

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TOP_KEYS = frozenset({
    "id", "name", "name_en", "summary", "phases", "group_min", "group_max", "subgroups", "minutes",
    "roles", "materials", "source", "tags", "steps",
})
STEP_KEYS = frozenset({"title", "minutes", "instruction", "round", "roles"})


@datatype
class Step:
    title: str
    minutes: int
    instruction: str
    round: bool = False
    """A speaking round: everyone in turn."""
    roles: tuple[str, ...] = ()
    """The roles that act in this step (a subset of the work format's roles)."""

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "minutes": self.minutes, "instruction": self.instruction,
                "round": self.round, "roles": list(self.roles)}


@datatype
class Workform:
    id: str
    name: str
    name_en: str
    summary: str
    phases: tuple[str, ...]
    group_min: int
    group_max: int
    subgroups: int | None
    """Size of the parallel subgroups the format runs in, if it runs in subgroups."""
    minutes: int
    steps: tuple[Step, ...]
    roles: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    source: str = ""
    tags: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)
    builtin: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "name_en": self.name_en, "summary": self.summary,
            "phases": list(self.phases), "group_min": self.group_min, "group_max": self.group_max,
            "subgroups": self.subgroups, "minutes": self.minutes,
            "steps": [step.to_json() for step in self.steps],
            "roles": list(self.roles), "materials": list(self.materials), "source": self.source,
            "tags": list(self.tags), "builtin": self.builtin,
            "path": str(self.path) if self.path else None,
        }


MAX_GROUP = 1000
"""More people than any learning network has: a group size above it is a typing error."""


def _reject_unknown(fields: Fields, known: frozenset[str], problems: Problems) -> None:
    """Every key of the table that is not in `known` is a problem."""
    for key in sorted(set(fields.table) - known):
        problems.add(fields.error(key, f"onbekend veld; bekende velden zijn {', '.join(sorted(known))}"))


def _distinct_texts(fields: Fields, key: str, *default: Any) -> tuple[str, ...]:
    """A list of non-empty, distinct texts; `default` (if given) is used when the key is absent."""
    values = fields.texts(key, *default)
    for value in values:
        if not value.strip():
            raise fields.error(key, "bevat een lege tekst")
        if values.count(value) > 1:
            raise fields.error(key, f"'{value}' staat er meer dan eens in")
    return tuple(values)


def _id(fields: Fields, path: Path) -> str:
    id_ = fields.text("id", allow_empty=False)
    if not ID_PATTERN.match(id_):
        raise fields.error(
            "id", f"verwacht kleine letters, cijfers en streepjes (zoals 'troika-consulting'), maar vond '{id_}'")
    if id_ != path.stem:
        raise fields.error("id", f"moet gelijk zijn aan de bestandsnaam '{path.stem}', maar is '{id_}'")
    return id_


def _phases(fields: Fields) -> tuple[str, ...]:
    phases = _distinct_texts(fields, "phases")
    if not phases:
        raise fields.error("phases", f"verwacht minstens één fase uit {', '.join(PHASE_KINDS)}")
    for phase in phases:
        if phase not in PHASE_KINDS:
            raise fields.error("phases", f"onbekende fase '{phase}'; verwacht een van {', '.join(PHASE_KINDS)}")
    return phases


def _step_roles(step: Fields, roles: tuple[str, ...] | None) -> tuple[str, ...]:
    """The roles of a step, each one of the work format's `roles` (not checked when those are broken)."""
    step_roles = _distinct_texts(step, "roles", [])
    for role in step_roles:
        if roles is not None and role not in roles:
            expected = (f"een van de rollen uit 'roles' ({', '.join(roles)})" if roles
                        else "eerst de rol in 'roles' op te nemen")
            raise step.error("roles", f"onbekende rol '{role}'; verwacht {expected}")
    return step_roles


def _parse_step(step: Fields, roles: tuple[str, ...] | None, problems: Problems) -> Step | None:
    """The step, or None when something in it is wrong (each problem goes to `problems`)."""
    _reject_unknown(step, STEP_KEYS, problems)
    before = len(problems.found)
    title = problems.read(step.text, "title", allow_empty=False)
    minutes = problems.read(step.minutes, "minutes")
    instruction = problems.read(step.text, "instruction", allow_empty=False)
    round_ = problems.read(step.flag, "round", False)
    step_roles = problems.read(_step_roles, step, roles)
    if len(problems.found) > before or title is None or minutes is None or instruction is None \
            or round_ is None or step_roles is None:
        return None
    return Step(title=title.strip(), minutes=minutes, instruction=instruction.strip(), round=round_, roles=step_roles)


def parse_workform(path: Path, *, builtin: bool = False) -> Workform:
    """Read and validate one work-format file. Every mistake in it is named (file and field) in one
    `DataError`, so `workforms check` lists them all at once."""
    fields = Fields(read_toml(path), path)
    problems = Problems(path)
    read = problems.read
    _reject_unknown(fields, TOP_KEYS, problems)
    id_ = read(_id, fields, path)
    phases = read(_phases, fields)
    group_min = read(fields.integer, "group_min", minimum=1, maximum=MAX_GROUP)
    group_max = read(fields.integer, "group_max", minimum=1, maximum=MAX_GROUP)
    if group_min is not None and group_max is not None and group_min > group_max:
        problems.add(fields.error("group_min",
                                  f"de kleinste groep ({group_min}) is groter dan 'group_max' ({group_max})"))
    subgroups = read(fields.integer, "subgroups", None, minimum=2, maximum=MAX_GROUP)
    if subgroups is not None and group_max is not None and subgroups > group_max:
        problems.add(fields.error("subgroups", f"subgroepjes van {subgroups} passen niet in 'group_max' ({group_max})"))
    minutes = read(fields.minutes, "minutes")
    roles = read(_distinct_texts, fields, "roles", [])
    step_tables = read(fields.tables, "steps")
    steps = [_parse_step(step, roles, problems) for step in step_tables or []]
    if step_tables == []:
        problems.add(fields.error("steps", "verwacht minstens één stap ([[steps]])"))
    total = sum(step.minutes for step in steps if step is not None)
    if minutes is not None and steps and None not in steps and total != minutes:
        problems.add(fields.error("minutes", f"is {minutes}, maar de stappen duren samen {total} minuten"))
    name = read(fields.text, "name", allow_empty=False)
    summary = read(fields.text, "summary", allow_empty=False)
    name_en = read(fields.text, "name_en", "")
    source = read(fields.text, "source", "")
    materials = read(_distinct_texts, fields, "materials", [])
    tags = read(_distinct_texts, fields, "tags", [])
    problems.raise_any()
    return Workform(
        id=id_, name=name.strip(), name_en=name_en.strip(), summary=summary.strip(),
        phases=phases, group_min=group_min, group_max=group_max, subgroups=subgroups, minutes=minutes,
        steps=tuple(step for step in steps if step is not None), roles=roles, materials=materials,
        source=source.strip(), tags=tags,
        path=path, builtin=builtin,
    )


@datatype(frozen=False)
class Catalogue:
    workforms: Mapping[str, Workform]
    """By id: the built-in ones, each read when first asked for (a meeting's report names a few), and the
    user's, read at once; a user's work format with a built-in one's id takes its place. A work format's id is
    its file's name (`parse_workform`)."""
    problems: list[DataError] = field(default_factory=list)

    def get(self, id_: str) -> Workform:
        try:
            return self.workforms[id_]
        except KeyError:
            close = [known for known in sorted(self.workforms) if id_ and id_ in known][:3]
            close = close or difflib.get_close_matches(id_, self.workforms, n=3)
            hint = f" Bedoelde je {' of '.join(repr(c) for c in close)}?" if close else ""
            raise KeyError(f"Onbekende werkvorm '{id_}'.{hint}") from None

    def name_of(self, id_: str) -> str:
        """The work format's name; for an id the catalogue does not have (any more), the id itself."""
        found = self.workforms.get(id_)
        return found.name if found else id_

    def for_phase(self, kind: str) -> list[Workform]:
        return [w for _, w in sorted(self.workforms.items()) if kind in w.phases]

    def __iter__(self) -> Iterator[Workform]:
        return iter(w for _, w in sorted(self.workforms.items()))

    def __len__(self) -> int:
        return len(self.workforms)


BUILTIN_FOLDER = Path(str(resources.files("lerend_tui.catalogue") / "data"))


def builtin_workform_files() -> list[Path]:
    return sorted(BUILTIN_FOLDER.glob("*.toml"))


def load_catalogue(user_folder: Path | None = None) -> Catalogue:
    """Built-in work formats, and the user's (which add or override by `id`); a broken file of the user's is
    skipped and reported."""
    own, problems = read_folder(user_folder, parse_workform) if user_folder is not None else ([], [])
    return Catalogue(ReadWhenAsked(builtin_workform_files(), partial(parse_workform, builtin=True),
                                   {workform.id: workform for workform in own}), problems)


def check_files(paths: list[Path]) -> list[DataError]:
    """Validate work-format files (a path may be a folder of `.toml` files); the problems found."""
    problems: list[DataError] = []
    for path in paths:
        if path.is_dir():
            found, broken = read_folder(path, parse_workform)
            if not found and not broken:
                problems.append(DataError(path, "deze map bevat geen .toml-bestanden"))
            problems += broken
        elif path.exists():
            try:
                parse_workform(path)
            except DataError as error:
                problems.append(error)
        else:
            problems.append(DataError(path, "bestand of map bestaat niet"))
    return problems
