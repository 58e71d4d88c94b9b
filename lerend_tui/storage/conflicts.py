"""The copies a sync tool makes when two laptops changed the same meeting file before they synced.

A data dir shared through Syncthing, Nextcloud, ownCloud, Dropbox, OneDrive or Seafile gets, on a conflict, a
second file beside the meeting's own, named after it:

- Syncthing: `<name>.sync-conflict-20261124-193000-ABCDEFG.toml`
- Nextcloud and Dropbox: `<name> (conflicted copy 2026-11-24 193000).toml`, `<name> (Anouk's conflicted copy
  2026-11-24).toml`, and in other languages `<name> (Kopie met conflict …).toml` and the like
- ownCloud: `<name>_conflict-20261124-193000.toml`; Seafile: `<name> (SFConflict anouk@… 2026-11-24-19-30-00).toml`
- OneDrive: `<name>-LAPTOP-ANOUK.toml` (the computer's name, upper case; `-2` and so on after it when there
  are more). The program's own names are lower case (`meetings.slugify`), so this never takes one of them.

Such a copy is a conflict to resolve, never a meeting of its own (it would count twice in a network's trends,
roles and carry-over): but only while the file it is a copy of is there. Alone, it is all there is of that
meeting, and counts as the meeting.
"""

from __future__ import annotations

import re

_PATTERNS = [re.compile(pattern) for pattern in (
    r"(?P<stem>.+?)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]+)?",  # Syncthing
    r"(?P<stem>.+?) \((?i:[^()]*conflict[^()]*)\)(?: \(\d+\))?",  # Nextcloud, Dropbox, Seafile: "(… conflict …)"
    r"(?P<stem>.+?)_conflict-\d{8}-\d{6}",  # ownCloud
    r"(?P<stem>.+?)-[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*?(?:-\d+)?",  # OneDrive: the computer's name
)]


def conflict_original(name: str) -> str | None:
    """The name of the file that the file `name` is a sync tool's conflict copy of (`a.toml` for
    `a.sync-conflict-20261124-193000-ABCDEFG.toml`), or None when its name does not say so."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        return None
    match = next((found for pattern in _PATTERNS if (found := pattern.fullmatch(stem))), None)
    return None if match is None else f"{match['stem']}.{suffix}"


__all__ = ["conflict_original"]
