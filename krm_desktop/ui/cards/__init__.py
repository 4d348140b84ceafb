"""Meinungskarten entered one after another in a batch."""
