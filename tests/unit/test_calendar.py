"""The participants' calendar (iCalendar, RFC 5545): written by `reports.calendar`, read back by `icalendar`, by
`vobject` (an independent reader) and by the RFC's own line rules; and `plan export --ics`, `network calendar`."""

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from lerend_tui import cli
from lerend_tui.common.clock import FakeClock
from lerend_tui.network.store import Network, NetworkStore
from lerend_tui.plans.plan import MeetingPlan, PlanError, PlanStore, text_agenda
from lerend_tui.reports.calendar import calendar_text, event_uid, network_calendar, plan_calendar
from lerend_tui.templates import load_templates

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def clock() -> FakeClock:
    """Facilitator in Amsterdam: summer time ends on Sunday 25 October 2026."""
    return FakeClock(datetime(2026, 10, 1, 9, 30), tz=AMSTERDAM)


def plan(name: str, day: date | None = date(2026, 10, 24), *, start: str = "19:00", network: str = "") -> MeetingPlan:
    made = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name=name, title=f"Zorgnetwerk · {name}",
                                     start=start, network=network)
    made.date = day
    return made


def unfolded(text: str) -> list[str]:
    """RFC 5545 §3.1, read by hand: every line ends in CRLF and is at most 75 octets; a line that starts with a
    space continues the one before."""
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    logical: list[str] = []
    for line in lines:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def properties(text: str, name: str) -> list[str]:
    """The (escaped) values of a property, from the unfolded lines."""
    return [line.split(":", 1)[1] for line in unfolded(text) if re.match(f"{name}[:;]", line)]


def unescape(value: str) -> str:
    """RFC 5545 §3.3.11: `\\n`, `\\,`, `\\;` and `\\\\` in a TEXT value."""
    return re.sub(r"\\([nN,;\\])", lambda match: "\n" if match[1] in "nN" else match[1], value)


# -- one plan ---------------------------------------------------------------------------------------------


def test_one_plan_read_back_by_two_readers_at_its_local_hour(clock):
    text = plan_calendar(plan("Oktober"), None, clock)
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime(2026, 10, 24, 19, 0, tzinfo=AMSTERDAM) and start.utcoffset() == timedelta(0)
    assert end - start == timedelta(minutes=plan("Oktober").total_minutes)
    assert str(event["SUMMARY"]) == "Zorgnetwerk · Oktober"
    assert event.decoded("DTSTAMP") == datetime(2026, 10, 1, 7, 30, tzinfo=UTC)
    other = vobject.readOne(text)
    assert other.prodid.value.startswith("-//lerend-tui//") and other.version.value == "2.0"
    assert other.vevent.dtstart.value == start and other.vevent.dtend.value == end
    assert other.vevent.uid.value == event_uid(plan("Oktober")) == "plan-oktober@lerend-tui"
    assert properties(text, "DTSTART") == ["20261024T170000Z"]


def test_times_across_the_change_from_summer_time(clock):
    """Saturday 19:00 is 17:00 UTC (summer time); a week later 19:00 is 18:00 UTC; both read back as 19:00."""
    plans = [plan("Voor", date(2026, 10, 24)), plan("Na", date(2026, 10, 31)),
             plan("Nacht", date(2026, 10, 25), start="01:30")]
    text = calendar_text(plans, clock)
    assert properties(text, "DTSTART") == ["20261024T170000Z", "20261031T180000Z", "20261024T233000Z"]
    for event in vobject.readOne(text).vevent_list:
        local = event.dtstart.value.astimezone(AMSTERDAM)
        assert (local.hour, local.minute) in ((19, 0), (1, 30))
    night = icalendar.Calendar.from_ical(text).walk("VEVENT")[2]
    # Through the night the clock goes back: the meeting lasts its minutes, so it ends an hour "earlier".
    assert night.decoded("DTEND") - night.decoded("DTSTART") == timedelta(minutes=110)
    assert night.decoded("DTEND").astimezone(AMSTERDAM).strftime("%H:%M") == "02:20"


def written(title: str, place: str, theme: str) -> MeetingPlan:
    """A plan with text as a person may have typed it (or a file held, before its loader cleaned it)."""
    made = plan("Avond")
    made.title, made.place, made.theme = title, place, theme
    return made


def test_commas_semicolons_and_newlines_are_escaped_and_read_back_as_they_were(clock):
    made = written("Wijkzorg; eenzaamheid, samen", "Buurthuis De Linde, zaal 2; achteringang",
                   "Eerste regel\nTweede regel \\ met backslash")
    text = plan_calendar(made, None, clock)
    assert properties(text, "SUMMARY") == ["Wijkzorg\\; eenzaamheid\\, samen"]
    assert properties(text, "LOCATION") == ["Buurthuis De Linde\\, zaal 2\\; achteringang"]
    description = properties(text, "DESCRIPTION")[0]
    assert "\\nThema: Eerste regel\\nTweede regel \\\\ met backslash\\n" in description
    assert unescape(description) == text_agenda(made).rstrip("\n")
    event = vobject.readOne(text).vevent
    assert (event.summary.value, event.location.value) == (made.title, made.place)
    assert event.description.value == text_agenda(made).rstrip("\n")
    parsed = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(parsed["LOCATION"]) == made.place and str(parsed["DESCRIPTION"]) == event.description.value


def test_the_agenda_is_in_the_description_with_its_times(clock):
    description = vobject.readOne(plan_calendar(plan("Oktober"), None, clock)).vevent.description.value
    assert "zaterdag 24 oktober 2026, 19:00–20:50" in description
    assert "19:00–19:10  Opstart en check-in" in description and "20:50        Einde" in description


def test_control_characters_never_reach_the_file(clock):
    text = plan_calendar(written("Titel \x1b]0;pwned\x07 \x9b2J", "Zaal\x1b[2J 3", "Thema\x00\x08"), None, clock)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)
    event = vobject.readOne(text).vevent
    assert (event.summary.value, event.location.value) == ("Titel ]0;pwned 2J", "Zaal[2J 3")


def test_a_plan_without_a_place_takes_its_networks(clock):
    network = Network("Zorgnetwerk Zuid", id="zorgnetwerk-zuid", place="Wijkcentrum Zuid, Utrecht")
    own = plan("Eigen", network="zorgnetwerk-zuid")
    own.place = "Stadhuis"
    assert vobject.readOne(plan_calendar(own, network, clock)).vevent.location.value == "Stadhuis"
    borrowed = vobject.readOne(plan_calendar(plan("Geleend", network="zorgnetwerk-zuid"), network, clock)).vevent
    assert borrowed.location.value == "Wijkcentrum Zuid, Utrecht"
    assert "Plaats: Wijkcentrum Zuid, Utrecht" in borrowed.description.value
    assert "LOCATION" not in plan_calendar(plan("Nergens"), None, clock)


def test_the_uid_stays_with_the_plan_so_importing_again_updates_it(tmp_path, clock):
    store = PlanStore(tmp_path)
    made = plan("Avond december", network="zorgnetwerk-zuid")
    store.save(made)
    first = vobject.readOne(plan_calendar(made, None, clock)).vevent.uid.value
    made.name, made.title, made.date = "Avond januari", "Nieuwe titel", date(2027, 1, 12)
    store.save(made)  # the plan keeps its file
    clock.advance(minutes=90)
    again = vobject.readOne(plan_calendar(made, None, clock)).vevent
    assert again.uid.value == first == "plan-avond-december.zorgnetwerk-zuid@lerend-tui"
    assert again.dtstamp.value == datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
    assert event_uid(plan("Ander")) != first


def test_a_plan_without_a_date_is_refused_in_dutch(clock):
    with pytest.raises(PlanError, match="De planning 'Ooit' heeft nog geen datum: zonder dag kan ze niet in"):
        plan_calendar(plan("Ooit", None), None, clock)


# -- a network --------------------------------------------------------------------------------------------


def test_a_networks_calendar_has_its_dated_plans_by_day_and_names_the_others(clock):
    network = Network("Zorgnetwerk Zuid", id="zuid", place="Wijkcentrum")
    plans = [plan("Derde", date(2026, 12, 1), network="zuid"), plan("Eerste", date(2026, 10, 6), network="zuid"),
             plan("Ooit", None, network="zuid"), plan("Elders", date(2026, 10, 13), network="noord"),
             plan("Tweede", date(2026, 11, 3), start="09:30", network="zuid")]
    text, undated = network_calendar(network, plans, clock)
    assert [p.name for p in undated] == ["Ooit"]
    events = vobject.readOne(text).vevent_list
    assert [e.summary.value for e in events] == ["Zorgnetwerk · Eerste", "Zorgnetwerk · Tweede", "Zorgnetwerk · Derde"]
    assert {e.location.value for e in events} == {"Wijkcentrum"}
    assert len({e.uid.value for e in events}) == 3
    assert [e.dtstart.value.astimezone(AMSTERDAM).strftime("%d-%m %H:%M") for e in events] == \
        ["06-10 19:00", "03-11 09:30", "01-12 19:00"]
    assert unescape(properties(text, "X-WR-CALNAME")[0]) == "Zorgnetwerk Zuid"
    assert len(icalendar.Calendar.from_ical(text).walk("VEVENT")) == 3


def test_a_network_without_a_dated_plan_says_so_in_dutch(clock):
    network = Network("Zorgnetwerk Zuid", id="zuid")
    with pytest.raises(PlanError, match=r"nog geen geplande bijeenkomst met een datum \(nog zonder datum: 'Ooit'\)"):
        network_calendar(network, [plan("Ooit", None, network="zuid")], clock)


# -- the command line ------------------------------------------------------------------------------------


def local_hour(value: datetime) -> str:
    """The hour a calendar program here shows (the system's zone, as the commands read the plans in)."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def seed(data_dir: Path) -> None:
    network = NetworkStore(data_dir / "networks").create("Zorgnetwerk Zuid", participants=["Anouk", "Bram"])
    network.place = "Wijkcentrum De Linde"
    NetworkStore(data_dir / "networks").save(network)
    store = PlanStore(data_dir / "plans")
    for made in (plan("Oktober", date(2026, 10, 24), network=network.id),
                 plan("November", date(2026, 11, 7), start="10:00", network=network.id),
                 plan("Ooit", None, network=network.id), plan("Los", date(2026, 12, 1))):
        store.save(made)


def test_plan_export_ics_to_a_file_and_to_the_screen(tmp_path, data, capsysbinary):
    seed(tmp_path / "data")
    target = tmp_path / "oktober.ics"
    assert cli.main([*data, "plan", "export", "Oktober", "--ics", "-o", str(target)]) == 0
    assert capsysbinary.readouterr().out.decode() == f"Kalenderbestand geschreven naar {target}\n"
    written = target.read_bytes()
    event = vobject.readOne(written.decode()).vevent
    assert local_hour(event.dtstart.value) == "2026-10-24 19:00"
    assert event.location.value == "Wijkcentrum De Linde"  # the network's
    unfolded(written.decode())
    assert cli.main([*data, "plan", "export", "oktober", "--ics"]) == 0
    shown = capsysbinary.readouterr().out
    assert shown.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and shown.endswith(b"END:VCALENDAR\r\n")
    assert vobject.readOne(shown.decode()).vevent.uid.value == event.uid.value


def test_plan_export_ics_refuses_a_plan_without_a_date_and_a_second_form(tmp_path, data, capsys):
    seed(tmp_path / "data")
    assert cli.main([*data, "plan", "export", "Ooit", "--ics"]) == 2
    assert "lerend-tui: De planning 'Ooit' heeft nog geen datum" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        cli.main([*data, "plan", "export", "Oktober", "--ics", "--tekst"])
    assert exit_.value.code == 2 and "niet samen met" in capsys.readouterr().err


def test_plan_export_ics_goes_without_the_place_of_a_network_it_cannot_read(tmp_path, data, capsys):
    seed(tmp_path / "data")
    (tmp_path / "data" / "networks" / "zorgnetwerk-zuid.toml").write_text("schema = 1\nname = 3\n", encoding="utf-8")
    assert cli.main([*data, "plan", "export", "Oktober", "--ics"]) == 0
    out, err = capsys.readouterr()
    assert "het netwerk 'zorgnetwerk-zuid' van deze planning is niet te lezen" in err and "veld 'name'" in err
    assert "LOCATION" not in out and "SUMMARY:Zorgnetwerk · Oktober" in out


def test_network_calendar(tmp_path, data, capsys):
    seed(tmp_path / "data")
    target = tmp_path / "zuid.ics"
    assert cli.main([*data, "network", "calendar", "Zorgnetwerk Zuid", "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == f"Kalenderbestand geschreven naar {target}\n"
    assert err == "lerend-tui: overgeslagen, nog zonder datum: 'Ooit'. Geef ze een datum op het planningsscherm.\n"
    events = vobject.readOne(target.read_text(encoding="utf-8")).vevent_list
    assert [(e.summary.value, local_hour(e.dtstart.value)) for e in events] == [
        ("Zorgnetwerk · Oktober", "2026-10-24 19:00"), ("Zorgnetwerk · November", "2026-11-07 10:00")]
    assert cli.main([*data, "network", "calendar", "onbekend"]) == 2
    assert "Geen netwerk 'onbekend'" in capsys.readouterr().err


def test_network_calendar_without_dated_plans_and_its_help(tmp_path, data, capsys):
    NetworkStore(tmp_path / "data" / "networks").create("Leeg")
    assert cli.main([*data, "network", "calendar", "leeg"]) == 2
    assert "Het netwerk 'Leeg' heeft nog geen geplande bijeenkomst met een datum" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["network", "calendar", "--help"])
    assert "iCalendar-bestand" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli.main(["plan", "export", "--help"])
    assert "--ics" in capsys.readouterr().out
