"""The `workforms` and `pick` commands: list, show and check work formats, and draw one from the shell.

Plain Python (no Textual), so the commands start fast and can be tested without a terminal. These
commands only read: they never create the data dir or its folders, so they also work on a read-only one.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lerend_tui.common.paths import Paths
from lerend_tui.common.text import count_text
from lerend_tui.catalogue.picker import Draw, Filters, History, candidates, explain_empty, recency_weights, recent_use
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.catalogue.workforms import Catalogue, Workform, check_files, load_catalogue


def load(paths: Paths) -> Catalogue:
    """The catalogue; each user file that is skipped is named on stderr, the rest still loads."""
    catalogue = load_catalogue(paths.workforms_folder)
    for problem in catalogue.problems:
        print(f"lerend-tui: overgeslagen: {problem}", file=sys.stderr)
    return catalogue


def recent_workforms(store: MeetingStore) -> list[list[str]]:
    """The work-format ids each stored meeting ran, newest meeting first (the input of `recency_weights`).

    A meeting without work formats still counts as a meeting: it makes earlier use less recent.
    Unreadable meeting files are left out; they say nothing reliable about what the group did.
    """
    meetings, _problems = store.scan()
    return History.of(stored.record for stored in meetings).used


# --- text ------------------------------------------------------------------------------------------

def group_text(workform: Workform) -> str:
    if workform.group_min == workform.group_max:
        text = count_text(workform.group_min, "deelnemer", "deelnemers")
    else:
        text = f"{workform.group_min}–{workform.group_max} deelnemers"
    return f"{text}, in groepjes van {workform.subgroups}" if workform.subgroups else text


NAME_WIDTH = 30
"""The list cuts longer names short (with …) so a line stays readable; `show` and `--json` have them whole."""


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def list_lines(workforms: Sequence[Workform]) -> list[str]:
    """One aligned line per work format: id, name, phases, group size (and subgroups), minutes; a
    facilitator's own file is marked `eigen`."""
    rows = [(w.id, _cut(w.name, NAME_WIDTH), ", ".join(w.phases),
             f"{w.group_min}–{w.group_max}" + (f", per {w.subgroups}" if w.subgroups else ""),
             f"{w.minutes:>3} min", "" if w.builtin else "eigen")
            for w in workforms]
    if not rows:
        return []
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    return ["  ".join([*(cell.ljust(width) for cell, width in zip(row, widths)), *row[4:]]).rstrip()
            for row in rows]


def _width() -> int:
    return min(shutil.get_terminal_size((88, 24)).columns, 100) - 1


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, _width(), initial_indent=indent, subsequent_indent=indent)


def describe(workform: Workform) -> str:
    """The whole work format, readable: everything a facilitator needs to run it."""
    title = f"{workform.name} ({workform.name_en})" if workform.name_en else workform.name
    origin = "ingebouwd" if workform.builtin else f"eigen bestand {workform.path}"
    lines = [title, f"id: {workform.id} · {origin}", "", _wrap(workform.summary), ""]
    facts = [("Fasen", ", ".join(workform.phases)), ("Groep", group_text(workform)),
             ("Duur", count_text(workform.minutes, "minuut", "minuten")), ("Rollen", ", ".join(workform.roles)),
             ("Materiaal", ", ".join(workform.materials)), ("Labels", ", ".join(workform.tags))]
    lines += [f"{label + ':':<11}{value}" for label, value in facts if value]
    lines += ["", "Stappen:"]
    for number, step in enumerate(workform.steps, 1):
        extra = ([", ".join(step.roles)] if step.roles else []) + (["rondje: ieder om de beurt"] if step.round else [])
        lines.append(f"{number:>3}. {step.title} ({step.minutes} min)" + "".join(f" · {e}" for e in extra))
        lines.append(_wrap(step.instruction, " " * 5))
    if workform.source:
        lines += ["", f"Bron: {workform.source}"]
    return "\n".join(lines)


def brief(workform: Workform, *, out_of: int, age: int | None) -> str:
    """The drawn work format in a few lines, with why it came up and where to read more."""
    lines = [f"{workform.name} ({workform.id})", _wrap(workform.summary),
             f"{', '.join(workform.phases)} · {group_text(workform)} · "
             f"{count_text(workform.minutes, 'minuut', 'minuten')} · {count_text(len(workform.steps), 'stap', 'stappen')}",
             f"Geloot uit {count_text(out_of, 'passende werkvorm', 'passende werkvormen')}."]
    if age is not None:
        ago = "bij de vorige bijeenkomst" if age == 0 else f"{age + 1} bijeenkomsten geleden"
        lines.append(f"Deze werkvorm is {ago} nog gebruikt; daarom was de kans kleiner.")
    lines.append(f"Alle stappen: lerend-tui workforms show {workform.id}")
    return "\n".join(lines)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


# --- the commands ----------------------------------------------------------------------------------

def list_command(paths: Paths, *, phase: str | None, as_json: bool) -> int:
    catalogue = load(paths)
    workforms = catalogue.for_phase(phase) if phase else list(catalogue)
    if as_json:
        print(_json([w.to_json() for w in workforms]))
    elif workforms:
        print("\n".join(list_lines(workforms)))
    else:
        print(f"lerend-tui: er is geen werkvorm voor fase '{phase}'.", file=sys.stderr)
    return 0


def show_command(paths: Paths, id_: str, *, as_json: bool) -> int:
    """One work format in full; an unknown id raises the catalogue's Dutch `KeyError`."""
    workform = load(paths).get(id_)
    print(_json(workform.to_json()) if as_json else describe(workform))
    return 0


def _count_files(paths: Iterable[Path]) -> int:
    """The `.toml` files (and whatever else is named so: a named pipe is checked, and refused) to check."""
    return sum(len(list(p.glob("*.toml"))) if p.is_dir() else 1 for p in paths if p.exists())


def check_command(paths: Paths, targets: Sequence[Path]) -> int:
    """Validate files and folders (default: the user's folder); 1 when anything is wrong."""
    if not targets:
        folder = paths.workforms_folder
        if not _count_files([folder]):
            print(f"Geen eigen werkvormen in {folder}; niets te controleren.")
            return 0
        targets = [folder]
    problems = [line for error in check_files(list(targets)) for line in error.lines()]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{count_text(len(problems), 'fout', 'fouten')} gevonden.")
        return 1
    print(f"In orde: {count_text(_count_files(targets), 'werkvormbestand', 'werkvormbestanden')}.")
    return 0


def draw_one(catalogue: Catalogue | Iterable[Workform], filters: Filters, used: Sequence[Sequence[str]],
             rng: random.Random) -> tuple[Workform | None, int]:
    """One fitting work format, weighed down by recent use (`used`: ids per meeting, newest first),
    and how many fitted; `None` when nothing fits."""
    fitting = candidates(catalogue, filters)
    if not fitting:
        return None, 0
    return Draw(fitting, rng, recency_weights(used)).next(), len(fitting)


def pick_command(paths: Paths, filters: Filters, *, seed: int | None, as_json: bool) -> int:
    catalogue = load(paths)
    used = recent_workforms(MeetingStore(paths.meetings_folder))
    chosen, out_of = draw_one(catalogue, filters, used, random.Random(seed))
    if chosen is None:
        print(f"lerend-tui: {explain_empty(catalogue, filters)}", file=sys.stderr)
        return 1
    if as_json:
        print(_json(chosen.to_json()))
    else:
        print(brief(chosen, out_of=out_of, age=recent_use(used).get(chosen.id)))
    return 0
