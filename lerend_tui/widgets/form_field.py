"""A one-line text field of a form."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class FormField(Input):
    """Compact, and entering it puts the cursor at the end of what is there: Textual's Input selects all of
    it on focus, so the first key typed would replace a name or a title filled in before."""

    def __init__(self, value: str | None = None, **options) -> None:
        super().__init__(value, compact=True, select_on_focus=False, **options)

    def on_focus(self, event: events.Focus) -> None:
        """Back from another window the cursor stays where it was; a text selected on purpose just before
        (a new phase's proposed title, to type over) stays selected."""
        if not event.from_app_focus and self.selection.is_empty:
            self.action_end()
