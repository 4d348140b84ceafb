"""Reading an .eml file (any mail program) into a case draft, with Python's `email` package (policy `default`).

Sender, date and subject come from the headers (RFC 2047 decoded); the text is the text/plain body, else the
text/html body made readable. A mail a colleague forwarded from one of the office's own addresses is read by its
original (a message/rfc822 part or an attached .eml): the customer is that mail's sender. Broken mails give a
draft with their problems marked, never a traceback: whatever header or part cannot be read is left empty.
"""

from __future__ import annotations

import email.policy
import mimetypes
from collections.abc import Iterator
from datetime import date, datetime
from email.message import EmailMessage, Message
from email.parser import BytesParser
from typing import Any

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.mail.draft import CaseDraft, DraftAttachment
from krm_desktop.model.exchange.mail.draft_attachments import Proposal, mail_file_name
from krm_desktop.model.exchange.mail.draft_fields import forwarded_text, mail_fields_problems, own_address_problem
from krm_desktop.model.exchange.mail.mail_date import received_day
from krm_desktop.model.exchange.mail.mail_text import body_text, part_text
from krm_desktop.model.exchange.mail.plain_text import MAX_NAME, MAX_SUBJECT, clean_line

# Any one of these makes a file a mail; a binary file or plain text parsed as a mail has none of them.
_MAIL_HEADERS = ("from", "date", "subject", "message-id", "mime-version", "to", "received", "return-path")
_NOT_A_MAIL = (
    "„{name}“ ist keine E-Mail: es fehlen Absender, Datum und Betreff. Bitte eine im E-Mail-Programm "
    "gespeicherte Nachricht (.eml oder .msg) oder einen Scan als PDF wählen."
)


def parse_mail(data: bytes) -> EmailMessage:
    message = BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)  # policy default makes EmailMessage objects
    return message


def is_mail(message: Message) -> bool:
    return any(key.lower() in _MAIL_HEADERS for key in message)


def header_text(message: Message, name: str) -> str:
    """A header decoded (RFC 2047); "" when missing or unreadable."""
    try:
        value = message.get(name)
        return "" if value is None else str(value)
    except Exception:  # a malformed header can trip the parser of any header class; the value is then unknown
        return ""


def sender(message: Message) -> tuple[str, str]:
    """(display name, address) of From; ("", "") when there is none or it cannot be read."""
    try:
        header: Any = message.get("From")
        addresses = tuple(getattr(header, "addresses", ()))
    except Exception:  # see header_text
        return "", ""
    if not addresses:
        return "", ""
    first = addresses[0]
    return clean_line(first.display_name or "", limit=MAX_NAME), clean_line(first.addr_spec or "", limit=200)


def sent_at(message: Message) -> datetime | None:
    try:
        header: Any = message.get("Date")
        moment = getattr(header, "datetime", None)
    except Exception:  # see header_text
        return None
    return moment if isinstance(moment, datetime) else None


def _leaves(part: Message, *, in_related: bool = False) -> Iterator[tuple[Message, bool]]:
    """(part, inside a multipart/related) of the parts that are files, in order; an attached mail is one file."""
    content_type = part.get_content_type()
    if content_type == "message/rfc822":
        yield part, in_related
        return
    if part.is_multipart():
        for sub in part.get_payload():
            if isinstance(sub, Message):
                yield from _leaves(sub, in_related=in_related or content_type == "multipart/related")
        return
    yield part, in_related


def _is_picture_in_text(part: Message, in_related: bool) -> bool:
    """A logo or picture shown inside the HTML text (cid:): part of the mail, which is kept whole, no attachment."""
    return in_related and bool(part.get("Content-ID")) and part.get_content_disposition() != "attachment"


def _is_body_text(part: Message) -> bool:
    """A text or HTML part without a file name: the mail's text (or its other alternative), no attachment."""
    return (
        part.get_content_type() in ("text/plain", "text/html")
        and part.get_content_disposition() != "attachment"
        and not part.get_filename()
    )


def _attached_mail(part: Message) -> EmailMessage | None:
    """The mail inside a message/rfc822 part or an attached .eml file."""
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        return inner if isinstance(inner, EmailMessage) else None
    name = (part.get_filename() or "").lower()
    if name.endswith(".eml"):
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload:
            inner = parse_mail(payload)
            return inner if is_mail(inner) else None
    return None


def _file_of(part: Message, number: int) -> tuple[str, bytes]:
    inner = _attached_mail(part) if part.get_content_type() == "message/rfc822" else None
    if inner is not None:
        try:
            data = inner.as_bytes()
        except Exception:  # a broken inner mail cannot be written out again; its raw text is kept
            data = str(part.get_payload()).encode("utf-8", "replace")
        return mail_file_name(clean_line(header_text(inner, "Subject"), limit=MAX_SUBJECT), ".eml"), data
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    name = part.get_filename() or ""
    if not name:
        name = f"Anlage {number}{mimetypes.guess_extension(part.get_content_type()) or ''}"
    return name, data


def _offer_files(message: Message, proposal: Proposal, body: Message | None) -> None:
    number = 0
    for part, in_related in _leaves(message):
        if part is body or _is_body_text(part) or part.get_content_maintype() == "multipart":
            continue  # the text (or a broken multipart's undivided rest) is the description, no file
        if _is_picture_in_text(part, in_related):
            continue
        number += 1
        name, data = _file_of(part, number)
        proposal.offer(name, data)


def _original(message: EmailMessage) -> EmailMessage | None:
    for part, _ in _leaves(message):
        if part is not message:
            inner = _attached_mail(part)
            if inner is not None:
                return inner
    return None


def read_eml(file_name: str, data: bytes, *, today: date, own_addresses: frozenset[str]) -> CaseDraft:
    message = parse_mail(data.removeprefix(b"\xef\xbb\xbf"))  # a byte order mark some Windows tools write first
    if not is_mail(message):
        raise ValidationError({"file": _NOT_A_MAIL.format(name=file_name)})
    problems: dict[str, str] = {}
    name, address = sender(message)
    subject = clean_line(header_text(message, "Subject"), limit=MAX_SUBJECT)
    body, text = body_text(message)
    moment = sent_at(message)
    original = _original(message) if address.lower() in own_addresses else None
    if original is not None:
        name, address = sender(original)
        moment = sent_at(original)
        subject = clean_line(header_text(original, "Subject"), limit=MAX_SUBJECT) or subject
        text = forwarded_text(text, body_text(original)[1])
    elif address.lower() in own_addresses:
        problems["person"] = own_address_problem(address)
        name, address = "", ""
    received, date_problem = received_day(moment, today=today)
    if date_problem:
        problems["received"] = date_problem
    if message.defects and message.get_content_maintype() == "multipart" and not message.is_multipart():
        problems["description"] = (
            "Der Aufbau der E-Mail ist beschädigt (die Grenzen zwischen ihren Teilen fehlen); der Text wurde "
            "ungetrennt übernommen, Anlagen ließen sich nicht herauslösen. Die E-Mail selbst ist als Anlage dabei."
        )
        text = part_text(message)
    problems, description = mail_fields_problems(problems, name=name, address=address, subject=subject, text=text)
    proposal = Proposal()
    proposal.offer(mail_file_name(header_text(message, "Subject"), ".eml"), data)
    _offer_files(message, proposal, body)
    if original is not None:
        _offer_files(original, proposal, body_text(original)[0])
    return CaseDraft(
        channel="email",
        received=received,
        person_name=name,
        person_email=address,
        subject=subject,
        description=description,
        attachments=tuple(DraftAttachment(*item) for item in proposal.accepted),
        refused=proposal.refusals(),
        problems=problems,
    )
