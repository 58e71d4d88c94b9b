"""The schedule counts from when the meeting really starts, never hours from a plan's clock; its clock times
follow a late start, a phase that runs over and a re-budget; a round's turns fit the phase."""

import random
from datetime import datetime, timedelta

from lerend_tui.common.clock import FakeClock
from lerend_tui.common.settings import Settings
from lerend_tui.meeting.record import MeetingRecord, PhaseRecord, StepRecord
from lerend_tui.meeting.running import START_WINDOW, Meeting, schedule_start
from lerend_tui.plans.plan import MeetingPlan, moved_start_words, plan_to_record
from lerend_tui.templates import load_templates


def evening_plan() -> MeetingPlan:
    return MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="Avond", start="19:30")


def times(meeting: Meeting) -> list[str]:
    return [f"{meeting.clock.local(row.at):%H:%M}" for row in meeting.schedule().rows]


def test_a_plan_for_tonight_started_this_morning_is_on_schedule():
    clock = FakeClock(datetime(2026, 12, 8, 8, 1))
    plan = evening_plan()
    record = plan_to_record(plan, planned_start=plan.planned_start(clock), now=clock.local(clock.now()))
    assert f"{record.planned_start:%H:%M}" == "08:01" and f"{record.plan.start:%H:%M}" == "19:30"
    assert moved_start_words(record, clock) == "De planning ging uit van 19:30; het schema loopt nu vanaf 08:01."
    meeting = Meeting(record, clock)
    assert meeting.schedule().summary == "op schema" and times(meeting)[:2] == ["08:01", "08:11"]
    meeting.toggle_timer()
    clock.advance(minutes=5)
    schedule = meeting.schedule()
    assert schedule.summary == "op schema" and meeting.rebudget(schedule) is None


def test_a_plan_started_within_the_hour_keeps_its_time_and_a_late_start_is_behind():
    clock = FakeClock(datetime(2026, 12, 8, 19, 5))
    plan = evening_plan()
    record = plan_to_record(plan, planned_start=plan.planned_start(clock), now=clock.local(clock.now()))
    assert f"{record.planned_start:%H:%M}" == "19:30" and moved_start_words(record, clock) is None
    meeting = Meeting(record, clock)
    clock.advance(minutes=45)  # started at 19:50: twenty minutes late, a start to catch up on
    meeting.toggle_timer()
    assert meeting.schedule().summary == "20 min achter op schema"
    assert times(meeting)[:2] == ["19:50", "20:00"]
    proposal = meeting.rebudget()
    assert sum(proposal.minutes) == sum(p.minutes for p in meeting.phases[1:]) - 20


def test_the_schedule_never_counts_hours_from_a_planned_start():
    clock = FakeClock(datetime(2026, 12, 8, 8, 1))
    record = MeetingRecord.from_template(load_templates().get("bijeenkomst"), title="Avond", participants=[],
                                         planned_start=clock.now().replace(hour=19, minute=30))
    meeting = Meeting(record, clock)  # made at 08:01 for 19:30, by hand: started now all the same
    meeting.toggle_timer()
    clock.advance(minutes=3)
    assert meeting.schedule().summary == "op schema" and meeting.rebudget() is None
    late = MeetingRecord.from_template(load_templates().get("bijeenkomst"), title="Ochtend", participants=[],
                                       planned_start=clock.now() - timedelta(hours=11))
    waiting = Meeting(late, clock)  # planned this morning, opened tonight and not yet begun
    assert waiting.schedule().summary == "op schema" and waiting.rebudget() is None


def test_a_meeting_ahead_never_gets_more_minutes_than_its_length():
    clock = FakeClock(datetime(2026, 12, 8, 19, 0))
    record = MeetingRecord.from_template(load_templates().get("bijeenkomst"), title="Avond", participants=[],
                                         planned_start=clock.now() + timedelta(minutes=50))
    meeting = Meeting(record, clock)
    meeting.toggle_timer()  # fifty minutes early: it keeps its length and ends early
    clock.advance(minutes=2)
    meeting.advance()  # the check-in took 2 of its 10 minutes
    proposal = meeting.rebudget()  # eight minutes ahead: the rest may grow, the meeting not beyond its length
    assert meeting.schedule().summary == "8 min voor op schema"
    assert 2 + meeting.current.minutes + sum(proposal.minutes) == record.planned_minutes
    assert schedule_start(record.planned_start, record.started, clock.now()) == record.started


def test_schedule_start_keeps_the_plan_within_the_window():
    planned = datetime(2026, 12, 8, 19, 30).astimezone()
    assert schedule_start(planned, None, planned - timedelta(hours=3)) == planned
    assert schedule_start(planned, planned + START_WINDOW, planned + START_WINDOW) == planned
    later = planned + START_WINDOW + timedelta(minutes=1)
    assert schedule_start(planned, later, later) == later
    assert schedule_start(planned, None, later) == later


def test_clock_times_follow_a_rebudget_and_the_plan_stays_in_the_record():
    clock = FakeClock(datetime(2026, 12, 8, 19, 0))
    plan = evening_plan()
    plan.start = "19:00"
    record = plan_to_record(plan, planned_start=plan.planned_start(clock), now=clock.local(clock.now()))
    meeting = Meeting(record, clock)
    assert times(meeting) == ["19:00", "19:10", "19:25", "19:55", "20:40"]
    meeting.toggle_timer()
    clock.advance(minutes=30)  # the check-in runs twenty minutes over
    meeting.advance()
    assert times(meeting) == ["19:00", "19:30", "19:45", "20:15", "21:00"]
    meeting.accept_rebudget()
    assert [p.minutes for p in meeting.phases] == [10, 15, 23, 34, 8]
    assert times(meeting) == ["19:00", "19:30", "19:45", "20:08", "20:42"]
    assert meeting.schedule().summary == "op schema"
    assert [p.planned_minutes for p in record.phases] == [10, 15, 30, 45, 10]
    assert [p.minutes for p in record.plan.phases] == [10, 15, 30, 45, 10]


def round_meeting(clock, minutes, people, seconds=90.0, steps=()):
    phase = PhaseRecord("coaching" if steps else "checkin", "Rondje", minutes, steps=list(steps))
    record = MeetingRecord("Rondje", "bijeenkomst", clock.now(), [phase], participants=list(people))
    return Meeting(record, clock, settings=Settings(round_seconds=seconds), rng=random.Random(1))


def test_a_round_gives_each_what_fits_the_phase_at_most_the_setting(clock):
    five = ["Anouk", "Bram", "Chris", "Dirk", "Esra"]
    assert round_meeting(clock, 2, five).speaking.seconds_per_person == 24
    assert round_meeting(clock, 20, five).speaking.seconds_per_person == 90
    in_step = round_meeting(clock, 30, five, steps=[StepRecord("Uitleg", 5), StepRecord("Rondje", 4, round=True)])
    in_step.advance()
    assert in_step.speaking.seconds_per_person == 48
    absent = round_meeting(clock, 2, five)
    absent.set_attendance({"Dirk": "afgemeld", "Esra": "komt later"})
    assert absent.speaking.seconds_per_person == 40 and absent.speaking.count == 3
