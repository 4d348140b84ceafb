"""PySide6 widgets, models, dialogs and wizards. Imports model and documents."""
