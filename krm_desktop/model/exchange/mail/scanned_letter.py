"""A scanned letter (PDF) as a draft: a new Brief case with the PDF as its attachment and, when the scan has a
text layer (OCR), the text of its first pages proposed as the description."""

from __future__ import annotations

from pathlib import PurePath

import pypdfium2

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.mail.draft import CaseDraft, DraftAttachment
from krm_desktop.model.exchange.mail.draft_attachments import Proposal
from krm_desktop.model.exchange.mail.plain_text import MAX_SUBJECT, clean_line, clean_text

TEXT_PAGES = 5  # the first pages give the description; the whole letter is the attachment
MAX_DESCRIPTION = 20_000


def _pages_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        texts = []
        for index in range(min(len(document), TEXT_PAGES)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n\n".join(text.strip() for text in texts if text.strip())
    finally:
        document.close()


def read_scan(file_name: str, data: bytes) -> CaseDraft:
    try:
        text = _pages_text(data)
    except pypdfium2.PdfiumError:
        raise ValidationError(
            {"file": f"„{file_name}“ lässt sich nicht als PDF lesen (beschädigt oder mit Kennwort geschützt)."}
        ) from None
    problems = {
        "received": "Bei einem Brief bitte das Eingangsdatum (Posteingangsstempel) eintragen.",
        "person": "Bitte Name und Anschrift der Person aus dem Brief eintragen.",
        "subject": "Bitte einen Betreff eintragen.",
    }
    description = clean_text(text, limit=MAX_DESCRIPTION)
    if not description:
        problems["description"] = "Der Scan hat keine Textebene. Bitte das Anliegen aus dem Brief beschreiben."
    elif len(text) > MAX_DESCRIPTION:
        problems["description"] = "Vorgeschlagen ist der Anfang des Briefes; bitte kürzen oder ergänzen."
    proposal = Proposal()
    stem = clean_line(PurePath(file_name).stem, limit=MAX_SUBJECT)
    proposal.offer(f"{stem or 'Brief'}.pdf", data)
    return CaseDraft(
        channel="brief",
        received=None,
        person_name="",
        person_email="",
        subject="",
        description=description,
        attachments=tuple(DraftAttachment(*item) for item in proposal.accepted),
        refused=proposal.refusals(),
        problems=problems,
    )
