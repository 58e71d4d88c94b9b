from hypothesis import given, settings
from hypothesis import strategies as st

from lerend_tui.meeting.items import Item, NotesItems, parse_items


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
    from lerend_tui.meeting.items import with_commitments

    notes = with_commitments("Goede avond.", {"Anouk de Vries": "belt de wijkagent", "Bram": "leest het artikel"})
    assert notes == ("Goede avond.\nStok achter de deur: @Anouk belt de wijkagent\n"
                     "Stok achter de deur: @Bram leest het artikel\n")
    assert with_commitments(notes, {"Bram": "leest het artikel"}) == notes
    assert [(item.kind, item.owner) for item in parse_items(notes, "Afsluiting")] == [("stok", "Anouk"), ("stok", "Bram")]


# Pieces of notes: labelled lines, text, and every line break `str.splitlines` knows (a "\r" before a
# "\n" and a "\n" typed after a "\r" make one break of two).
NOTES_PIECE = st.one_of(
    st.sampled_from(["Actie: bellen @Anouk", "- inzicht: luisteren", "Afspraak:", "Stok achter de deur: @Bram x",
                     "LEERVRAAG: waarom?", "gewoon tekst", "actie", ":", "@Chris", " ", "\n", "\r", "\r\n",
                     "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\n\n"]),
    st.text(max_size=8),
)
EDIT = st.tuples(st.floats(0, 1), st.integers(0, 12), st.lists(NOTES_PIECE, max_size=3).map("".join))
"""Where in the notes (a fraction of their length), how many characters are deleted there, what is typed."""


@settings(max_examples=300, deadline=None)
@given(first=st.lists(NOTES_PIECE, max_size=30).map("".join), edits=st.lists(EDIT, min_size=1, max_size=12),
       titles=st.lists(st.sampled_from(["Ronde", "Ronde", "Casus"]), min_size=12, max_size=12))
def test_items_of_notes_read_again_only_where_they_changed_are_the_items(first, edits, titles):
    """Every edit (typing, deleting or replacing anywhere, line breaks included) gives the items of reading
    the whole notes again."""
    found = NotesItems()
    notes = first
    assert found.items(notes, "Ronde") == parse_items(notes, "Ronde")
    for (at, deleted, typed), title in zip(edits, titles):
        start = round(at * len(notes))
        notes = notes[:start] + typed + notes[start + deleted:]
        assert found.items(notes, title) == parse_items(notes, title)


def test_typing_at_the_end_of_a_megabyte_of_notes_reads_only_the_last_line(monkeypatch):
    import lerend_tui.meeting.items as items

    notes = "Actie: bellen @Anouk\ngewoon tekst\n" * 30000
    found = NotesItems()
    assert len(found.items(notes, "Ronde")) == 30000
    lines_read = []
    item = items._item
    monkeypatch.setattr(items, "_item", lambda line, phase: lines_read.append(line) or item(line, phase))
    assert found.items(notes + "Inzicht: luist", "Ronde")[-1] == Item("inzicht", "luist", "", "Ronde")
    assert lines_read == ["Inzicht: luist"]
    assert len(found.items(notes + "Inzicht: luist", "Ronde")) == 30001 and lines_read == ["Inzicht: luist"]
