"""The meeting screen's layout, made of Textual's own widgets with the meeting screen's CSS, and none of
lerend-tui's code: what the first screen of `start` costs by itself (`launch`, "ondergrens")."""

from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Footer, Static, TextArea

MEETING_CSS = (Path(__file__).parents[1] / "lerend_tui" / "screens" / "meeting.tcss").read_text(encoding="utf-8")
AGENDA = [("Opstart en check-in", 10), ("Reflectie of verbindende opdracht", 15), ("Inhoud op het thema", 30),
          ("Onderlinge coaching", 45), ("Evaluatie en afsluiting", 15)]


class MeetingLayout(App[None]):
    CSS = MEETING_CSS.replace("MeetingScreen", "Screen").replace("BigClock", "#big-clock")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-normal"), (120, "-wide"), (160, "-widest")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [("n", "bell", "Volgende fase"), ("space", "bell", "Start/pauze"), ("plus", "bell", "+1 min"),
                ("w", "bell", "Werkvorm"), ("b", "bell", "Beamer"), ("ctrl+q", "quit", "Stoppen")]

    def compose(self) -> ComposeResult:
        yield Static("Benchmark · bijeenkomst · 19:00–21:00", id="topbar")
        with Horizontal(id="body"):
            agenda = Static("\n".join(f"{title:<30} {minutes:>3}'" for title, minutes in AGENDA), id="agenda")
            agenda.border_title = "Agenda"
            yield agenda
            with Vertical(id="main"):
                yield Static("Opstart en check-in", id="phase-title")
                yield Static("Hoe kom je binnen? Wat neem je mee van de vorige keer, en wat wil je vandaag halen?",
                             id="guidance")
                with Horizontal(id="clock"):
                    yield Digits("10:00")
                    yield Static(id="big-clock")
                    yield Static("klaar om te starten", id="timer-words")
                yield Static("Nu: Anouk — daarna: Bram (1 van 2) · 01:30", id="focus-line")
                notes = TextArea(id="notes", soft_wrap=True, show_line_numbers=False)
                notes.border_title = "Notities"
                yield notes
                yield Static(id="items")
        yield Footer(compact=True)


if __name__ == "__main__":
    MeetingLayout().run()
