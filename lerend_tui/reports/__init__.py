"""What is read back after a meeting: the meeting report (verslag) and the summary lines of the review."""
