"""The talk's pages for the room (`lerend_tui.talk`): the built-in talk holds every topic the talk has, in its
words and sparse enough for the back of the room; a bad file is named with its field; a deck pages through;
the page on the beamer travels through the live state and into the beamer's view."""

from dataclasses import replace

import pytest

from lerend_tui.beamer.view import BeamerView, Show
from lerend_tui.common.validation import DataError
from lerend_tui.storage.live import read_live, write_live
from lerend_tui.talk import MAX_LINES, MAX_ROWS, Deck, Page, Slide, builtin_talk, parse_talk
from lerend_tui.templates import builtin_template_files, load_templates, parse_template

from ..samples import live_state

GOOD = """
schema = 1
title = "Over lerende netwerken"

[[topics]]
id = "wat-is"
title = "Wat is een lerend netwerk?"

[[topics.pages]]
heading = "Een lerend netwerk"
lines = ["Een groep mensen", "met als doel de eigen praktijk te verbeteren."]

[[topics]]
id = "opleiding"
title = "Opleiding of lerend netwerk?"

[[topics.pages]]
heading = "Hoe we leren"
columns = ["Opleiding", "Lerend netwerk"]
rows = [["Nadruk", "Theoretisch", "Praktisch"]]
"""


def written(tmp_path, text: str):
    path = tmp_path / "talk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_talk_has_every_topic_of_the_talk_in_its_words():
    talk = builtin_talk()
    assert talk.topic_ids == ("wat-is", "waarom", "oplevert", "opleiding", "perspectieven", "wanneer", "stappen",
                              "uitgangspunten")
    pages = talk.deck().pages
    words = " ".join(" ".join((page.heading, *page.lines, *(cell for row in page.rows for cell in row)))
                     for page in pages)
    for said in ("community of practice", "Kennisdelen", "Probleemoplossing", "Feedback en evaluatie",
                 "Ondersteuning en motivatie", "Gemeenschapsvorming", "Delen van hulpmiddelen en bronnen",
                 "Verschillen gladstrijken of negeren", "Wanneer wel?", "Wanneer niet?", "Behoefteonderzoek",
                 "Kick-off", "Adoptie", "De wet van twee voeten", "Kennis constructie", "Procesbegeleider"):
        assert said in words, said
    assert list(dict.fromkeys(page.heading for page in pages if page.heading.startswith("Stap "))) == [
        "Stap 1 – Behoefteonderzoek", "Stap 2 – Kick-off", "Stap 3 – Bijeenkomsten", "Stap 4 – Evaluatie",
        "Stap 5 – Adoptie"]
    table = [page for page in pages if page.rows]
    assert {page.columns for page in table} == {("Opleiding", "Lerend netwerk")}
    assert sum(len(page.rows) for page in table) == 10  # the talk's whole table, over its pages
    assert all(len(page.lines) <= MAX_LINES and len(page.rows) <= MAX_ROWS for page in pages)


def test_a_good_file_reads_as_topics_of_pages(tmp_path):
    talk = parse_talk(written(tmp_path, GOOD))
    assert talk.title == "Over lerende netwerken" and talk.topic_ids == ("wat-is", "opleiding")
    first, table = talk.deck().pages
    assert first == Page("Wat is een lerend netwerk?", "Een lerend netwerk",
                         ("Een groep mensen", "met als doel de eigen praktijk te verbeteren."))
    assert table.rows == (("Nadruk", "Theoretisch", "Praktisch"),) and table.lines == ()


@pytest.mark.parametrize(("change", "field", "words"), [
    (("schema = 1", "schema = 7"), "schema", "verwacht versie 1"),
    (('id = "wat-is"', 'id = "Wat is"'), "topics[1].id", "kleine letters"),
    (('id = "opleiding"', 'id = "wat-is"'), "topics[2].id", "staat er al eerder in"),
    (('heading = "Een lerend netwerk"\n', ''), "topics[1].pages[1].heading", "ontbreekt"),
    (('heading = "Een lerend netwerk"', 'heading = ""'), "topics[1].pages[1].heading", "mag niet leeg zijn"),
    (('lines = ["Een groep mensen", ', 'lines = ["1", "2", "3", "4", "5", '), "topics[1].pages[1].lines",
     "hoogstens 5 regels"),
    (('lines = ["Een groep mensen"', 'lines = ["' + "lang " * 40 + '"'), "topics[1].pages[1].lines",
     "hoogstens 160 tekens"),
    (('lines = ["Een groep mensen"', 'lines = [3'), "topics[1].pages[1].lines", "lijst met teksten"),
    (('columns = ["Opleiding", "Lerend netwerk"]', 'columns = ["Opleiding"]'), "topics[2].pages[1].columns",
     "twee kolommen"),
    (('["Nadruk", "Theoretisch", "Praktisch"]', '["Nadruk", "Theoretisch"]'), "topics[2].pages[1].rows[1]",
     "verwacht 3 teksten"),
    (('rows = [["Nadruk", "Theoretisch", "Praktisch"]]', 'rows = "Nadruk"'), "topics[2].pages[1].rows",
     "lijst van rijen"),
    (('columns = ["Opleiding", "Lerend netwerk"]\n', ''), "topics[2].pages[1].columns", "ontbreekt"),
])
def test_a_bad_file_is_named_with_its_field_in_dutch(tmp_path, change, field, words):
    path = written(tmp_path, GOOD.replace(*change, 1))
    with pytest.raises(DataError) as raised:
        parse_talk(path)
    assert raised.value.path == path
    assert any(problem.field == field and words in problem.text for problem in raised.value.problems), \
        raised.value.text()
    assert "talk.toml" in raised.value.text()


def test_a_topic_without_pages_and_a_talk_without_topics_are_named(tmp_path):
    with pytest.raises(DataError) as raised:
        parse_talk(written(tmp_path, 'schema = 1\ntitle = "T"\n[[topics]]\nid = "x"\ntitle = "X"\n'))
    assert raised.value.field == "topics[1].pages"
    with pytest.raises(DataError) as raised:
        parse_talk(written(tmp_path, 'schema = 1\ntitle = "T"\ntopics = []\n'))
    assert raised.value.field == "topics"


def test_a_deck_pages_through_and_stops_at_its_ends():
    deck = builtin_talk().deck(("opleiding", "wat-is"))
    assert [page.title for page in deck.pages] == ["Opleiding of lerend netwerk?"] * 4 + ["Wat is een lerend netwerk?"] * 2
    assert deck.slide.where == "1 van 6" and deck.turned(-1) is None
    last = deck.turned(5)
    assert last is not None and last.slide == Slide(deck.pages[5], 6, 6) and last.turned(1) is None
    assert Deck(deck.pages, 2).turned(-1) == Deck(deck.pages, 1)
    assert len(builtin_talk().deck().pages) == sum(len(topic.pages) for topic in builtin_talk().topics)


def test_above_the_heading_stands_the_topic_unless_the_heading_says_it():
    assert Page("Uitgangspunten", "Uitgangspunten").above == ""
    assert Page("Wat een lerend netwerk oplevert", "Kennisdelen").above == "Wat een lerend netwerk oplevert"


def test_the_kick_off_explains_a_learning_network_with_the_talks_pages():
    kick_off = load_templates().templates["kick-off"]
    assert kick_off.talk_for("inhoud", "Wat is een lerend netwerk? En wat niet?") == (
        "wat-is", "waarom", "oplevert", "opleiding", "wanneer")
    assert kick_off.talk_for("checkin", "Kennismaking en verbinding") == ()


def test_every_topic_a_built_in_template_names_is_the_talks():
    """The loader leaves this check out for the built-in templates (starting would read the talk for it)."""
    known = builtin_talk().topic_ids
    for path in builtin_template_files():
        named = [topic for phase in parse_template(path).phases for topic in phase.talk]
        assert all(topic in known for topic in named), (path.name, named)
    assert any(phase.talk for phase in load_templates().templates["kick-off"].phases)


def test_a_template_naming_a_topic_the_talk_lacks_is_named(tmp_path):
    path = tmp_path / "eigen.toml"
    path.write_text('schema = 1\n[[phases]]\nkind = "inhoud"\ntitle = "Uitleg"\nminutes = 10\ntalk = ["wat"]\n',
                    encoding="utf-8")
    with pytest.raises(DataError) as raised:
        parse_template(path)
    assert raised.value.field == "phases[1].talk" and "onbekend onderwerp 'wat'" in raised.value.problem


def test_the_page_on_the_beamer_travels_through_the_live_state(clock, tmp_path):
    deck = builtin_talk().deck(("opleiding",))
    state = live_state(clock, 10.0, True, page=deck.turned(1).slide)
    path = tmp_path / "live.toml"
    write_live(path, state)
    assert read_live(path) == state
    view = BeamerView.of(state)
    assert view.show is Show.PAGE and view.page == deck.turned(1).slide
    shown = view.to_json(clock.now())["page"]
    assert shown["where"] == "2 van 4" and shown["heading"] == "Wie voor de groep staat"
    assert shown["columns"] == ["Opleiding", "Lerend netwerk"] and len(shown["rows"]) == 3
    assert BeamerView.of(replace(state, page=None)).show is Show.TIMER
    assert BeamerView.of(replace(state, message="Pauze")).show is Show.MESSAGE  # a message goes over the page
    assert BeamerView.of(replace(state, blank=True)).show is Show.BLANK
    assert BeamerView.of(state).to_json(clock.now())["show"] == "page"
    assert BeamerView.of(replace(state, page=None)).to_json(clock.now())["page"] is None


def test_a_live_state_of_version_2_has_no_page_and_a_bad_page_is_named(clock, tmp_path):
    path = tmp_path / "live.toml"
    write_live(path, live_state(clock, 10.0, True))
    text = path.read_text(encoding="utf-8")
    assert "[page]" not in text
    path.write_text(text.replace("schema = 3", "schema = 2"), encoding="utf-8")
    assert read_live(path) == live_state(clock, 10.0, True)
    write_live(path, live_state(clock, 10.0, True, page=builtin_talk().deck().slide))
    path.write_text(path.read_text(encoding="utf-8").replace("number = 1", "number = 99"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_live(path)
    assert raised.value.field == "page.number" and "hoogstens 32" in raised.value.problem


def test_text_in_a_page_is_cleaned_before_it_reaches_a_beamer(clock, tmp_path):
    path = tmp_path / "live.toml"
    page = Page("Titel", "Kop", ("regel \x1b]0;pwned\x07 erna",))
    write_live(path, live_state(clock, 10.0, True, page=Slide(page, 1, 1)))
    assert read_live(path).page.page.lines == ("regel ]0;pwned erna",)
