"""The meeting index: what the lists, the network's aggregates and the search need of every meeting file,
without parsing each file every time.

The TOML files stay the only truth. The index is an SQLite database in the platform's cache dir (never in the
data dir, which a sync tool may carry to another laptop), built from them and brought up to date file by file
before every answer: a file whose size or modification time changed, that came or went, is read again or
dropped, so a hand edit, a file arriving through a synced folder and a deleted file are all seen. A file
changed within `RACY_NS` of being read is read again next time too (two writes within the clock's resolution
have the same time). An index that is missing, corrupt or of another `SCHEMA` is rebuilt silently; one that
cannot be written (a read-only or broken cache dir) is replaced by one in memory, built from the files for
this process only: slower, never wrong. Unreadable files stay listed with their `DataError`.

Per file it keeps (in `files`) its size, time and what sorts and picks it; (in `details`) the record's table as
JSON, so a `MeetingRecord` is rebuilt without reading the TOML, and the `MeetingFacts` the lists show; and (in
`words`) the words of its title, participants, notes, items and check-out, in an FTS5 table, one row per phase,
for `search`. A sync tool's conflict copy (`conflicts`) is kept too, and answered as a conflict beside its
meeting, never as a meeting of its own. A list can be shown at once as the index last saw the files, then
again once they are looked at (`listing(as_indexed=True)`); a single record looks at its own file only.

One connection, behind a lock: safe from any thread (the screens read in a worker, see `read_then_show`). The
folder is looked at before the lock is taken: a thousand `stat`s take a few ms in a thread of their own, but
some hundreds while the UI thread is busy (each gives Python's GIL away and waits to get it back), and the
reads a screen shows meanwhile (a report, a list as indexed) need not wait for that. A look at the folder that
began before the one the index last took in is not taken in after it.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import field
from datetime import UTC, date, datetime, timedelta
from datetime import time as day_time
from pathlib import Path
from typing import Any, TypeVar

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.sanitise import clean
from lerend_tui.common.validation import DataError, Problem, read_toml
from lerend_tui.meeting.record import MeetingRecord, record_of_table
from lerend_tui.storage.conflicts import conflict_original

SCHEMA = 4
"""The index's own layout (`PRAGMA user_version`); an index of another one is built anew."""
RACY_NS = 2_000_000_000
"""A file modified this close to when it was read may have changed again within the same timestamp (FAT
keeps two seconds): it is read again at the next refresh, until it is older."""
ROWS_PER_FILE = 4096
"""The search rows of a file have rowids `key * ROWS_PER_FILE + slot`: slot 0 the meeting itself, 1 its
check-out, 2… its phases (a phase past the last slot shares it)."""
T = TypeVar("T")


@datatype
class MeetingFacts:
    """What the lists show of a readable meeting file, without its notes (see `reports.review.Summary`)."""

    path: Path
    title: str
    template: str
    network: str
    planned_start: datetime
    started: datetime | None
    finished: bool
    ran: bool
    """Whether a phase ever ran (`MeetingRecord.ran`)."""
    planned_minutes: int
    elapsed_seconds: float
    """The seconds the phases took, together."""
    items: int
    phases: int
    current_phase: int
    activity: datetime | None
    """`MeetingRecord.last_activity`."""
    workforms: tuple[str, ...]
    """The work formats its phases ran, in order (for the draw's `History`)."""
    roles: dict[str, str]
    """Role → who had it, over its phases (as `History.of` counts them)."""
    modified: datetime = field(compare=False)
    """When the file was last written, as the index saw it."""

    @property
    def id(self) -> str:
        return self.path.stem

    @property
    def last_activity(self) -> datetime:
        """When the meeting was last used: its record's `last_activity`, else when its file was last written."""
        return self.activity or self.modified

    @classmethod
    def of(cls, path: Path, record: MeetingRecord, modified: datetime) -> MeetingFacts:
        return cls(path=path, title=record.title, template=record.template, network=record.network,
                   planned_start=record.planned_start, started=record.started, finished=record.finished,
                   ran=record.ran, planned_minutes=record.planned_minutes,
                   elapsed_seconds=sum(phase.elapsed_seconds for phase in record.phases), items=len(record.items),
                   phases=len(record.phases), current_phase=record.current_phase, activity=record.last_activity,
                   workforms=tuple(phase.workform for phase in record.phases if phase.workform),
                   roles={role: name for phase in record.phases for role, name in phase.roles.items()},
                   modified=modified)

    def to_json(self) -> str:
        return json.dumps({
            "title": self.title, "template": self.template, "network": self.network,
            "planned_start": self.planned_start.isoformat(), "started": _iso(self.started),
            "finished": self.finished, "ran": self.ran, "planned_minutes": self.planned_minutes,
            "elapsed_seconds": self.elapsed_seconds, "items": self.items, "phases": self.phases,
            "current_phase": self.current_phase, "activity": _iso(self.activity),
            "workforms": self.workforms, "roles": self.roles,
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, path: Path, text: str, modified: datetime) -> MeetingFacts:
        return cls.from_data(path, json.loads(text), modified)

    @classmethod
    def from_data(cls, path: Path, data: dict[str, Any], modified: datetime) -> MeetingFacts:
        """From `to_json`'s object, read."""
        return cls(path=path, title=data["title"], template=data["template"], network=data["network"],
                   planned_start=datetime.fromisoformat(data["planned_start"]), started=_moment(data["started"]),
                   finished=data["finished"], ran=data["ran"], planned_minutes=data["planned_minutes"],
                   elapsed_seconds=data["elapsed_seconds"], items=data["items"], phases=data["phases"],
                   current_phase=data["current_phase"], activity=_moment(data["activity"]),
                   workforms=tuple(data["workforms"]), roles=data["roles"], modified=modified)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


@datatype
class Listing:
    """Every file of the meetings folder, as the lists show them."""

    meetings: list[MeetingFacts]
    """The readable meetings, newest first (by planned start), without conflict copies."""
    problems: list[DataError]
    """A problem per unreadable file (a conflict copy's too), in the order of their names."""
    conflicts: dict[str, list[Path]]
    """Meeting id → the sync tool's conflict copies of its file, in the order of their names."""
    left_out: int = 0
    """The finished meetings left out of `meetings` (`MeetingIndex.listing`'s `finished`)."""


@datatype
class Hit:
    """A phase of a meeting (or the meeting itself, or its check-out) in which the words searched for occur."""

    meeting: MeetingFacts
    phase: int | None
    """The phase's index in the meeting; None for its title, participants and check-out."""
    phase_title: str
    """The phase's title; "" for the meeting itself, "Check-out" for its check-out."""
    snippet: str
    """The words in context, each found word between `MARK` characters."""

    @property
    def parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, found) parts: the words found marked True."""
        pieces = self.snippet.split(MARK)
        return [(piece, index % 2 == 1) for index, piece in enumerate(pieces) if piece]

    @property
    def text(self) -> str:
        """The snippet without marks."""
        return self.snippet.replace(MARK, "")


MARK = "\x1f"
"""Around each word found in a snippet: a control character, which no text read from a file holds."""
CHECKOUT = "Check-out"
_SPACE = re.compile(r"[ \t\r\n]+")  # not `str.split()`, which takes MARK for a space too


def search_terms(query: str) -> list[str]:
    """The FTS5 query of each word of `query`, as a prefix ("idee" finds "ideeën") and quoted, so that
    nothing a person types is taken as FTS syntax (`AND`, `NEAR`, `*`, `"`, `(`); a word without a letter
    or digit is no word."""
    words = [word for word in clean(query).split() if any(character.isalnum() for character in word)]
    return ['"' + word.replace('"', '""') + '"*' for word in words]


class MeetingIndex:
    """The index of the meeting files in `folder`, in the SQLite file `file` (None: in memory only)."""

    def __init__(self, folder: Path, file: Path | None = None) -> None:
        self.folder = folder
        self.file = file
        self._lock = threading.RLock()
        self._connection: sqlite3.Connection | None = None
        self._looks = itertools.count(1)
        self._taken_in = 0
        """The number of the latest look at the whole folder the index took in (`_Look`)."""

    # -- the answers -----------------------------------------------------------------------------------

    def listing(self, finished: int | None = None, *, as_indexed: bool = False) -> Listing:
        """Every meeting file, brought up to date first (see the module); with `finished`, of the finished
        meetings only that many, the newest (`Listing.left_out` counts the others). `as_indexed`: as the index
        last saw the files, without looking at them (a file per meeting): to show at once, and then again
        with what changed since (an index that is new sees them anyway)."""
        return self._answer(lambda connection: self._listing(connection, finished), refresh=not as_indexed)

    def records(self, ids: Iterable[str] = (), network: str = "") -> dict[str, MeetingRecord]:
        """Id → record of the readable meetings whose id is in `ids` or whose `network` is `network` (with
        neither: every meeting); never a conflict copy of a meeting that is there."""
        wanted = sorted(set(ids))
        return self._answer(lambda connection: self._records(connection, wanted, network))

    def everything(self) -> tuple[dict[str, MeetingRecord], list[DataError]]:
        """Id → record of every readable meeting (no conflict copy of one that is there), and a problem per
        unreadable file, at one moment."""
        return self._answer(lambda connection: (self._records(connection, [], ""), self._problems(connection)))

    def of_network(self, ids: Iterable[str], network: str) -> tuple[dict[str, MeetingRecord], list[DataError]]:
        """The records of a network's meetings (as `records`), and the problem of each unreadable file among
        `ids` (the meetings its file lists), at one moment."""
        wanted = sorted(set(ids))

        def read(connection: sqlite3.Connection) -> tuple[dict[str, MeetingRecord], list[DataError]]:
            problems = [problem for problem in self._problems(connection) if problem.path.stem in wanted]
            return self._records(connection, wanted, network), problems

        return self._answer(read)

    def record(self, id_: str) -> MeetingRecord | None:
        """The record of meeting `id_` (a file stem), or None when there is no readable such file; its file
        alone is looked at (a hand edit a moment ago is seen)."""
        return self._answer(lambda connection: self._records(connection, [id_], "", conflicts=True),
                            only=f"{id_}.toml").get(id_)

    def search(self, query: str, *, ids: Iterable[str] = (), network: str = "", limit: int = 100) -> list[Hit]:
        """The meetings in which every word of `query` occurs (`search_terms`), each phase of them with one of
        the words a hit, best first (bm25); with `ids` or `network`, only of those meetings (as `records`).
        Titles, participants, notes, items and check-out words are searched, regardless of case and accents
        ("ideeen" finds "ideeën")."""
        terms = search_terms(query)
        if not terms:
            return []
        wanted = sorted(set(ids))
        return self._answer(lambda connection: self._search(connection, terms, wanted, network, limit))

    # -- the connection: a file, else memory ----------------------------------------------------------

    def _answer(self, read: Callable[[sqlite3.Connection], T], *, refresh: bool = True, only: str | None = None) -> T:
        """`read` of the index brought up to date: of file `only`, or of every file unless not to `refresh`
        (an index that never saw the files sees them anyway). An index file that fails (corrupt, read-only,
        gone) is built anew once, then replaced by an index in memory."""
        look = self._look(only) if refresh else None  # before the lock: see the module
        with self._lock:
            for attempt in range(3):
                connection = self._connect(fresh=attempt == 1)
                try:
                    if not self._ever_refreshed(connection):
                        self._refresh(connection, self._look())  # all of it, as the files are now
                    elif look is not None:
                        self._refresh(connection, look, only)
                    return read(connection)
                except sqlite3.Error as error:
                    if self.file is None:
                        raise
                    self._close()
                    if attempt == 1 or isinstance(error, sqlite3.OperationalError):
                        self.file = None  # read-only, locked or failing: this process goes on in memory
            raise AssertionError("unreachable")

    def _connect(self, *, fresh: bool = False) -> sqlite3.Connection:
        if self._connection is not None and not fresh:
            return self._connection
        self._close()
        connection = self._open_file(fresh) if self.file is not None else None
        if connection is None:
            self.file = None
            connection = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            _create(connection)
        self._connection = connection
        return connection

    def _open_file(self, fresh: bool) -> sqlite3.Connection | None:
        """The index file, made or made anew when needed; None when the cache dir cannot hold one."""
        assert self.file is not None
        try:
            if fresh:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    self.file.with_name(self.file.name + suffix).unlink(missing_ok=True)
            self.file.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.file, check_same_thread=False, isolation_level=None, timeout=10)
        except (OSError, sqlite3.Error):
            return None
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
                with _transaction(connection):
                    connection.execute("DROP TABLE IF EXISTS files")
                    connection.execute("DROP TABLE IF EXISTS details")
                    connection.execute("DROP TABLE IF EXISTS words")
                    _create(connection)
        except sqlite3.Error:
            connection.close()
            return None if fresh else self._open_file(fresh=True)
        return connection

    def _ever_refreshed(self, connection: sqlite3.Connection) -> bool:
        """Whether this index has looked at the files before (in this process, or in another one): an empty
        one looks at them anyway."""
        return connection.execute("SELECT EXISTS (SELECT 1 FROM files)").fetchone()[0] == 1

    def _close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
            self._connection = None

    def close(self) -> None:
        with self._lock:
            self._close()

    # -- bringing the index up to date ----------------------------------------------------------------

    def _look(self, only: str | None = None) -> _Look:
        """The folder's files as they are now, a look at all of them numbered; with `only`, that one file's name:
        only it (unnumbered)."""
        number = next(self._looks) if only is None else 0
        try:
            return _Look(number, _meeting_files(self.folder) if only is None else _meeting_file(self.folder, only))
        except OSError:
            return _Look(number, {})

    def _refresh(self, connection: sqlite3.Connection, look: _Look, only: str | None = None) -> None:
        """Read every file that is new or changed since it was indexed, as `look` found them; forget every file
        that is gone. With `only`, the file `look` looked at: only it."""
        if only is None:
            if look.number < self._taken_in:  # a later look is in the index already
                return
            self._taken_in = look.number
        names = look.files
        known = {name: (size, modified, read_at) for name, size, modified, read_at
                 in _all(connection, "name, size, mtime_ns, read_ns", "FROM files WHERE ? IS NULL OR name = ?",
                         (only, only))}
        changed = [name for name, stat in names.items()
                   if name not in known or known[name][:2] != stat or known[name][2] - stat[1] < RACY_NS]
        gone = [name for name in known if name not in names]
        if not changed and not gone:
            return
        with _transaction(connection):
            for name in gone:
                key = connection.execute("SELECT key FROM files WHERE name = ?", (name,)).fetchone()[0]
                connection.execute("DELETE FROM files WHERE key = ?", (key,))
                _forget(connection, key)
            for name, found in zip(changed, _read_all(self.folder, changed)):
                _store(connection, name, *names[name], found)

    # -- the queries ----------------------------------------------------------------------------------

    def _listing(self, connection: sqlite3.Connection, finished: int | None = None) -> Listing:
        readable = f"f.start_us IS NOT NULL AND {_IS_COPY} IS NULL"
        newest = "" if finished is None else (  # and the newest finished ones, as many as `finished`
            f" AND (NOT f.finished OR f.key IN (SELECT f.key FROM files f WHERE {readable} AND f.finished "
            f"ORDER BY f.start_us DESC, f.name LIMIT {int(finished)}))")
        shown = sorted(_all(connection, "f.start_us, f.name, f.mtime_ns, json(d.facts)",
                            f"FROM files f JOIN details d ON d.key = f.key WHERE {readable}{newest}"),
                       key=lambda row: (-row[0], row[1]))  # newest first; by name where equal
        meetings = [MeetingFacts.from_data(self.folder / name, facts, _when(modified))
                    for _, name, modified, facts in shown]
        conflicts: dict[str, list[Path]] = {}
        copies = _all(connection, f"f.name, {_IS_COPY}", f"FROM files f WHERE {_IS_COPY} IS NOT NULL")
        for name, copy_of in sorted(copies):
            conflicts.setdefault(Path(copy_of).stem, []).append(self.folder / name)
        count = connection.execute(f"SELECT COUNT(*) FROM files f WHERE {readable}").fetchone()[0]
        return Listing(meetings, self._problems(connection), conflicts, count - len(meetings))

    def _problems(self, connection: sqlite3.Connection) -> list[DataError]:
        return [_problem_of(self.folder / name, problem) for name, problem
                in connection.execute("SELECT name, problems FROM files WHERE problems IS NOT NULL ORDER BY name")]

    def _records(self, connection: sqlite3.Connection, ids: list[str], network: str, *,
                 conflicts: bool = False) -> dict[str, MeetingRecord]:
        chosen = _chosen(ids, network)
        rows = connection.execute(
            f"SELECT f.name, d.record FROM files f JOIN details d ON d.key = f.key WHERE {chosen.where}"
            + ("" if conflicts else f" AND {_IS_COPY} IS NULL") + " ORDER BY f.name", chosen.parameters)
        return {Path(name).stem: record_of_table(decode_table(record), self.folder / name) for name, record in rows}

    def _search(self, connection: sqlite3.Connection, terms: list[str], ids: list[str], network: str,
                limit: int) -> list[Hit]:
        chosen = _chosen(ids, network)
        every_word = " INTERSECT ".join([f"SELECT rowid / {ROWS_PER_FILE} FROM words WHERE words MATCH ?"] * len(terms))
        rows = connection.execute(
            "SELECT f.name, d.facts, f.mtime_ns, w.phase, w.phase_title, snippet(words, 0, ?, ?, '…', 16) "
            f"FROM words w JOIN files f ON f.key = w.rowid / {ROWS_PER_FILE} JOIN details d ON d.key = f.key "
            f"WHERE words MATCH ? AND f.key IN ({every_word}) AND {_IS_COPY} IS NULL "
            f"AND {chosen.where} ORDER BY bm25(words), f.name, w.rowid LIMIT ?",
            (MARK, MARK, " OR ".join(terms), *terms, *chosen.parameters, limit))
        return [Hit(MeetingFacts.from_json(self.folder / name, facts, _when(modified)), phase, phase_title,
                    _SPACE.sub(" ", snippet).strip())
                for name, facts, modified, phase, phase_title, snippet in rows]


def _all(connection: sqlite3.Connection, columns: str, rest: str, parameters: tuple[Any, ...] = ()) -> list[list[Any]]:
    """The rows of `SELECT columns rest`, fetched as one: `sqlite3` lets go of the GIL at every row it steps
    to, and a thread that wants it back waits for the UI thread, busy drawing (a thousand rows: 100 ms)."""
    rows: list[list[Any]] = json.loads(
        connection.execute(f"SELECT json_group_array(json_array({columns})) {rest}", parameters).fetchone()[0])
    return rows


# -- the database's layout ---------------------------------------------------------------------------

def _create(connection: sqlite3.Connection) -> None:
    connection.execute(
        "CREATE TABLE IF NOT EXISTS files (key INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
        "size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, read_ns INTEGER NOT NULL, "
        "original TEXT, network TEXT, start_us INTEGER, finished INTEGER, problems TEXT)")
    connection.execute("CREATE TABLE IF NOT EXISTS details (key INTEGER PRIMARY KEY, facts TEXT NOT NULL, "
                       "record TEXT NOT NULL)")  # apart: a walk through `files` reads small rows only
    connection.execute("CREATE INDEX IF NOT EXISTS files_network ON files (network)")
    connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5(text, phase UNINDEXED, "
                       "phase_title UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')")
    connection.execute(f"PRAGMA user_version = {SCHEMA}")


_IS_COPY = "(SELECT o.name FROM files o WHERE o.name = f.original)"
"""The name of the file that row `f` is a conflict copy of, when that file is there; else NULL."""


@datatype
class _Chosen:
    where: str
    parameters: tuple[Any, ...]


def _chosen(ids: list[str], network: str) -> _Chosen:
    """The rows of `files f` whose id is in `ids` or whose network is `network`; every row with neither."""
    if not ids and not network:
        return _Chosen("1", ())
    names = json.dumps([f"{id_}.toml" for id_ in ids])
    return _Chosen("(f.name IN (SELECT value FROM json_each(?)) OR f.network = ?)", (names, network or None))


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


@datatype
class _Look:
    """The files of the folder at one moment, as `_meeting_files` found them; `number` counts the looks."""

    number: int
    files: dict[str, tuple[int, int]]


def _meeting_files(folder: Path) -> dict[str, tuple[int, int]]:
    """Name → (size, modification time in ns) of every `*.toml` in `folder`, as `read_folder` reads them
    (`Path.glob`, whose match follows the platform's case rules), but without making a `Path` of each."""
    found: dict[str, tuple[int, int]] = {}
    try:
        entries = os.scandir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return found
    with entries:
        for entry in entries:
            if not os.path.normcase(entry.name).endswith(".toml"):
                continue
            try:
                stat = entry.stat()
            except OSError:  # gone, or a broken symlink: read (and named) as the folder's reader would
                found[entry.name] = (-1, -1)
                continue
            found[entry.name] = (stat.st_size, stat.st_mtime_ns)
    return found


def _meeting_file(folder: Path, name: str) -> dict[str, tuple[int, int]]:
    """As `_meeting_files`, of the one file `name` (nothing when there is no such file)."""
    if "/" in name or os.sep in name or not os.path.normcase(name).endswith(".toml"):
        return {}
    try:
        stat = (folder / name).stat()
    except FileNotFoundError:
        return {}
    except OSError:
        return {name: (-1, -1)} if os.path.lexists(folder / name) else {}
    return {name: (stat.st_size, stat.st_mtime_ns)}


@datatype
class _Read:
    """What the index keeps of one file, as read from it: plain values, so that a worker process can make it."""

    read_at: int
    """When the file was read (ns, as file times are)."""
    network: str | None = None
    start_us: int | None = None
    finished: bool | None = None
    facts: str | None = None
    record: str | None = None
    words: tuple[tuple[int, str, int | None, str], ...] = ()
    """(slot, text, phase, phase title) of its rows in `words`."""
    problems: str | None = None


def _read(path: Path) -> _Read:
    read_at = time.time_ns()
    try:
        table = read_toml(path)
        record = record_of_table(table, path)
    except DataError as error:
        return _Read(read_at, problems=_problems_json(error))
    except Exception as error:  # a bug must not cost the facilitator the other files (as in `read_folder`)
        return _Read(read_at, problems=_problems_json(
            DataError(path, f"kan het bestand niet lezen (onverwachte fout: {type(error).__name__})")))
    return _Read(read_at, record.network, _microseconds(record.planned_start), record.finished,
                 MeetingFacts.of(path, record, _EPOCH).to_json(), encode_table(table),
                 tuple((slot, text, phase, title) for slot, (text, phase, title) in _word_rows(record).items()))


PARALLEL_FROM = 200
"""From this many files to read at once (the first build of a large folder), worker processes read them: the
TOML parser is pure Python, some 2 ms a meeting."""


def _read_all(folder: Path, names: list[str]) -> Iterator[_Read]:
    """Each file read, in order, as soon as it is: the caller stores one while the workers read the next."""
    paths = [folder / name for name in names]
    done = 0
    workers = min(os.cpu_count() or 1, 4)
    if len(paths) >= PARALLEL_FROM and workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        try:  # "spawn": a new interpreter, never a fork of this one and its threads
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                for read in pool.map(_read, paths, chunksize=max(len(paths) // (8 * workers), 1)):
                    yield read
                    done += 1
        except Exception:  # no worker processes here (a sandbox, a frozen program): the rest one at a time
            pass
    for path in paths[done:]:
        yield _read(path)


def _store(connection: sqlite3.Connection, name: str, size: int, modified: int, read: _Read) -> None:
    values = (size, modified, read.read_at, conflict_original(name), read.network, read.start_us, read.finished,
              read.problems)
    row = connection.execute("SELECT key FROM files WHERE name = ?", (name,)).fetchone()
    if row is None:
        key = connection.execute(
            "INSERT INTO files (name, size, mtime_ns, read_ns, original, network, start_us, finished, problems) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key", (name, *values)).fetchone()[0]
    else:
        key = row[0]
        connection.execute("UPDATE files SET size = ?, mtime_ns = ?, read_ns = ?, original = ?, network = ?, "
                           "start_us = ?, finished = ?, problems = ? WHERE key = ?", (*values, key))
        _forget(connection, key)
    if read.facts is not None:
        connection.execute("INSERT INTO details (key, facts, record) VALUES (?, ?, ?)", (key, read.facts, read.record))
        connection.executemany("INSERT INTO words (rowid, text, phase, phase_title) VALUES (?, ?, ?, ?)",
                               [(key * ROWS_PER_FILE + slot, *row) for slot, *row in read.words])


def _forget(connection: sqlite3.Connection, key: int) -> None:
    """A file's details and search rows."""
    connection.execute("DELETE FROM details WHERE key = ?", (key,))
    connection.execute("DELETE FROM words WHERE rowid BETWEEN ? AND ?",
                       (key * ROWS_PER_FILE, key * ROWS_PER_FILE + ROWS_PER_FILE - 1))


def _word_rows(record: MeetingRecord) -> dict[int, tuple[str, int | None, str]]:
    """Slot → (the words to search, the phase's index, its title): the meeting itself (its title, theme,
    goal, template and participants, and the items of no phase it has), its check-out, and each phase (its
    notes, the items noted in it and its work format). An item whose words its phase's notes hold already (the
    notes make the items) is not added again, and a phase's title is left out (a hit names it): a snippet shows
    the notes as they were typed."""
    texts: dict[int, list[str]] = {0: [record.title, record.theme, record.goal, record.template,
                                       *record.participants],
                                   1: [f"{entry.name} {entry.word}" for entry in record.checkout]}
    phases: dict[int, tuple[int | None, str]] = {0: (None, ""), 1: (None, CHECKOUT)}
    slots: dict[str, int] = {}
    workforms: dict[int, list[str]] = {}
    for index, phase in enumerate(record.phases):
        slot = min(2 + index, ROWS_PER_FILE - 1)
        slots.setdefault(phase.title, slot)
        phases.setdefault(slot, (index, phase.title))
        texts.setdefault(slot, []).append(phase.notes)
        workforms.setdefault(slot, []).append(phase.workform)
    for item in record.items:
        words = texts[slots.get(item.phase, 0)]
        said = f"{item.text} {item.owner}" if item.owner not in item.text else item.text
        if not any(said in text for text in words):
            words.append(said)
    for slot, names in workforms.items():
        texts[slot] += names
    return {slot: ("\n".join(word for word in words if word), *phases[slot]) for slot, words in texts.items()}


def _microseconds(moment: datetime) -> int:
    """A moment with its time zone as a number that sorts as the moments do (microseconds since 1970)."""
    return (moment - _EPOCH) // timedelta(microseconds=1)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _when(modified_ns: int) -> datetime:
    return datetime.fromtimestamp(max(modified_ns, 0) / 1e9, UTC)


def _problems_json(problem: DataError | None) -> str | None:
    if problem is None:
        return None
    return json.dumps([[p.text, p.field, p.line, p.column] for p in problem.problems], ensure_ascii=False)


def _problem_of(path: Path, text: str) -> DataError:
    return DataError.of(path, [Problem(*problem) for problem in json.loads(text)])


# -- a TOML table as JSON, and back --------------------------------------------------------------------

_TYPE = "\x00"
"""The key of the one-key object that stands for a date or time in the JSON: no key read from a file holds
a control character (`sanitise.clean_table`), so none is taken for one."""
_TAGGED = re.compile(r"(datetime|date|time):(.*)", re.S)


def _tag(value: Any) -> Any:
    if isinstance(value, datetime):
        return {_TYPE: f"datetime:{value.isoformat()}"}
    if isinstance(value, date):
        return {_TYPE: f"date:{value.isoformat()}"}
    if isinstance(value, day_time):
        return {_TYPE: f"time:{value.isoformat()}"}
    raise TypeError(f"not a TOML value: {type(value).__name__}")


def _untag(value: dict[str, Any]) -> Any:
    if len(value) != 1 or _TYPE not in value:
        return value
    kind, text = _TAGGED.fullmatch(value[_TYPE]).groups()  # type: ignore[union-attr]
    return {"datetime": datetime.fromisoformat, "date": date.fromisoformat, "time": day_time.fromisoformat}[kind](text)


def encode_table(table: dict[str, Any]) -> str:
    """A parsed TOML table as JSON text, its dates and times kept (`decode_table` is the inverse)."""
    return json.dumps(table, default=_tag, ensure_ascii=False, separators=(",", ":"))


def decode_table(text: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(text, object_hook=_untag)
    return result


def index_file_name(folder: Path) -> str:
    """The index file's name for a meetings folder: one per data dir, so two data dirs never share one."""
    import hashlib

    digest = hashlib.sha256(os.fsencode(folder.resolve())).hexdigest()[:16]
    return f"meetings-{digest}.sqlite3"


__all__ = ["CHECKOUT", "MARK", "RACY_NS", "SCHEMA", "Hit", "Listing", "MeetingFacts", "MeetingIndex",
           "decode_table", "encode_table", "index_file_name", "search_terms"]
