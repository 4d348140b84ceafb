"""An office with letterhead, teams and staff for the document tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from krm_desktop.model.office.settings import save_letterhead
from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.entities import Staff, Team
from krm_desktop.model.store.settings import setting_version
from tests import factories as f

LETTERHEAD = {
    "office_name": "Jobcenter Hansestadt Beispielburg",
    "department": "Büro der Geschäftsführung",
    "street": "Hafenkante 17",
    "postcode": "23552",
    "city": "Beispielburg",
    "phone": "0451 555-0",
    "email": "post@beispielburg.example",
    "website": "www.jobcenter-beispielburg.example",
    "opening_hours": "Mo–Fr 8:00–12:30\nDo 14:00–18:00",
    "footer": "Bankverbindung: Musterbank, IBAN DE02 1203 0000 0000 2020 51\nGemeinsame Einrichtung nach § 44b SGB II",
    "contact_name": "Petra Krause",
    "contact_phone": "0451 555-100",
    "contact_email": "krm@beispielburg.example",
}


@dataclass
class Office:
    team: Team
    tl: Staff
    bl: Staff
    gf: Staff
    krm: Staff


def set_letterhead(values: dict[str, str] | None = None) -> None:
    save_letterhead(dict(values or LETTERHEAD), expected_version=setting_version("letterhead"))


@pytest.fixture
def office(store: Store) -> Office:
    set_letterhead()
    team = f.team("Team 411 Leistungsgewährung", "Bereich 41 Leistung")
    tl = Staff.create(
        name="Thomas Lehmann", role="TL", team=team, phone="0451 555-411", email="t.lehmann@beispielburg.example"
    )
    bl = Staff.create(name="Birgit Lange", role="BL", team=team)
    gf = Staff.create(name="Dr. Gabriele Fuchs", role="GF")
    krm = Staff.create(name="Petra Krause", role="KRM")
    return Office(team, tl, bl, gf, krm)
