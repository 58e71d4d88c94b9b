"""The beamer for the room, in plain Python: what it says (`view`), in which letters (`font`) and where on
the screen (`layout`), and the web beamer's server (`web`). The terminal beamer (screens.beamer) and the
browser page draw the same view."""

DEFAULT_HOST = "127.0.0.1"
"""Where `lerend-tui beamer --web` serves by default: this computer only."""
DEFAULT_PORT = 8765
"""The web beamer's port by default, outside those that common development servers and databases take. Both
here, not in `web`, so that the command line's help names them without loading the HTTP server."""
