"""The text of a mail: its text/plain body, else its text/html body made readable; an unknown or wrong charset
is decoded with replacement characters rather than refused."""

from __future__ import annotations

from email.message import EmailMessage, Message

from krm_desktop.model.exchange.mail.plain_text import html_to_text


def _decoded(payload: bytes, charset: str | None) -> str:
    if charset and charset.lower() not in ("us-ascii", "ascii"):
        try:
            return payload.decode(charset, errors="replace")
        except (LookupError, ValueError):  # a charset Python does not know or cannot use for text: as below
            pass
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:  # 8-bit text without (a known) charset: mostly Windows-1252 in German mail
        return payload.decode("cp1252", errors="replace")


def part_text(part: Message) -> str:
    """The text of one part, decoded; an HTML part made readable."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        payload = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    try:
        charset = part.get_content_charset()
    except Exception:  # a malformed Content-Type parameter
        charset = None
    text = _decoded(payload, charset)
    return html_to_text(text) if part.get_content_subtype() == "html" else text


def body_text(message: EmailMessage) -> tuple[Message | None, str]:
    """(the body part, its text): text/plain preferred, else text/html; (None, "") for a mail without text."""
    try:
        body = message.get_body(preferencelist=("plain",)) or message.get_body(preferencelist=("html",))
    except Exception:  # a broken structure: no body is found, the caller marks it
        body = None
    if body is None:
        return None, ""
    return body, part_text(body)
