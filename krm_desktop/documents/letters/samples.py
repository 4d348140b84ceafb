"""Live previews for the settings: a text block or a letterhead on an invented case (nothing is stored).

The invented case is a `CaseView` like a stored one, built without the database; the office (letterhead, staff)
is the office's own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from krm_desktop.documents.letters.compose import compose, render
from krm_desktop.documents.letters.draft import Rendered
from krm_desktop.documents.letters.facts import OfficeFacts, office_facts
from krm_desktop.documents.letters.placeholders import values
from krm_desktop.model.cases.case_view import CaseConcern, CaseStatement, CaseView, StaffName
from krm_desktop.model.cases.letters import fill
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.codes import GF_KINDS

GROUP_DOCUMENT = {
    "allgemein": "eingangsbestaetigung",
    "eingangsbestaetigung": "eingangsbestaetigung",
    "eingang_tl": "eingang-tl",
    "zwischennachricht": "zwischennachricht",
    "antwort": "antwort",
    "dank": "antwort",
    "entscheidung_dab": "entscheidung-dab",
    "stellungnahme": "stellungnahme",
    "verfuegungsblatt": "verfuegungsblatt",
    "verzicht": "verzicht",
    "aktenvermerk": "aktenvermerk",
    "vermerk_everbis": "vermerk-everbis",  # issue 19
}
SAMPLE_KIND = {
    "dank": "lob",
    "stellungnahme": "petition",
    "verfuegungsblatt": "petition",
    "entscheidung_dab": "dienstaufsichtsbeschwerde",
}


def sample_case(today: date, kind: str = "beschwerde") -> CaseView:
    """An invented case of `kind` (no database row)."""
    gf = kind in GF_KINDS
    return _of_kind(
        CaseView(
            id=None,
            ref=f"KRM-{today.year}-0001",
            kind=kind,
            channel="brief",
            via="direkt",
            received=today,
            subject="Wartezeit bei der Antragsbearbeitung",
            description="Die Kundin schildert, dass ihr Weiterbewilligungsantrag seit sechs Wochen unbearbeitet ist.",
            person=PartyRecord(
                "Erika Beispiel",
                salutation="frau",
                street="Lindenweg 7",
                postcode="12345",
                city="Musterstadt",
                customer_no="123A456789",
                bg_no="12345BG0012345",
            ),
            team="Team 411 Leistungsgewährung",
            area="Bereich 41 Leistung",
            ack_due=today + timedelta(days=3),  # plausible dates, so that the preview reads like a real letter
            final_due=today + timedelta(days=14),
            interim_reason="Die Stellungnahme des Fachbereichs liegt uns noch nicht vor.",
            interim_expected=today + timedelta(days=21),
            lead="gf" if gf else "team",
            sign_off_role="GF" if gf else "TL",
            escalation_level=3 if gf else 1,
            requesting_body="Petitionsausschuss des Landtags",
            requesting_ref="L 0042/2026",
            body_street="Düsternbrooker Weg 70",
            body_postcode="24105",
            body_city="Kiel",
            body_due=today + timedelta(days=28),
            waiver_reasons="Mein Anliegen wurde im Telefonat vollständig geklärt.",
            employee_concerned="Herr Tom Beispiel",
            gf_decision="Ein persönliches Fehlverhalten des Mitarbeiters ist nicht festzustellen.",
            decided_by=StaffName(None, "Dr. Maria Beispiel", "GF"),
            decided_on=today,
            statements=(
                CaseStatement(
                    "Thomas Beispiel",
                    "TL",
                    today,
                    "Der Antrag wurde inzwischen bearbeitet; die Leistungen sind angewiesen.",
                ),
            ),
        ),
        kind,
        "begruendet" if kind == "beschwerde" else None,
    )


def sample_facts(today: date, kind: str = "beschwerde") -> tuple[CaseView, OfficeFacts]:
    """The invented case of `kind` and the office's own letterhead and staff."""
    return sample_case(today, kind), office_facts()


def _of_kind(case: CaseView, kind: str, outcome: str | None) -> CaseView:
    return replace(case, kind=kind, concerns=(CaseConcern(kind, outcome),), outcome=outcome)


def block_preview(key: str, body: str, today: date, office: OfficeFacts | None = None) -> Rendered:
    """The document the block belongs to, with the edited (unsaved) block text, on an invented case.

    A block the document does not use by default (an insertable one) is added as its last paragraph.
    Raises ValidationError when the text has an unknown placeholder.
    """
    group = key.split(".")[0]
    case, sample_office = sample_facts(today, SAMPLE_KIND.get(group, "beschwerde"))
    office = office or sample_office
    if key == "antwort.idee":
        case = _of_kind(case, "idee", None)
    elif key.startswith("antwort.") and key.split(".")[1] in ("begruendet", "unbegruendet", "nicht_bewertbar"):
        case = _of_kind(case, case.kind, key.split(".")[1])
    elif key == "allgemein.vertretung":
        lawyer = PartyRecord("Rechtsanwalt Jan Beispiel", "vertreter", "herr", "Am Markt 3", "12345", "Musterstadt")
        case = replace(case, person=lawyer, represented=case.person)
    doc_type = GROUP_DOCUMENT.get(group, "eingangsbestaetigung")
    draft = compose(case, office, doc_type, today, overrides={key: body}, author="Petra Beispiel")
    text, _ = fill(body, values(case, office, today, to_body=doc_type == "stellungnahme"))
    if text.strip() and text.strip() not in f"{draft.subject}\n{draft.body}\n{draft.closing}":
        draft.body = f"{draft.body}\n\n{text.strip()}"
    return render(draft, check=False)


def letterhead_preview(letterhead: dict[str, str], logo: bytes | None, today: date) -> Rendered:
    """An Eingangsbestätigung of the invented case with the edited letterhead."""
    case, office = sample_facts(today)
    office = replace(office, letterhead=dict(letterhead), logo=logo)
    return render(compose(case, office, "eingangsbestaetigung", today), check=False)
