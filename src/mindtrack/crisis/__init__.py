"""Crisis support: help lines and safety planning."""
