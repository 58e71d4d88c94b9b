"""The meeting index (`storage.index`): it answers exactly as a fresh scan of the files does, whatever happens
to them, and works without its cache dir."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
import time
from datetime import timedelta
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from lerend_tui.common.paths import Paths
from lerend_tui.common.validation import DataError
from lerend_tui.meeting.items import Item
from lerend_tui.meeting.record import parse_record
from lerend_tui.storage.conflicts import conflict_original
from lerend_tui.storage.index import SCHEMA, MeetingFacts, MeetingIndex, index_file_name
from lerend_tui.storage.meetings import MeetingStore, atomic_write_text

from ..samples import finished, sample_record

WORDS = ("wijkagent", "ideeën", "cliënt", "zelfregie", "koffie", "ideaal")
"""Words the notes are made of: with accents, and two that share a prefix ("ide")."""
CONFLICT_NAMES = (
    "{stem}.sync-conflict-20261124-193000-ABCDEFG.toml",
    "{stem} (conflicted copy 2026-11-24 193000).toml",
    "{stem} (Anouk's conflicted copy 2026-11-24).toml",
    "{stem}-LAPTOP-ANOUK.toml",
    "{stem}_conflict-20261124-193000.toml",
)


@cache  # the same text for the same arguments: the state machine writes the same few over and over
def meeting_text(title: str, notes: str, day: int, ran: bool = True, network: str = "zuid", done: bool = False) -> str:
    record = sample_record(title, (notes, "", "", "", ""))
    if done:
        finished(record, [10] * len(record.phases))
    record.planned_start += timedelta(days=day)
    record.network = network
    record.items.append(Item("stok", f"{title} belt", "Bram", record.phases[1].title))
    if not ran:
        record.started = record.phases[0].started = None
    return record.to_toml()


def fresh_scan(folder: Path):
    """What the files say, read without any index: the oracle. Also each file's record (None if unreadable)."""
    names = sorted(path.name for path in folder.glob("*.toml"))
    copies = {name for name in names if conflict_original(name) in names}
    readable, problems = {}, []
    for name in names:
        try:
            readable[name] = parse_record(folder / name)
        except DataError as error:
            problems.append(str(error))
    meetings = [(name, record) for name, record in readable.items() if name not in copies]
    meetings.sort(key=lambda pair: pair[1].planned_start, reverse=True)
    conflicts: dict[str, list[str]] = {}
    for name in sorted(copies):
        conflicts.setdefault(Path(conflict_original(name)).stem, []).append(name)
    return meetings, problems, conflicts, readable


def assert_answers_as_files(index: MeetingIndex, folder: Path) -> None:
    meetings, problems, conflicts, readable = fresh_scan(folder)
    for path in sorted(folder.glob("*.toml")):  # one file at a time first: each looks at its own file only
        assert index.record(path.stem) == readable.get(path.name), path.name
    listing = index.listing()
    as_indexed = index.listing(as_indexed=True)  # as the index last saw them: just now
    assert (as_indexed.meetings, as_indexed.conflicts, [str(problem) for problem in as_indexed.problems]) == (
        listing.meetings, listing.conflicts, [str(problem) for problem in listing.problems])
    assert [facts.path.name for facts in listing.meetings] == [name for name, _ in meetings]
    assert listing.meetings == [MeetingFacts.of(folder / name, record, listing.meetings[0].modified)
                                for name, record in meetings]
    assert [str(problem) for problem in listing.problems] == problems
    assert {id_: [path.name for path in paths] for id_, paths in listing.conflicts.items()} == conflicts
    newest = index.listing(finished=1)  # every unfinished meeting and the newest finished one, in the same order
    first_finished = [facts for facts in listing.meetings if facts.finished][:1]
    kept = [facts for facts in listing.meetings if not facts.finished or facts in first_finished]
    assert (newest.meetings, newest.left_out, newest.conflicts) == (
        kept, len(listing.meetings) - len(kept), listing.conflicts)
    assert index.records() == {Path(name).stem: record for name, record in meetings}
    for word in WORDS:
        expected = {Path(name).stem for name, record in meetings if word in record.phases[0].notes}
        found = {hit.meeting.id for hit in index.search(word) if hit.phase == 0}
        assert found == expected, word


class IndexMatchesFiles(RuleBasedStateMachine):
    """Random sequences of creating, editing, corrupting, deleting and conflict-copying meeting files, and of
    the index being reopened or its file broken; after each, the index answers as the files do."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="index-"))
        self.folder = self.root / "meetings"
        self.folder.mkdir()
        self.file = self.root / "cache" / "index.sqlite3"
        self.index = MeetingIndex(self.folder, self.file)
        self.moment = 1_700_000_000 * 10**9

    def teardown(self) -> None:
        self.index.close()
        shutil.rmtree(self.root, ignore_errors=True)

    def names(self) -> list[str]:
        return sorted(path.name for path in self.folder.glob("*.toml"))

    def write(self, name: str, text: str, settled: bool) -> None:
        """Write a file; `settled`: with a modification time well in the past (as a file that arrived from a
        sync tool), so that the index trusts its size and time instead of reading it again."""
        atomic_write_text(self.folder / name, text)
        if settled:
            self.moment += 10**9
            os.utime(self.folder / name, ns=(self.moment, self.moment))

    @initialize()
    def start(self) -> None:
        assert_answers_as_files(self.index, self.folder)

    @rule(slot=st.integers(0, 4), title=st.sampled_from(("Zuid", "Noord", "Café")), word=st.sampled_from(WORDS),
          day=st.integers(0, 2), state=st.sampled_from(("gepland", "bezig", "afgerond")), settled=st.booleans())
    def create_or_edit(self, slot, title, word, day, state, settled) -> None:
        text = meeting_text(title, word, day, ran=state != "gepland", done=state == "afgerond")
        self.write(f"2026-11-2{slot}-meeting.toml", text, settled)

    @precondition(lambda self: self.names())
    @rule(data=st.data(), settled=st.booleans())
    def edit_same_size(self, data, settled) -> None:
        """A word of the notes changed for another of the same length: only the time tells."""
        name = data.draw(st.sampled_from(self.names()))
        text = (self.folder / name).read_text(encoding="utf-8")
        swapped = text.replace("zelfregie", "wijkagent") if "zelfregie" in text else text.replace("wijkagent",
                                                                                                  "zelfregie")
        self.write(name, swapped, settled)

    @precondition(lambda self: self.names())
    @rule(data=st.data(), settled=st.booleans())
    def corrupt(self, data, settled) -> None:
        name = data.draw(st.sampled_from(self.names()))
        text = (self.folder / name).read_text(encoding="utf-8")
        self.write(name, text[: len(text) // 2], settled)

    @precondition(lambda self: self.names())
    @rule(data=st.data())
    def delete(self, data) -> None:
        (self.folder / data.draw(st.sampled_from(self.names()))).unlink()

    @precondition(lambda self: self.names())
    @rule(data=st.data(), pattern=st.sampled_from(CONFLICT_NAMES), word=st.sampled_from(WORDS),
          settled=st.booleans())
    def conflict_copy(self, data, pattern, word, settled) -> None:
        name = data.draw(st.sampled_from([name for name in self.names() if conflict_original(name) is None]
                                         or self.names()))
        copy = pattern.format(stem=Path(name).stem)
        self.write(copy, meeting_text("Kopie", word, 0), settled)

    @rule()
    def reopen(self) -> None:
        self.index.close()
        self.index = MeetingIndex(self.folder, self.file)

    @rule(garbage=st.sampled_from((b"", b"not a database at all" * 100)))
    def break_index_file(self, garbage) -> None:
        self.index.close()
        self.file.write_bytes(garbage)
        for suffix in ("-wal", "-shm"):
            self.file.with_name(self.file.name + suffix).unlink(missing_ok=True)
        self.index = MeetingIndex(self.folder, self.file)

    @invariant()
    def answers_as_the_files(self) -> None:
        assert_answers_as_files(self.index, self.folder)


IndexMatchesFiles.TestCase.settings = settings(max_examples=40, stateful_step_count=12, deadline=None,
                                               suppress_health_check=[HealthCheck.too_slow])
test_index_matches_the_files = IndexMatchesFiles.TestCase


def test_a_listing_of_the_newest_finished_meetings_keeps_every_unfinished_one(paths):
    for day in range(6):
        record = sample_record(f"Avond {day}")
        record.planned_start += timedelta(days=day)
        if day != 1:
            finished(record, [10] * 5)
        atomic_write_text(paths.meetings / f"2026-11-{day + 10}-avond.toml", record.to_toml())
    index = MeetingStore.of(paths).index
    every = index.listing()
    some = index.listing(finished=2)
    assert [facts.title for facts in some.meetings] == ["Avond 5", "Avond 4", "Avond 1"]
    assert some.meetings == [facts for facts in every.meetings if facts in some.meetings]
    assert (some.left_out, every.left_out) == (3, 0)


# -- search ------------------------------------------------------------------------------------------

@pytest.fixture
def store(paths: Paths) -> MeetingStore:
    folder = paths.meetings
    atomic_write_text(folder / "2026-11-01-a.toml", meeting_text("Wijkavond", "Nieuwe ideeën voor de wijkagent", 0))
    atomic_write_text(folder / "2026-11-02-b.toml", meeting_text("Koffie", "Een ideaal plan", 1))
    atomic_write_text(folder / "2026-11-03-c.toml", meeting_text("Leeg", "", 2, network="noord"))
    return MeetingStore.of(paths)


def found(store: MeetingStore, query: str, **kwargs) -> list[str]:
    """The ids of the meetings found, best first (a hit per phase: a meeting may be found more than once)."""
    return list(dict.fromkeys(hit.meeting.id for hit in store.index.search(query, **kwargs)))


def test_search_ignores_accents_and_case_and_matches_prefixes(store):
    assert found(store, "ideeen") == ["2026-11-01-a"]
    assert found(store, "IDEEËN") == ["2026-11-01-a"]
    assert sorted(set(found(store, "ide"))) == ["2026-11-01-a", "2026-11-02-b"]
    assert found(store, "wijkag ideeen") == ["2026-11-01-a"]  # every word, in any order
    assert found(store, "wijkagent koffie") == []
    assert found(store, "wijkavond energiek") == ["2026-11-01-a"]  # in its title and its check-out


def test_a_snippet_shows_an_item_made_by_the_notes_once(paths):
    """The notes make the items: the words of an item are in its phase's notes already, and a snippet shows
    them as they were typed, once."""
    from lerend_tui.meeting.items import parse_items

    record = sample_record("Zaal", ("Eerste regel\nActie: @Bram belt de zaal", "", "", "", ""))
    record.items = parse_items(record.phases[0].notes, record.phases[0].title)
    atomic_write_text(paths.meetings / "2026-11-01-zaal.toml", record.to_toml())
    [hit] = MeetingStore.of(paths).index.search("belt")
    assert hit.text == "Eerste regel Actie: @Bram belt de zaal" and hit.phase_title == "Opstart en check-in"


def test_a_hit_names_its_phase_and_shows_the_words_in_context(store):
    hit = store.index.search("wijkagent")[0]
    assert (hit.phase, hit.phase_title) == (0, "Opstart en check-in")
    assert hit.text == "Nieuwe ideeën voor de wijkagent @Anouk belt de gemeente"  # the owner is in the item's text
    assert ("wijkagent", True) in hit.parts
    assert {(hit.phase, hit.phase_title) for hit in store.index.search("wijkavond")} == {
        (None, ""), (1, "Reflectie of verbindende opdracht")}  # the title, and an item noted in phase 2
    checkout = store.index.search("energiek")
    assert {hit.phase_title for hit in checkout} == {"Check-out"}


def test_search_ranks_the_meeting_with_the_word_most_often_first(paths):
    folder = paths.meetings
    atomic_write_text(folder / "2026-11-01-a.toml", meeting_text("A", "koffie en thee", 0))
    atomic_write_text(folder / "2026-11-02-b.toml", meeting_text("B", "koffie koffie koffie", 0))
    assert found(MeetingStore.of(paths), "koffie") == ["2026-11-02-b", "2026-11-01-a"]


def test_search_within_a_network(store):
    assert found(store, "leeg", network="noord") == ["2026-11-03-c"]
    assert found(store, "leeg", network="zuid") == []
    assert found(store, "leeg", ids=["2026-11-03-c"], network="zuid") == ["2026-11-03-c"]


@pytest.fixture
def settled_store(store: MeetingStore) -> MeetingStore:
    """`store` with its files as a sync tool brings them, written an hour ago: the index trusts what it read of
    them, where it reads a file of the last two seconds again at every search (`storage.index.RACY_NS`)."""
    an_hour_ago = time.time_ns() - 3600 * 10**9
    for path in store.folder.glob("*.toml"):
        os.utime(path, ns=(an_hour_ago, an_hour_ago))
    return store


# The files settled: each of the 200 queries costs only its SQL, the part this test is about.
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet=st.sampled_from('"*()^:+-AND OR NOT NEAR{}[]\'\\ëéa1'), max_size=30) | st.text())
def test_no_query_breaks_the_sql(settled_store, query):
    settled_store.index.search(query)  # never raises


@pytest.mark.parametrize(("query", "expected"), [
    ('"', []), ("AND(", []), ("*", []), ("NEAR", []), ("NOT", []), ("'", []), ("\\", []), ("", []),
    ('"ideeën', ["2026-11-01-a"]), ('ideeën"', ["2026-11-01-a"]), ("wijk*", ["2026-11-01-a"]),
    ("^wijkagent", ["2026-11-01-a"]), ("ideeën AND", []), ("ideeën OR koffie", []),
])
def test_fts_syntax_is_taken_as_words(store, query, expected):
    assert found(store, query) == expected


# -- the cache dir -----------------------------------------------------------------------------------

def test_the_index_is_in_the_cache_dir_and_nothing_new_is_in_the_data_dir(paths):
    atomic_write_text(paths.meetings / "2026-11-01-a.toml", meeting_text("A", "koffie", 0))
    before = sorted(paths.data.rglob("*"))
    store = MeetingStore.of(paths)
    assert [stored.id for stored in store.scan()[0]] == ["2026-11-01-a"]
    assert found(store, "koffie") == ["2026-11-01-a"]
    assert sorted(paths.data.rglob("*")) == before
    assert (paths.cache / index_file_name(paths.meetings_folder)).is_file()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_cache_dir_works_from_the_files(paths):
    atomic_write_text(paths.meetings / "2026-11-01-a.toml", meeting_text("A", "koffie", 0))
    paths.cache.mkdir(parents=True)
    paths.cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        store = MeetingStore.of(paths)
        assert found(store, "koffie") == ["2026-11-01-a"]
        atomic_write_text(paths.meetings / "2026-11-02-b.toml", meeting_text("B", "koffie", 1))
        assert sorted(found(store, "koffie")) == ["2026-11-01-a", "2026-11-02-b"]
        assert list(paths.cache.iterdir()) == []
    finally:
        paths.cache.chmod(stat.S_IRWXU)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_index_file_works_from_the_files(paths):
    atomic_write_text(paths.meetings / "2026-11-01-a.toml", meeting_text("A", "koffie", 0))
    file = paths.cache / index_file_name(paths.meetings_folder)
    MeetingStore.of(paths).index.close()
    MeetingStore.of(paths).scan()
    file.chmod(stat.S_IRUSR)
    paths.cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        atomic_write_text(paths.meetings / "2026-11-02-b.toml", meeting_text("B", "koffie", 1))
        assert sorted(found(MeetingStore.of(paths), "koffie")) == ["2026-11-01-a", "2026-11-02-b"]
    finally:
        paths.cache.chmod(stat.S_IRWXU)
        file.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_an_index_file_that_refuses_writes_works_from_the_files(paths, monkeypatch):
    """As an index file on a read-only disk (or one that root may not write either)."""
    atomic_write_text(paths.meetings / "2026-11-01-a.toml", meeting_text("A", "koffie", 0))
    MeetingStore.of(paths).scan()
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda file, **kwargs: connect(
        f"file:{file}?mode=ro", uri=True, **kwargs) if file != ":memory:" else connect(file, **kwargs))
    atomic_write_text(paths.meetings / "2026-11-02-b.toml", meeting_text("B", "koffie", 1))
    assert sorted(found(MeetingStore.of(paths), "koffie")) == ["2026-11-01-a", "2026-11-02-b"]


def test_a_cache_dir_that_is_a_file_works_from_the_files(paths):
    atomic_write_text(paths.meetings / "2026-11-01-a.toml", meeting_text("A", "koffie", 0))
    paths.cache.parent.mkdir(parents=True, exist_ok=True)
    paths.cache.write_text("geen map")
    assert found(MeetingStore.of(paths), "koffie") == ["2026-11-01-a"]


@pytest.mark.parametrize("garbage", [b"SQLite format 3\x00" + b"\xff" * 5000, b"\x00" * 8192, b"kapot"])
def test_a_corrupt_index_is_built_anew(paths, garbage):
    atomic_write_text(paths.meetings / "2026-11-01-a.toml", meeting_text("A", "koffie", 0))
    file = paths.cache / index_file_name(paths.meetings_folder)
    file.parent.mkdir(parents=True)
    file.write_bytes(garbage)
    assert found(MeetingStore.of(paths), "koffie") == ["2026-11-01-a"]
    with sqlite3.connect(file) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA


def test_an_index_of_an_older_schema_is_built_anew(paths):
    atomic_write_text(paths.meetings / "2026-11-01-a.toml", meeting_text("A", "koffie", 0))
    file = paths.cache / index_file_name(paths.meetings_folder)
    file.parent.mkdir(parents=True)
    with sqlite3.connect(file) as connection:
        connection.execute("CREATE TABLE files (name TEXT)")
        connection.execute("INSERT INTO files VALUES ('2026-11-01-a.toml')")
        connection.execute(f"PRAGMA user_version = {SCHEMA - 1}")
    connection.close()
    assert found(MeetingStore.of(paths), "koffie") == ["2026-11-01-a"]


def test_a_hand_edit_a_moment_ago_is_seen(store, paths):
    assert found(store, "wijkagent") == ["2026-11-01-a"]
    path = paths.meetings / "2026-11-02-b.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("Een ideaal plan", "De wijkagent komt"),
                    encoding="utf-8")
    assert sorted(found(store, "wijkagent")) == ["2026-11-01-a", "2026-11-02-b"]


def test_the_index_is_shared_by_stores_and_threads(paths):
    from concurrent.futures import ThreadPoolExecutor

    for day in range(10):
        atomic_write_text(paths.meetings / f"2026-11-{day + 10}-a.toml", meeting_text("A", "koffie", day))
    stores = [MeetingStore.of(paths) for _ in range(2)]
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda number: len(stores[number % 2].scan()[0]), range(8)))
    assert answers == [10] * 8


# -- conflict copies ---------------------------------------------------------------------------------

@pytest.mark.parametrize("pattern", CONFLICT_NAMES)
def test_conflict_copies_are_recognised(pattern):
    assert conflict_original(pattern.format(stem="2026-11-24-zorg")) == "2026-11-24-zorg.toml"


@pytest.mark.parametrize("name", ["2026-11-24-zorg.toml", "2026-11-24-zorg-2.toml", "2026-11-24-Zorg.toml",
                                  "zorg (1).toml", "conflict.toml", "2026-11-24-conflict-avond.toml"])
def test_the_programs_own_names_are_no_conflict_copies(name):
    assert conflict_original(name) is None


def test_a_conflict_copy_counts_once_and_is_shown_beside_its_meeting(paths):
    folder = paths.meetings
    atomic_write_text(folder / "2026-11-01-a.toml", meeting_text("A", "koffie", 0))
    atomic_write_text(folder / "2026-11-01-a.sync-conflict-20261124-193000-ABCDEFG.toml",
                      meeting_text("A", "koffie met ideeën", 0))
    store = MeetingStore.of(paths)
    assert [stored.id for stored in store.scan()[0]] == ["2026-11-01-a"]
    listing = store.index.listing()
    assert [facts.id for facts in listing.meetings] == ["2026-11-01-a"]
    assert [path.name for path in listing.conflicts["2026-11-01-a"]] == [
        "2026-11-01-a.sync-conflict-20261124-193000-ABCDEFG.toml"]
    assert list(store.index.records(network="zuid")) == ["2026-11-01-a"]
    assert found(store, "ideeën") == []
    (folder / "2026-11-01-a.toml").unlink()  # alone, the copy is all there is of the meeting
    assert [stored.id for stored in store.scan()[0]] == ["2026-11-01-a.sync-conflict-20261124-193000-ABCDEFG"]


# -- what else reads the index -------------------------------------------------------------------------

def test_the_draws_history_from_the_index_is_the_records_history(paths):
    from lerend_tui.catalogue.picker import History

    from ..samples import store_meetings

    store_meetings(paths)
    store = MeetingStore.of(paths)
    meetings = store.scan()[0]
    assert store.history() == History.of(stored.record for stored in meetings)
    assert store.history("zuid") == History(used=[], roles=[])
    newest = meetings[0]
    assert store.history(newest.record.network, without=newest.id) == History.of(
        stored.record for stored in meetings[1:])


def test_notes_search_finds_the_one_meeting_and_a_hand_edit_a_moment_ago(paths, capsys):
    import json

    from lerend_tui import cli

    folder = paths.meetings
    atomic_write_text(folder / "2026-11-01-a.toml", meeting_text("Wijkavond", "Nieuwe ideeën voor de wijkagent", 0))
    atomic_write_text(folder / "2026-11-02-b.toml", meeting_text("Koffie", "Een ideaal plan", 1))
    data = ["--data-dir", str(paths.data)]
    assert cli.main([*data, "notes", "search", "ideeen", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [(hit["id"], hit["title"], hit["date"], hit["phase"]) for hit in hits] == [
        ("2026-11-01-a", "Wijkavond", "2026-11-24", "Opstart en check-in")]
    assert "Nieuwe ideeën voor de wijkagent" in hits[0]["snippet"]
    path = folder / "2026-11-02-b.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("Een ideaal plan", "Geen ideeën"), encoding="utf-8")
    assert cli.main([*data, "notes", "search", "ideeen"]) == 0
    out = capsys.readouterr().out
    assert "2026-11-02-b  ·  Opstart en check-in\n    Geen «ideeën»" in out
    assert "2026-11-01-a" in out
    assert cli.main([*data, "notes", "search", 'NEAR("x" AND']) == 1
    assert "Niets gevonden" in capsys.readouterr().out
    assert cli.main([*data, "notes", "search", "ideeen", "--network", "geen-netwerk"]) == 2


def test_a_new_meeting_in_a_network_carries_over_from_the_last_held_one_read_alone(paths):
    """`create_in_network` reads only the last held meeting's record; what comes back is what the network's
    every record would give."""
    from lerend_tui.network.carry_over import carry_over
    from lerend_tui.network.meetings import last_held
    from lerend_tui.network.store import Network

    for day, (ran, network) in enumerate([(True, "zuid"), (True, ""), (False, "zuid"), (True, "noord")]):
        atomic_write_text(paths.meetings / f"2026-11-1{day}-a.toml", meeting_text(f"Avond {day}", "koffie", day,
                                                                                 ran=ran, network=network))
    zuid = Network(id="zuid", name="Zuid", meetings=["2026-11-11-a", "2026-11-13-a"])
    index = MeetingStore.of(paths).index
    everything = index.records()
    last = last_held(zuid, index.listing().meetings)
    assert last == "2026-11-13-a"  # listed in its file, though another network's; the later one never ran
    assert carry_over(zuid, index.records([last])) == carry_over(zuid, everything) != []
    assert last_held(Network(id="leeg", name="Leeg"), index.listing().meetings) is None
