"""Models of cases, pairs and lessons."""
