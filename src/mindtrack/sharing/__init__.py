"""Sharing with therapists: a person grants a therapist chosen parts of their record for a while; every read is recorded for the person to see."""
