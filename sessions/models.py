"""Models of meetings, shadowing days and reminders (app label ``meetings``)."""
