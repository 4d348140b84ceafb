"""The store: opening and creating the database, entities, migrations, transactions, backups, restore,
the copy to a server, and the checks of a database file."""
