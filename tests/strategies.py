"""Hypothesis strategies shared by the tests of the files the program reads."""

from hypothesis import strategies as st

SHOWN_TEXT = st.text(st.characters(exclude_categories=["Cc", "Cs"]) | st.sampled_from("\n\t"))
"""Text as it can be shown, and so as the loader keeps it (`sanitise.clean` drops control characters)."""
