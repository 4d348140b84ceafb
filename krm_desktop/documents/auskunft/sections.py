"""What an Auskunft (Art. 15 DSGVO) holds: every stored item of the person in each case, and whose it is.

`gather` reads the person's cases in a few queries and lists, per case, the items the document prints: the
person's own data as stored, the case data, the other persons involved, the history, statements, letters (date and
type), attachments (listed), and the office's information (purpose, recipients, storage period, source).

Third parties (Art. 15 Abs. 4 DSGVO), decided per role of the person in the case:

- the other persons of the case are never printed unless the user keeps them: for a customer the employee
  concerned of a Dienstaufsichtsbeschwerde; for a representative the represented person; for a represented
  person the representative; for the employee concerned the complainant (and whom they represent);
- their names are also blanked inside every text of that case ("[Angaben zu Dritten entfernt]");
- inside every free text and the history, every identifier of every other person the database knows (parties,
  staff, employees concerned) is blanked the same way, whatever the user keeps (`identifiers`, `known`): for
  the other persons of the person's cases every word of their names alone, for everyone first name +
  surname, initial + surname, Kundennummer, BG-Nummer, street and house number, phone, e-mail; spelling
  variants as the person search folds them. The person's own identifiers stay;
- the statement of the employee concerned and the Geschäftsführung's decision on their conduct (field and
  history entry) are personnel matters of that employee: withheld for everyone but the employee;
- staff acting in office (who recorded, signed, wrote a statement as team lead …) and teams are the
  authority's, not third parties: they are printed (they are also the recipients the customer may know),
  inside the texts of the case too.

Every other item is printed unless the user marks it before printing (a third party's data inside a
statement, say); a withheld item is replaced by `WITHHELD_NOTE`. The person's own data cannot be withheld.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, cast

from peewee import JOIN

from krm_desktop.documents.auskunft.content import AuskunftContent, CaseAuskunft, Item, Section, free_text
from krm_desktop.documents.auskunft.known import employee_tag, in_office, party_tag, read_identifiers, staff_keys
from krm_desktop.documents.auskunft.storage import storage_text
from krm_desktop.documents.auskunft.third_party_names import name_pattern, surnames
from krm_desktop.model.cases.attachments import type_label
from krm_desktop.model.cases.letters import DOC_TYPES
from krm_desktop.model.cases.notice_checks import IN_OFFICE, auskunft_recipients
from krm_desktop.model.cases.notices import notices_of
from krm_desktop.model.codes import CHANNELS, KINDS, OUTCOMES, PETITION_KINDS, STAFF_ROLES, VIAS, label
from krm_desktop.model.office.profiles import OfficeProfile, load_profile
from krm_desktop.model.persons.auskunft import ANSWERED, REQUESTED, TITLE
from krm_desktop.model.persons.person import EMPLOYEE, REPRESENTED, ROLE_LABELS, Person, PersonCase
from krm_desktop.model.persons.spelling import name_key
from krm_desktop.model.retention.purge import EVENT_LABELS, OTHER_EVENT
from krm_desktop.model.retention.rules import de
from krm_desktop.model.store.entities import Attachment, Case, Concern, Event, Letter, Party, Staff, Statement, Team

ACTION_LABELS = {
    **EVENT_LABELS,
    REQUESTED: "Auskunftsersuchen eingegangen",
    ANSWERED: "Auskunft erteilt",
    "corrected": "Personendaten berichtigt",
}
_CHUNK = 900
_WRITTEN = frozenset(
    {"file_no", "topic", "subject", "description", "ack_waived", "interim", "waiver", "body", "gf_decision"}
)


# --- reading -------------------------------------------------------------------------------------------------------


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _by_case(model: Any, ids: list[int], *columns: Any, order: tuple[Any, ...] = ()) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = defaultdict(list)
    for chunk in _chunks(ids):
        query = model.select(*columns).where(model.case.in_(chunk)).order_by(*order)
        for row in query:
            found[row.case_id].append(row)
    return found


@dataclass
class _Store:
    cases: dict[int, Any] = field(default_factory=dict)
    parties: dict[int, Any] = field(default_factory=dict)
    staff: dict[int, str] = field(default_factory=dict)
    concerns: dict[int, list[Any]] = field(default_factory=dict)
    events: dict[int, list[Any]] = field(default_factory=dict)
    statements: dict[int, list[Any]] = field(default_factory=dict)
    letters: dict[int, list[Any]] = field(default_factory=dict)
    attachments: dict[int, list[Any]] = field(default_factory=dict)


def _read(ids: list[int]) -> _Store:
    store = _Store()
    for chunk in _chunks(ids):
        query = Case.select(Case, Team).join(Team, JOIN.LEFT_OUTER).where(cast(Any, Case.id).in_(chunk))
        store.cases.update({c.id: c for c in query})
    party_ids = sorted({i for c in store.cases.values() for i in (c.person_id, c.represented_id) if i is not None})
    for chunk in _chunks(party_ids):
        store.parties.update({p.id: p for p in Party.select().where(cast(Any, Party.id).in_(chunk))})
    staff_ids = sorted({i for c in store.cases.values() for i in (c.signed_by_id, c.decided_by_id) if i is not None})
    for chunk in _chunks(staff_ids):
        store.staff.update(
            dict(cast(Any, Staff.select(Staff.id, Staff.name).where(cast(Any, Staff.id).in_(chunk))).tuples())
        )
    store.concerns = _by_case(Concern, ids, Concern, order=(Concern.position,))
    store.events = _by_case(Event, ids, Event, order=(Event.on_day, Event.id))
    store.statements = _by_case(Statement, ids, Statement, order=(Statement.received_on, Statement.id))
    letter_columns = (Letter.id, Letter.case, Letter.doc_type, Letter.created, Letter.created_by, Letter.filename)
    store.letters = _by_case(Letter, ids, *letter_columns, order=(Letter.created, Letter.id))
    attachment_columns = (Attachment.id, Attachment.case, Attachment.filename, Attachment.mime, Attachment.added)
    store.attachments = _by_case(Attachment, ids, *attachment_columns, Attachment.added_by, order=(Attachment.id,))
    return store


# --- one case --------------------------------------------------------------------------------------------------


def _party_rows(party: Any) -> list[tuple[str, str]]:
    town = " ".join(f"{party.postcode} {party.city}".split())
    rows = [
        ("Name", " ".join(party.name.split())),
        ("Anrede", {"frau": "Frau", "herr": "Herr", "divers": "divers/ohne Anrede"}.get(party.salutation or "", "")),
        ("Straße", party.street.strip()),
        ("PLZ und Ort", town),
        ("E-Mail", party.email.strip()),
        ("Telefon", party.phone.strip()),
        ("Kundennummer", party.customer_no),
        ("BG-Nummer", party.bg_no),
    ]
    return [(k, x) for k, x in rows if x]


def _party_text(party: Any) -> str:
    return "; ".join(f"{k}: {x}" for k, x in _party_rows(party))


def _case_rows(case: Any, store: _Store) -> list[tuple[str, str, str]]:
    """(key, label, text) of the case's stored data."""
    concerns = store.concerns.get(case.id, [])
    concern_text = "; ".join(
        f"{c.position}. {label(KINDS, c.kind)}" + (f" – {label(OUTCOMES, c.outcome)}" if c.outcome else "")
        for c in concerns
    )
    team = case.team if case.team_id else None
    deadlines = ", ".join(
        p
        for p in (
            f"Eingangsbestätigung bis {de(case.ack_due)}" if case.ack_due else "",
            f"abschließende Antwort bis {de(case.final_due)}" if case.final_due else "",
            f"Frist der einsendenden Stelle {de(case.body_due)}" if case.body_due else "",
        )
        if p
    )
    interim = ""
    if case.interim_sent:
        interim = f"versandt am {de(case.interim_sent)}"
        if case.interim_expected:
            interim += f"; voraussichtliche Erledigung bis {de(case.interim_expected)}"
        if case.interim_reason.strip():
            interim += f"; Grund: {case.interim_reason.strip()}"
    status = "abgeschlossen" + (f" am {de(case.closed)}" if case.closed else "") if case.closed else "offen"
    body = " · ".join(p for p in (case.requesting_body, case.requesting_ref) if p)
    decision = ""
    if case.gf_decision.strip():
        by = store.staff.get(case.decided_by_id or 0, "")
        when = f" am {de(case.decided_on)}" if case.decided_on else ""
        decision = f"{case.gf_decision.strip()} ({by or 'Geschäftsführung'}{when})"
    signer = store.staff.get(case.signed_by_id or 0, "")
    ack_waived = ""
    if case.ack_waived:
        ack_waived = f"entschieden am {de(case.ack_waived)}; Begründung: {case.ack_waived_reason.strip() or '–'}"
    rows = [
        ("ref", "Zeichen", case.ref),
        ("file_no", "Aktenzeichen", case.file_no),
        ("concerns", "Anliegen und Ergebnis", concern_text or label(KINDS, case.kind)),
        ("channel", "Eingangsweg", label(CHANNELS, case.channel)),
        ("via", "Eingang über", label(VIAS, case.via)),
        ("received", "Eingangsdatum", de(case.received)),
        ("team", "Zuständig", " · ".join(p for p in (team.name, team.area) if p) if team else ""),
        ("topic", "Themenkategorie", case.topic),
        ("subject", "Betreff", case.subject),
        ("description", "Beschreibung", case.description),
        ("status", "Stand", status),
        ("deadlines", "Fristen", deadlines),
        ("ack_sent", "Eingangsbestätigung", f"versandt am {de(case.ack_sent)}" if case.ack_sent else ""),
        ("ack_waived", "Eingangsbestätigung entfällt", ack_waived),
        ("interim", "Zwischennachricht", interim),
        ("answer_sent", "Antwortschreiben", f"versandt am {de(case.answer_sent)}" if case.answer_sent else ""),
        ("waiver", "Verzicht auf schriftliche Antwort", case.waiver_reasons.strip() or ("ja" if case.waiver else "")),
        ("follows", "Folgereaktion zu", case.follows_ref),
        ("body", "Einsendende Stelle", body),
        ("escalation", "Eskalationsstufe", f"{case.escalation_level}" if case.escalation_level > 1 else ""),
        ("sign_off", "Schlusszeichnung", signer or ("Geschäftsführung" if case.sign_off_role == "GF" else "")),
        ("reclassified", "Umgedeutet aus", label(KINDS, case.reclassified_from) if case.reclassified_from else ""),
        ("gf_decision", "Entscheidung der Geschäftsführung", decision),
        (
            "informed",
            "Beschäftigte/r informiert",
            f"am {de(case.employee_informed)}" if case.employee_informed else "",
        ),
    ]
    return [(k, lbl, x) for k, lbl, x in rows if x and str(x).strip()]


def _info(case: Any, roles: list[str], profile: OfficeProfile, today: date, petition: bool) -> list[Item]:
    kind = label(KINDS, case.kind)
    team = case.team if case.team_id else None
    if EMPLOYEE in roles and len(roles) == 1:
        purpose = (
            "Prüfung der Dienstaufsichtsbeschwerde, in der Sie genannt sind, und Entscheidung der Geschäftsführung."
        )
        source = "Aus der Dienstaufsichtsbeschwerde einer anderen Person und aus dem Verfahren (Stellungnahmen)"
    else:
        whose = {
            REPRESENTED: "die für Sie eingereicht wurde",
            "vertreter": "die Sie als Vertreter/in eingereicht haben",
        }
        purpose = (
            f"Bearbeitung und Beantwortung der Kundenreaktion ({kind}), {whose.get(roles[0], 'die Sie eingereicht haben')}; "
            "Verbesserung der Dienstleistungen des Jobcenters (Kundenreaktionsmanagement); anonyme Statistik."
        )
        way = label(CHANNELS, case.channel) + ("" if case.via == "direkt" else f", über {label(VIAS, case.via)}")
        if case.requesting_body and case.kind in PETITION_KINDS:
            way = f"{label(CHANNELS, case.channel)}, weitergeleitet von {case.requesting_body}"
        sender = "Von Ihrer Vertreterin oder Ihrem Vertreter" if roles[0] == REPRESENTED else "Von Ihnen selbst"
        source = f"{sender} ({way})"
    source += "; Bearbeitungsvermerke, Fristen und Schreiben vom Jobcenter selbst."
    recipients = ["Büro der Geschäftsführung (Kundenreaktionsmanagement)"]
    if team:
        recipients.append(" · ".join(p for p in (team.name, team.area) if p) + " (Bearbeitung)")
    if case.escalation_level >= 2:
        recipients.append("Bereichsleitung")
    if case.lead == "gf" or case.sign_off_role == "GF" or case.escalation_level >= 3:
        recipients.append("Geschäftsführung")
    if case.requesting_body and case.kind in PETITION_KINDS:
        recipients.append(f"{case.requesting_body} (Stellungnahme)")
    if case.employee_concerned and EMPLOYEE not in roles:
        recipients.append("die/der betroffene Beschäftigte (Kenntnis der Entscheidung)")
    recipients += auskunft_recipients(notices_of(case.id))  # issue 19: who was informed zur Kenntnis, and when
    rows = [
        ("purpose", "Zweck", purpose),
        ("recipients", "Empfänger", "; ".join(recipients) + "."),
        ("storage", "Speicherdauer", storage_text(profile, case.closed, petition, today)),
        ("source", "Herkunft der Daten", source),
    ]
    return [Item(f"{case.id}:info:{k}", lbl, x, can_withhold=False) for k, lbl, x in rows]


def _in_office(case: Any, store: _Store, staff: dict[str, set[str]]) -> frozenset[str]:
    """Staff acting in office in the case (recorded, signed, decided, wrote, kept a letter or attachment)."""
    names = [store.staff.get(case.signed_by_id or 0, ""), store.staff.get(case.decided_by_id or 0, "")]
    names += [e.actor for e in store.events.get(case.id, [])] + [s.author for s in store.statements.get(case.id, [])]
    names += [x.created_by for x in store.letters.get(case.id, [])]
    names += [a.added_by for a in store.attachments.get(case.id, [])]
    names += [n.name for n in notices_of(case.id) if n.role in IN_OFFICE]  # issue 19: managers informed in office
    return in_office(names, staff)


def _case(
    case: Any, mine: list[PersonCase], store: _Store, profile: OfficeProfile, today: date, staff: dict[str, set[str]]
) -> CaseAuskunft:
    cid = case.id
    roles = list(dict.fromkeys(c.role for c in mine))
    employee = EMPLOYEE in roles and len(roles) == 1
    own_ids = {c.party_id for c in mine if c.party_id is not None}
    own: list[Item] = []
    for party_id in sorted(own_ids):
        for k, x in _party_rows(store.parties[party_id]):
            own.append(Item(f"{cid}:own:{party_id}:{k}", k, x, can_withhold=False))
    employee_name = case.employee_concerned.strip()
    if EMPLOYEE in roles:
        caption = "Genannt als betroffene/r Beschäftigte/r"
        own.append(Item(f"{cid}:own:employee", caption, employee_name, can_withhold=False))
    mine_names = [store.parties[i].name for i in own_ids] + ([employee_name] if EMPLOYEE in roles else [])
    protected = surnames(mine_names)
    others: list[Item] = []
    redactions: list[tuple[str, tuple[re.Pattern[str], ...]]] = []

    def third(key: str, caption: str, text: str, name: str) -> None:
        others.append(Item(key, caption, text, owner=caption, withheld=True))
        pattern = name_pattern(name, protected) if name_key(name) not in map(name_key, mine_names) else None
        if pattern is not None:
            redactions.append((key, (pattern,)))

    for party_id in (case.person_id, case.represented_id):
        if party_id is not None and party_id not in own_ids:
            party = store.parties[party_id]
            caption = "vertretene Person" if party_id == case.represented_id else "Einsender/in"
            caption = "Vertreter/in" if party.role == "vertreter" else caption
            third(f"{cid}:party:{party_id}", caption, _party_text(party), party.name)
    if employee_name and EMPLOYEE not in roles:
        third(f"{cid}:employee", "Betroffene/r Beschäftigte/r", employee_name, employee_name)
    personnel = bool(employee_name) and not employee  # the employee's own account and the decision on them
    rows = [
        Item(f"{cid}:case:{k}", lbl, x, withheld=personnel and k == "gf_decision", free=k in _WRITTEN)
        for k, lbl, x in _case_rows(case, store)
    ]
    history = [
        Item(
            f"{cid}:event:{e.id}",
            de(e.on_day) + (f"\n{e.actor}" if e.actor else ""),
            e.text,
            heading=ACTION_LABELS.get(e.action, OTHER_EVENT),
            withheld=personnel and e.action == "dab_decided",
        )
        for e in store.events.get(cid, [])
    ]
    statements = [
        Item(
            f"{cid}:statement:{s.id}",
            de(s.received_on),
            s.text,
            heading=f"{s.author} ({label(STAFF_ROLES, s.author_role)})",
            withheld=personnel and name_key(s.author) == name_key(employee_name),
        )
        for s in store.statements.get(cid, [])
    ]
    letters = [
        Item(
            f"{cid}:letter:{x.id}",
            de(x.created.date()),
            f"{DOC_TYPES.get(x.doc_type, TITLE if x.doc_type == 'auskunft' else x.doc_type)} ({x.filename})",
        )
        for x in store.letters.get(cid, [])
    ]
    attachments = [
        Item(
            f"{cid}:attachment:{a.id}",
            de(a.added.date()),
            f"{a.filename} ({type_label(a.filename, a.mime)}), beigefügt von {a.added_by}",
        )
        for a in store.attachments.get(cid, [])
    ]
    petition = case.kind in PETITION_KINDS or any(c.kind in PETITION_KINDS for c in store.concerns.get(cid, []))
    sections = [
        Section("Angaben zu Ihrer Person in dieser Kundenreaktion", tuple(own)),
        Section("Angaben zur Kundenreaktion", tuple(rows)),
        Section("Weitere beteiligte Personen", tuple(others)),
        Section("Verlauf (Fallhistorie)", tuple(history), "entries"),
        Section("Stellungnahmen", tuple(statements), "entries"),
        Section("Schreiben an Sie oder in dieser Sache (Datum und Art)", tuple(letters)),
        Section("Anlagen (Liste)", tuple(attachments)),
        Section("Zweck, Empfänger, Speicherdauer und Herkunft", tuple(_info(case, roles, profile, today, petition))),
    ]
    return CaseAuskunft(
        cid,
        case.ref,
        label(KINDS, case.kind),
        tuple(ROLE_LABELS.get(r, r) for r in roles),
        case.received,
        case.closed,
        tuple(s for s in sections if s.items),
        tuple(redactions),
        in_office=_in_office(case, store, staff),
    )


def gather(person: Person, today: date, profile: OfficeProfile | None = None) -> AuskunftContent:
    """Everything the Auskunft prints for this person, case by case (newest first)."""
    profile = profile or load_profile()
    ids = person.case_ids
    store = _read(ids)
    mine: dict[int, list[PersonCase]] = defaultdict(list)
    for pc in person.cases:
        mine[pc.case_id].append(pc)
    living = [i for i in ids if i in store.cases and not store.cases[i].anonymised]
    own_parties = {pc.party_id for pc in person.cases if pc.party_id is not None}
    own_employee = next((pc.data.name for pc in person.cases if pc.role == EMPLOYEE), "")
    strong: set[str] = set()
    for i in living:
        case = store.cases[i]
        strong |= {party_tag(p) for p in (case.person_id, case.represented_id) if p and p not in own_parties}
        if case.employee_concerned.strip() and all(pc.role != EMPLOYEE for pc in mine[i]):
            strong.add(employee_tag(case.employee_concerned))
    staff = staff_keys()
    cases = [_case(store.cases[i], mine[i], store, profile, today, staff) for i in living]
    texts = [item.text for case in cases for item in case.items() if free_text(item)]
    identifiers = read_identifiers(own_parties, own_employee, strong, texts)
    cases = [replace(case, identifiers=identifiers) for case in cases]
    return AuskunftContent(person, tuple(cases), profile, today, employee_only=person.employee)
