"""Where meeting records live on disk, and how they are written without ever losing one.

Every write goes to a temporary file in the same folder, is flushed and fsynced, and then replaces the
old file with `os.replace`, so a crash leaves either the old version or the new one, never half of one.
"""

from __future__ import annotations

import os
import re
import itertools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .record import MeetingRecord, parse_record
from .validation import DataError

MAX_SLUG = 60
_serial = itertools.count()


def atomic_write_text(path: Path, text: str, *, backup: bool = False) -> None:
    """Write `text` to `path` so that a crash leaves the old or the new version, never a mix.

    With `backup`, the version being replaced stays as `<name>.bak` (a hard link: no copying).
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{next(_serial)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if backup and path.exists():
            _keep_backup(path)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _keep_backup(path: Path) -> None:
    """Point `<name>.bak` at the current version, replacing the older backup in one step."""
    linked = path.with_name(f".{path.name}.{os.getpid()}.{next(_serial)}.bak")
    try:
        os.link(path, linked)
    except OSError:  # no hard links here (some network or FAT file systems): go without a backup
        return
    os.replace(linked, path.with_name(path.name + ".bak"))


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def slugify(title: str) -> str:
    """A file-name-safe, lowercase ASCII version of a title; never empty, never a path."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or "bijeenkomst"


@dataclass(frozen=True)
class StoredMeeting:
    path: Path
    record: MeetingRecord

    @property
    def id(self) -> str:
        return self.path.stem


class MeetingStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def new_path(self, record: MeetingRecord) -> Path:
        """`<date>-<slug>.toml`, with a number added when that name is taken."""
        stem = f"{record.planned_start.date().isoformat()}-{slugify(record.title)}"
        path = self.folder / f"{stem}.toml"
        number = 2
        while path.exists():
            path = self.folder / f"{stem}-{number}.toml"
            number += 1
        return path

    def save(self, record: MeetingRecord, path: Path) -> None:
        atomic_write_text(path, record.to_toml(), backup=True)

    def load(self, path: Path) -> MeetingRecord:
        return parse_record(path)

    def scan(self) -> tuple[list[StoredMeeting], list[DataError]]:
        """Every readable meeting, newest first, and a problem for each file that is not."""
        meetings: list[StoredMeeting] = []
        problems: list[DataError] = []
        for path in sorted(self.folder.glob("*.toml")):
            try:
                meetings.append(StoredMeeting(path, parse_record(path)))
            except DataError as error:
                problems.append(error)
        meetings.sort(key=lambda stored: stored.record.planned_start, reverse=True)
        return meetings, problems

    def latest_unfinished(self) -> StoredMeeting | None:
        meetings, _ = self.scan()
        return next((stored for stored in meetings if not stored.record.finished), None)

    def create(self, record: MeetingRecord) -> Path:
        """Save a new meeting under a fresh name, so it is on disk before anything is typed."""
        path = self.new_path(record)
        self.save(record, path)
        return path
