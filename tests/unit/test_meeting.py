import random
from datetime import timedelta

from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.meeting.running import Meeting
from lerend_tui.templates import load_templates


def new_meeting(clock, start_in_minutes=0, participants=(), settings=None, template="bijeenkomst"):
    template = load_templates().get(template) if isinstance(template, str) else template
    record = MeetingRecord.from_template(
        template, title="Lerend netwerk zorg", participants=list(participants),
        planned_start=clock.now() + timedelta(minutes=start_in_minutes),
    )
    return Meeting(record, clock, template, settings=settings, rng=random.Random(3))


def test_agenda_shows_the_clock_times_from_the_start(clock):
    meeting = new_meeting(clock)
    times = [row.at.strftime("%H:%M") for row in meeting.schedule().rows]
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
            meeting.advance()
    record = meeting.snapshot()
    assert record.started == clock.now() - timedelta(minutes=112)
    assert record.ended == clock.now()
    assert [round(p.elapsed_seconds / 60) for p in record.phases] == [12, 15, 25, 50, 10]
    assert all(p.started and p.ended for p in record.phases)
    assert record.phases[3].notes == "notities na 50 minuten"


def test_next_keeps_a_running_meeting_running_and_a_paused_one_paused(clock):
    meeting = new_meeting(clock)
    meeting.advance()
    assert not meeting.timer.running and meeting.phases[0].ended is None
    meeting.toggle_timer()
    meeting.advance()
    assert meeting.timer.running
    assert meeting.phases[1].ended is not None


def test_going_back_reopens_the_phase_and_its_time(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    clock.advance(minutes=4)
    meeting.advance()
    clock.advance(minutes=1)
    meeting.back()
    assert meeting.index == 0
    assert meeting.current.ended is None
    clock.advance(minutes=2)
    assert meeting.timer.elapsed == 6 * 60


def test_schedule_says_how_far_behind_or_ahead(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    clock.advance(minutes=15)  # check-in planned 10
    assert meeting.schedule().summary == "5 min achter op schema"
    meeting.advance()
    clock.advance(minutes=5)
    meeting.advance()  # reflectie done in 5 of 15 minutes
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


# -- steps, speaking rounds, signals and re-budgeting ----------------------------------------------

from lerend_tui.common.settings import Settings  # noqa: E402
from lerend_tui.meeting.record import parse_record  # noqa: E402
from lerend_tui.storage.meetings import atomic_write_text  # noqa: E402
from lerend_tui.templates import MeetingTemplate, PhaseStep, TemplatePhase  # noqa: E402

STEPPED = MeetingTemplate(
    name="intervisie", title="Intervisie", description="",
    phases=(
        TemplatePhase("checkin", "Check-in", 5),
        TemplatePhase("coaching", "Incidentmethode", 12, steps=(
            PhaseStep("Inbreng", 5, "Vertel de casus."),
            PhaseStep("Vragenronde", 4, "Ieder stelt één vraag.", round=True),
            PhaseStep("Advies", 3, "Geef advies."),
        )),
        TemplatePhase("afsluiting", "Afsluiting", 5),
    ),
)


def test_checkin_is_a_speaking_round_in_a_seeded_order(clock):
    meeting = new_meeting(clock, participants=["Anouk", "Bram", "Chris"])
    assert meeting.speaking.order == new_meeting(clock, participants=["Anouk", "Bram", "Chris"]).speaking.order
    first, second = meeting.speaking.order[:2]
    assert meeting.focus().label == f"Nu: {first} — daarna: {second}"
    meeting.toggle_timer()
    clock.advance(80)
    assert meeting.focus().reading.remaining == 10  # 1½ min per person
    assert meeting.advance() == "turn"
    assert meeting.focus().reading.remaining == 90 and meeting.speaking.running
    meeting.advance(), meeting.advance()
    assert meeting.speaking.finished and meeting.focus().kind == "phase"
    assert meeting.advance() == "phase" and meeting.index == 1


def test_round_order_as_listed_and_time_from_settings(clock):
    settings = Settings(round_random=False, round_seconds=60)
    meeting = new_meeting(clock, participants=["Anouk", "Bram"], settings=settings)
    assert meeting.speaking.order == ["Anouk", "Bram"]
    assert meeting.focus().reading.planned == 60


def test_no_round_without_participants(clock):
    assert new_meeting(clock).speaking is None


def test_steps_run_with_the_phase_and_n_moves_by_step(clock):
    meeting = new_meeting(clock, participants=["Anouk", "Bram"], template=STEPPED)
    meeting.go_to(1)
    meeting.toggle_timer()
    focus = meeting.focus()
    assert (focus.kind, focus.label, focus.reading.planned) == ("step", "Stap 1 van 3: Inbreng", 300)
    clock.advance(minutes=6)
    assert meeting.focus().reading.text == "+01:00"
    assert meeting.reading().remaining == 6 * 60  # the phase timer runs along
    assert meeting.advance() == "step"
    assert meeting.speaking is not None and meeting.focus().kind == "turn"  # the step is a round
    clock.advance(30)
    meeting.advance(), meeting.advance()  # both speakers done
    assert meeting.focus().kind == "step" and meeting.step.title == "Vragenronde"
    assert meeting.focus().reading.elapsed == 30
    assert meeting.advance() == "step" and meeting.step.title == "Advies"
    assert meeting.back() == "step" and meeting.step.title == "Vragenronde"
    assert meeting.coming_up() == "Daarna: Advies"
    meeting.advance()
    assert meeting.advance() == "phase" and meeting.index == 2
    assert [step.elapsed_seconds for step in meeting.phases[1].steps] == [360, 30, 0]


def test_steps_and_round_survive_a_restart(clock, tmp_path):
    meeting = new_meeting(clock, participants=["Anouk", "Bram"], template=STEPPED)
    meeting.go_to(1)
    meeting.toggle_timer()
    clock.advance(minutes=5)
    meeting.advance()
    clock.advance(40)
    path = tmp_path / "m.toml"
    atomic_write_text(path, meeting.snapshot().to_toml())
    assert "deadline = " in path.read_text(encoding="utf-8")
    clock.advance(10)
    resumed = Meeting(parse_record(path), clock, STEPPED)
    assert resumed.step.title == "Vragenronde"
    assert resumed.speaking.order == meeting.speaking.order and resumed.speaking.running
    assert resumed.focus().reading.elapsed == 50
    assert resumed.reading().elapsed == 350


def test_signals_ring_once_at_zero_and_warn_once(clock):
    meeting = new_meeting(clock)
    meeting.toggle_timer()
    assert meeting.signals() == []
    clock.advance(minutes=8)
    assert meeting.signals() == ["warning"]
    assert meeting.signals() == []
    clock.advance(minutes=2)
    assert meeting.signals() == ["bell"]
    clock.advance(minutes=1)
    assert meeting.signals() == []


def test_auto_advance_moves_a_step_on_at_zero(clock):
    meeting = new_meeting(clock, template=STEPPED, settings=Settings(auto_advance_steps=True))
    meeting.go_to(1)
    meeting.toggle_timer()
    clock.advance(minutes=5)
    assert "advanced" in meeting.signals()
    assert meeting.step.title == "Vragenronde"


def test_hold_at_zero_setting(clock):
    meeting = new_meeting(clock, settings=Settings(count_up_overtime=False))
    meeting.toggle_timer()
    clock.advance(minutes=11)
    reading = meeting.reading()
    assert reading.text == "00:00" and reading.words == "de tijd is om" and reading.remaining == -60


def test_rebudget_scales_the_rest_and_keeps_the_plan(clock):
    meeting = new_meeting(clock)
    assert meeting.rebudget() is None
    meeting.toggle_timer()
    clock.advance(minutes=20)  # check-in planned 10: ten minutes over
    proposal = meeting.rebudget()
    assert proposal.fits and sum(proposal.minutes) == 15 + 30 + 45 + 10 - 10
    meeting.accept_rebudget()
    assert [p.minutes for p in meeting.phases[1:]] == proposal.minutes
    assert [p.planned_minutes for p in meeting.phases[1:]] == [15, 30, 45, 10]
    assert meeting.schedule().summary == "op schema"
    assert meeting.rebudget() is None


def test_a_drawn_work_format_runs_as_steps_and_is_recorded(clock):
    from lerend_tui.catalogue.workforms import load_catalogue

    troika = load_catalogue().get("troika-consulting")
    meeting = new_meeting(clock, participants=["Anouk", "Bram", "Chris"])
    meeting.go_to(3)
    filters = meeting.draw_filters()
    assert (filters.phase, filters.people, filters.minutes) == ("coaching", 3, 45)
    meeting.toggle_timer()
    clock.advance(minutes=2)
    meeting.apply_workform(troika, {"inbrenger": "Bram", "consultant": "Chris"})
    assert meeting.step.title == troika.steps[0].title
    assert meeting.focus().reading.elapsed == 0 and meeting.focus().reading.planned == 60 * troika.steps[0].minutes
    clock.advance(minutes=troika.steps[0].minutes)
    assert meeting.advance() == "step"
    record = meeting.snapshot()
    assert record.phases[3].workform == "troika-consulting"
    assert record.phases[3].roles == {"inbrenger": "Bram", "consultant": "Chris"}
    assert len(record.phases[3].steps) == len(troika.steps)


def test_history_of_earlier_meetings(clock):
    from lerend_tui.catalogue.picker import History

    first, second, stray = (new_meeting(clock).record for _ in range(3))
    first.phases[3].workform, first.phases[3].roles = "roddelmethode", {"inbrenger": "Anouk"}
    second.phases[3].workform = "balintmethode"
    first.started = second.started = clock.now()  # they ran
    stray.phases[3].roles = {"inbrenger": "Bram"}  # a meeting that never ran: nobody had its roles
    history = History.of([stray, second, first])
    assert history.used == [[], ["balintmethode"], ["roddelmethode"]]
    assert history.roles == [{}, {"inbrenger": "Anouk"}]


def test_snapshot_collects_the_items_of_every_phase(clock):
    meeting = new_meeting(clock)
    meeting.set_notes("Afspraak: we beginnen op tijd")
    meeting.go_to(4)
    meeting.set_notes("Stok achter de deur: @Bram belt Anouk")
    items = meeting.snapshot().items
    assert [(item.kind, item.owner, item.phase) for item in items] == [
        ("afspraak", "", "Opstart en check-in"), ("stok", "Bram", "Evaluatie en afsluiting")]
