"""Reading an Outlook .msg file into a case draft, with the `extract-msg` package (an optional part of the
installation: without it a .msg file is refused with a German message, .eml and PDF still work).

Outlook keeps sender, date, subject, the text (plain and HTML) and the attachments as properties of an OLE file;
a forwarded mail is an embedded .msg. The mail itself is stored as the first attachment (.msg), as Outlook saved it.
"""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parseaddr
from typing import Any

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.mail.draft import CaseDraft, DraftAttachment
from krm_desktop.model.exchange.mail.draft_attachments import Proposal, mail_file_name
from krm_desktop.model.exchange.mail.draft_fields import forwarded_text, mail_fields_problems, own_address_problem
from krm_desktop.model.exchange.mail.mail_date import received_day
from krm_desktop.model.exchange.mail.plain_text import MAX_NAME, MAX_SUBJECT, clean_line, html_to_text

NO_OUTLOOK = (
    "„{name}“ ist eine Outlook-Nachricht (.msg). Dieses Programm wurde ohne Outlook-Unterstützung installiert. "
    "Bitte die E-Mail als .eml-Datei speichern (im neuen Outlook und in Outlook im Web: „Herunterladen“) oder die "
    "IT bitten, KRM Desktop mit Outlook-Unterstützung (extract-msg) einzurichten."
)
UNREADABLE = (
    "„{name}“ lässt sich nicht als Outlook-Nachricht lesen (beschädigt oder verschlüsselt). Bitte die E-Mail in "
    "Outlook erneut speichern oder als .eml-Datei speichern (im neuen Outlook und in Outlook im Web: "
    "„Herunterladen“)."
)
NO_MAIL = (
    "„{name}“ ist ein Outlook-Element, aber keine E-Mail (etwa ein Termin, Kontakt oder eine Aufgabe). Bitte die "
    "E-Mail selbst aus Outlook speichern."
)


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value if isinstance(value, str) else ""


def _sender(item: Any) -> tuple[str, str]:
    raw = _text(item.sender)
    name, address = parseaddr(raw)
    if "@" not in address:  # within an Exchange organisation Outlook may keep only the sender's name
        return clean_line(raw, limit=MAX_NAME), ""
    return clean_line(name, limit=MAX_NAME), clean_line(address, limit=200)


def _body(item: Any) -> str:
    plain = _text(item.body)
    if plain.strip():
        return plain
    return html_to_text(_text(item.htmlBody))


def _moment(item: Any) -> datetime | None:
    moment = item.date
    return moment if isinstance(moment, datetime) else None


def _attachment_files(item: Any) -> list[tuple[str, bytes, Any]]:
    """(name, bytes, the embedded mail or None) of each attachment."""
    files: list[tuple[str, bytes, Any]] = []
    for number, attachment in enumerate(item.attachments, start=1):
        if getattr(attachment, "hidden", False):
            continue  # a picture shown inside the HTML text: part of the mail, which is kept whole
        data = attachment.data
        name = _text(attachment.getFilename()) or f"Anlage {number}"
        if isinstance(data, bytes):
            files.append((name, data, None))
        elif hasattr(data, "exportBytes"):  # an embedded Outlook item (a forwarded mail)
            subject = clean_line(_text(getattr(data, "subject", "")), limit=MAX_SUBJECT)
            files.append((mail_file_name(subject, ".msg"), data.exportBytes(), data))
    return files


def _read(item: Any, data: bytes, *, today: date, own_addresses: frozenset[str]) -> CaseDraft:
    problems: dict[str, str] = {}
    name, address = _sender(item)
    subject = outer_subject = clean_line(_text(item.subject), limit=MAX_SUBJECT)
    text = _body(item)
    moment = _moment(item)
    files = _attachment_files(item)
    original = next((inner for _, _, inner in files if inner is not None), None)
    if original is not None and address.lower() in own_addresses:
        name, address = _sender(original)
        moment = _moment(original)
        subject = clean_line(_text(original.subject), limit=MAX_SUBJECT) or subject
        text = forwarded_text(text, _body(original))
        files += [(file_name, file_data, None) for file_name, file_data, _ in _attachment_files(original)]
    elif address.lower() in own_addresses:
        problems["person"] = own_address_problem(address)
        name, address = "", ""
    received, date_problem = received_day(moment, today=today)
    if date_problem:
        problems["received"] = date_problem
    problems, description = mail_fields_problems(problems, name=name, address=address, subject=subject, text=text)
    proposal = Proposal()
    proposal.offer(mail_file_name(outer_subject, ".msg"), data)
    for file_name, file_data, _ in files:
        proposal.offer(file_name, file_data)
    return CaseDraft(
        channel="email",
        received=received,
        person_name=name,
        person_email=address,
        subject=subject,
        description=description,
        attachments=tuple(DraftAttachment(*entry) for entry in proposal.accepted),
        refused=proposal.refusals(),
        problems=problems,
    )


def read_msg(file_name: str, data: bytes, *, today: date, own_addresses: frozenset[str]) -> CaseDraft:
    try:
        import extract_msg
    except ImportError:
        raise ValidationError({"file": NO_OUTLOOK.format(name=file_name)}) from None
    try:
        item = extract_msg.openMsg(data)
    except Exception:  # the package raises many kinds for a broken or foreign OLE file; all mean "not readable"
        raise ValidationError({"file": UNREADABLE.format(name=file_name)}) from None
    try:
        if not _text(getattr(item, "classType", "")).lower().startswith("ipm.note"):  # a contact, task, date …
            raise ValidationError({"file": NO_MAIL.format(name=file_name)})
        return _read(item, data, today=today, own_addresses=own_addresses)
    except ValidationError:
        raise
    except Exception:  # a damaged property stream met while reading: the same refusal as above
        raise ValidationError({"file": UNREADABLE.format(name=file_name)}) from None
    finally:
        item.close()
