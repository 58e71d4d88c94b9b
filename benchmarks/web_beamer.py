"""The web beamer (`lerend-tui beamer --web`), against the terminal follower (`lerend-tui beamer`) in the same run.

- Latency: from the facilitator's change (`write_live`, which rings every doorbell, as a key press in the
  meeting does) to the change on the page in a headless Chromium (the first DOM mutation after it, timed in the
  page by a MutationObserver on the wall clock both share), and in the same trial to the terminal follower's
  first output after it on its pseudo-terminal. The change puts a new message on the beamer of a paused meeting,
  so neither follower draws anything else meanwhile. Goal: the web's median ≤ 100 ms; its ratio to the terminal
  follower's median is printed beside it.
- CPU: the web beamer's process with 10 event streams open (raw sockets, read as a browser reads them) while a
  phase counts down, against the terminal follower on the same running meeting at the same time, over
  `SECONDS`. Goals: ≤ 2 % of a core, and ≤ 1.2× the terminal follower.

The browser comes from the test helpers (`tests/browserkit.py`); without Chromium the latency is skipped, saying
why.
"""

from __future__ import annotations

import random
import selectors
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lerend_tui.common.clock import SystemClock
from lerend_tui.meeting.running import Meeting, new_meeting_record
from lerend_tui.storage.live import LiveState, clear_live, write_live
from lerend_tui.templates import load_templates

from .beamer_cpu import PROGRAM, cpu_seconds
from .ptyrun import Running

GOAL_LATENCY_MS, GOAL_RATIO, GOAL_SHARE = 100.0, 1.2, 0.02
TRIALS = 30
GAP = (0.15, 0.35)
"""Seconds between two changes, at random: never in step with a follower's own wake-ups."""
BROWSERS = 10
SECONDS = 20.0
MARKER = b"Opstart"
"""The first phase's title, which the terminal follower draws once it follows the meeting."""

ARM = """
window.seen = null;
if (!window.watching) {
  window.watching = new MutationObserver(() => {
    if (window.seen === null) window.seen = performance.timeOrigin + performance.now();
  });
  window.watching.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
}
"""


def meeting(*, running: bool) -> Meeting:
    """A meeting in this process, which is the facilitator's program: begun, and running or paused."""
    clock = SystemClock()
    record = new_meeting_record(load_templates().get("bijeenkomst"), title="Benchmark", participants=[],
                                planned_start=clock.now())
    meeting = Meeting(record, clock, rng=random.Random(1))
    meeting.toggle_timer()
    if not running:
        meeting.toggle_timer()
    return meeting


@contextmanager
def web_beamer(data: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`lerend-tui beamer --web` on a free port of this computer: its process and its URL."""
    process = subprocess.Popen([PROGRAM, "--data-dir", data, "beamer", "--web", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("Webbeamer: "):
            raise RuntimeError(f"the web beamer did not start: {line!r}")
        threading.Thread(target=process.stdout.read, daemon=True).start()  # never blocks on a full pipe
        yield process, line.removeprefix("Webbeamer: ").strip()
    finally:
        process.terminate()
        process.wait(10)


def latency(trials: int = TRIALS) -> tuple[float, float] | str:
    """(The web's median latency, the terminal follower's), in seconds; or why there is no browser."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests import browserkit

    reason = browserkit.missing()
    if reason is not None:
        return reason
    rng = random.Random(1)
    web, terminal = [], []
    with tempfile.TemporaryDirectory() as data:
        live = Path(data) / "live.toml"
        paused = meeting(running=False)
        write_live(live, LiveState.capture(paused))
        with web_beamer(data) as (_, url), Running([PROGRAM, "--data-dir", data, "beamer"], MARKER) as follower, \
                browserkit.chromium() as page:
            page.get(url)
            browserkit.wait_for(page, lambda: page.execute_script("return document.body.dataset.show") == "timer",
                                "the page", timeout=10.0)
            for trial in range(trials):
                page.execute_script(ARM)
                mark = follower.mark()
                written_at, written = time.time(), time.perf_counter()
                write_live(live, LiveState.capture(paused, message=f"Bericht {trial + 1}"))
                terminal.append(follower.drawn_after(mark) - written)
                seen = browserkit.wait_for(page, lambda: page.execute_script("return window.seen"),
                                           "the page's change")
                web.append(seen / 1000 - written_at)
                time.sleep(rng.uniform(*GAP))
        clear_live(live)
    return statistics.median(web), statistics.median(terminal)


def _read_streams(sockets: list[socket.socket], stop: threading.Event, views: dict[int, int]) -> None:
    """Take in what the event streams send, as a browser does (the benchmark's CPU, not the server's), counting
    the views each one got."""
    with selectors.DefaultSelector() as selector:
        for each in sockets:
            selector.register(each, selectors.EVENT_READ)
        while not stop.is_set():
            for key, _ in selector.select(0.2):
                stream = key.fileobj
                assert isinstance(stream, socket.socket)
                got = stream.recv(65536)
                views[stream.fileno()] = views.get(stream.fileno(), 0) + got.count(b"data: ")
                if not got:
                    selector.unregister(stream)


def cpu(seconds: float = SECONDS, browsers: int = BROWSERS) -> tuple[float, float]:
    """(The web beamer's CPU ÷ the terminal follower's, its share of one core)."""
    with tempfile.TemporaryDirectory() as data:
        live = Path(data) / "live.toml"
        write_live(live, LiveState.capture(meeting(running=True)))
        with web_beamer(data) as (web, url), Running([PROGRAM, "--data-dir", data, "beamer"], MARKER) as follower:
            host, port = url.removeprefix("http://").rstrip("/").rsplit(":", 1)
            streams = [socket.create_connection((host, int(port))) for _ in range(browsers)]
            for stream in streams:
                stream.sendall(f"GET /events HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
            stop = threading.Event()
            views: dict[int, int] = {}
            reader = threading.Thread(target=_read_streams, args=(streams, stop, views), daemon=True)
            reader.start()
            time.sleep(2)  # past start-up: measure the steady state only
            web_start, terminal_start = cpu_seconds(web.pid)[0], cpu_seconds(follower.pid)[0]
            time.sleep(seconds)
            web_end, terminal_end = cpu_seconds(web.pid)[0], cpu_seconds(follower.pid)[0]
            stop.set()
            reader.join()
            if len(views) < browsers or not all(views.values()):
                raise RuntimeError(f"not every stream got the view: {views}")
            for stream in streams:
                stream.close()
        clear_live(live)
    web_used, terminal_used = web_end - web_start, terminal_end - terminal_start
    return web_used / max(terminal_used, 1e-9), web_used / seconds


def report() -> bool:
    ok = True
    measured = latency()
    if isinstance(measured, str):
        print(f"{'web-beamer: wijziging→pagina':<28} overgeslagen: {measured}")
    else:
        web, terminal = measured
        latency_ok = web * 1000 <= GOAL_LATENCY_MS
        ok &= latency_ok
        print(f"{'web-beamer: wijziging→pagina':<28} {web * 1000:5.1f} ms mediaan (doel ≤ {GOAL_LATENCY_MS:g} ms)  "
              f"{'ok' if latency_ok else 'TE TRAAG'}   ({web / terminal:.2f}× de terminal-beamer: "
              f"{terminal * 1000:.1f} ms; {TRIALS} wijzigingen)")
    ratio, share = cpu()
    cpu_ok = ratio <= GOAL_RATIO and share <= GOAL_SHARE
    ok &= cpu_ok
    print(f"{f'CPU web-beamer, {BROWSERS} kijkers':<28} {ratio:5.2f}× de terminal-beamer (doel ≤ {GOAL_RATIO}×)   "
          f"{share:.2%} van één kern (doel ≤ {GOAL_SHARE:.0%})  {'ok' if cpu_ok else 'TE HOOG'}")
    return ok
