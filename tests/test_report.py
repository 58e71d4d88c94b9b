from lerend_tui.items import Item
from lerend_tui.report import markdown_report

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
    assert "## Acties\n\n**Anouk**\n\n- artikel rondsturen @Anouk\n\n**Bram**\n\n- @Bram belt de wijkagent" in report
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
    from lerend_tui.record import Checkout

    record = sample_record()
    record.checkout = [Checkout("Anouk", "energiek", 5), Checkout("Bram", "moe", 4)]
    report = markdown_report(record)
    assert "## Check-out\n\n- Anouk: energiek (ROTI 5)\n- Bram: moe (ROTI 4)\n\nGemiddelde ROTI: 4,5" in report


def test_export_of_a_whole_meeting_reads_as_a_mail(snapshot):
    """The whole report of a finished meeting, as a facilitator would mail it (review changes to it)."""
    from .test_review_screen import october_meeting

    assert markdown_report(october_meeting(), without=["coaching"]) == snapshot
