"""A meeting while it runs and what it leaves behind: the running meeting (`running`), its countdowns (`timer`),
speaking rounds, re-budgeting, the items captured from the notes and the meeting record (`record`)."""
