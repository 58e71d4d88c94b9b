"""The work-format catalogue at scale: 1,000 generated files beside the built-in ones.

Loading and validating them (`load_catalogue`) is measured against parsing the same files with
`tomllib` alone, so the figure is the cost of validation; one draw (filter with `candidates`, then
`Draw.next`) is measured against one `tomllib.loads` of a single file. Both in the same run.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

from lerend_tui.catalogue.picker import Draw, Filters, candidates, recency_weights
from lerend_tui.catalogue.workforms import builtin_workform_files, load_catalogue
from lerend_tui.templates import PHASE_KINDS

COUNT = 1000
RUNS = 7
DRAWS = 300
GOAL_LOAD = 1.5
GOAL_DRAW_MS = 5.0
WORDS = ["de", "groep", "vertelt", "luistert", "vraagt", "deelt", "ervaring", "inbrenger", "adviseur", "ronde",
         "samen", "kort", "elkaar", "wat", "hielp", "leervraag", "afspraak", "thema", "opdracht", "reflectie"]


def _sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(low, high))).capitalize() + "."


def generated(number: int, rng: random.Random) -> dict[str, Any]:
    """One valid work format; sizes, phases, steps, roles and optional keys vary."""
    roles = rng.sample(["inbrenger", "adviseur", "tijdbewaker", "notulist", "gespreksleider"], k=rng.randint(0, 3))
    steps = []
    for index in range(rng.randint(1, 12)):
        step: dict[str, Any] = {"title": f"Stap {index + 1}", "minutes": rng.randint(1, 10),
                                "instruction": _sentence(rng, 6, 40)}
        if rng.random() < 0.3:
            step["round"] = True
        if roles and rng.random() < 0.5:
            step["roles"] = rng.sample(roles, k=rng.randint(1, len(roles)))
        steps.append(step)
    group_min = rng.randint(1, 8)
    group_max = group_min + rng.randint(0, 40)
    data: dict[str, Any] = {
        "id": f"vorm-{number:04d}", "name": f"Werkvorm {number}", "summary": _sentence(rng, 10, 50),
        "phases": rng.sample(PHASE_KINDS, k=rng.randint(1, 3)), "group_min": group_min, "group_max": group_max,
        "minutes": sum(step["minutes"] for step in steps), "roles": roles,
        "materials": rng.sample(["flap", "stiften", "post-its", "kaartjes", "bel"], k=rng.randint(0, 3)),
        "tags": rng.sample(["intervisie", "snel", "diep", "speels", "stil"], k=rng.randint(0, 3)),
        "steps": steps,
    }
    if rng.random() < 0.5:
        data["name_en"] = f"Format {number}"
    if rng.random() < 0.5:
        data["source"] = "gegenereerd voor de benchmark"
    if group_max >= 2 and rng.random() < 0.4:
        data["subgroups"] = rng.randint(2, min(group_max, 6))
    return data


def write_files(folder: Path, count: int = COUNT) -> None:
    rng = random.Random(2026)
    for number in range(count):
        data = generated(number, rng)
        (folder / f"{data['id']}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")


def _seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def tomllib_only(files: list[Path]) -> None:
    for path in files:
        tomllib.loads(path.read_text(encoding="utf-8"))


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        write_files(folder)
        files = builtin_workform_files() + sorted(folder.glob("*.toml"))  # exactly what load_catalogue reads
        loads, parses = [], []
        for _ in range(RUNS):  # alternating, so a slow moment hits both
            loads.append(_seconds(lambda: load_catalogue(folder)))
            parses.append(_seconds(lambda: tomllib_only(files)))
        catalogue = load_catalogue(folder)
        assert not catalogue.problems and len(catalogue) == COUNT + len(builtin_workform_files()), catalogue.problems
        single = files[-1].read_text(encoding="utf-8")

    rng = random.Random(1)
    ids = sorted(catalogue.workforms)
    weights = recency_weights([rng.sample(ids, 3) for _ in range(5)])
    filters = Filters(phase="coaching", people=8, minutes=45)
    draws, one_parse = [], []
    for _ in range(DRAWS):
        draws.append(_seconds(lambda: Draw(candidates(catalogue, filters), rng, weights).next()))
        one_parse.append(_seconds(lambda: tomllib.loads(single)))
    return {
        "load": statistics.median(loads), "parse": statistics.median(parses),
        "draw": statistics.median(draws), "one_parse": statistics.median(one_parse),
        "files": len(files), "fitting": len(candidates(catalogue, filters)),
    }


def report() -> bool:
    r = run()
    load_ratio, draw_ratio = r["load"] / r["parse"], r["draw"] / r["one_parse"]
    load_ok, draw_ok = load_ratio <= GOAL_LOAD, r["draw"] * 1000 < GOAL_DRAW_MS
    print(f"{'werkvormen laden':<28} {load_ratio:5.2f}× alleen tomllib   (doel ≤ {GOAL_LOAD}×)  "
          f"{'ok' if load_ok else 'TE HOOG'}   ({r['files']} bestanden: {r['load'] * 1000:.0f} ms tegen "
          f"{r['parse'] * 1000:.0f} ms)")
    print(f"{'één werkvorm loten':<28} {draw_ratio:5.2f}× één tomllib.loads   {r['draw'] * 1000:.2f} ms "
          f"(doel < {GOAL_DRAW_MS:g} ms)  {'ok' if draw_ok else 'TE HOOG'}   (uit {r['fitting']} passende van "
          f"{r['files']})")
    return load_ok and draw_ok
