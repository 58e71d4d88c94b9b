"""The README's pictures of the web beamer, taken in headless Chromium at 1280×720:

- `beamer-web.png`: a step's countdown, as the room sees it;
- `beamer-web-states.png`: every state and screen side by side in greyscale, to check that each reads without
  colour.

Run from the repository: `.venv/bin/python docs/beamer_screenshots.py` (needs Chromium and chromedriver).
"""

from __future__ import annotations

import base64
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from lerend_tui.beamer.web import WebBeamer  # noqa: E402
from lerend_tui.common.clock import SystemClock  # noqa: E402
from lerend_tui.storage.live import clear_live, write_live  # noqa: E402
from tests import browserkit  # noqa: E402
from tests.samples import live_state  # noqa: E402

WIDTH, HEIGHT = 1280, 720
ROUND = {"focus": "turn", "speaker": "Chris", "next_speaker": "Bram", "round_progress": "3 van 6",
         "planned_seconds": 120.0, "step_planned_seconds": 600.0, "step_elapsed_seconds": 200.0}
STATES = {  # what the page then shows, the countdown's elapsed seconds and whether it runs, the rest of the state
    "loopt": ({"state": "running"}, 30.0, True, {}),
    "klaar": ({"state": "ready"}, 0.0, False, {}),
    "pauze": ({"state": "paused"}, 90.0, False, {}),
    "waarschuwing": ({"state": "warning"}, 520.0, True, {}),
    "uitloop": ({"state": "overtime"}, 642.0, True, {}),
    "rondje": ({"speaker": "NU: CHRIS"}, 20.0, True, ROUND),
    "bericht": ({"show": "message"}, 30.0, True, {"message": "Pauze tot 20:15"}),
    "welkom": ({"show": "welcome"}, 0.0, False, {"started": False, "network": "Zorgnetwerk Zuid",
                                                 "title": "Bijeenkomst 4: samen leren"}),
    "einde": ({"show": "end"}, 0.0, False, {"ended": True, "title": "Bijeenkomst 4: samen leren",
                                            "next_meeting": "dinsdag 12 januari 2027 om 19:30"}),
    "zwart": ({"show": "blank"}, 30.0, True, {"blank": True}),
}

CONTACT_SHEET = """<!doctype html><meta charset="utf-8"><style>
body {{ margin: 0; background: #404040; font: 15px sans-serif; color: #fff; display: grid;
       grid-template-columns: repeat(4, 316px); gap: 4px; padding: 4px; width: fit-content; }}
figure {{ margin: 0; }} img {{ width: 316px; display: block; filter: grayscale(1); }}
figcaption {{ padding: 2px 0; }}
</style>{figures}"""


def main() -> None:
    clock = SystemClock()
    shots: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as data, browserkit.chromium(WIDTH, HEIGHT) as page:
        live = Path(data) / "live.toml"
        with WebBeamer(live, "127.0.0.1", 0) as beamer:
            page.get(beamer.urls[0])
            for name, (shown, elapsed, running, changes) in STATES.items():
                changes = {"planned_start": clock.now() + timedelta(minutes=20), **changes}
                write_live(live, live_state(clock, elapsed, running, **changes))
                browserkit.wait_for(page, lambda shown=shown: shown.items() <= browserkit.page_state(page).items(),
                                    name)
                shots[name] = page.get_screenshot_as_png()
            clear_live(live)
        (HERE / "beamer-web.png").write_bytes(shots["loopt"])
        figures = "".join(f'<figure><img src="data:image/png;base64,{base64.b64encode(png).decode()}">'
                          f"<figcaption>{name}</figcaption></figure>" for name, png in shots.items())
        sheet = Path(data) / "sheet.html"
        sheet.write_text(CONTACT_SHEET.format(figures=figures), encoding="utf-8")
        browserkit.resize(page, 4 * 316 + 5 * 4, 3 * (178 + 24) + 4 * 4)
        page.get(sheet.as_uri())
        (HERE / "beamer-web-states.png").write_bytes(page.get_screenshot_as_png())


if __name__ == "__main__":
    main()
