"""`make bench`: run every benchmark; exit non-zero when a figure misses its goal."""

import sys

from . import beamer_cpu, launch, timer_error

BENCHMARKS = {"launch": launch, "beamer": beamer_cpu, "timer": timer_error}


def main() -> int:
    ok = True
    for name, module in BENCHMARKS.items():
        print(f"== {name}")
        ok &= module.report()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
