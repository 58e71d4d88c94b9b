"""The intake (Stap 1) with one participant: the seed's "Wanneer wel?" and "Wanneer niet?" lists to tick,
their learning questions and the experience they bring, a note, and the advice updating as boxes are
ticked. Saving stores the intake with the participant in the network file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static, TextArea

from lerend_tui.network.intake import HEADINGS, ITEMS, WHEN_NOT, WHEN_YES, Advice, Intake, IntakeItem, advise
from lerend_tui.network.store import Network, Participant
from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.confirm import ConfirmScreen
from lerend_tui.screens.keys import KeyedScreen
from lerend_tui.widgets.checklist import Checklist
from lerend_tui.widgets.footer import Footer

VERDICT_CLASSES = {"past": "-fits", "twijfel": "-doubt", "past niet": "-no-fit"}


def advice_text(advice: Advice) -> Text:
    """The verdict as a sentence, then its reasons."""
    text = Text(advice.sentence, style="bold")
    for reason in advice.reasons:
        text.append(f"\n• {reason}", style="not bold")
    return text


class IntakeScreen(KeyedScreen, LerendScreen[bool]):
    """Dismissed with True once the intake is saved, False when left without saving."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "cancel", "Annuleren", key_display="esc",
                tooltip="Annuleren: terug zonder op te slaan (er wordt eerst gevraagd als er iets veranderd is)",
                id="intake.cancel"),
        Binding("ctrl+s", "save", "Intake opslaan",
                tooltip="Intake opslaan: bewaar de intake bij de deelnemer, met de leervragen en ervaring",
                id="intake.save"),
    ]
    OTHER_KEYS = [
        ("↑ ↓  ·  spatie", "Kies een punt en vink het aan of uit; het advies verandert mee"),
        ("Tab  ·  Shift+Tab", "Naar de andere lijst, de leervragen, de ervaring of de notitie"),
    ]

    def __init__(self, network: Network, participant: Participant, save: Callable[[], bool]) -> None:
        """`save` writes the network file and says whether that worked (`NetworkScreen.save_changes`)."""
        super().__init__()
        self.network = network
        self.participant = participant
        self.save_network = save
        self.initial: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        person = self.participant
        answers = person.intake.answers if person.intake is not None else {}
        yield Static(Content.from_markup("[b]Intake[/b] · $name · $network", name=person.name,
                                         network=self.network.name), id="topbar")
        with VerticalScroll(id="intake-body"):
            with Horizontal(id="checklists"):
                yield self._checklist("wel", WHEN_YES, answers)
                yield self._checklist("niet", WHEN_NOT, answers)
            with Horizontal(id="intake-texts"):
                yield self._area("intake-questions", "Leervragen · één per regel",
                                 "\n".join(person.learning_questions))
                yield self._area("intake-experience", "Ervaring die ze inbrengt", person.experience)
            yield self._area("intake-note", "Notitie bij de intake",
                             person.intake.note if person.intake is not None else "")
            yield Static(id="intake-error")
        advice = Static(id="advice")
        advice.border_title = "Advies · past een lerend netwerk bij de vraag?"
        yield advice  # below the lists, outside the scroll: always in sight while ticking
        yield Footer()

    @staticmethod
    def _checklist(side: str, items: tuple[IntakeItem, ...], answers: dict[str, bool]) -> Checklist:
        checklist = Checklist(((item.key, item.text) for item in items),
                              (item.key for item in items if answers.get(item.key)), id=side, classes="checklist")
        checklist.border_title = HEADINGS[side]
        checklist.border_subtitle = "spatie: aanvinken"
        return checklist

    @staticmethod
    def _area(id_: str, title: str, text: str) -> TextArea:
        area = TextArea(text, id=id_, soft_wrap=True, classes="intake-area")
        area.border_title = title
        return area

    def on_mount(self) -> None:
        self.initial = self.state()
        self.show_advice()
        self.query_one("#wel", Checklist).focus()

    @property
    def answers(self) -> dict[str, bool]:
        """Every checklist item: ticked or not."""
        ticked = {*self.query_one("#wel", Checklist).selected, *self.query_one("#niet", Checklist).selected}
        return {key: key in ticked for key in ITEMS}

    @on(Checklist.Changed)
    def show_advice(self) -> None:
        advice = advise(self.answers)
        panel = self.query_one("#advice", Static)
        panel.update(advice_text(advice))
        panel.border_subtitle = f"{advice.yes} × wel · {advice.no} × niet"
        for verdict, css_class in VERDICT_CLASSES.items():
            panel.set_class(verdict == advice.verdict, css_class)

    def state(self) -> tuple[object, ...]:
        """What the facilitator can change here, to tell whether anything was."""
        return (self.answers, *(area.text.strip() for area in self.query(TextArea)))

    def action_save(self) -> None:
        person = self.participant
        before = (person.intake, person.learning_questions, person.experience)
        held = Intake.held(self.answers, self.services.clock.now().replace(microsecond=0),
                           self.query_one("#intake-note", TextArea).text.strip())
        person.intake = held if before[0] is None else replace(held, extra=before[0].extra)
        person.learning_questions = [" ".join(line.split()) for line in
                                     self.query_one("#intake-questions", TextArea).text.splitlines() if line.strip()]
        person.experience = self.query_one("#intake-experience", TextArea).text.strip()
        if not self.save_network():
            person.intake, person.learning_questions, person.experience = before
            self.query_one("#intake-error", Static).update(
                "De intake is niet opgeslagen (zie de melding); alles blijft hier staan. Probeer het opnieuw met "
                "Ctrl+S.")
            return
        self.app.notify(f"Intake van {person.name} opgeslagen: {person.intake.advice}.", title="Intake",
                        markup=False)
        self.dismiss(True)

    def action_cancel(self) -> None:
        if self.state() == self.initial:
            self.dismiss(False)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(False)

        self.app.push_screen(ConfirmScreen("De intake is nog niet opgeslagen. Weggaan zonder op te slaan?",
                                           "Niet opslaan", "Verder met de intake"), answered)
