"""Search across what a person may open: meetings, records, cases, lessons, theme projects
and people. The top floor: it reads every app through that app's own visibility selectors."""
