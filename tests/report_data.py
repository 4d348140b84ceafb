"""A hand-built set of cases with known report figures (Lübeck: Eingangsbestätigung in 3 Arbeitstagen,
Antwort in 14 Kalendertagen; Schleswig-Holstein holidays; closing days 24.12. and 31.12.).

Every case goes through the real services. The expected figures in the tests are worked out by hand from the
table below, never with the code under test.

| case | received | kind (concerns) | channel / via | team | topic | ack due / sent | answer due / sent | closed |
|---|---|---|---|---|---|---|---|---|
| c1 | Mo 03.03.2025 | beschwerde (+ lob) | brief / direkt | T1 | Erreichbarkeit | 06.03 / 05.03 | 17.03 / 14.03 | 14.03 begründet (11 d) |
| c2 | Di 11.03.2025 | beschwerde | email / agentur | T1 | Bearbeitungsdauer | 14.03 / 17.03 | 25.03 / 04.04, interim 24.03 | 04.04 unbegründet (24 d) |
| c3 | Mo 05.05.2025 | lob | persoenlich / direkt | T2 | Umgangston | 08.05 / – | 19.05 / 07.05 | 07.05 (2 d) |
| c4 | Mo 12.05.2025 | beschwerde, anonymous | brief / direkt | T2 | Erreichbarkeit | no clock | no clock | 20.05 nicht bewertbar (8 d) |
| c5 | Mo 02.06.2025 | meinungskarte | meinungskarte / direkt | – | – | no clock | no clock | 02.06 (not measured) |
| c6 | Di 01.07.2025 | DAB, decided 08.07 | brief / direkt | T1 | Umgangston | 04.07 / 02.07 | 15.07 / 10.07 | 10.07 unbegründet (9 d) |
| c7 | Mo 07.07.2025 | DAB → Fachaufsichtsbeschwerde 09.07 | email / direkt | T2 | – | 10.07 / – | 21.07 / – | open |
| c8 | Mo 06.10.2025 | folgereaktion to c1, waiver | telefon / direkt | T1 | Erreichbarkeit | 09.10 / – | 20.10 / – | 08.10 begründet (2 d) |
| c9 | Mo 03.11.2025 | petition, body due 24.11 | brief / petitionsausschuss | – | Bearbeitungsdauer | 06.11 / 06.11 | 24.11 / 25.11 | 25.11 (22 d) |
| c10 | Mo 22.12.2025 | beschwerde + fachaufsicht + idee | online / kommune | T3 | Erreichbarkeit | 30.12 / 30.12 | 05.01.26 / 09.01.26 | 09.01.26 begr./unbegr. (18 d) |
| c11 | Mo 29.12.2025 | beschwerde | brief / direkt | T3 | Umgangston | 05.01.26 / – | 12.01.26 / – | open |
| p1 | Mo 03.06.2024 | beschwerde | brief / direkt | T1 | Erreichbarkeit | 06.06 / 04.06 | 17.06 / 10.06 | 10.06 begründet (7 d) |
| p2 | Mo 02.09.2024 | lob | email / direkt | T1 | – | 05.09 / – | 16.09 / 03.09 | 03.09 (1 d) |
| r1 | Do 19.11.2026 | beschwerde | brief / direkt | T1 | – | 24.11 / – | 03.12 / – | open |
| r2 | Mo 02.11.2026 | beschwerde | brief / direkt | T1 | – | 05.11 / 03.11 | 16.11 / – | open |

T1 = Team 411 Leistung (Bereich 41), T2 = Team 431 Markt (Bereich 43), T3 = Eingangszone (Bereich 41).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from krm_desktop.model.cases import dab as dab_services
from krm_desktop.model.cases import services as cases
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Case, Letter, Party, Statement, Team
from tests import factories as f
from tests.conftest import make_store

TODAY = f.TODAY
USER = f.USER
d = date


@dataclass
class ReportCases:
    t1: Team
    t2: Team
    t3: Team
    by_name: dict[str, Case]


def _topic(case: Case, topic: str) -> Case:
    Case.update(topic=topic).where(Case.id == case.id).execute()
    return Case.get_by_id(case.id)


def _reload(case: Case) -> Case:
    return Case.get_by_id(case.id)


def make_report_cases(*, running: bool = True) -> ReportCases:
    t1 = f.team("Team 411 Leistung", area="Bereich 41")
    t2 = f.team("Team 431 Markt", area="Bereich 43")
    t3 = f.team("Eingangszone", area="Bereich 41")
    tl1 = f.staff("Tilo Lehmann", "TL", t1)
    tl2 = f.staff("Tanja Lorenz", "TL", t2)
    tl3 = f.staff("Timo Lange", "TL", t3)
    gf = f.staff("Gesine Fischer", "GF")
    out: dict[str, Case] = {}

    def close(case: Case, on: date, signer: int | None, outcomes: dict[int, str] | None = None, answer=None) -> Case:
        return f.act(cases.close, case, closed_on=on, outcomes=outcomes, signed_by=signer, answer_sent=answer)

    def ack(case: Case, on: date) -> Case:
        return f.act(cases.acknowledge, case, sent_on=on)

    # c1: on time, two concerns
    c1 = f.register(
        received=d(2025, 3, 3), team_id=t1.id, concerns=[("beschwerde",), ("lob",)], person=f.person("Anna Alt")
    )
    ack(c1, d(2025, 3, 5))
    out["c1"] = close(c1, d(2025, 3, 14), tl1.id, {1: "begruendet"}, answer=d(2025, 3, 14))
    # c2: late acknowledgement, interim notice on time, late answer
    c2 = f.register(received=d(2025, 3, 11), channel="email", via="agentur", team_id=t1.id, person=f.person("Ben Bo"))
    ack(c2, d(2025, 3, 17))
    f.act(
        cases.send_interim,
        c2,
        sent_on=d(2025, 3, 24),
        reason="Stellungnahme des Teams steht aus.",
        expected=d(2025, 4, 4),
    )
    out["c2"] = close(c2, d(2025, 4, 4), tl1.id, {1: "unbegruendet"}, answer=d(2025, 4, 4))
    # c3: praise answered before the acknowledgement was due
    c3 = f.register(kind="lob", channel="persoenlich", received=d(2025, 5, 5), team_id=t2.id, person=f.person("Cem C"))
    out["c3"] = close(c3, d(2025, 5, 7), tl2.id, answer=d(2025, 5, 7))
    # c4: anonymous letter: no clocks
    c4 = f.register(received=d(2025, 5, 12), team_id=t2.id, person=None)
    out["c4"] = close(c4, d(2025, 5, 20), None, {1: "nicht_bewertbar"})
    # c5: Meinungskarte
    c5 = f.register(kind="meinungskarte", channel="meinungskarte", received=d(2025, 6, 2), person=None)
    out["c5"] = close(c5, d(2025, 6, 2), None)
    # c6: DAB decided by GF
    c6 = f.register(
        kind="dienstaufsichtsbeschwerde",
        received=d(2025, 7, 1),
        team_id=t1.id,
        employee_concerned="Herr Beispiel",
        person=f.person("Dora Dahl"),
    )
    ack(c6, d(2025, 7, 2))
    c6 = f.act(
        dab_services.decide_dab,
        c6,
        decision="Kein Fehlverhalten festgestellt.",
        decided_by=gf.id,
        decided_on=d(2025, 7, 8),
    )
    c6 = dab_services.inform_employee(c6.id, version=c6.version, informed_on=d(2025, 7, 9), today=TODAY, user=USER)
    out["c6"] = close(c6, d(2025, 7, 10), gf.id, {1: "unbegruendet"}, answer=d(2025, 7, 10))
    # c7: DAB reclassified, then left open with nothing sent
    c7 = f.register(
        kind="dienstaufsichtsbeschwerde",
        channel="email",
        received=d(2025, 7, 7),
        team_id=t2.id,
        employee_concerned="Frau Muster",
        person=f.person("Emil Ernst"),
    )
    out["c7"] = f.act(
        dab_services.reclassify_dab,
        c7,
        new_kind="fachaufsichtsbeschwerde",
        reason="Es geht um die fachliche Entscheidung.",
        decided_by=gf.id,
        decided_on=d(2025, 7, 9),
    )
    # c8: Folgereaktion to c1, settled by phone with a waiver
    c8 = cases.follow_up(
        c1.id,
        f.case_input(kind="folgereaktion", channel="telefon", received=d(2025, 10, 6), team_id=t1.id),
        today=TODAY,
        user=USER,
    )
    c8 = cases.record_waiver(
        c8.id, version=c8.version, declared_on=d(2025, 10, 8), reasons="Telefonisch geklärt.", today=TODAY, user=USER
    )
    out["c8"] = close(c8, d(2025, 10, 8), tl1.id, {1: "begruendet"})
    # c9: petition with the body's own due date, answered a day late
    c9 = f.register(
        kind="petition",
        via="petitionsausschuss",
        received=d(2025, 11, 3),
        body_due=d(2025, 11, 24),
        requesting_body="Petitionsausschuss des Deutschen Bundestages",
        person=f.person("Fritz Falk"),
    )
    ack(c9, d(2025, 11, 6))
    out["c9"] = close(c9, d(2025, 11, 25), gf.id, {1: "unbegruendet"}, answer=d(2025, 11, 25))
    # c10: three concerns over the turn of the year, answer late
    c10 = f.register(
        channel="online",
        via="kommune",
        received=d(2025, 12, 22),
        team_id=t3.id,
        concerns=[("beschwerde",), ("fachaufsichtsbeschwerde",), ("idee",)],
        person=f.person("Gül Gök"),
    )
    ack(c10, d(2025, 12, 30))
    out["c10"] = close(c10, d(2026, 1, 9), tl3.id, {1: "begruendet", 2: "unbegruendet"}, answer=d(2026, 1, 9))
    # c11: open, nothing sent
    out["c11"] = f.register(received=d(2025, 12, 29), team_id=t3.id, person=f.person("Hanna Horn"))
    # the previous year
    p1 = f.register(received=d(2024, 6, 3), team_id=t1.id, person=f.person("Ida Iske"))
    ack(p1, d(2024, 6, 4))
    out["p1"] = close(p1, d(2024, 6, 10), tl1.id, {1: "begruendet"}, answer=d(2024, 6, 10))
    p2 = f.register(kind="lob", channel="email", received=d(2024, 9, 2), team_id=t1.id, person=f.person("Jan Jung"))
    out["p2"] = close(p2, d(2024, 9, 3), tl1.id, answer=d(2024, 9, 3))
    if running:
        out["r1"] = f.register(received=d(2026, 11, 19), team_id=t1.id, person=f.person("Kai Kurz"))
        r2 = f.register(received=d(2026, 11, 2), team_id=t1.id, person=f.person("Lea Lenz"))
        out["r2"] = ack(r2, d(2026, 11, 3))
    topics = {
        "c1": "Erreichbarkeit",
        "c2": "Bearbeitungsdauer",
        "c3": "Umgangston",
        "c4": "Erreichbarkeit",
        "c6": "Umgangston",
        "c8": "Erreichbarkeit",
        "c9": "Bearbeitungsdauer",
        "c10": "Erreichbarkeit",
        "c11": "Umgangston",
        "p1": "Erreichbarkeit",
    }
    for name, topic in topics.items():
        out[name] = _topic(out[name], topic)
    return ReportCases(t1, t2, t3, {name: _reload(case) for name, case in out.items()})


def anonymise(*cases_: Case) -> None:
    """What the purge leaves of a case (DOMAIN.md §4): no person, no free text, no letters or statements."""
    for case in cases_:
        parties = [p for p in (case.person_id, case.represented_id) if p is not None]
        Case.update(
            person=None,
            represented=None,
            subject="",
            description="",
            interim_reason="",
            waiver_reasons="",
            employee_concerned="",
            gf_decision="",
            decided_by=None,
            signed_by=None,
            requesting_body="",
            requesting_ref="",
            anonymised=True,
        ).where(Case.id == case.id).execute()
        Statement.delete().where(Statement.case == case.id).execute()
        Letter.delete().where(Letter.case == case.id).execute()
        Party.delete().where(Party.id.in_(parties)).execute()


def load_report_cases(refs: dict[str, str]) -> ReportCases:
    """The cases of a copied template database, found again by their references."""
    by_name = {name: Case.get(Case.ref == ref) for name, ref in refs.items()}
    teams = [Team.get(Team.name == n) for n in ("Team 411 Leistung", "Team 431 Markt", "Eingangszone")]
    return ReportCases(*teams, by_name)


@pytest.fixture(scope="session")
def report_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The hand-built cases, registered once per test process into a template database."""
    path = tmp_path_factory.mktemp("report-template") / "krm.sqlite3"
    store = make_store(path)
    try:
        refs = {name: case.ref for name, case in make_report_cases().by_name.items()}
    finally:
        store.close()
    return path, refs


@pytest.fixture
def report_db_path(report_template: tuple[Path, dict[str, str]], tmp_path: Path) -> Path:
    """A fresh copy of the template database for one test."""
    target = tmp_path / "krm.sqlite3"
    shutil.copyfile(report_template[0], target)
    return target


@pytest.fixture
def report_cases(
    report_template: tuple[Path, dict[str, str]], report_db_path: Path, backend: str, request: pytest.FixtureRequest
) -> Iterator[ReportCases]:
    """The hand-built cases in a fresh copy of the template database, opened as the store (on PostgreSQL: the
    template copied into a new server database, see tests/backends.py)."""
    target = str(report_db_path)
    if backend == "postgresql":
        server = request.getfixturevalue("pg_server")
        target = server.copy_of(report_template[0])
        request.addfinalizer(lambda: server.drop(target))
    store = open_store(target)
    try:
        yield load_report_cases(report_template[1])
    finally:
        store.close()
