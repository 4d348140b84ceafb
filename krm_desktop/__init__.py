"""KRM Desktop: Kundenreaktionsmanagement für Jobcenter."""

from krm_desktop import database_drivers

__version__ = "0.1.0"

database_drivers.install()  # before anything imports peewee (see database_drivers)
