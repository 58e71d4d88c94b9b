"""Dutch words the program writes in more than one place: dates without the machine's locale, counts with
the word that fits them, and numbers with a decimal comma."""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def dutch_date(moment: date) -> str:
    """"dinsdag 20 oktober 2026", without depending on the machine's locale."""
    return f"{WEEKDAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def count_text(count: int, one: str, many: str) -> str:
    """"1 deelnemer", "3 deelnemers": the count with the word that fits it."""
    return f"{count} {one if count == 1 else many}"


def decimal(value: float) -> str:
    """One decimal, with a comma, as a ROTI average reads: 4,5."""
    return f"{value:.1f}".replace(".", ",")
