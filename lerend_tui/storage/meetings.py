"""Where meeting records live on disk, and how they are written without ever losing one.

Every write goes to a temporary file in the same folder, is flushed and fsynced, and then replaces the
old file with `os.replace`, so a crash leaves either the old version or the new one, never half of one.
The temporary file is new (never a symlink or anything else found in its place) and `0600`: notes can
be confidential, so every file written, and its `.bak`, is readable by its owner only.

A meeting screen writes in a background thread while the facilitator types on (`MeetingStore.version`
where the record changes, `MeetingStore.write` in any thread): a store writes one file at a time, and
never an older version over a newer one.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.validation import DataError
from lerend_tui.meeting.record import MeetingRecord, parse_record, table_to_toml

if TYPE_CHECKING:
    from lerend_tui.catalogue.picker import History
    from lerend_tui.common.paths import Paths
    from lerend_tui.storage.index import MeetingIndex

MAX_SLUG = 60
SAFE_FLAGS = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
"""Added to every open for writing in the data dir: never through a symlink (where the platform can
refuse one), and bytes as written (Windows would turn newlines into CRLF)."""
_serial = itertools.count()


def atomic_write_text(path: Path, text: str, *, backup: bool = False) -> None:
    """Write `text` to `path` so that a crash leaves the old or the new version, never a mix.

    With `backup`, the version being replaced stays as `<name>.bak` (a hard link: no copying).
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{next(_serial)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | SAFE_FLAGS, 0o600)
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


_LINK_ITSELF = {"follow_symlinks": False} if os.link in os.supports_follow_symlinks else {}


def _keep_backup(path: Path) -> None:
    """Point `<name>.bak` at the current version, replacing the older backup in one step (a symlink at
    `path` is linked as the link, never followed)."""
    linked = path.with_name(f".{path.name}.{os.getpid()}.{next(_serial)}.bak")
    try:
        os.link(path, linked, **_LINK_ITSELF)
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


@datatype
class StoredMeeting:
    path: Path
    record: MeetingRecord

    @property
    def id(self) -> str:
        return self.path.stem

    @property
    def finished(self) -> bool:
        return self.record.finished

    @property
    def last_activity(self) -> datetime:
        """When the meeting was last used: its record's `last_activity`, else when its file was last written."""
        found = self.record.last_activity
        if found is not None:
            return found
        try:
            return datetime.fromtimestamp(self.path.stat().st_mtime, UTC)
        except OSError:  # gone meanwhile: its planned start is all there is
            return self.record.planned_start


@datatype
class Version:
    """A record as it was at one moment, ready to be written from any thread (see `MeetingStore.version`)."""

    number: int
    """Higher is newer, within one store."""
    table: dict[str, Any] = field(repr=False)  # a megabyte of notes, say

    @cached_property
    def text(self) -> str:
        """The file's text, made when first asked for (some 11 ms of CPU for a meeting with 1 MiB of notes)."""
        return table_to_toml(self.table)


class _Used(Protocol):
    @property
    def finished(self) -> bool: ...
    @property
    def last_activity(self) -> datetime: ...


Used = TypeVar("Used", bound=_Used)


def unfinished_of(meetings: Iterable[Used]) -> list[Used]:
    """Of `meetings` (`StoredMeeting`s or the index's `MeetingFacts`), those not yet finished, the one used
    most recently first (`last_activity`)."""
    return sorted((stored for stored in meetings if not stored.finished),
                  key=lambda stored: stored.last_activity, reverse=True)


class MeetingStore:
    """The meeting files of a folder, read through their index (`storage.index`): in the `cache` dir, or in
    memory for this store alone when None."""

    def __init__(self, folder: Path, cache: Path | None = None) -> None:
        self.folder = folder
        self.cache = cache
        self._writing = threading.Lock()
        self._numbers = itertools.count(1)
        self._written: dict[Path, int] = {}

    @classmethod
    def of(cls, paths: Paths, *, make: bool = False) -> MeetingStore:
        """The data dir's meetings, indexed in the cache dir; its folder made with `make` (to write in), else
        left as it is (to read only)."""
        return cls(paths.meetings if make else paths.meetings_folder, paths.cache)

    @cached_property
    def index(self) -> MeetingIndex:
        """Made when first asked for: `start` writes a meeting and opens it without it (nor SQLite)."""
        from lerend_tui.storage.index import MeetingIndex, index_file_name

        return MeetingIndex(self.folder, None if self.cache is None else self.cache / index_file_name(self.folder))

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
        self.write(self.version(record), path)

    def version(self, record: MeetingRecord) -> Version:
        """The record as it is now, numbered, detached from it: the record may change while this is written.
        Cheap (the text is made later, see `Version.text`); call it from the thread that changes the record."""
        return Version(next(self._numbers), record.to_table())

    def write(self, version: Version, path: Path) -> bool:
        """Write `version` to `path`, atomically, after any write in progress; False (and nothing written)
        when this store has written this version or a newer one there already. Safe from any thread."""
        with self._writing:
            if self._written.get(path, 0) >= version.number:
                return False
            atomic_write_text(path, version.text, backup=True)
            self._written[path] = version.number
            return True

    def load(self, path: Path) -> MeetingRecord:
        return parse_record(path)

    def scan(self) -> tuple[list[StoredMeeting], list[DataError]]:
        """Every readable meeting, newest first, and a problem for each file that is not; a sync tool's
        conflict copy of a meeting that is there is left out (see `storage.conflicts`)."""
        records, problems = self.index.everything()
        meetings = [StoredMeeting(self.folder / f"{id_}.toml", record) for id_, record in records.items()]
        meetings.sort(key=lambda stored: stored.record.planned_start, reverse=True)
        return meetings, problems

    def unfinished(self, network: str | None = None) -> list[StoredMeeting]:
        """The meetings not yet finished, the one used most recently first (`StoredMeeting.last_activity`);
        with `network`, only those of that learning network."""
        chosen = unfinished_of(facts for facts in self.index.listing().meetings
                               if network is None or facts.network == network)
        records = self.index.records([facts.id for facts in chosen]) if chosen else {}
        return [StoredMeeting(facts.path, records[facts.id]) for facts in chosen if facts.id in records]

    def latest_unfinished(self, network: str | None = None) -> StoredMeeting | None:
        """The unfinished meeting used most recently ("Verder", `start --resume`); with `network`, of that
        learning network."""
        return next(iter(self.unfinished(network)), None)

    def history(self, network: str = "", *, without: str = "") -> History:
        """The draw's `History` of the meetings (with `network`, of that learning network's; without meeting
        `without`), newest first, from the index: as `History.of` their records, without reading them."""
        from lerend_tui.catalogue.picker import History  # the draw's code: loaded when a draw needs it

        meetings = [facts for facts in self.index.listing().meetings
                    if facts.id != without and (not network or facts.network == network)]
        return History(used=[list(facts.workforms) for facts in meetings],
                       roles=[dict(facts.roles) for facts in meetings if facts.ran])

    def throw_away(self, path: Path) -> Path:
        """Put a meeting aside, kept but no longer counted anywhere: renamed to `<name>.toml.bak`, which no
        scan reads (as a plan thrown away is). The backup it replaces was an older version of the same
        meeting. Returns the new path."""
        aside = path.with_name(path.name + ".bak")
        os.replace(path, aside)
        _fsync_folder(path.parent)
        return aside

    def create(self, record: MeetingRecord) -> Path:
        """Save a new meeting under a fresh name, so it is on disk before anything is typed."""
        path = self.new_path(record)
        self.save(record, path)
        return path
