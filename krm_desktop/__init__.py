"""KRM Desktop: Kundenreaktionsmanagement für Jobcenter."""

__version__ = "0.1.0"
