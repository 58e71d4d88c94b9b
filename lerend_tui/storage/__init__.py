"""Where meetings live on disk: the meeting files (`meetings`, atomic and saved in the background), the locks the
operating system holds (`lock`), and the live state the beamer follows (`live`)."""
