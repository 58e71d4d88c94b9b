"""The screens of the facilitator's program know their app: `self.app` is the `LerendApp`, and `self.services`
the stores, templates, work formats, settings, clock and random source it was built with."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from functools import cached_property, partial
from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.worker import Worker

if TYPE_CHECKING:
    from textual import getters

    from lerend_tui.app import LerendApp  # for the type checker only: at run time the app imports the screens
    from lerend_tui.services import Services

Read = TypeVar("Read")


class LerendScreen(Screen[ScreenResultType]):
    """A screen of the facilitator's program (`lerend-tui`, not the follower's beamer)."""

    MIN_SIZE = (60, 20)
    """The least columns and rows the screen works in: below them the app covers it (`TooSmallScreen`)."""

    if TYPE_CHECKING:
        app = getters.app(LerendApp)  # at run time Textual's own `app`: the running app, which is a LerendApp

    @property
    def services(self) -> Services:
        return self.app.services

    @cached_property
    def _latest_reads(self) -> dict[str, int]:
        """The number of the latest read of each group (see `read_then_show`)."""
        return {}

    def read_then_show(self, read: Callable[[], Read], show: Callable[[Read], object], *, group: str) -> Worker[None]:
        """`read` in a thread (parsing every file in a folder is too slow for the UI thread), then `show` what it
        read, here. A later read of the same `group` takes over: the earlier one shows nothing, and neither does
        one whose screen has gone. Tests wait for it with `app.workers.wait_for_complete()`."""

        # The latest read of a group is the one to show. Earlier ones are not cancelled but left to show nothing:
        # a show cancelled halfway through awaiting a widget's update (a Markdown report, say) could leave that
        # widget with messages it never gets to.
        number = self._latest_reads[group] = self._latest_reads.get(group, 0) + 1

        async def read_in_thread() -> None:
            found = await asyncio.to_thread(read)
            if self._latest_reads[group] != number:
                return
            shown = show(found)
            if inspect.isawaitable(shown):  # a `show` that awaits a widget's update
                await shown

        return self.run_worker(read_in_thread, name=f"lezen: {group}", group=group)


    def read_indexed_then_show(self, read: Callable[[bool], Read], show: Callable[[Read], object], *,
                               group: str) -> None:
        """`read(True)`, what the meeting index had (see `MeetingIndex.listing`'s `as_indexed`), shown as soon as
        it is read, then `read(False)`, what the files say, shown again only when that differs: with a thousand
        meetings, looking at every file while the screen is first drawn takes some 100 ms, and drawing a long
        list twice (and what its highlighted row opens) as long again. The files are looked at when
        `look_at_the_files` says."""

        def then_the_files(indexed: Read) -> object:
            def show_when_changed(files: Read) -> object:
                return None if files == indexed else show(files)

            self.look_at_the_files(partial(self.read_then_show, lambda: read(False), show_when_changed,
                                           group=f"{group} (de bestanden)"))
            return show(indexed)

        self.read_then_show(lambda: read(True), then_the_files, group=group)

    def look_at_the_files(self, look: Callable[[], object]) -> None:
        """Call `look`, `read_indexed_then_show`'s look at the files, once what the index had has been drawn: a
        thousand files take some 10 ms to look at alone, but slow down a screen that is still drawing."""
        self.call_after_refresh(look)


class LerendModal(LerendScreen[ScreenResultType], ModalScreen[ScreenResultType]):
    """A dialog of the facilitator's program."""
