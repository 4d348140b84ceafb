"""The documents of a case: compose a draft from text blocks, then render it as a DIN 5008 PDF.

`compose` fills the office's text blocks with the case's data and decides addressee, signer and
contact; the result (`Draft`) is plain text that the letter dialog lets a person edit. `render` turns a
draft into PDF bytes. Both refuse with a German message (RefusedError) what cannot be printed: a letter
that does not apply to the case, an address too long for the window, a placeholder without a value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from krm_desktop.documents.letters import bodies as forms
from krm_desktop.documents.letters.draft import Draft, Rendered
from krm_desktop.documents.letters.facts import OfficeFacts, case_facts, office_facts
from krm_desktop.documents.letters.placeholders import (
    Signer,
    concerned,
    contact_for,
    d,
    default_signer,
    filled,
    promised_answer_due,
    values,
)
from krm_desktop.documents.page.addressing import body_addressee, party_addressee
from krm_desktop.documents.page.din5008 import Letterhead, PageFrame, build_pdf
from krm_desktop.documents.page.escape import replaced
from krm_desktop.model.cases.case_view import CaseView
from krm_desktop.model.cases.file_notes import NOT_KEPT
from krm_desktop.model.cases.letters import DOC_TYPES, MISSING_MARK, block_bodies
from krm_desktop.model.codes import KINDS, PETITION_KINDS, label
from krm_desktop.model.errors import RefusedError

TO_PERSON = frozenset(
    {"eingangsbestaetigung", "eingang-tl", "zwischennachricht", "antwort", "entscheidung-dab", "verzicht"}
)
DAB = "dienstaufsichtsbeschwerde"
FILE_NOTE_DOC = "vermerk-everbis"  # issue 19: the note for the E-Akte/VerBIS, from its own text block
LAYOUTS = {
    "eingangsbestaetigung": "letter",
    "eingang-tl": "letter",
    "zwischennachricht": "letter",
    "antwort": "letter",
    "entscheidung-dab": "letter",
    "stellungnahme": "letter",
    "verfuegungsblatt": "internal",
    "aktenvermerk": "internal",
    "verzicht": "blank",
    "vermerk-everbis": "internal",  # issue 19
}
GROUPS = {  # the text block groups a document draws on (the dialog offers them for insertion)
    "eingangsbestaetigung": ("eingangsbestaetigung", "allgemein"),
    "eingang-tl": ("eingang_tl", "allgemein"),
    "zwischennachricht": ("zwischennachricht", "allgemein"),
    "antwort": ("antwort", "dank", "allgemein"),
    "entscheidung-dab": ("entscheidung_dab", "allgemein"),
    "stellungnahme": ("stellungnahme", "allgemein"),
    "verfuegungsblatt": ("verfuegungsblatt",),
    "verzicht": ("verzicht",),
    "aktenvermerk": ("aktenvermerk",),
    "vermerk-everbis": ("vermerk_everbis",),  # issue 19
}
GROUP_LABELS = {
    "allgemein": "Alle Schreiben",
    "eingangsbestaetigung": "Eingangsbestätigung",
    "eingang_tl": "Eingang TL",
    "zwischennachricht": "Zwischennachricht",
    "antwort": "Antwortschreiben",
    "dank": "Dankschreiben (Lob)",
    "entscheidung_dab": "Entscheidung über die DAB",
    "stellungnahme": "Stellungnahme",
    "verfuegungsblatt": "Verfügungsblatt",
    "verzicht": "Verzicht",
    "aktenvermerk": "Aktenvermerk",
    "vermerk_everbis": "Vermerk E-Akte/VerBIS",  # issue 19
}


def block_label(key: str, title: str) -> str:
    group = key.split(".")[0]
    return f"{GROUP_LABELS.get(group, group)}: {title}"


def applicability(case: CaseView, doc_type: str) -> str | None:
    """Why this document cannot be made for this case (German), or None."""
    if doc_type not in DOC_TYPES:
        return f"Unbekannte Schreibenart „{doc_type}“. Möglich sind: {', '.join(DOC_TYPES)}."
    if case.anonymised:
        return f"{case.ref} ist anonymisiert; Schreiben lassen sich nicht mehr erstellen."
    if case.kind == "meinungskarte":
        return f"{case.ref} ist eine Meinungskarte: sie ist anonym und erhält keine Schreiben."
    if doc_type in TO_PERSON and case.person is None:
        return f"{case.ref} ist anonym (ohne Absender/in): ein Schreiben „{DOC_TYPES[doc_type]}“ entfällt."
    if doc_type == "stellungnahme":
        if case.kind not in PETITION_KINDS:
            return "Eine Stellungnahme an die einsendende Stelle gibt es nur zu Petitionen und Eingaben."
        if not case.requesting_body.strip():
            return f"Für {case.ref} ist keine einsendende Stelle erfasst; bitte im Fall ergänzen."
        if not (case.body_street.strip() and case.body_postcode.strip() and case.body_city.strip()):
            return (
                f"Für die einsendende Stelle von {case.ref} ist keine vollständige Anschrift erfasst (Straße, PLZ "
                "und Ort); eine Stellungnahme ohne Anschrift wird nicht gedruckt. Bitte ergänzen Sie sie im Fall."
            )
    if doc_type == "entscheidung-dab":
        return _dab_decision_problem(case)
    if doc_type == FILE_NOTE_DOC and case.person is None:  # issue 19
        return f"{case.ref} ist anonym: ohne Kundin oder Kunden gibt es keine E-Akte und keinen VerBIS-Datensatz."
    if doc_type == "eingang-tl" and not case.team:
        return f"{case.ref} ist noch keinem Team zugeordnet; die Eingangsbestätigung des Teams entfällt bis dahin."
    return None


def _dab_decision_problem(case: CaseView) -> str | None:
    """The GF's decision is written to the complainant of a DAB once it is recorded."""
    if case.kind != DAB and case.reclassified_from == DAB:
        return (
            f"{case.ref} ist in eine {label(KINDS, case.kind)} umgedeutet; über eine Dienstaufsichtsbeschwerde "
            "wird nicht mehr entschieden. Bitte das Antwortschreiben nehmen."
        )
    if case.kind != DAB:
        return (
            f"{case.ref} ist keine Dienstaufsichtsbeschwerde; das Schreiben „{DOC_TYPES['entscheidung-dab']}“ entfällt."
        )
    if not case.gf_decision.strip():
        return f"Die Geschäftsführung hat über {case.ref} noch nicht entschieden; bitte erst die Entscheidung erfassen."
    return None


def block_keys(case: CaseView, doc_type: str) -> tuple[str | None, list[str]]:
    """The subject block and the body blocks a document starts from."""
    prefix = {"eingang-tl": "eingang_tl", "entscheidung-dab": "entscheidung_dab"}.get(doc_type, doc_type)
    if doc_type == FILE_NOTE_DOC:  # issue 19
        return None, ["vermerk_everbis.text"]
    if doc_type in ("verfuegungsblatt", "verzicht", "aktenvermerk"):
        return None, [f"{prefix}.text"]
    if doc_type in ("eingangsbestaetigung", "eingang-tl") and case.kind in PETITION_KINDS:
        # the petitioner's acknowledgement: forwarded to us by the requesting body, answered towards it, no date
        return f"{prefix}.betreff", ["eingangsbestaetigung.petition"]
    if doc_type != "antwort":
        return f"{prefix}.betreff", [f"{prefix}.text"]
    if case.kind == "lob" or "lob" in case.kinds[:1]:
        return "dank.betreff", ["dank.text"]
    middle = ["antwort.idee"] if case.kind == "idee" else []
    if case.outcome in ("begruendet", "unbegruendet", "nicht_bewertbar"):
        middle = [f"antwort.{case.outcome}"]
    return "antwort.betreff", ["antwort.einleitung", *middle, "antwort.abschluss"]


def compose(
    case: CaseView,
    office: OfficeFacts,
    doc_type: str,
    today: date,
    *,
    overrides: Mapping[str, str] | None = None,
    signer: Signer | None = None,
    author: str = "",
) -> Draft:
    """A draft of the document: text blocks filled with the case's data; refused when it does not apply."""
    problem = applicability(case, doc_type)
    if doc_type == FILE_NOTE_DOC and office.profile is not None and not office.profile.file_notes:
        problem = problem or NOT_KEPT  # the office keeps no such notes: the menu does not offer it either
    if problem:
        raise RefusedError(problem)
    to_body = doc_type == "stellungnahme"
    given = values(case, office, today, to_body=to_body)
    addressee = None
    if LAYOUTS[doc_type] == "letter":
        if to_body:
            addressee = body_addressee(case.requesting_body, case.body_street, case.body_postcode, case.body_city)
        elif case.person is not None:
            addressee = party_addressee(case.person)
    missing: list[str] = []
    subject_key, body_keys = block_keys(case, doc_type)
    keys = [*([subject_key] if subject_key else []), *body_keys, "allgemein.vertretung", "allgemein.gruss"]
    texts = block_bodies([k for k in keys if not overrides or k not in overrides])
    texts.update(overrides or {})
    subject = ""
    if subject_key:
        subject, gaps = filled(subject_key, given, texts)
        missing += gaps
    paragraphs: list[str] = []
    for key in body_keys:
        text, gaps = filled(key, given, texts)
        missing += gaps
        paragraphs.append(text.strip("\n"))
    body = "\n\n".join(p for p in paragraphs if p)
    if case.represented is not None and doc_type in TO_PERSON and doc_type != "verzicht":
        note, gaps = filled("allgemein.vertretung", given, texts)
        missing += gaps
        parts = re.split(r"\n[ \t]*\n", body)
        parts.insert(min(2, len(parts)), note)  # after the salutation and the first paragraph
        body = "\n\n".join(parts)
    chosen = signer if signer is not None else default_signer(case, office, doc_type)
    closing = texts["allgemein.gruss"].strip() if LAYOUTS[doc_type] == "letter" else ""
    return Draft(
        warnings=date_warnings(
            case, doc_type, today, None if case.kind in PETITION_KINDS else promised_answer_due(case, office, today)
        ),
        doc_type=doc_type,
        case=case,
        office=office,
        today=today,
        addressee=addressee,
        subject=subject,
        body=body,
        closing=closing,
        signer=chosen,
        contact=contact_for(doc_type, case, office),
        author=author,
        missing=list(dict.fromkeys(missing)),
    )


def date_warnings(case: CaseView, doc_type: str, today: date, promised: date | None) -> list[str]:
    """Dates in the text that lie before the letter's own date (the person decides; nothing is refused);
    `promised`: the answer date the letter promises (`promised_answer_due`)."""
    warnings = []
    if doc_type in ("eingangsbestaetigung", "eingang-tl") and promised and promised < today:
        warnings.append(
            f"Die Frist der Antwort ({d(promised)}) liegt vor dem Datum des Schreibens; "
            "bitte den Text anpassen oder eine Zwischennachricht senden."
        )
    if doc_type == "zwischennachricht" and case.interim_expected and case.interim_expected <= today:
        warnings.append(f"Die voraussichtliche Erledigung ({d(case.interim_expected)}) liegt nicht in der Zukunft.")
    return warnings


def open_gaps(draft: Draft) -> list[str]:
    """The "[bitte ergänzen: …]" marks still in the text (after editing), as German descriptions."""
    found = re.findall(re.escape(MISSING_MARK) + r"([^\]]*)\]", f"{draft.subject}\n{draft.body}")
    return list(dict.fromkeys(found))


def check_printable(draft: Draft) -> None:
    gaps = open_gaps(draft)
    if gaps:
        raise RefusedError("Im Schreiben fehlen noch Angaben: " + "; ".join(gaps) + ". Bitte ergänzen.")


def info_rows(draft: Draft) -> list[tuple[str, str]]:
    case, contact = draft.case, draft.contact
    customer = concerned(case)
    rows: list[tuple[str, str]] = []
    if draft.doc_type == "stellungnahme":
        rows.append(("Ihr Zeichen", case.requesting_ref))
    else:
        rows.append(("Ihre Nachricht vom", d(case.received)))
    rows.append(("Unser Zeichen", case.ref))
    rows.append(("Aktenzeichen", case.file_no))
    if customer is not None:
        rows += [("Kundennummer", customer.customer_no), ("BG-Nummer", customer.bg_no)]
    if contact is not None:
        rows += [("Ansprechpartner/in", contact.name), ("Telefon", contact.phone), ("E-Mail", contact.email)]
    rows.append(("Datum", d(draft.today)))
    return rows


def render(draft: Draft, *, invariant: bool = False, check: bool = True) -> Rendered:
    """The PDF of the draft. With `check`, a draft with open "[bitte ergänzen …]" marks is refused."""
    if check:
        check_printable(draft)
    layout = LAYOUTS[draft.doc_type]
    lh = dict(draft.office.letterhead)
    signer = draft.signer
    if layout == "letter" and signer is not None and signer.role in ("TL", "BL"):
        # a letter the team signs names the team (or the area) under the office, not the BGF
        lh["department"] = (draft.case.team if signer.role in ("TL", "STL") else draft.case.area) or lh.get(
            "department", ""
        )
    letterhead = Letterhead.from_settings(lh, draft.office.logo) if layout != "blank" else Letterhead()
    info = info_rows(draft) if layout == "letter" else []
    frame = PageFrame(
        layout=layout,
        letterhead=letterhead,
        addressee=draft.addressee,
        info=info,
        running_head=f"{draft.case.ref} · {draft.title} vom {d(draft.today)}",
    )
    story = forms.story(draft, layout)
    author = "KRM Desktop" if layout == "blank" else (lh.get("office_name") or "KRM Desktop")
    pdf, pages = build_pdf(frame, story, title=f"{draft.title} {draft.case.ref}", author=author, invariant=invariant)
    count = replaced(f"{draft.subject}\n{draft.body}") + sum(replaced(value) for _, value in info)
    if draft.addressee:
        count += sum(replaced(line) for line in draft.addressee.lines)
    return Rendered(pdf, pages, count, tuple(frame.warnings))


def letter_for_case(
    case_id: int, doc_type: str, today: date, *, author: str = "", invariant: bool = False
) -> tuple[Draft, Rendered]:
    """Compose and render a document of a case with the office's text blocks, unedited (CLI, self-test)."""
    facts = case_facts(case_id, with_proposals=doc_type == "verfuegungsblatt")
    draft = compose(facts, office_facts(), doc_type, today, author=author)
    return draft, render(draft, invariant=invariant)
