"""lerend-tui: a terminal companion for the facilitator of a learning network (lerend netwerk)."""

__version__ = "0.2.0"
