"""The network and its structure: organisations, networks, memberships, invitations, themes."""
