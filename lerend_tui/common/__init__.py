"""Building blocks every layer uses: the clock, the directories, the one loader for user files, the sanitiser,
settings, Dutch text helpers, the autosave deadline and the crash log. Imports nothing else of the program."""
