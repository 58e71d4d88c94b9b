"""The learning networks: every network file in the data dir (the broken ones named, never written), a
small form to start a new network, and Enter to open one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from lerend_tui.common.text import count_text
from lerend_tui.common.validation import DataError
from lerend_tui.meeting.running import SetupError, parse_participants
from lerend_tui.network.store import Network, NetworkError
from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.keys import KeyedScreen
from lerend_tui.widgets.footer import Footer
from lerend_tui.widgets.form_field import FormField


def network_prompt(network: Network) -> Table:
    """Name and theme on the left, the counts on the right, so a long name wraps in its own column."""
    table = Table.grid(padding=(0, 0, 0, 2), expand=True)
    table.add_column(ratio=1)
    table.add_column(justify="right", no_wrap=True, style="dim")
    name = Text(network.name, style="bold")  # Text: a name is never read as markup
    if network.theme:
        name.append(f"\n{network.theme}", style="not bold dim")
    counts = (f"{count_text(len(network.participants), 'deelnemer', 'deelnemers')}\n"
              f"{count_text(len(network.meetings), 'bijeenkomst', 'bijeenkomsten')}")
    table.add_row(name, counts)
    return table


class NetworksScreen(KeyedScreen, LerendScreen[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "back", "Terug", key_display="esc", tooltip="Terug naar het beginscherm", id="networks.back"),
        Binding("ctrl+n", "focus_new", "Nieuw netwerk",
                tooltip="Nieuw netwerk: naar het formulier voor een nieuw netwerk", id="networks.new"),
    ]
    OTHER_KEYS = [
        ("↑ ↓", "Kies een netwerk"),
        ("Enter", "Open het gekozen netwerk (in het formulier: maak het nieuwe netwerk)"),
        ("Tab  ·  Shift+Tab", "Naar het volgende of vorige veld"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.networks: dict[str, Network] = {}
        self.created: str | None = None
        """The network just made here (its id), to highlight once the list shows it."""
        self.focus_on_show = True
        """When the list first shows: the focus on it, or on the form for a new network when there is none."""

    def compose(self) -> ComposeResult:
        yield Static("[b]Lerende netwerken[/b] · deelnemers, leervragen, afspraken en bijeenkomsten", id="topbar")
        with Horizontal(id="columns"):
            networks = OptionList(id="networks")
            networks.border_title = "Netwerken"
            networks.border_subtitle = "Enter: openen"
            yield networks
            with VerticalScroll(id="new-network") as new:
                new.border_title = "Nieuw netwerk"
                yield Label("Naam")
                yield FormField(placeholder="bijvoorbeeld Zorgnetwerk Zuid", id="name")
                yield Label("Thema")
                yield FormField(placeholder="waar het netwerk over leert", id="theme")
                yield Label("Deelnemers, gescheiden door komma's")
                yield FormField(placeholder="Anouk, Bram, Chris", id="participants")
                yield Static(id="new-error")
                yield Button("Maak netwerk", variant="primary", id="create", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.load_networks()

    def on_screen_resume(self) -> None:
        self.load_networks()

    def load_networks(self) -> None:
        """List every readable network by name, then each unreadable file with where it went wrong (read in the
        background, see `read_then_show`)."""
        self.read_then_show(self.services.networks.scan, self._show_networks, group="networks")

    def _show_networks(self, scanned: tuple[list[Network], list[DataError]]) -> None:
        found, problems = scanned
        self.networks = {network.id: network for network in found}
        option_list = self.query_one("#networks", OptionList)
        current = option_list.highlighted_option
        chosen = self.created or (current.id if current is not None else None)
        self.created = None
        option_list.clear_options()
        option_list.add_options(Option(network_prompt(network), id=network.id) for network in found)
        if not found:
            option_list.add_option(Option("Nog geen netwerken: maak er rechts een aan.", disabled=True))
        for problem in problems:
            option_list.add_option(Option(Content(f"⚠ onleesbaar: {problem}"), disabled=True))
        option_list.border_subtitle = (f"{count_text(len(found), 'netwerk', 'netwerken')} · Enter: openen"
                                       if found else "")
        if found:
            ids = [network.id for network in found]
            option_list.highlighted = ids.index(chosen) if chosen in ids else 0
        if self.focus_on_show:
            self.focus_on_show = False
            (option_list if found else self.query_one("#name", Input)).focus()

    @on(OptionList.OptionSelected, "#networks")
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id in self.networks:
            self.open_network(self.networks[event.option.id])

    def open_network(self, network: Network) -> None:
        from lerend_tui.screens.network import NetworkScreen

        self.app.push_screen(NetworkScreen(network, self.services.networks))

    @on(Button.Pressed, "#create")
    @on(Input.Submitted, "#new-network Input")
    def create(self) -> None:
        error = self.query_one("#new-error", Static)
        fields = {name: self.query_one(f"#{name}", Input) for name in ("name", "theme", "participants")}
        store = self.services.networks
        try:
            participants = parse_participants(fields["participants"].value)
            network = store.create(fields["name"].value, theme=fields["theme"].value, participants=participants)
        except (SetupError, NetworkError) as problem:
            error.update(Content(str(problem)))
            return
        except OSError as problem:
            error.update(Content(f"Kan het netwerk niet opslaan in {store.folder}: "
                                 f"{problem.strerror or problem}."))
            return
        error.update("")
        for field in fields.values():
            field.value = ""
        self.created = network.id
        self.load_networks()
        self.notify(f"Netwerk '{network.name}' aangemaakt.", title="Netwerken", markup=False)
        self.open_network(network)

    def action_focus_new(self) -> None:
        self.query_one("#name", Input).focus()

    def action_open(self) -> None:
        option = self.query_one("#networks", OptionList).highlighted_option
        if option is not None and option.id in self.networks:
            self.open_network(self.networks[option.id])
        else:
            self.notify("Kies eerst een netwerk, of maak er een.")

    def action_back(self) -> None:
        self.dismiss(None)

    def palette_extras(self) -> Iterator[SystemCommand]:
        yield SystemCommand("Open het gekozen netwerk", "Enter in de lijst", self.action_open)
