"""What happens on a date: meetings, shadowing days, reminders. App label: ``meetings``."""
