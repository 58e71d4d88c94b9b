"""Saving a file the facilitator edits on a screen (a network, a plan): at once after a key that changes it,
or once typing stops; a failure is said in Dutch in the top bar (`#save-status`) and the edits stay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from ..validation import DataError


class SavesWhileEditing:
    """Mixed into a Screen whose `store` has `save(thing)` and `path(thing)`, and which sets `edited` (what
    is saved), `file_kind` (the Dutch word for its file) and `user_error` (the store's Dutch error)."""

    store: Any
    edited: Any
    file_kind: str
    user_error: type[Exception]
    _dirty = False
    _save_timer: Timer | None = None
    _last_problem = ""

    def changed(self, *, now: bool = False) -> None:
        """What the screen edits changed in memory: write it at once, or once typing stops."""
        self._dirty = True
        self._stop_save_timer()
        if now:
            self.save_now()
        else:
            self._save_timer = self.set_timer(self.app.save_delay, self.save_now)  # type: ignore[attr-defined]

    def save_now(self) -> bool:
        """Write it if it changed; on failure say why and keep everything on screen. True when what the
        screen shows is on disk."""
        self._stop_save_timer()
        if not self._dirty:
            return True
        problem = self._write()
        status = self.query_one("#save-status", Static)  # type: ignore[attr-defined]
        status.set_class(problem is not None, "-problem")
        status.update(Content("⚠ niet opgeslagen" if problem else "opgeslagen"))
        if problem is not None and problem != self._last_problem:
            self.notify(problem, title="Niet opgeslagen", severity="error", timeout=15,  # type: ignore[attr-defined]
                        markup=False)
        self._last_problem = problem or ""
        return problem is None

    def _write(self) -> str | None:
        """Write the file; None when it worked, else why not (in Dutch)."""
        try:
            self.store.save(self.edited)
        except DataError as error:
            return (f"Het {self.file_kind} op schijf is onleesbaar en wordt niet overschreven: {error}. "
                    "Herstel het bestand; je wijzigingen blijven op het scherm staan.")
        except OSError as error:
            where: Path | str = error.filename or self.store.path(self.edited)
            return (f"Opslaan in {where} lukt niet ({error.strerror or error}). Je wijzigingen blijven op het "
                    "scherm staan; bij de volgende wijziging probeer ik het opnieuw.")
        except self.user_error as error:
            return str(error)
        self._dirty = False
        return None

    def _stop_save_timer(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

    def on_unmount(self) -> None:
        """The program is closing (Ctrl+Q) or the screen left: write what was typed in the last second."""
        self._stop_save_timer()
        if self._dirty:
            self._write()
