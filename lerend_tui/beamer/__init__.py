"""The beamer for the room, in plain Python: what it says (`view`), in which letters (`font`) and where on
the screen (`layout`), and the web beamer's server (`web`). The terminal beamer (screens.beamer) and the
browser page draw the same view."""
