"""The footer shows the keys of what has the focus, and is rebuilt only when they change (`widgets.footer`)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from lerend_tui.widgets.footer import Footer


class FormScreen(Screen[None]):
    BINDINGS = [Binding("f5", "start", "Starten"), Binding("f6", "finish", "Afronden")]

    def __init__(self) -> None:
        super().__init__()
        self.can_finish = False
        self.rebuilds = 0

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.can_finish if action == "finish" else True

    def on_mount(self) -> None:
        footer = self.query_one(Footer)
        recompose = footer.recompose

        async def counted() -> None:
            self.rebuilds += 1
            await recompose()

        footer.recompose = counted  # type: ignore[method-assign]


class FooterApp(App[None]):
    ENABLE_COMMAND_PALETTE = False

    def get_default_screen(self) -> Screen[None]:
        return FormScreen()


def shown(screen: Screen[None]) -> list[str]:
    return [key.description for key in screen.query(FooterKey)]


async def test_the_footer_is_rebuilt_when_its_keys_change_and_only_then():
    app = FooterApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FormScreen)
        assert shown(screen) == ["Starten"] and screen.rebuilds == 1  # the first time the keys are known
        for _ in range(3):  # the focus moves between fields with the same keys: the footer stays as it is
            await pilot.press("tab")
            await pilot.pause()
        assert app.focused is not None and screen.rebuilds == 1 and shown(screen) == ["Starten"]
        screen.can_finish = True
        screen.refresh_bindings()
        screen.refresh_bindings()  # twice before the next frame: one rebuild
        await pilot.pause()
        assert shown(screen) == ["Starten", "Afronden"] and screen.rebuilds == 2
        screen.can_finish = False
        screen.refresh_bindings()
        await pilot.pause()
        assert shown(screen) == ["Starten"] and screen.rebuilds == 3
