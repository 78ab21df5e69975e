"""People's profiles: name, timezone, locale."""
