"""Plans prepared before a meeting: their files, clock times, and the agenda to send out."""
