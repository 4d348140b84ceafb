"""Reading .eml mails built by the `email` package: sender, day in Europe/Berlin, subject, text, attachments."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.exchange.mail import read_draft
from krm_desktop.model.exchange.mail.draft_fields import FORWARD_MARK
from tests.model.exchange.mail.mail_data import OWN, TODAY, as_bytes, forwarded, mail, pdf_bytes


def test_a_plain_mail_proposes_sender_day_subject_text_and_the_mail_itself() -> None:
    message = mail()
    message.add_attachment(pdf_bytes(), maintype="application", subtype="pdf", filename="Bescheid.pdf")
    data = as_bytes(message)
    draft = read_draft("beschwerde.eml", data, today=TODAY)
    assert draft.channel == "email"
    assert draft.received == date(2026, 11, 19)
    assert (draft.person_name, draft.person_email) == ("Jürgen Müller", "j.mueller@example.org")
    assert draft.subject == "Beschwerde über die Bearbeitungsdauer"
    assert draft.description == "Sehr geehrte Damen und Herren,\n\nich warte seit acht Wochen auf meinen Bescheid."
    assert [(a.name, a.mime) for a in draft.attachments] == [
        ("Beschwerde über die Bearbeitungsdauer.eml", "message/rfc822"),
        ("Bescheid.pdf", "application/pdf"),
    ]
    assert draft.attachments[0].data == data
    assert draft.attachments[1].data == pdf_bytes()
    assert draft.problems == {} and draft.refused == ()


def test_a_mail_sent_at_23_30_utc_on_31_may_was_received_on_1_june() -> None:
    draft = read_draft("m.eml", as_bytes(mail(date="Sun, 31 May 2026 23:30:00 +0000")), today=TODAY)
    assert draft.received == date(2026, 6, 1)


def test_winter_time_and_a_date_without_zone() -> None:
    # 23:30 UTC in January is 00:30 in Berlin (UTC+1); "-0000" (zone unknown) is read as UTC.
    assert read_draft("m.eml", as_bytes(mail(date="Sat, 31 Jan 2026 23:30:00 -0000")), today=TODAY).received == date(
        2026, 2, 1
    )
    assert read_draft("m.eml", as_bytes(mail(date="Sat, 31 Jan 2026 22:59:00 +0000")), today=TODAY).received == date(
        2026, 1, 31
    )


def test_encoded_subject_and_sender_name_are_decoded() -> None:
    raw = (
        b"From: =?iso-8859-1?q?J=FCrgen_M=FCller?= <jm@example.org>\r\n"
        b"Subject: =?utf-8?b?QmVzY2h3ZXJkZTogR2Vrw7xyenRlIExlaXN0dW5nZW4=?=\r\n"
        b"Date: Thu, 19 Nov 2026 10:00:00 +0100\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nText\r\n"
    )
    draft = read_draft("m.eml", raw, today=TODAY)
    assert draft.person_name == "Jürgen Müller"
    assert draft.subject == "Beschwerde: Gekürzte Leistungen"


def test_an_html_only_mail_becomes_readable_text() -> None:
    message = mail(text=None)
    message.set_content(
        "<html><head><style>p {color: red}</style><title>x</title></head><body>"
        "<p>Sehr geehrte Damen &amp; Herren,</p><p>ich bin&nbsp;unzufrieden:<br>"
        "<ul><li>kein R&uuml;ckruf</li><li>kein Bescheid</li></ul></p>"
        "<div>Gr&#252;&szlig;e<br/>J. M&uuml;ller</div><script>alert(1)</script></body></html>",
        subtype="html",
    )
    draft = read_draft("m.eml", as_bytes(message), today=TODAY)
    assert "<" not in draft.description and "&" not in draft.description.replace("Damen & Herren", "")
    assert "color" not in draft.description and "alert" not in draft.description
    lines = [line for line in draft.description.split("\n") if line]
    assert lines == [
        "Sehr geehrte Damen & Herren,",
        "ich bin\u00a0unzufrieden:".replace("\u00a0", " "),
        "- kein Rückruf",
        "- kein Bescheid",
        "Grüße",
        "J. Müller",
    ]


def test_text_plain_is_preferred_over_html() -> None:
    message = mail(text="Der reine Text.")
    message.add_alternative("<p>Die <b>HTML</b>-Fassung.</p>", subtype="html")
    assert read_draft("m.eml", as_bytes(message), today=TODAY).description == "Der reine Text."


def test_quoted_replies_signatures_and_winmail_dat_are_kept_as_they_are() -> None:
    text = (
        "Ich widerspreche.\n\n-- \nJürgen Müller\nMusterweg 1\n\n> Am 10.11.2026 schrieb das Jobcenter:\n> Ihr Antrag"
    )
    message = mail(text=text)
    message.add_attachment(
        b"\x78\x9f\x3e\x22" + b"TNEF" * 50, maintype="application", subtype="ms-tnef", filename="winmail.dat"
    )
    draft = read_draft("m.eml", as_bytes(message), today=TODAY)
    assert draft.description == text
    assert [a.name for a in draft.attachments][1:] == ["winmail.dat"]


def test_a_mail_forwarded_from_an_own_address_is_read_by_its_original() -> None:
    original = mail(
        sender="Erika Beispiel <erika@example.net>",
        date="Mon, 16 Nov 2026 08:00:00 +0100",
        subject="Beschwerde",
        text="Mein Anliegen.",
    )
    original.add_attachment(pdf_bytes(), maintype="application", subtype="pdf", filename="Scan.pdf")
    outer = forwarded(original)
    draft = read_draft("wg.eml", as_bytes(outer), today=TODAY, own_addresses=[OWN.upper()])
    assert (draft.person_name, draft.person_email) == ("Erika Beispiel", "erika@example.net")
    assert draft.received == date(2026, 11, 16)
    assert draft.subject == "Beschwerde"
    assert draft.description == f"Zur Bearbeitung, danke.\n\n{FORWARD_MARK}\nMein Anliegen."
    assert [a.name for a in draft.attachments] == ["WG_ Beschwerde.eml", "Beschwerde.eml", "Scan.pdf"]
    assert draft.problems == {}


def test_without_the_own_address_setting_the_forwarding_colleague_is_the_sender() -> None:
    outer = forwarded(mail(sender="Erika Beispiel <erika@example.net>"))
    draft = read_draft("wg.eml", as_bytes(outer), today=TODAY)
    assert draft.person_email == OWN
    assert draft.description == "Zur Bearbeitung, danke."


def test_an_original_attached_as_an_eml_file_counts_too() -> None:
    original = mail(sender="Erika Beispiel <erika@example.net>", subject="Lob", text="Danke!")
    outer = mail(sender=f"Büro GF <{OWN}>", subject="WG: Lob", text="")
    outer.add_attachment(as_bytes(original), maintype="application", subtype="octet-stream", filename="Lob.eml")
    draft = read_draft("wg.eml", as_bytes(outer), today=TODAY, own_addresses=[OWN])
    assert draft.person_email == "erika@example.net"
    assert draft.description == "Danke!"


def test_forwarded_inline_from_an_own_address_leaves_the_person_empty_and_says_why() -> None:
    outer = mail(sender=f"Büro GF <{OWN}>", subject="WG: Beschwerde", text="-----Original-----\nVon: erika@...")
    draft = read_draft("wg.eml", as_bytes(outer), today=TODAY, own_addresses=[OWN])
    assert (draft.person_name, draft.person_email) == ("", "")
    assert "eigenen Adresse" in draft.problems["person"]


def test_the_same_name_twice_gets_a_number_and_the_very_same_file_is_kept_once() -> None:
    message = mail()
    for content in (b"eins", b"zwei", b"zwei"):
        message.add_attachment(content, maintype="text", subtype="plain", filename="Notiz.txt")
    draft = read_draft("m.eml", as_bytes(message), today=TODAY)
    assert [(a.name, a.data) for a in draft.attachments[1:]] == [("Notiz.txt", b"eins"), ("Notiz (2).txt", b"zwei")]


def test_attachment_names_are_made_safe_for_windows() -> None:
    message = mail(subject="Anfrage: Termin?")
    message.add_attachment(b"x", maintype="application", subtype="pdf", filename="..\\..\\CON.pdf")
    draft = read_draft("m.eml", as_bytes(message), today=TODAY)
    assert [a.name for a in draft.attachments] == ["Anfrage_ Termin_.eml", "_CON.pdf"]


def test_a_logo_inside_the_html_text_is_no_attachment_but_an_attached_picture_is() -> None:
    message = mail(text="Text mit Logo")
    message.add_alternative('<p>Text mit Logo <img src="cid:logo@x"></p>', subtype="html")
    message.get_payload()[1].add_related(b"\x89PNG logo", maintype="image", subtype="png", cid="<logo@x>")
    message.add_attachment(b"\x89PNG foto", maintype="image", subtype="png", filename="Foto.png")
    draft = read_draft("m.eml", as_bytes(message), today=TODAY)
    assert draft.description == "Text mit Logo"
    assert [a.name for a in draft.attachments][1:] == ["Foto.png"]


OUTLOOK_HTML = """<html><head><!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings>
</xml><![endif]--><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang="DE"><div class="WordSection1">
<p class="MsoNormal">Sehr geehrte Damen und Herren,<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">seit dem 1.&nbsp;Oktober warte ich. Das ist &lt;unzumutbar&gt;!<o:p></o:p></p>
<table><tr><td>Kunden-Nr.</td><td>962D123456</td></tr></table>
<p class="MsoNormal">Mit freundlichen Gr&uuml;&szlig;en<br>Erika Beispiel<o:p></o:p></p></div></body></html>"""


def test_an_html_mail_as_outlook_writes_it() -> None:
    message = mail(text=None)
    message.set_content(OUTLOOK_HTML, subtype="html")
    draft = read_draft("m.eml", as_bytes(message), today=TODAY)
    assert draft.description == (
        "Sehr geehrte Damen und Herren,\n\nseit dem 1. Oktober warte ich. Das ist <unzumutbar>!\n\n"
        "Kunden-Nr.\t962D123456\n\nMit freundlichen Grüßen\nErika Beispiel"
    )


def test_an_mbox_from_line_lf_line_ends_and_a_byte_order_mark_are_read() -> None:
    data = as_bytes(mail())
    for variant in (b"From j.mueller@example.org Thu Nov 19 09:15:00 2026\n" + data, data.replace(b"\r\n", b"\n")):
        assert read_draft("m.eml", variant, today=TODAY).person_email == "j.mueller@example.org"
    draft = read_draft("m.eml", b"\xef\xbb\xbf" + data, today=TODAY)
    assert (draft.person_email, draft.received) == ("j.mueller@example.org", date(2026, 11, 19))
    assert draft.attachments[0].data == b"\xef\xbb\xbf" + data  # the file as it was saved
