"""Every directory the program uses, in one place.

The data dir is, in order of precedence: `--data-dir`, the environment variable `LEREND_TUI_HOME`,
platformdirs' `user_data_dir("lerend-tui")`. Sub-directories are created on first use. What can be made anew
from the data dir (the meeting index) lives in platformdirs' `user_cache_dir("lerend-tui")`.
"""

from __future__ import annotations

import os
from dataclasses import field
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir, user_documents_dir, user_log_dir

from lerend_tui.common.datatypes import datatype

APP_NAME = "lerend-tui"
HOME_ENV = "LEREND_TUI_HOME"


def documents_folder() -> Path:
    """Where an exported report goes unless the facilitator names another place: their documents
    folder if they have one, else their home folder."""
    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.home()


class DataDirError(Exception):
    """The data dir cannot be used; the message is Dutch and names the path."""


@datatype
class Paths:
    data: Path
    config: Path
    logs: Path = field(default_factory=lambda: Path(user_log_dir(APP_NAME)))
    """Where a crash log goes (see `crash`): the platform's log dir, created only when there is a crash."""
    cache: Path = field(default_factory=lambda: Path(user_cache_dir(APP_NAME)))
    """The platform's cache dir: the meeting index (see `storage.index`), never in the data dir, which a sync
    tool may carry to another laptop. Made when first written; the program works without it."""

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        chosen = data_dir or os.environ.get(HOME_ENV) or user_data_dir(APP_NAME)
        return cls(data=Path(chosen).expanduser(), config=Path(user_config_dir(APP_NAME)))

    def _sub(self, name: str) -> Path:
        folder = self.data / name
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    # The same folders without creating them, for commands that only read (also in a read-only data dir).

    @property
    def meetings_folder(self) -> Path:
        return self.data / "meetings"

    @property
    def workforms_folder(self) -> Path:
        return self.data / "workforms"

    @property
    def networks_folder(self) -> Path:
        return self.data / "networks"

    @property
    def plans_folder(self) -> Path:
        return self.data / "plans"

    @property
    def meetings(self) -> Path:
        return self._sub("meetings")

    @property
    def networks(self) -> Path:
        """One TOML file per learning network (see `network`)."""
        return self._sub("networks")

    @property
    def plans(self) -> Path:
        """One TOML file per meeting plan (see `plans.plan`)."""
        return self._sub("plans")

    @property
    def live(self) -> Path:
        """The live state of the meeting in progress, for `lerend-tui beamer` (see `live`)."""
        return self.data / "live.toml"

    @property
    def templates(self) -> Path:
        return self._sub("templates")

    @property
    def workforms(self) -> Path:
        return self._sub("workforms")

    def check_usable(self) -> None:
        """Make sure the data dir exists and can be written, or say in Dutch why not."""
        try:
            self.data.mkdir(parents=True, exist_ok=True)
            self.meetings  # noqa: B018 (the property makes the folder)
        except OSError as error:
            raise DataDirError(
                f"De datamap {self.data} kan niet worden aangemaakt: {error.strerror or error}."
            ) from error
        if not os.access(self.data, os.R_OK | os.X_OK):
            raise DataDirError(f"De datamap {self.data} is niet leesbaar.")
        if not os.access(self.meetings, os.W_OK):
            raise DataDirError(
                f"In de datamap {self.meetings} kan niet worden geschreven: notities zouden verloren gaan."
            )
