"""The person: user accounts, professions and domains, preferences."""
