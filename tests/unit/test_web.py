"""The web beamer's server (`beamer.web`) in this process, on a free port of 127.0.0.1: its routes, what it refuses,
its headers, and the event stream that follows the live state."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from http.client import HTTPConnection

import pytest

from lerend_tui.beamer.palette import PALETTE
from lerend_tui.beamer.web import WebBeamer, is_loopback_host
from lerend_tui.cli import main
from lerend_tui.common.clock import SystemClock
from lerend_tui.storage.live import LiveState, clear_live, doorbells, write_live

from ..lockkit import PUBLISH_LIVE, child
from ..samples import live_state
from .test_meeting import new_meeting

TOKEN = "t0ken-for-tests"


@pytest.fixture
def live(paths):
    """The live state's path; this program is the facilitator's, and lets go of the beamer afterwards."""
    yield paths.live
    clear_live(paths.live)


@contextmanager
def serving(live, **options):
    with WebBeamer(live, "127.0.0.1", 0, **options) as beamer:
        yield beamer


def request(beamer: WebBeamer, path: str = "/", method: str = "GET", host: str | None = None):
    """The status, headers and body of one request (`host`: the Host header, else the server's own)."""
    connection = HTTPConnection("127.0.0.1", beamer.port, timeout=10)
    headers = {"Host": host} if host is not None else {}
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class Stream:
    """An open event stream, read as a browser's EventSource reads it."""

    def __init__(self, beamer: WebBeamer, path: str = "/events") -> None:
        self.socket = socket.create_connection(("127.0.0.1", beamer.port), timeout=10)
        self.socket.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{beamer.port}\r\n\r\n".encode())
        self.buffer = b""
        self.received = b""
        """Everything the stream sent so far."""
        head = self._until(b"\r\n\r\n")
        self.status = int(head.split()[1])
        self.headers = head.decode("latin-1")

    def _until(self, separator: bytes) -> bytes:
        while separator not in self.buffer:
            chunk = self.socket.recv(65536)
            if not chunk:
                raise EOFError("the stream ended")
            self.buffer += chunk
            self.received += chunk
        found, self.buffer = self.buffer.split(separator, 1)
        return found

    def next_view(self) -> dict:
        """The next view sent (comments and the reconnection delay skipped)."""
        while True:
            block = self._until(b"\n\n").decode()
            data = [line.removeprefix("data: ") for line in block.splitlines() if line.startswith("data: ")]
            if data:
                return json.loads("\n".join(data))

    def view_where(self, condition, what: str) -> dict:
        """The first view from now on for which `condition` holds (a stream may send the same view again)."""
        while not condition(view := self.next_view()):
            pass
        return view

    def close(self) -> None:
        self.socket.close()


def test_the_page_and_the_stream_are_served_and_every_other_path_is_not_found(live):
    with serving(live) as beamer:
        status, headers, body = request(beamer)
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        page = body.decode()
        assert '<html lang="nl">' in page and 'new EventSource("events")' in page
        for path in ("/favicon.ico", "/events/", "/page.html", "/../live.toml", "/index.html", "/%2e%2e/"):
            assert request(beamer, path)[0] == 404, path
        assert request(beamer, "/?from=qr")[0] == 200
        stream = Stream(beamer)
        assert stream.status == 200 and "Content-Type: text/event-stream; charset=utf-8" in stream.headers
        assert stream.next_view()["show"] == "waiting"
        stream.close()


def test_the_page_is_filled_from_the_palette_and_its_style_and_script_carry_the_policy_nonce(live):
    with serving(live) as beamer:
        _, headers, body = request(beamer)
        _, again, _ = request(beamer)
    page = body.decode()
    for name, value in PALETTE.items():
        assert f"--{name}: {value};" in page
    policy = headers["Content-Security-Policy"]
    nonce = re.search(r"script-src 'nonce-([^']+)'", policy).group(1)
    assert f"style-src 'nonce-{nonce}'" in policy and "connect-src 'self'" in policy
    assert policy.startswith("default-src 'none'")
    assert page.count(f'nonce="{nonce}"') == 2 and "{{" not in page
    assert again["Content-Security-Policy"] != policy  # a new nonce for every answer
    assert "innerHTML" not in page and "insertAdjacentHTML" not in page and "document.write" not in page
    assert "http://" not in page and "https://" not in page  # nothing from elsewhere: it works offline


def test_every_answer_forbids_caching_sniffing_the_referrer_and_anything_not_needed(live):
    with serving(live) as beamer:
        for path, status in (("/", 200), ("/nope", 404)):
            got, headers, _ = request(beamer, path)
            assert got == status
            assert headers["Referrer-Policy"] == "no-referrer" and headers["Cache-Control"] == "no-store"
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert headers["Content-Security-Policy"].startswith("default-src 'none'")
            assert headers["Server"] == "lerend-tui"  # not the versions of Python and its server


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"])
def test_it_only_reads(live, method):
    with serving(live) as beamer:
        status, headers, body = request(beamer, "/", method)
        assert status == 405 and headers["Allow"] == "GET, HEAD"
        assert body.decode().strip() == "Alleen lezen: GET of HEAD."
        assert not live.exists()


def test_a_malformed_request_is_refused_as_every_other_answer(live):
    with serving(live) as beamer, socket.create_connection(("127.0.0.1", beamer.port), timeout=10) as raw:
        raw.sendall(b"GET / HTTP/1.0\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n")  # a header too long
        answer = raw.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.0 431") and "Content-Security-Policy: default-src 'none'" in answer


def test_head_gives_the_headers_alone(live):
    with serving(live) as beamer:
        status, headers, body = request(beamer, "/", "HEAD")
        assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000
        status, headers, body = request(beamer, "/events", "HEAD")
        assert status == 200 and headers["Content-Type"].startswith("text/event-stream") and body == b""


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "192.168.1.20", "127.0.0.1.evil.example",
                                  "localhost.evil.example", ""])
def test_on_loopback_a_host_header_that_names_another_computer_is_refused(live, host):
    """DNS rebinding: a page elsewhere whose name now points at 127.0.0.1 still sends its own name."""
    with serving(live) as beamer:
        assert request(beamer, "/", host=host)[0] == 421
        assert request(beamer, "/events", host=host)[0] == 421


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:8765", "127.0.0.1", "127.0.0.1:8765", "127.3.4.5",
                                  "[::1]", "[::1]:8765", "::1", "beamer.localhost", "localhost."])
def test_loopback_names(host):
    assert is_loopback_host(host)


def test_off_loopback_only_the_token_paths_answer(live):
    """A token on 127.0.0.1 stands in for another address (see `test_a_server_on_every_address_gets_a_token`)."""
    with serving(live, token=TOKEN) as beamer:
        assert beamer.urls == [f"http://127.0.0.1:{beamer.port}/{TOKEN}/"]
        for path in ("/", "/events", f"/{TOKEN}", f"/{TOKEN}x/", f"/x{TOKEN}/", f"/{TOKEN[:-1]}/",
                     f"/{TOKEN}/x/events", f"/{TOKEN}/events/", "/%C3%A9/"):
            assert request(beamer, path)[0] == 404, path
        assert request(beamer, f"/{TOKEN}/")[0] == 200
        with socket.create_connection(("127.0.0.1", beamer.port), timeout=10) as raw:  # a byte outside ASCII
            raw.sendall(b"GET /\xe9/ HTTP/1.0\r\n\r\n")
            assert raw.recv(100).startswith(b"HTTP/1.0 404")
        assert request(beamer, f"/{TOKEN}/", host="beamer.example:8765")[0] == 200  # any name: the token guards
        stream = Stream(beamer, f"/{TOKEN}/events")
        assert stream.status == 200 and stream.next_view()["show"] == "waiting"
        stream.close()


def test_a_server_on_every_address_gets_a_token_and_names_the_computer_s_addresses(live):
    beamer = WebBeamer(live, "0.0.0.0", 0)
    try:
        assert not beamer.loopback and beamer.token and len(beamer.token) >= 20
        assert beamer.urls and all(url.endswith(f":{beamer.port}/{beamer.token}/") for url in beamer.urls)
        assert not any("0.0.0.0" in url or "127.0.0.1" in url for url in beamer.urls)
    finally:
        beamer.close()
    loopback = WebBeamer(live, "127.0.0.1", 0)
    loopback.close()
    assert loopback.loopback and loopback.token is None


def test_the_stream_sends_a_new_view_as_soon_as_the_facilitator_writes_the_live_state(live):
    clock = SystemClock()
    with serving(live) as beamer:
        stream = Stream(beamer)
        assert stream.next_view()["show"] == "waiting"
        write_live(live, live_state(clock, 30.0, True))  # rings the doorbell, as every key press does
        view = stream.next_view()
        assert view["show"] == "timer" and view["title"] == "Zorgnetwerk Zuid"
        assert view["countdown"]["running"] and view["countdown"]["elapsed"] == pytest.approx(30.0, abs=1.0)
        assert view["widest"] == "+88:88" and view["now"] == pytest.approx(time.time() * 1000, abs=5000)
        write_live(live, live_state(clock, 30.0, False, message="Pauze tot 20:15"))
        view = stream.next_view()
        assert view["show"] == "message" and view["message"] == "Pauze tot 20:15"
        stream.close()


def test_the_stream_sends_the_view_again_when_its_words_change(live):
    """The page counts the digits itself; the big words it is sent at the moment they change."""
    with serving(live) as beamer:
        stream = Stream(beamer)
        write_live(live, live_state(SystemClock(), 539.7, True))  # 60.3 s left: "NOG 1 MINUUT" for 0.3 s
        first = stream.view_where(lambda view: view["show"] == "timer", "the timer")
        later = stream.view_where(lambda view: view["big_words"][0] == "LAATSTE MINUUT", "the last minute")
        assert later["now"] - first["now"] >= 250 or first["big_words"][0] == "LAATSTE MINUUT"
        stream.close()


def test_the_stream_never_carries_the_notes_the_items_or_who_attends(live, clock):
    meeting = new_meeting(clock, participants=["Anouk", "Bram", "Chris"])
    meeting.current.notes = "GEHEIM: wat in de notities staat\n- [ ] actie: GEHEIM ook"
    meeting.go_to(1)  # out of the check-in's round: nobody's name is on the beamer
    meeting.current.notes = "GEHEIM in de reflectie"
    meeting.toggle_timer()
    with serving(live) as beamer:
        stream = Stream(beamer)
        write_live(live, LiveState.capture(meeting))
        view = stream.view_where(lambda view: view["show"] == "timer", "the meeting")
        stream.close()
    assert view["phase"].startswith("Reflectie")
    text = stream.received.decode()
    for secret in ("GEHEIM", "Anouk", "Bram", "Chris", "participants", "notes", "items"):
        assert secret not in text


def test_the_stream_follows_when_the_facilitator_s_program_dies(paths):
    """A program that dies rings no doorbell: a look every second finds it gone."""
    with serving(paths.live) as beamer, child(PUBLISH_LIVE, paths.live) as (facilitator, _):
        stream = Stream(beamer)
        stream.view_where(lambda view: view["show"] == "timer", "the live meeting")
        facilitator.kill()
        facilitator.wait(10)
        view = stream.view_where(lambda view: view["show"] == "waiting", "the waiting screen")
        assert view["waiting_words"] == "Zo meteen gaat de bijeenkomst verder."
        stream.close()


def test_closing_ends_the_streams_and_removes_the_doorbell(live):
    with serving(live) as beamer:
        stream = Stream(beamer)
        stream.next_view()
        assert list(doorbells(live).glob("*.fifo"))
    assert not list(doorbells(live).glob("*.fifo"))
    with pytest.raises(EOFError):
        stream.next_view()
    stream.close()


def test_a_port_in_use_is_said_in_dutch(data, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main([*data, "beamer", "--web", "--port", str(port)]) == 2
    error = capsys.readouterr().err
    assert f"poort {port} op 127.0.0.1 is al in gebruik" in error and "--port" in error
    assert "Traceback" not in error


def test_host_and_port_belong_to_web(data, capsys):
    assert main([*data, "beamer", "--port", "9000"]) == 2
    assert "--host en --port horen bij --web" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*data, "beamer", "--web", "--port", "70000"])
    assert "verwacht een poortnummer van 0 tot 65535" in capsys.readouterr().err
    assert main([*data, "beamer", "--web", "--host", "geen.adres.invalid"]) == 2
    assert "onbekend adres: geen.adres.invalid" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_stops_it_cleanly(tmp_path):
    data = tmp_path / "data"
    process = subprocess.Popen([sys.executable, "-m", "lerend_tui.cli", "--data-dir", str(data), "beamer", "--web",
                                "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               stdin=subprocess.DEVNULL)
    try:
        line = process.stdout.readline()
        assert re.fullmatch(r"Webbeamer: http://127\.0\.0\.1:\d+/\n", line)
        assert list(doorbells(data / "live.toml").glob("*.fifo"))
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130 and "De webbeamer is gestopt." in out
    assert err == "" and not list(doorbells(data / "live.toml").glob("*.fifo"))


def test_a_signal_stops_it_cleanly_too(tmp_path):
    data = tmp_path / "data"
    process = subprocess.Popen([sys.executable, "-m", "lerend_tui.cli", "--data-dir", str(data), "beamer", "--web",
                                "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               stdin=subprocess.DEVNULL)
    process.stdout.readline()
    os.kill(process.pid, signal.SIGTERM)
    _, err = process.communicate(timeout=10)
    assert process.returncode == 128 + signal.SIGTERM and err == ""
    assert not list(doorbells(data / "live.toml").glob("*.fifo"))


def test_on_every_address_it_prints_the_token_urls_and_a_qr_code(tmp_path):
    process = subprocess.Popen([sys.executable, "-m", "lerend_tui.cli", "--data-dir", str(tmp_path / "data"), "beamer",
                                "--web", "--host", "0.0.0.0", "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    try:
        lines = [process.stdout.readline()]
        while not lines[-1].startswith("Alleen wie"):
            lines.append(process.stdout.readline())
        qr = [process.stdout.readline() for _ in range(10)]
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    urls = [line.removeprefix("Webbeamer: ").strip() for line in lines[:-1]]
    assert urls and all(re.fullmatch(r"http://[^/]+:\d+/[\w-]{20,}/", url) for url in urls)
    assert not any("0.0.0.0" in url for url in urls)
    assert all(set(line.strip("\n")) <= set("█▀▄ ") and len(line) == len(qr[0]) for line in qr)
    assert "De webbeamer is gestopt." in out
