"""Analytics: what a person's check-ins say over time."""
