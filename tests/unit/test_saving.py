"""Saving a meeting while the facilitator types on: the record's text made fast, versions written in
order, one at a time."""

import os
import threading
import time
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lerend_tui.meeting.record import LONG_STRING, parse_record, table_to_toml
from lerend_tui.storage import meetings as storage
from lerend_tui.storage.meetings import MeetingStore

from ..samples import sample_record

# Every character tomli-w treats specially, and some it does not, often enough to meet them all.
SPECIAL = st.sampled_from(["\n", "\r\n", "\r", "\t", '"', '"""', "\\", "\x00", "\x08", "\x0c", "\x1b", "\x7f",
                           "'''", "é", "€", "\u2028", "\U0001f600", " ", "a"])
PIECE = st.one_of(SPECIAL, st.text(max_size=20))
LONG = st.lists(PIECE, min_size=1, max_size=40).map(
    lambda pieces: ("".join(pieces) * (LONG_STRING // max(len("".join(pieces)), 1) + 1)) or "x" * LONG_STRING)
ANY_STRING = st.one_of(LONG, st.text(max_size=80), LONG.map(lambda text: text.replace("\n", "")))


SHORT = st.one_of(SPECIAL, st.text(max_size=30), st.sampled_from(["", "Actie", "x" * 60, "y" * 90]))
KEY = st.one_of(st.sampled_from(["kind", "text", "owner", "phase", "_", "a-b_9"]), st.text(max_size=4))
# Arrays of tables of strings, as the items are: short or long (inline or `[[name]]`), with keys that are
# bare or need quotes, empty tables, and tables with another value among the strings.
STRING_TABLES = st.lists(st.dictionaries(KEY, st.one_of(SHORT, ANY_STRING), max_size=4), min_size=1, max_size=6)
TABLES = st.one_of(STRING_TABLES, STRING_TABLES.map(lambda tables: [*tables, {"minutes": 5}]), st.just([]))


def table_headers(text: str) -> list[str]:
    """The lines of a TOML text that open a table. A line of a multi-line string may start with "[" too, so
    this walks the strings (and comments) to know where they are."""
    headers, at, quote, line_start = [], 0, "", True
    while at < len(text):
        char = text[at]
        if quote:
            if char == "\\" and quote[0] == '"':
                at += 2
                continue
            if text.startswith(quote, at):
                at, quote = at + len(quote), ""
                continue
        elif char == "#":
            at = text.find("\n", at) if "\n" in text[at:] else len(text)
            continue
        elif char in "\"'":
            quote = char * 3 if text.startswith(char * 3, at) else char
            at += len(quote)
            continue
        elif char == "[" and line_start:
            headers.append(text[at:text.find("\n", at)])
        line_start = char == "\n" and not quote
        at += 1
    return headers


@settings(max_examples=150, deadline=None)
@given(notes=st.lists(ANY_STRING, min_size=1, max_size=3), other=ANY_STRING, items=TABLES, more=TABLES)
@example(notes=[""], other="", items=[], more=[{"kind": "\n[" * (LONG_STRING // 2)}])  # "[" lines in a string
def test_the_fast_text_reads_back_as_the_table_it_was_made_of(notes, other, items, more):
    table = {
        "title": other,
        "participants": [other, "Anouk"],
        "phases": [{"kind": "inhoud", "notes": text, "roles": {"notulist": other}, "steps": more}
                   for text in notes],
        "items": items,
        "small": [{"name": text[:3]} for text in notes],
        "plan": {"name": other, "phases": [{"kind": "inhoud", "title": text, "content_by": other} for text in notes],
                 "more": more, "deeper": {"tables": items}},
        "list": [more, [{"a": other}]],
        "inline": [{"x": {"tables": items}}],
    }
    text = table_to_toml(table)
    assert tomllib.loads(text) == tomllib.loads(tomli_w.dumps(table, multiline_strings=True))
    assert table_headers(text) == table_headers(tomli_w.dumps(table, multiline_strings=True))


def test_long_notes_are_literal_strings_that_read_as_they_were_typed():
    notes = "Afspraak: \"haakjes\" en \\ een backslash, 's avonds\n\twat ingesprongen\n" * 10
    table = {"phases": [{"notes": notes}, {"notes": "x" * LONG_STRING + " met \x1b erin"},
                        {"notes": "eindigt op een apostrof '" * 10}, {"notes": "zo'n " * 60}, {"notes": "y" * 300}]}
    text = table_to_toml(table)
    assert f"notes = '''\n{notes}'''" in text
    assert "\\u001b" in text and "eindigt op een apostrof '\"" in text  # these stay basic strings
    apostrophes, plain = "zo'n " * 60, "y" * 300
    assert f"notes = '''{apostrophes}'''" in text and f"notes = '{plain}'" in text
    assert tomllib.loads(text) == table


def test_a_thousand_items_are_written_as_tomli_w_writes_them():
    items = [{"kind": "actie", "text": f"nummer {number} \"met\" \\ en \x1b @Anouk " * (number % 4), "owner": "Anouk",
              "phase": "Ronde"} for number in range(1400)]
    table = {"title": "t", "items": items, "short": [{"kind": "actie", "text": "kort"}] * 50}
    assert table_to_toml(table) == tomli_w.dumps(table, multiline_strings=True)  # no string as long as notes


def test_a_megabyte_of_notes_round_trips(tmp_path: Path):
    record = sample_record(notes=("Afspraak: \"haakjes\" en \\ backslash\n" * 30000, "", "tab\tje", "", ""))
    path = tmp_path / "m.toml"
    path.write_text(record.to_toml(), encoding="utf-8")
    assert parse_record(path).phases[0].notes == record.phases[0].notes
    assert "notes = '''\nAfspraak: \"haakjes\" en \\ backslash\n" in record.to_toml()


def test_a_version_is_detached_from_the_record(tmp_path: Path):
    store = MeetingStore(tmp_path)
    record = sample_record(notes=("eerst",) * 5)
    version = store.version(record)
    record.phases[0].notes = "later"
    record.participants.append("Chris")
    record.phases[3].roles["notulist"] = "Chris"
    store.write(version, tmp_path / "m.toml")
    data = tomllib.loads((tmp_path / "m.toml").read_text(encoding="utf-8"))
    assert data["phases"][0]["notes"] == "eerst" and data["participants"] == ["Anouk", "Bram"]
    assert "notulist" not in data["phases"][3]["roles"]


def test_an_older_version_is_never_written_over_a_newer_one(tmp_path: Path):
    store = MeetingStore(tmp_path)
    path = tmp_path / "m.toml"
    record = sample_record(notes=("oud",) * 5)
    older = store.version(record)
    record.phases[0].notes = "nieuw"
    newer = store.version(record)
    assert store.write(newer, path)
    assert not store.write(older, path)
    assert not store.write(newer, path)  # already there
    assert tomllib.loads(path.read_text(encoding="utf-8"))["phases"][0]["notes"] == "nieuw"


def test_writes_from_threads_take_turns_and_the_newest_wins(tmp_path: Path, monkeypatch):
    store = MeetingStore(tmp_path)
    path = tmp_path / "m.toml"
    record = sample_record()
    versions = []
    for number in range(8):
        record.phases[0].notes = f"versie {number}"
        versions.append(store.version(record))
    busy, overlaps = threading.Lock(), []
    write = storage.atomic_write_text

    def slow_write(*args, **kwargs):
        if not busy.acquire(blocking=False):
            overlaps.append(args[0])
            return
        try:
            time.sleep(0.01)  # a slow disk: room for another write to overlap, were the store to allow it
            write(*args, **kwargs)
        finally:
            busy.release()

    monkeypatch.setattr(storage, "atomic_write_text", slow_write)
    threads = [threading.Thread(target=store.write, args=(version, path)) for version in reversed(versions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not overlaps
    assert tomllib.loads(path.read_text(encoding="utf-8"))["phases"][0]["notes"] == "versie 7"


def private(path: Path) -> bool:
    return path.stat().st_mode & 0o777 == 0o600


def test_meetings_plans_networks_and_their_backups_are_readable_by_their_owner_only(tmp_path: Path):
    """Notes can be confidential: every file the program writes is `0600`, whatever the umask allows."""
    from lerend_tui.network.store import NetworkStore
    from lerend_tui.plans.plan import MeetingPlan, PlanStore
    from lerend_tui.templates import load_templates

    store = MeetingStore(tmp_path / "meetings")
    store.folder.mkdir()
    record = sample_record()
    path = store.create(record)
    store.save(record, path)
    plans = PlanStore(tmp_path / "plans")
    plan = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="Avond")
    plans.save(plan)
    plans.save(plan)
    networks = NetworkStore(tmp_path / "networks")
    network = networks.create("Zorgnetwerk Zuid")
    networks.save(network)
    written = [path, plan.path, networks.folder / "zorgnetwerk-zuid.toml"]
    assert all(private(file) and private(file.with_name(file.name + ".bak")) for file in written)


def test_a_symlink_where_the_temporary_file_goes_is_never_followed(tmp_path: Path, monkeypatch):
    outside = tmp_path / "elders.txt"
    outside.write_text("niet van ons")
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setattr(storage, "_serial", iter([7]))
    (folder / f".m.toml.{os.getpid()}.7.tmp").symlink_to(outside)
    with pytest.raises(FileExistsError):
        storage.atomic_write_text(folder / "m.toml", "nieuw")
    assert outside.read_text() == "niet van ons" and not (folder / "m.toml").exists()


@pytest.mark.parametrize("width", range(62, 70))
def test_items_just_short_enough_to_be_inline_are_as_tomli_w_writes_them(width):
    """tomli_w writes an array of tables inline when each table, indented, with its comma, takes at most
    100 characters: the fast text decides alike at either side of it."""
    table = {"items": [{"kind": "actie", "text": "x" * width}, {"kind": "inzicht", "text": "kort"}]}
    assert table_to_toml(table) == tomli_w.dumps(table, multiline_strings=True)
