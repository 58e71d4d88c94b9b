"""Reusable widgets: the agenda, the phase clock, the notice for a terminal that is too small."""
