"""The command-line subcommands besides starting the app: one module per subcommand."""
