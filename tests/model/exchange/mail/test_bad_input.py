"""Each bad input of issue 21: a German refusal of the file, or a draft with the missing fields marked; never a
traceback."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.mail import MAX_INPUT_BYTES, read_draft, read_draft_file
from krm_desktop.model.exchange.mail.draft_attachments import MAX_PROPOSED
from tests.model.exchange.mail.mail_data import TODAY, as_bytes, mail


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        read_draft(name, data, today=TODAY)
    assert list(caught.value.errors) == ["file"]
    return caught.value.errors["file"]


def test_a_binary_file_is_no_mail() -> None:
    assert "ist keine E-Mail" in refusal("bild.eml", bytes(range(256)) * 40)


def test_empty_text_and_plain_text_are_no_mail() -> None:
    assert "ist keine E-Mail" in refusal("leer.eml", b"  \r\n\r\n \n")
    assert "ist keine E-Mail" in refusal("notiz.eml", b"Hallo Welt: eine Notiz, keine Mail\n")


def test_zero_bytes() -> None:
    assert refusal("null.eml", b"") == "„null.eml“ ist leer (0 Byte). Bitte die E-Mail erneut speichern."


def test_a_file_of_100_mb_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "riesig.eml"
    with big.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: no 100 MB are written or read
    with pytest.raises(ValidationError) as caught:
        read_draft_file(big, today=TODAY)
    assert caught.value.errors["file"].startswith("„riesig.eml“ ist mit 100 MB zu groß")


def test_bytes_over_the_limit_are_refused_before_parsing() -> None:
    assert "zu groß" in refusal("gross.eml", b"From: a@b.de\r\n\r\n" + b"x" * MAX_INPUT_BYTES)


def test_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="ist ein Ordner"):
        read_draft_file(tmp_path, today=TODAY)
    with pytest.raises(ValidationError, match="gibt es nicht"):
        read_draft_file(tmp_path / "weg.eml", today=TODAY)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "gesperrt.eml"
    locked.write_bytes(as_bytes(mail()))
    locked.chmod(0)
    with pytest.raises(ValidationError, match="lässt sich nicht lesen"):
        read_draft_file(locked, today=TODAY)


def test_a_mail_without_from_marks_the_person() -> None:
    draft = read_draft("m.eml", as_bytes(mail(sender=None)), today=TODAY)
    assert (draft.person_name, draft.person_email) == ("", "")
    assert "keinen lesbaren Absender" in draft.problems["person"]
    assert draft.received is not None and "received" not in draft.problems


def test_a_mail_without_date_or_with_an_unreadable_one_marks_received() -> None:
    for date_header in (None, "gestern Nachmittag"):
        draft = read_draft("m.eml", as_bytes(mail(date=date_header)), today=TODAY)
        assert draft.received is None
        assert "kein lesbares Datum" in draft.problems["received"]


def test_a_date_in_the_future_is_marked_and_not_proposed() -> None:
    draft = read_draft("m.eml", as_bytes(mail(date="Sat, 21 Nov 2026 00:30:00 +0100")), today=TODAY)
    assert draft.received is None
    assert "21.11.2026" in draft.problems["received"] and "Zukunft" in draft.problems["received"]
    # 23:30 UTC on the 20th is already the 21st in Berlin: in the future too
    draft = read_draft("m.eml", as_bytes(mail(date="Fri, 20 Nov 2026 23:30:00 +0000")), today=TODAY)
    assert draft.received is None


def test_a_date_before_2000_is_marked() -> None:
    draft = read_draft("m.eml", as_bytes(mail(date="Thu, 01 Jan 1970 00:00:00 +0000")), today=TODAY)
    assert draft.received is None and "01.01.1970" in draft.problems["received"]


def test_a_sender_without_name() -> None:
    draft = read_draft("m.eml", as_bytes(mail(sender="j.mueller@example.org")), today=TODAY)
    assert (draft.person_name, draft.person_email) == ("", "j.mueller@example.org")
    assert "keinen Namen" in draft.problems["person"]


def test_a_sender_address_the_form_would_refuse_is_marked() -> None:
    draft = read_draft("m.eml", as_bytes(mail(sender="Server <root@localhost>")), today=TODAY)
    assert draft.person_email == "root@localhost"
    assert "„root@localhost“ ist unvollständig" in draft.problems["person"]


def test_no_subject_and_no_text_are_marked() -> None:
    draft = read_draft("m.eml", as_bytes(mail(subject=None, text=None)), today=TODAY)
    assert draft.subject == "" and draft.description == ""
    assert set(draft.problems) == {"subject", "description"}
    assert draft.attachments[0].name == "Nachricht.eml"


def test_a_mail_with_50_attachments_proposes_the_first_ones_and_says_how_many_were_left() -> None:
    message = mail()
    for number in range(1, 51):
        message.add_attachment(f"Seite {number}".encode(), maintype="text", subtype="plain", filename=f"{number}.txt")
    draft = read_draft("m.eml", as_bytes(message), today=TODAY)
    assert len(draft.attachments) == MAX_PROPOSED
    assert [a.name for a in draft.attachments[1:3]] == ["1.txt", "2.txt"]
    assert draft.refused == (
        f"{51 - MAX_PROPOSED} weitere Anlage(n) weggelassen: höchstens {MAX_PROPOSED} Dateien werden aus einer "
        "E-Mail übernommen. Bitte die übrigen bei Bedarf einzeln hinzufügen.",
    )


def test_an_attachment_of_30_mb_is_refused_with_its_size() -> None:
    message = mail()
    message.add_attachment(b"\0" * (30 * 1024 * 1024), maintype="application", subtype="pdf", filename="Scan.pdf")
    message.add_attachment(b"klein", maintype="text", subtype="plain", filename="notiz.txt")
    draft = read_draft("m.eml", as_bytes(message), today=TODAY)
    assert [a.name for a in draft.attachments] == ["notiz.txt"]  # the 40 MB mail itself is too large as well
    assert len(draft.refused) == 2
    assert re.match(r"„Beschwerde über die Bearbeitungsdauer.eml“ weggelassen: mit 4\d,\d MB zu groß", draft.refused[0])
    assert draft.refused[1].startswith("„Scan.pdf“ weggelassen: mit 30 MB zu groß (höchstens 20 MB je Anlage)")


def test_program_files_and_empty_files_are_refused_by_name() -> None:
    message = mail()
    message.add_attachment(b"MZ", maintype="application", subtype="octet-stream", filename="Rechnung.pdf.exe")
    message.add_attachment(b"", maintype="application", subtype="pdf", filename="leer.pdf")
    message.add_attachment(b"x", maintype="application", subtype="octet-stream", filename="link.LNK")
    draft = read_draft("m.eml", as_bytes(message), today=TODAY)
    assert len(draft.attachments) == 1
    assert draft.refused == (
        "„Rechnung.pdf.exe“ weggelassen: eine Programmdatei (.exe), die Windows beim Öffnen ausführen würde.",
        "„leer.pdf“ weggelassen: die Datei ist leer (0 Byte).",
        "„link.LNK“ weggelassen: eine Programmdatei (.lnk), die Windows beim Öffnen ausführen würde.",
    )


BROKEN = (
    b"From: Erika Beispiel <erika@example.net>\r\nSubject: Kaputt\r\nDate: Thu, 19 Nov 2026 10:00:00 +0100\r\n"
    b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="GRENZE"\r\n\r\n'
    b"--FALSCH\r\nContent-Type: text/plain\r\n\r\nMein Text.\r\n--FALSCH--\r\n"
)


def test_broken_mime_boundaries_give_the_undivided_text_and_say_so() -> None:
    draft = read_draft("m.eml", BROKEN, today=TODAY)
    assert draft.person_email == "erika@example.net" and draft.subject == "Kaputt"
    assert "Mein Text." in draft.description
    assert "beschädigt" in draft.problems["description"]
    assert [a.name for a in draft.attachments] == ["Kaputt.eml"]


def test_a_boundary_that_never_ends_still_reads() -> None:
    raw = BROKEN.replace(b"--FALSCH\r\n", b"--GRENZE\r\n").replace(b"--FALSCH--\r\n", b"")
    raw += b"--GRENZE\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\n"
    raw += b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0x!!!kaputt"
    draft = read_draft("m.eml", raw, today=TODAY)
    assert draft.description == "Mein Text."
    assert [a.name for a in draft.attachments] == ["Kaputt.eml", "a.pdf"]


def test_an_unknown_charset_is_decoded_with_replacement() -> None:
    raw = (
        b"From: =?x-klingonisch?q?Kl=FCngon?= <k@example.org>\r\nSubject: =?x-klingonisch?q?Gr=FC=DFe?=\r\n"
        b"Date: Thu, 19 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=x-klingonisch\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        b"Gr\xfc\xdfe aus Bayern\r\n"
    )
    draft = read_draft("m.eml", raw, today=TODAY)
    assert draft.description == "Grüße aus Bayern"  # not UTF-8: read as Windows-1252
    assert draft.person_email == "k@example.org"
    assert draft.subject.isprintable() and draft.person_name.isprintable()


def test_a_wrong_charset_declared_gives_replacement_characters() -> None:
    raw = as_bytes(mail(text="x")).replace(b"x\n", b"\xff\xfe kaputt\n").replace(b"\r\nx\r\n", b"\r\n\xff kaputt\r\n")
    raw = raw.replace(b'charset="utf-8"', b"charset=utf-8").replace(b"Content-Transfer-Encoding: 7bit", b"")
    draft = read_draft("m.eml", raw, today=TODAY)
    assert "kaputt" in draft.description


@pytest.mark.parametrize("charset", ["idna", "base64", "utf\x00-8", '""'])
def test_a_charset_that_is_no_text_encoding_is_read_as_unknown(charset: str) -> None:
    raw = (
        b"From: k@example.org\r\nSubject: Test\r\nDate: Thu, 19 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=" + charset.encode() + b"\r\n\r\nGr\xc3\xbc\xc3\x9fe\r\n"
    )
    assert read_draft("m.eml", raw, today=TODAY).description == "Grüße"


def test_parts_nested_too_deep_are_refused_in_german() -> None:
    depth = 1500
    head = b"From: a@b.de\r\nSubject: tief\r\nDate: Thu, 19 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
    nested = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(depth))
    closing = b"".join(b"--b%d--\r\n" % i for i in reversed(range(depth)))
    data = head + nested + b"Content-Type: text/plain\r\n\r\nText\r\n" + closing
    assert "zu tief ineinander verschachtelt" in refusal("tief.eml", data)
