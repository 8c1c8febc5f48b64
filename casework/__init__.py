"""What the network learns from: pseudonymised cases, pairs, lessons linked to themes."""
