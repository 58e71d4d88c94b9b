"""The agenda: every phase with its clock time and minutes, the current one marked, finished ones with the
minutes they actually took. The clock times are the ones that follow from what happened (`Meeting.schedule`):
a late start, a phase that ran over and a re-budget move them; the plan's own times stay in the record."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from lerend_tui.common.clock import Clock
from lerend_tui.meeting.running import Schedule

# marker, space, HH:MM, space, title, space, minutes (right-aligned in 7, room for 45→40')
FIXED_COLUMNS = 1 + 1 + 5 + 1 + 1 + 7


class Agenda(Widget):
    def __init__(self, clock: Clock, **kwargs) -> None:
        super().__init__(**kwargs)
        self.clock = clock
        self._schedule: Schedule | None = None
        self._proposal: list[int] | None = None
        self._shown: tuple | None = None

    def show(self, schedule: Schedule, proposal: list[int] | None = None) -> None:
        """Keep the schedule (and a re-budget of the phases still to come); redraw only when
        something the agenda shows has changed."""
        self._schedule = schedule
        self._proposal = proposal
        key = (tuple(proposal or ()),) + tuple(
            (row.phase.title, row.phase.minutes, row.current, row.phase.finished,
             self.clock.local(row.at).strftime("%H:%M"),
             None if row.actual_minutes is None else int(row.actual_minutes))
            for row in schedule.rows
        ) + (schedule.projected_end.strftime("%H:%M"),)
        if key != self._shown:
            self._shown = key
            self.refresh()

    def render(self) -> Content:
        schedule = self._schedule
        if schedule is None:
            return Content("")
        title_width = max(self.content_region.width - FIXED_COLUMNS, 4)
        lines = []
        current = next(row.index for row in schedule.rows if row.current)
        for row in schedule.rows:
            marker = "▶" if row.current else ("✓" if row.phase.finished else " ")
            minutes = f"{row.phase.minutes}'"
            if row.actual_minutes is not None:
                minutes = f"{int(row.actual_minutes)}/{minutes}"
            elif (self._proposal and row.index > current
                  and self._proposal[row.index - current - 1] != row.phase.minutes):
                minutes = f"{row.phase.minutes}→{self._proposal[row.index - current - 1]}'"
            title = row.phase.title
            if len(title) > title_width:
                title = title[: title_width - 1] + "…"
            text = f"{marker} {self.clock.local(row.at):%H:%M} {title:<{title_width}} {minutes:>7}"
            style = "bold reverse" if row.current else ("dim" if row.phase.finished else "")
            lines.append(Content.styled(text, style) if style else Content(text))
        planned = self.clock.local(schedule.planned_end).strftime("%H:%M")
        expected = self.clock.local(schedule.projected_end).strftime("%H:%M")
        lines += [Content(""), Content.styled(f"Einde gepland  {planned}\nEinde verwacht {expected}", "italic")]
        if self._proposal:
            lines.append(Content.styled("a: herverdeel de rest (→)", "bold"))
        return Content("\n").join(lines)
