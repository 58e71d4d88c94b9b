"""Saving a file the facilitator edits on a screen (a network, a plan): at once after a key that changes it,
or once typing stops (`saving.Autosave`); a failure is said in Dutch in the top bar (`#save-status`) and the
edits stay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.content import Content
from textual.widgets import Static

from lerend_tui.common.validation import DataError
from lerend_tui.screens.saving import Autosave, HoldsEdits, UnsavedCopy


class SavesWhileEditing(HoldsEdits):
    """Mixed into a Screen whose `store` has `save(thing)` and `path(thing)`, and which sets `edited` (what
    is saved), `file_kind` (the Dutch word for its file) and `user_error` (the store's Dutch error)."""

    store: Any
    edited: Any
    file_kind: str
    user_error: type[Exception]
    _dirty = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.saving: Autosave[Any, str] = Autosave(
            self, take=lambda: self.edited if self._dirty else None,  # type: ignore[arg-type]
            write=self._write, show=self._show_saved)

    def changed(self, *, now: bool = False) -> None:
        """What the screen edits changed in memory: write it at once, or once typing pauses (and within a
        second while it goes on, see `autosave`)."""
        self._dirty = True
        if now:
            self.save_now()
        else:
            self.saving.changed()

    def save_now(self) -> bool:
        """Write it if it changed; on failure say why and keep everything on screen. True when what the
        screen shows is on disk."""
        return self.saving.save_now()

    def _show_saved(self, problem: str | None, before: str | None) -> None:
        status = self.query_one("#save-status", Static)  # type: ignore[attr-defined]
        status.set_class(problem is not None, "-problem")
        status.update(Content("⚠ niet opgeslagen" if problem else "opgeslagen"))
        if problem is not None and problem != before:
            self.notify(problem, title="Niet opgeslagen", severity="error", timeout=15,  # type: ignore[attr-defined]
                        markup=False)

    def _write(self, edited: Any) -> str | None:
        """Write the file; None when it worked, else why not (in Dutch)."""
        try:
            self.store.save(edited)
        except DataError as error:
            return (f"Het {self.file_kind} op schijf is onleesbaar en wordt niet overschreven: {error}. "
                    "Herstel het bestand; je wijzigingen blijven op het scherm staan.")
        except OSError as error:
            where: Path | str = error.filename or self.store.path(edited)
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

    def on_unmount(self) -> None:
        """The program is closing (Ctrl+Q) or the screen left: write what was typed in the last second."""
        self.saving.stop()
        if self._dirty:
            self._write(self.edited)
