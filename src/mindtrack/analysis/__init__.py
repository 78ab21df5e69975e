"""Runs the text models on check-ins and stores what they found, with model versions."""
