from lerend_tui.items import Item, parse_items


def test_labelled_lines_become_items_with_their_owner():
    notes = (
        "Gesprek over de casus van Bram.\n"
        "Afspraak: volgende keer om 19:00 beginnen\n"
        "  - actie: @Anouk stuurt het artikel rond\n"
        "LEERVRAAG: hoe houd ik het gesprek open? @Bram\n"
        "Inzicht: vragen stellen werkt beter dan advies\n"
        "Stok achter de deur: @Chris belt @Dewi over twee weken\n"
        "Actie:\n"
        "Geen actie: dit is gewoon tekst"
    )
    assert parse_items(notes, "Onderlinge coaching") == [
        Item("afspraak", "volgende keer om 19:00 beginnen", "", "Onderlinge coaching"),
        Item("actie", "@Anouk stuurt het artikel rond", "Anouk", "Onderlinge coaching"),
        Item("leervraag", "hoe houd ik het gesprek open? @Bram", "Bram", "Onderlinge coaching"),
        Item("inzicht", "vragen stellen werkt beter dan advies", "", "Onderlinge coaching"),
        Item("stok", "@Chris belt @Dewi over twee weken", "Chris", "Onderlinge coaching"),
    ]


def test_no_items_in_plain_notes():
    assert parse_items("Iedereen is er.\nWe beginnen later.", "Check-in") == []


def test_what_a_kick_off_collects_is_captured_too():
    notes = "Verwachting: @Anouk praktische tips\nleervoorkeur: @Bram door te doen\nRandvoorwaarde: om de zes weken"
    assert [(item.kind, item.owner) for item in parse_items(notes, "Kick-off")] == [
        ("verwachting", "Anouk"), ("voorkeur", "Bram"), ("randvoorwaarde", "")]


def test_commitments_from_the_closing_become_lines_of_the_notes_once():
    from lerend_tui.items import with_commitments

    notes = with_commitments("Goede avond.", {"Anouk de Vries": "belt de wijkagent", "Bram": "leest het artikel"})
    assert notes == ("Goede avond.\nStok achter de deur: @Anouk belt de wijkagent\n"
                     "Stok achter de deur: @Bram leest het artikel\n")
    assert with_commitments(notes, {"Bram": "leest het artikel"}) == notes
    assert [(item.kind, item.owner) for item in parse_items(notes, "Afsluiting")] == [("stok", "Anouk"), ("stok", "Bram")]
