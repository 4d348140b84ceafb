"""Live previews for the settings: a text block or a letterhead on an invented case (nothing is stored)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from krm_desktop.documents.letters.compose import Rendered, compose, render
from krm_desktop.documents.letters.facts import OfficeFacts, PartyFacts, sample_facts
from krm_desktop.documents.letters.placeholders import values
from krm_desktop.model.cases.letters import fill

GROUP_DOCUMENT = {
    "allgemein": "eingangsbestaetigung",
    "eingangsbestaetigung": "eingangsbestaetigung",
    "eingang_tl": "eingang-tl",
    "zwischennachricht": "zwischennachricht",
    "antwort": "antwort",
    "dank": "antwort",
    "stellungnahme": "stellungnahme",
    "verfuegungsblatt": "verfuegungsblatt",
    "verzicht": "verzicht",
    "aktenvermerk": "aktenvermerk",
}
SAMPLE_KIND = {"dank": "lob", "stellungnahme": "petition", "verfuegungsblatt": "petition"}


def block_preview(key: str, body: str, today: date, office: OfficeFacts | None = None) -> Rendered:
    """The document the block belongs to, with the edited (unsaved) block text, on an invented case.

    A block the document does not use by default (an insertable one) is added as its last paragraph.
    Raises ValidationError when the text has an unknown placeholder.
    """
    group = key.split(".")[0]
    case, sample_office = sample_facts(today, SAMPLE_KIND.get(group, "beschwerde"))
    office = office or sample_office
    if key == "antwort.idee":
        case = replace(case, kind="idee", kinds=("idee",), outcome=None)
    elif key.startswith("antwort.") and key.split(".")[1] in ("begruendet", "unbegruendet", "nicht_bewertbar"):
        case = replace(case, outcome=key.split(".")[1])
    elif key == "allgemein.vertretung":
        lawyer = PartyFacts("Rechtsanwalt Jan Beispiel", "vertreter", "herr", "Am Markt 3", "12345", "Musterstadt")
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
