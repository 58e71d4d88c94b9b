"""The beamer's words (`beamer.view`): which screen the room sees, the state in big letters, when the words
change, and what a page gets to see (only what the beamer shows)."""

from dataclasses import replace
from datetime import UTC, timedelta

import pytest

from lerend_tui.beamer.view import BeamerView, Countdown, Follower, Show, big_words, words_change_in
from lerend_tui.meeting.timer import Reading
from lerend_tui.storage.live import LiveState

from ..samples import live_state
from .test_meeting import new_meeting


def test_each_screen_follows_from_the_live_state(clock):
    running = live_state(clock, 150.0, True)
    assert BeamerView.of(running).show is Show.TIMER
    assert BeamerView.of(replace(running, started=False)).show is Show.WELCOME
    assert BeamerView.of(replace(running, ended=True)).show is Show.END
    assert BeamerView.of(replace(running, message="Pauze tot 20:15")).message == "Pauze tot 20:15"
    assert BeamerView.of(replace(running, message="Pauze", blank=True)).show is Show.BLANK  # black comes first
    assert BeamerView.of(replace(running, message="Pauze", ended=True)).show is Show.MESSAGE
    assert BeamerView.of(None).show is Show.WAITING


def test_between_meetings_the_words_are_calm_and_follow_the_last_meeting(clock):
    assert BeamerView.of(None).waiting_words == "Zo meteen begint de bijeenkomst."
    gone = BeamerView.of(None, live_state(clock, 150.0, True))  # its program stopped before the end
    assert gone.show is Show.WAITING and gone.title == "Zorgnetwerk Zuid"
    assert gone.waiting_words == "Zo meteen gaat de bijeenkomst verder."
    ended = BeamerView.of(None, live_state(clock, 150.0, False, ended=True, next_meeting="dinsdag 12 januari"))
    assert ended.show is Show.END and ended.end_words == "Tot de volgende keer: dinsdag 12 januari"
    assert BeamerView.of(live_state(clock, 0, False, ended=True)).end_words == "De bijeenkomst is afgelopen."


def test_a_follower_remembers_the_last_meeting_it_showed(clock):
    states: list[LiveState | None] = [live_state(clock, 10.0, True), None]
    follower = Follower(lambda: states.pop(0))
    assert follower.view().show is Show.TIMER
    assert follower.view().resumes


def test_the_welcome_says_when_we_begin(clock):
    start = clock.now() + timedelta(minutes=20)
    view = BeamerView.of(live_state(clock, 0.0, False, started=False, planned_start=start, network="Zorg Zuid"))
    assert view.show is Show.WELCOME and view.network == "Zorg Zuid"
    assert view.moment(clock.now()).starts == f"We beginnen om {start.hour:02d}:{start.minute:02d}"
    assert view.moment(start + timedelta(minutes=1)).starts == "We beginnen zo"
    assert view.moment(clock.now()).clock == f"{clock.now().hour:02d}:{clock.now().minute:02d}"
    in_utc = BeamerView.of(live_state(clock, 0.0, False, started=False, planned_start=start.astimezone(UTC)))
    assert in_utc.moment(clock.now()).starts == view.moment(clock.now()).starts  # said in the room's time


@pytest.mark.parametrize(("remaining", "running", "elapsed", "words"), [
    (600, False, 0, ("KLAAR OM TE STARTEN", "KLAAR")),
    (300, False, 10, ("PAUZE",)),
    (-42, False, 10, ("PAUZE",)),  # a pause outranks the overtime
    (750, True, 10, ("NOG 13 MINUTEN", "NOG 13 MIN")),  # 12:30 is said as 13
    (749, True, 10, ("NOG 12 MINUTEN", "NOG 12 MIN")),
    (89, True, 10, ("NOG 1 MINUUT", "NOG 1 MIN")),
    (59, True, 10, ("LAATSTE MINUUT", "NOG 1 MIN")),
    (-42, True, 10, ("UITLOOP",)),
])
def test_the_state_in_big_words(remaining, running, elapsed, words):
    planned = 1000.0
    reading = Reading(planned, planned - remaining if elapsed else 0.0, running, 120.0)
    assert big_words(reading) == words


def test_overtime_held_at_zero_says_the_time_is_up():
    assert big_words(Reading(600, 700, True, 120, count_up=False))[0] == "DE TIJD IS OM"


@pytest.mark.parametrize(("remaining", "change_in"), [
    (750.0, 0.0), (749.0, 59.0), (130.0, 10.0), (119.0, 29.0), (70.0, 10.0), (30.0, 30.0),
])
def test_the_words_or_the_state_change_at_the_half_minute_the_warning_the_last_minute_and_zero(remaining, change_in):
    reading = Reading(1000.0, 1000.0 - remaining, True, 120.0)
    assert words_change_in(reading) == pytest.approx(change_in)
    later = Reading(1000.0, 1000.0 - remaining + change_in + 0.01, True, 120.0)
    if change_in:
        assert (big_words(later), later.state) != (big_words(reading), reading.state)


def test_the_words_stand_still_while_paused_or_in_overtime():
    assert words_change_in(Reading(600, 100, False, 120)) is None
    assert words_change_in(Reading(600, 700, True, 120)) is None


def test_the_digits_are_sized_for_the_sign_they_get_at_zero(clock):
    assert Countdown(600, 0, True, 120, True, clock.now()).widest == "+88:88"
    assert Countdown(3600, 0, True, 120, True, clock.now()).widest == "+8:88:88"


def test_a_round_shows_who_speaks_now_and_next_in_big_words(clock):
    meeting = new_meeting(clock, participants=["Anne-Marie van der Berg", "Bram"])
    meeting.toggle_timer()
    view = BeamerView.of(LiveState.capture(meeting))
    speaker, following = meeting.speaking.current, meeting.speaking.next
    assert view.speaker_words[0] == f"NU: {speaker.upper()}"
    assert view.next_speaker_words[0] == f"DAARNA: {following.upper()}"
    long = BeamerView(Show.TIMER, speaker="Anne-Marie van der Berg")
    assert long.speaker_words == ("NU: ANNE-MARIE VAN DER BERG", "ANNE-MARIE VAN DER BERG", "ANNE-MARIE")
    assert long.next_speaker_words == ("ALS LAATSTE",)


def test_the_page_gets_what_the_beamer_shows_and_never_the_notes(clock):
    meeting = new_meeting(clock, participants=["Anouk", "Bram", "Chris"])
    meeting.current.notes = "GEHEIM: wat in de notities staat"
    meeting.toggle_timer()
    clock.advance(30)
    data = BeamerView.of(LiveState.capture(meeting)).to_json(clock.now())
    text = repr(data)
    assert "GEHEIM" not in text and "participants" not in text
    assert data["show"] == "timer" and data["state"] == "running"
    assert data["countdown"]["elapsed"] == pytest.approx(30.0) and data["countdown"]["running"]


def test_plain_xterm_gets_256_colours_unless_the_user_chose():
    from lerend_tui.cli import choose_colours

    plain = {"TERM": "xterm"}
    choose_colours(plain)
    assert plain["TEXTUAL_COLOR_SYSTEM"] == "256"
    for given in ({"TERM": "xterm", "COLORTERM": "truecolor"}, {"TERM": "xterm", "TEXTUAL_COLOR_SYSTEM": "16"},
                  {"TERM": "linux"}):
        before = dict(given)
        choose_colours(given)
        assert given.get("TEXTUAL_COLOR_SYSTEM") == before.get("TEXTUAL_COLOR_SYSTEM")
