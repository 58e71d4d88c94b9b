"""One validating reader for every TOML file the user owns or edits.

Each problem becomes a `DataError` that names the file, the field and what was expected, in Dutch, so
the facilitator can open the file and fix it.
"""

from __future__ import annotations

import ast
import errno
import math
import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from copy import deepcopy
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TypeVar, cast, overload

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.sanitise import clean, clean_table

T = TypeVar("T")
D = TypeVar("D")  # a default a field falls back to when it is absent


MAX_FILE_BYTES = 20 * 1024 * 1024
"""No file of this program comes near this size (a meeting with a megabyte of notes is some 1 MiB);
anything larger is refused unread."""
MAX_MINUTES = 24 * 60
"""Minutes of a phase, a step or a meeting: at most a day."""
MAX_SECONDS = 366 * 24 * 60 * 60
"""Seconds a timer can have run or be set to: at most a year. Far more than any meeting, so that a timer
left running for weeks (a laptop forgotten with the meeting open) still gives a file that loads, and far
below what a `timedelta` can hold."""
EARLIEST_YEAR, LATEST_YEAR = 1970, 2200
"""The years a moment in a file may lie in: far enough from datetime's limits that adding a meeting's
minutes to it can never overflow."""


@datatype
class Problem:
    """One thing wrong in a file: what, and where (a line and column, or a field)."""

    text: str
    field: str | None = None
    line: int | None = None
    column: int | None = None

    def where(self, path: Path) -> str:
        where = clean(str(path))
        if self.line is not None:
            where += f", regel {self.line}"
        if self.column is not None:
            where += f", kolom {self.column}"
        if self.field is not None:
            where += f", veld '{self.field}'"
        return where


class DataError(Exception):
    """A file the program reads is not as expected: one problem or several (`problems`), each named with
    the file and its line or field. Its text has no control characters, whatever the file name holds."""

    def __init__(self, path: Path | str, problem: str, *, field: str | None = None, line: int | None = None,
                 column: int | None = None):
        self.path = Path(path)
        self.problems = [Problem(clean(problem), field and clean(field), line, column)]
        super().__init__(self.text())

    @classmethod
    def of(cls, path: Path | str, problems: Sequence[Problem]) -> DataError:
        """One error for every problem found in a file (at least one)."""
        first, *_ = problems
        error = cls(path, first.text, field=first.field, line=first.line, column=first.column)
        error.problems = list(problems)
        error.args = (error.text(),)
        return error

    @property
    def problem(self) -> str:
        return self.problems[0].text

    @property
    def field(self) -> str | None:
        return self.problems[0].field

    @property
    def line(self) -> int | None:
        return self.problems[0].line

    def lines(self) -> list[str]:
        """One line per problem, each naming the file."""
        return [f"{problem.where(self.path)}: {problem.text}" for problem in self.problems]

    def text(self) -> str:
        return "\n".join(self.lines())


class Problems:
    """Collects the problems of one file, so that a parser can report them all at once instead of only the
    first: read each part with `read`, then `raise_any`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[Problem] = []

    def add(self, error: DataError) -> None:
        self.found.extend(error.problems)

    def read(self, reader: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`reader(*args, **kwargs)`, or None when it raised a `DataError` (which is kept).

        Typed as `T`: a parser builds its object from these reads and calls `raise_any` before it returns it,
        so the None standing in for a value that failed never leaves the parser."""
        try:
            return reader(*args, **kwargs)
        except DataError as error:
            self.add(error)
            return cast(T, None)

    def raise_any(self) -> None:
        """Raise one `DataError` with every problem found, if any was."""
        if self.found:
            raise DataError.of(self.path, self.found)


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file the user owns or edits; every way it can fail is a Dutch `DataError` naming the file
    and, where there is one, the line. Anything that is not a regular file (a named pipe, a device, a socket,
    a folder) is refused without waiting on it, as is a file over `MAX_FILE_BYTES`. Every string and key in
    the result is cleaned (`sanitise.clean_table`): nothing read from a file can steer a terminal."""
    text = _decode(path, _read_bytes(path))
    try:
        return clean_table(tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(path, text, str(error)) from None
    except RecursionError:
        raise DataError(path, "lijsten of tabellen zijn te diep in elkaar genest om te lezen; "
                        "zo diep nest geen bestand van lerend-tui") from None
    except MemoryError:
        raise DataError(path, "het geheugen raakte op bij het lezen van dit bestand") from None
    except ValueError:  # a number with thousands of digits, which Python refuses to convert
        raise DataError(path, "geen geldige TOML (een getal met te veel cijfers?)") from None


_KINDS = ((stat.S_ISDIR, "een map"), (stat.S_ISFIFO, "een named pipe (FIFO)"), (stat.S_ISSOCK, "een socket"),
          (stat.S_ISCHR, "een apparaat"), (stat.S_ISBLK, "een apparaat"))
_OS_PROBLEMS = {
    errno.ENOENT: "het bestand bestaat niet (meer)",
    errno.EACCES: "geen toestemming om het bestand te lezen",
    errno.EPERM: "geen toestemming om het bestand te lezen",
    errno.EISDIR: "is geen gewoon bestand, maar een map",
    errno.ELOOP: "een kringetje van symbolische koppelingen (symlinks)",
    errno.ENXIO: "is geen gewoon bestand (een socket of apparaat zonder verbinding)",
    errno.ENAMETOOLONG: "de naam van het bestand is te lang",
    errno.EIO: "de schijf gaf een leesfout",
}


def _os_error(path: Path, error: OSError) -> DataError:
    """An OSError in Dutch (its own text is English): by its error number, or with the number's name."""
    known = _OS_PROBLEMS.get(error.errno or 0)
    if known is not None:
        return DataError(path, known)
    code = errno.errorcode.get(error.errno or 0, "onbekend")
    return DataError(path, f"kan het bestand niet lezen (systeemfout {code})")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, opened without blocking (a named pipe would wait for a writer for ever) and only
    when it is a regular file; at most `MAX_FILE_BYTES` + 1 are read, so a file that grows is refused too."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _os_error(path, error) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "iets anders")
            raise DataError(path, f"is geen gewoon bestand, maar {kind}; alleen gewone bestanden worden gelezen")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _os_error(path, error) from None
    except MemoryError:
        raise DataError(path, "het geheugen raakte op bij het lezen van dit bestand") from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise DataError(path, f"het bestand is groter dan {MAX_FILE_BYTES // (1024 * 1024)} MiB; zo groot wordt "
                        "geen bestand van lerend-tui, dus het wordt niet gelezen")
    return data


_BOM = b"\xef\xbb\xbf"


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(_BOM):
        raise DataError(path, "het bestand begint met een BOM (byte order mark: drie onzichtbare tekens die "
                        "sommige editors, zoals Kladblok, vooraan zetten) en dat staat TOML niet toe; sla het op "
                        "als 'UTF-8' zonder BOM", line=1)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError(path, "het bestand is opgeslagen als UTF-16; sla het op als 'UTF-8'", line=1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise DataError(path, f"geen geldige UTF-8-tekst (byte 0x{data[error.start]:02x}); sla het bestand op "
                        "als 'UTF-8'", line=line, column=column) from None


# tomllib's messages (English), each with its Dutch (see `_fill`); what is not here gets `_SYNTAX` alone.
_SYNTAX = "geen geldige TOML"
_DUTCH_SYNTAX = (  # patterns, compiled (by `re`) when a file first has a syntax error
    (r"Invalid statement", "hier begint geen geldige regel; verwacht sleutel = waarde, [tabel] of [[lijst]]"),
    (r"Expected newline or end of document after a statement", "na de waarde hoort de regel te eindigen"),
    (r"Expected '=' after a key in a key/value pair", "verwacht '=' na de sleutel"),
    (r"Expected ']' at the end of a table declaration", "verwacht ']' aan het eind van de tabelkop"),
    (r"Expected ']]' at the end of an array declaration", "verwacht ']]' aan het eind van de kop"),
    (r"Expected (.+)", "verwacht {0}"),
    (r"Found invalid character (.+)", "onverwacht teken {0}"),
    (r"Cannot declare (.+) twice", "de tabel [{key}] staat er twee keer in"),
    (r"Cannot overwrite a value", "deze sleutel heeft al een waarde (staat hij er twee keer in?)"),
    (r"Cannot (?:mutate immutable|redefine) namespace (.+)", "{key} is al eerder vastgelegd en kan hier niet "
                                                               "worden aangevuld"),
    (r"Duplicate inline table key (.+)", "de sleutel '{key}' staat twee keer in dezelfde tabel"),
    (r"Invalid initial character for a key part", "een sleutel kan niet met dit teken beginnen"),
    (r"Unclosed array", "een lijst die met [ begint, wordt niet met ] gesloten"),
    (r"Unclosed inline table", "een tabel die met { begint, wordt niet met } gesloten"),
    (r"Unescaped '\\' in a string", "een losse \\ in een tekst; schrijf \\\\ of gebruik enkele aanhalingstekens"),
    (r"Invalid hex value", "ongeldige code na \\u of \\U"),
    (r"Escaped character is not a Unicode scalar value", "de code na \\u of \\U is geen geldig teken"),
    (r"Unterminated string", "een tekst wordt niet afgesloten met een aanhalingsteken"),
    (r"Illegal character (.+)", "een teken dat hier niet mag staan: {0}"),
    (r"Invalid date or datetime", "ongeldige datum of tijd"),
    (r"Invalid value", "ongeldige waarde (tekst hoort tussen aanhalingstekens)"),
)
_WHERE = re.compile(r"^(?P<message>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$", re.S)


_TRUNCATED = ("Unterminated string", "Unclosed array", "Unclosed inline table", "Expected")
"""What tomllib says at the end of a document that was cut off."""


def _syntax_error(path: Path, text: str, english: str) -> DataError:
    """A TOML syntax error in Dutch, with its line and column; tomllib's own text is not shown."""
    where = _WHERE.match(english)
    message = where.group("message") if where else english
    dutch = next((_fill(dutch, match) for pattern, dutch in _DUTCH_SYNTAX if (match := re.fullmatch(pattern, message))),
                 None)
    problem = f"{_SYNTAX}: {dutch}" if dutch else _SYNTAX
    if where is None:
        return DataError(path, problem)
    if where.group("line"):
        return DataError(path, problem, line=int(where.group("line")), column=int(where.group("column")))
    last_line = len(text.splitlines()) or 1  # at the end of the document: the problem is on its last line
    if message.startswith(_TRUNCATED):
        return DataError(path, f"het bestand houdt halverwege op; is het afgebroken? ({dutch or _SYNTAX})",
                         line=last_line)
    return DataError(path, problem, line=last_line)


def _fill(dutch: str, match: re.Match[str]) -> str:
    """The Dutch message with what tomllib named put in: `{0}` as tomllib shows it, `{key}` as a key."""
    if not match.groups():
        return dutch
    return dutch.replace("{0}", match.group(1)).replace("{key}", _key_text(match.group(1)))


def _key_text(shown: str) -> str:
    """A key as tomllib shows it (`('a', 'b')` or `'a'`) as the file writes it: `a.b`."""
    try:
        key = ast.literal_eval(shown)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return shown
    if isinstance(key, tuple) and all(isinstance(part, str) for part in key):
        return ".".join(key)
    return key if isinstance(key, str) else shown


def read_folder(folder: Path, parse: Callable[[Path], T]) -> tuple[list[T], list[DataError]]:
    """Every `*.toml` file in `folder` that `parse` reads, and the `DataError` of each one it cannot: one
    broken file never hides the others, and never stops the program (a failure `parse` did not foresee is
    named too). Named pipes and other files that are not regular are refused by `read_toml` without waiting.
    A folder that does not exist yet holds nothing."""
    found: list[T] = []
    problems: list[DataError] = []
    try:
        if not folder.is_dir():
            return found, problems
        paths = sorted(folder.glob("*.toml"))
    except OSError as error:
        return found, [_os_error(folder, error)]
    for path in paths:
        try:
            found.append(parse(path))
        except DataError as error:
            problems.append(error)
        except Exception as error:  # a bug must not cost the facilitator the other files
            problems.append(DataError(path, f"kan het bestand niet lezen (onverwachte fout: {type(error).__name__})"))
    return found, problems


class ReadWhenAsked(Mapping[str, T]):
    """Files by name (a file's stem), each parsed when first asked for, beside things read already, which take
    the place of a file of the same name: the built-in templates or work formats, of which a start needs one or
    none, beside the user's, read at once so that a broken one is reported at start. Safe from any thread (at
    worst two threads parse the same file)."""

    def __init__(self, files: Iterable[Path], parse: Callable[[Path], T], read: Mapping[str, T]) -> None:
        self._read = dict(read)
        self._files = {path.stem: path for path in files}
        self._parse = parse
        self._names = [*self._files, *(name for name in self._read if name not in self._files)]

    def __getitem__(self, name: str) -> T:
        if name not in self._read:
            self._read[name] = self._parse(self._files[name])
        return self._read[name]

    def __contains__(self, name: object) -> bool:  # without reading the file (Mapping's would)
        return name in self._read or name in self._files

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


_MISSING = object()


def drop_none(value: Any) -> Any:
    """TOML has no null: a missing key means 'not yet'. Empty lists stay, so the file shows what can go there."""
    if isinstance(value, dict):
        return {key: drop_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [drop_none(item) for item in value]
    return value


def hand_added(fields: Fields, known: frozenset[str]) -> dict[str, Any]:
    """The keys of a table that the program does not know (a person added them by hand, such as `locatie`),
    with their values: kept so that a save writes them back (`with_hand_added`) instead of dropping them."""
    return {key: value for key, value in fields.table.items() if key not in known}


def with_hand_added(table: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`table` with the hand-added keys after its own (a deep copy of each, so the table is detached from the
    object it was made of); a key the program writes itself always keeps the program's value."""
    return {**table, **{key: deepcopy(value) for key, value in extra.items() if key not in table}}


class Fields:
    """Typed access to one TOML table; every mistake raises a `DataError` naming the field."""

    def __init__(self, table: Any, path: Path, prefix: str = "") -> None:
        self.path = path
        self.prefix = prefix
        if not isinstance(table, dict):
            raise DataError(path, "verwacht een tabel", field=prefix or None)
        self.table = table

    def check_schema(self, version: int) -> None:
        """The file's `schema` must be the version this program writes."""
        schema = self.integer("schema")
        if schema != version:
            raise self.error("schema", f"verwacht versie {version}, maar vond {_shown(schema)}")

    def name(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def error(self, key: str, problem: str) -> DataError:
        return DataError(self.path, problem, field=self.name(key))

    def _absent(self, key: str, default: Any) -> Any:
        """The default for a missing key, or an error where the key is required."""
        if default is _MISSING:
            raise self.error(key, "ontbreekt")
        return default

    def text(self, key: str, default: Any = _MISSING, *, allow_empty: bool = True) -> str:
        if key not in self.table:
            return self._absent(key, default)
        value = self.table[key]
        if not isinstance(value, str):
            raise self.error(key, f"verwacht tekst, maar vond {_describe(value)}")
        if not allow_empty and not value.strip():
            raise self.error(key, "mag niet leeg zijn")
        return value

    def flag(self, key: str, default: Any = _MISSING) -> bool:
        if key not in self.table:
            return self._absent(key, default)
        value = self.table[key]
        if not isinstance(value, bool):
            raise self.error(key, f"verwacht true of false, maar vond {_describe(value)}")
        return value

    def choice(self, key: str, options: tuple[str, ...], default: Any = _MISSING) -> str:
        value = self.text(key, default)
        if value is not default and value not in options:
            raise self.error(key, f"verwacht een van {', '.join(options)}, maar vond '{value}'")
        return value

    def integer(self, key: str, default: Any = _MISSING, *, minimum: int | None = None,
                maximum: int | None = None) -> int:
        if key not in self.table:
            return self._absent(key, default)
        value = self.table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"verwacht een geheel getal, maar vond {_describe(value)}")
        self._check_range(key, value, minimum, maximum, "een geheel getal")
        return value

    def number(self, key: str, default: Any = _MISSING, *, minimum: float | None = None,
               maximum: float | None = None) -> float:
        """A finite number (inf and nan are refused), within the bounds given."""
        if key not in self.table:
            return self._absent(key, default)
        value = self.table[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(key, f"verwacht een getal, maar vond {_describe(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise self.error(key, f"verwacht een gewoon getal, maar vond {value} (oneindig of geen getal)")
        self._check_range(key, value, minimum, maximum, "een getal")
        return float(value)

    def _check_range(self, key: str, value: float, minimum: float | None, maximum: float | None, kind: str) -> None:
        bounds = [f"{word} {_bound(limit)}" for word, limit in (("minstens", minimum), ("hoogstens", maximum))
                  if limit is not None]
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise self.error(key, f"verwacht {kind} van {' en '.join(bounds)}, maar vond {_shown(value)}")

    def minutes(self, key: str, default: Any = _MISSING, *, minimum: int = 1) -> int:
        """Whole minutes of a phase, a step or a meeting: from `minimum` to a day (`MAX_MINUTES`)."""
        return self.integer(key, default, minimum=minimum, maximum=MAX_MINUTES)

    def seconds(self, key: str, default: Any = _MISSING, *, minimum: float = 0) -> float:
        """Seconds a timer ran or is set to: finite, from `minimum` to a year (`MAX_SECONDS`)."""
        return self.number(key, default, minimum=minimum, maximum=MAX_SECONDS)

    @overload
    def moment(self, key: str) -> datetime: ...
    @overload
    def moment(self, key: str, default: D) -> datetime | D: ...

    def moment(self, key: str, default: Any = _MISSING) -> Any:
        if key not in self.table:
            return self._absent(key, default)
        value = self.table[key]
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise self.error(
                key, "verwacht een datum en tijd met tijdzone (zoals 2026-11-24T19:00:00+01:00), "
                     f"maar vond {_describe(value)}"
            )
        self._check_year(key, value)
        return value

    @overload
    def day(self, key: str) -> date: ...
    @overload
    def day(self, key: str, default: D) -> date | D: ...

    def day(self, key: str, default: Any = _MISSING) -> Any:
        """A calendar day without a time (`2026-11-24`)."""
        if key not in self.table:
            return self._absent(key, default)
        value = self.table[key]
        if isinstance(value, str) and _is_iso_day(value):  # a date in quotes: TOML reads it as text
            raise self.error(key, f"verwacht een datum zonder aanhalingstekens, zoals {key} = {value.strip()}, "
                                  f"maar vond de tekst \"{value}\"")
        if isinstance(value, datetime) or not isinstance(value, date):
            raise self.error(key, f"verwacht een datum zonder tijd (zoals {key} = 2026-11-24), maar vond "
                                  f"{_describe(value)}")
        self._check_year(key, value)
        return value

    def _check_year(self, key: str, value: date) -> None:
        if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            raise self.error(key, f"verwacht een jaartal van {EARLIEST_YEAR} tot en met {LATEST_YEAR}, "
                                  f"maar vond {value.year}")

    def texts(self, key: str, default: Any = _MISSING) -> list[str]:
        if key not in self.table:
            return self._absent(key, default)
        value = self.table[key]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(key, f"verwacht een lijst met teksten, maar vond {_describe(value)}")
        return value

    def tables(self, key: str, default: Any = _MISSING) -> list[Fields]:
        if key not in self.table:
            return self._absent(key, default)
        value = self.table[key]
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.error(key, f"verwacht een lijst met tabellen ([[{self.name(key)}]]), "
                                  f"maar vond {_describe(value)}")
        return [Fields(item, self.path, f"{self.name(key)}[{index + 1}]") for index, item in enumerate(value)]


_SHOWN = 60
"""A value in a message is cut to this many characters: a file may hold a number with thousands of digits."""


def _bound(limit: float) -> str:
    return str(int(limit)) if float(limit).is_integer() else f"{limit:g}"


def _shown(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


def _is_iso_day(text: str) -> bool:
    """Whether `text` is a day as TOML writes one (2026-12-08)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return False
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def _describe(value: Any) -> str:
    if value is _MISSING:
        return "niets"
    kinds = {
        str: "tekst",
        bool: "waar/onwaar",
        int: "een geheel getal",
        float: "een kommagetal",
        list: "een lijst",
        dict: "een tabel",
        date: "een datum zonder tijd",
        time: "een tijd zonder datum",
        datetime: "een datum zonder tijdzone" if isinstance(value, datetime) and value.tzinfo is None else "een datum",
    }
    kind = kinds.get(type(value), "een waarde van een andere soort")
    shown = _shown(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    return f"{kind} {shown}".strip()
