"""The beamer's block fonts (lerend_tui.beamer.font): the glyph files, the scale chooser, rendering, the
fallbacks, fitting and wrapping. Plain unit tests, no Textual."""

from __future__ import annotations

import pytest

from lerend_tui.beamer.font import (
    DIGITS,
    LETTERS,
    MAX_TALL,
    MAX_WIDE,
    REPLACEMENT,
    Scale,
    cell_rows,
    largest_scale,
    load,
    parse,
)
from lerend_tui.common.validation import DataError

BLOCKS = set("█▀▄")
TEXTS = ["12:34", "+03:12", "00:00", "-5:07", "88:88", "+1:05:00"]
DUTCH_ACCENTS = "ÁÀÂÄÉÈÊËÍÌÎÏÓÒÔÖÚÙÛÜÇÑ"
PUNCTUATION = ".,:;!?-+'\"()/&%=·–— "


def assert_fits(lines: list[str], width: int, height: int) -> None:
    assert len(lines) <= height
    assert len({len(line) for line in lines}) <= 1, "lines of unequal length"
    assert all(len(line) <= width for line in lines)


# The glyph files

@pytest.mark.parametrize("font", [DIGITS, LETTERS], ids=["digits", "letters"])
def test_every_glyph_has_the_fonts_height_and_rows_of_one_width(font):
    assert font.glyphs
    for char, glyph in font.glyphs.items():
        assert len(glyph) == font.height, char
        assert len({len(row) for row in glyph}) == 1, char
        assert glyph[0], char


def test_the_fonts_are_package_data_read_once():
    assert load("digits").glyphs == DIGITS.glyphs
    assert DIGITS.height == 5 and LETTERS.height == 8


def test_the_digits_share_one_width_so_a_countdown_does_not_shift():
    assert {len(DIGITS.glyphs[digit][0]) for digit in "0123456789"} == {3}
    assert len(DIGITS.glyphs[":"][0]) == 1
    assert len(DIGITS.glyphs["+"][0]) == len(DIGITS.glyphs["-"][0]) == 3


def test_the_letters_cover_what_the_room_reads():
    wanted = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + DUTCH_ACCENTS + PUNCTUATION
    assert set(wanted) <= set(LETTERS.glyphs)
    assert len(LETTERS.glyphs["M"][0]) > len(LETTERS.glyphs["E"][0]) < len(LETTERS.glyphs["W"][0])


def ink_rows(glyph):
    return {row for row, pixels in enumerate(glyph) if any(pixels)}


def test_capitals_stay_clear_of_the_accent_rows_and_accents_of_the_capitals():
    """Row 0 is for accents, row 1 always paper, rows 2-6 the capitals, row 7 what hangs below."""
    for char in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        assert ink_rows(LETTERS.glyphs[char]) <= set(range(2, 7)), char
    for char, glyph in LETTERS.glyphs.items():
        assert not any(glyph[1]), char


@pytest.mark.parametrize("accented", list(DUTCH_ACCENTS))
def test_an_accented_capital_is_its_base_letter_with_a_mark(accented):
    import unicodedata

    base = unicodedata.normalize("NFD", accented)[0]
    glyph, plain = LETTERS.glyphs[accented], LETTERS.glyphs[base]
    assert glyph != plain
    assert glyph[2:7] == plain[2:7]  # the letter itself unchanged
    assert LETTERS.render(accented, Scale(2, 2)) != LETTERS.render(base, Scale(2, 2))


def test_accents_of_one_letter_differ_from_each_other():
    for family in ("ÁÀÂÄ", "ÉÈÊË", "ÍÌÎÏ", "ÓÒÔÖ", "ÚÙÛÜ"):
        assert len({LETTERS.glyphs[char] for char in family}) == 4, family


@pytest.mark.parametrize(("art", "message"), [
    ("[A]\n##\n#\n[?]\n##\n##\n[space]\n..\n..", "niet even breed"),
    ("[A]\n##\n##\n[?]\n##\n[space]\n..\n..", "1 rijen hoog"),
    ("[A]\n#x\n##\n[?]\n##\n##\n[space]\n..\n..", "'#x'"),
    ("[AB]\n##\n", "geen teken"),
    ("[A]\n##\n[A]\n##", "twee keer"),
    ("[A]\n##\n[space]\n..", "ontbreekt"),
    ("only a description", "geen enkel teken"),
])
def test_a_malformed_font_is_named_with_its_line(art, message):
    with pytest.raises(DataError, match=message) as raised:
        parse("test.txt", art)
    assert "test.txt" in str(raised.value)


def test_the_error_names_the_glyphs_line():
    with pytest.raises(DataError, match="regel 6"):
        parse("test.txt", "Een font.\n\n[A]\n##\n#.\n[B]\n##\n[?]\n##\n##\n[space]\n..\n..")


# Text as the fonts draw it

def test_lower_case_is_shown_in_capitals_and_accents_kept():
    assert LETTERS.text("café één ideeën") == "CAFÉ ÉÉN IDEEËN"
    assert LETTERS.text("façade, señor") == "FAÇADE, SEÑOR"


def test_a_character_without_a_glyph_falls_back_to_its_base_letter_or_a_visible_replacement():
    assert LETTERS.text("ĳsje") == "IJSJE"  # the ligature as I and J
    assert LETTERS.text("Ĳssel") == "IJSSEL"
    assert LETTERS.text("Łódź ŵ") == "?ÓDZ W"  # Ł has no decomposition: the replacement
    assert LETTERS.text("auto’s “nu” …") == "AUTO'S \"NU\" ..."
    assert LETTERS.text("a\tb\nc\u00a0d") == "A B C D"
    assert LETTERS.text("€ @ 😀 \u0301") == "? ? ? ?"
    assert DIGITS.text("12h34") == f"12{REPLACEMENT}34"


def test_every_character_renders_without_a_crash():
    text = "".join(map(chr, range(32, 0x3000, 7)))
    for font in (DIGITS, LETTERS):
        rows = font.render(text, Scale(1, 1))
        assert len(rows) == cell_rows(font.height, 1) and set("".join(rows)) <= {" ", *BLOCKS}


def test_the_output_uses_only_the_four_characters_every_font_has():
    for scale in (Scale(1, 1), Scale(1, 2), Scale(2, 1), Scale(3, 5)):
        rows = LETTERS.render("ÉÉN, TWEE; DRIE? (80%)", scale)
        assert set("".join(rows)) <= {" ", "▀", "▄", "█"}


# Widths and sizes

def test_widths_are_exact():
    assert LETTERS.width("") == 0
    assert LETTERS.width("A") == 4
    assert LETTERS.width("AM") == 4 + 1 + 5
    assert LETTERS.width("i j") == 3 + 1 + 2 + 1 + 4  # a space is 2 pixels
    assert LETTERS.width("ĳ") == LETTERS.width("IJ") == 3 + 1 + 4
    assert DIGITS.width("12:34") == 4 * 3 + 1 + 4
    assert DIGITS.width("+88:88") == 5 * 3 + 1 + 5


@pytest.mark.parametrize("scale", [Scale(1, 1), Scale(2, 1), Scale(1, 2), Scale(3, 3), Scale(4, 7)])
@pytest.mark.parametrize("text", ["12:34", "+03:12", "NU: ANNE-MARIE", "É"])
def test_rendered_size_is_size(text, scale):
    font = DIGITS if text[0] in "+1" else LETTERS
    rows = font.render(text, scale)
    assert (len(rows[0]), len(rows)) == font.size(text, scale)
    assert len({len(row) for row in rows}) == 1


def test_renders_the_glyphs():
    assert DIGITS.render("1-", Scale(1, 1)) == [
        "▄█     ",
        " █  ▀▀▀",
        "▀▀▀    ",
    ]
    assert DIGITS.render("1", Scale(1, 2)) == [" █ ", "██ ", " █ ", " █ ", "███"]


def test_full_rows_only_when_the_scale_is_even():
    assert set("".join(DIGITS.render("12:34", Scale(5, 4)))) <= {" ", "█"}
    assert set("".join(DIGITS.render("12:34", Scale(5, 5)))) & {"▀", "▄"}  # 12.5 rows: half blocks


def test_rendering_is_pure():
    first = LETTERS.render("PAUZE", Scale(2, 2))
    first.append("mutated by the caller")
    assert LETTERS.render("PAUZE", Scale(2, 2)) == first[:-1]


# The scale chooser

@pytest.mark.parametrize(("pixels", "box", "scale"), [
    ((19, 5), (96, 20), Scale(5, 8)),     # width 96 // 19 = 5 columns, height 2 * 20 // 5 = 8 half rows
    ((19, 5), (96, 40), Scale(5, 10)),    # 16 half rows would fit: at most twice as tall as wide
    ((19, 5), (400, 10), Scale(8, 4)),    # 21 columns would fit: at most twice as wide as tall
    ((19, 5), (19, 3), Scale(1, 1)),      # the smallest
    ((19, 5), (18, 30), None),            # too narrow
    ((19, 5), (96, 2), None),             # 5 half rows need 3 rows
    ((0, 5), (96, 20), None),             # nothing to draw
    ((8, 8), (80, 4), Scale(2, 1)),       # 8 half rows of letters in 4 rows
])
def test_the_largest_scale(pixels, box, scale):
    assert largest_scale(*pixels, *box) == scale


def test_the_scale_keeps_the_pixels_shape_and_fills_what_it_can():
    for width in range(19, 301, 7):
        for height in range(3, 81, 3):
            sx, hy = largest_scale(19, 5, width, height)
            assert hy <= MAX_TALL * sx and sx <= MAX_WIDE * hy
            assert 19 * sx <= width and -(-5 * hy // 2) <= height
            # one more in either direction breaks the box or the shape
            assert 19 * (sx + 1) > width or sx + 1 > MAX_WIDE * hy
            assert 5 * (hy + 1) > 2 * height or hy + 1 > MAX_TALL * sx


def test_a_bigger_box_never_gives_smaller_digits():
    sizes = [DIGITS.size("12:34", DIGITS.scale_for("12:34", 10 * n, 3 * n)) for n in range(2, 20)]
    assert sizes == sorted(sizes)


def test_render_in_fits_every_box_and_falls_back_to_plain_text():
    for text in TEXTS:
        for width in range(1, 201, 3):
            for height in range(1, 61, 2):
                lines = DIGITS.render_in(text, width, height)
                assert_fits(lines, width, height)
                assert lines, (text, width, height)
    assert DIGITS.render_in("12:34", 40, 2) == ["12:34"]
    assert DIGITS.render_in("12:34", 3, 10) == ["12:"]
    assert DIGITS.render_in("12:34", 0, 10) == []
    assert DIGITS.render_in("12:34", 10, 0) == []
    assert DIGITS.render_in("", 96, 20) == []
    assert len(DIGITS.render_in("12:34", 17, 3)) == 3


# Fitting and wrapping

def test_first_fitting_takes_the_fullest_text_that_fits():
    options = ["NU: ANNE-MARIE VAN DER BERG", "ANNE-MARIE VAN DER BERG", "ANNE-MARIE"]
    widths = [LETTERS.width(text) for text in options]
    assert LETTERS.first_fitting(options, widths[0], 4) == (options[0], Scale(1, 1))
    assert LETTERS.first_fitting(options, widths[0] - 1, 4) == (options[1], Scale(1, 1))
    assert LETTERS.first_fitting(options, widths[2], 4) == (options[2], Scale(1, 1))
    assert LETTERS.first_fitting(options, widths[2] - 1, 4) is None
    assert LETTERS.first_fitting(options, widths[2], 2) is None  # 5 half rows need 3 rows
    # at least two columns per pixel: only the short name is that large in this box
    assert LETTERS.first_fitting(options, 2 * widths[2], 8, Scale(2, 2)) == (options[2], Scale(2, 3))


def test_wrap_makes_the_letters_as_large_as_the_box_allows():
    lines, scale = LETTERS.wrap("Pauze tot 20:15", 90, 20)
    assert lines == ["PAUZE TOT", "20:15"] and scale == Scale(2, 3)  # 8 + 5 pixels high: 3 half rows each
    assert LETTERS.width("PAUZE TOT 20:15") == 65
    assert LETTERS.wrap("Pauze tot 20:15", 195, 8) == (["PAUZE TOT 20:15"], Scale(3, 3))
    assert LETTERS.wrap("Pauze", 200, 60)[1] == Scale(8, 16)  # 200 // 24 columns, at most twice as tall


def test_wrapped_lines_fit_the_box():
    message = "Koffie en thee staan klaar in de gang; we gaan om kwart over acht verder"
    for width in range(20, 200, 11):
        for height in range(4, 50, 5):
            result = LETTERS.wrap(message, width, height)
            if result is None:
                continue
            lines, scale = result
            assert " ".join(lines).replace(" ", "") == LETTERS.text(message).replace(" ", "")
            assert all(LETTERS.width(line) * scale.sx <= width for line in lines)
            rows = LETTERS.render_lines(lines, scale)
            assert len(rows) == cell_rows(LETTERS.pixels_high(lines), scale.hy) <= height
            assert max(map(len, rows)) <= width and len(set(map(len, rows))) == 1
            assert scale.hy <= MAX_TALL * scale.sx and scale.sx <= MAX_WIDE * scale.hy


def test_wrap_breaks_a_word_only_when_nothing_else_fits():
    width = LETTERS.width("KOFFIE")
    assert LETTERS.wrap("koffie thee", width, 8) == (["KOFFIE", "THEE"], Scale(1, 1))
    lines, _ = LETTERS.wrap("koffiepauze", width, 8)
    assert lines == ["KOFFIE", "PAUZE"]  # broken: one word too wide for the box
    assert LETTERS.wrap("koffie", 3, 40) is None  # not even one letter fits
    assert LETTERS.wrap("", 100, 40) is None
    assert LETTERS.wrap("koffie", 100, 2) is None
    assert LETTERS.wrap("koffie thee", LETTERS.width("KOFFIE"), 6) is None  # two lines: 8 + 5 pixels, 7 rows
    assert LETTERS.wrap("koffie thee", LETTERS.width("KOFFIE"), 7) == (["KOFFIE", "THEE"], Scale(1, 1))


def test_wrapped_lines_are_centred_a_line_height_apart():
    rows = LETTERS.render_lines(["PAUZE TOT", "20:15"], Scale(1, 2))
    assert len(rows) == 13  # 13 pixels of 2 half rows
    assert rows[:5] == LETTERS.render("PAUZE TOT", Scale(1, 2))
    assert all(not row.strip() for row in rows[5:8])  # the descender and accent rows between the lines
    second = LETTERS.render("20:15", Scale(1, 2))
    left = (len(rows[0]) - len(second[0])) // 2
    assert [row[left:left + len(second[0])] for row in rows[8:]] == second


def test_a_text_is_drawn_as_high_as_its_glyphs_reach():
    assert LETTERS.body == range(2, 7) and DIGITS.body == range(5)
    assert LETTERS.span("PAUZE") == LETTERS.span("") == LETTERS.span("- .") == range(2, 7)
    assert LETTERS.span("ZOË") == range(7)
    assert LETTERS.span("JA, NEE") == range(2, 8)
    assert LETTERS.span("FAÇADE") == range(2, 8)
    assert LETTERS.size("PAUZE", Scale(1, 1)) == (24, 3)  # 5 half rows
    assert LETTERS.size("ZOË", Scale(1, 1)) == (14, 4)
    assert LETTERS.pixels_high(["PAUZE"]) == 5 and LETTERS.pixels_high(["PAUZE", "TOT"]) == 8 + 5
    assert LETTERS.pixels_high(["ZOË", "EN", "JA,"]) == 2 * 8 + 8  # the accent above, the comma below
    assert LETTERS.scale_for("PAUZE", 100, 3) == Scale(2, 1)
    assert LETTERS.scale_for("ZOË", 100, 3) is None


def test_where_the_accents_have_no_room_the_letters_go_without():
    assert LETTERS.plain("Zoë, café") == "ZOE, CAFE"
    assert LETTERS.plain("FAÇADE") == "FACADE"
    assert LETTERS.first_fitting(["Nu: Zoë"], 100, 4) == ("NU: ZOË", Scale(2, 1))
    assert LETTERS.first_fitting(["Nu: Zoë"], 100, 3) == ("NU: ZOE", Scale(2, 1))
    # without accents before a shorter text
    assert LETTERS.first_fitting(["Nu: Zoë", "Zoë"], 100, 3) == ("NU: ZOE", Scale(2, 1))


def test_least_rows_is_what_a_band_needs_for_big_letters_at_all():
    width = LETTERS.width("KOFFIE")
    assert LETTERS.least_rows("koffie", 200) == 3  # plain capitals: 5 half rows
    assert LETTERS.least_rows("Zoë", 200) == 4  # with the accent: 7
    assert LETTERS.least_rows("koffie thee", width) == 7  # two lines: 8 + 5 pixels
    assert LETTERS.wrap("koffie thee", width, LETTERS.least_rows("koffie thee", width)) is not None
    assert LETTERS.least_rows("", 200) is None and LETTERS.least_rows("koffie", 3) is None
