"""The work-format catalogue: browse the built-in and the facilitator's own werkvormen, filter them by
phase and by text, and read the highlighted one on a card. Opened to choose (`choosing=True`, from the plan
screen), Enter gives the highlighted work format back."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from lerend_tui.catalogue.workforms import Catalogue, Workform
from lerend_tui.common.text import count_text
from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.keys import KeyedScreen, single_key_actions
from lerend_tui.templates import PHASE_KINDS, PHASE_LABELS
from lerend_tui.widgets.footer import Footer
from lerend_tui.widgets.form_field import FormField
from lerend_tui.widgets.workform_card import CARD_CSS, WorkformCard

ALL_PHASES = "alle"
NOTHING_MATCHES = "Geen werkvorm past bij dit filter."
WIDEN_FILTER = "Kies 'Alle fasen' of pas de zoektekst aan om weer werkvormen te zien."


def matches(workform: Workform, phase: str, words: list[str]) -> bool:
    """In the phase (or any), and every word (casefolded) in the name, English name, summary or tags."""
    if phase != ALL_PHASES and phase not in workform.phases:
        return False
    haystack = " ".join((workform.name, workform.name_en, workform.summary, *workform.tags)).casefold()
    return all(word in haystack for word in words)


def list_prompt(workform: Workform) -> Table:
    """Name, minutes and group size in columns, so a long name wraps in its own column."""
    size = (str(workform.group_min) if workform.group_min == workform.group_max
            else f"{workform.group_min}–{workform.group_max}")
    table = Table.grid(padding=(0, 0, 0, 1), expand=True)
    table.add_column(ratio=1)
    table.add_column(justify="right", no_wrap=True, style="dim")
    table.add_column(justify="right", no_wrap=True, style="dim", min_width=6)
    table.add_row(Text(workform.name), f"{workform.minutes}'", size)  # Text: never read as markup
    return table


class CatalogueScreen(KeyedScreen, LerendScreen[Workform | None]):
    CSS_PATH = [Path(__file__).with_suffix(".tcss"), CARD_CSS]
    BINDINGS = [
        Binding("escape", "back", "Terug", key_display="esc", tooltip="Terug: naar het vorige scherm",
                id="catalogue.back"),
        Binding("slash", "focus_search", "Zoeken", key_display="/",
                tooltip="Zoeken in de werkvormen: naar het zoekveld (buiten een invoerveld); Enter daar gaat terug "
                        "naar de lijst", id="catalogue.search"),
        Binding("enter", "choose", "Kiezen", key_display="enter",
                tooltip="Kiezen: de gemarkeerde werkvorm, als je er een voor een fase kiest", id="catalogue.choose"),
    ]
    OTHER_KEYS = [
        ("↑ ↓  ·  PgUp PgDn", "Door de lijst met werkvormen; de kaart toont de gemarkeerde"),
        ("Tab  ·  Shift+Tab", "Naar fasefilter, zoekveld, lijst of kaart (op de kaart scrollen met ↑ ↓)"),
    ]

    def __init__(self, phase: str = ALL_PHASES, *, choosing: bool = False) -> None:
        """`phase`: a kind from `PHASE_KINDS` to open filtered on, or `ALL_PHASES`. `choosing`: Enter
        dismisses the screen with the highlighted work format."""
        super().__init__()
        self.choosing = choosing
        self.initial_phase = phase if phase in PHASE_KINDS else ALL_PHASES
        self.catalogue = Catalogue({})
        self.listed: list[Workform] = []
        """The work formats in the list, in order, after filtering."""

    def compose(self) -> ComposeResult:
        self.catalogue = self.services.reload_catalogue()  # fresh: a file just added shows up
        yield Static("[b]Werkvorm kiezen[/b] · Enter zet de gemarkeerde werkvorm in de fase" if self.choosing
                     else "[b]Werkvormen[/b] · blader, filter en lees hoe een werkvorm gaat", id="topbar")
        with Horizontal(id="filters"):
            yield Select(
                [("Alle fasen", ALL_PHASES), *((PHASE_LABELS[kind], kind) for kind in PHASE_KINDS)],
                value=self.initial_phase, allow_blank=False, id="phase", compact=True,
            )
            yield FormField(placeholder="zoek op naam of trefwoord", id="search")
            yield Static(id="count")
        with Horizontal(id="browse"):
            yield OptionList(id="workforms")
            yield WorkformCard(WIDEN_FILTER, id="card")
        yield Footer()

    def on_mount(self) -> None:
        self.refilter()
        self.query_one("#workforms", OptionList).focus()

    @property
    def card(self) -> WorkformCard:
        return self.query_one("#card", WorkformCard)

    @on(Select.Changed, "#phase")
    @on(Input.Changed, "#search")
    def refilter(self) -> None:
        """Rebuild the list from the filters; keep the highlighted work format if it still matches."""
        option_list = self.query_one("#workforms", OptionList)
        current = self.highlighted
        phase = self.query_one("#phase", Select).value
        words = self.query_one("#search", Input).value.casefold().split()
        phase = phase if isinstance(phase, str) else ALL_PHASES
        self.listed = sorted((w for w in self.catalogue if matches(w, phase, words)), key=lambda w: w.name.casefold())
        self.query_one("#count", Static).update(count_text(len(self.listed), "werkvorm", "werkvormen"))
        option_list.clear_options()
        if not self.listed:
            option_list.add_option(Option(Content(NOTHING_MATCHES), disabled=True))
            self.card.show(None)
            return
        option_list.add_options(Option(list_prompt(w), id=w.id) for w in self.listed)
        ids = [w.id for w in self.listed]
        option_list.highlighted = ids.index(current.id) if current and current.id in ids else 0
        self.card.show(self.highlighted)

    @property
    def highlighted(self) -> Workform | None:
        """The work format highlighted in the list (shown on the card)."""
        option_list = self.query_one("#workforms", OptionList)
        if option_list.highlighted is None or not self.listed:
            return None
        return self.listed[option_list.highlighted]

    @on(Input.Submitted, "#search")
    def to_list(self) -> None:
        self.query_one("#workforms", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#workforms")
    def show_highlighted(self) -> None:
        self.card.show(self.highlighted)

    def set_phase(self, kind: str) -> None:
        self.query_one("#phase", Select).value = kind

    @on(OptionList.OptionSelected, "#workforms")
    def action_choose(self) -> None:
        if self.choosing and self.highlighted is not None:
            self.dismiss(self.highlighted)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key that types a character (`/`) is that character in the search field; Enter chooses only when
        choosing."""
        if action in single_key_actions(self) and isinstance(self.focused, Input):
            return False
        if action == "choose":
            return self.choosing
        return True

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def palette_extras(self) -> Iterator[SystemCommand]:
        """A filter on each phase."""
        yield SystemCommand("Filter op fase: Alle fasen", "Toon alle werkvormen", partial(self.set_phase, ALL_PHASES))
        for kind in PHASE_KINDS:
            label = PHASE_LABELS[kind]
            yield SystemCommand(f"Filter op fase: {label}", f"Alleen werkvormen voor {label.lower()}",
                                partial(self.set_phase, kind))
