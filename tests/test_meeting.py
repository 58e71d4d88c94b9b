from datetime import timedelta

from lerend_tui.meeting import Meeting
from lerend_tui.plan import load_templates
from lerend_tui.record import MeetingRecord


def new_meeting(clock, start_in_minutes=0):
    template = load_templates().get("bijeenkomst")
    record = MeetingRecord.from_template(
        template, title="Lerend netwerk zorg", participants=["Anouk", "Bram"],
        planned_start=clock.now() + timedelta(minutes=start_in_minutes),
    )
    return Meeting(record, clock, template)


def test_agenda_shows_planned_clock_times_from_the_start(clock):
    meeting = new_meeting(clock)
    times = [row.planned_at.strftime("%H:%M") for row in meeting.schedule().rows]
    assert times == ["19:00", "19:10", "19:25", "19:55", "20:40"]
    assert meeting.schedule().planned_end.strftime("%H:%M") == "20:50"


def test_a_whole_meeting_with_actual_times(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    for minutes in (12, 15, 25, 50, 10):
        meeting.set_notes(f"notities na {minutes} minuten")
        clock.advance(minutes=minutes)
        if meeting.is_last:
            meeting.finish()
        else:
            meeting.next()
    record = meeting.snapshot()
    assert record.started == clock.now() - timedelta(minutes=112)
    assert record.ended == clock.now()
    assert [round(p.elapsed_seconds / 60) for p in record.phases] == [12, 15, 25, 50, 10]
    assert all(p.started and p.ended for p in record.phases)
    assert record.phases[3].notes == "notities na 50 minuten"


def test_next_keeps_a_running_meeting_running_and_a_paused_one_paused(clock):
    meeting = new_meeting(clock)
    meeting.next()
    assert not meeting.timer.running and meeting.phases[0].ended is None
    meeting.toggle_timer()
    meeting.next()
    assert meeting.timer.running
    assert meeting.phases[1].ended is not None


def test_going_back_reopens_the_phase_and_its_time(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    clock.advance(minutes=4)
    meeting.next()
    clock.advance(minutes=1)
    meeting.previous()
    assert meeting.index == 0
    assert meeting.current.ended is None
    clock.advance(minutes=2)
    assert meeting.timer.elapsed == 6 * 60


def test_schedule_says_how_far_behind_or_ahead(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    clock.advance(minutes=15)  # check-in planned 10
    assert meeting.schedule().summary == "5 min achter op schema"
    meeting.next()
    clock.advance(minutes=5)
    meeting.next()  # reflectie done in 5 of 15 minutes
    assert meeting.schedule().summary == "5 min voor op schema"


def test_a_late_start_counts_and_an_early_look_does_not(clock):
    meeting = new_meeting(clock, start_in_minutes=30)
    assert meeting.schedule().summary == "op schema"
    clock.advance(minutes=33)
    assert meeting.schedule().summary == "3 min achter op schema"


def test_a_pause_pushes_the_projected_end(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    clock.advance(minutes=2)
    meeting.toggle_timer()
    clock.advance(minutes=7)
    assert meeting.schedule().delta_minutes == 7


def test_adjust_is_recorded_beside_the_plan(clock):
    meeting = new_meeting(clock)
    meeting.adjust(+1)
    meeting.adjust(+1)
    meeting.adjust(-1)
    assert meeting.current.planned_minutes == 10
    assert meeting.current.extra_minutes == 1
    assert meeting.timer.planned_seconds == 11 * 60
    for _ in range(20):
        meeting.adjust(-1)
    assert meeting.current.minutes == 1


def test_resume_picks_up_a_running_timer_from_the_record(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    clock.advance(minutes=3)
    record = meeting.snapshot()
    clock.advance(minutes=2)  # the program was closed for two minutes
    resumed = Meeting(record, clock)
    assert resumed.timer.running
    assert resumed.timer.elapsed == 5 * 60
