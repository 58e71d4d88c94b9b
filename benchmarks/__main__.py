"""`make bench`: run every benchmark; exit non-zero when a figure misses its goal."""

import sys

from . import beamer_cpu, launch, meetings, notes_latency, timer_error, web_beamer, workforms

BENCHMARKS = {"launch": launch, "beamer": beamer_cpu, "timer": timer_error, "workforms": workforms,
              "notes": notes_latency, "web": web_beamer, "meetings": meetings}


def main() -> int:
    """All benchmarks, or those named on the command line (`make bench ARGS=beamer`)."""
    chosen = sys.argv[1:] or list(BENCHMARKS)
    ok = True
    for name, module in ((name, BENCHMARKS[name]) for name in chosen):
        print(f"== {name}")
        ok &= module.report()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
