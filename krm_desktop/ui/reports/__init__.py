"""The report wizard (Auswertung erstellen)."""
