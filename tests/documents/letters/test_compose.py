"""Every document: what it says, to whom, who signs; refusals before anything is printed."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image

from krm_desktop.documents.letters.compose import compose, letter_for_case, render
from krm_desktop.documents.letters.facts import case_facts, office_facts
from krm_desktop.documents.page.din5008 import Letterhead
from krm_desktop.model.cases import dab as dab_services
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.letters import DOC_TYPES, block, save_block
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.office.settings import letterhead, letterhead_logo, save_letterhead_logo
from krm_desktop.model.store.entities import Staff, Statement
from tests import factories as f
from tests.documents.pdf_tools import image_count, png_bytes, squeezed, text


def petition(office, **extra):
    case = f.register(
        kind="petition",
        via="petitionsausschuss",
        team_id=office.team.id,
        person=f.person("Max Mustermann", salutation="herr"),
        requesting_body="Petitionsausschuss des Deutschen Bundestages",
        requesting_ref="Pet 4-21-11-8150-012345",
        body_street="Platz der Republik 1",
        body_postcode="11011",
        body_city="Berlin",
        **extra,
    )
    Statement.create(
        case=case,
        author="Thomas Lehmann",
        author_role="TL",
        received_on=f.TODAY,
        text="Der Antrag wurde am 18.11.2026 beschieden; die Leistungen sind angewiesen.",
    )
    return case


def with_interim(case):
    return f.act(
        cases.send_interim,
        case,
        sent_on=f.TODAY,
        reason="Die Stellungnahme des Fachbereichs liegt noch nicht vor.",
        expected=date(2026, 12, 4),
    )


def decided_dab(office, decider=None):
    case = f.register(kind="dienstaufsichtsbeschwerde", team_id=office.team.id, employee_concerned="Herr Tom Weber")
    return f.act(
        dab_services.decide_dab,
        case,
        decision="Ein persönliches Fehlverhalten von Herrn Weber ist nicht festzustellen.",
        decided_by=(decider or office.gf).id,
        decided_on=date(2026, 11, 16),
    )


def make(office, doc_type: str):
    if doc_type in ("stellungnahme", "verfuegungsblatt"):
        return petition(office)
    if doc_type == "entscheidung-dab":
        return decided_dab(office)
    case = f.register(team_id=office.team.id)
    return with_interim(case) if doc_type == "zwischennachricht" else case


EXPECTED = {
    "eingangsbestaetigung": ["vielen Dank für Ihr Schreiben vom 02.11.2026", "Thomas Lehmann (Teamleitung", "bis zum 16.11.2026"],
    "eingang-tl": ["Ich habe die Bearbeitung selbst übernommen", "Team 411 Leistungsgewährung"],
    "zwischennachricht": ["Der Grund: Die Stellungnahme des Fachbereichs liegt noch nicht vor.", "bis zum 04.12.2026"],
    "antwort": ["Wir haben Ihr Anliegen geprüft", "Wir hoffen, dass wir Ihr Anliegen damit klären konnten"],
    "entscheidung-dab": ["Ihre Dienstaufsichtsbeschwerde vom 02.11.2026",
                         "Die Entscheidung der Geschäftsführung (Dr. Gabriele Fuchs) vom 16.11.2026 lautet:",
                         "Ein persönliches Fehlverhalten von Herrn Weber ist nicht festzustellen."],
    "stellungnahme": ["Sie haben uns die Petition von Herrn Max Mustermann", "die Leistungen sind angewiesen"],
    "verfuegungsblatt": ["Verfügung der Geschäftsführung", "Bearbeitung durch", "Erledigung bis", "Schlusszeichnung",
                         "Eingangsbestätigung durch KRM"],
    "verzicht": ["Verzicht auf eine schriftliche Antwort", "Ich verzichte deshalb auf eine schriftliche Antwort"],
    "aktenvermerk": ["Aktenvermerk", "mündlich besprochen und geklärt", "Inhalt und Ergebnis des Gesprächs"],
    "vermerk-everbis": ["Vermerk für die E-Akte/VerBIS", "Leistungsrechtlich oder für die Vermittlung relevante Angaben",
                        "ausschließlich im KRM abgelegt", "Verfasst von Petra Krause"],
}  # fmt: skip


@pytest.mark.parametrize("doc_type", list(DOC_TYPES))
def test_every_document_is_filled_completely(office, doc_type: str) -> None:
    case = make(office, doc_type)
    draft, rendered = letter_for_case(case.id, doc_type, f.TODAY, author="Petra Krause", invariant=True)
    content = text(rendered.pdf)
    assert rendered.pdf.startswith(b"%PDF-") and rendered.pages == 1
    assert "{" not in content and "}" not in content  # every placeholder filled
    assert "bitte ergänzen" not in content and draft.missing == []
    for phrase in EXPECTED[doc_type]:
        assert squeezed(phrase) in squeezed(content), phrase
    assert case.ref in content


@pytest.mark.parametrize("doc_type", list(DOC_TYPES))
def test_invariant_pdfs_are_byte_stable(office, doc_type: str) -> None:
    case = make(office, doc_type)
    first = letter_for_case(case.id, doc_type, f.TODAY, invariant=True)[1].pdf
    second = letter_for_case(case.id, doc_type, f.TODAY, invariant=True)[1].pdf
    assert first == second


@pytest.mark.parametrize(
    ("salutation", "role", "name", "expected"),
    [
        ("frau", "kunde", "Erika Mustermann", "Sehr geehrte Frau Mustermann,"),
        ("herr", "kunde", "Dr. Hans-Peter von der Heide", "Sehr geehrter Herr Dr. von der Heide,"),
        ("divers", "kunde", "Alex Beispiel", "Guten Tag Alex Beispiel,"),
        (None, "kunde", "Kim Muster", "Guten Tag Kim Muster,"),
        (None, "institution", "Erwerbslosenberatung e. V.", "Sehr geehrte Damen und Herren,"),
        (None, "behoerde", "Wohngeldstelle der Stadt", "Sehr geehrte Damen und Herren,"),
    ],
)
def test_gender_fair_salutation(office, salutation, role, name, expected) -> None:
    case = f.register(team_id=office.team.id, person=f.person(name, salutation=salutation, role=role))
    content = text(letter_for_case(case.id, "eingangsbestaetigung", f.TODAY, invariant=True)[1].pdf)
    assert expected in content


def test_a_representative_is_addressed_and_told_whom_they_represent(office) -> None:
    case = f.register(
        team_id=office.team.id,
        person=f.person("Rechtsanwältin Anna Schmidt", role="vertreter", street="Am Markt 3", customer_no="", bg_no=""),
        represented=f.person("Erika Mustermann"),
    )
    content = text(letter_for_case(case.id, "antwort", f.TODAY, invariant=True)[1].pdf)
    assert "Frau Rechtsanwältin Anna Schmidt" in content and "Am Markt 3" in content
    assert "Sehr geehrte Frau Schmidt," in content
    assert squeezed("Sie haben sich für Frau Erika Mustermann an uns gewandt") in squeezed(content)
    assert "123A456789" in content  # the represented customer's number in the information block
    lines = content.split("\n")
    assert lines.index("Sehr geehrte Frau Schmidt,") < next(i for i, s in enumerate(lines) if "vielen Dank" in s)


def test_signature_says_im_auftrag_except_for_the_geschaeftsfuehrung(office) -> None:
    case = f.register(team_id=office.team.id)
    ack = text(letter_for_case(case.id, "eingangsbestaetigung", f.TODAY, invariant=True)[1].pdf)
    assert "Mit freundlichen Grüßen\nIm Auftrag" in ack and "Petra Krause\nKundenreaktionsmanagement" in ack
    answer = text(letter_for_case(case.id, "antwort", f.TODAY, invariant=True)[1].pdf)
    assert "Im Auftrag" in answer and "Thomas Lehmann\nTeamleitung" in answer
    reserved = cases.reserve_sign_off(case.id, version=case.version, today=f.TODAY, user=f.USER)
    gf_answer = text(letter_for_case(reserved.id, "antwort", f.TODAY, invariant=True)[1].pdf)
    assert "Im Auftrag" not in gf_answer and "Dr. Gabriele Fuchs\nGeschäftsführung" in gf_answer


def test_stellungnahme_goes_to_the_requesting_body_for_gf_signature(office) -> None:
    case = petition(office)
    content = text(letter_for_case(case.id, "stellungnahme", f.TODAY, invariant=True)[1].pdf)
    assert "Petitionsausschuss des Deutschen" in content and "11011 Berlin" in content
    assert "Sehr geehrte Damen und Herren," in content
    assert "Ihr Zeichen" in content and "Pet 4-21-11-8150-012345" in content
    assert "Dr. Gabriele Fuchs\nGeschäftsführung" in content and "Im Auftrag" not in content
    assert "Breite Straße 12" not in content  # not to the petitioner


def test_stellungnahme_without_a_draft_is_refused_naming_what_is_missing(office) -> None:
    case = f.register(
        kind="eingabe",
        via="bmas",
        team_id=office.team.id,
        requesting_body="Bundesministerium für Arbeit und Soziales",
        body_street="Wilhelmstraße 49",
        body_postcode="10117",
        body_city="Berlin",
    )
    with pytest.raises(RefusedError, match="letzte Stellungnahme der Teamleitung"):
        letter_for_case(case.id, "stellungnahme", f.TODAY)


def test_dankschreiben_for_praise(office) -> None:
    case = f.register(kind="lob", team_id=office.team.id, subject="Dank für die freundliche Beratung")
    content = squeezed(text(letter_for_case(case.id, "antwort", f.TODAY, invariant=True)[1].pdf))
    assert squeezed("Ihr Lob vom 02.11.2026") in content
    assert squeezed("Über Ihre anerkennenden Worte haben wir uns sehr gefreut") in content
    assert squeezed("(Team 411 Leistungsgewährung)") in content
    assert squeezed("Ihre Kritik") not in content


def test_answer_text_follows_the_outcome(office) -> None:
    case = f.register(team_id=office.team.id)
    gf = office.gf
    closed = cases.close(
        case.id, version=case.version, closed_on=f.TODAY, today=f.TODAY, user=f.USER,
        outcomes={1: "begruendet"}, signed_by=office.tl.id, answer_sent=f.TODAY,
    )  # fmt: skip
    content = squeezed(text(letter_for_case(closed.id, "antwort", f.TODAY, invariant=True)[1].pdf))
    assert squeezed("wir entschuldigen uns dafür") in content
    assert gf.name not in content


def test_the_answer_names_who_signed_also_after_they_left(office) -> None:
    case = f.register(team_id=office.team.id)
    closed = f.close_answered(case, f.TODAY, office.tl.id, "begruendet")
    successor = Staff.create(name="Nina Vogt", role="TL", team=office.team)
    Staff.update(active=False).where(Staff.id == office.tl.id).execute()
    content = text(letter_for_case(closed.id, "antwort", f.TODAY, invariant=True)[1].pdf)
    assert "Thomas Lehmann\nTeamleitung" in content  # the signature stays who signed
    assert "0451 555-411" not in content  # a person who left is no contact any more: the office's number
    assert successor.name in content  # who handles the team's cases now answers questions


def test_waiver_form_has_nothing_of_the_letterhead(office) -> None:
    save_letterhead_logo(png_bytes(Image.new("RGB", (300, 100), (200, 30, 40))))
    case = f.register(team_id=office.team.id, channel="telefon")
    _, rendered = letter_for_case(case.id, "verzicht", f.TODAY, invariant=True)
    content = text(rendered.pdf)
    strings = Letterhead.from_settings(letterhead(), letterhead_logo()).strings()
    assert len(strings) >= 10
    for piece in strings:
        assert piece not in content, piece
    assert image_count(rendered.pdf) == 0
    assert "Erika Mustermann" in content and "Unterschrift (Erika Mustermann)" in content
    # the same office's letter does carry them, so the check above can fail
    letter = letter_for_case(case.id, "eingangsbestaetigung", f.TODAY, invariant=True)[1]
    assert all(piece in text(letter.pdf) for piece in ("Hafenkante 17", "0451 555-0")) and image_count(letter.pdf) == 1


def test_waiver_prints_recorded_reasons_instead_of_empty_lines(office) -> None:
    case = f.register(team_id=office.team.id, channel="telefon")
    case = cases.record_waiver(
        case.id, version=case.version, declared_on=f.TODAY, reasons="Im Telefonat vollständig geklärt.",
        today=f.TODAY, user=f.USER,
    )  # fmt: skip
    content = text(letter_for_case(case.id, "verzicht", f.TODAY, invariant=True)[1].pdf)
    assert "Meine Gründe dafür:\nIm Telefonat vollständig geklärt." in content


def test_routing_sheet_marks_the_reserved_sign_off(office) -> None:
    content = text(letter_for_case(petition(office).id, "verfuegungsblatt", f.TODAY, invariant=True)[1].pdf)
    assert "☒ Geschäftsführung (vorbehalten)" in content
    assert "Frist der Antwort" in content and "Petitionsausschuss" in content
    plain = text(letter_for_case(f.register(team_id=office.team.id).id, "verfuegungsblatt", f.TODAY)[1].pdf)
    assert "☐ Geschäftsführung (vorbehalten)" in plain


@pytest.mark.parametrize(
    ("doc_type", "overrides", "message"),
    [
        ("eingangsbestaetigung", {"person": None}, "ist anonym"),
        ("verzicht", {"person": None}, "ist anonym"),
        ("stellungnahme", {}, "nur zu Petitionen und Eingaben"),
        ("eingang-tl", {}, "keinem Team zugeordnet"),
        ("antwort", {"kind": "meinungskarte", "channel": "meinungskarte", "person": None}, "Meinungskarte"),
        ("aktenvermerk", {"kind": "meinungskarte", "channel": "meinungskarte", "person": None}, "Meinungskarte"),
    ],
)
def test_documents_that_do_not_apply_are_refused(office, doc_type, overrides, message) -> None:
    case = f.register(**overrides)
    with pytest.raises(RefusedError, match=message):
        letter_for_case(case.id, doc_type, f.TODAY)


def test_internal_documents_work_for_an_anonymous_case(office) -> None:
    case = f.register(person=None, team_id=office.team.id)
    content = text(letter_for_case(case.id, "aktenvermerk", f.TODAY, invariant=True)[1].pdf)
    assert "anonym" in content and "bitte ergänzen" not in content


def test_interim_notice_without_reason_is_refused_naming_the_gap(office) -> None:
    case = f.register(team_id=office.team.id)
    with pytest.raises(RefusedError, match="Grund der Verzögerung"):
        letter_for_case(case.id, "zwischennachricht", f.TODAY)
    draft = compose(case_facts(case.id), office_facts(), "zwischennachricht", f.TODAY)
    assert "zwischennachricht_grund" in draft.missing
    assert "[bitte ergänzen: Grund der Verzögerung" in draft.body  # visible, for the person to fill in
    draft.body = draft.body.replace("[bitte ergänzen: Grund der Verzögerung (Zwischennachricht)]", "Urlaub")
    draft.body = draft.body.replace("[bitte ergänzen: voraussichtliche Erledigung (Zwischennachricht)]", "04.12.")
    assert render(draft).pages == 1


def test_too_long_address_is_refused_before_printing(office) -> None:
    long_street = "Straße " + " ".join(["Verlängerte Hauptstraße im Gewerbegebiet Nord"] * 5)
    case = f.register(team_id=office.team.id, person=f.person("Erika Mustermann", street=long_street[:300]))
    with pytest.raises(RefusedError, match="Sichtfenster zu lang") as caught:
        compose(case_facts(case.id), office_facts(), "eingangsbestaetigung", f.TODAY)
    assert "höchstens 6" in caught.value.message
    word = f.register(team_id=office.team.id, person=f.person("Erika " + "Ü" * 60))
    with pytest.raises(RefusedError, match="zu lang für eine Zeile"):
        letter_for_case(word.id, "antwort", f.TODAY)


def test_e_mail_only_addressee_gets_a_postal_note(office) -> None:
    person = f.person("Erika Mustermann", street="", postcode="", city="", email="erika@example.org")
    case = f.register(team_id=office.team.id, channel="email", person=person)
    content = text(letter_for_case(case.id, "eingangsbestaetigung", f.TODAY, invariant=True)[1].pdf)
    assert "Versand per E-Mail" in content and "erika@example.org" in content
    nothing = f.register(team_id=office.team.id, person=f.person("Erika Mustermann", street="", postcode="", city=""))
    with pytest.raises(RefusedError, match="keine Anschrift"):
        letter_for_case(nothing.id, "eingangsbestaetigung", f.TODAY)


def test_edited_text_blocks_are_used(office) -> None:
    current = block("eingangsbestaetigung.text")
    save_block(
        "eingangsbestaetigung.text",
        title=current.title,
        body="{anrede}\n\nIhr Anliegen {aktenzeichen} ist da. Frist: {frist}.",
        version=current.version,
    )
    case = f.register(team_id=office.team.id)
    content = text(letter_for_case(case.id, "eingangsbestaetigung", f.TODAY, invariant=True)[1].pdf)
    assert f"Ihr Anliegen {case.ref} ist da. Frist: 16.11.2026." in content


def test_a_past_deadline_in_an_acknowledgement_is_pointed_out(office) -> None:
    case = f.register(team_id=office.team.id)
    draft, _ = letter_for_case(case.id, "eingangsbestaetigung", f.TODAY)
    assert any("16.11.2026" in w for w in draft.warnings)
    draft, _ = letter_for_case(case.id, "eingangsbestaetigung", date(2026, 11, 3))
    assert draft.warnings == []


@pytest.mark.parametrize(
    ("changes", "label", "shown"),
    [
        ({"name": "王秀英"}, "Name", "U+738B"),
        ({"name": "Erika Mustermann 😀"}, "Name", "U+1F600"),
        ({"street": "شارع الملك 5"}, "Straße", "U+0634"),
        ({"city": "Lübeck \ufffd"}, "Ort", "U+FFFD"),
    ],
)
def test_an_address_the_font_cannot_show_is_refused_before_printing(office, changes, label, shown) -> None:
    case = f.register(team_id=office.team.id, person=f.person(**{"name": "Erika Mustermann", **changes}))
    with pytest.raises(RefusedError) as caught:
        letter_for_case(case.id, "eingangsbestaetigung", f.TODAY)
    message = caught.value.message
    assert f"„{label}“" in message and shown in message and "Anschrift" in message, message
    assert "lateinisch" in message


def test_subject_and_body_keep_the_visible_replacement(office) -> None:
    case = f.register(team_id=office.team.id, subject="Termin 漢字 verlegt")
    _draft, rendered = letter_for_case(case.id, "antwort", f.TODAY, invariant=True)
    assert rendered.replaced >= 2
    assert "\ufffd" in text(rendered.pdf)


def test_routing_sheet_names_the_teams_concerned_and_their_beitraege(office) -> None:
    from krm_desktop.model.cases.contribution_service import record_team_contribution
    from krm_desktop.model.cases.intake import ConcernInput

    other = f.team("Team 412 Markt", "Bereich 41")
    case = f.register(
        team_id=office.team.id, concerns=[ConcernInput("beschwerde"), ConcernInput("idee", team_id=other.id)]
    )
    f.act(
        record_team_contribution,
        case,
        team_id=other.id,
        author="Mia Roth",
        author_role="TL",
        received_on=date(2026, 11, 10),
        text="Die Auskunft wurde schriftlich ergänzt.",
    )
    content = squeezed(text(letter_for_case(case.id, "verfuegungsblatt", f.TODAY, invariant=True)[1].pdf))
    assert squeezed(f"{office.team.name}, Team 412 Markt – Federführung bei der Geschäftsführung") in content
    assert squeezed("Team 412 Markt: eingegangen am 10.11.2026 (Mia Roth)") in content
    assert squeezed(f"{office.team.name}: ausstehend") in content
    assert "☒ Geschäftsführung (vorbehalten)" in text(letter_for_case(case.id, "verfuegungsblatt", f.TODAY)[1].pdf)
