"""The one sanitiser: control characters never survive, newline and tab do."""

from lerend_tui.common.sanitise import clean, clean_table, escape_markdown


def test_escape_sequences_are_removed_and_text_stays():
    assert clean("T \x1b]0;pwned\x07 en \x1b[2J verder\x9b31m") == "T ]0;pwned en [2J verder31m"
    assert clean("regel 1\nregel 2\tmet tab") == "regel 1\nregel 2\tmet tab"
    assert clean("ideeën — “goed”") == "ideeën — “goed”"
    assert clean("a\rb\x00c\x7fd") == "abcd"


def test_a_table_is_cleaned_keys_and_all():
    table = {"ti\x1btel": "a\x1b[2Jb", "lijst": ["\x07x", 3, {"y\x85": "z\x1b"}], "getal": 4.5}
    assert clean_table(table) == {"titel": "a[2Jb", "lijst": ["x", 3, {"y": "z"}], "getal": 4.5}


def test_a_name_is_escaped_for_markdown_on_one_line():
    assert escape_markdown("Zorgnetwerk Zuid") == "Zorgnetwerk Zuid"
    assert escape_markdown("# Intro [klik](https://x.nl) <b>") == "\\# Intro \\[klik\\](https://x.nl) \\<b\\>"
    assert escape_markdown("a_b *c* `d` |e| ~f~ \\g") == "a\\_b \\*c\\* \\`d\\` \\|e\\| \\~f\\~ \\\\g"
    assert [escape_markdown(text) for text in ("- lijst", "+ lijst", "1. eerst", "12) twaalf", "12 apen")] == [
        "\\- lijst", "\\+ lijst", "1\\. eerst", "12\\) twaalf", "12 apen"]
    assert escape_markdown("twee\nregels\x1b[2J") == "twee regels\\[2J"
