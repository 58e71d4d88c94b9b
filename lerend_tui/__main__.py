"""The `lerend-tui` command (and `python -m lerend_tui`): the collector rests before anything is imported
(`common.collector`), then `cli.main` runs."""

from __future__ import annotations

import sys

from lerend_tui.common.collector import rest


def main() -> int:
    rest()
    from lerend_tui.cli import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
