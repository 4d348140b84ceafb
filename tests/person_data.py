"""One person in every role, spelled differently across the years, and others who must never show up.

Erika Müller (Kundennummer 123A456789) is the customer of an open complaint (statement, interim notice,
letter, attachment), of a complaint closed 15.03.2024 (spelled "Erika  Mueller", "Breite Strasse 12") and
of a petition closed 10.05.2025 (spelled "MÜLLER, Erika"); she is represented by a lawyer in a 2025
complaint, represents her son in another, and filed a Dienstaufsichtsbeschwerde against an employee. A
namesake with another Kundennummer, a Hans Müller and the other parties must never appear in her Auskunft.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from krm_desktop.model.cases import dab as dab_services
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.letters import store_letter
from krm_desktop.model.store.entities import Attachment, Case, Staff, Team
from tests import factories as f

TODAY = f.TODAY
USER = f.USER
ERIKA = {
    "salutation": "frau",
    "street": "Breite Straße 12",
    "postcode": "23552",
    "city": "Lübeck",
    "email": "erika.mueller@example.org",
    "phone": "0451 123456",
    "customer_no": "123A456789",
    "bg_no": "23501BG0012345",
}
LAWYER = {"role": "vertreter", "salutation": "herr", "street": "Am Markt 1", "customer_no": "", "bg_no": ""}
LAWYER |= {"email": "kanzlei@vogt.example", "city": "Lübeck"}
# Names and data of others: none of them may appear in Erika's Auskunft (unless the user keeps them).
OTHERS = (
    "Jens Vogt",
    "Vogt",
    "kanzlei@vogt.example",
    "Tim Müller",
    "123B000001",
    "Sabine Kühn",
    "Kühn",
    "Hans Müller",
    "222B222222",
    "999Z999999",
    "Am Markt",
)


@dataclass
class World:
    team: Team
    tl: Staff
    gf: Staff
    open_case: Case
    closed_2024: Case
    petition: Case
    represented: Case
    representing: Case
    dab: Case
    namesake: Case
    hans: Case

    @property
    def erika_cases(self) -> list[Case]:
        return [self.open_case, self.closed_2024, self.petition, self.represented, self.representing, self.dab]


def build_world() -> World:
    team = f.team("Team 411 Leistungsgewährung", "Bereich 41 Leistung")
    tl = f.staff("Thomas Lehmann", "TL", team)
    gf = f.staff("Dr. Gabriele Fuchs", "GF")
    f.staff("Petra Krause", "KRM")

    open_case = f.register(
        received=date(2026, 11, 2),
        subject="Wartezeit bei der Weiterbewilligung",
        description="Mein Antrag vom 1. Oktober ist seit sechs Wochen unbearbeitet; ich bitte um Klärung.",
        person=f.person("Erika Müller", **ERIKA),
        team_id=team.id,
    )
    f.statement(
        open_case,
        "Thomas Lehmann",
        "TL",
        date(2026, 11, 10),
        "Der Antrag lag wegen fehlender Kontoauszüge zurück; sie wurden am 9. November nachgereicht.",
    )
    f.act(
        cases.send_interim,
        open_case,
        sent_on=date(2026, 11, 12),
        reason="Die Stellungnahme der Leistungsabteilung steht noch aus.",
        expected=date(2026, 11, 30),
    )
    store_letter(open_case.id, "zwischennachricht", b"%PDF-1.4 test", today=date(2026, 11, 12), user=USER)
    Attachment.create(
        case=open_case.id,
        filename="Scan_Beschwerde_2026-11-02.pdf",
        mime="application/pdf",
        added=datetime(2026, 11, 2),
        added_by="petra.krause",
        data=b"%PDF-1.4 scan",
    )

    closed_2024 = f.register(
        received=date(2024, 3, 1),
        subject="Termin nicht erhalten",
        description="Die Einladung kam erst nach dem Termin an.",
        person=f.person("Erika  Mueller", **(ERIKA | {"street": "Breite Strasse 12", "email": ""})),
        team_id=team.id,
    )
    closed_2024 = f.close_answered(closed_2024, date(2024, 3, 15), tl.id, "begruendet")

    petition = f.register(
        kind="petition",
        via="petitionsausschuss",
        received=date(2025, 4, 2),
        subject="Petition zur Kostenübernahme",
        description="Die Petentin bittet um Übernahme der Umzugskosten.",
        requesting_body="Petitionsausschuss des Schleswig-Holsteinischen Landtags",
        requesting_ref="L 0142/2025",
        person=f.person("MÜLLER, Erika", **ERIKA),
    )
    petition = f.close_answered(petition, date(2025, 5, 10), gf.id, "nicht_bewertbar")

    represented = f.register(
        received=date(2025, 6, 2),
        subject="Kürzung ohne Anhörung",
        description="Rechtsanwalt Jens Vogt schreibt für seine Mandantin, Frau Müller: die Kürzung kam ohne Anhörung.",
        person=f.person("Jens Vogt", **LAWYER),
        represented=f.person("Erika Müller", **ERIKA),
        team_id=team.id,
    )

    representing = f.register(
        received=date(2025, 9, 1),
        subject="Bewerbungskosten meines Sohnes",
        description="Mein Sohn Tim Müller wartet auf die Erstattung seiner Bewerbungskosten.",
        person=f.person("Erika Müller", role="vertreter", **(ERIKA | {"customer_no": "", "bg_no": ""})),
        represented=f.person("Tim Müller", salutation="herr", customer_no="123B000001", bg_no="23501BG0012345"),
        team_id=team.id,
    )

    dab = f.register(
        kind="dienstaufsichtsbeschwerde",
        received=date(2026, 10, 5),
        subject="Unfreundliche Behandlung am Empfang",
        description="Frau Kühn hat mich am Empfang angeschrien.",
        employee_concerned="Sabine Kühn (Team 411)",
        person=f.person("Erika Müller", **ERIKA),
        team_id=team.id,
    )
    f.statement(
        dab,
        "Sabine Kühn",
        "MA",
        date(2026, 10, 12),
        "Ich war an diesem Tag allein am Empfang und habe laut gesprochen, weil es sehr voll war.",
    )
    f.act(
        dab_services.decide_dab,
        dab,
        decision="Ein Dienstvergehen liegt nicht vor; mit der Beschäftigten wurde ein Gespräch geführt.",
        decided_by=gf.id,
        decided_on=date(2026, 10, 20),
    )

    namesake = f.register(
        received=date(2026, 8, 3),
        subject="Anderes Anliegen",
        description="Eine andere Erika Müller.",
        person=f.person("Erika Müller", street="Am Markt 9", postcode="23552", customer_no="999Z999999", bg_no=""),
    )
    hans = f.register(
        received=date(2026, 8, 4),
        subject="Hans schreibt",
        description="Hans Müller schreibt.",
        person=f.person("Hans Müller", salutation="herr", customer_no="222B222222", bg_no=""),
    )
    return World(
        team,
        tl,
        gf,
        Case.get_by_id(open_case.id),
        Case.get_by_id(closed_2024.id),
        Case.get_by_id(petition.id),
        Case.get_by_id(represented.id),
        Case.get_by_id(representing.id),
        Case.get_by_id(dab.id),
        namesake,
        hans,
    )
