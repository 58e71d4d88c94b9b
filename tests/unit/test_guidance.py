"""The guidance never stops mid-sentence: where its rows run out it ends after a whole sentence."""

from textual.content import Content

from lerend_tui.widgets.guidance import fit_whole_sentences

TEXT = Content("Heet iedereen welkom en kom samen aan. Een korte ronde waarin ieder zegt waarmee hij of zij "
               "binnenkomt, zodat iedereen gehoord is. Blik kort terug op de vorige keer.\n• Waarmee kom je binnen?")


def test_what_fits_is_shown_whole():
    assert fit_whole_sentences(TEXT, 200, 3) == TEXT


def test_where_the_rows_run_out_it_ends_after_a_whole_sentence():
    shown = fit_whole_sentences(TEXT, 44, 3).plain
    assert shown == ("Heet iedereen welkom en kom samen aan. Een korte ronde waarin ieder zegt waarmee hij of zij "
                     "binnenkomt, zodat iedereen gehoord is. …")
    assert len(Content(shown).wrap(44)) <= 3
    assert fit_whole_sentences(TEXT, 44, 1).plain == "Heet iedereen welkom en kom samen aan. …"


def test_a_line_ends_a_piece_too():
    text = Content("Eerst dit\nDan dat, wat langer duurt dan de ruimte die er is op het scherm van de zaal")
    assert fit_whole_sentences(text, 30, 2).plain == "Eerst dit …"
