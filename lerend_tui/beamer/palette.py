"""The beamer's colours, one palette for the terminal and the browser: the terminal's CSS gets them as
variables (`css_variables`: ``$beamer-ink`` and so on, through `App.get_css_variables`), the page as its
custom properties. High contrast for a projector; each state also reads without colour (see the screens):
overtime turns the whole screen red with black letters, so it is not the dimmest state in greyscale."""

from __future__ import annotations

PALETTE = {
    "paper": "#000000",     # the background
    "ink": "#ffffff",       # the digits and the big letters; the paused state's band
    "quiet": "#c0c0c0",     # the small lines (the phase, the instruction, what comes next), the waiting screen
    "dim": "#787878",       # the digits while the time stands still (paused); grey still in 16 colours
    "warning": "#ffd700",   # the digits, their frame and the words near the end
    "overtime": "#ff3b30",  # the whole screen past zero, under black digits and letters
    "track": "#404040",     # the progress bar's unused part
}


def css_variables() -> dict[str, str]:
    """The palette as Textual CSS variables: ``beamer-ink`` and so on."""
    return {f"beamer-{name}": colour for name, colour in PALETTE.items()}
