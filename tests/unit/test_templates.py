"""The built-in templates carry the talk's Stap 5 and its perspectives where the group meets."""

import pytest

from lerend_tui.templates import builtin_template_files, load_templates, parse_template

TEMPLATES = load_templates().templates
ADOPTIE_QUESTIONS = ("Wat is gedrag en hoe werkt het?", "Wat is verandering en hoe werkt dat?",
                     "Hoe organiseer je het volhouden van nieuw gedrag?",
                     "Welke 'stok achter de deur' kunnen we met elkaar, voor elkaar organiseren?")


def closing(name: str):
    return next(phase for phase in TEMPLATES[name].phases if phase.kind == "afsluiting")


def test_the_meetings_closing_carries_every_adoptie_question():
    for question in ADOPTIE_QUESTIONS:
        assert question in closing("bijeenkomst").guidance


@pytest.mark.parametrize("name", ["bijeenkomst", "kick-off", "evaluatie", "adoptie"])
def test_every_closing_asks_each_person_for_a_stok_achter_de_deur(name):
    phase = closing(name)
    assert "stok achter de deur" in phase.guidance.lower()
    assert "per persoon" in phase.guidance


@pytest.mark.parametrize("name", ["bijeenkomst", "kick-off"])
def test_the_check_in_says_what_we_do_and_do_not_do(name):
    checkin = TEMPLATES[name].phases[0]
    assert checkin.kind == "checkin"
    assert "Wat we wel doen: nieuwsgierig zijn naar elkaar" in checkin.guidance
    assert "Wat we niet doen: verschillen gladstrijken of negeren" in checkin.guidance


def test_the_adoptie_template_gives_the_step_its_own_time():
    template = TEMPLATES["adoptie"]
    adoptie = [phase for phase in template.phases if phase.kind == "adoptie"]
    assert [phase.title for phase in adoptie] == [*ADOPTIE_QUESTIONS[:2], "Het volhouden organiseren",
                                                  "Stok achter de deur"]
    assert sum(phase.minutes for phase in adoptie) >= 60
    round_step = next(step for phase in adoptie for step in phase.steps if step.round)
    assert "stok achter de deur" in round_step.title


def test_a_built_in_templates_name_is_its_files():
    """The catalogue finds a built-in template by its file's name before reading it (`ReadWhenAsked`)."""
    for path in builtin_template_files():
        assert parse_template(path).name == path.stem
