"""When the program fails anyway: a crash log for whoever can mend it, one Dutch line for the facilitator.

The notes are saved before this (see `LerendApp.save_everything`); what is left is to say what happened
without a screenful of traceback, and to leave that traceback where it can be sent along.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from lerend_tui.common.sanitise import clean


def write_crash_log(folder: Path, details: str, now: datetime | None = None) -> Path | None:
    """Write `details` (a traceback) to a new file in `folder`, readable by the user alone; None when even
    that fails (the one line then says so)."""
    moment = now or datetime.now().astimezone()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{moment:%Y%m%d-%H%M%S}-{os.getpid()}.log"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"lerend-tui, {moment.isoformat(timespec='seconds')}\n\n{details}")
    except OSError:
        return None
    return path


def describe(error: BaseException) -> str:
    return "".join(traceback.format_exception(error))


def crash_line(log: Path | None, *, saved: bool) -> str:
    """The one line the facilitator reads after a crash."""
    notes = ("Je notities zijn opgeslagen." if saved
             else "Niet alle notities konden worden opgeslagen; kijk in de datamap of er een .bak is.")
    where = (f"Wat er misging staat in {clean(str(log))}." if log
             else "Een verslag van de fout kon niet worden geschreven.")
    return f"lerend-tui is gestopt door een onverwachte fout. {notes} {where}"
