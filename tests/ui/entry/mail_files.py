"""Real mails for the drop tests, written by Python's `email` package into the test's folder, and the steps of
dropping files onto a widget (a real QDropEvent carrying the files' URLs, as a file manager or mail program sends)."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

TEXT = "Sehr geehrte Damen und Herren,\n\nmein Antrag ist seit sechs Wochen unbearbeitet.\n\nErika Mustermann"
SENT = datetime(2026, 11, 18, 23, 30, tzinfo=UTC)  # 19.11.2026 in Berlin
PDF = b"%PDF-1.4\n% a scanned page\n" + b"0" * 2000 + b"\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0" + b"1" * 3000


def mail(
    *,
    sender: str = "Erika Mustermann <erika.mustermann@example.org>",
    to: str = "krm@jobcenter-luebeck.de",
    subject: str = "Beschwerde über die Bearbeitungsdauer",
    text: str = TEXT,
    sent: datetime | None = SENT,
    files: tuple[tuple[str, bytes, str, str], ...] = (),
) -> EmailMessage:
    message = EmailMessage(policy=default)
    if sender:
        message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    if sent is not None:
        message["Date"] = format_datetime(sent)
    message.set_content(text)
    for name, data, maintype, subtype in files:
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message


def with_files(**values) -> EmailMessage:
    """A mail with a scanned PDF and a photo attached."""
    return mail(files=(("Bescheid.pdf", PDF, "application", "pdf"), ("Foto.jpg", JPEG, "image", "jpeg")), **values)


def forwarded(original: EmailMessage, colleague: str = "Büro GF <gf@jobcenter-luebeck.de>") -> EmailMessage:
    """`original` forwarded as a message/rfc822 attachment by a colleague, today."""
    outer = mail(sender=colleague, subject=f"WG: {original['Subject']}", text="Zur Erfassung im KRM.",
                 sent=datetime(2026, 11, 20, 8, 0, tzinfo=UTC))  # fmt: skip
    outer.add_attachment(original)
    return outer


def write(folder: Path, name: str, message: EmailMessage | bytes) -> Path:
    path = folder / name
    path.write_bytes(message if isinstance(message, bytes) else message.as_bytes(policy=default))
    return path


def drop(target: QWidget, paths: list[Path]) -> bool:
    """Drag the files over `target` and drop them; True when the drag was accepted."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    at = QPoint(target.width() // 2, target.height() // 2)
    enter = QDragEnterEvent(
        at, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(target, dropped)
    return dropped.isAccepted()
