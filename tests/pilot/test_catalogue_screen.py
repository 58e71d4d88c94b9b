"""The work-format catalogue screen: open it from home, filter, read a card. Its snapshots are in
snapshots/test_catalogue_screen.py."""

from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList, Select, Static

from lerend_tui.catalogue.workforms import builtin_workform_files, load_catalogue
from lerend_tui.screens.catalogue import NOTHING_MATCHES, CatalogueScreen
from lerend_tui.screens.home import HomeScreen
from lerend_tui.screens.keys import help_rows
from lerend_tui.widgets.workform_card import WorkformCard

from ..appkit import home_app

TROIKA = next(path for path in builtin_workform_files() if path.stem == "troika-consulting")


def card_text(screen) -> str:
    return "\n".join(str(static.content) for static in screen.query_one(WorkformCard).query(Static))


def listed_ids(screen: CatalogueScreen) -> list[str]:
    option_list = screen.query_one("#workforms", OptionList)
    return [option_list.get_option_at_index(i).id for i in range(option_list.option_count)]


async def open_catalogue(pilot) -> CatalogueScreen:
    await pilot.press("ctrl+w")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CatalogueScreen)
    return screen


async def test_opens_from_home_with_every_builtin_and_escape_goes_back(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        assert isinstance(app.focused, Input)  # Ctrl+W must not be taken as "delete a word"
        screen = await open_catalogue(pilot)
        ids = listed_ids(screen)
        assert len(ids) == len(load_catalogue()) >= 40
        assert str(screen.query_one("#count", Static).content) == f"{len(ids)} werkvormen"
        first = screen.listed[0]
        assert first.name in card_text(screen) and first.steps[0].instruction in card_text(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_filter_by_phase_and_text_narrows_the_list_and_the_card_follows(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_catalogue(pilot)
        everything = len(listed_ids(screen))
        screen.query_one("#phase", Select).value = "coaching"
        await pilot.pause()
        coaching = listed_ids(screen)
        assert "troika-consulting" in coaching and "1-2-4-allen" not in coaching
        assert 0 < len(coaching) < everything
        assert all("coaching" in workform.phases for workform in screen.listed)

        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"TROIKA")
        await pilot.pause()
        assert listed_ids(screen) == ["troika-consulting"]
        assert str(screen.query_one("#count", Static).content) == "1 werkvorm"
        text = card_text(screen)
        assert "Trojka-consult" in text and "Troika Consulting" in text
        assert "in groepjes van 3" in text and "Ronde 1: meedenken" in text and "De inbrenger draait zich om" in text

        await pilot.press("slash")  # a character while typing, not the key
        await pilot.pause()
        assert screen.query_one("#search", Input).value == "TROIKA/"
        assert screen.listed == []
        assert listed_ids(screen) == [None]
        assert NOTHING_MATCHES in str(screen.query_one("#workforms", OptionList).get_option_at_index(0).prompt)

        screen.query_one("#search", Input).value = "intervisie"
        screen.query_one("#phase", Select).value = "alle"
        await pilot.pause()
        assert "troika-consulting" in listed_ids(screen)
        assert all("intervisie" in " ".join((w.name, w.name_en, w.summary, *w.tags)).lower() for w in screen.listed)


async def test_highlighting_another_format_shows_its_card(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        screen = await open_catalogue(pilot)
        await pilot.press("down", "down")
        await pilot.pause()
        third = screen.listed[2]
        assert screen.highlighted == third
        assert third.summary in card_text(screen)


async def test_a_user_file_overrides_a_builtin_and_a_broken_one_is_reported(paths, clock):
    own = TROIKA.read_text(encoding="utf-8").replace('name = "Trojka-consult"', 'name = "Trojka [eigen versie]"')
    (paths.workforms / "troika-consulting.toml").write_text(own, encoding="utf-8")
    (paths.workforms / "kapot.toml").write_text("id = [\n", encoding="utf-8")
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        screen = await open_catalogue(pilot)
        warnings = [n for n in app._notifications if n.severity == "warning" and "kapot.toml" in n.message]
        assert len(warnings) == 1
        assert len(listed_ids(screen)) == len(load_catalogue()) >= 40
        await pilot.press("slash", *"troika")
        await pilot.pause()
        assert [w.name for w in screen.listed] == ["Trojka [eigen versie]"]
        assert "Trojka [eigen versie]" in card_text(screen)  # a bracket from a file is text, not markup


async def test_palette_and_help_cover_the_screen(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        screen = await open_catalogue(pilot)
        commands = {command.title: command.callback for command in app.get_system_commands(screen)}
        assert {"Filter op fase: Onderlinge coaching", "Filter op fase: Alle fasen", "Terug"} <= set(commands)
        commands["Filter op fase: Check-in"]()
        await pilot.pause()
        assert screen.listed and all("checkin" in w.phases for w in screen.listed)
        assert any(keys == "/" for keys, _ in help_rows(screen))
        commands["Terug"]()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


class CardApp(App[None]):
    def compose(self) -> ComposeResult:
        yield WorkformCard(id="card")


async def test_card_shows_people_per_role_round_steps_and_can_be_filled_before_mounting():
    catalogue = load_catalogue()
    troika = catalogue.get("troika-consulting")
    app = CardApp()
    async with app.run_test() as pilot:
        card = app.query_one(WorkformCard)
        assert "Geen werkvorm gekozen." in card_text(app.screen)
        card.show(troika, {"inbrenger": "Anouk"})
        await pilot.pause()
        text = card_text(app.screen)
        assert "inbrenger: Anouk, consultant" in text and "Stappen (14)" in text
        assert "Bron: Liberating Structures" in text
        with_round = next(w for w in catalogue if any(step.round for step in w.steps))
        card.show(with_round)
        await pilot.pause()
        step = next(step for step in with_round.steps if step.round)
        assert any(step.title in line and "(rondje)" in line for line in card_text(app.screen).splitlines())
    early = WorkformCard()
    early.show(troika)  # before mounting: kept, drawn on mount
    assert early.workform == troika
