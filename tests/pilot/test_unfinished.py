"""Unfinished meetings: the most recently used first, finished or thrown away from home; a meeting that
never ran counts nowhere; a stray Enter on the home form starts nothing."""

import os
from datetime import timedelta

from textual.widgets import Button, Input, OptionList, Select

from lerend_tui import cli
from lerend_tui.commands.network import network_text
from lerend_tui.meeting.items import Item
from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.network.carry_over import carry_over
from lerend_tui.network.roles import role_counts
from lerend_tui.network.store import NetworkStore
from lerend_tui.network.trends import trends
from lerend_tui.screens.confirm import ConfirmScreen
from lerend_tui.screens.home import HomeScreen
from lerend_tui.screens.meeting import MeetingScreen
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.templates import load_templates

from ..appkit import finish_reading, home_app, paste


def stored_meeting(paths, clock, title, *, planned_hours=0.0, ran_hours=None, mtime_hours=None, network="",
                   finished=False):
    """A meeting on disk, planned `planned_hours` from now; with `ran_hours`, its first phase started then."""
    record = MeetingRecord.from_template(load_templates().get("bijeenkomst"), title=title, participants=["Anouk", "Bram"],
                                         planned_start=clock.now() + timedelta(hours=planned_hours))
    record.network = network
    if ran_hours is not None:
        record.started = record.phases[0].started = clock.now() + timedelta(hours=ran_hours)
    if finished:
        record.ended = clock.now()
    path = MeetingStore(paths.meetings).create(record)
    if mtime_hours is not None:
        moment = (clock.now() + timedelta(hours=mtime_hours)).timestamp()
        os.utime(path, (moment, moment))
    return record, path


def test_resume_takes_the_most_recently_used_not_the_latest_planned(paths, clock, data, no_app):
    stored_meeting(paths, clock, "Verdwaald", planned_hours=48, mtime_hours=-72)  # a stray start, long ago
    _, used = stored_meeting(paths, clock, "Echte avond", planned_hours=-24, ran_hours=-1, mtime_hours=-100)
    stored_meeting(paths, clock, "Klaar", planned_hours=72, ran_hours=0, finished=True)
    store = MeetingStore(paths.meetings)
    assert [stored.record.title for stored in store.unfinished()] == ["Echte avond", "Verdwaald"]
    assert store.latest_unfinished().path == used
    assert cli.main([*data, "start", "--resume"]) == 0
    assert no_app[0][1] == used


async def test_home_lists_each_unfinished_meeting_with_its_last_activity(paths, clock):
    stored_meeting(paths, clock, "Oud", mtime_hours=-30)
    stored_meeting(paths, clock, "Gisteren", ran_hours=-20)
    app = home_app(paths, clock)
    async with app.run_test(size=(160, 40)) as pilot:
        await finish_reading(pilot)
        unfinished = app.screen.query_one("#unfinished", OptionList)
        lines = [str(unfinished.get_option_at_index(index).prompt) for index in range(unfinished.option_count)]
        yesterday, older = (clock.local(clock.now() + timedelta(hours=hours)) for hours in (-20, -30))
        assert "Gisteren" in lines[0] and lines[0].endswith(f"laatst bezig {yesterday:%d-%m %H:%M}")
        assert "Oud" in lines[1] and lines[1].endswith(f"laatst bezig {older:%d-%m %H:%M}")
        await pilot.press("ctrl+r")  # "Verder": the one used last
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.screen.meeting.record.title == "Gisteren"


async def test_enter_in_a_home_field_starts_nothing_f5_does(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        app.screen.query_one("#title", Input).focus()
        await paste(pilot, "Per ongeluk")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and not list(paths.meetings.glob("*.toml"))
        assert app.focused is app.screen.query_one("#participants", Input)  # Enter goes on to the next field
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.screen.meeting.record.title == "Per ongeluk"


async def focus_unfinished(pilot) -> OptionList:
    await finish_reading(pilot)
    unfinished = pilot.app.screen.query_one("#unfinished", OptionList)
    unfinished.focus()
    await pilot.pause()
    return unfinished


async def test_finish_an_unfinished_meeting_from_home_asking_first(paths, clock):
    record, path = stored_meeting(paths, clock, "Afgebroken", ran_hours=-2)
    app = home_app(paths, clock)
    async with app.run_test(size=(160, 40)) as pilot:
        assert app.screen.check_action("finish_unfinished", ()) is False  # not from the form
        await focus_unfinished(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, ConfirmScreen)
        assert isinstance(app.focused, Button) and app.focused.id == "no"  # the safe answer
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and not MeetingStore(paths.meetings).load(path).finished
        await pilot.press("f", "j")
        await finish_reading(pilot)
        finished = MeetingStore(paths.meetings).load(path)
        assert finished.finished and finished.phases[0].ended is not None
        past = app.screen.query_one("#past", OptionList)
        assert "Afgebroken" in str(past.get_option_at_index(0).prompt)
        assert app.screen.query_one("#unfinished", OptionList).get_option_at_index(0).disabled


def network_with_a_real_meeting_and_an_abandoned_one(paths, clock):
    """A network whose last meeting that ran noted 5 commitments and 3 actions, followed by one in which no
    phase ever ran (a stray start, with a role drawn)."""
    networks = NetworkStore(paths.networks_folder)
    network = networks.create("Zorgnetwerk Zuid", participants=["Anouk", "Bram"])
    real, real_path = stored_meeting(paths, clock, "Echte avond", planned_hours=-48, ran_hours=-48,
                                     network=network.id, finished=True)
    real.items = ([Item("stok", f"stok {number}", "Anouk", "Evaluatie en afsluiting") for number in range(5)]
                  + [Item("actie", f"actie {number}", "Bram", "Evaluatie en afsluiting") for number in range(3)])
    MeetingStore(paths.meetings).save(real, real_path)
    stray, stray_path = stored_meeting(paths, clock, "Per ongeluk", planned_hours=-1, network=network.id)
    stray.phases[3].roles = {"inbrenger": "Bram"}
    MeetingStore(paths.meetings).save(stray, stray_path)
    for path in (real_path, stray_path):
        networks.add_meeting(network, path.stem)
    return networks, network, stray_path


def records_of(paths):
    return {stored.id: stored.record for stored in MeetingStore(paths.meetings).scan()[0]}


def test_a_meeting_that_never_ran_counts_nowhere(paths, clock):
    networks, network, _ = network_with_a_real_meeting_and_an_abandoned_one(paths, clock)
    records = records_of(paths)
    assert len(carry_over(network, records)) == 8  # from the last meeting that ran, not "Niets"
    assert [point.title for point in trends(network, records)] == ["Echte avond"]
    assert role_counts(network, records)["Bram"] == {}
    assert "Komt terug bij de volgende check-in" in network_text(network, records)


async def test_throw_away_an_abandoned_meeting_keeps_its_file_aside_and_the_carry_over_holds(paths, clock):
    networks, network, stray_path = network_with_a_real_meeting_and_an_abandoned_one(paths, clock)
    app = home_app(paths, clock)
    async with app.run_test(size=(160, 40)) as pilot:
        unfinished = await focus_unfinished(pilot)
        assert "Per ongeluk" in str(unfinished.get_option_at_index(0).prompt)
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen) and app.focused.id == "no"
        await pilot.press("space")  # a stray key: the safe answer
        await pilot.pause()
        assert stray_path.exists()
        await pilot.press("delete", "j")
        await finish_reading(pilot)
        assert not stray_path.exists()
        kept = stray_path.with_name(stray_path.name + ".bak")
        assert 'title = "Per ongeluk"' in kept.read_text(encoding="utf-8")  # the meeting itself, kept aside
        assert [stored.record.title for stored in MeetingStore(paths.meetings).scan()[0]] == ["Echte avond"]
        assert stray_path.stem not in networks.load(network.id).meetings  # not "niet gevonden" either
        app.screen.query_one("#network", Select).value = network.id
        app.screen.query_one("#title", Input).value = "Volgende avond"
        await pilot.press("f5")
        await pilot.pause()
        carried = app.screen.meeting.record.carried
        assert sorted(entry.text for entry in carried) == sorted([*(f"stok {n}" for n in range(5)),
                                                                 *(f"actie {n}" for n in range(3))])
