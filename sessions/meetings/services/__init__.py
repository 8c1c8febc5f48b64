"""Writes of the meetings app, one module per topic."""
