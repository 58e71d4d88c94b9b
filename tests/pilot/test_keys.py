"""Keys written once: every binding of every screen is in its help and, when it can act, in its palette; the
facilitator's `[keymap]` changes a key by its id for the keys, the footer and the help; bad entries are named."""

from pathlib import Path

import pytest
from textual.actions import parse
from textual.binding import Binding
from textual.widgets import Footer

from lerend_tui.app import LerendApp
from lerend_tui.common.settings import config_path, load_settings
from lerend_tui.network.store import NetworkStore
from lerend_tui.plans.plan import PlanStore
from lerend_tui.screens.catalogue import CatalogueScreen
from lerend_tui.screens.help import HelpScreen
from lerend_tui.screens.home import HomeScreen
from lerend_tui.screens.intake import IntakeScreen
from lerend_tui.screens.keys import (
    SEPARATOR,
    KeyedScreen,
    binding_rows,
    current_bindings,
    help_rows,
    key_name,
    screen_classes,
    single_key_actions,
)
from lerend_tui.screens.meeting import MeetingScreen
from lerend_tui.screens.network import NetworkScreen
from lerend_tui.screens.networks import NetworksScreen
from lerend_tui.screens.plan import PlanScreen
from lerend_tui.screens.plans import PlansScreen
from lerend_tui.screens.review import ReviewScreen
from lerend_tui.screens.talk import TalkScreen
from lerend_tui.talk import builtin_talk

from ..appkit import home_app, meeting_app
from ..samples import make_network, planned_evening, store_meetings

README = Path(__file__).parents[2] / "README.md"


def declared(cls) -> list[Binding]:
    return [binding for binding in cls.__dict__.get("BINDINGS", []) if isinstance(binding, Binding)]


def keyed_classes():
    return [cls for cls in screen_classes() if issubclass(cls, KeyedScreen)]


def all_bindings():
    return [binding for cls in [LerendApp, *screen_classes()] for binding in declared(cls)]


def test_every_binding_has_an_id_of_its_own():
    ids = [binding.id for binding in all_bindings()]
    assert None not in ids
    assert len(ids) == len(set(ids)), sorted(id for id in ids if ids.count(id) > 1)


def test_the_keys_the_facilitator_reads_are_explained():
    """The help and the palette show a tooltip for each key of the program and of the screens worked in."""
    for cls in [LerendApp, *keyed_classes()]:
        for binding in declared(cls):
            assert binding.tooltip and binding.description, (cls.__name__, binding.id)


def test_the_readme_names_every_binding_id():
    """The ids a `[keymap]` can use are listed where the config file is explained."""
    readme = README.read_text(encoding="utf-8")
    missing = [binding.id for binding in all_bindings() if f"`{binding.id}`" not in readme]
    assert not missing


def test_a_dialog_s_help_lines_would_hold_every_binding():
    for cls in screen_classes():
        bindings = current_bindings(cls.BINDINGS, {})
        rows = binding_rows(bindings)
        for binding in bindings:
            assert any(key_name(binding.key) in keys.split(SEPARATOR) for keys, _ in rows), (cls, binding.id)


def screens_to_open(paths):
    """One of each screen the facilitator works in (the meeting screen is the app's own)."""
    plan = planned_evening(paths)
    network = make_network(paths, participants=("Anouk", "Bram"))
    networks = NetworkStore(paths.networks_folder)
    stored = store_meetings(paths, broken=False)["Oktober: grenzen stellen"]
    return {
        PlanScreen: lambda: PlanScreen(plan, PlanStore(paths.plans)),
        PlansScreen: PlansScreen,
        NetworkScreen: lambda: NetworkScreen(networks.load(network.id), networks),
        NetworksScreen: NetworksScreen,
        CatalogueScreen: lambda: CatalogueScreen(choosing=True),
        ReviewScreen: lambda: ReviewScreen(stored),
        IntakeScreen: lambda: IntakeScreen(network, network.participants[0], lambda: True),
        TalkScreen: lambda: TalkScreen(builtin_talk().deck()),
    }


def assert_help_and_palette_hold_every_binding(app, screen):
    rows = help_rows(screen)
    commands = list(app.get_system_commands(screen))
    for node in (screen, app):
        offers = screen.offers if node is screen else app.check_action
        for binding in current_bindings(node.BINDINGS, app._keymap):
            if binding.action == "command_palette":  # the palette does not offer itself
                assert not any(command.title == "Opdrachten" for command in commands)
                continue
            line = binding.group.description if binding.group else binding.tooltip
            assert any(key_name(binding.key) in keys.split(SEPARATOR) and text == line for keys, text in rows), \
                (type(screen).__name__, binding.id)
            _, name, parameters = parse(binding.action)
            if offers(name, parameters):
                title = binding.tooltip.partition(": ")[0]
                assert any(command.title == title and key_name(binding.key) in command.help for command in commands), \
                    (type(screen).__name__, binding.id)


async def test_every_screen_shows_each_of_its_keys_in_its_help_and_palette(paths, clock):
    app, _ = meeting_app(paths, clock, participants=("Anouk", "Bram"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert_help_and_palette_hold_every_binding(app, app.screen)
    app = home_app(paths, clock)
    opened = screens_to_open(paths)
    assert set(opened) | {MeetingScreen, HomeScreen} == set(keyed_classes())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert_help_and_palette_hold_every_binding(app, app.screen)
        for make in opened.values():
            await app.push_screen(make())
            await pilot.pause()
            assert_help_and_palette_hold_every_binding(app, app.screen)


async def test_a_palette_entry_does_what_its_key_does(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        assert commands["Volgende"].help.startswith("n of PageDown: ")
        commands["Volgende"].callback()  # while the notes have the focus, as the palette leaves them
        await pilot.pause()
        assert app.screen.meeting.index == 1
        commands["Minuut erbij"].callback()
        assert app.screen.meeting.current.extra_minutes == 1


async def test_the_meeting_s_single_keys_come_from_its_bindings(paths, clock):
    """The keys that type a character wait while the notes are typed in: after the keymap, so a key moved
    to F6 acts while typing, and one moved to `x` waits."""
    app, _ = meeting_app(paths, clock)
    async with app.run_test():
        singles = {"toggle_timer", "next_phase", "previous_phase", "adjust", "beamer", "draw", "checkout",
                   "carry_over", "comparison", "rebudget", "attendance", "message", "blank", "talk"}
        assert single_key_actions(app.screen) == singles
        app.set_keymap({"meeting.timer": "f6", "meeting.to_beamer": "x"})
        assert single_key_actions(app.screen) == singles - {"toggle_timer"} | {"to_beamer"}


def test_key_names_are_written_as_the_help_writes_them():
    assert [key_name(key) for key in ("space", "ctrl+b", "pagedown", "escape", "question_mark", "f1", "plus",
                                      "minus", "slash", "ctrl+up", "delete", "n", "enter")] == \
        ["spatie", "Ctrl+B", "PageDown", "Esc", "?", "F1", "+", "-", "/", "Ctrl+↑", "Del", "n", "Enter"]


# -- the facilitator's keymap --------------------------------------------------------------------

def app_with_config(paths, clock, text: str) -> LerendApp:
    """A meeting's app as `lerend-tui start` builds it, with this config file."""
    config_path(paths).parent.mkdir(parents=True, exist_ok=True)
    config_path(paths).write_text(text, encoding="utf-8")
    settings, problems = load_settings(config_path(paths))
    return meeting_app(paths, clock, settings=settings, problems=problems)[0]


async def test_a_key_of_the_keymap_acts_and_the_footer_and_help_show_it(paths, clock):
    app = app_with_config(paths, clock, '[keymap]\nmeeting.next = "j"\n"meeting.timer" = "t, f6"\n'
                                        '"app.palette" = "f9"\n')
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        await pilot.press("escape", "n")
        assert screen.meeting.index == 0  # `n` is no longer the key
        await pilot.press("j")
        assert screen.meeting.index == 1
        await pilot.press("f6")
        assert screen.meeting.timer.running
        await pilot.pause()
        footer_keys = [key.key for key in screen.query_one(Footer).query("FooterKey")]
        assert {"j", "t", "f9"} <= set(footer_keys) and not {"n", "ctrl+p"} & set(footer_keys)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [keys for keys, _ in app.screen.rows]
        assert {"j  ·  PageDown", "t  ·  F6", "F9"} <= set(keys)
        assert not app._notifications
        await pilot.press("escape", "f9")
        assert type(app.screen).__name__ == "CommandPalette"


@pytest.mark.parametrize(("line", "field", "words"), [
    ('"meeting.nxt" = "j"', "keymap.meeting.nxt", "bedoel je 'meeting.next'?"),
    ('"schermen.iets" = "j"', "keymap.schermen.iets", "geen actie met deze naam"),
    ('"meeting.next" = ""', "keymap.meeting.next", "mag niet leeg zijn"),
    ('"meeting.next" = "j,,k"', "keymap.meeting.next", "een lege toets"),
    ('"meeting.next" = "ctrl+banaan"', "keymap.meeting.next", "onbekende toets 'ctrl+banaan'"),
    ('"meeting.next" = 3', "keymap.meeting.next", "verwacht tekst"),
])
async def test_a_bad_keymap_entry_is_named_and_the_others_still_apply(paths, clock, line, field, words):
    app = app_with_config(paths, clock, f'[keymap]\n{line}\n"meeting.beamer" = "f7"\n')
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        [notification] = app._notifications
        assert str(config_path(paths)) in notification.message and f"'{field}'" in notification.message
        assert words in notification.message
        await pilot.press("escape", "f7")
        assert type(app.screen).__name__ == "BeamerScreen"


def test_a_keymap_that_is_not_a_table_is_named(paths):
    config_path(paths).parent.mkdir(parents=True, exist_ok=True)
    config_path(paths).write_text('keymap = "j"\n', encoding="utf-8")
    settings, problems = load_settings(config_path(paths))
    assert settings.keymap == {}
    assert [(problem.field, problem.problem) for problem in problems] == [("keymap", "verwacht een tabel")]
