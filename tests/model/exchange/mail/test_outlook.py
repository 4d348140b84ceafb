"""Outlook .msg files (real ones, from Apache POI's test data: see samples/README.md) read with extract-msg."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.mail import read_draft
from tests.model.exchange.mail.mail_data import SAMPLES, TODAY

pytest.importorskip("extract_msg")


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def test_a_mail_with_an_embedded_mail_and_a_pdf() -> None:
    data = sample("attachment_msg_pdf.msg")
    draft = read_draft("attachment_msg_pdf.msg", data, today=TODAY)
    assert draft.channel == "email"
    assert (draft.person_name, draft.person_email) == ("Nick Booth", "nick.booth@pof.com.au")
    assert draft.received == date(2010, 6, 18)
    assert draft.subject == "test email"
    assert draft.description == "Test email with 1 msg attachment, 1 pdf"
    assert [(a.name, a.mime) for a in draft.attachments] == [
        ("test email.msg", "application/vnd.ms-outlook"),
        ("Test Attachment.msg", "application/vnd.ms-outlook"),
        ("smbprn.00009008.KdcPjl.pdf", "application/pdf"),
    ]
    assert draft.attachments[0].data == data
    assert draft.attachments[2].data.startswith(b"%PDF-")
    assert draft.problems == {}


def test_a_german_mail_without_sender_and_date_is_marked() -> None:
    draft = read_draft("de.msg", sample("ASCII_UTF-8_CP1252_LCID1031.msg"), today=TODAY)
    assert draft.subject == "Subject öäü Subject"
    assert draft.description == "Body öäü Body"
    assert draft.received is None
    assert set(draft.problems) == {"person", "received"}


def test_an_exchange_sender_without_address_gives_the_name_only() -> None:
    draft = read_draft("quick.msg", sample("quick.msg"), today=TODAY)
    assert (draft.person_name, draft.person_email) == ("Kevin Roast", "")
    assert "keinen lesbaren Absender" in draft.problems["person"]


def test_a_contact_is_no_mail() -> None:
    with pytest.raises(ValidationError, match="Outlook-Element, aber keine E-Mail"):
        read_draft("kontakt.msg", sample("msgClassContact.msg"), today=TODAY)


def test_a_damaged_msg_is_refused_in_german() -> None:
    damaged = sample("quick.msg")[:4096]
    with pytest.raises(ValidationError, match="lässt sich nicht als Outlook-Nachricht lesen"):
        read_draft("kaputt.msg", damaged, today=TODAY)
    with pytest.raises(ValidationError, match="lässt sich nicht als Outlook-Nachricht lesen"):
        read_draft("kaputt.msg", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600, today=TODAY)


def test_without_extract_msg_a_msg_file_gets_a_german_message() -> None:
    # A separate interpreter in which the package cannot be imported, as in an installation without the extra.
    script = (
        "import sys; sys.modules['extract_msg'] = None\n"
        "from datetime import date\n"
        "from krm_desktop.model.errors import ValidationError\n"
        "from krm_desktop.model.exchange.mail import read_draft\n"
        "try:\n"
        f"    read_draft('a.msg', open({str(SAMPLES / 'quick.msg')!r}, 'rb').read(), today=date(2026, 11, 20))\n"
        "except ValidationError as exc:\n"
        "    print(exc.errors['file'])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert "ohne Outlook-Unterstützung installiert" in out


def test_pictures_inside_the_text_are_no_attachments() -> None:
    draft = read_draft("bilder.msg", sample("attachment_msg_inlineImg.msg"), today=TODAY)
    assert [a.name for a in draft.attachments] == [f"{draft.subject}.msg"]
    assert draft.subject == "How to use and check database files from device"
    assert draft.person_name == "Angela Deng"


def test_a_msg_sent_from_an_own_address_is_read_by_the_embedded_original() -> None:
    own = ["Nick.Booth@pof.com.au"]
    draft = read_draft("wg.msg", sample("attachment_msg_pdf.msg"), today=TODAY, own_addresses=own)
    assert draft.subject == "Test Attachment"  # the embedded mail's
    assert draft.description == (
        "Test email with 1 msg attachment, 1 pdf\n\n----- Weitergeleitete Nachricht -----\nBlah blah blah"
    )


def test_a_msg_from_an_own_address_without_original_leaves_the_person_empty() -> None:
    embedded = read_draft("m.msg", sample("attachment_msg_pdf.msg"), today=TODAY).attachments[1].data
    inner = read_draft("inner.msg", embedded, today=TODAY)  # the embedded mail, as Outlook exports it
    assert inner.person_email and inner.problems.get("person") is None
    draft = read_draft("inner.msg", embedded, today=TODAY, own_addresses=[inner.person_email])
    assert (draft.person_name, draft.person_email) == ("", "")
    assert "eigenen Adresse" in draft.problems["person"]
