"""The garbage collector rests while the program starts.

Starting makes tens of thousands of objects that live as long as the program (Python's and Textual's modules,
ours, the templates, the app) and hardly any garbage, yet the collector would walk them over and over while
they are made: some 10 ms before the first screen, in about fifty passes. So it rests from the first import
(`lerend_tui.__main__`) until the first screen is drawn, or until a command that opens no screen begins; what
exists then is frozen, left out of every later pass while the facilitator types.
"""

from __future__ import annotations

import gc

_resting: list[bool] = []
"""Holds one True while the collector rests because `rest` stopped it (and not someone else)."""


def rest() -> None:
    """Stop the collector, if it runs."""
    if gc.isenabled():
        gc.disable()
        _resting.append(True)


def wake() -> None:
    """Freeze what exists and start the collector again, if `rest` stopped it; otherwise nothing."""
    if _resting:
        _resting.clear()
        gc.freeze()
        gc.enable()
