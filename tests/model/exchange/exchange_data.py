"""Cases for the exchange tests: every kind, closed with outcomes, a follow-up, cards, umlauts; and the export
as text."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from krm_desktop.model.cases import dab as dab_services
from krm_desktop.model.cases import services as cases
from krm_desktop.model.exchange.case_export import export_cases
from krm_desktop.model.office.new_office import initialise_office
from krm_desktop.model.store.connection import Store, open_store
from krm_desktop.model.store.entities import Case
from tests import factories as f
from tests.factories import TODAY, USER


def export_text() -> str:
    out = io.StringIO()
    export_cases(out)
    return out.getvalue()


def second_store(tmp_path: Path, first: Store, profile: str = "luebeck") -> Store:
    """Entities are bound through one proxy: close the first store before opening the other."""
    first.close()
    store = open_store(str(tmp_path / "second.sqlite3"), create=True)
    initialise_office(profile)
    return store


def varied_cases() -> None:
    """Every kind, closed with outcomes, acknowledged, interim notices, a follow-up, cards, umlauts."""
    team = f.team()
    other = f.team("Team 402 Markt & Integration")
    tl = f.staff("Tina Leiter", "TL", team)
    gf = f.staff("Gerd Führer", "GF")
    umlauts = f.person(
        "Jürgen Öztürk-Weiß",
        salutation="herr",
        street="Große Straße 5 ½",
        city="Lübeck-Travemünde",
        email="j.weiss@example.de",
        phone="+49 451 / 12-34",
    )
    first = f.register(
        received=date(2026, 10, 1),
        team_id=team.id,
        person=umlauts,
        subject="Bescheid „unverständlich“ – Beschwerde",
        description="Zeile eins\nZeile zwei\tmit Tab\n\nÄrger über € und ß.",
        concerns=[("beschwerde",), ("lob",), ("beschwerde",)],
    )
    first = cases.acknowledge(first.id, version=first.version, sent_on=date(2026, 10, 2), today=TODAY, user=USER)
    first = f.act(
        cases.send_interim, first, sent_on=date(2026, 10, 10), reason="Stellungnahme fehlt", expected=date(2026, 10, 30)
    )
    first = f.act(
        cases.close,
        first,
        closed_on=date(2026, 10, 20),
        outcomes={1: "begruendet", 3: "nicht_bewertbar"},
        signed_by=tl.id,
        answer_sent=date(2026, 10, 19),
    )
    cases.follow_up(
        first.id,
        f.case_input(received=date(2026, 11, 3), person=f.person("Jürgen Öztürk-Weiß")),
        today=TODAY,
        user=USER,
    )
    praise = f.register(kind="lob", received=date(2026, 9, 1), team_id=other.id, person=f.person(email="a@b.de"))
    f.act(cases.close, praise, closed_on=date(2026, 9, 5), signed_by=gf.id, answer_sent=date(2026, 9, 4))
    f.register(kind="idee", channel="online", via="kommune", received=date(2026, 11, 10), person=None)
    petition = f.register(kind="petition", via="petitionsausschuss", received=date(2025, 12, 30))
    f.act(
        cases.close,
        petition,
        closed_on=date(2026, 1, 20),
        outcomes={1: "unbegruendet"},  # petitions close with an outcome like a Beschwerde
        signed_by=gf.id,
        answer_sent=date(2026, 1, 20),
    )
    f.register(kind="eingabe", via="bmas", channel="email", received=date(2026, 11, 19))
    dab = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Herr X", received=date(2026, 8, 3))
    dab = f.act(
        dab_services.decide_dab, dab, decision="Gespräch geführt", decided_by=gf.id, decided_on=date(2026, 8, 20)
    )
    dab = dab_services.inform_employee(
        dab.id, version=dab.version, informed_on=date(2026, 8, 21), today=TODAY, user=USER
    )
    f.act(
        cases.close,
        dab,
        closed_on=date(2026, 8, 25),
        outcomes={1: "unbegruendet"},
        signed_by=gf.id,
        answer_sent=date(2026, 8, 24),
    )
    fab = f.register(kind="fachaufsichtsbeschwerde", channel="persoenlich", via="agentur", received=date(2025, 3, 3))
    fab = cases.record_waiver(
        fab.id, version=fab.version, declared_on=date(2025, 3, 4), reasons="telefonisch geklärt", today=TODAY, user=USER
    )
    f.act(cases.close, fab, closed_on=date(2025, 3, 10), outcomes={1: "nicht_bewertbar"}, signed_by=tl.id)
    card = f.register(
        kind="meinungskarte",
        channel="meinungskarte",
        person=None,
        received=date(2026, 10, 1),
        concerns=[("meinungskarte",), ("beschwerde",)],
        subject="",
        description="",
    )
    cases.close(card.id, version=card.version, closed_on=date(2026, 10, 2), today=TODAY, user=USER)
    f.register(kind="meinungskarte", channel="meinungskarte", person=None, received=date(2026, 10, 1))
    old = f.register(received=date(2019, 5, 6), person=f.person(customer_no=""))
    f.act(
        cases.close,
        old,
        closed_on=date(2019, 6, 1),
        outcomes={1: "unbegruendet"},
        signed_by=tl.id,
        answer_sent=date(2019, 5, 30),
    )
    Case.update(anonymised=True, person=None, description="").where(Case.id == old.id).execute()
