"""Pilot tests: a facilitator steps through a meeting with the keyboard."""

import re
import tomllib

from textual.widgets import Digits, TextArea

from lerend_tui.screens.confirm import ConfirmScreen
from lerend_tui.screens.help import HelpScreen
from lerend_tui.screens.home import HomeScreen
from lerend_tui.screens.meeting import MeetingScreen
from lerend_tui.screens.too_small import TooSmallScreen

from ..appkit import meeting_app, until
from ..lockkit import held_elsewhere


def saved(path):
    return tomllib.loads(path.read_text(encoding="utf-8"))


async def type_text(pilot, text):
    await pilot.press(*["space" if char == " " else char for char in text])


async def test_step_through_every_phase_typing_notes(paths, clock):
    app, path = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press("escape", "space", "enter")  # start the clock, back to the notes
        for index in range(5):
            assert screen.meeting.index == index
            assert isinstance(app.focused, TextArea)
            await type_text(pilot, f"notitie {index + 1}")
            clock.advance(minutes=10 + index)
            await pilot.press("escape", "n")  # the next phase opens in command mode
            if index < 4:
                assert not isinstance(app.focused, TextArea)
                await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    data = saved(path)
    assert [phase["notes"] for phase in data["phases"]] == [f"notitie {n}" for n in range(1, 6)]
    assert [round(phase["elapsed_seconds"] / 60) for phase in data["phases"]] == [10, 11, 12, 13, 14]
    assert all("started" in phase and "ended" in phase for phase in data["phases"])
    assert "ended" in data


async def test_single_keys_type_while_in_the_notes_and_act_outside(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        screen = app.screen
        await pilot.press("n", "p", "space", "plus")
        assert screen.meeting.index == 0 and not screen.meeting.timer.running
        assert screen.query_one("#notes", TextArea).text == "np +"
        await pilot.press("escape", "n")
        assert screen.meeting.index == 1
        await pilot.press("escape", "p")
        assert screen.meeting.index == 0


async def test_clicker_keys_move_even_while_typing(paths, clock):
    app, path = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        screen = app.screen
        await type_text(pilot, "hallo")
        await pilot.press("pagedown")
        assert screen.meeting.index == 1
        await pilot.press("pageup")
        assert screen.meeting.index == 0
        assert screen.query_one("#notes", TextArea).text == "hallo"
    assert saved(path)["phases"][0]["notes"] == "hallo"  # a phase change saves


async def test_timer_keys_count_from_the_clock(paths, clock):
    app, path = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        screen = app.screen
        digits = screen.query_one(Digits)
        assert digits.value == "10:00"
        await pilot.press("escape", "plus", "plus", "minus")
        assert digits.value == "11:00"
        await pilot.press("space")
        clock.advance(minutes=12, seconds=5)
        screen.refresh_time()
        assert digits.value == "+01:05"
        assert "uitloop" in str(screen.query_one("#timer-words").render())
        assert "achter op schema" in str(screen.query_one("#topbar").render())
        await pilot.press("space")
        screen.refresh_time()
        assert "GEPAUZEERD" in str(screen.query_one("#timer-words").render())
    phase = saved(path)["phases"][0]
    assert (phase["planned_minutes"], phase["extra_minutes"]) == (10, 1)


async def test_notes_autosave_shortly_after_typing_stops(paths, clock):
    app, path = meeting_app(paths, clock, save_delay=0.01)
    async with app.run_test() as pilot:
        await type_text(pilot, "afspraak")
        await until(pilot, lambda: saved(path)["phases"][0]["notes"] == "afspraak", "the autosave")


async def test_a_change_whose_save_is_due_already_is_saved(paths, clock):
    """A key that comes when the save is due already (typing went on past the ceiling while the timer waited
    for its turn) is saved too: with no pause to wait for, every key comes at such a moment."""
    app, path = meeting_app(paths, clock, save_delay=0.0)
    async with app.run_test() as pilot:
        await type_text(pilot, "doorgetypt")
        await until(pilot, lambda: saved(path)["phases"][0]["notes"] == "doorgetypt", "the background save")


async def test_quit_saves_what_was_typed(paths, clock):
    app, path = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        await type_text(pilot, "laatste woord")
        await pilot.press("ctrl+q")
    assert saved(path)["phases"][0]["notes"] == "laatste woord"


async def test_help_lists_the_keys(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [keys for keys, _ in app.screen.rows]
        assert {"spatie", "n  ·  PageDown", "p  ·  PageUp", "+  ·  -", "Esc", "Ctrl+Q"} <= set(keys)
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("enter", "f1")  # F1 also works while typing
        assert isinstance(app.screen, HelpScreen)


async def test_palette_reaches_every_phase_and_action(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for number in range(1, 6):
            assert any(title.startswith(f"Ga naar fase {number}:") for title in titles)
        assert {"Timer starten of pauzeren", "Volgende", "Vorige", "Minuut erbij", "Minuut eraf", "Beamer"} <= set(titles)
        await pilot.press("ctrl+p")
        await type_text(pilot, "fase 4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.meeting.index == 3


async def test_small_terminals(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert not screen.query_one("#agenda").display
        for selector in ("#phase-title", "#clock", "#notes"):
            assert screen.query_one(selector).region.height > 0, selector
        await pilot.resize_terminal(59, 20)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "te klein" in str(app.screen.query_one("Static").render())
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#agenda").display


async def test_titles_with_brackets_are_shown_as_typed(paths, clock):
    app, _ = meeting_app(paths, clock, title="Netwerk [zorg] [/b] [link=x]")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Netwerk [zorg] [/b] [link=x]" in str(app.screen.query_one("#topbar").render())


async def test_the_bell_rings_once_at_zero_unless_turned_off(paths, clock):
    from lerend_tui.common.settings import Settings

    for bell, expected in ((True, 1), (False, 0)):
        app, _ = meeting_app(paths, clock, title=f"Bel {bell}")
        app.services.settings = Settings(bell=bell)
        rung = []
        app.bell = lambda: rung.append(1)  # noqa: B023 (this iteration's app and list)
        async with app.run_test() as pilot:
            screen = app.screen
            await pilot.press("escape", "space")
            clock.advance(minutes=10, seconds=1)
            screen.refresh_time()
            screen.refresh_time()
        assert len(rung) == expected


async def test_steps_and_rounds_show_on_the_meeting_screen(paths, clock):
    app, _ = meeting_app(paths, clock, participants=("Anouk", "Bram"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        line = str(screen.query_one("#focus-line").render())
        assert line.startswith("Nu: ") and "(1 van 2)" in line and "01:30" in line
        await pilot.press("escape", "n")
        assert "(2 van 2)" in str(screen.query_one("#focus-line").render())
        await pilot.press("n")  # round done: the phase's own countdown again
        assert not screen.query_one("#focus-line").display
        await pilot.press("n")
        assert screen.meeting.index == 1


async def test_items_are_listed_beside_the_notes_once_typing_pauses(paths, clock):
    app, path = meeting_app(paths, clock, save_delay=0.01)
    async with app.run_test() as pilot:
        screen = app.screen
        assert not screen.query_one("#items").display
        await type_text(pilot, "Actie: @Bram belt de wijkagent")
        await until(pilot, lambda: screen.query_one("#items").display, "the items beside the notes")
        assert "Actie: @Bram belt de wijkagent" in str(screen.query_one("#items").render())
    assert saved(path)["items"] == [{"kind": "actie", "text": "@Bram belt de wijkagent", "owner": "Bram",
                                    "phase": "Opstart en check-in"}]


async def test_a_twin_of_an_open_meeting_is_read_only(paths, clock):
    from lerend_tui.storage.lock import lock_path

    app, path = meeting_app(paths, clock)
    before = path.read_text(encoding="utf-8")
    with held_elsewhere(path):
        held = lock_path(path).read_text()
        async with app.run_test() as pilot:
            screen = app.screen
            assert screen.read_only
            assert re.search(r"alleen lezen — al geopend in een ander venster \(sinds \d\d:\d\d\)",
                             str(screen.query_one("#topbar").render()))
            await pilot.press(*"typen")
            await pilot.press("escape", "space", "plus", "n")
            assert not screen.meeting.timer.running and screen.meeting.current.extra_minutes == 0
            assert screen.meeting.index == 1  # looking through the phases is fine
            await pilot.press("b")  # its beamer: the same keys, the same limits
            await pilot.press("space", "plus", "n")
            assert not screen.meeting.timer.running and screen.meeting.current.extra_minutes == 0
            assert screen.meeting.index == 2
            await pilot.press("escape", "ctrl+q")
        assert path.read_text(encoding="utf-8") == before
        assert lock_path(path).read_text() == held  # the other program's lock, untouched


async def test_a_lock_that_cannot_be_made_opens_read_only_and_says_why(paths, clock, tmp_path):
    from lerend_tui.storage.lock import lock_path

    app, path = meeting_app(paths, clock)
    elsewhere = tmp_path / "elders.txt"
    elsewhere.write_text("niet van ons")
    lock_path(path).symlink_to(elsewhere)
    async with app.run_test() as pilot:
        assert app.screen.read_only
        topbar = str(app.screen.query_one("#topbar").render())
        assert "alleen lezen — kan het slot" in topbar and "symbolische koppeling" in topbar
        await pilot.press("ctrl+q")
    assert elsewhere.read_text() == "niet van ons"


async def test_the_lock_is_taken_and_given_back(paths, clock):
    from lerend_tui.storage.lock import lock_path

    app, path = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        assert not app.screen.read_only and lock_path(path).exists()
        await pilot.press("ctrl+q")
    assert not lock_path(path).exists()


async def test_checkout_in_the_closing_saves_words_and_roti(paths, clock):
    from textual.widgets import Input

    from lerend_tui.screens.checkout import CheckoutScreen

    app, path = meeting_app(paths, clock, participants=("Anouk", "Bram"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.press("escape", "c")
        assert not isinstance(app.screen, CheckoutScreen)  # only in the closing
        screen.go_to(4)
        await pilot.press("escape", "c")
        checkout = app.screen
        assert isinstance(checkout, CheckoutScreen)
        checkout.query_one("#word-0", Input).value = "energiek"
        checkout.query_one("#score-0", Input).value = "5"
        checkout.query_one("#word-1", Input).value = "moe"
        checkout.query_one("#score-1", Input).value = "3"
        checkout.query_one("#commitment-1", Input).value = "belt drie klanten"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#notes", TextArea).text == "Stok achter de deur: @Bram belt drie klanten\n"
    assert saved(path)["checkout"] == [{"name": "Anouk", "word": "energiek", "score": 5},
                                       {"name": "Bram", "word": "moe", "score": 3}]
    assert saved(path)["items"] == [{"kind": "stok", "text": "@Bram belt drie klanten", "owner": "Bram",
                                     "phase": "Evaluatie en afsluiting"}]


async def test_the_check_in_brings_back_last_times_commitments_to_tick_off(paths, clock):
    from lerend_tui.meeting.record import Carried
    from lerend_tui.screens.carry_over import CarryOverScreen

    app, path = meeting_app(paths, clock, participants=("Anouk", "Bram"), carried=[
        Carried("stok", "@Bram belt drie klanten", "Bram", "2026-11-03-vorige"),
        Carried("actie", "@Anouk stuurt het artikel", "Anouk", "2026-11-03-vorige")])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        guidance = str(screen.query_one("#guidance").render())
        assert "Van de vorige keer (2 open" in guidance
        assert "Anouk: ○ @Anouk stuurt het artikel" in guidance and "Bram: ○ @Bram belt" in guidance
        await pilot.press("escape", "v")
        assert isinstance(app.screen, CarryOverScreen)
        await pilot.press("g", "down", "l", "escape")
        await pilot.pause()
        assert app.screen is screen
        assert "Van de vorige keer (0 open" in str(screen.query_one("#guidance").render())
    assert [(entry["owner"], entry["status"]) for entry in saved(path)["carried"]] == [
        ("Bram", "loopt door"), ("Anouk", "gedaan")]


def held_writes(monkeypatch):
    """Make background writes wait until the returned event is set; the notes of each background write as it
    starts (and waits), and of each write as it goes ahead, in order."""
    import threading

    from lerend_tui.storage import meetings as storage

    release, started, written = threading.Event(), [], []
    write = storage.atomic_write_text

    def held_write(path, text, **kwargs):
        notes = tomllib.loads(text)["phases"][0]["notes"]
        if threading.current_thread() is not threading.main_thread():
            started.append(notes)
            assert release.wait(10)
        written.append(notes)
        write(path, text, **kwargs)

    monkeypatch.setattr(storage, "atomic_write_text", held_write)
    return release, started, written


async def test_autosave_writes_in_the_background_while_typing_goes_on(paths, clock, monkeypatch):
    app, path = meeting_app(paths, clock, save_delay=0.01)
    release, started, written = held_writes(monkeypatch)
    async with app.run_test() as pilot:
        screen = app.screen
        notes = screen.query_one("#notes", TextArea)
        notes.insert("eerste")
        await until(pilot, lambda: started == ["eerste"], "the save of the first words")  # written, slowly
        notes.insert(" tweede")
        # Paused again: that save is due in 0.01 s, and must wait for the first. Nothing shows that it waits,
        # so the test gives it the time in which a second write would have started.
        await pilot.pause(0.15)
        assert notes.text == "eerste tweede"
        assert started == ["eerste"] and saved(path)["phases"][0]["notes"] == "" and not written
        release.set()
        await until(pilot, lambda: saved(path)["phases"][0]["notes"] == "eerste tweede", "the second save")
        assert written == ["eerste", "eerste tweede"]


async def test_quitting_waits_for_a_background_save_and_writes_the_newest(paths, clock, monkeypatch):
    import threading

    app, path = meeting_app(paths, clock, save_delay=0.01)
    release, started, written = held_writes(monkeypatch)
    async with app.run_test() as pilot:
        notes = app.screen.query_one("#notes", TextArea)
        notes.insert("eerste")
        await until(pilot, lambda: started == ["eerste"], "the save of the first words")
        notes.insert(" laatste")
        await pilot.pause()
        threading.Timer(0.3, release.set).start()  # the write goes ahead while quitting waits for it
        await pilot.press("ctrl+q")  # waits until the write in progress is done, then writes everything
    assert written == ["eerste", "eerste laatste"]
    assert saved(path)["phases"][0]["notes"] == "eerste laatste"


async def test_a_failed_background_save_says_so_and_tries_again(paths, clock, monkeypatch):
    from lerend_tui.screens import meeting as meeting_screen
    from lerend_tui.storage import meetings as storage

    app, path = meeting_app(paths, clock, save_delay=0.01)
    monkeypatch.setattr(meeting_screen, "RETRY_SECONDS", 0.1)
    write, disk_full = storage.atomic_write_text, [True]

    def flaky_write(*args, **kwargs):
        if disk_full[0]:
            raise OSError(28, "No space left on device")
        write(*args, **kwargs)

    monkeypatch.setattr(storage, "atomic_write_text", flaky_write)
    async with app.run_test() as pilot:
        screen = app.screen
        screen.query_one("#notes", TextArea).insert("bewaar mij")
        await until(pilot, lambda: app._notifications, "the failed save's notification")
        screen.refresh_time()
        assert "niet opgeslagen" in str(screen.query_one("#topbar").render())
        assert [n.title for n in app._notifications] == ["Niet opgeslagen"]
        assert "No space left on device" in next(iter(app._notifications)).message
        disk_full[0] = False
        await until(pilot, lambda: any(n.message == "Alles is weer opgeslagen." for n in app._notifications),
                    "the retried save")
        screen.refresh_time()
        assert "niet opgeslagen" not in str(screen.query_one("#topbar").render())
        assert any(n.message == "Alles is weer opgeslagen." for n in app._notifications)
    assert saved(path)["phases"][0]["notes"] == "bewaar mij"


async def test_the_last_keys_before_a_clicker_or_ctrl_q_are_kept(paths, clock):
    """The pane's last change may still be queued when PageDown or Ctrl+Q is handled."""
    app, path = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        notes = app.screen.query_one("#notes", TextArea)
        notes.insert("eerste")  # its Changed message is still queued when the clicker's key is handled
        app.screen.action_clicker_next()
        await pilot.pause()
        notes.insert("tweede")
        await app.action_quit()
    assert [phase["notes"] for phase in saved(path)["phases"][:2]] == ["eerste", "tweede"]


async def test_a_meeting_from_a_plan_shows_theme_goal_and_who_brings_what(paths, clock):
    import random

    from lerend_tui.app import make_app
    from lerend_tui.plans.plan import MeetingPlan, plan_to_record
    from lerend_tui.storage.meetings import MeetingStore
    from lerend_tui.templates import load_templates

    plan = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="Avond december",
                                     title="Bijeenkomst december")
    plan.theme, plan.goal = "Eenzaamheid in de wijk", "Elkaars aanpak leren kennen"
    plan.phases[2].content_by = "Anouk"
    plan.phases[3].case_by, plan.phases[3].workform = "Bram", "troika-consulting"
    record = plan_to_record(plan, planned_start=clock.now(), participants=["Anouk", "Bram"])
    record.phases[3].workform = "socratische-intervisie"  # drawn instead of the planned one
    path = MeetingStore(paths.meetings).create(record)
    app = make_app(paths, clock=clock, rng=random.Random(1), open_meeting=(record, path), save_delay=60.0)

    def guidance() -> str:
        return str(app.screen.query_one("#guidance").render())

    async with app.run_test(size=(100, 30)) as pilot:
        assert guidance().startswith("Thema: Eenzaamheid in de wijk\nDoel: Elkaars aanpak leren kennen\n"
                                     "Aanwezig: 2 van 2 · w: aanwezigheid\n\n")
        assert "Inhoud:" not in guidance() and "Gepland:" not in guidance()
        app.screen.go_to(2)  # as "Ga naar fase 3" in the command palette
        await pilot.pause()
        assert guidance().startswith("Inhoud: Anouk\n\n")
        assert "Thema:" not in guidance(), "the theme belongs to the check-in"
        await pilot.press("escape", "n")
        assert app.screen.meeting.index == 3
        assert guidance().startswith("Casus: Bram\nGepland: Trojka-consult\n\n")


async def test_n_n_from_command_mode_moves_two_phases_and_types_nothing(paths, clock):
    app, path = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        screen = app.screen
        notes = screen.query_one("#notes", TextArea)
        assert app.focused is notes  # the first open of the meeting: typing goes to the notes
        await pilot.press("escape", "n", "n")
        assert screen.meeting.index == 2
        assert app.focused is not notes and notes.text == ""
        await pilot.press("p", "n", "n", "n")
        assert screen.meeting.index == 4 and isinstance(app.screen, MeetingScreen)
        await pilot.press("enter", *"klaar")
        assert notes.text == "klaar"
        await pilot.press("ctrl+q")
    assert [phase["notes"] for phase in saved(path)["phases"]] == ["", "", "", "", "klaar"]


async def test_pagedown_while_typing_moves_on_and_typing_goes_on(paths, clock):
    app, path = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        screen = app.screen
        notes = screen.query_one("#notes", TextArea)
        await type_text(pilot, "een")
        await pilot.press("pagedown")
        await type_text(pilot, "twee")
        assert screen.meeting.index == 1 and app.focused is notes and notes.text == "twee"
        await pilot.press("pageup", *"!")
        assert screen.meeting.index == 0 and notes.text == "een!"  # the cursor at the end of the notes there
        await pilot.press("escape", "pagedown", "n")  # a clicker in command mode: still command mode
        assert screen.meeting.index == 2 and app.focused is not notes and notes.text == ""
    assert [phase["notes"] for phase in saved(path)["phases"][:2]] == ["een!", "twee"]


async def test_the_last_pagedown_asks_with_the_safe_answer_focused_and_ignores_typing(paths, clock):
    app, path = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        screen = app.screen
        screen.go_to(4)
        await pilot.press(*"slot")
        await pilot.press("pagedown")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.focused.id == "no" and app.focused.label.plain == "Annuleren"
        await pilot.press("space", "enter")  # typing meant for the notes: Enter on the focused safe answer
        assert isinstance(app.screen, MeetingScreen) and not screen.meeting.record.ended
        await pilot.press("pagedown")
        await pilot.press(*"ok hallo", "space", "a")  # letters that are not the dialog's own do nothing
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, MeetingScreen) and not screen.meeting.record.ended
        assert app.focused is screen.query_one("#notes")  # back where the facilitator was typing
        await pilot.press("pagedown", "j")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    data = saved(path)
    assert "ended" in data and data["phases"][4]["notes"] == "slot"


async def test_every_confirmation_focuses_its_safe_answer(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        answers = []
        app.push_screen(ConfirmScreen("Planning weggooien?", "Weggooien", "Blijven"), answers.append)
        await pilot.pause()
        assert app.focused.id == "no" and app.focused.label.plain == "Blijven"
        assert "j: Weggooien" in str(app.screen.query_one("#confirm-keys").render())
        await pilot.press("x", "space", "enter")
        app.push_screen(ConfirmScreen("Planning weggooien?", "Weggooien"), answers.append)
        await pilot.pause()
        await pilot.press("y")
        assert answers == [False, True]
