"""`lerend-tui beamer --web`: the web beamer (`beamer.web`) on the command line. It prints the URL to open
(on another address than loopback with a QR code, for a phone or laptop in the room), says in Dutch why an
address cannot be had, and stops cleanly on Ctrl+C or a signal (the doorbell closed, its pipe removed)."""

from __future__ import annotations

import argparse
import errno
import signal
import socket
import sys
from typing import NoReturn

from lerend_tui.beamer import DEFAULT_HOST, DEFAULT_PORT
from lerend_tui.beamer.web import WebBeamer
from lerend_tui.commands.shared import CliError, warn
from lerend_tui.common.paths import Paths

STOPPING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def run(args: argparse.Namespace, paths: Paths) -> int:
    if not args.web:
        raise CliError("--host en --port horen bij --web")
    host = DEFAULT_HOST if args.host is None else args.host
    port = DEFAULT_PORT if args.port is None else args.port
    try:
        beamer = WebBeamer(paths.live, host, port, tell=lambda problem: warn(f"onleesbare live-status: {problem}"))
    except socket.gaierror as error:
        raise CliError(f"onbekend adres: {host}") from error
    except OSError as error:
        raise CliError(bind_problem(error, host, port)) from error
    for number in STOPPING_SIGNALS:
        signal.signal(number, _stop)
    try:
        beamer.start()  # following the live state before anyone is told where to look
        for url in beamer.urls:
            print(f"Webbeamer: {url}")
        if beamer.token is None:
            print("Open dit adres in een browser op deze computer (dubbelklik: volledig scherm). Ctrl+C stopt.")
        else:
            print("Alleen wie dit adres met de code erin kent, ziet de beamer, en alleen om te lezen. Ctrl+C stopt.")
            print(qr_code(beamer.urls[0]), end="")
        sys.stdout.flush()
        beamer.serve_forever()
    except KeyboardInterrupt:
        print("De webbeamer is gestopt.")
        return 130
    finally:
        beamer.close()  # however it stops, even before it served
    return 0


def _stop(number: int, _frame: object) -> NoReturn:
    """Leave `serve_forever` (which closes everything on its way out) with exit code 128 + the signal."""
    raise SystemExit(128 + number)


def bind_problem(error: OSError, host: str, port: int) -> str:
    """Why the web beamer cannot listen on `host`:`port`, in Dutch."""
    if error.errno == errno.EADDRINUSE:
        return f"poort {port} op {host} is al in gebruik (draait de webbeamer al?): kies een andere met --port"
    if error.errno == errno.EACCES:
        return (f"poort {port} mag dit programma niet gebruiken (onder 1024 alleen de beheerder): kies een andere "
                "met --port")
    if error.errno == errno.EADDRNOTAVAIL:
        return (f"het adres {host} hoort niet bij deze computer: laat --host weg (alleen deze computer) of "
                "kies 0.0.0.0 (alle adressen, met een geheime code in de URL)")
    return f"kan niet luisteren op {host} poort {port}: {error.strerror or error}"


def qr_code(url: str) -> str:
    """`url` as a QR code in text (half blocks, two modules a character), for a phone's camera."""
    import io

    import segno

    out = io.StringIO()
    segno.make(url, error="m", micro=False).terminal(out=out, compact=True, border=2)
    return out.getvalue()
