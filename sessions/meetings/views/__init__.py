"""Views of the meetings app, one module per topic (meetings, rsvp, attendance, …)."""
