"""A screen's keys, written once: its `BINDINGS` make its footer, its help (`?`, F1) and its entries in the
command palette (Ctrl+P), and a keymap that changes a key by its binding's id (the facilitator's `[keymap]` in
the config file, through Textual's `App.set_keymap`, as Posting does) changes all three at once.

A binding gives its id, its key, a short Dutch `description` (the footer) and a `tooltip` that explains it,
written "Name: what it does" or just "Name". The name titles its palette entry, the whole tooltip is its line
in the help. Bindings with the same tooltip are one entry and one line (`n` and a clicker's PageDown); a
`Binding.Group` puts bindings with tooltips of their own on one help line (`+` and `-`, one minute more or
less); Textual's footer groups only keys it shows side by side, and shows one key of each such pair.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.actions import parse
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.keys import REPLACED_KEYS, Keys, format_key, key_to_character
from textual.screen import Screen

from lerend_tui.common.validation import DataError

_NAMES = {
    "space": "spatie", "enter": "Enter", "escape": "Esc", "tab": "Tab", "delete": "Del", "backspace": "Backspace",
    "insert": "Ins", "home": "Home", "end": "End", "pageup": "PageUp", "pagedown": "PageDown",
    "up": "↑", "down": "↓", "left": "←", "right": "→",
}
_MODIFIERS = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "meta": "Meta", "super": "Super", "hyper": "Hyper"}
_NAMED_KEYS = {key.value for key in Keys if "+" not in key.value and not key.value.startswith("<")}
SEPARATOR = "  ·  "  # between the keys of one help line


if TYPE_CHECKING:
    _Mixin = Screen[Any]
else:
    _Mixin = object


class KeyedScreen(_Mixin):
    """A screen the facilitator works in (not a dialog): the help and the palette show its keys, also while a
    dialog is open above it. Mixed in before the screen's class: `class HomeScreen(KeyedScreen, Screen[None])`."""

    OTHER_KEYS: ClassVar[list[tuple[str, str]]] = []
    """Help lines for keys the screen's widgets handle themselves (a list's ↑ ↓, Tab to the next field), which
    are no bindings of the screen, and for what the facilitator should know besides."""

    def offers(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether the palette offers this action now: as `check_action`, unless that holds a key back for a
        reason that is not about the action (the meeting's single keys while the notes are typed in)."""
        return self.check_action(action, parameters)

    def palette_extras(self) -> Iterable[SystemCommand]:
        """Palette entries that have no key (go to a phase, filter on a phase)."""
        return ()


def typed_character(key: str) -> str | None:
    """The character a key types in a text field (`n`, `space`, `plus`), or None (Ctrl+B, Enter, F5, ↑)."""
    character = key_to_character(REPLACED_KEYS.get(key, key))  # Textual's misses "plus", "minus" and "slash"
    return character if character is not None and character.isprintable() else None


def key_name(key: str) -> str:
    """A key as the help and the palette write it: "spatie", "Ctrl+B", "PageDown", "Esc", "?", "F1"."""
    *modifiers, name = key.split("+")
    if name in _NAMES:
        shown = _NAMES[name]
    elif re.fullmatch(r"f\d+", name):
        shown = name.upper()
    else:
        shown = typed_character(name) or format_key(name)
    if modifiers and len(shown) == 1:
        shown = shown.upper()
    return "+".join([*(_MODIFIERS.get(modifier, modifier) for modifier in modifiers), shown])


def current_bindings(declared: Iterable[BindingType], keymap: Mapping[str, str]) -> list[Binding]:
    """Bindings as written (one per key, in their order), each with the keys the keymap gives its id."""
    bindings: list[Binding] = []
    replaced: set[str] = set()
    for binding in Binding.make_bindings(declared):
        keys = keymap.get(binding.id) if binding.id else None
        if not keys:
            bindings.append(binding)
        elif binding.id not in replaced:  # a binding written for several keys: the keymap's keys once
            replaced.add(binding.id)  # type: ignore[arg-type]
            bindings += [binding.with_key(key) for key in keys.split(",")]
    return bindings


def _bindings_of(node: DOMNode) -> list[Binding]:
    # Textual keeps what `set_keymap` was given, normalised ("question_mark" for "?"), without a public getter.
    return current_bindings(node.BINDINGS, node.app._keymap)


def single_key_actions(node: DOMNode) -> set[str]:
    """The actions of the node's keys that type a character (`n`, space, `+`): in a text field those keys are
    that character, so such an action waits until the field is left."""
    return {parse(binding.action)[1] for binding in _bindings_of(node) if typed_character(binding.key)}


def _grouped(bindings: Iterable[Binding], line: Callable[[Binding], object]) -> dict[object, list[Binding]]:
    groups: dict[object, list[Binding]] = {}
    for binding in bindings:
        groups.setdefault(line(binding), []).append(binding)
    return groups


def _explanation(binding: Binding) -> str:
    return binding.tooltip or binding.description


def binding_rows(bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """Help lines for bindings: their keys and what they do, one line per group or tooltip."""
    lines = _grouped(bindings, lambda binding: binding.group or _explanation(binding))
    return [(SEPARATOR.join(dict.fromkeys(key_name(binding.key) for binding in group)),
             line.description if isinstance(line, Binding.Group) else str(line)) for line, group in lines.items()]


def help_rows(screen: Screen) -> list[tuple[str, str]]:
    """The help of a screen the facilitator works in: its widgets' keys, its own and the program's."""
    others = screen.OTHER_KEYS if isinstance(screen, KeyedScreen) else []
    return [*others, *binding_rows(_bindings_of(screen)), *binding_rows(_bindings_of(screen.app))]


def _commands(node: DOMNode, bindings: Iterable[Binding],
              offers: Callable[[str, tuple[object, ...]], bool | None]) -> Iterator[SystemCommand]:
    for tooltip, group in _grouped(bindings, _explanation).items():
        actions = [parse(binding.action)[1:] for binding in group]
        available = [(name, parameters) for name, parameters in actions if offers(name, parameters)]
        if not available:
            continue
        title, _, explanation = str(tooltip).partition(": ")
        keys = " of ".join(dict.fromkeys(key_name(binding.key) for binding in group))
        name, parameters = available[0]
        # Called directly: a key's own check (a single key waits while typing) is not the palette's.
        yield SystemCommand(title, f"{keys}: {explanation}" if explanation else keys,
                            partial(getattr(node, f"action_{name}"), *parameters))


def palette_commands(screen: Screen) -> Iterator[SystemCommand]:
    """The palette of a screen the facilitator works in: its keys that can act now, its entries without a key,
    then the program's keys (but the palette's own)."""
    offers = screen.offers if isinstance(screen, KeyedScreen) else screen.check_action
    yield from _commands(screen, _bindings_of(screen), offers)
    if isinstance(screen, KeyedScreen):
        yield from screen.palette_extras()
    app = screen.app
    yield from _commands(app, _bindings_of(app),
                         lambda name, parameters: name != "command_palette" and app.check_action(name, parameters))


# -- the facilitator's keymap ------------------------------------------------------------------

def screen_classes() -> list[type[Screen]]:
    """Every screen and dialog of the program (this imports all of `lerend_tui.screens`)."""
    import pkgutil
    package = importlib.import_module(__package__ or "lerend_tui.screens")
    classes: list[type[Screen]] = []
    for module_info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        classes += [value for value in vars(module).values()
                    if inspect.isclass(value) and issubclass(value, Screen) and value.__module__ == module.__name__]
    return classes


def binding_ids(declared: Iterable[BindingType]) -> set[str]:
    return {binding.id for binding in Binding.make_bindings(declared) if binding.id}


def is_key(key: str) -> bool:
    """Whether Textual knows the key: modifiers, then a character or a key's name ("ctrl+shift+up", "f6", "?")."""
    if len(key) == 1:  # "+", "?"
        return True
    *modifiers, name = key.split("+")
    return (all(modifier in _MODIFIERS for modifier in modifiers)
            and (len(name) == 1 or name in _NAMED_KEYS or typed_character(name) is not None))


def checked_keymap(keymap: Mapping[str, str], path: Path, known: set[str]) -> tuple[dict[str, str], list[DataError]]:
    """The entries of the facilitator's `[keymap]` that name a binding (one of `known`) and keys Textual
    knows, and a problem for every other entry, which is left out."""
    checked: dict[str, str] = {}
    problems: list[DataError] = []
    for binding_id, keys in keymap.items():
        field = f"keymap.{binding_id}"
        unknown = [key for key in keys.split(",") if not is_key(key)]
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = f"bedoel je '{close[0]}'?" if close else "de namen staan in de README, bij Settings"
            problems.append(DataError(path, f"geen actie met deze naam; {hint}", field=field))
        elif unknown:
            problems.append(DataError(path, f"onbekende toets '{unknown[0]}'; schrijf bijvoorbeeld \"j\", \"ctrl+j\", "
                                            "\"f6\", \"pagedown\" of \"space\"", field=field))
        else:
            checked[binding_id] = keys
    return checked, problems
