"""One validating reader for every TOML file the user owns or edits.

Each problem becomes a `DataError` that names the file, the field and what was expected, in Dutch, so
the facilitator can open the file and fix it.
"""

from __future__ import annotations

import re
import tomllib
from copy import deepcopy
from datetime import datetime
from pathlib import Path
from typing import Any


class DataError(Exception):
    """A file the program reads is not as expected."""

    def __init__(self, path: Path | str, problem: str, *, field: str | None = None, line: int | None = None):
        self.path = Path(path)
        self.field = field
        self.line = line
        self.problem = problem
        where = str(self.path)
        if line is not None:
            where += f", regel {line}"
        if field is not None:
            where += f", veld '{field}'"
        super().__init__(f"{where}: {problem}")


_LINE = re.compile(r"at line (\d+)")


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file; a syntax error names the line in Dutch."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(path, "het bestand is geen geldige UTF-8-tekst") from error
    except OSError as error:
        raise DataError(path, f"kan het bestand niet lezen ({error.strerror or error})") from error
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _LINE.search(str(error))
        if match:
            raise DataError(path, f"geen geldige TOML ({error})", line=int(match.group(1))) from error
        if "end of document" in str(error):  # a truncated file: the problem is on its last line
            last_line = len(text.splitlines()) or 1
            raise DataError(path, f"het bestand houdt halverwege op; is het afgebroken? ({error})",
                            line=last_line) from error
        raise DataError(path, f"geen geldige TOML ({error})") from error


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
            raise self.error("schema", f"verwacht versie {version}, maar vond {schema}")

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

    def integer(self, key: str, default: Any = _MISSING, *, minimum: int | None = None) -> int:
        if key not in self.table:
            return self._absent(key, default)
        value = self.table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"verwacht een geheel getal, maar vond {_describe(value)}")
        if minimum is not None and value < minimum:
            raise self.error(key, f"verwacht een geheel getal van minstens {minimum}, maar vond {value}")
        return value

    def number(self, key: str, default: Any = _MISSING, *, minimum: float | None = None) -> float:
        if key not in self.table:
            return self._absent(key, default)
        value = self.table[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(key, f"verwacht een getal, maar vond {_describe(value)}")
        if minimum is not None and value < minimum:
            raise self.error(key, f"verwacht een getal van minstens {minimum}, maar vond {value}")
        return float(value)

    def moment(self, key: str, default: Any = _MISSING) -> datetime | None:
        if key not in self.table:
            return self._absent(key, default)
        value = self.table[key]
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise self.error(
                key, f"verwacht een datum en tijd met tijdzone (zoals 2026-11-24T19:00:00+01:00), maar vond {_describe(value)}"
            )
        return value

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
            raise self.error(key, f"verwacht een lijst met tabellen ([[{self.name(key)}]]), maar vond {_describe(value)}")
        return [Fields(item, self.path, f"{self.name(key)}[{index + 1}]") for index, item in enumerate(value)]


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
        datetime: "een datum zonder tijdzone" if isinstance(value, datetime) and value.tzinfo is None else "een datum",
    }
    kind = kinds.get(type(value), type(value).__name__)
    shown = repr(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    return f"{kind} {shown}".strip()
