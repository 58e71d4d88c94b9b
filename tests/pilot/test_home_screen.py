"""Pilot tests of the home screen: a new meeting from the form, resuming an unfinished one."""

from textual.widgets import Input, OptionList, Select

from lerend_tui.screens.home import HomeScreen
from lerend_tui.screens.meeting import MeetingScreen
from lerend_tui.storage.meetings import MeetingStore

from ..appkit import finish_reading, home_app, meeting_app, paste
from ..hostile import hostile_meetings


async def fill(pilot, selector, text):
    """Click into a field, empty it and put the text in, as a facilitator would (pasted: these tests are
    about the form, and typing key by key is slow in Pilot; the meeting screen's tests type)."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await paste(pilot, text)
    assert field.value == text


async def test_new_meeting_from_the_form(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#template", Select).value == "bijeenkomst"
        app.screen.query_one("#template", Select).value = "kick-off"
        await fill(pilot, "#title", "Start netwerk jeugdzorg")
        await fill(pilot, "#participants", "Anouk,  Bram ,Chris")
        await fill(pilot, "#start-at", "19:30")
        await pilot.click("#start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        record = screen.meeting.record
        assert (record.title, record.template, record.participants) == (
            "Start netwerk jeugdzorg", "kick-off", ["Anouk", "Bram", "Chris"])
        assert clock.local(record.planned_start).strftime("%H:%M") == "19:30"
        assert screen.path.exists()


async def test_bad_form_input_is_explained_and_nothing_starts(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        await fill(pilot, "#participants", "Anouk,,Bram")
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Lege naam op plaats 2" in str(app.screen.query_one("#setup-error").render())
        await fill(pilot, "#participants", "Anouk")
        await fill(pilot, "#start-at", "half acht")
        await pilot.press("f5")
        await pilot.pause()
        assert "Ongeldige starttijd" in str(app.screen.query_one("#setup-error").render())
    assert list(paths.meetings.iterdir()) == []


async def test_resume_an_unfinished_meeting_where_it_was(paths, clock):
    app, path = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        await pilot.press(*"eerste", "pagedown", *"tweede")
        await pilot.press("ctrl+q")
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        await finish_reading(pilot)
        unfinished = app.screen.query_one("#unfinished", OptionList)
        assert "Zorgnetwerk Zuid" in str(unfinished.get_option_at_index(0).prompt)
        unfinished.focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.meeting.index == 1
        assert screen.query_one("#notes").text == "tweede"


async def test_finished_meetings_are_listed_and_broken_files_named(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test():
        screen = app.screen
        screen.meeting.finish()
        screen.save_now()
    (paths.meetings / "2026-01-01-kapot.toml").write_text("title = [\n", encoding="utf-8")
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        await finish_reading(pilot)
        past = app.screen.query_one("#past", OptionList)
        prompts = [str(past.get_option_at_index(i).prompt) for i in range(past.option_count)]
        assert any("Zorgnetwerk Zuid" in prompt for prompt in prompts)
        assert any("onleesbaar" in prompt and "2026-01-01-kapot.toml" in prompt for prompt in prompts)
    assert (paths.meetings / "2026-01-01-kapot.toml").read_text(encoding="utf-8") == "title = [\n"
    assert MeetingStore(paths.meetings).latest_unfinished() is None


async def test_a_meeting_in_a_network_takes_its_people_and_last_times_commitments(paths, clock):
    from lerend_tui.network.store import NetworkStore

    networks = NetworkStore(paths.networks)
    network = networks.create("Zorgnetwerk Zuid", theme="Wijkzorg", participants=["Anouk", "Bram"])
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        await finish_reading(pilot)
        app.screen.query_one("#network", Select).value = network.id
        await pilot.pause()
        assert app.screen.query_one("#participants", Input).placeholder == "Anouk, Bram"
        app.screen.query_one("#title", Input).value = "Eerste keer"
        await pilot.click("#start")
        await pilot.pause()
        first = app.screen.meeting.record
        assert (first.network, first.participants) == (network.id, ["Anouk", "Bram"])
        app.screen.query_one("#notes").insert("Stok achter de deur: @Bram belt drie klanten")
        await pilot.press("escape", "space")  # it ran: only a meeting that ran carries anything over
        await pilot.press("ctrl+q")
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        await finish_reading(pilot)
        app.screen.query_one("#network", Select).value = network.id
        app.screen.query_one("#title", Input).value = "Tweede keer"
        await pilot.click("#start")
        await pilot.pause()
        second = app.screen.meeting.record
        assert [(c.owner, c.text, c.status) for c in second.carried] == [("Bram", "@Bram belt drie klanten", "open")]
    assert len(networks.load(network.id).meetings) == 2


async def test_a_kick_off_in_a_network_hands_its_questions_and_agreements_to_the_network(paths, clock):
    from lerend_tui.network.store import NetworkStore
    from lerend_tui.screens.confirm import ConfirmScreen

    networks = NetworkStore(paths.networks)
    network = networks.create("Jeugdzorg", participants=["Anouk", "Bram"])
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await finish_reading(pilot)
        app.screen.query_one("#template", Select).value = "kick-off"
        app.screen.query_one("#network", Select).value = network.id
        await pilot.click("#start")
        await pilot.pause()
        app.screen.query_one("#notes").insert("Leervraag: @Anouk hoe betrek ik ouders?\nAfspraak: we beginnen om 19:00")
        app.screen.action_finish()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    stored = networks.load(network.id)
    assert stored.participant("Anouk").learning_questions == ["hoe betrek ik ouders?"]
    assert stored.agreements.afspraken == ["we beginnen om 19:00"]


async def test_the_kick_off_shows_the_talks_table_when_explaining_a_learning_network(paths, clock):
    from lerend_tui.screens.comparison import ComparisonScreen

    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        app.screen.query_one("#template", Select).value = "kick-off"
        await pilot.click("#start")
        await pilot.pause()
        meeting = app.screen
        await pilot.press("escape", "o")
        assert app.screen is meeting  # not in the first phase
        meeting.go_to(1)
        await pilot.press("escape", "o")
        assert isinstance(app.screen, ComparisonScreen)
        picture = app.export_screenshot()
        assert "Procesbegeleider" in picture and "constructie" in picture  # the talk's words (lerend_tui/talk)
        await pilot.press("escape")
        assert app.screen is meeting


async def test_the_final_evaluation_of_a_network_shows_what_it_achieved(paths, clock):
    from ..samples import make_network, two_meetings

    network = make_network(paths)
    two_meetings(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await finish_reading(pilot)
        app.screen.query_one("#template", Select).value = "evaluatie"
        app.screen.query_one("#network", Select).value = network.id
        await pilot.click("#start")
        await pilot.pause()
        app.screen.go_to(1)
        await finish_reading(pilot)
        guidance = str(app.screen.query_one("#guidance").render())
        assert "Wat het netwerk bereikte" in guidance and "Bijeenkomsten gehouden: 2" in guidance
        assert "Gemiddelde ROTI" in guidance


async def test_the_home_screen_names_hostile_files_and_lists_the_good_meeting(paths, clock):
    """Deep nesting, inf, an absurd number, the year 9999, a named pipe and /dev/zero beside a good meeting."""
    app, _ = meeting_app(paths, clock)
    async with app.run_test():
        app.screen.meeting.finish()
        app.screen.save_now()
    [good] = paths.meetings.glob("*.toml")
    hostile = hostile_meetings(paths.meetings, good.read_text(encoding="utf-8"))
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        await finish_reading(pilot)
        past = app.screen.query_one("#past", OptionList)
        prompts = [str(past.get_option_at_index(i).prompt) for i in range(past.option_count)]
        assert any("Zorgnetwerk Zuid" in prompt for prompt in prompts)
        for name in hostile:
            assert any("onleesbaar" in prompt and name in prompt for prompt in prompts), name


async def test_a_sync_tools_conflict_copy_is_shown_beside_its_meeting_and_not_as_one(paths, clock):
    from ..samples import store_meetings

    stored = store_meetings(paths, broken=False)
    november = stored["November: zelfregie"]
    copy = november.with_name(f"{november.stem}.sync-conflict-20261124-193000-ABCDEFG.toml")
    copy.write_bytes(november.read_bytes())
    app = home_app(paths, clock)
    async with app.run_test(size=(160, 40)) as pilot:
        await finish_reading(pilot)
        past = app.screen.query_one("#past", OptionList)
        rows = [str(past.get_option_at_index(index).prompt) for index in range(past.option_count)]
        assert "November: zelfregie" in rows[0] and "Oktober" in rows[2]
        assert rows[1] == f"   ⚠ conflict: ook {copy.name} (van een synchronisatieprogramma); kies welke blijft"
        assert past.get_option_at_index(1).disabled


async def test_the_home_screen_lists_the_newest_past_meetings_and_says_how_many_more(paths, clock, monkeypatch):
    from ..samples import store_meetings

    store_meetings(paths, broken=False)
    monkeypatch.setattr("lerend_tui.screens.home.PAST_SHOWN", 1)
    app = home_app(paths, clock)
    async with app.run_test(size=(160, 40)) as pilot:
        await finish_reading(pilot)
        past = app.screen.query_one("#past", OptionList)
        rows = [str(past.get_option_at_index(index).prompt) for index in range(past.option_count)]
        assert len(rows) == 2 and "November: zelfregie" in rows[0]
        assert rows[1] == "… en 1 eerdere: Ctrl+T, terugblik (met zoeken)"
        unfinished = app.screen.query_one("#unfinished", OptionList)
        assert "Onderbroken avond" in str(unfinished.get_option_at_index(0).prompt)  # every unfinished one
