"""Saving a file the facilitator edits on a screen (a network, a plan): at once after a key that changes it,
or once typing stops; a failure is said in Dutch in the top bar (`#save-status`) and the edits stay."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from lerend_tui.common.autosave import SaveDeadline
from lerend_tui.common.validation import DataError


@dataclass(frozen=True)
class UnsavedCopy:
    """What a screen could not save, ready to be written elsewhere: a file name and the file's text."""

    name: str
    text: str


class HoldsEdits:
    """A screen holding what the facilitator typed or changed: the app saves it before it leaves in any
    way (Ctrl+Q, a closed terminal, a signal, a crash) and, when that fails, offers to write it elsewhere."""

    def save_for_leaving(self) -> bool:
        """Write everything now, in this thread; True when it is on disk."""
        raise NotImplementedError

    def unsaved_copy(self) -> UnsavedCopy | None:
        """What is not on disk, as the file it should have been; None when everything is."""
        raise NotImplementedError


class SavesWhileEditing(HoldsEdits):
    """Mixed into a Screen whose `store` has `save(thing)` and `path(thing)`, and which sets `edited` (what
    is saved), `file_kind` (the Dutch word for its file) and `user_error` (the store's Dutch error)."""

    store: Any
    edited: Any
    file_kind: str
    user_error: type[Exception]
    _dirty = False
    _save_timer: Timer | None = None
    _deadline: SaveDeadline | None = None
    _last_problem = ""

    def changed(self, *, now: bool = False) -> None:
        """What the screen edits changed in memory: write it at once, or once typing pauses (and within a
        second while it goes on, see `autosave`)."""
        self._dirty = True
        self._stop_save_timer()
        if self._deadline is None or not self._deadline.pending:  # a new run of edits, on the app's rule
            self._deadline = self.app.save_deadline()  # type: ignore[attr-defined]
        if now:
            self.save_now()
        else:
            self._save_timer = self.set_timer(self._deadline.changed(time.monotonic()),  # type: ignore[attr-defined]
                                              self.save_now)

    def save_now(self) -> bool:
        """Write it if it changed; on failure say why and keep everything on screen. True when what the
        screen shows is on disk."""
        self._stop_save_timer()
        if self._deadline is not None:
            self._deadline.taken()
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

    def save_for_leaving(self) -> bool:
        return self.save_now()

    def unsaved_copy(self) -> UnsavedCopy | None:
        if not self._dirty:
            return None
        return UnsavedCopy(self.store.path(self.edited).name, self.edited.to_toml())

    def _stop_save_timer(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

    def on_unmount(self) -> None:
        """The program is closing (Ctrl+Q) or the screen left: write what was typed in the last second."""
        self._stop_save_timer()
        if self._dirty:
            self._write()
