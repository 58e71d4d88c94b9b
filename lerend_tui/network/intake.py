"""The intake (Stap 1, behoefteonderzoek): does a learning network fit this participant's question?

The checklist is the seed's "Wanneer wel?" and "Wanneer niet?" lists, word for word: the intake screen
shows them as items to tick. `advise` turns the ticks into an advice ("past", "twijfel" or "past niet")
with Dutch reasons. The result (`Intake`) is stored with the participant in the network file (see
`network`), as the table `[participants.intake]`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from datetime import datetime
from typing import Any

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.validation import Fields, hand_added, with_hand_added


@datatype
class IntakeItem:
    key: str
    """Stable id in the network file, e.g. `praktische-kennis`."""
    side: str
    """"wel" (speaks for a learning network) or "niet" (speaks against it)."""
    text: str
    """The seed's wording, shown as the checklist item."""
    topic: str
    """What this item and its opposite on the other list are about (the lists come in pairs)."""


WHEN_YES: tuple[IntakeItem, ...] = (
    IntakeItem("praktische-kennis", "wel",
               "Als vooral praktische kennis helpend is voor het oplossen van een vraagstuk", "kennis"),
    IntakeItem("complex-vraagstuk", "wel",
               "Als een vraagstuk complex is en meerdere perspectieven uit de praktijk nodig heeft om tot "
               "verbetering te komen", "vraagstuk"),
    IntakeItem("bereid-te-delen", "wel",
               "Als er bereidheid en vrijheid is om met anderen in de groep de vraagstukken te kunnen delen",
               "openheid"),
    IntakeItem("voldoende-tijd", "wel",
               "Als er voldoende tijd beschikbaar is om deel te nemen aan de activiteiten van het netwerk", "tijd"),
    IntakeItem("doelen-sluiten-aan", "wel",
               "Als het thema of de doelen van het lerend netwerk aansluiten bij jouw persoonlijke doelen", "doelen"),
)
"""The seed's "Wanneer wel?" list."""

WHEN_NOT: tuple[IntakeItem, ...] = (
    IntakeItem("theoretische-kennis", "niet",
               "Als vooral theoretische kennis helpend is voor het oplossen van een vraagstuk", "kennis"),
    IntakeItem("ingewikkeld-vraagstuk", "niet",
               "Als een vraagstuk ingewikkeld is en met een goede analyse door een expert opgelost kan worden",
               "vraagstuk"),
    IntakeItem("niet-bereid-te-delen", "niet",
               "Als er onvoldoende bereidheid en vrijheid is om vraagstukken openlijk te bespreken (door "
               "bijvoorbeeld gevoelige informatie of concurrentie)", "openheid"),
    IntakeItem("onvoldoende-tijd", "niet",
               "Als er niet voldoende tijd is. Je belast jezelf meer en levert minder waarde aan de groep", "tijd"),
    IntakeItem("doelen-sluiten-niet-aan", "niet",
               "Als het thema of doelen niet aansluiten bij jouw interesses of doelen", "doelen"),
)
"""The seed's "Wanneer niet?" list."""

CHECKLIST: tuple[IntakeItem, ...] = WHEN_YES + WHEN_NOT
ITEMS: dict[str, IntakeItem] = {item.key: item for item in CHECKLIST}
HEADINGS = {"wel": "Wanneer wel?", "niet": "Wanneer niet?"}

VERDICTS = ("past", "twijfel", "past niet")
"""An advice's verdict: a learning network fits, it is doubtful, or it does not fit."""

FITS_FROM = 3
"""How many "wel" items must apply (with no "niet" item) for the verdict "past"."""


@datatype
class Advice:
    verdict: str
    """One of `VERDICTS`."""
    reasons: tuple[str, ...]
    """Dutch sentences explaining the verdict, the most important first."""
    yes: int
    """How many "Wanneer wel?" items apply."""
    no: int
    """How many "Wanneer niet?" items apply."""

    @property
    def sentence(self) -> str:
        """The verdict as one Dutch sentence, e.g. for a notification."""
        return {
            "past": "Een lerend netwerk past bij deze vraag.",
            "twijfel": "Twijfel: bespreek of een lerend netwerk bij deze vraag past.",
            "past niet": "Een lerend netwerk past waarschijnlijk niet bij deze vraag.",
        }[self.verdict]


def advise(answers: Mapping[str, bool]) -> Advice:
    """The advice for ticked checklist items: `answers` maps an item key (see `ITEMS`) to whether it applies.

    Unknown keys and items not answered count as not applying. The verdict:
    - "past niet" when more "niet" items apply than "wel" items;
    - "past" when at least `FITS_FROM` "wel" items apply and no "niet" item does;
    - "twijfel" otherwise (also when nothing is ticked yet).
    """
    yes = [item for item in WHEN_YES if answers.get(item.key)]
    no = [item for item in WHEN_NOT if answers.get(item.key)]
    reasons: list[str] = []
    if not yes and not no:
        return Advice("twijfel", ("Er is nog niets aangevinkt: loop de lijsten 'Wanneer wel?' en "
                                  "'Wanneer niet?' samen door.",), 0, 0)
    if len(no) > len(yes):
        verdict = "past niet"
    elif not no and len(yes) >= FITS_FROM:
        verdict = "past"
    else:
        verdict = "twijfel"
    reasons.append(f"{_count(len(yes), len(WHEN_YES))} punten van 'Wanneer wel?' gelden, "
                   f"{_count(len(no), len(WHEN_NOT))} van 'Wanneer niet?'.")
    both = sorted({item.topic for item in yes} & {item.topic for item in no}, key=_topic_order)
    if both:
        reasons.append("Tegenstrijdig aangevinkt over " + _join(both) + ": vraag hier nog eens naar.")
    reasons += [f"Spreekt tegen: '{item.text}'." for item in no]
    if verdict == "twijfel" and not no:
        missing = [item.topic for item in WHEN_YES if not answers.get(item.key)]
        reasons.append("Nog niet aangevinkt bij 'Wanneer wel?': " + _join(missing) + ".")
    return Advice(verdict, tuple(reasons), len(yes), len(no))


def _count(count: int, total: int) -> str:
    return f"{count} van de {total}"


def _topic_order(topic: str) -> int:
    return next(index for index, item in enumerate(WHEN_YES) if item.topic == topic)


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


@datatype
class Intake:
    """The result of one participant's intake conversation."""

    answers: dict[str, bool] = field(default_factory=dict)
    """Item key → whether it applies; an item left out was not answered."""
    date: datetime | None = None
    """When the intake was held (a datetime with its offset, like every moment in the files)."""
    note: str = ""
    advice: str = ""
    """The verdict the facilitator settled on: one of `VERDICTS` (normally `advise(answers).verdict`), or ""."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys a person added by hand to the `[participants.intake]` table: written back as they were."""

    @classmethod
    def held(cls, answers: Mapping[str, bool], date: datetime | None = None, note: str = "") -> Intake:
        """An intake whose advice is the one `advise` gives for these answers."""
        answers = {key: bool(value) for key, value in answers.items() if key in ITEMS}
        return cls(answers, date, note, advise(answers).verdict)

    @property
    def advised(self) -> Advice:
        """The advice computed from the answers (with its reasons)."""
        return advise(self.answers)


def intake_table(intake: Intake) -> dict[str, Any]:
    """The `[participants.intake]` table (None values are dropped by the writer)."""
    return with_hand_added({
        "date": intake.date,
        "advice": intake.advice or None,
        "note": intake.note or None,
        "answers": {item.key: intake.answers[item.key] for item in CHECKLIST if item.key in intake.answers},
    }, intake.extra)


_INTAKE_KEYS = frozenset({"date", "advice", "note", "answers"})


def parse_intake(fields: Fields) -> Intake:
    """Read an intake table; unknown checklist keys and non-boolean answers are named as errors."""
    raw = fields.table.get("answers", {})
    answers_field = Fields(raw, fields.path, fields.name("answers"))
    answers: dict[str, bool] = {}
    for key in answers_field.table:
        if key not in ITEMS:
            raise answers_field.error(key, f"onbekend punt; bekend zijn: {', '.join(ITEMS)}")
        answers[key] = answers_field.flag(key)
    advice = fields.text("advice", "")
    if advice and advice not in VERDICTS:
        raise fields.error("advice", f"verwacht een van {', '.join(VERDICTS)}, maar vond '{advice}'")
    return Intake(answers=answers, date=fields.moment("date", None), note=fields.text("note", ""), advice=advice,
                  extra=hand_added(fields, _INTAKE_KEYS))


__all__ = ["CHECKLIST", "FITS_FROM", "HEADINGS", "ITEMS", "VERDICTS", "WHEN_NOT", "WHEN_YES", "Advice", "Intake",
           "IntakeItem", "advise", "intake_table", "parse_intake"]
