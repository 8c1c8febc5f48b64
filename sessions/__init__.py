"""What happens on a date, as three apps: ``sessions.reminders`` (label ``reminders``, the
outbox every mail goes through), ``sessions.meetings`` (label ``meetings``) and
``sessions.shadowing`` (label ``shadowing``), the last two built on the first."""
