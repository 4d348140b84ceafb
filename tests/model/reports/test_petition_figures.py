"""Eingaben and petitions on their own, and the Meinungskarten by Lob/Anregung/Kritik (issue 19 item 5).

Hand-built (Lübeck, today 20.11.2026; the Vorlage an GF is due the day of receipt):

| case | kind    | via                | received   | Vorlage an GF   | body's date | answer sent | outcome         |
|------|---------|--------------------|------------|-----------------|-------------|-------------|-----------------|
| e1   | eingabe | bmas               | Mo 06.07.  | 06.07. on time  | 20.07.      | 17.07. ok   | unbegründet     |
| e2   | eingabe | direkt             | Di 07.07.  | 08.07. late     | –           | 20.07.      | begründet       |
| p1   | petition| petitionsausschuss | Mi 08.07.  | 08.07. on time  | 22.07.      | 23.07. late | nicht bewertbar |
| p2   | petition| direkt             | Do 09.07.  | – (due passed)  | 30.12.2026  | – (running) | open            |
| b1   | beschwerde | agentur         | Fr 10.07.  | no clock        | –           | –           | (not counted)   |

direct (e2, p2): 2 cases; Vorlage 0 of 2 on time; body's date 1, none due yet; 1 without the body's date.
other (e1, p1): 2 cases; Vorlage 2 of 2 on time; body's date 2 of 2 due, 1 on time.
Cards: lob, lob, kritik, none given → Lob 2 (50,0 %), Anregung 0, Kritik 1 (25,0 %), ohne Angabe 1 (25,0 %).
"""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.reports.figures import compute_figures
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.store.entities import Case
from tests import factories as f

d = date
Q3 = Period(2026, quarter=3)


@pytest.fixture
def petitions(store) -> None:
    gf = f.staff("Gesine Fischer", "GF")

    def petition(kind: str, via: str, received: date, body_due: date | None) -> Case:
        return f.register(
            kind=kind,
            via=via,
            received=received,
            body_due=body_due,
            requesting_body="Petitionsausschuss des Deutschen Bundestages" if via != "direkt" else "",
        )

    e1 = petition("eingabe", "bmas", d(2026, 7, 6), d(2026, 7, 20))
    f.act(cases.present_to_gf, e1, presented_on=d(2026, 7, 6))
    f.close_answered(e1, d(2026, 7, 17), gf.id, "unbegruendet")
    e2 = petition("eingabe", "direkt", d(2026, 7, 7), None)
    f.act(cases.present_to_gf, e2, presented_on=d(2026, 7, 8))
    f.close_answered(e2, d(2026, 7, 20), gf.id, "begruendet")
    p1 = petition("petition", "petitionsausschuss", d(2026, 7, 8), d(2026, 7, 22))
    f.act(cases.present_to_gf, p1, presented_on=d(2026, 7, 8))
    f.close_answered(p1, d(2026, 7, 23), gf.id, "nicht_bewertbar")
    petition("petition", "direkt", d(2026, 7, 9), d(2026, 12, 30))
    f.register(via="agentur", received=d(2026, 7, 10))
    for tenor in ("lob", "lob", "kritik", ""):
        card = f.register(kind="meinungskarte", channel="meinungskarte", received=d(2026, 8, 3), person=None)
        Case.update(card_tenor=tenor).where(Case.id == card.id).execute()


def test_petitions_and_eingaben_apart_by_via(petitions) -> None:
    p = compute_figures(Q3, today=f.TODAY).petitions
    assert p.cases == 4
    assert (p.slice("petition").cases, p.slice("eingabe").cases) == (2, 2)
    assert p.slice("eingabe", via="bmas").cases == 1 and p.slice("petition", via="petitionsausschuss").cases == 1
    direct, other = p.slice(direct=True), p.slice(direct=False)
    assert (direct.cases, direct.gf_counted, direct.gf_on_time) == (2, 2, 0)
    assert (direct.body_clock, direct.body_counted, direct.body_on_time, direct.without_body_due) == (1, 0, 0, 1)
    assert (other.cases, other.gf_counted, other.gf_on_time) == (2, 2, 2)
    assert (other.body_clock, other.body_counted, other.body_on_time) == (2, 2, 1)
    assert direct.outcomes == {"begruendet": 1, None: 1}
    assert other.outcomes == {"unbegruendet": 1, "nicht_bewertbar": 1}
    assert p.vias() == ["bmas", "petitionsausschuss"]


def test_cards_by_tenor(petitions) -> None:
    rows = compute_figures(Q3, today=f.TODAY).card_tenors
    assert [(r.key, r.label, r.cases, r.share) for r in rows] == [
        ("lob", "Lob", 2, 50.0),
        ("anregung", "Anregung", 0, 0.0),
        ("kritik", "Kritik", 1, 25.0),
        ("none", "ohne Angabe", 1, 25.0),
    ]


def test_a_period_without_petitions_or_cards(store) -> None:
    figures = compute_figures(Period(2026, quarter=4), today=f.TODAY)
    assert figures.empty and figures.petitions.cases == 0
    assert [r.share for r in figures.card_tenors] == [None] * 4
