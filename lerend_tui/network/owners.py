"""Whom an item belongs to: the participant an `@owner` means, and items grouped per person."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

NO_OWNER_LABEL = "iedereen"
"""How the UI names the group of items without an owner: they are for everyone."""


class _Owned(Protocol):
    @property
    def owner(self) -> str: ...


Owned = TypeVar("Owned", bound=_Owned)


def match_owner(owner: str, names: Sequence[str]) -> str:
    """The participant an `@owner` means: the same name, or the only one whose first name it is
    (case-insensitive); else the owner as written."""
    folded = owner.casefold()
    if not folded:
        return ""
    exact = [name for name in names if name.casefold() == folded]
    if exact:
        return exact[0]
    first = [name for name in names if name.casefold().split()[:1] == [folded]]
    return first[0] if len(first) == 1 else owner


def by_owner(entries: Iterable[Owned], names: Sequence[str] = ()) -> dict[str, list[Owned]]:
    """Items (carried items, meeting items) per person, for the check-in: the participants in the order
    of `names`, then other owners alphabetically, then the key "" (no owner: `NO_OWNER_LABEL`)."""
    groups: dict[str, list[Owned]] = {}
    for entry in entries:
        groups.setdefault(match_owner(entry.owner, names), []).append(entry)
    rank = {name: index for index, name in enumerate(names)}
    return dict(sorted(groups.items(), key=lambda group: (group[0] == "", rank.get(group[0], len(rank)),
                                                          group[0].casefold())))


__all__ = ["NO_OWNER_LABEL", "Owned", "by_owner", "match_owner"]
