"""The subcommands of `lerend-tui`: one module per subcommand, and `shared` for what they have in common.

None of them imports the app (Textual): `start` and `plan` prepare what it opens on, and `cli` starts it.
`beamer` has no module: it only starts the app (`cli.run_app_command`).
"""
