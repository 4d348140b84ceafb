"""Real mails built with Python's `email` package, as mail programs save them."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from tests.conftest import TODAY

SAMPLES = Path(__file__).parent / "samples"
OWN = "kundenreaktion@jobcenter.example.de"


def mail(
    *,
    sender: str | None = "Jürgen Müller <j.mueller@example.org>",
    subject: str | None = "Beschwerde über die Bearbeitungsdauer",
    date: str | None = "Thu, 19 Nov 2026 09:15:00 +0100",
    text: str | None = "Sehr geehrte Damen und Herren,\n\nich warte seit acht Wochen auf meinen Bescheid.\n",
) -> EmailMessage:
    message = EmailMessage()
    if sender is not None:
        message["From"] = sender
    message["To"] = OWN
    if subject is not None:
        message["Subject"] = subject
    if date is not None:
        message["Date"] = date
    message["Message-ID"] = "<1@example.org>"
    if text is not None:
        message.set_content(text)
    return message


def forwarded(original: EmailMessage, *, note: str = "Zur Bearbeitung, danke.", by: str = OWN) -> EmailMessage:
    outer = mail(sender=f"Büro GF <{by}>", subject=f"WG: {original['Subject']}", text=note)
    outer.add_attachment(original)  # message/rfc822, as Thunderbird and Outlook forward "als Anlage"
    return outer


def as_bytes(message: EmailMessage) -> bytes:
    return message.as_bytes(policy=SMTP)


def pdf_bytes(text: str = "Widerspruch gegen den Bescheid vom 3. November 2026") -> bytes:
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.drawString(72, 760, text)
    canvas.drawString(72, 740, "Mit freundlichen Grüßen, Erika Beispiel")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


__all__ = ["OWN", "SAMPLES", "TODAY", "as_bytes", "forwarded", "mail", "pdf_bytes"]
