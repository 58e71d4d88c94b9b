"""The work-format (werkvorm) catalogue: one TOML file per work format, validated on read.

Built-in work formats live in `lerend_tui/workforms/catalogue/`; a facilitator's own files in
`<data>/workforms/` add to them or replace a built-in one with the same `id`. A broken file is skipped
and reported; the rest of the catalogue still loads.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

from ..plan import PHASE_KINDS
from ..validation import DataError, Fields, read_toml

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TOP_KEYS = frozenset({
    "id", "name", "name_en", "summary", "phases", "group_min", "group_max", "subgroups", "minutes",
    "roles", "materials", "source", "tags", "steps",
})
STEP_KEYS = frozenset({"title", "minutes", "instruction", "round", "roles"})


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


def _reject_unknown(fields: Fields, known: frozenset[str]) -> None:
    unknown = sorted(set(fields.table) - known)
    if unknown:
        raise fields.error(unknown[0], f"onbekend veld; bekende velden zijn {', '.join(sorted(known))}")


def _flag(fields: Fields, key: str, default: bool = False) -> bool:
    value = fields.table.get(key, default)
    if not isinstance(value, bool):
        raise fields.error(key, f"verwacht true of false, maar vond {value!r}")
    return value


def _distinct_texts(fields: Fields, key: str, *default: Any) -> tuple[str, ...]:
    """A list of non-empty, distinct texts; `default` (if given) is used when the key is absent."""
    values = fields.texts(key, *default)
    for value in values:
        if not value.strip():
            raise fields.error(key, "bevat een lege tekst")
        if values.count(value) > 1:
            raise fields.error(key, f"'{value}' staat er meer dan eens in")
    return tuple(values)


def _parse_step(step: Fields, roles: tuple[str, ...]) -> Step:
    _reject_unknown(step, STEP_KEYS)
    step_roles = _distinct_texts(step, "roles", [])
    for role in step_roles:
        if role not in roles:
            expected = (f"een van de rollen uit 'roles' ({', '.join(roles)})" if roles
                        else "eerst de rol in 'roles' op te nemen")
            raise step.error("roles", f"onbekende rol '{role}'; verwacht {expected}")
    return Step(
        title=step.text("title", allow_empty=False).strip(),
        minutes=step.integer("minutes", minimum=1),
        instruction=step.text("instruction", allow_empty=False).strip(),
        round=_flag(step, "round"),
        roles=step_roles,
    )


def parse_workform(path: Path, *, builtin: bool = False) -> Workform:
    """Read and validate one work-format file; any mistake raises a `DataError` naming the field."""
    fields = Fields(read_toml(path), path)
    _reject_unknown(fields, TOP_KEYS)

    id_ = fields.text("id", allow_empty=False)
    if not ID_PATTERN.match(id_):
        raise fields.error(
            "id", f"verwacht kleine letters, cijfers en streepjes (zoals 'troika-consulting'), maar vond '{id_}'")
    if id_ != path.stem:
        raise fields.error("id", f"moet gelijk zijn aan de bestandsnaam '{path.stem}', maar is '{id_}'")

    phases = _distinct_texts(fields, "phases")
    if not phases:
        raise fields.error("phases", f"verwacht minstens één fase uit {', '.join(PHASE_KINDS)}")
    for phase in phases:
        if phase not in PHASE_KINDS:
            raise fields.error("phases", f"onbekende fase '{phase}'; verwacht een van {', '.join(PHASE_KINDS)}")

    group_min = fields.integer("group_min", minimum=1)
    group_max = fields.integer("group_max", minimum=1)
    if group_min > group_max:
        raise fields.error("group_min", f"de kleinste groep ({group_min}) is groter dan 'group_max' ({group_max})")
    subgroups = fields.integer("subgroups", None, minimum=2)
    if subgroups is not None and subgroups > group_max:
        raise fields.error("subgroups", f"subgroepjes van {subgroups} passen niet in 'group_max' ({group_max})")

    minutes = fields.integer("minutes", minimum=1)
    roles = _distinct_texts(fields, "roles", [])
    steps = tuple(_parse_step(step, roles) for step in fields.tables("steps"))
    if not steps:
        raise fields.error("steps", "verwacht minstens één stap ([[steps]])")
    total = sum(step.minutes for step in steps)
    if total != minutes:
        raise fields.error("minutes", f"is {minutes}, maar de stappen duren samen {total} minuten")

    return Workform(
        id=id_,
        name=fields.text("name", allow_empty=False).strip(),
        name_en=fields.text("name_en", "").strip(),
        summary=fields.text("summary", allow_empty=False).strip(),
        phases=phases,
        group_min=group_min,
        group_max=group_max,
        subgroups=subgroups,
        minutes=minutes,
        steps=steps,
        roles=roles,
        materials=_distinct_texts(fields, "materials", []),
        source=fields.text("source", "").strip(),
        tags=_distinct_texts(fields, "tags", []),
        path=path,
        builtin=builtin,
    )


@dataclass
class Catalogue:
    workforms: dict[str, Workform]
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


def builtin_workform_files() -> list[Path]:
    folder = resources.files(__name__) / "catalogue"
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".toml"))


def _toml_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.glob("*.toml") if path.is_file())


def load_catalogue(user_folder: Path | None = None) -> Catalogue:
    """Built-in work formats, then the user's (which add or override by `id`); broken files are skipped."""
    catalogue = Catalogue({})
    user_files = _toml_files(user_folder) if user_folder and user_folder.is_dir() else []
    sources = [(path, True) for path in builtin_workform_files()] + [(path, False) for path in user_files]
    for path, builtin in sources:
        try:
            workform = parse_workform(path, builtin=builtin)
        except DataError as error:
            catalogue.problems.append(error)
            continue
        catalogue.workforms[workform.id] = workform
    return catalogue


def check_files(paths: list[Path]) -> list[DataError]:
    """Validate work-format files (a path may be a folder of `.toml` files); the problems found."""
    problems: list[DataError] = []
    for path in paths:
        if path.is_dir():
            files = _toml_files(path)
            if not files:
                problems.append(DataError(path, "deze map bevat geen .toml-bestanden"))
        elif path.exists():
            files = [path]
        else:
            problems.append(DataError(path, "bestand of map bestaat niet"))
            continue
        for file in files:
            try:
                parse_workform(file)
            except DataError as error:
                problems.append(error)
    return problems
