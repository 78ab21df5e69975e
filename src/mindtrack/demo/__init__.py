"""Demonstration data: a synthetic population with realistic mood dynamics."""
