"""The block-digit font and its scaling: plain unit tests, no Textual."""

from __future__ import annotations

import pytest

from lerend_tui.widgets.bigtext import FONT, FONT_HEIGHT, big_size, choose_scale, fits_big, render_big

BLOCKS = set("█▀▄")
TEXTS = ["12:34", "+03:12", "00:00", "-5:07", "88:88"]


def is_big(lines: list[str]) -> bool:
    return len(lines) >= 2 and any(BLOCKS & set(line) for line in lines)


def assert_fits(lines: list[str], width: int, height: int) -> None:
    assert len(lines) <= height
    assert len({len(line) for line in lines}) <= 1, "lines of unequal length"
    assert all(len(line) <= width for line in lines)


def test_font_glyphs_are_five_rows_and_digits_share_one_width():
    assert all(len(glyph) == FONT_HEIGHT for glyph in FONT.values())
    assert {len(FONT[digit][0]) for digit in "0123456789"} == {3}
    assert len(FONT[":"][0]) == 1
    assert len(FONT["+"][0]) == len(FONT["-"][0]) == 3


@pytest.mark.parametrize("text", ["12:34", "+03:12"])
def test_a_100x30_terminal_gets_big_digits(text: str):
    lines = render_big(text, 96, 20)
    assert_fits(lines, 96, 20)
    assert len(lines) >= 7
    assert len(lines[0]) >= 60


@pytest.mark.parametrize("text", ["12:34", "+03:12"])
def test_a_40x12_terminal_still_gets_block_digits(text: str):
    lines = render_big(text, 36, 6)
    assert_fits(lines, 36, 6)
    assert is_big(lines)
    assert fits_big(text, 36, 6)


def test_output_fits_every_box():
    for text in TEXTS:
        for width in range(1, 201, 3):
            for height in range(1, 61, 2):
                lines = render_big(text, width, height)
                assert_fits(lines, width, height)
                assert lines, (text, width, height)
                if fits_big(text, width, height):
                    assert (len(lines[0]), len(lines)) == big_size(text, *choose_scale(text, width, height))


def test_scale_keeps_the_look():
    """Pixels at most twice as tall as wide (sx >= sy) and at most twice as wide as tall."""
    for width in range(17, 201, 7):
        for height in range(3, 61, 3):
            sx, hy = choose_scale("12:34", width, height)
            assert hy <= 2 * sx and sx <= 2 * hy


def test_a_bigger_box_never_gives_smaller_digits():
    sizes = [big_size("12:34", *choose_scale("12:34", 10 * n, 3 * n)) for n in range(2, 20)]
    assert sizes == sorted(sizes)


def test_full_rows_only_when_the_scale_is_even():
    assert set("".join(render_big("12:34", 96, 10))) <= {" ", "█"}  # 4 half rows per pixel
    assert set("".join(render_big("12:34", 96, 20))) & {"▀", "▄"}  # 5 half rows per pixel: 12.5 rows


def test_too_small_falls_back_to_plain_text_without_wrapping():
    assert render_big("12:34", 40, 2) == ["12:34"]
    assert render_big("12:34", 3, 10) == ["12:"]
    assert render_big("12:34", 0, 10) == []
    assert render_big("12:34", 10, 0) == []
    assert not fits_big("12:34", 16, 20)
    assert fits_big("12:34", 17, 3)


def test_unknown_characters_and_empty_text():
    assert render_big("12h34", 96, 20) == ["12h34"]
    assert render_big("", 96, 20) == []


def test_pure():
    first = render_big("+03:12", 96, 20)
    first.append("mutated by the caller")
    assert render_big("+03:12", 96, 20) == render_big("+03:12", 96, 20) == first[:-1]


def test_renders_the_glyphs():
    assert render_big("1-", 7, 3) == [
        "▄█     ",
        " █  ▀▀▀",
        "▀▀▀    ",
    ]
