"""A scanned letter (PDF) proposes a Brief case with the PDF as its attachment and its text layer as description."""

from __future__ import annotations

from io import BytesIO

import pytest
from reportlab.pdfgen.canvas import Canvas

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.mail import draft_json, read_draft
from krm_desktop.model.exchange.mail.scanned_letter import MAX_DESCRIPTION
from tests.model.exchange.mail.mail_data import TODAY, pdf_bytes


def test_a_pdf_with_a_text_layer() -> None:
    data = pdf_bytes()
    draft = read_draft("Scan 2026-11-19.pdf", data, today=TODAY)
    assert draft.channel == "brief"
    assert draft.description == (
        "Widerspruch gegen den Bescheid vom 3. November 2026\nMit freundlichen Grüßen, Erika Beispiel"
    )
    assert [(a.name, a.data, a.mime) for a in draft.attachments] == [("Scan 2026-11-19.pdf", data, "application/pdf")]
    assert draft.received is None and draft.person_name == "" and draft.subject == ""
    assert set(draft.problems) == {"received", "person", "subject"}
    assert draft_json(draft)["attachments"] == [{"name": "Scan 2026-11-19.pdf", "bytes": len(data)}]


def test_a_pdf_without_text_layer_asks_for_the_description() -> None:
    buffer = BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.rect(72, 500, 300, 200, fill=1)  # a scan: a picture, no text
    canvas.showPage()
    canvas.save()
    draft = read_draft("scan.pdf", buffer.getvalue(), today=TODAY)
    assert draft.description == ""
    assert "keine Textebene" in draft.problems["description"]
    assert len(draft.attachments) == 1


def test_a_long_letter_proposes_its_beginning() -> None:
    buffer = BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for page in range(8):
        for line in range(60):
            canvas.drawString(40, 800 - line * 12, f"Seite {page + 1} Zeile {line + 1}: " + "Text " * 14)
        canvas.showPage()
    canvas.save()
    draft = read_draft("lang.pdf", buffer.getvalue(), today=TODAY)
    assert draft.description.startswith("Seite 1 Zeile 1:")
    assert "Seite 6" not in draft.description  # the first five pages at most
    assert len(draft.description) <= MAX_DESCRIPTION
    assert "Anfang des Briefes" in draft.problems["description"]


def test_a_damaged_pdf_is_refused_in_german() -> None:
    with pytest.raises(ValidationError, match="lässt sich nicht als PDF lesen"):
        read_draft("kaputt.pdf", b"%PDF-1.4\n kaputt", today=TODAY)
