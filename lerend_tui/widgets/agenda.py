"""The agenda: every phase with its planned clock time and minutes, the current one marked,
finished ones with the minutes they actually took."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ..clock import Clock
from ..meeting import Schedule


class Agenda(Static):
    def __init__(self, clock: Clock, **kwargs) -> None:
        super().__init__(**kwargs)
        self.clock = clock
        self._shown: tuple | None = None

    def show(self, schedule: Schedule) -> None:
        """Render the schedule; skipped when nothing visible has changed."""
        key = tuple(
            (row.phase.title, row.phase.minutes, row.current, row.phase.finished,
             None if row.actual_minutes is None else int(row.actual_minutes))
            for row in schedule.rows
        ) + (schedule.projected_end.strftime("%H:%M"),)
        if key == self._shown:
            return
        self._shown = key
        self.update(self._render_schedule(schedule))

    def _render_schedule(self, schedule: Schedule) -> Group:
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(width=1)
        table.add_column(width=5)
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column(width=6, justify="right")
        for row in schedule.rows:
            marker = "▶" if row.current else ("✓" if row.phase.finished else " ")
            minutes = f"{row.phase.minutes}'"
            if row.actual_minutes is not None:
                minutes = f"{int(row.actual_minutes)}/{minutes}"
            style = "bold reverse" if row.current else ("dim" if row.phase.finished else "")
            table.add_row(
                marker,
                self.clock.local(row.planned_at).strftime("%H:%M"),
                Text(row.phase.title),
                minutes,
                style=style,
            )
        planned = self.clock.local(schedule.planned_end).strftime("%H:%M")
        expected = self.clock.local(schedule.projected_end).strftime("%H:%M")
        return Group(table, Text(f"\nEinde gepland  {planned}\nEinde verwacht {expected}", style="italic"))
