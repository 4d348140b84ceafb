"""The workflow actions on a case: the Vorgang menu and buttons, and a dialog per action."""
