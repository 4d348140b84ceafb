"""The values of the text block placeholders for one case, and who handles, signs and answers questions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from krm_desktop.documents.letters.facts import OfficeFacts, StaffFacts, statement_draft
from krm_desktop.documents.page.addressing import person_phrase, salutation
from krm_desktop.model.cases.case_view import CaseView
from krm_desktop.model.cases.letters import block, fill
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.codes import CHANNELS, KINDS, PETITION_KINDS, label
from krm_desktop.model.time.deadlines import answer_due_if_acknowledged

# "für …" + noun of the channel (accusative).
CHANNEL_NOUNS = {
    "brief": "Ihr Schreiben",
    "email": "Ihre E-Mail",
    "online": "Ihre Online-Nachricht",
    "telefon": "Ihren Anruf",
    "persoenlich": "Ihren Besuch",
    "meinungskarte": "Ihre Meinungskarte",
}
# What stands under the signature.
FUNCTIONS = {
    "TL": "Teamleitung",
    "STL": "Teamleitung (Stellvertretung)",
    "BL": "Bereichsleitung",
    "LGF": "Leitung der Geschäftsführungsebene",
    "GF": "Geschäftsführung",
    "KRM": "Kundenreaktionsmanagement",
    "MA": "",
}
ESCALATION_ROLE = {1: "TL", 2: "BL", 3: "GF"}


@dataclass(frozen=True)
class Signer:
    name: str
    function: str
    on_behalf: bool  # "Im Auftrag": everyone but the Geschäftsführung
    staff_id: int | None = None
    role: str = ""


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str


def d(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def first_of(office: OfficeFacts, role: str) -> StaffFacts | None:
    return next((s for s in office.staff if s.role == role), None)


def signer_from(staff: StaffFacts | None, role: str) -> Signer:
    if staff is None:
        return Signer("", FUNCTIONS.get(role, ""), role != "GF", None, role)
    return Signer(staff.name, FUNCTIONS.get(staff.role, ""), staff.role != "GF", staff.id, staff.role)


def default_signer(case: CaseView, office: OfficeFacts, doc_type: str) -> Signer | None:
    """Who signs: BGF letters the KRM office, "Eingang TL" the team lead, the answer per sign-off, the DAB's
    decision the GF who decided, GF the rest."""
    if doc_type in ("eingangsbestaetigung", "zwischennachricht"):
        return signer_from(first_of(office, "KRM"), "KRM")
    if doc_type == "eingang-tl":
        return signer_from(office.team_leads.get(case.team), "TL")
    if doc_type == "stellungnahme":
        return signer_from(first_of(office, "GF"), "GF")
    if doc_type == "entscheidung-dab":  # the GF who decided signs, also when deactivated since
        decider = case.decided_by
        if decider is None:
            return signer_from(first_of(office, "GF"), "GF")
        current = next((s for s in office.staff if s.id == decider.id), None)
        return signer_from(current or StaffFacts(decider.id, decider.name, decider.role), "GF")
    if doc_type == "antwort":
        if case.signed_by is not None:  # who signed stays the signer, also when deactivated since
            signed = next((s for s in office.staff if s.id == case.signed_by.id), None)
            former = StaffFacts(case.signed_by.id, case.signed_by.name, case.signed_by.role)
            return signer_from(signed or former, case.signed_by.role)
        role = "GF" if case.sign_off_role == "GF" else ESCALATION_ROLE.get(case.escalation_level, "TL")
        chosen = {
            "TL": office.team_leads.get(case.team),
            "BL": office.area_leads.get(case.area),
            "GF": first_of(office, "GF"),
        }[role]
        return signer_from(chosen, role)
    return None


def bgf_contact(office: OfficeFacts) -> Contact:
    lh = office.letterhead
    krm = first_of(office, "KRM")
    name = lh.get("contact_name", "") or (krm.name if krm else "") or "Büro der Geschäftsführung"
    phone = lh.get("contact_phone", "") or (krm.phone if krm and not lh.get("contact_name") else "")
    email = lh.get("contact_email", "") or (krm.email if krm and not lh.get("contact_name") else "")
    return Contact(name, phone or lh.get("phone", ""), email or lh.get("email", ""))


def handling_staff(case: CaseView, office: OfficeFacts) -> StaffFacts | None:
    """The person who handles the case where it lies: its team's Teamleitung (or the deputy), the Bereichsleitung
    when escalated to level 2; None where the Geschäftsführung leads (the office answers questions then)."""
    if case.lead == "gf" or case.escalation_level >= 3:
        return None
    if case.escalation_level == 2:
        return office.area_leads.get(case.area)
    return office.team_leads.get(case.team)


def contact_for(doc_type: str, case: CaseView, office: OfficeFacts) -> Contact | None:
    """The information block's Ansprechpartner/in: who handles the case, never merely who signs (DOMAIN §5). The
    answer and the team's acknowledgement name the handler; the office's letters and those of the Geschäftsführung
    name the office's configured contact."""
    if doc_type in ("verfuegungsblatt", "verzicht", "aktenvermerk", "vermerk-everbis"):
        return None
    staff = handling_staff(case, office) if doc_type in ("eingang-tl", "antwort") else None
    if staff is None:
        return bgf_contact(office)
    lh = office.letterhead
    return Contact(staff.name, staff.phone or lh.get("phone", ""), staff.email or lh.get("email", ""))


def handler(case: CaseView, office: OfficeFacts) -> str:
    """Who handles the matter, said in a sentence: "Erika Beispiel (Teamleitung, Team 411 …)"."""
    if case.lead == "gf":
        gf = first_of(office, "GF")
        return f"{gf.name} (Geschäftsführung)" if gf else "die Geschäftsführung"
    lead = office.team_leads.get(case.team)
    if lead is not None:
        return f"{lead.name} (Teamleitung, {case.team})"
    if case.team:
        return f"die Teamleitung ({case.team})"
    return "das Büro der Geschäftsführung"


def concerned(case: CaseView) -> PartyRecord | None:
    """The customer the matter is about: the represented person if there is one."""
    return case.represented or case.person


def promised_answer_due(case: CaseView, office: OfficeFacts, letter_date: date) -> date | None:
    """The answer date a letter dated `letter_date` promises: while the acknowledgement is not yet sent, the date
    the rules give when it is sent that day (DOMAIN §3: Braunschweig counts from the sending); else the stored one."""
    if case.ack_sent is not None or case.closed is not None or office.profile is None:
        return case.final_due
    return answer_due_if_acknowledged(
        office.profile,
        case.kind,
        case.channel,
        case.received,
        case.final_due,
        sent_on=letter_date,
        has_addressee=case.person is not None,
        body_due=case.body_due,
    )


def values(case: CaseView, office: OfficeFacts, today: date, *, to_body: bool = False) -> dict[str, str]:
    """Placeholder -> text for this case (empty where the case has no value)."""
    person = case.person
    customer = concerned(case)
    return {
        "anrede": salutation(None) if to_body else salutation(person),
        "name": " ".join(person.name.split()) if person else "",
        "person": person_phrase(person) if person else "(anonym)",
        "vertretene_person": person_phrase(case.represented),
        "aktenzeichen": case.ref,
        "eingangsdatum": d(case.received),
        "ihre_nachricht": CHANNEL_NOUNS.get(case.channel, "Ihre Nachricht"),
        "eingangsweg": label(CHANNELS, case.channel),
        "betreff": case.subject.strip(),
        "anliegensart": label(KINDS, case.kind),
        "sachverhalt": case.description.strip(),
        "team": case.team,
        "ansprechpartner": handler(case, office),
        # A petitioner is promised no date: the answer goes to the requesting body (DOMAIN §3).
        "frist": "" if case.kind in PETITION_KINDS and not to_body else d(promised_answer_due(case, office, today)),
        "frist_eingangsbestaetigung": d(case.ack_due),
        "zwischennachricht_grund": case.interim_reason.strip(),
        "voraussichtlich": d(case.interim_expected),
        "datum": d(today),
        "dienststelle": office.letterhead.get("office_name", ""),
        "stelle": case.requesting_body.strip(),
        "zeichen_stelle": case.requesting_ref.strip(),
        "frist_stelle": d(case.body_due),
        "kundennummer": customer.customer_no if customer else "",
        "bg_nummer": customer.bg_no if customer else "",
        "verzicht_gruende": case.waiver_reasons.strip(),
        "stellungnahme_entwurf": statement_draft(case).strip(),
        "beschaeftigte_person": case.employee_concerned.strip(),
        "entscheidung": case.gf_decision.strip(),
        "entscheidung_durch": case.decided_by.name if case.decided_by else "",
        "entscheidung_datum": d(case.decided_on),
    }


def filled(key: str, given: Mapping[str, str], texts: Mapping[str, str] | None = None) -> tuple[str, list[str]]:
    """The block filled with the values; `texts` holds block texts already read (or edited, unsaved)."""
    return fill(texts[key] if texts and key in texts else block(key).body, given)
