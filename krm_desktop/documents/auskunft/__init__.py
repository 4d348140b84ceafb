"""The Auskunft (Art. 15 DSGVO) as PDF: what it holds and how it is printed."""
