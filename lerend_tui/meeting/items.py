"""Items captured from the notes as they are typed: agreements, actions, learning questions, insights
and commitments (the "stok achter de deur").

A note line that begins with one of the labels becomes an item, and stays in the notes as typed;
`@Naam` in the line names its owner.
"""

from __future__ import annotations

import re

from lerend_tui.common.datatypes import datatype

LABELS = {
    "afspraak": "Afspraak",
    "actie": "Actie",
    "leervraag": "Leervraag",
    "inzicht": "Inzicht",
    "stok": "Stok achter de deur",
    # What a kick-off collects for the network (see `network.exchange.collect_from_meeting`).
    "verwachting": "Verwachting",
    "voorkeur": "Leervoorkeur",
    "randvoorwaarde": "Randvoorwaarde",
}
_KINDS = {label.casefold(): kind for kind, label in LABELS.items()}
_LINE = re.compile(
    r"^\s*(?:[-*•]\s*)?(" + "|".join(map(re.escape, LABELS.values())) + r")\s*:\s*(.*?)\s*$", re.IGNORECASE
)
_OWNER = re.compile(r"@(\w[\w'-]*)")


@datatype
class Item:
    kind: str
    """A key of `LABELS`."""
    text: str
    owner: str
    phase: str
    """The title of the phase whose notes hold it."""


def parse_items(notes: str, phase: str) -> list[Item]:
    """Every labelled line of `notes`, in order (any case; a leading bullet is allowed)."""
    return [item for line in notes.splitlines() if (item := _item(line, phase)) is not None]


def _item(line: str, phase: str) -> Item | None:
    """The item a line of notes holds, if any."""
    match = _LINE.match(line)
    if match is None or not match.group(2):
        return None
    label, text = match.groups()
    owner = _OWNER.search(text)
    return Item(_KINDS[label.casefold()], text, owner.group(1) if owner else "", phase)


class NotesItems:
    """`parse_items` of one phase's notes as they change, a few keys at a time: only the lines that changed
    since the last call are read again, so a save need not read a megabyte of notes for each keystroke.

    Lines end at line breaks (`str.splitlines`), and after a newline a line always begins, whatever comes
    next. So the lines up to the last newline before the first character that changed, and those after the
    first newline past the last one, are the lines they were (the latter moved by as many characters as
    the notes grew), and so are their items."""

    def __init__(self) -> None:
        self._notes = ""
        self._phase = ""
        self._found: list[tuple[int, int, Item]] = []
        """Every item with where its line begins and ends (after its line break) in `_notes`."""

    def items(self, notes: str, phase: str) -> list[Item]:
        """The same list as `parse_items(notes, phase)`."""
        if phase != self._phase:
            self._notes, self._phase, self._found = "", phase, []
        old = self._notes
        if notes != old:
            same_start = _common_prefix(old, notes)
            same_end = _common_suffix(old, notes, min(len(old), len(notes)) - same_start)
            start = notes.rfind("\n", 0, same_start) + 1
            end = notes.find("\n", len(notes) - same_end) + 1 or len(notes)
            grown = len(notes) - len(old)
            self._found = ([found for found in self._found if found[1] <= start]
                           + _found_in(notes, start, end, phase)
                           + [(begins + grown, ends + grown, item) for begins, ends, item in self._found
                              if begins >= end - grown])
            self._notes = notes
        return [item for _, _, item in self._found]


def _found_in(notes: str, start: int, end: int, phase: str) -> list[tuple[int, int, Item]]:
    """The items of the whole lines `notes[start:end]`, with where each line begins and ends."""
    found = []
    begins = start
    for line, with_break in zip(notes[start:end].splitlines(), notes[start:end].splitlines(keepends=True)):
        ends = begins + len(with_break)
        item = _item(line, phase)
        if item is not None:
            found.append((begins, ends, item))
        begins = ends
    return found


def _common_prefix(one: str, other: str) -> int:
    """How many characters the two texts begin with alike (a binary search of slices compared in C)."""
    same, differs = 0, min(len(one), len(other)) + 1  # one[:same] == other[:same]; one[:differs] != other[:differs]
    while differs - same > 1:
        middle = (same + differs) // 2
        if other.startswith(one[same:middle], same):
            same = middle
        else:
            differs = middle
    return same


def _common_suffix(one: str, other: str, limit: int) -> int:
    """How many characters (at most `limit`) the two texts end with alike."""
    same, differs = 0, limit + 1
    while differs - same > 1:
        middle = (same + differs) // 2
        if other.endswith(one[len(one) - middle:len(one) - same], 0, len(other) - same):
            same = middle
        else:
            differs = middle
    return same


def without_mentions(text: str) -> str:
    """The text as a reader outside the program writes it: "@Bram" as "Bram"."""
    return _OWNER.sub(r"\1", text)


def with_commitments(notes: str, commitments: dict[str, str]) -> str:
    """The notes with a "Stok achter de deur: @Naam …" line added for each commitment not yet in them, so the
    commitments made at the closing are items like any typed one, and come back at the next check-in."""
    lines = [f"{LABELS['stok']}: @{name.split()[0]} {text}" for name, text in commitments.items()]
    new = [line for line in lines if line not in notes.splitlines()]
    if not new:
        return notes
    return (notes.rstrip("\n") + "\n" if notes.strip() else "") + "\n".join(new) + "\n"
