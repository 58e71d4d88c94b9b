"""Pilot tests of the review (terugblik): list, search, the report as Markdown, saving it, broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, Markdown, OptionList, TextArea

from lerend_tui.meeting.record import parse_record
from lerend_tui.screens.export import ExportScreen
from lerend_tui.screens.home import HomeScreen
from lerend_tui.screens.review import ReviewScreen
from lerend_tui.storage.meetings import MeetingStore

from ..appkit import finish_reading, home_app
from ..samples import store_meetings


@pytest.fixture
def stored(paths) -> dict[str, Path]:
    return store_meetings(paths)


def options(app) -> list[str]:
    option_list = app.screen.query_one("#meetings", OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def test_every_meeting_is_listed_with_times_items_and_broken_files(paths, clock, stored):
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+t")
        await finish_reading(pilot)
        assert isinstance(app.screen, ReviewScreen)
        rows = options(app)
        assert "Onderbroken avond" in rows[0] and "onderbroken in fase 1 van 5" in rows[0]
        assert "November: zelfregie" in rows[1] and "110 van 110 min" in rows[1] and "2 punten" in rows[1]
        assert "Oktober: grenzen stellen" in rows[2] and "119 van 110 min" in rows[2]
        assert "onleesbaar" in rows[-1] and "2026-09-01-kapot.toml" in rows[-1] and "regel 2" in rows[-1]
        assert stored["kapot"].read_bytes() == b'schema = 1\ntitle = "Kapot'


async def test_search_finds_meetings_by_any_word_in_notes_items_or_checkout(paths, clock, stored):
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(ReviewScreen())
        await finish_reading(pilot)
        await pilot.press("ctrl+f", *"artikel")
        await finish_reading(pilot)  # the index's search, in the background
        rows = [row for row in options(app) if "onleesbaar" not in row]
        assert len(rows) == 1 and "Oktober" in rows[0] and "Inhoud op het thema" in rows[0]
        assert "Het artikel Over **grenzen**" in rows[0]  # the words in context
        search = app.screen.query_one("#search", Input)
        search.value = "RUSTIG oktober"  # in its check-out and its title
        await finish_reading(pilot)
        assert "Oktober" in options(app)[0]
        search.value = "niemand zei dit"
        await finish_reading(pilot)
        assert options(app)[0] == "Niets gevonden voor ‘niemand zei dit’."
        search.value = ""
        await finish_reading(pilot)
        assert len([row for row in options(app) if "onleesbaar" not in row]) == 3


async def test_a_hit_opens_the_report_at_its_phase(paths, clock, stored):
    record = parse_record(stored["Oktober: grenzen stellen"])
    record.phases[0].notes = "\n\n".join(["Een alinea."] * 60)
    record.phases[4].notes = "De wijkagent komt in januari."
    MeetingStore(paths.meetings).save(record, stored["Oktober: grenzen stellen"])
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(ReviewScreen())
        await finish_reading(pilot)
        await pilot.press("ctrl+f", *"wijkagen")
        await finish_reading(pilot)
        await pilot.pause()
        assert "Evaluatie en afsluiting" in options(app)[0]
        scroll = app.screen.query_one("#report-scroll", VerticalScroll)
        assert app.screen.query_one("#report", Markdown).source.startswith("# Oktober")
        assert scroll.scroll_y > 0
        heading = next(block for block in app.screen.query("MarkdownH3") if "Evaluatie" in str(block._content))
        assert scroll.region.y <= heading.region.y < scroll.region.bottom  # the phase's notes in sight


async def test_the_chosen_meeting_shows_its_report_as_markdown(paths, clock, stored):
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(ReviewScreen(stored["Oktober: grenzen stellen"]))
        await finish_reading(pilot)
        report = app.screen.query_one("#report", Markdown).source
        assert report.startswith("# Oktober: grenzen stellen")
        assert "## Afspraken\n\n- volgende keer bij Anouk" in report
        assert "## Acties\n\n**Bram**\n\n- Bram stuurt het artikel rond" in report
        assert "| Onderlinge coaching | 45 min | 50 min |" in report
        assert "Gemiddelde ROTI: 4,5" in report
        assert "Over **grenzen** in de wijk." in report
        await pilot.press("up")
        await finish_reading(pilot)  # the record, from the index in the background
        assert app.screen.query_one("#report", Markdown).source.startswith("# November")


async def test_home_opens_the_review_on_a_past_meeting(paths, clock, stored):
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await finish_reading(pilot)
        past = app.screen.query_one("#past", OptionList)
        past.focus()
        past.highlighted = 1
        assert "Oktober" in str(past.get_option_at_index(1).prompt)
        await pilot.press("enter")
        await finish_reading(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.query_one("#report", Markdown).source.startswith("# Oktober")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def press_and_settle(pilot, *keys):
    await pilot.press(*keys)
    await pilot.pause()


async def open_export(app, pilot, target: Path) -> ExportScreen:
    """The export dialog of the meeting the review shows, with `target` as the file."""
    await press_and_settle(pilot, "ctrl+s")
    assert isinstance(app.screen, ExportScreen)
    app.screen.query_one("#export-path", Input).value = str(target)
    return app.screen


async def leave_out(pilot, export: ExportScreen, title: str) -> None:
    """Toggle a phase in the export's list as the facilitator does: to it with the arrows, then space."""
    phases = export.query_one("#confidential", OptionList)
    phases.focus()
    phases.highlighted = export.confidential.index(title)
    await press_and_settle(pilot, "space")


def rows(export: ExportScreen) -> list[str]:
    phases = export.query_one("#confidential", OptionList)
    return [str(phases.get_option_at_index(index).prompt) for index in range(phases.option_count)]


async def test_export_says_in_words_what_goes_along_and_previews_exactly_that(paths, clock, stored, tmp_path):
    target = tmp_path / "verslag.md"
    app = home_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ReviewScreen(stored["Oktober: grenzen stellen"]))
        await finish_reading(pilot)
        export = await open_export(app, pilot, target)
        assert all("gaat mee" in row and "blijft eruit" not in row for row in rows(export))
        assert "spatie of Enter" in str(export.query_one("#confidential-keys").render())
        preview = export.query_one("#export-preview", TextArea)
        assert "Casus van Bram" in preview.text

        await leave_out(pilot, export, "Onderlinge coaching")
        coaching = export.confidential.index("Onderlinge coaching")
        assert "blijft eruit (vertrouwelijk)" in rows(export)[coaching]
        assert "gaat mee" not in rows(export)[coaching]
        assert ["gaat mee" in row for row in rows(export)].count(True) == len(export.confidential) - 1
        assert "Casus van Bram" not in preview.text and "sommige zijn vertrouwelijk" in preview.text
        await press_and_settle(pilot, "ctrl+s")
        assert target.read_text(encoding="utf-8") == preview.text

        export = await open_export(app, pilot, tmp_path / "weer.md")
        await leave_out(pilot, export, "Onderlinge coaching")
        await leave_out(pilot, export, "Onderlinge coaching")  # and back in
        assert "blijft eruit" not in "".join(rows(export))
        assert "Casus van Bram" in export.query_one("#export-preview", TextArea).text


async def test_export_leaves_out_confidential_phases_and_asks_before_overwriting(paths, clock, stored, tmp_path):
    target = tmp_path / "verslag.md"
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(ReviewScreen(stored["Oktober: grenzen stellen"]))
        await finish_reading(pilot)
        export = await open_export(app, pilot, target)
        await leave_out(pilot, export, "Onderlinge coaching")
        await press_and_settle(pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        report = target.read_text(encoding="utf-8")
        assert "Casus van Bram" not in report and "## Afspraken" in report

        target.write_text("eigen tekst", encoding="utf-8")
        export = await open_export(app, pilot, target)
        await press_and_settle(pilot, "ctrl+s")
        assert "bestaat al" in str(export.query_one("#export-message").render())
        assert target.read_text(encoding="utf-8") == "eigen tekst"
        await press_and_settle(pilot, "ctrl+s")
        assert "Casus van Bram" in target.read_text(encoding="utf-8")


async def test_export_to_a_folder_that_cannot_be_written_says_so_and_stays_open(paths, clock, stored, tmp_path):
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(ReviewScreen(stored["Oktober: grenzen stellen"]))
        await finish_reading(pilot)
        export = await open_export(app, pilot, tmp_path / "bestaat-niet" / "verslag.md")
        await press_and_settle(pilot, "ctrl+s")
        assert app.screen is export
        assert "Kon" in str(export.query_one("#export-message").render())


async def test_a_long_list_gets_its_first_rows_at_once_and_the_rest_once_the_report_is_drawn(paths, clock):
    """Forty meetings: every one is listed in the end, newest first; opened on the thirtieth, that one is
    highlighted and its report shown (it is not among the rows the list gets first)."""
    from datetime import timedelta

    from lerend_tui.screens.review import ROWS_FIRST

    from ..samples import sample_record

    store = MeetingStore.of(paths, make=True)
    saved = []
    for number in range(40):
        record = sample_record(f"Avond {number}")
        record.planned_start += timedelta(days=number)
        saved.append(store.create(record))
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(ReviewScreen())
        await finish_reading(pilot)
        await pilot.pause()
        assert [row.split("  ")[1].split("\n")[0] for row in options(app)] == [f"Avond {n}" for n in range(39, -1, -1)]
        await pilot.press("escape")
        chosen = saved[9]  # the 31st row, newest first
        assert ROWS_FIRST < 30  # the row it opens on is not among the first
        app.push_screen(ReviewScreen(chosen))
        await finish_reading(pilot)
        await pilot.pause()
        meetings = app.screen.query_one("#meetings", OptionList)
        assert meetings.highlighted == 30 and len(options(app)) == 40
        assert app.screen.query_one("#report", Markdown).source.startswith("# Avond 9")
