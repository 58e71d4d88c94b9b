"""`lerend-tui beamer --web`: the beamer for any browser, served by the standard library's HTTP server.

One page (`page.html`, with its style and script inside: it works offline) counts the digits itself from the
countdowns it is sent, and an event stream (server-sent events, `/events`) sends it the view the moment it
changes. The same doorbell as the terminal follower's wakes the server (`storage.live.Doorbell`); it reads the
live state with `LiveReader` and `Follower`, so it shows the meeting the terminal follower would, and sends
what `BeamerView.to_json` holds: only what the beamer shows, never the notes, the items or who attends.

Safe to leave running in a room: read-only (GET and HEAD; anything else 405), every path but the page's and
the stream's 404. On a loopback address (the default) the Host header must name a loopback host, so that a
web page elsewhere cannot reach it through DNS rebinding; on any other address the paths start with a random
token (`/<token>/`), which only those who are shown the URL know. Every answer forbids everything the page
does not need (Content-Security-Policy with a nonce for its style and script), caching and the referrer.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import secrets
import socket
import socketserver
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import cast

from lerend_tui.beamer import DEFAULT_HOST, DEFAULT_PORT
from lerend_tui.beamer.palette import PALETTE
from lerend_tui.beamer.view import BeamerView, Follower
from lerend_tui.common.clock import Clock, SystemClock
from lerend_tui.storage.live import Doorbell, LiveReader

LOOK_EVERY = 1.0
"""Seconds between two looks at the live state without a ring: whether the facilitator's program still runs
(a program that dies rings no doorbell), and every change where there are no doorbells (Windows)."""
WORDS_LATE = 0.02
"""Seconds after the moment the words change that the view is sent again, so that they have changed."""
KEEP_ALIVE = 15.0
"""Seconds between two comments on an event stream that has nothing new: a page that is gone fails the write."""
RECONNECT_MS = 1000
"""How soon a page that lost its stream connects again (the event stream's `retry`)."""
MAX_STREAMS = 64
"""Event streams open at once: a room's worth, and a limit to what an open port can be made to hold."""
REQUEST_TIMEOUT = 10.0
"""Seconds a connection may take to send its request, or to take what it is sent."""
PAGE = Path(__file__).with_name("page.html")

_BLOCK_ALL = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"


def page_policy(nonce: str) -> str:
    """The page's Content-Security-Policy: its own style and script, by `nonce`, and its event stream."""
    return f"{_BLOCK_ALL}; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; connect-src 'self'"


def page_template() -> str:
    """The page, its CSS variables filled from the palette; `{{nonce}}` is left for each answer."""
    variables = " ".join(f"--{name}: {value};" for name, value in PALETTE.items())
    return PAGE.read_text(encoding="utf-8").replace("{{palette}}", variables)


def is_loopback_host(header: str) -> bool:
    """Whether a Host header names this computer itself: `localhost` (or a name under it, which browsers keep
    on this computer) or a loopback address, with or without a port."""
    name = header.strip().lower()
    if name.startswith("["):
        name = name[1:].partition("]")[0]
    elif name.count(":") == 1:
        name = name.partition(":")[0]
    name = name.rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def machine_addresses(family: socket.AddressFamily) -> list[str]:
    """This computer's own addresses in `family` other than loopback, for the URL a server on every address
    prints: those its name resolves to, and the one it would send from (a connected UDP socket sends
    nothing). Its name when it finds none."""
    found: set[str] = set()
    try:
        found.update(str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, family,
                                                                    socket.SOCK_STREAM))
    except OSError:
        pass
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1" if family == socket.AF_INET else "2001:db8::1", 9))  # documentation nets
            found.add(str(probe.getsockname()[0]))
    except OSError:
        pass
    own = [address for address in found if not ipaddress.ip_address(address.partition("%")[0]).is_loopback]
    return sorted(own, key=lambda address: ipaddress.ip_address(address.partition("%")[0])) or [socket.gethostname()]


class Broadcast:
    """The view every open page is to show, numbered: each event stream waits for a number it has not sent."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._number = 0
        self._view: BeamerView | None = None
        self.closed = False

    def publish(self, view: BeamerView) -> None:
        with self._changed:
            self._view, self._number = view, self._number + 1
            self._changed.notify_all()

    def after(self, number: int, timeout: float) -> tuple[int, BeamerView] | None:
        """The view with a number later than `number` (at once when there is one), or None when `timeout`
        seconds pass without one, or once the broadcast is closed."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self._number > number, timeout)
            if self.closed or self._number <= number or self._view is None:
                return None
            return self._number, self._view

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()


class WebBeamer:
    """The web beamer on `host`:`port` (port 0: any free one) for the live state at `live`.

    Bound when made (an `OSError` when the address cannot be had). `serve_forever` serves in the calling
    thread until the server is shut down or interrupted, and then closes everything: the doorbell (its pipe
    removed), the event streams and the port (`close`, for one that never served). As a context manager it
    serves in a thread of its own.
    `token`: the random part of the paths, made for any address but loopback; given, it is required on any
    address (for tests). `tell` hears once of each problem with the live-state file."""

    def __init__(self, live: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, clock: Clock | None = None,
                 token: str | None = None, tell: Callable[[str], None] = lambda problem: None) -> None:
        self.clock = clock or SystemClock()
        self._follower = Follower(LiveReader(live, tell))
        self.broadcast = Broadcast()
        self._doorbell = Doorbell(live)
        self._rung = threading.Event()
        self.streams = threading.BoundedSemaphore(MAX_STREAMS)
        """A place for each open event stream (see `MAX_STREAMS`)."""
        self._serving: threading.Thread | None = None
        self._started = False
        self.page = page_template()
        self.server = _Server(host, port, self)
        self.loopback = ipaddress.ip_address(self.host.partition("%")[0]).is_loopback
        self.token = token if token is not None else None if self.loopback else secrets.token_urlsafe(16)

    @property
    def host(self) -> str:
        return str(self.server.server_address[0])

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def urls(self) -> list[str]:
        """Where a browser finds the page: on a server bound to every address, at each of this computer's own."""
        wildcard = ipaddress.ip_address(self.host.partition("%")[0]).is_unspecified
        hosts = machine_addresses(socket.AddressFamily(self.server.address_family)) if wildcard else [self.host]
        path = f"/{self.token}/" if self.token else "/"
        return [f"http://{f'[{host}]' if ':' in host else host}:{self.port}{path}" for host in hosts]

    def start(self) -> None:
        """Answer the doorbell and watch the live state (once; `serve_forever` does it too): the doorbell
        opens before the first look, so no change goes unseen."""
        if self._started:
            return
        self._started = True
        if self._doorbell.open():
            threading.Thread(target=self._answer_doorbell, name="doorbell", daemon=True).start()
        threading.Thread(target=self._watch, name="watch", daemon=True).start()

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Serve until shut down or interrupted; `poll_interval`: how soon a `shutdown` from another thread
        is noticed."""
        self.start()
        try:
            self.server.serve_forever(poll_interval)
        finally:
            self.close()

    def close(self) -> None:
        """End the event streams, close the doorbell (its pipe removed) and the port."""
        self.broadcast.close()
        self._rung.set()
        self._doorbell.close()
        self.server.server_close()

    def __enter__(self) -> WebBeamer:
        # Shut down quickly at the block's end, for a test's many servers (at 20 wake-ups a second).
        self._serving = threading.Thread(target=self.serve_forever, args=(0.05,), name="serve", daemon=True)
        self._serving.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()
        if self._serving is not None:
            self._serving.join()

    def _answer_doorbell(self) -> None:
        while self._doorbell.wait():
            self._rung.set()

    def _watch(self) -> None:
        """Send the view whenever it changes (at a ring, or found at a look) and when its words change (at
        `BeamerView.changes_in`): the pages count the digits between."""
        shown: BeamerView | None = None
        due: float | None = None
        while not self.broadcast.closed:
            self._rung.clear()  # before reading: a ring from now on wakes the next wait
            view = self._follower.view()
            moment = self.clock.monotonic()
            if view != shown or (due is not None and moment >= due):
                self.broadcast.publish(view)
                shown = view
                change = view.changes_in(self.clock.now())
                due = None if change is None else moment + change + WORDS_LATE
            self._rung.wait(LOOK_EVERY if due is None else min(LOOK_EVERY, max(due - moment, 0.0)))

    def event(self, view: BeamerView) -> bytes:
        """One server-sent event: the view as the page gets it, read at this moment (see `BeamerView.to_json`)."""
        data = json.dumps(view.to_json(self.clock.now()), ensure_ascii=False, separators=(",", ":"))
        return b"data: " + data.encode() + b"\n\n"

    def route(self, path: str) -> str | None:
        """"page", "events" or None (not found) for a request's path; with a token, only under it."""
        path = path.partition("?")[0]
        if self.token is not None:
            given, slash, rest = path.removeprefix("/").partition("/")
            # The path came in as Latin-1 (`http.server`), so it goes back as it was, for a comparison in
            # constant time.
            if not (path.startswith("/") and slash and hmac.compare_digest(given.encode("latin-1"),
                                                                            self.token.encode())):
                return None
            path = "/" + rest
        return {"/": "page", "/events": "events"}.get(path)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream never holds up the end

    def __init__(self, host: str, port: int, beamer: WebBeamer) -> None:
        family, _, _, _, address = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                                      flags=socket.AI_PASSIVE)[0]
        self.address_family = family
        self.beamer = beamer
        # As found: IPv6's keeps its scope (a link-local address names its interface).
        super().__init__(cast("tuple[str, int]", address), _Handler)

    def server_bind(self) -> None:
        """Bind without looking up the address's name (`HTTPServer` would, which can take seconds)."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = REQUEST_TIMEOUT

    def version_string(self) -> str:
        """The Server header: the program, not the versions of Python and its HTTP server."""
        return "lerend-tui"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal shows the URL, not every request."""

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """What `http.server` itself refuses (a malformed request; any method but GET and HEAD, which it calls
        not implemented), answered as this server answers: a method with 405."""
        if code == HTTPStatus.NOT_IMPLEMENTED:
            self._refuse(HTTPStatus.METHOD_NOT_ALLOWED, "Alleen lezen: GET of HEAD.", {"Allow": "GET, HEAD"})
        else:
            self._refuse(HTTPStatus(code), HTTPStatus(code).phrase + ".")

    def _answer(self, *, body: bool) -> None:
        beamer = self.server.beamer
        if beamer.token is None and not is_loopback_host(self.headers.get("Host", "")):
            self._refuse(HTTPStatus.MISDIRECTED_REQUEST, "Deze beamer is alleen op deze computer te zien.")
            return
        route = beamer.route(self.path)
        if route == "page":
            nonce = secrets.token_urlsafe(16)
            content = beamer.page.replace("{{nonce}}", nonce).encode()
            self._head(HTTPStatus.OK, "text/html; charset=utf-8", page_policy(nonce), len(content))
            if body:
                self.wfile.write(content)
        elif route == "events":
            self._stream(body=body)
        else:
            self._refuse(HTTPStatus.NOT_FOUND, "Niet gevonden.")

    def _stream(self, *, body: bool) -> None:
        """The event stream: the view now, then every new one, with a comment when nothing is new for a while
        (a page that is gone then fails the write, and its thread ends)."""
        beamer = self.server.beamer
        if not beamer.streams.acquire(blocking=False):
            self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, "Te veel open vensters.")
            return
        try:
            self._head(HTTPStatus.OK, "text/event-stream; charset=utf-8", _BLOCK_ALL)
            if not body:
                return
            self.wfile.write(f"retry: {RECONNECT_MS}\n\n".encode())
            number = 0
            while True:
                found = beamer.broadcast.after(number, KEEP_ALIVE)
                if beamer.broadcast.closed:
                    return
                if found is None:
                    self.wfile.write(b":\n\n")
                else:
                    number, view = found
                    self.wfile.write(beamer.event(view))
                self.wfile.flush()
        except OSError:  # the page is gone (or takes nothing in)
            return
        finally:
            beamer.streams.release()

    def _head(self, status: HTTPStatus, content_type: str, policy: str, length: int | None = None,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": content_type, "Content-Security-Policy": policy, "Referrer-Policy": "no-referrer",
                   "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
                   "Cross-Origin-Resource-Policy": "same-origin", **(extra or {})}
        if length is not None:
            headers["Content-Length"] = str(length)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def _refuse(self, status: HTTPStatus, text: str, extra: dict[str, str] | None = None) -> None:
        content = f"{text}\n".encode()
        self.close_connection = True
        self._head(status, "text/plain; charset=utf-8", _BLOCK_ALL, len(content), extra)
        if self.command != "HEAD":
            self.wfile.write(content)
