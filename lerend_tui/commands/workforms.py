"""The `workforms` command: list, show and check work formats from the shell; and their text, which `pick`
shows too.

Plain Python (no Textual), so the commands start fast and can be tested without a terminal. These
commands only read: they never create the data dir or its folders, so they also work on a read-only one.
"""

from __future__ import annotations

import argparse
import shutil
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path

from lerend_tui.catalogue.workforms import Catalogue, Workform, check_files, load_catalogue
from lerend_tui.commands.shared import CliError, print_json, quiet_broken_pipe, warn, warn_each
from lerend_tui.common.paths import Paths
from lerend_tui.common.text import count_text


def load(paths: Paths) -> Catalogue:
    """The catalogue; each user file that is skipped is named on stderr, the rest still loads."""
    catalogue = load_catalogue(paths.workforms_folder)
    warn_each("overgeslagen", catalogue.problems)
    return catalogue


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
             f"{count_text(workform.minutes, 'minuut', 'minuten')} · "
             f"{count_text(len(workform.steps), 'stap', 'stappen')}",
             f"Geloot uit {count_text(out_of, 'passende werkvorm', 'passende werkvormen')}."]
    if age is not None:
        ago = "bij de vorige bijeenkomst" if age == 0 else f"{age + 1} bijeenkomsten geleden"
        lines.append(f"Deze werkvorm is {ago} nog gebruikt; daarom was de kans kleiner.")
    lines.append(f"Alle stappen: lerend-tui workforms show {workform.id}")
    return "\n".join(lines)


# --- the commands ----------------------------------------------------------------------------------

def list_command(paths: Paths, *, phase: str | None, as_json: bool) -> int:
    catalogue = load(paths)
    workforms = catalogue.for_phase(phase) if phase else list(catalogue)
    if as_json:
        print_json([w.to_json() for w in workforms])
    elif workforms:
        print("\n".join(list_lines(workforms)))
    else:
        warn(f"er is geen werkvorm voor fase '{phase}'.")
    return 0


def show_command(paths: Paths, id_: str, *, as_json: bool) -> int:
    """One work format in full; an unknown id raises the catalogue's Dutch `KeyError`."""
    workform = load(paths).get(id_)
    if as_json:
        print_json(workform.to_json())
    else:
        print(describe(workform))
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


@quiet_broken_pipe
def run(args: argparse.Namespace, paths: Paths) -> int:
    if args.workforms_command == "list":
        return list_command(paths, phase=args.phase, as_json=args.json)
    if args.workforms_command == "show":
        try:
            return show_command(paths, args.id, as_json=args.json)
        except KeyError as error:  # an unknown id; the catalogue's message is Dutch
            raise CliError(error.args[0]) from None
    return check_command(paths, args.paths)
