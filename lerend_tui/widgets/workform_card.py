"""A work format (werkvorm) on a card: what it is for, who and what it needs, and its steps.

All text from the catalogue files goes in as plain `Content` (never parsed as markup), so a `[` in a
summary shows as typed. The card has no DEFAULT_CSS: a screen that shows it styles it in its own
`.tcss` (see the `WorkformCard` block in `screens/catalogue.tcss` for the rules it needs: the facts
and step rows are two-column layouts).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from lerend_tui.common.text import count_text
from lerend_tui.templates import PHASE_LABELS

if TYPE_CHECKING:  # the meeting screen imports this module before a work format is ever shown (`start`)
    from lerend_tui.catalogue.workforms import Step, Workform


def group_size(workform: Workform) -> str:
    """'3–30 personen, in groepjes van 3'."""
    low, high = workform.group_min, workform.group_max
    if low == high:
        size = count_text(low, "persoon", "personen")
    else:
        size = f"{low}–{high} personen"
    return f"{size}, in groepjes van {workform.subgroups}" if workform.subgroups else size


def role_text(role: str, roles: Mapping[str, str] | None) -> str:
    """'inbrenger: Anouk' when a person is proposed for the role, else just 'inbrenger'."""
    person = (roles or {}).get(role)
    return f"{role}: {person}" if person else role


CARD_CSS = Path(__file__).with_suffix(".tcss")
"""The card's styles: a screen that shows a card lists this in its CSS_PATH."""


class WorkformCard(VerticalScroll):
    """Shows one work format, or a placeholder line when there is none.

    `show()` may be called before the card is mounted; it is drawn once it is.
    """

    def __init__(self, placeholder: str = "Geen werkvorm gekozen.", **kwargs) -> None:
        super().__init__(**kwargs)
        self.placeholder = placeholder
        self.workform: Workform | None = None
        self.roles: dict[str, str] = {}
        self._drawn: tuple[Workform | None, dict[str, str]] | None = None

    def show(self, workform: Workform | None, roles: Mapping[str, str] | None = None) -> None:
        """Show `workform` (None: the placeholder), with the person proposed for each role in `roles`."""
        self.workform, self.roles = workform, dict(roles or {})
        if self.is_mounted:
            self._draw()

    def on_mount(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self._drawn == (self.workform, self.roles):
            return
        self._drawn = (self.workform, dict(self.roles))
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(self._parts(self.workform))
        self.scroll_home(animate=False)

    def _parts(self, workform: Workform | None) -> Iterator[Widget]:
        if workform is None:
            yield Static(Content(self.placeholder), classes="card-placeholder")
            return
        title = Content.assemble((workform.name, "bold"))
        if workform.name_en:
            title += Content.assemble("  ", (workform.name_en, "italic dim"))
        yield Static(title, classes="card-title")
        yield Static(Content(workform.summary), classes="card-summary")
        with_label = [
            ("Fase" if len(workform.phases) == 1 else "Fasen",
             ", ".join(PHASE_LABELS.get(kind, kind) for kind in workform.phases)),
            ("Groep", group_size(workform)),
            ("Duur", f"{workform.minutes} minuten"),
            ("Materiaal", ", ".join(workform.materials)),
            ("Rollen", ", ".join(role_text(role, self.roles) for role in workform.roles)),
        ]
        yield Grid(
            *(widget for label, value in with_label if value for widget in (
                Static(Content(label), classes="card-label"), Static(Content(value), classes="card-value"))),
            classes="card-facts",
        )
        yield Static(Content.styled(f"Stappen ({len(workform.steps)})", "bold"), classes="card-heading")
        for number, step in enumerate(workform.steps, 1):
            yield Horizontal(
                Static(Content(f"{number}."), classes="card-step-number"),
                Static(self._step(step), classes="card-step-body"),
                classes="card-step",
            )
        if workform.source:
            yield Static(Content.styled(f"Bron: {workform.source}", "dim"), classes="card-source")

    def _step(self, step: Step) -> Content:
        """Title, minutes, (rondje), the roles that act, and the instruction below."""
        parts: list[str | tuple[str, str]] = [(step.title, "bold"), f"  {step.minutes} min"]
        if step.round:
            parts.append(("  (rondje)", "italic"))
        if step.roles:
            parts.append((f"  · {', '.join(role_text(role, self.roles) for role in step.roles)}", "dim"))
        return Content.assemble(*parts, "\n", step.instruction)
