"""The talk's table "Opleiding vs lerend netwerk", to show the group during the kick-off's
"Wat is een lerend netwerk?" phase."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from lerend_tui.screens.base import LerendModal

ROWS = (
    ("Wijze van leren", "Kennis overdragen (inhoud)", "Kennis construeren (inhoud, relationeel, leren leren)"),
    ("Nadruk", "Theoretisch", "Praktisch"),
    ("Niveaus in het geleerde", "Beginner – gevorderd – expert",
     "Leren van en met elkaar; als community of practice samen werken aan een vraagstuk"),
    ("Individu of groep", "Het individu en diens leerproces",
     "De groep en het leren van en met elkaar, naast ieders eigen leerproces"),
    ("Persoon voor de groep", "Docent of leider: heeft de kennis en deelt die",
     "Procesbegeleider of coach: begeleidt het groepsproces en het leerklimaat"),
    ("Inzet theorie", "Presentaties of colleges door experts; opdrachten zijn optioneel",
     "Workshops of opdrachten met ervaringsdeskundigen uit of buiten de groep; toepassen hoort erbij"),
    ("Praktische toepassing", "Een opdracht in het tempo van de opleiding",
     "Ervaringen inbrengen, van anderen leren en het geleerde de volgende dag toepassen"),
    ("Inhoud programma", "Vooraf bepaald en bekend bij inschrijving",
     "Het thema is bekend; de inhoud bepaalt de groep samen"),
    ("Geven en ontvangen", "De docent geeft, de deelnemer ontvangt",
     "Deelnemers geven en ontvangen; de procesbegeleider begeleidt"),
    ("Aan het eind", "Je weet meer en gaat het toepassen",
     "Je hebt stappen gezet en erop gereflecteerd, kent jezelf en de anderen beter, en blijft vaak verbonden"),
)


def comparison_table() -> Table:
    table = Table(expand=True, show_lines=True, title="Opleiding of lerend netwerk?")
    table.add_column("", style="bold", ratio=2)
    table.add_column("Opleiding", ratio=3)
    table.add_column("Lerend netwerk", ratio=4)
    for row in ROWS:
        table.add_row(*row)
    return table


class ComparisonScreen(LerendModal[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [Binding("escape,o", "dismiss", "Sluiten", id="comparison.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="comparison-box") as box:
            box.border_subtitle = "↑↓ scrollen · Esc: sluiten"
            yield Static(comparison_table())
