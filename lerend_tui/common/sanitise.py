"""Text from a file is data, never terminal input: the one place that strips what a terminal would obey.

A title such as ``"T \\x1b]0;pwned\\x07"`` would set the terminal's title, ``\\x1b[2J`` would blank the
screen and an OSC 52 sequence would write the clipboard. `clean` removes every control character (C0,
DEL and C1, ESC above all) except newline and tab, which text may hold. Everything read from a file goes
through it (the loader cleans every string and key it parses), and so does anything else that reaches a
terminal or an export from outside the program: file names, error messages.

`escape_markdown` is for the names and titles an exported report or agenda puts into Markdown: there a
title such as ``# Intro`` or ``[klik](https://…)`` must stay the text it is, not become a heading or a link.
"""

from __future__ import annotations

import re
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """`text` without control characters (newline and tab stay)."""
    return _CONTROL.sub("", text)


_MARKDOWN_CHARACTERS = re.compile(r"([\\`*_\[\]#<>|~])")
_LIST_START = re.compile(r"^(\d+(?=[.)])|(?=[-+]))")
"""Where a backslash keeps the start of a line from starting a list: before `-` or `+`, or after the digits
of `1.` or `1)` (`#` and `>` are escaped wherever they are)."""


def escape_markdown(text: str) -> str:
    """A name or title as literal inline Markdown: cleaned, on one line (so it cannot end a heading or a
    table row), and with every character Markdown would act on escaped by a backslash."""
    line = _MARKDOWN_CHARACTERS.sub(r"\\\1", " ".join(clean(text).split()))
    return _LIST_START.sub(r"\1\\", line, count=1)


def clean_table(value: Any) -> Any:
    """A parsed TOML value with every string in it, keys included, cleaned (see `clean`)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(key): clean_table(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_table(item) for item in value]
    return value
