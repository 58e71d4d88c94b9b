from lerend_tui.meeting.items import Item
from lerend_tui.reports.meeting import markdown_report

from .test_record import sample_record


def test_report_has_items_times_and_notes_and_leaves_out_confidential_phases():
    record = sample_record(notes=("Iedereen is er.", "", "", "Casus van Bram: vertrouwelijk.", "Goede avond."))
    record.items = [
        Item("actie", "@Bram belt de wijkagent", "Bram", "Opstart en check-in"),
        Item("actie", "artikel rondsturen @Anouk", "Anouk", "Opstart en check-in"),
        Item("afspraak", "volgende keer om 19:00", "", "Evaluatie en afsluiting"),
        Item("inzicht", "geheim inzicht", "", "Onderlinge coaching"),
    ]
    report = markdown_report(record, without=["coaching"])
    assert report.startswith("# Zorgnetwerk\n")
    assert "Verslag van de bijeenkomst van dinsdag 24 november 2026, 19:02.\nAanwezig: Anouk, Bram." in report
    assert "## Acties\n\n**Anouk**\n\n- artikel rondsturen Anouk\n\n**Bram**\n\n- Bram belt de wijkagent" in report
    assert "## Afspraken\n\n- volgende keer om 19:00" in report
    assert "| Opstart en check-in | 10 min | 1 min |" in report
    assert "| **Totaal** | **110 min** | **1 min** |" in report
    assert "### Opstart en check-in\n\nIedereen is er." in report
    assert "vertrouwelijk." not in report.replace("sommige zijn vertrouwelijk", "")
    assert "geheim inzicht" not in report and "Inzichten" not in report
    assert "### Onderlinge coaching" not in report
    assert "### Reflectie" not in report, "a phase without notes adds nothing to a mail"


def test_headings_in_the_notes_stay_below_the_phase_headings():
    record = sample_record(notes=("# Rondje\n\n## Wie is er?\n\nIedereen.", "", "", "", ""))
    report = markdown_report(record)
    assert "### Opstart en check-in\n\n#### Rondje\n\n##### Wie is er?\n\nIedereen." in report


def test_report_shows_the_checkout_and_the_roti_average():
    from lerend_tui.meeting.record import Checkout

    record = sample_record()
    record.checkout = [Checkout("Anouk", "energiek", 5), Checkout("Bram", "moe", 4)]
    report = markdown_report(record)
    assert "## Check-out\n\n- Anouk: energiek (ROTI 5)\n- Bram: moe (ROTI 4)\n\nGemiddelde ROTI: 4,5" in report


def test_export_of_a_whole_meeting_reads_as_a_mail(snapshot):
    """The whole report of a finished meeting, as a facilitator would mail it (review changes to it)."""
    from .test_review_screen import october_meeting

    assert markdown_report(october_meeting(), without=["coaching"]) == snapshot


# -- a meeting run from a plan -----------------------------------------------------------------------------


def planned_meeting():
    """A finished meeting run from a plan, every phase exactly as long as planned."""
    from datetime import timedelta

    from lerend_tui.plans.plan import MeetingPlan, plan_to_record
    from lerend_tui.templates import load_templates

    from .test_plan_record import START

    plan = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="Avond december",
                                     title="Bijeenkomst december")
    plan.theme, plan.goal = "Eenzaamheid in de wijk", "Elkaars aanpak leren kennen"
    plan.phases[2].content_by = "Anouk"
    plan.phases[3].case_by, plan.phases[3].workform = "Bram", "troika-consulting"
    record = plan_to_record(plan, planned_start=START, participants=["Anouk", "Bram"])
    moment = record.started = START
    for phase in record.phases:
        phase.started, phase.elapsed_seconds = moment, 60.0 * phase.planned_minutes
        moment = phase.ended = moment + timedelta(minutes=phase.planned_minutes)
    record.ended = moment
    return record


def plan_section(report: str) -> str:
    return report.split("## Planning en verloop\n\n")[1].split("\n## ")[0]


def test_report_shows_theme_goal_and_who_brought_what():
    record = planned_meeting()
    record.phases[2].notes = "Over de wijk."
    report = markdown_report(record)
    assert "Aanwezig: Anouk, Bram.\n\n**Thema:** Eenzaamheid in de wijk  \n**Doel:** Elkaars aanpak leren kennen\n" in report
    assert "### Inhoud op het thema + opdracht\n\n_Inhoud: Anouk_\n\nOver de wijk." in report
    assert "### Onderlinge coaching\n\n_Casus: Bram_\n" in report, "who brought a case is worth a line on its own"
    confidential = markdown_report(record, without=["coaching"])
    assert "Bram_" not in confidential and "### Onderlinge coaching" not in confidential


def test_a_meeting_that_went_as_planned_says_so_in_one_line():
    report = markdown_report(planned_meeting())
    assert plan_section(report) == "Volgens de planning ‘Avond december’.\n\nAlles ging volgens plan.\n"
    assert report.index("## Verloop") < report.index("## Planning en verloop") < report.index("## Notities per fase")
    running = planned_meeting()
    running.ended = None
    assert plan_section(markdown_report(running)).endswith("\n\nTot nu toe gaat alles volgens plan.\n")


def test_a_report_without_a_plan_has_no_plan_section():
    assert "Planning en verloop" not in markdown_report(sample_record())


def test_the_plan_section_lists_only_what_differed():
    from lerend_tui.meeting.record import PhaseRecord

    record = planned_meeting()
    record.phases[1].elapsed_seconds = 22 * 60 + 10  # reflection ran long
    record.phases[4].elapsed_seconds = 7 * 60  # the closing short
    record.phases[3].workform = "socratische-intervisie"
    record.phases[2].roles["inhoud"] = "Chris"
    pause = PhaseRecord("reflectie", "Pauze", 10, started=record.phases[2].ended, elapsed_seconds=600.0)
    record.phases.insert(3, pause)
    assert plan_section(markdown_report(record)) == (
        "Volgens de planning ‘Avond december’.\n\n"
        "- Reflectie of verbindende opdracht: 22 min in plaats van 15 (7 min langer).\n"
        "- Inhoud op het thema + opdracht: inhoud van Chris in plaats van Anouk.\n"
        "- Pauze: toegevoegd, niet gepland.\n"
        "- Onderlinge coaching: werkvorm ‘socratische-intervisie’ in plaats van ‘troika-consulting’.\n"
        "- Evaluatie en afsluiting: 7 min in plaats van 10 (3 min korter).\n"
    )


def test_the_plan_section_names_phases_left_out_or_skipped():
    record = planned_meeting()
    del record.phases[1]
    record.phases[2].started, record.phases[2].elapsed_seconds = None, 0.0
    lines = plan_section(markdown_report(record)).splitlines()
    assert lines[2:] == ["- Reflectie of verbindende opdracht: stond gepland (15 min), maar is weggelaten.",
                         "- Onderlinge coaching: overgeslagen."]
    record.ended = None  # still running: a phase not yet started is simply still to come
    assert "overgeslagen" not in markdown_report(record)


def test_the_plan_section_names_work_formats_by_their_names():
    from lerend_tui.catalogue.workforms import load_catalogue

    name_of = load_catalogue(None).name_of
    record = planned_meeting()
    record.phases[3].workform = "socratische-intervisie"
    assert ("- Onderlinge coaching: werkvorm ‘Socratische intervisie’ in plaats van ‘Trojka-consult’."
            in plan_section(markdown_report(record, workform_name=name_of)))
    record.phases[2].workform = "troika-consulting"  # the plan had none here
    assert ("- Inhoud op het thema + opdracht: werkvorm ‘Trojka-consult’, niet gepland."
            in plan_section(markdown_report(record, workform_name=name_of)))
