"""What the facilitator's program works with, in one typed object: the data dir's stores, the templates, the
work formats and the talk's pages, the settings, the clock and the random source. The app is built with it,
and its screens reach the core only through it (`LerendScreen.services`); a test builds it with a fake clock,
a seeded random source or stores of its own.

Plain Python, like the rest of the core: it imports no Textual, so it sits above the stores and below the UI.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import field
from functools import cached_property
from typing import TYPE_CHECKING, Self

from lerend_tui.common.clock import Clock, SystemClock
from lerend_tui.common.datatypes import datatype
from lerend_tui.common.paths import Paths
from lerend_tui.common.settings import Settings
from lerend_tui.common.validation import DataError
from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.meeting.running import Meeting
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.templates import TemplateCatalogue, load_templates

if TYPE_CHECKING:  # loaded when first used: `start` opens its meeting without them (benchmarks/launch.py)
    from lerend_tui.catalogue.workforms import Catalogue
    from lerend_tui.network.store import NetworkStore
    from lerend_tui.plans.plan import PlanStore
    from lerend_tui.talk import Talk


@datatype(frozen=False)
class Services:
    paths: Paths
    clock: Clock
    rng: random.Random
    settings: Settings
    templates: TemplateCatalogue
    meetings: MeetingStore
    skipped_workform: Callable[[DataError], object] = field(default=lambda problem: None, repr=False)
    """Told of every work-format file a read of the catalogue skips (the app shows it)."""
    _catalogue: Catalogue | None = field(default=None, init=False, repr=False)

    @classmethod
    def for_paths(cls, paths: Paths, *, clock: Clock | None = None, rng: random.Random | None = None,
                  settings: Settings | None = None, templates: TemplateCatalogue | None = None) -> Self:
        """The services of a data dir, with the system clock and a fresh random source unless given.

        The plans and networks folders are made by their stores when they write the first file, so a data dir
        that has none yet stays as it is (and a read-only one can be looked through)."""
        return cls(
            paths=paths,
            clock=clock or SystemClock(),
            rng=rng or random.Random(),
            settings=settings or Settings(),
            templates=templates or load_templates(paths.templates),
            meetings=MeetingStore.of(paths, make=True),
        )

    @cached_property
    def plans(self) -> PlanStore:
        from lerend_tui.plans.plan import PlanStore

        return PlanStore.of(self.paths)

    @cached_property
    def networks(self) -> NetworkStore:
        from lerend_tui.network.store import NetworkStore

        return NetworkStore.of(self.paths)

    @property
    def talk(self) -> Talk:
        """The talk's pages for the room (built in, read once)."""
        from lerend_tui.talk import builtin_talk

        return builtin_talk()

    @property
    def catalogue(self) -> Catalogue:
        """The work formats: built in, plus the facilitator's own (read when first needed)."""
        return self._catalogue if self._catalogue is not None else self.reload_catalogue()

    def reload_catalogue(self) -> Catalogue:
        """Read the work formats anew, telling `skipped_workform` of every file that had to be skipped."""
        from lerend_tui.catalogue.workforms import load_catalogue

        self._catalogue = load_catalogue(self.paths.workforms)
        for problem in self._catalogue.problems:
            self.skipped_workform(problem)
        return self._catalogue

    def reload_templates(self) -> TemplateCatalogue:
        """Read the templates anew (one was just saved)."""
        self.templates = load_templates(self.paths.templates)
        return self.templates

    def make_meeting(self, record: MeetingRecord) -> Meeting:
        """A meeting in progress, with this clock, random source, settings and its template (with its plan's
        guidance when it was run from one)."""
        template = self.templates.templates.get(record.template)
        if record.plan is not None and record.plan.id:
            from lerend_tui.plans.plan import with_plan_guidance

            template = with_plan_guidance(template, self.plans, record.plan.id)
        return Meeting(record, self.clock, template, settings=self.settings, rng=self.rng)
