"""The web beamer in a real headless Chromium (one for the whole module): the page counts by itself, says every
state, follows the facilitator's changes within a second, shows no notes, and refuses a request without the token.

The test writes the live state as the facilitator's program does (`write_live`, which rings the doorbells), with
the time of this computer's clock: the page counts from it."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest

from lerend_tui.beamer.web import WebBeamer
from lerend_tui.common.clock import SystemClock
from lerend_tui.meeting.timer import Reading
from lerend_tui.storage.live import LiveState, clear_live, write_live

from .. import browserkit
from ..browserkit import page_state, wait_for
from ..samples import live_state
from ..unit.test_meeting import new_meeting

pytestmark = pytest.mark.xdist_group("browser")  # one worker, one Chromium (the Makefile's --dist loadgroup)

CLOCK = SystemClock()
WITHIN = 1.0
"""Seconds the page may take to follow a change (the issue's "within a second")."""


@pytest.fixture(scope="module")
def browser():
    reason = browserkit.missing()
    if reason is not None:
        pytest.skip(f"no browser for the web beamer's tests: {reason}")
    with browserkit.chromium() as driver:
        yield driver


@pytest.fixture
def live(paths):
    """The live state's path; this program is the facilitator's, and lets go of the beamer afterwards."""
    yield paths.live
    clear_live(paths.live)


@pytest.fixture
def page(browser, live):
    """The browser on the web beamer of this test's data dir, once the page shows its first view."""
    with WebBeamer(live, "127.0.0.1", 0) as beamer:
        browser.get(beamer.urls[0])
        wait_for(browser, lambda: page_state(browser)["show"] == "waiting", "the waiting screen")
        yield browser


def facilitator(live, elapsed: float, running: bool, **changes) -> LiveState:
    """Write the live state as the facilitator's program does on a key press (`write_live` rings the doorbells)."""
    state = live_state(CLOCK, elapsed, running, **changes)
    write_live(live, state)
    return state


def shows(page, what: str, timeout: float = WITHIN, **expected: str) -> dict[str, str]:
    """Wait until the page shows each of `expected` (its `page_state`, a value ending in "…" as a start)."""
    def matches() -> dict[str, str] | None:
        state = page_state(page)
        for key, value in expected.items():
            if not (state[key].startswith(value[:-1]) if value.endswith("…") else state[key] == value):
                return None
        return state

    return wait_for(page, matches, what, timeout)


def seconds_of(digits: str) -> int:
    minutes, seconds = digits.lstrip("+").split(":")
    return int(minutes) * 60 + int(seconds)


def test_the_page_counts_by_itself_in_step_with_the_program_s_clock(page, live):
    written = facilitator(live, 40.0, True)  # 9:20 left: its words change in 50 s, until then nothing is sent
    first = shows(page, "the running countdown", show="timer", state="running", words="NOG 9 MINUTEN")
    changed = wait_for(page, lambda: (digits := page_state(page)["digits"]) != first["digits"] and digits,
                       "the next second", timeout=3.0)
    seen = time.time()
    assert seconds_of(changed) == seconds_of(first["digits"]) - 1
    # The second changes when the program's own reading of the countdown says so.
    expected = Reading(600.0, 40.0 + (seen - written.measured_at.timestamp()), True, 120.0).text
    later = Reading(600.0, 40.0 + (seen - 0.25 - written.measured_at.timestamp()), True, 120.0).text
    assert changed in (expected, later)


def test_paused_says_so_in_big_letters_and_stands_still(page, live):
    facilitator(live, 90.0, False)
    shows(page, "the pause", state="paused", words="PAUZE", digits="08:30")
    changes = page.execute_script("""
        window.changes = 0;
        new MutationObserver(() => window.changes++).observe(document.getElementById("digits"),
                                                              {subtree: true, childList: true, characterData: true});
        return performance.now();""")
    wait_for(page, lambda: page.execute_script("return performance.now()") > changes + 1500,
             "a second and a half of the page's time", timeout=5.0)
    assert page.execute_script("return window.changes") == 0
    assert page_state(page)["digits"] == "08:30"


def test_it_follows_a_meeting_through_start_pause_overtime_a_message_and_a_phase_change(page, live):
    facilitator(live, 0.0, False, started=False, network="Zorgnetwerk Zuid",
                planned_start=CLOCK.now().replace(hour=23, minute=59, second=59))
    state = shows(page, "the welcome", show="welcome")
    assert "Zorgnetwerk Zuid" in state["text"] and "We beginnen om 23:59" in state["text"]
    facilitator(live, 0.0, True)
    assert shows(page, "the start", show="timer", state="running")["digits"] in ("10:00", "09:59")
    facilitator(live, 5.0, False)
    shows(page, "the pause", state="paused", words="PAUZE", digits="09:55")
    facilitator(live, 642.0, True)
    shows(page, "the overtime", state="overtime", words="UITLOOP", digits="+00:4…")
    facilitator(live, 642.0, True, message="Pauze tot 20:15")
    shows(page, "the message", show="message", message="Pauze tot 20:15")
    facilitator(live, 0.0, True, phase_title="Evaluatie en afsluiting", phase_number=5, step_label="",
                step_instruction="", focus="phase")
    shows(page, "the next phase", show="timer", state="running", phase="Evaluatie en afsluiting  ·  fase 5 van 5")


def test_it_shows_every_state_as_the_terminal_beamer_does(page, live):
    facilitator(live, 0.0, False)
    shows(page, "ready", state="ready", words="KLAAR OM TE STARTEN", digits="10:00")
    facilitator(live, 500.0, True)
    shows(page, "the warning", state="warning", words="NOG 2 MINUTEN")
    frame = page.execute_script("return getComputedStyle(document.getElementById('frame')).borderTopColor")
    assert frame == "rgb(255, 215, 0)"  # framed, in the palette's yellow
    facilitator(live, 650.0, True)
    shows(page, "overtime", state="overtime")
    colours = page.execute_script("""const style = getComputedStyle(document.body);
        return [style.backgroundColor, getComputedStyle(document.getElementById('digits')).color]""")
    assert colours == ["rgb(255, 59, 48)", "rgb(0, 0, 0)"]  # inverted: black on red
    facilitator(live, 20.0, True, focus="turn", speaker="Chris", next_speaker="Bram", round_progress="3 van 6",
                planned_seconds=120.0)
    shows(page, "the round", speaker="NU: CHRIS", next="DAARNA: BRAM")
    shows(page, "the step", step="Stap 2 van 4: Verhelderende vragen…",
          instruction="Stel alleen vragen om het probleem te begrijpen.")
    facilitator(live, 20.0, True, blank=True)
    state = shows(page, "the black screen", show="blank")
    assert state["text"].strip() == ""
    facilitator(live, 20.0, True, ended=True, next_meeting="dinsdag 12 januari 2027 om 19:30")
    state = shows(page, "the end", show="end")
    assert "Bedankt!" in state["text"] and "Tot de volgende keer: dinsdag 12 januari 2027 om 19:30" in state["text"]
    problems = [entry["message"] for entry in page.get_log("browser") if "favicon.ico" not in entry["message"]]
    assert problems == []  # nothing refused by the page's own policy, no error in its script


@pytest.mark.parametrize(("planned", "elapsed", "count_up"), [
    (600.0, 0.0, True), (600.0, 0.4, True), (600.0, 599.5, True), (600.0, 600.0, True), (600.0, 600.5, True),
    (600.0, 3725.5, True), (600.0, 700.0, False), (5400.0, 1.0, True), (600.0, 4201.0, True)])
def test_the_digits_are_the_program_s_own(page, live, planned, elapsed, count_up):
    """The page reads a countdown as the program does (`Reading.text`), here standing still to compare."""
    facilitator(live, elapsed, False, planned_seconds=planned, count_up=count_up)
    expected = Reading(planned, elapsed, False, 120.0, count_up).text
    shows(page, f"{expected} for {elapsed} s of {planned} s", digits=expected)


def test_the_digits_keep_their_size_and_place_across_zero(page, live):
    def measured(elapsed: float, digits: str) -> list[float]:
        facilitator(live, elapsed, False)
        shows(page, digits, digits=digits)
        return page.execute_script("""const box = document.getElementById('digits').getBoundingClientRect();
            const ink = document.getElementById('digits-text').getBoundingClientRect();
            return [box.left, box.top, box.width, box.height, ink.right, ink.top, ink.height]""")

    assert measured(599.0, "00:01") == pytest.approx(measured(601.0, "+00:01"), abs=0.5)  # pixels


def test_it_never_shows_the_notes_or_who_attends(page, live, clock):
    meeting = new_meeting(clock, participants=["Anouk", "Bram", "Chris"])
    meeting.current.notes = "GEHEIM: wat in de notities staat\n- [ ] actie: GEHEIM ook"
    meeting.go_to(1)  # past the check-in's round, which shows who speaks
    meeting.current.notes = "GEHEIM in de reflectie"
    meeting.toggle_timer()
    write_live(live, LiveState.capture(meeting))
    state = shows(page, "the meeting", show="timer", phase="Reflectie…")
    for secret in ("GEHEIM", "Anouk", "Bram", "Chris"):
        assert secret not in state["text"] and secret not in page.page_source


def test_the_page_says_when_it_lost_the_program_and_counts_on(browser, live):
    with WebBeamer(live, "127.0.0.1", 0) as beamer:
        browser.get(beamer.urls[0])
        facilitator(live, 40.0, True)
        shows(browser, "the countdown", show="timer", state="running")
    lost = wait_for(browser, lambda: "Geen verbinding met het programma" in page_state(browser)["text"] and
                    page_state(browser), "the notice", timeout=8.0)
    assert lost["show"] == "timer" and lost["digits"].startswith("09:")


def test_a_request_without_the_token_to_a_server_on_every_address_is_refused(browser, live):
    with WebBeamer(live, "0.0.0.0", 0) as beamer:
        assert beamer.token
        browser.get(f"http://127.0.0.1:{beamer.port}/")
        status = browser.execute_script("return performance.getEntriesByType('navigation')[0].responseStatus")
        assert status == 404 and "Niet gevonden." in browser.find_element("tag name", "body").text
        browser.get(f"http://127.0.0.1:{beamer.port}/{beamer.token}/")
        wait_for(browser, lambda: page_state(browser)["show"] == "waiting", "the page behind the token")


class BehindClock(SystemClock):
    """The clock of a computer an hour behind the browser's."""

    def now(self) -> datetime:
        return super().now() - timedelta(hours=1)


def test_the_page_counts_on_the_server_s_clock_not_its_own(browser, live):
    """Its offset from the server's time (sent with every view) keeps the page right on a computer whose clock is
    off: read from its own clock, this countdown would be an hour into overtime."""
    clock = BehindClock()
    with WebBeamer(live, "127.0.0.1", 0, clock=clock) as beamer:
        browser.get(beamer.urls[0])
        write_live(live, live_state(clock, 40.0, True))
        first = shows(browser, "the countdown", show="timer", state="running", digits="09:…")
        wait_for(browser, lambda: page_state(browser)["digits"] not in ("", first["digits"]), "the next second",
                 timeout=3.0)
        assert page_state(browser)["state"] == "running"


TALK_PAGE = """
const screen = document.getElementById("page-screen");
const box = screen.getBoundingClientRect();
const inside = [...screen.querySelectorAll("p, h1, table")].filter((element) => !element.hidden)
  .every((element) => { const r = element.getBoundingClientRect();
                        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1; });
return {heading: document.getElementById("page-heading").textContent,
        lines: [...document.querySelectorAll("#page-lines p")].map((p) => p.textContent),
        heads: [...document.querySelectorAll("#page-table thead th")].map((th) => th.textContent),
        cells: [...document.querySelectorAll("#page-table tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent)),
        where: document.getElementById("page-where").textContent,
        markup: document.querySelectorAll("#page-screen b, #page-screen script").length,
        visible: getComputedStyle(screen).display !== "none", inside,
        headingSize: parseFloat(getComputedStyle(document.getElementById("page-heading")).fontSize),
        lineSize: parseFloat(getComputedStyle(document.querySelector("#page-lines p") || screen).fontSize)};
"""


def test_it_shows_a_page_of_the_talk_as_text_and_its_table_in_two_columns(page, live):
    from lerend_tui.talk import Page, Slide, builtin_talk

    deck = builtin_talk().deck(("perspectieven",))
    facilitator(live, 150.0, True, page=deck.turned(2).slide)
    shows(page, "the talk's page", show="page")
    shown = wait_for(page, lambda: (found := page.execute_script(TALK_PAGE))["heading"] and found, "the page drawn")
    assert shown["heading"] == "Wat we niet doen" and shown["where"] == "3 van 3" and shown["visible"]
    assert shown["lines"] == ["Verschillen gladstrijken of negeren", "De ‘ander’ uitnodigen om ‘met ons’ mee te doen"]
    assert shown["inside"] and shown["headingSize"] > shown["lineSize"] > 10  # big, and all of it on the screen
    table = builtin_talk().deck(("opleiding",)).slide
    facilitator(live, 150.0, True, page=table)
    shown = wait_for(page, lambda: (found := page.execute_script(TALK_PAGE))["heading"] == "Hoe we leren" and found,
                     "the table's page", WITHIN)
    assert shown["heads"] == ["", "Opleiding", "Lerend netwerk"] and shown["lines"] == []
    assert shown["cells"][1] == ["Nadruk", "Theoretisch", "Praktisch"] and shown["inside"]
    hostile = Slide(Page("<b>Titel</b>", "<script>alert(1)</script>", ("<b>vet</b>",)), 1, 1)
    facilitator(live, 150.0, True, page=hostile)
    shown = wait_for(page, lambda: (found := page.execute_script(TALK_PAGE))["heading"].startswith("<script>")
                     and found, "the hostile page", WITHIN)
    assert shown["lines"] == ["<b>vet</b>"] and shown["markup"] == 0  # text, never markup
    facilitator(live, 150.0, True)
    shows(page, "the timer again", show="timer")
