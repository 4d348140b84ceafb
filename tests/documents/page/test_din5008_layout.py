"""DIN 5008 Form B geometry, read back from the PDF's text coordinates."""

from __future__ import annotations

import pytest
from reportlab.pdfgen.canvas import Canvas

from krm_desktop.documents.letters.compose import letter_for_case
from krm_desktop.documents.page import din5008
from krm_desktop.model.office.settings import save_letterhead_logo
from tests import factories as f
from tests.documents.pdf_tools import find, image_count, pages_text, placed, png_bytes

TOL = 1.0  # mm


def test_address_field_and_return_address_sit_in_the_window(office) -> None:
    case = f.register(team_id=office.team.id)
    _, rendered = letter_for_case(case.id, "eingangsbestaetigung", f.TODAY, invariant=True)
    pdf = rendered.pdf
    sender = find(pdf, "Hafenkante 17 · 23552 Beispielburg")
    assert sender.x_mm == pytest.approx(25, abs=TOL)
    assert 45 < sender.top_mm < 45 + 17.7  # return address inside the 17.7 mm note zone
    lines = [find(pdf, "Frau Erika Mustermann"), find(pdf, "Breite Straße 12"), find(pdf, "23552 Lübeck")]
    for line in lines:
        assert line.x_mm == pytest.approx(25, abs=TOL)  # 5 mm inside the field that starts at 20 mm
        assert 45 + 17.7 < line.top_mm < 90  # in the six-line address zone, above the field's bottom
    assert lines[0].top_mm < lines[1].top_mm < lines[2].top_mm


def test_information_block_subject_and_margins(office) -> None:
    case = f.register(team_id=office.team.id)
    _, rendered = letter_for_case(case.id, "eingangsbestaetigung", f.TODAY, invariant=True)
    pdf = rendered.pdf
    for label in ("Ihre Nachricht vom", "Unser Zeichen", "Ansprechpartner/in", "Telefon", "E-Mail", "Datum"):
        placed_label = find(pdf, label)
        assert placed_label.x_mm == pytest.approx(125, abs=TOL)
        assert 50 <= placed_label.top_mm < 98
    ref = find(pdf, case.ref)
    assert ref.x_mm > 125 and ref.top_mm < 98
    date_value = find(pdf, "20.11.2026")
    assert date_value.x_mm > 125
    subject = find(pdf, "Ihr Anliegen vom 02.11.2026")
    assert subject.x_mm == pytest.approx(25, abs=TOL)
    assert subject.top_mm == pytest.approx(98.46 + 3.5, abs=2.5)  # first baseline of the subject line
    body = [p for p in placed(pdf) if p.top_mm > 100 and p.top_mm < 260]
    assert min(p.x_mm for p in body) == pytest.approx(25, abs=TOL)


def test_fold_and_hole_marks_are_drawn_at_105_210_and_148_5_mm() -> None:
    calls: list[tuple[float, float, float, float]] = []

    class Recorder(Canvas):
        def line(self, x1, y1, x2, y2):  # type: ignore[override]
            calls.append((x1, y1, x2, y2))

    din5008._marks(Recorder("/dev/null"))
    tops = sorted(round((din5008.PAGE_H - y1) / din5008.mm, 2) for _, y1, _, _ in calls)
    assert tops == [105.0, 148.5, 210.0]
    assert all(x1 / din5008.mm < 12 and x2 / din5008.mm < 12 for x1, _, x2, _ in calls)  # on the left edge


def test_body_never_crosses_the_right_margin(office) -> None:
    from krm_desktop.documents.letters.compose import compose, render
    from krm_desktop.documents.letters.facts import case_facts, office_facts

    case = f.register(team_id=office.team.id)
    draft = compose(case_facts(case.id), office_facts(), "antwort", f.TODAY)
    draft.body += "\n\n" + "Breitbuchstaben MMMMMMMMMM WWWWWWWWWW " * 40
    pdf = render(draft, invariant=True).pdf
    from krm_desktop.documents.page.fonts import width

    for chunk in placed(pdf):
        if chunk.top_mm > 100 and chunk.x_mm < 100:
            right = chunk.x_mm + width(chunk.text, 10) / din5008.mm
            assert right <= 190.5, chunk


def test_page_numbers_from_two_pages_on(office) -> None:
    from krm_desktop.documents.letters.compose import compose, render
    from krm_desktop.documents.letters.facts import case_facts, office_facts

    case = f.register(team_id=office.team.id)
    one = render(compose(case_facts(case.id), office_facts(), "antwort", f.TODAY), invariant=True)
    assert one.pages == 1 and "Seite" not in "".join(pages_text(one.pdf))
    draft = compose(case_facts(case.id), office_facts(), "antwort", f.TODAY)
    draft.body += "\n\n" + "\n\n".join(["Ein Absatz mit etwas Text, der die Seite füllt."] * 90)
    three = render(draft, invariant=True)
    assert three.pages >= 3
    texts = pages_text(three.pdf)
    assert f"1 von {three.pages}" in texts[0]
    for number in range(2, three.pages + 1):
        assert f"Seite {number} von {three.pages}" in texts[number - 1]
        head = find(three.pdf, f"Seite {number} von", page=number - 1)
        assert head.top_mm < 20
    # the letterhead and the address only on page 1
    assert "Frau Erika Mustermann" not in texts[1]


def test_logo_from_the_settings_is_printed_in_the_letterhead(office) -> None:
    from PIL import Image

    save_letterhead_logo(png_bytes(Image.new("RGB", (300, 100), (200, 30, 40))))
    case = f.register(team_id=office.team.id)
    _, rendered = letter_for_case(case.id, "eingangsbestaetigung", f.TODAY, invariant=True)
    assert image_count(rendered.pdf) == 1
    assert rendered.warnings == ()


def test_a_damaged_logo_is_left_out_with_a_warning(office) -> None:
    save_letterhead_logo(b"\x89PNG\r\n\x1a\n" + b"kaputt" * 10)
    case = f.register(team_id=office.team.id)
    _, rendered = letter_for_case(case.id, "eingangsbestaetigung", f.TODAY, invariant=True)
    assert image_count(rendered.pdf) == 0
    assert any("Logo" in w for w in rendered.warnings)
