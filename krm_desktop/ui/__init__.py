"""PySide6 widgets, models, dialogs and wizards: the program's windows. Imports model and documents."""
