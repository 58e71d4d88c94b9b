"""Learning networks: their file and intakes, and what their meetings add up to."""
