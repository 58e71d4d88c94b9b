"""Dutch words the program writes in more than one place: dates without the machine's locale."""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def dutch_date(moment: date) -> str:
    """"dinsdag 20 oktober 2026", without depending on the machine's locale."""
    return f"{WEEKDAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}"
