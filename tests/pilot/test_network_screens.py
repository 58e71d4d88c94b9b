"""Pilot tests of the network screens: the list and the form for a new network, one network's
participants, agreements and overview, the intake, and what happens to broken or unwritable files."""

from __future__ import annotations

import io
import tomllib

from rich.console import Console
from rich.text import Text
from textual.content import Content
from textual.widgets import Input, OptionList, Static, TabbedContent, TextArea

from lerend_tui.screens.confirm import ConfirmScreen
from lerend_tui.screens.export import ExportScreen
from lerend_tui.screens.home import HomeScreen
from lerend_tui.screens.intake import IntakeScreen
from lerend_tui.screens.network import NetworkScreen
from lerend_tui.screens.networks import NetworksScreen
from lerend_tui.widgets.checklist import Checklist

from ..appkit import finish_reading, home_app, open_network, paste, until
from ..samples import make_network, two_meetings

BROKEN = b'schema = 1\nname = "Kapot\n'


def network_file(paths, id_: str = "zorgnetwerk-zuid") -> dict:
    return tomllib.loads((paths.data / "networks" / f"{id_}.toml").read_text(encoding="utf-8"))


def text_of(app, selector: str) -> str:
    """What a panel shows, as plain text (Rich tables included)."""
    content = app.screen.query_one(selector, Static).content
    if isinstance(content, (str, Content, Text)):
        return str(content)
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(content)
    return console.export_text()


def text_of_prompt(option) -> str:
    console = Console(width=100, record=True, color_system=None, file=io.StringIO())
    console.print(option.prompt)
    return console.export_text()


async def test_a_new_network_from_the_form_is_written_and_opened(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+l")
        await finish_reading(pilot)
        assert isinstance(app.screen, NetworksScreen)
        assert "Nog geen netwerken" in str(app.screen.query_one("#networks", OptionList).get_option_at_index(0).prompt)
        await paste(pilot, "Zorgnetwerk Zuid")
        await pilot.press("tab")
        await paste(pilot, "Wijkzorg")
        await pilot.press("tab")
        await paste(pilot, "Anouk, Bram de Boer")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        data = network_file(paths)
        assert data["name"] == "Zorgnetwerk Zuid" and data["theme"] == "Wijkzorg"
        assert [p["name"] for p in data["participants"]] == ["Anouk", "Bram de Boer"]
        await pilot.press("escape")
        await finish_reading(pilot)
        networks = app.screen.query_one("#networks", OptionList)
        assert networks.option_count == 1 and networks.get_option_at_index(0).id == "zorgnetwerk-zuid"

        # The same name again is refused with a Dutch message; nothing is overwritten.
        before = (paths.data / "networks" / "zorgnetwerk-zuid.toml").read_bytes()
        await pilot.press("ctrl+n")
        await paste(pilot, "zorgnetwerk zuid")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NetworksScreen)
        assert "Er is al een netwerk" in text_of(app, "#new-error")
        assert (paths.data / "networks" / "zorgnetwerk-zuid.toml").read_bytes() == before
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_participant_and_a_learning_question_land_in_the_file(paths, clock):
    make_network(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_network(app, pilot)
        await pilot.press("ctrl+n")
        await paste(pilot, "Chris")
        await pilot.press("enter")
        await pilot.pause()
        assert [p["name"] for p in network_file(paths)["participants"]] == ["Anouk", "Bram", "Chris"]
        assert screen.person is not None and screen.person.name == "Chris"
        screen.query_one("#person-questions", TextArea).focus()
        await paste(pilot, "Hoe geef ik feedback?\nWat werkt in de wijk?")
        await pilot.press("escape")  # leaving saves what was typed
        await finish_reading(pilot)
        assert isinstance(app.screen, NetworksScreen)
        chris = network_file(paths)["participants"][2]
        assert chris["learning_questions"] == ["Hoe geef ik feedback?", "Wat werkt in de wijk?"]
        assert "3 deelnemers" in text_of_prompt(app.screen.query_one("#networks", OptionList).get_option_at_index(0))


async def test_edits_are_saved_once_typing_stops(paths, clock):
    make_network(paths)
    app = home_app(paths, clock)
    app.save_delay = 0.05
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_network(app, pilot)
        await pilot.press("f4")
        await pilot.pause()
        assert screen.query_one("#tabs", TabbedContent).active == "afspraken"
        screen.query_one("#agreements-list", TextArea).focus()
        await pilot.press(*"We beginnen op tijd")
        await until(pilot, lambda: network_file(paths)["agreements"]["afspraken"] == ["We beginnen op tijd"],
                    "the save once typing stopped")
        assert "opgeslagen" in text_of(app, "#save-status")

        # The question from practice, under the theme, is saved too, and Stap 1 shows it.
        screen.query_one("#question", Input).focus()
        await paste(pilot, "Hoe houden we  mantelzorgers   erbij?")
        await until(pilot, lambda: network_file(paths).get("question") == "Hoe houden we mantelzorgers erbij?",
                    "the question saved")
        await pilot.press("f5")
        await finish_reading(pilot)
        assert "· Vraag uit de praktijk: Hoe houden we mantelzorgers erbij?" in text_of(app, "#journey")


async def test_the_function_keys_switch_tabs_also_from_the_participant_list(paths, clock):
    make_network(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_network(app, pilot)
        tabs = screen.query_one("#tabs", TabbedContent)
        for key, tab in (("f3", "deelnemers"), ("f4", "afspraken"), ("f3", "deelnemers"), ("f2", "overzicht")):
            await pilot.press(key)
            await pilot.pause()
            assert tabs.active == tab


async def test_removing_a_participant_asks_first(paths, clock):
    make_network(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_network(app, pilot)
        await pilot.press("f3", "down", "delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Bram verwijderen" in str(app.screen.query_one("#question", Static).render())
        await pilot.press("n")
        await pilot.pause()
        assert [p["name"] for p in network_file(paths)["participants"]] == ["Anouk", "Bram"]
        await pilot.press("delete", "j")
        await pilot.pause()
        assert app.screen is screen
        assert [p["name"] for p in network_file(paths)["participants"]] == ["Anouk"]


async def test_the_intake_advises_live_and_is_stored_with_the_participant(paths, clock):
    make_network(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_network(app, pilot)
        await pilot.press("f3", "down", "ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and app.screen.participant.name == "Bram"
        assert "Er is nog niets aangevinkt" in text_of(app, "#advice")
        await pilot.press("space", "down", "space", "down", "space")  # three of "Wanneer wel?"
        await pilot.pause()
        assert text_of(app, "#advice").startswith("Een lerend netwerk past bij deze vraag.")
        assert app.screen.query_one("#advice").has_class("-fits")
        await pilot.press("tab", "space", "down", "space", "down", "space", "down", "space")  # four of "niet"
        await pilot.pause()
        advice = text_of(app, "#advice")
        assert advice.startswith("Een lerend netwerk past waarschijnlijk niet") and "Spreekt tegen" in advice
        app.screen.query_one("#niet", Checklist).set_ticked("theoretische-kennis", False)
        app.screen.query_one("#niet", Checklist).set_ticked("ingewikkeld-vraagstuk", False)
        app.screen.query_one("#niet", Checklist).set_ticked("niet-bereid-te-delen", False)
        await pilot.pause()
        assert text_of(app, "#advice").startswith("Twijfel")
        app.screen.query_one("#intake-questions", TextArea).load_text("Hoe houd ik grenzen?")
        app.screen.query_one("#intake-experience", TextArea).load_text("Twaalf jaar wijkverpleging")
        app.screen.query_one("#intake-note", TextArea).load_text("Weinig tijd in het voorjaar")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        bram = network_file(paths)["participants"][1]
        assert bram["learning_questions"] == ["Hoe houd ik grenzen?"]
        assert bram["experience"] == "Twaalf jaar wijkverpleging"
        intake = bram["intake"]
        assert intake["advice"] == "twijfel" and intake["note"] == "Weinig tijd in het voorjaar"
        assert intake["date"] == clock.now()
        assert [key for key, value in intake["answers"].items() if value] == [
            "praktische-kennis", "complex-vraagstuk", "bereid-te-delen", "onvoldoende-tijd"]
        assert "? twijfel" in str(screen.people.get_option_at_index(1).prompt)


async def test_leaving_the_intake_with_changes_asks_first(paths, clock):
    make_network(paths)
    before = (paths.data / "networks" / "zorgnetwerk-zuid.toml").read_bytes()
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_network(app, pilot)
        await pilot.press("ctrl+o", "space", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        assert (paths.data / "networks" / "zorgnetwerk-zuid.toml").read_bytes() == before


async def test_a_broken_network_file_is_listed_and_left_byte_for_byte(paths, clock):
    make_network(paths)
    broken = paths.data / "networks" / "kapot.toml"
    broken.write_bytes(BROKEN)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+l")
        await finish_reading(pilot)
        networks = app.screen.query_one("#networks", OptionList)
        rows = [str(networks.get_option_at_index(i).prompt) for i in range(networks.option_count)]
        assert "onleesbaar" in rows[-1] and "kapot.toml" in rows[-1] and "regel 2" in rows[-1]
        assert networks.get_option_at_index(networks.option_count - 1).disabled
        await paste(pilot, "Nieuw netwerk")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert broken.read_bytes() == BROKEN


async def test_a_failed_save_says_why_and_keeps_the_edit(paths, clock):
    make_network(paths)
    path = paths.data / "networks" / "zorgnetwerk-zuid.toml"
    before = path.read_bytes()
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_network(app, pilot)
        path.write_bytes(BROKEN)  # someone broke the file in an editor meanwhile
        await pilot.press("ctrl+n", *"Chris", "enter")
        await pilot.pause()
        assert path.read_bytes() == BROKEN
        assert "niet opgeslagen" in text_of(app, "#save-status")
        assert any("onleesbaar en wordt niet overschreven" in str(n.message) for n in app._notifications)
        assert screen.network.names == ["Anouk", "Bram", "Chris"]
        assert "Chris" in str(screen.people.get_option_at_index(2).prompt)
        await pilot.press("escape")  # leaving asks, since the edit would be lost
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        path.write_bytes(before)  # repaired: the next save writes everything that is on the screen
        assert screen.save_now()
        assert text_of(app, "#save-status") == "opgeslagen"
        assert network_file(paths)["participants"][2]["name"] == "Chris"


async def test_trends_show_attendance_and_roti_of_two_recorded_meetings(paths, clock):
    make_network(paths)
    ids = two_meetings(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_network(app, pilot)
        assert screen.query_one("#tabs", TabbedContent).active == "overzicht"
        trends = text_of(app, "#trends")
        assert "Aanwezig" in trends and "2 · 3" in trends
        assert "ROTI" in trends and "4,0 · 4,5" in trends and "gemiddeld 4,2" in trends
        meetings = text_of(app, "#meetings")
        assert "27-10-2026" in meetings and "Bijeenkomst november" in meetings
        fairness = text_of(app, "#fairness")
        assert "Wie is er aan de beurt?" in fairness and "een casus inbrengen: Bram" in fairness
        assert "Actie: @Anouk belt de gemeente" in text_of(app, "#carry")
        still_open = text_of(app, "#open")  # from every meeting of the network, with the meeting it came from
        assert still_open.startswith("Anouk\n")
        assert "Actie: @Anouk belt de gemeente  · uit Bijeenkomst oktober, 27-10-2026" in still_open
        assert "Actie: @Anouk belt de gemeente  · uit Bijeenkomst november, 24-11-2026" in still_open
        assert sorted(ids) == ids


async def test_the_network_report_is_exported(paths, clock, tmp_path):
    make_network(paths)
    two_meetings(paths)
    target = tmp_path / "netwerk.md"
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_network(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert not app.screen.query("#confidential")
        assert app.screen.query_one("#export-path", Input).value.endswith("netwerk-zorgnetwerk-zuid.md")
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
    report = target.read_text(encoding="utf-8")
    assert report.startswith("# Lerend netwerk: Zorgnetwerk Zuid")
    assert "| 27-10-2026 | Bijeenkomst oktober | 2 | 4,0 |" in report


async def test_quitting_writes_what_was_just_typed(paths, clock):
    make_network(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_network(app, pilot)
        await pilot.press("f3", "enter", *"Hoe houd ik het vol?", "ctrl+q")
        await pilot.pause()
    assert network_file(paths)["participants"][0]["learning_questions"] == ["Hoe houd ik het vol?"]


async def test_renaming_a_participant_refuses_a_name_already_taken(paths, clock):
    make_network(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_network(app, pilot)
        await pilot.press("f3", "down")
        await pilot.pause()
        name = screen.query_one("#person-name", Input)
        name.value = "anouk"
        await pilot.pause()
        assert "'anouk' is al deelnemer" in text_of(app, "#person-error")
        name.value = "Bram de Boer"
        await pilot.pause()
        assert text_of(app, "#person-error") == ""
        assert screen.save_now()
        assert [p["name"] for p in network_file(paths)["participants"]] == ["Anouk", "Bram de Boer"]
        assert "Bram de Boer" in str(screen.people.get_option_at_index(1).prompt)


async def test_on_a_small_terminal_the_intake_scrolls_as_a_whole_and_keeps_the_highlighted_item_in_view(paths, clock):
    make_network(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_network(app, pilot)
        await pilot.press("f3", "down", "ctrl+o")
        await pilot.pause()
        body, checklist = app.screen.query_one("#intake-body"), app.screen.query_one("#wel", Checklist)
        assert checklist.max_scroll_y == 0, "the list is shown whole: only the body scrolls"
        for _ in range(checklist.option_count - 1):
            await pilot.press("down")
            await pilot.pause()
            line = checklist._index_to_line[checklist.highlighted]
            top = checklist.content_region.y + line
            bottom = top + checklist._heights[checklist.highlighted]
            assert body.content_region.y <= top and bottom <= body.content_region.bottom
        assert body.scroll_offset.y > 0
