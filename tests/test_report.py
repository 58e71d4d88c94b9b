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
    assert "deelnemers: Anouk, Bram" in report
    assert "## Acties\n\n- artikel rondsturen @Anouk — Anouk\n- @Bram belt de wijkagent — Bram" in report
    assert "## Afspraken\n\n- volgende keer om 19:00" in report
    assert "| Opstart en check-in | 10 min | 1 min |" in report
    assert "### Opstart en check-in\n\nIedereen is er." in report
    assert "vertrouwelijk." not in report.replace("sommige zijn vertrouwelijk", "")
    assert "geheim inzicht" not in report and "Inzichten" not in report
    assert "### Onderlinge coaching" not in report


def test_report_shows_the_checkout_and_the_roti_average():
    from lerend_tui.record import Checkout

    record = sample_record()
    record.checkout = [Checkout("Anouk", "energiek", 5), Checkout("Bram", "moe", 4)]
    report = markdown_report(record)
    assert "## Check-out\n\n- Anouk: energiek (ROTI 5)\n- Bram: moe (ROTI 4)\n\nGemiddelde ROTI: 4,5" in report
