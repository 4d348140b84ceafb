"""Persons across cases: tolerant matching, correction (Art. 16 DSGVO) and the Auskunft (Art. 15)."""
