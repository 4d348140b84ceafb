"""The database file at work: choosing one, its start-up check, daily backup, restore, damage."""
