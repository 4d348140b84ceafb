"""The report of a period as PDF (with charts) and as CSV."""
