"""Meeting templates: the phases of a meeting, their kinds, minutes and guidance for the facilitator.

Built-in templates live as TOML files in `lerend_tui/templates/`; a facilitator's own templates in
`<data>/templates/` add to them or replace a built-in one with the same name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from functools import partial
from pathlib import Path

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.validation import DataError, Fields, Problems, ReadWhenAsked, read_folder, read_toml

PHASE_KINDS = ("checkin", "reflectie", "inhoud", "coaching", "afsluiting", "adoptie", "kickoff", "evaluatie")
PHASE_LABELS: dict[str, str] = {
    "checkin": "Check-in",
    "reflectie": "Reflectie",
    "inhoud": "Inhoud",
    "coaching": "Onderlinge coaching",
    "afsluiting": "Afsluiting",
    "adoptie": "Adoptie",
    "kickoff": "Kick-off",
    "evaluatie": "Evaluatie",
}
"""The phase kinds in Dutch, as the facilitator reads them."""
DEFAULT_TEMPLATE = "bijeenkomst"


@datatype
class PhaseStep:
    """A step of a phase before it runs, as a template and a plan hold it (frozen: a plan changes a step by
    replacing it). A work format's `Step` also names its roles; the record's `StepRecord` its time taken."""

    title: str
    minutes: int
    instruction: str = ""
    round: bool = False


@datatype
class TemplatePhase:
    """A phase as a template file describes it, never changed once read. A plan copies it into a
    `plans.plan.PlannedPhase`, which the facilitator edits and which adds the work format and who brings what."""

    kind: str
    title: str
    minutes: int
    guidance: str = ""
    questions: tuple[str, ...] = ()
    steps: tuple[PhaseStep, ...] = ()
    talk: tuple[str, ...] = ()
    """The topics of the talk (`lerend_tui.talk`) the phase shows the room: entering it puts their pages on
    the beamer."""


@datatype
class MeetingTemplate:
    name: str
    title: str
    description: str
    phases: tuple[TemplatePhase, ...]
    source: Path | None = field(default=None, compare=False)

    @property
    def total_minutes(self) -> int:
        return sum(phase.minutes for phase in self.phases)

    def guidance_for(self, kind: str, title: str) -> TemplatePhase | None:
        """The template's phase that a recorded phase came from, if it still exists."""
        return next((p for p in self.phases if p.kind == kind and p.title == title), None)

    def talk_for(self, kind: str, title: str) -> tuple[str, ...]:
        """The talk's topics a recorded phase shows: from the first phase of that kind and title that names
        any (a plan's own phases come first and name none; its template's follow, see `with_plan_guidance`)."""
        return next((p.talk for p in self.phases if p.kind == kind and p.title == title and p.talk), ())


def parse_template(path: Path, *, check_talk: bool = True) -> MeetingTemplate:
    """Read and validate a template file; every problem in it (per field or per phase) in one `DataError`.
    `check_talk`: that the talk's topics a phase names are the talk's. The built-in templates come with the
    talk, and the tests check theirs (`test_talk`), so that starting a meeting does not read the talk."""
    fields = Fields(read_toml(path), path)
    problems = Problems(path)
    read = problems.read
    phase_tables = read(fields.tables, "phases")
    phases = tuple(read(_parse_phase, phase, check_talk) for phase in phase_tables or [])
    if phase_tables == []:
        problems.add(fields.error("phases", "verwacht minstens één fase"))
    name = read(fields.text, "name", path.stem, allow_empty=False)
    title = read(fields.text, "title", path.stem, allow_empty=False)
    description = read(fields.text, "description", "")
    problems.raise_any()
    return MeetingTemplate(name=name, title=title, description=description.strip(), phases=phases, source=path)


def _parse_phase(phase: Fields, check_talk: bool) -> TemplatePhase:
    minutes = phase.minutes("minutes")
    steps = tuple(
        PhaseStep(
            title=step.text("title", allow_empty=False),
            minutes=step.minutes("minutes"),
            instruction=step.text("instruction", "").strip(),
            round=step.flag("round", False),
        )
        for step in phase.tables("steps", [])
    )
    if steps and sum(step.minutes for step in steps) != minutes:
        total = sum(step.minutes for step in steps)
        raise phase.error("steps", f"de stappen duren samen {total} minuten, maar de fase {minutes}")
    return TemplatePhase(
        kind=phase.choice("kind", PHASE_KINDS),
        title=phase.text("title", allow_empty=False),
        minutes=minutes,
        guidance=phase.text("guidance", "").strip(),
        questions=tuple(phase.texts("questions", [])),
        steps=steps,
        talk=_talk_topics(phase, check_talk),
    )


def _talk_topics(phase: Fields, check: bool) -> tuple[str, ...]:
    topics = tuple(phase.texts("talk", []))
    if not (topics and check):
        return topics
    from lerend_tui.talk import builtin_talk

    known = builtin_talk().topic_ids
    unknown = [topic for topic in topics if topic not in known]
    if unknown:
        raise phase.error("talk", f"onbekend onderwerp '{unknown[0]}'; de lezing heeft: {', '.join(known)}")
    return topics


@datatype(frozen=False)
class TemplateCatalogue:
    templates: Mapping[str, MeetingTemplate]
    """By name: the built-in ones, each read when first asked for (starting a meeting reads only its own), and
    the user's, read at once; a user's template with a built-in one's name takes its place. A built-in template's
    name is its file's (`test_templates`)."""
    problems: list[DataError]

    def get(self, name: str) -> MeetingTemplate:
        try:
            return self.templates[name]
        except KeyError:
            known = ", ".join(sorted(self.templates))
            raise KeyError(f"Onbekend sjabloon '{name}'. Beschikbaar: {known}.") from None


BUILTIN_TEMPLATES = Path(__file__).parent


def builtin_template_files() -> list[Path]:
    return sorted(BUILTIN_TEMPLATES.glob("*.toml"))


def load_templates(user_folder: Path | None = None) -> TemplateCatalogue:
    """Built-in templates, then the user's; a broken user file is reported and skipped."""
    own, problems = read_folder(user_folder, parse_template) if user_folder is not None else ([], [])
    return TemplateCatalogue(ReadWhenAsked(builtin_template_files(), partial(parse_template, check_talk=False),
                                           {template.name: template for template in own}), problems)
