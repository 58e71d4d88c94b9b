import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lerend_tui.meeting.rebudget import Rebudget, propose


def test_running_over_shrinks_proportionally():
    result = propose([20, 40, 10], 56)
    assert result == Rebudget([16, 32, 8], fits=True, total=56, available=56)
    assert result.over == 0


def test_running_under_grows_proportionally():
    assert propose([20, 40, 10], 84).minutes == [24, 48, 12]


def test_available_minutes_are_rounded_down():
    assert propose([30, 30], 41.9).total == 41


def test_rounding_goes_to_the_largest_remainder_then_the_longer_then_the_earlier_phase():
    assert propose([10, 10, 10], 31).minutes == [11, 10, 10]
    assert propose([10, 20, 30], 31).minutes == [5, 10, 16]  # exact 5.17, 10.33, 15.5
    assert propose([15, 10], 6, minimum=0).minutes == [4, 2]  # exact 3.6, 2.4


def test_phases_below_the_minimum_get_it_and_the_rest_share_what_is_left():
    result = propose([60, 10, 5], 30)
    assert result.minutes == [23, 4, 3] and result.fits  # 23.14, 3.86 after fixing the 5
    assert propose([60, 1, 1, 1], 20, minimum=5).minutes == [5, 5, 5, 5]


def test_when_even_the_minimums_do_not_fit_every_phase_gets_the_minimum():
    result = propose([20, 40, 10], 7)
    assert result == Rebudget([3, 3, 3], fits=False, total=9, available=7)
    assert result.over == 2
    negative = propose([20], -4.5)
    assert negative.minutes == [3] and negative.available == -5 and not negative.fits


def test_empty_list_gives_an_empty_result():
    assert propose([], 30) == Rebudget([], fits=True, total=0, available=30)


def test_all_zero_plans_share_equally():
    assert propose([0, 0, 0], 10, minimum=0).minutes == [4, 3, 3]


def test_negative_input_is_a_bug():
    with pytest.raises(ValueError):
        propose([10, -1], 20)
    with pytest.raises(ValueError):
        propose([10], 20, minimum=-1)


planned = st.lists(st.integers(min_value=0, max_value=240), max_size=12)
available = st.floats(min_value=-30, max_value=1000, allow_nan=False)
minimums = st.integers(min_value=0, max_value=10)


@given(planned, available, minimums)
def test_properties(plan, minutes, minimum):
    result = propose(plan, minutes, minimum)
    whole = math.floor(minutes)
    assert len(result.minutes) == len(plan)
    assert result.total == sum(result.minutes)
    assert all(share >= minimum for share in result.minutes)
    if not plan:
        assert result == Rebudget([], fits=True, total=0, available=whole)
    elif len(plan) * minimum <= whole:
        assert result.fits and result.total == whole and result.over == 0
    else:
        assert not result.fits and result.minutes == [minimum] * len(plan) and result.over > 0
    for a, b in zip(plan, result.minutes):
        for c, d in zip(plan, result.minutes):
            if a > c:
                assert b >= d
    assert propose(list(plan), minutes, minimum) == result


@given(st.lists(st.integers(min_value=3, max_value=240), min_size=1, max_size=12))
def test_the_planned_total_gives_back_the_plan(plan):
    assert propose(plan, sum(plan)).minutes == plan


@given(st.lists(st.integers(min_value=1, max_value=120), min_size=1, max_size=8), st.integers(0, 600), st.integers(0, 60))
def test_more_time_takes_at_most_the_rounding_minute_from_a_phase(plan, minutes, extra):
    """Largest remainder is not monotone in the total (the Alabama paradox): a phase may lose one minute."""
    before, after = propose(plan, minutes), propose(plan, minutes + extra)
    if before.fits:
        assert all(b >= a - 1 for a, b in zip(before.minutes, after.minutes))


def test_the_alabama_paradox_is_known():
    assert propose([13, 17, 28, 6], 69).minutes == [14, 18, 30, 7]
    assert propose([13, 17, 28, 6], 70).minutes == [14, 19, 31, 6]
