import random
import tomllib

import pytest
import tomli_w

from lerend_tui.common.validation import DataError
from lerend_tui.meeting.rounds import SpeakingRound, round_order
from lerend_tui.meeting.timer import TimerState

PEOPLE = ["Anouk", "Bram", "Chantal", "Dirk", "Esra", "Femke"]


def test_round_order_is_a_seeded_shuffle_or_as_listed():
    shuffled = round_order(PEOPLE, random.Random(3), shuffle=True)
    assert shuffled == round_order(PEOPLE, random.Random(3), shuffle=True)
    assert sorted(shuffled) == sorted(PEOPLE) and shuffled != PEOPLE
    listed = round_order(PEOPLE, random.Random(3), shuffle=False)
    assert listed == PEOPLE and listed is not PEOPLE


def test_shuffle_does_not_change_the_participant_list(rng):
    people = list(PEOPLE)
    round_order(people, rng, shuffle=True)
    assert people == PEOPLE


def test_words_and_progress_follow_the_turns(clock):
    speaking = SpeakingRound(["Anouk", "Bram"], 90, clock)
    assert (speaking.current, speaking.next, speaking.position, speaking.count) == ("Anouk", "Bram", 1, 2)
    assert speaking.words == "Nu: Anouk — daarna: Bram"
    assert speaking.progress == "1 van 2"
    assert speaking.pass_turn()
    assert speaking.words == "Nu: Bram, als laatste"
    assert speaking.progress == "2 van 2" and speaking.next is None
    assert speaking.pass_turn()
    assert speaking.finished and speaking.current is None
    assert speaking.words == "Iedereen is aan de beurt geweest"
    assert speaking.progress == "2 van 2"
    assert not speaking.pass_turn()


def test_an_empty_round_is_finished_at_once(clock):
    speaking = SpeakingRound([], 90, clock)
    assert speaking.finished and speaking.current is None and speaking.progress == "0 van 0"
    speaking.start()
    assert not speaking.running


def test_turn_time_comes_from_the_clock_and_a_turn_may_be_shorter_than_a_minute(clock):
    speaking = SpeakingRound(PEOPLE, 30, clock)
    assert speaking.turn_timer.remaining == 30
    clock.advance(5)
    assert speaking.turn_timer.elapsed == 0
    speaking.start()
    clock.advance(23)
    assert speaking.turn_timer.state is TimerState.RUNNING
    clock.advance(2)
    assert speaking.turn_timer.remaining == 5
    assert speaking.turn_timer.state is TimerState.WARNING  # 20 % of 30 s
    clock.advance(10)
    assert speaking.turn_timer.remaining == -5 and speaking.turn_timer.overtime
    speaking.pause()
    clock.advance(100)
    assert speaking.turn_timer.elapsed == 35 and not speaking.running


def test_pass_turn_starts_the_new_turn_running_only_if_the_old_one_ran(clock):
    speaking = SpeakingRound(PEOPLE, 60, clock)
    speaking.pass_turn()
    assert speaking.current == "Bram" and not speaking.running
    speaking.start()
    clock.advance(70)
    speaking.pass_turn()
    assert speaking.current == "Chantal" and speaking.running
    assert speaking.turn_timer.elapsed == 0
    clock.advance(10)
    assert speaking.turn_timer.elapsed == 10


def test_the_last_pass_stops_the_timer(clock):
    speaking = SpeakingRound(["Anouk"], 60, clock, running=True)
    speaking.pass_turn()
    assert speaking.finished and not speaking.running
    speaking.start()
    assert not speaking.running


def test_back_returns_to_the_previous_speaker_with_a_fresh_turn(clock):
    speaking = SpeakingRound(PEOPLE, 60, clock, running=True)
    assert not speaking.back()
    speaking.pass_turn()
    clock.advance(25)
    assert speaking.back()
    assert speaking.current == "Anouk" and speaking.running and speaking.turn_timer.elapsed == 0
    for _ in PEOPLE:
        speaking.pass_turn()
    assert speaking.finished
    speaking.back()
    assert speaking.current == "Femke" and speaking.words == "Nu: Femke, als laatste"


def test_start_and_pause_mirror_the_phase_timer(clock):
    speaking = SpeakingRound(PEOPLE, 60, clock)
    speaking.start()
    assert speaking.running
    speaking.pause()
    assert not speaking.running


def test_table_round_trips_through_toml(clock):
    speaking = SpeakingRound(PEOPLE, 45, clock, running=True)
    speaking.pass_turn()
    clock.advance(12.3456)
    table = speaking.to_table()
    assert table == {"order": PEOPLE, "seconds_per_person": 45.0, "index": 1, "turn_elapsed": 12.346}
    restored = SpeakingRound.from_table(tomllib.loads(tomli_w.dumps(table)), clock)
    assert restored.current == "Bram" and restored.turn_timer.elapsed == 12.346 and not restored.running
    assert restored.to_table() == table
    running = SpeakingRound.from_table(table, clock, running=True)
    clock.advance(1)
    assert running.turn_timer.elapsed == pytest.approx(13.346)


def test_a_finished_round_round_trips(clock):
    speaking = SpeakingRound(["Anouk"], 30, clock, index=1)
    assert SpeakingRound.from_table(speaking.to_table(), clock).finished


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        ({"order": "Anouk"}, "round.order", "lijst met teksten"),
        ({"seconds_per_person": 3}, "round.seconds_per_person", "minstens 10"),
        ({"index": 7}, "round.index", "hoogstens 6"),
        ({"index": -1}, "round.index", "minstens 0"),
        ({"turn_elapsed": "lang"}, "round.turn_elapsed", "verwacht een getal"),
    ],
)
def test_from_table_names_the_bad_field(clock, tmp_path, change, field, expected):
    table = {"order": PEOPLE, "seconds_per_person": 60, "index": 0, "turn_elapsed": 0.0} | change
    with pytest.raises(DataError) as caught:
        SpeakingRound.from_table(table, clock, path=tmp_path / "m.toml")
    assert caught.value.field == field and expected in caught.value.problem
    assert caught.value.path == tmp_path / "m.toml"


def test_constructor_rejects_impossible_values(clock):
    with pytest.raises(ValueError):
        SpeakingRound(PEOPLE, 5, clock)
    with pytest.raises(ValueError):
        SpeakingRound(PEOPLE, 60, clock, index=7)
