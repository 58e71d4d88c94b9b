import pytest

from lerend_tui.meeting.timer import PhaseTimer, TimerState, format_clock


def test_counts_down_from_the_clock_only_while_running(clock):
    timer = PhaseTimer(clock, 600)
    assert timer.state is TimerState.NOT_STARTED
    clock.advance(30)
    assert timer.remaining == 600
    timer.start()
    clock.advance(90)
    assert timer.remaining == 510
    timer.pause()
    assert timer.state is TimerState.PAUSED
    clock.advance(300)
    assert timer.elapsed == 90
    timer.start()
    clock.advance(10)
    assert timer.elapsed == 100


def test_warning_is_the_last_fifth_or_two_minutes_whichever_is_shorter(clock):
    short = PhaseTimer(clock, 300, running=True)
    clock.advance(239)
    assert short.state is TimerState.RUNNING
    clock.advance(1)
    assert short.state is TimerState.WARNING  # 20% of 5 min = 60 s
    long = PhaseTimer(clock, 3600, running=True)
    clock.advance(3479)
    assert long.state is TimerState.RUNNING
    clock.advance(1)
    assert long.state is TimerState.WARNING  # 2 min


def test_past_zero_it_counts_up_as_overtime(clock):
    timer = PhaseTimer(clock, 60, running=True)
    clock.advance(75)
    assert timer.remaining == -15
    assert timer.overtime and timer.state is TimerState.OVERTIME
    timer.pause()
    assert timer.state is TimerState.PAUSED and timer.overtime


def test_adjust_adds_and_removes_minutes_but_keeps_one(clock):
    timer = PhaseTimer(clock, 180)
    timer.adjust(+1)
    assert timer.planned_seconds == 240
    timer.adjust(-10)
    assert timer.planned_seconds == 60


def test_many_late_reads_do_not_drift(clock):
    timer = PhaseTimer(clock, 600, running=True)
    for _ in range(1000):
        clock.advance(0.2371)
        timer.remaining
    assert timer.elapsed == pytest.approx(237.1)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(600, "10:00"), (599.2, "10:00"), (0.4, "00:01"), (0, "00:00"), (-0.5, "00:00"), (-192, "03:12"), (3725, "1:02:05")],
)
def test_format_clock(seconds, shown):
    assert format_clock(seconds) == shown
