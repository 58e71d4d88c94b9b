"""The facilitator's settings, from `<config>/config.toml`.

Settings must never stop a meeting: a missing file gives the defaults, and every bad value is reported
as a `DataError` while its default applies and the valid values still count.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.paths import Paths
from lerend_tui.common.validation import MAX_MINUTES, DataError, Fields, read_toml

FILE_NAME = "config.toml"
OVERTIME = ("optellen", "stoppen")
ORDER = ("willekeurig", "op volgorde")
MINIMUM_SECONDS_PER_PERSON = 10
"""The shortest turn in a speaking round: the settings refuse less, and so do the rounds themselves."""


@datatype
class Settings:
    warning_percent: float = 20.0
    warning_minutes: float = 2.0
    count_up_overtime: bool = True
    bell: bool = True
    warning_signal: bool = False
    auto_advance_steps: bool = False
    round_seconds: float = 90.0
    round_random: bool = True
    theme: str = "textual-dark"
    reduced_motion: bool = False
    keymap: Mapping[str, str] = field(default_factory=dict)
    """The facilitator's own keys: a binding's id -> its keys, comma-separated (see `screens.keys`)."""

    def warning_seconds(self, planned_seconds: float) -> float:
        """The warning starts in the last N % or the last N minutes, whichever is shorter."""
        return min(self.warning_percent / 100 * planned_seconds, self.warning_minutes * 60)


def config_path(paths: Paths) -> Path:
    return paths.config / FILE_NAME


def _percent(fields: Fields, key: str, default: float) -> float:
    value = fields.number(key, default, minimum=0)
    if value > 100:
        raise fields.error(key, f"verwacht een percentage van 0 tot en met 100, maar vond {value:g}")
    return value


# section -> key in the file -> (Settings attribute, reader(fields, key, default) -> value)
Reader = Callable[[Fields, str, Any], Any]
_SPEC: dict[str, dict[str, tuple[str, Reader]]] = {
    "timer": {
        "warning_percent": ("warning_percent", _percent),
        "warning_minutes": ("warning_minutes", lambda f, k, d: f.number(k, d, minimum=0, maximum=MAX_MINUTES)),
        "overtime": ("count_up_overtime", lambda f, k, d: f.choice(k, OVERTIME, OVERTIME[not d]) == "optellen"),
        "bell": ("bell", Fields.flag),
        "warning_signal": ("warning_signal", Fields.flag),
        "auto_advance_steps": ("auto_advance_steps", Fields.flag),
    },
    "round": {
        "seconds_per_person": (
            "round_seconds",
            lambda f, k, d: f.number(k, d, minimum=MINIMUM_SECONDS_PER_PERSON, maximum=60 * MAX_MINUTES)
        ),
        "order": ("round_random", lambda f, k, d: f.choice(k, ORDER, ORDER[not d]) == "willekeurig"),
    },
    "display": {
        "theme": ("theme", lambda f, k, d: f.text(k, d, allow_empty=False)),
        "reduced_motion": ("reduced_motion", Fields.flag),
    },
}


def _keymap(data: dict[str, Any], path: Path, problems: list[DataError]) -> dict[str, str]:
    """`[keymap]`: a binding's id and its keys, such as `"meeting.next" = "j,pagedown"`; which ids and keys exist,
    the screens know (`screens.keys.checked_keymap`). Written unquoted, `meeting.next = "j"` is a TOML table
    `meeting` holding `next`: that is read as the id `meeting.next` too."""
    try:
        table = Fields(data.get("keymap", {}), path, "keymap")
    except DataError as error:
        problems.append(error)
        return {}
    entries: list[tuple[Fields, str, str]] = []  # where the keys are written, under which name, for which id
    for key, value in table.table.items():
        if isinstance(value, dict):
            entries += [(Fields(value, path, table.name(key)), name, f"{key}.{name}") for name in value]
        else:
            entries.append((table, key, key))
    keymap: dict[str, str] = {}
    for fields, key, binding_id in entries:
        try:
            keys = [part.strip() for part in fields.text(key, allow_empty=False).split(",")]
            if not all(keys):
                raise fields.error(key, "een lege toets; scheid toetsen met een komma, zoals \"j,pagedown\"")
        except DataError as error:
            problems.append(error)
            continue
        keymap[binding_id] = ",".join(keys)
    return keymap


def load_settings(path: Path) -> tuple[Settings, list[DataError]]:
    """The settings in `path` and every problem found; each bad value falls back to its default."""
    defaults = Settings()
    if not path.exists():
        return defaults, []
    try:
        data = read_toml(path)
    except DataError as error:
        return defaults, [error]
    problems: list[DataError] = []
    root = Fields(data, path)
    for key in data:
        if key not in _SPEC and key != "keymap":
            known = ", ".join([*_SPEC, "keymap"])
            problems.append(root.error(key, f"onbekende instelling; bekende onderdelen zijn {known}"))
    values: dict[str, Any] = {}
    for section, spec in _SPEC.items():
        try:
            table = Fields(data.get(section, {}), path, section)
        except DataError as error:
            problems.append(error)
            continue
        for key in table.table:
            if key not in spec:
                problems.append(table.error(key, f"onbekende instelling; bekende instellingen zijn {', '.join(spec)}"))
        for key, (attr, reader) in spec.items():
            try:
                values[attr] = reader(table, key, getattr(defaults, attr))
            except DataError as error:
                problems.append(error)
    return Settings(**values, keymap=_keymap(data, path, problems)), problems


def default_config_text() -> str:
    """The commented example that `lerend-tui config` writes; it holds exactly the defaults."""
    return _DEFAULT_TEXT


_DEFAULT_TEXT = """\
# Instellingen van lerend-tui.
# Een onjuiste waarde wordt gemeld; dan geldt voor die instelling de standaardwaarde.

[timer]
warning_percent = 20        # waarschuwing in de laatste N % van een fase of stap (0 tot en met 100) …
warning_minutes = 2         # … of in de laatste N minuten, wat korter is (0 of meer, een kommagetal mag)
overtime = "optellen"       # na nul: "optellen" (uitloop tellen) of "stoppen" (op nul blijven staan)
bell = true                 # één keer een bel bij nul
warning_signal = false      # een zacht signaal als de waarschuwing begint
auto_advance_steps = false  # bij nul vanzelf naar de volgende stap

[round]
seconds_per_person = 90     # spreektijd per persoon in een rondje, hoogstens; minder als de minuten van de
                            # fase niet meer geven (in seconden, minstens 10)
order = "willekeurig"       # "willekeurig" of "op volgorde" (zoals de deelnemers op de lijst staan)

[display]
theme = "textual-dark"      # het kleurthema (de naam van een Textual-thema)
reduced_motion = false      # geen animaties

[keymap]
# Andere toetsen voor een actie, met de naam van de actie (de README noemt ze alle), bijvoorbeeld:
# "meeting.next" = "j,pagedown"   # volgende: j of PageDown (meer toetsen met een komma ertussen)
# "meeting.to_beamer" = "f6"
"""

__all__ = ["FILE_NAME", "Settings", "config_path", "default_config_text", "load_settings"]
