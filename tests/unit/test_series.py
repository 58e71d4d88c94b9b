"""The series planner (`plans.series`, Stap 1's "bijeenkomsten inplannen") and `lerend-tui plan series`; the
network's question from practice and the journey in `network show`."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from lerend_tui import cli
from lerend_tui.common.clock import FakeClock
from lerend_tui.network.store import NetworkStore
from lerend_tui.plans.plan import PlanError, PlanStore, parse_plan
from lerend_tui.plans.series import Series, parse_weekday, save_series, series_dates, series_plans
from lerend_tui.templates import load_templates

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LOCAL = FakeClock(tz=AMSTERDAM).local


def test_the_dates_step_by_calendar_weeks_across_a_month_end_and_summer_time():
    # 27 March 2027 → summer time starts 28 March; 30 October 2027 → it ends 31 October.
    meetings = series_dates(Series(date(2027, 1, 26), 3, 4, "19:30", weekday=None), LOCAL)
    assert [(m.label, m.moment.isoformat()) for m in meetings] == [
        ("Kick-off", "2027-01-26T19:30:00+01:00"),
        ("Bijeenkomst 1", "2027-02-23T19:30:00+01:00"),  # across the end of January
        ("Bijeenkomst 2", "2027-03-23T19:30:00+01:00"),  # across the end of February
        ("Bijeenkomst 3", "2027-04-20T19:30:00+02:00"),  # summer time: the same hour on the wall clock
        ("Evaluatie", "2027-05-18T19:30:00+02:00"),
    ]
    # Four weeks on the calendar are an hour less in real time across the change.
    assert meetings[3].moment.astimezone(UTC) - meetings[2].moment.astimezone(UTC) == timedelta(weeks=4, hours=-1)
    autumn = series_dates(Series(date(2027, 10, 19), 1, 2, "20:00", kickoff=False), LOCAL)
    assert [m.moment.isoformat() for m in autumn] == ["2027-10-19T20:00:00+02:00", "2027-11-02T20:00:00+01:00"]


def test_a_weekday_moves_the_start_to_the_first_such_day_and_names_are_dutch():
    meetings = series_dates(Series(date(2027, 1, 28), 2, 1, "9.05", weekday=parse_weekday("Dinsdag")), LOCAL)
    assert [m.moment.date() for m in meetings] == [date(2027, 2, 2), date(2027, 2, 9), date(2027, 2, 16),
                                                   date(2027, 2, 23)]
    assert meetings[0].moment.strftime("%H:%M") == "09:05"
    assert parse_weekday("di") == 1 and parse_weekday(" zo ") == 6
    with pytest.raises(PlanError, match="Onbekende weekdag 'dins'"):
        parse_weekday("dins")


@pytest.mark.parametrize(("series", "words"), [
    (Series(date(2027, 1, 5), 0, 4, "19:30"), "Het aantal bijeenkomsten moet tussen 1 en 52 liggen, niet 0"),
    (Series(date(2027, 1, 5), 6, 27, "19:30"), "Het aantal weken ertussen moet tussen 1 en 26 liggen"),
    (Series(date(2027, 1, 5), 6, 4, "25:00"), "Ongeldige starttijd '25:00'"),
    (Series(date(2200, 10, 1), 6, 4, "19:30"), "De reeks loopt tot na 2200"),
])
def test_a_series_that_cannot_be_is_explained(series, words):
    with pytest.raises(PlanError, match=words):
        series_dates(series, LOCAL)


def test_the_plans_belong_to_the_network_and_are_never_written_over(paths):
    store = PlanStore(paths.plans)
    series = Series(date(2027, 1, 12), 2, 4, "19:30")
    plans = series_plans(series, network_id="zuid", network_name="Zorgnetwerk Zuid", theme="Wijkzorg",
                         templates=load_templates(), local=LOCAL)
    assert [(p.name, p.template, p.date, p.start, p.network, p.theme) for p in plans] == [
        ("2027-01-12 Kick-off · Zorgnetwerk Zuid", "kick-off", date(2027, 1, 12), "19:30", "zuid", "Wijkzorg"),
        ("2027-02-09 Bijeenkomst 1 · Zorgnetwerk Zuid", "bijeenkomst", date(2027, 2, 9), "19:30", "zuid", "Wijkzorg"),
        ("2027-03-09 Bijeenkomst 2 · Zorgnetwerk Zuid", "bijeenkomst", date(2027, 3, 9), "19:30", "zuid", "Wijkzorg"),
        ("2027-04-06 Evaluatie · Zorgnetwerk Zuid", "evaluatie", date(2027, 4, 6), "19:30", "zuid", "Wijkzorg"),
    ]
    assert plans[1].title == "Zorgnetwerk Zuid · Bijeenkomst 1"
    written = save_series(plans, store)
    assert [parse_plan(path).name for path in written] == [plan.name for plan in plans]

    # The same series again, shifted by a bijeenkomst: the two plans that are there are named, nothing is written.
    one_of_them = written[2].read_bytes()
    later = series_plans(Series(date(2027, 2, 9), 1, 4, "20:00", kickoff=False), network_id="zuid",
                         network_name="Zorgnetwerk Zuid", theme="", templates=load_templates(), local=LOCAL)
    later[0].name = plans[2].name  # one name taken
    with pytest.raises(PlanError, match=r"Er staan al planningen .*2027-03-09-bijeenkomst-2-zorgnetwerk-zuid\.toml"):
        save_series(later, store)
    assert written[2].read_bytes() == one_of_them
    assert sorted(path.name for path in paths.plans.iterdir()) == sorted(path.name for path in written)


# -- the command line ----------------------------------------------------------------------------------


@pytest.fixture
def zuid(data, capsys):
    assert cli.main([*data, "network", "new", "Zorgnetwerk Zuid", "--theme", "Wijkzorg",
                     "--question", "  Hoe betrekken we   mantelzorgers? ", "--participants", "Anouk, Bram"]) == 0
    capsys.readouterr()


def test_plan_series_writes_the_plans_and_lists_the_randvoorwaarden(tmp_path, data, capsys, zuid):
    args = [*data, "plan", "series", "--network", "zorgnetwerk zuid", "--first", "10-1-2027", "--count", "6",
            "--every", "4", "--weekday", "dinsdag", "--time", "19:30"]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    assert "Voor Zorgnetwerk Zuid gemaakt: 8 planningen, elke 4 weken op dinsdag om 19:30:" in out
    assert "  dinsdag 12 januari 2027, 19:30–21:25  Zorgnetwerk Zuid · Kick-off  [2027-01-12-kick-off-zorgnetwerk-zuid]" in out
    assert "dinsdag 27 juli 2027, 19:30–21:05  Zorgnetwerk Zuid · Evaluatie" in out
    assert "  - Plaats: waar komen jullie samen, of online?" in out
    assert "  - Vertrouwelijkheid: wat blijft binnen de groep?" in out
    plans = sorted((tmp_path / "data" / "plans").glob("*.toml"))
    assert len(plans) == 8
    kickoff = tomllib.loads(plans[0].read_text(encoding="utf-8"))
    assert (kickoff["template"], kickoff["network"], kickoff["date"], kickoff["start"]) == (
        "kick-off", "zorgnetwerk-zuid", date(2027, 1, 12), "19:30")

    before = {path: path.read_bytes() for path in plans}
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "Er staan al planningen voor deze reeks" in err and "en 5 meer" in err and "niets overschreven" in err
    assert {path: path.read_bytes() for path in plans} == before


@pytest.mark.parametrize(("extra", "words"), [
    (["--first", "31-2-2027"], "Ongeldige datum '31-2-2027'"),
    (["--first", "2027-01-12", "--weekday", "dins"], "Onbekende weekdag 'dins'"),
    (["--first", "2027-01-12", "--time", "7 uur"], "Ongeldige starttijd '7 uur'"),
    (["--first", "2027-01-12", "--count", "twee"], "verwacht een positief geheel getal (1 of meer), maar kreeg 'twee'"),
    (["--first", "2027-01-12", "--every", "60"], "Het aantal weken ertussen moet tussen 1 en 26 liggen"),
    (["--first", "2027-01-12", "--network", "noord"], "Geen netwerk 'noord'"),
    ([], "deze argumenten ontbreken: --first"),
])
def test_plan_series_explains_bad_input_in_dutch_and_writes_nothing(tmp_path, data, capsys, zuid, extra, words):
    network = [] if "--network" in extra else ["--network", "zorgnetwerk-zuid"]
    assert exit_code([*data, "plan", "series", *network, *extra]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "data" / "plans").exists()


def exit_code(args: list[str]) -> int:
    """`cli.main`'s exit code, also when argparse itself refuses the arguments (it exits)."""
    try:
        return cli.main(args)
    except SystemExit as stop:
        return int(stop.code or 0)


def test_plan_series_help_is_dutch(capsys):
    with pytest.raises(SystemExit):
        cli.main(["plan", "series", "--help"])
    out = capsys.readouterr().out
    assert "gebruik: lerend-tui plan series" in out and "Bijeenkomsten inplannen (Stap 1)" in out
    assert "--zonder-kickoff" in out and "--weekday DAG" in out


def test_the_question_is_kept_with_the_theme_and_survives_a_save_beside_hand_added_keys(paths, data, capsys, zuid):
    store = NetworkStore(paths.networks)
    network = store.find("zorgnetwerk-zuid")
    assert network.question == "Hoe betrekken we mantelzorgers?"
    path = store.path(network)
    path.write_text(path.read_text(encoding="utf-8").replace('question = "Hoe betrekken we mantelzorgers?"',
                                                            'question = "Hoe betrekken we mantelzorgers?"\n'
                                                            'notities = "van de gemeente"'), encoding="utf-8")
    network = store.find("zorgnetwerk-zuid")
    network.theme = "Samen in de wijk"
    store.save(network)
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (saved["theme"], saved["question"], saved["notities"]) == (
        "Samen in de wijk", "Hoe betrekken we mantelzorgers?", "van de gemeente")

    assert cli.main([*data, "network", "list", "--json"]) == 0
    assert '"question": "Hoe betrekken we mantelzorgers?"' in capsys.readouterr().out
    network.question = ""
    store.save(network)
    assert "question" not in tomllib.loads(path.read_text(encoding="utf-8"))  # a network without one stays as it was


def test_network_show_has_the_question_and_the_five_steps(data, capsys, zuid):
    assert cli.main([*data, "plan", "series", "--network", "zorgnetwerk-zuid", "--first", "2099-01-06", "--count", "2"]) == 0
    capsys.readouterr()
    assert cli.main([*data, "network", "show", "zorgnetwerk-zuid"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Zorgnetwerk Zuid\n================\nThema: Wijkzorg\n"
                          "Vraag uit de praktijk: Hoe betrekken we mantelzorgers?\n\nStappen\n")
    assert ("  ▶ Stap 1 – Behoefteonderzoek  (bezig)\n"
            "      Thema bepalen, intakegesprekken houden en bijeenkomsten inplannen.\n"
            "      · Thema: Wijkzorg\n") in out
    assert "      → Intakegesprek met Anouk en Bram.\n" in out
    assert "  ◷ Stap 2 – Kick-off  (gepland)\n" in out and "      · Gepland: dinsdag 6 januari 2099, 19:00\n" in out
    assert "  ◷ Stap 3 – Bijeenkomsten  (gepland)\n" in out and "      · Gepland: 2 · 03-02, 03-03\n" in out
    assert "  ○ Stap 5 – Adoptie  (nog te doen)\n" in out


def test_an_unreadable_plan_is_named_when_the_steps_are_shown(tmp_path, data, capsys, zuid):
    (tmp_path / "data" / "plans").mkdir(parents=True)
    (tmp_path / "data" / "plans" / "kapot.toml").write_text('schema = 1\nname = "Kapot', encoding="utf-8")
    assert cli.main([*data, "network", "show", "zorgnetwerk-zuid"]) == 0
    out, err = capsys.readouterr()
    assert "onleesbare planning, niet meegeteld in de stappen" in err and "kapot.toml" in err
    assert "Stap 2 – Kick-off  (nog te doen)" in out


def test_local_gives_each_day_its_own_offset():
    """What the planner relies on from the clock: a naive wall time gets its own day's offset."""
    assert LOCAL(datetime(2027, 7, 1, 19, 30)).utcoffset() == timedelta(hours=2)
    assert LOCAL(datetime(2027, 1, 1, 19, 30)).utcoffset() == timedelta(hours=1)
