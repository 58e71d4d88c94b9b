"""The work-format catalogue (one TOML file per werkvorm, built in under `data/` and the facilitator's own) and the
random draw from it."""
