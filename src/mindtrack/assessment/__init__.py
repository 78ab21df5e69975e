"""Standard questionnaires: PHQ-9 (depression) and GAD-7 (anxiety)."""
