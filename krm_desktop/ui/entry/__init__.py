"""Registering and editing a case: the intake questions, one form per kind, the person, the concerns."""
