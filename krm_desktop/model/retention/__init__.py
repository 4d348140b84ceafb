"""Retention: the rules of an office profile and the purge that removes what is due."""
