"""`make bench`: run every benchmark; exit non-zero when a figure misses its goal."""

import sys

from . import beamer_cpu, launch

BENCHMARKS = {"launch": launch, "beamer": beamer_cpu}


def main() -> int:
    ok = True
    for name, module in BENCHMARKS.items():
        print(f"== {name}")
        ok &= module.report()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
