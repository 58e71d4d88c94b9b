"""The talk "Lerende netwerken" as short pages for the room: what a learning network is, why, what it brings,
the comparison with a course, the perspectives, when it fits and when not, the five steps and the
uitgangspunten, in the talk's words (`lerende-netwerken.toml` beside this module, read by `parse_talk`).

A page is written for the back of the room: a heading, a few lines or a table of two columns. The pages go by
topic; a template's phase names the topics it shows (`Talk.deck`), and a `Deck` pages through them. The page
on the beamer travels in the live state as a `Slide` (a page and where it stands), so a follower shows what
the facilitator shows without a talk of its own.
"""

from __future__ import annotations

import re
from dataclasses import field
from functools import cache
from pathlib import Path
from typing import Any

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.validation import Fields, Problems, read_toml

SCHEMA = 1
TALK_FILE = Path(__file__).with_name("lerende-netwerken.toml")
MAX_LINES = 5
"""A page has at most this many lines: more does not read from the back of the room; make two pages."""
MAX_ROWS = 4
"""A table's page has at most this many rows."""
MAX_LINE = 160
"""Characters in one line or cell at most (a sentence, not a paragraph)."""
MAX_HEADING = 60
_TOPIC_ID = re.compile(r"[a-z][a-z0-9-]{0,39}")


@datatype
class Page:
    """One page: the topic it belongs to (`title`, small above it), its `heading` (big), and either a few
    `lines` or a table: `columns` (the two things compared) and `rows`, each a label and one cell per column."""

    title: str
    heading: str
    lines: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def above(self) -> str:
        """What stands small above the heading: the topic's title, unless the heading says just that."""
        return "" if self.title == self.heading else self.title


@datatype
class Topic:
    id: str
    """What a template's phase names it by (`talk = ["wat-is", …]`)."""
    title: str
    pages: tuple[Page, ...]


@datatype
class Slide:
    """A page as it is shown: its number in the pages paged through, and how many there are ("3 van 12")."""

    page: Page
    number: int
    count: int

    @property
    def where(self) -> str:
        return f"{self.number} van {self.count}"

    def to_table(self) -> dict[str, Any]:
        """As the live state writes it (TOML): the page's texts, its number and the count."""
        page = self.page
        return {"number": self.number, "count": self.count, "title": page.title, "heading": page.heading,
                "lines": list(page.lines), "columns": list(page.columns), "rows": [list(row) for row in page.rows]}


@datatype
class Deck:
    """Pages to page through, and the one shown (`at`): the facilitator's `n` and `p`, a presenter's clicks."""

    pages: tuple[Page, ...]
    at: int = 0

    @property
    def slide(self) -> Slide:
        return Slide(self.pages[self.at], self.at + 1, len(self.pages))

    def turned(self, step: int) -> Deck | None:
        """The deck `step` pages on (back, when negative); None past its last page or before its first."""
        at = self.at + step
        return Deck(self.pages, at) if 0 <= at < len(self.pages) else None


@datatype
class Talk:
    title: str
    topics: tuple[Topic, ...]
    source: Path | None = field(default=None, compare=False)

    @property
    def topic_ids(self) -> tuple[str, ...]:
        return tuple(topic.id for topic in self.topics)

    def deck(self, topics: tuple[str, ...] = ()) -> Deck:
        """The pages of `topics` in that order (ids this talk has); with none, the whole talk."""
        chosen = [topic for wanted in topics for topic in self.topics if topic.id == wanted] if topics else self.topics
        return Deck(tuple(page for topic in chosen for page in topic.pages))

    def lines_of(self, topic: str) -> list[str]:
        """Every line of a topic's pages, headings left out (the home screen's uitgangspunten)."""
        return [line for found in self.topics if found.id == topic for page in found.pages for line in page.lines]


def parse_talk(path: Path) -> Talk:
    """Read and check a talk file; every problem in it (per field, topic or page) in one `DataError`."""
    fields = Fields(read_toml(path), path)
    problems = Problems(path)
    read = problems.read
    read(fields.check_schema, SCHEMA)
    title = read(fields.text, "title", allow_empty=False)
    topic_tables = read(fields.tables, "topics")
    if topic_tables == []:
        problems.add(fields.error("topics", "verwacht minstens één onderwerp ([[topics]])"))
    topic_tables = topic_tables or []
    topics = [read(_parse_topic, table) for table in topic_tables]
    seen: set[str] = set()
    for table, topic in zip(topic_tables, topics):
        if topic is not None and topic.id in seen:
            problems.add(table.error("id", f"het onderwerp '{topic.id}' staat er al eerder in"))
        if topic is not None:
            seen.add(topic.id)
    problems.raise_any()
    return Talk(title, tuple(topics), source=path)


def _parse_topic(table: Fields) -> Topic:
    problems = Problems(table.path)
    topic_id = problems.read(table.text, "id", allow_empty=False)
    if topic_id is not None and not _TOPIC_ID.fullmatch(topic_id):
        problems.add(table.error("id", "verwacht kleine letters, cijfers en streepjes, zoals \"wat-is\", "
                                       f"hoogstens 40 tekens, maar vond '{topic_id}'"))
    title = problems.read(table.text, "title", allow_empty=False)
    page_tables = problems.read(table.tables, "pages") or []
    if not page_tables and "pages" in table.table:
        problems.add(table.error("pages", "verwacht minstens één pagina ([[topics.pages]])"))
    elif "pages" not in table.table:
        problems.add(table.error("pages", "ontbreekt: verwacht minstens één pagina ([[topics.pages]])"))
    pages = [problems.read(read_page, page, title or "") for page in page_tables]
    problems.raise_any()
    return Topic(topic_id, title, tuple(pages))


def read_page(table: Fields, title: str) -> Page:
    """A page's texts from its table (in the talk file, or in the live state), checked to stay sparse: a
    heading; at most `MAX_LINES` lines, or a table of two `columns` and at most `MAX_ROWS` rows, each a label
    and a cell per column."""
    problems = Problems(table.path)
    heading = problems.read(_short, table, "heading", MAX_HEADING, allow_empty=False)
    lines = problems.read(table.texts, "lines", [])
    columns = problems.read(table.texts, "columns", [])
    rows = problems.read(_rows, table)
    if lines is not None:
        if len(lines) > MAX_LINES:
            problems.add(table.error("lines", f"verwacht hoogstens {MAX_LINES} regels (dan leest de zaal ze nog), "
                                              f"maar vond er {len(lines)}; maak er twee pagina's van"))
        for line in lines:
            problems.read(_check_length, table, "lines", line)
    if columns is not None and rows is not None:
        if columns and len(columns) != 2:
            problems.add(table.error("columns", f"verwacht twee kolommen, maar vond er {len(columns)}"))
        if bool(columns) != bool(rows):
            missing = "rows" if columns else "columns"
            problems.add(table.error(missing, "ontbreekt: een tabel heeft kolommen (columns) en rijen (rows)"))
        if len(rows) > MAX_ROWS:
            problems.add(table.error("rows", f"verwacht hoogstens {MAX_ROWS} rijen, maar vond er {len(rows)}; "
                                             "maak er twee pagina's van"))
        for number, row in enumerate(rows, start=1):
            if columns and len(row) != len(columns) + 1:
                problems.add(table.error(f"rows[{number}]", f"verwacht {len(columns) + 1} teksten: het onderwerp "
                                                            "en een per kolom, maar vond er " + str(len(row))))
            for cell in row:
                problems.read(_check_length, table, f"rows[{number}]", cell)
    if lines and rows:
        problems.add(table.error("lines", "een pagina heeft regels of een tabel, niet allebei"))
    problems.raise_any()
    return Page(title, heading, tuple(lines), tuple(columns), tuple(tuple(row) for row in rows))


def read_slide(table: Fields) -> Slide:
    """A page as the live state holds it (see `Slide.to_table`)."""
    count = table.integer("count", minimum=1, maximum=10_000)
    number = table.integer("number", minimum=1, maximum=count)
    return Slide(read_page(table, table.text("title")), number, count)


def _short(table: Fields, key: str, longest: int, *, allow_empty: bool = True) -> str:
    text = table.text(key, allow_empty=allow_empty)
    if len(text) > longest:
        raise table.error(key, f"verwacht hoogstens {longest} tekens, maar vond er {len(text)}")
    return text


def _check_length(table: Fields, key: str, text: str) -> None:
    if len(text) > MAX_LINE:
        raise table.error(key, f"verwacht hoogstens {MAX_LINE} tekens per regel, maar vond er {len(text)}: "
                               f"'{text[:30]}…'")


def _rows(table: Fields) -> list[list[str]]:
    value = table.table.get("rows", [])
    if not isinstance(value, list) or not all(
            isinstance(row, list) and all(isinstance(cell, str) for cell in row) for row in value):
        raise table.error("rows", "verwacht een lijst van rijen, elk een lijst met teksten "
                                  "([\"Nadruk\", \"Theoretisch\", \"Praktisch\"])")
    return value


@cache
def builtin_talk() -> Talk:
    """The talk that comes with the program, read once."""
    return parse_talk(TALK_FILE)
