"""A Dienstaufsichtsbeschwerde whose free text and history name the complainant in every way (issue 16 item 1):
Kundennummer, BG-Nummer, street, phone, e-mail, surname alone and in other spelling, initial + surname, first
name alone."""

from __future__ import annotations

from datetime import datetime

from krm_desktop.model.store.entities import Case, Event
from tests import factories as f

COMPLAINANT = {
    "street": "Lindenstraße 7",
    "postcode": "38100",
    "city": "Braunschweig",
    "phone": "0531 4711 23",
    "email": "m.schroeder@example.org",
    "customer_no": "531D123456",
    "bg_no": "53101BG0098765",
}
DESCRIPTION = (
    "Herr Schröder (Kd.-Nr. 531D123456, BG 53101BG0098765) wohnt Lindenstr. 7 und ist unter 0531/471123 "
    "oder m.schroeder@example.org erreichbar. Schroeder sagt, Frau Kühn habe ihn angeschrien; "
    "M. Schröder verlangt eine Entschuldigung, Manfred ist empört."
)
NOTE = "Rückruf bei Schröder unter 0531-471123; Herr Schroeder bestand auf Antwort an die Lindenstraße 7."
LEAKS = ["531D123456", "53101BG0098765", "Lindenstr", "471123", "4711", "example.org", "Schröder", "Schroeder"]


def build_dab() -> Case:
    """Manfred Schröder's complaint about Sabine Kühn, with a note in the history."""
    case = f.register(
        kind="dienstaufsichtsbeschwerde",
        subject="Unfreundliche Behandlung",
        description=DESCRIPTION,
        employee_concerned="Sabine Kühn",
        person=f.person("Manfred Schröder", salutation="herr", **COMPLAINANT),
    )
    Event.create(case=case.id, at=datetime(2026, 11, 3), on_day=f.TODAY, actor="petra.krause", action="note", text=NOTE)
    return case
