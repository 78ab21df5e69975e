"""Check-ins: how a person felt, when, and in their own words."""
