"""The beamer's colours: one palette for the terminal beamer and the browser's page (whose CSS variables are
filled from it when it is served), so both look the same. High contrast for a projector, and every state
recognisable without colour: the colours only add to what the words, the frame and the inversion say."""

from __future__ import annotations

BACKGROUND = "#000000"
INK = "#ffffff"
"""Running: white on black."""
SOFT = "#c0c0c0"
"""The lines that matter less: the instruction, what comes next."""
DIM = "#808080"
"""Paused: the digits dimmed under the big "PAUZE"."""
WARNING = "#ffd700"
"""Near the end: yellow, inside a thick frame."""
OVERTIME = "#ff3b30"
"""Past zero: the screen inverted, black on this red."""

PALETTE = {"background": BACKGROUND, "ink": INK, "soft": SOFT, "dim": DIM, "warning": WARNING,
           "overtime": OVERTIME}
"""By name, as the page's CSS variables (`--background`, …) are called."""
