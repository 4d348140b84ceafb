"""The case form refuses bad input next to the field (database unchanged, typed text kept), warns of a
Mehrfachbeschwerde, marks the required fields and asks before unsaved input is lost (editing a stored case:
test_edit_case.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTextBrowser

from krm_desktop.model.store.entities import Case
from krm_desktop.ui.entry.new_case import CaseSummary
from tests import factories as f
from tests.ui.case_form_steps import (
    answer_modal,
    choose,
    click_box_button,
    go_to_form,
    new_dialog,
    save,
    started_window,
    type_text,
)
from tests.ui.entry.test_new_case import closed_case, fill_common


def _future(qtbot, form) -> None:
    type_text(qtbot, form.received, "23.11.2026")


def _unreadable(qtbot, form) -> None:
    type_text(qtbot, form.received, "31.02.2026")


def _no_date(qtbot, form) -> None:
    type_text(qtbot, form.received, "")


def _no_subject(qtbot, form) -> None:
    type_text(qtbot, form.subject, "")


def _no_name(qtbot, form) -> None:
    type_text(qtbot, form.party.person.lines["name"], "")


def _customer_no(qtbot, form) -> None:
    type_text(qtbot, form.party.person.lines["customer_no"], "12345")


def _bg_no(qtbot, form) -> None:
    type_text(qtbot, form.party.person.lines["bg_no"], "BG123")


def _postcode(qtbot, form) -> None:
    type_text(qtbot, form.party.person.lines["postcode"], "2355")


def _email(qtbot, form) -> None:
    type_text(qtbot, form.party.person.lines["email"], "erika.de")


def _representative_alone(qtbot, form) -> None:
    choose(qtbot, form.party.person.role, "Vertreter")


def _body_before_receipt(qtbot, form) -> None:
    type_text(qtbot, form.requesting_body, "Petitionsausschuss")
    type_text(qtbot, form.body_due_field, "30.10.2026")


def _no_requesting_body(qtbot, form) -> None:
    type_text(qtbot, form.body_due_field, "30.11.2026")


def _body_postcode(qtbot, form) -> None:
    type_text(qtbot, form.body_street, "Platz der Republik 1")
    type_text(qtbot, form.body_postcode, "1101")
    type_text(qtbot, form.body_city, "Berlin")


def _body_without_city(qtbot, form) -> None:
    type_text(qtbot, form.body_street, "Wilhelmstraße 49")
    type_text(qtbot, form.body_postcode, "10117")


def _no_employee(qtbot, form) -> None:
    type_text(qtbot, form.employee, "")


def _no_earlier_case(qtbot, form) -> None:
    pass


BAD_INPUTS: list[tuple[str, Callable, str, str, str]] = [
    # kind, how it is typed wrong, field key, words of the message, the field's text afterwards
    ("beschwerde", _future, "received", "liegt in der Zukunft", "23.11.2026"),
    ("beschwerde", _unreadable, "received", "gibt es nicht im Kalender", "31.02.2026"),
    ("beschwerde", _no_date, "received", "Bitte das Eingangsdatum angeben", ""),
    ("lob", _no_subject, "subject", "Bitte füllen Sie „Betreff“ aus.", ""),
    ("idee", _no_name, "person.name", "Bitte füllen Sie „Name“ aus.", ""),
    ("beschwerde", _customer_no, "person.customer_no", "Format 123A456789", "12345"),
    ("beschwerde", _bg_no, "person.bg_no", "12345BG1234567", "BG123"),
    ("fachaufsichtsbeschwerde", _postcode, "person.postcode", "5 Ziffern", "2355"),
    ("beschwerde", _email, "person.email", "name@beispiel.de", "erika.de"),
    ("beschwerde", _representative_alone, "represented.name", "wen die Vertreterin/der Vertreter vertritt", ""),
    ("petition", _body_before_receipt, "body_due", "vor dem Eingangsdatum", "30.10.2026"),
    ("eingabe", _no_requesting_body, "requesting_body", "„Einsendende Stelle“", ""),
    ("petition", _body_postcode, "body_postcode", "5 Ziffern", "1101"),
    ("petition", _body_without_city, "body_city", "Ort der Stelle", ""),
    ("dienstaufsichtsbeschwerde", _no_employee, "employee_concerned", "Beschäftigte", ""),
    ("folgereaktion", _no_earlier_case, "follows", "braucht die frühere Kundenreaktion", ""),
]

FIELDS = {
    "received": lambda form: form.received,
    "subject": lambda form: form.subject,
    "person.name": lambda form: form.party.person.lines["name"],
    "person.customer_no": lambda form: form.party.person.lines["customer_no"],
    "person.bg_no": lambda form: form.party.person.lines["bg_no"],
    "person.postcode": lambda form: form.party.person.lines["postcode"],
    "person.email": lambda form: form.party.person.lines["email"],
    "represented.name": lambda form: form.party.represented.lines["name"],
    "body_due": lambda form: form.body_due_field,
    "requesting_body": lambda form: form.requesting_body,
    "body_postcode": lambda form: form.body_postcode,
    "body_city": lambda form: form.body_city,
    "employee_concerned": lambda form: form.employee,
    "follows": lambda form: form.picker.search,
}


@pytest.mark.parametrize(
    ("kind", "spoil", "key", "words", "kept"), BAD_INPUTS, ids=[f"{b[0]}-{b[2]}-{b[1].__name__}" for b in BAD_INPUTS]
)
def test_bad_input_is_refused_next_to_its_field(qtbot, store, kind, spoil, key, words, kept) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, kind, received="16.11.2026")
    form = dialog.form
    fill_common(qtbot, form, "Wartezeit bei der Antragsbearbeitung")
    if kind == "dienstaufsichtsbeschwerde":
        type_text(qtbot, form.employee, "Herr Meier")
    if kind == "petition":
        type_text(qtbot, form.requesting_body, "Petitionsausschuss")
    spoil(qtbot, form)
    typed = form.raw()
    before = f.snapshot()
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.case_id is None
    assert f.snapshot() == before  # the database is unchanged
    shown = form.shown_errors()
    assert words in shown.get(key, ""), shown
    line = form.errors.lines[key]
    assert line.isVisible() and line.text().startswith("⚠ ")
    field = FIELDS[key](form)
    assert field.text() == kept and form.raw() == typed  # nothing typed is lost
    assert field.hasFocus() or key in ("follows", "represented.name")  # the first wrong field has the focus


def test_every_problem_at_once_and_fixed_ones_disappear(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "beschwerde")
    form = dialog.form
    type_text(qtbot, form.party.person.lines["customer_no"], "12345")
    save(qtbot, dialog)
    assert {"subject", "person.name", "person.customer_no"} <= set(form.shown_errors())
    assert form.subject.hasFocus()
    type_text(qtbot, form.subject, "Jetzt mit Betreff")
    assert "subject" not in form.shown_errors()  # the message goes while the field is corrected
    assert "person.name" in form.shown_errors()


def test_folgereaktion_cannot_have_come_before_the_earlier_case_closed(qtbot, store) -> None:
    earlier = closed_case()  # closed 10.09.2026
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "folgereaktion", received="01.09.2026")
    form = dialog.form
    type_text(qtbot, form.picker.search, earlier.ref)
    qtbot.keyClick(form.picker.search, Qt.Key.Key_Return)
    before = f.snapshot()
    save(qtbot, dialog)
    assert "vor dem Abschluss des früheren Falls" in form.shown_errors()["received"]
    assert f.snapshot() == before and form.received.text() == "01.09.2026"


def test_intake_step_refuses_a_future_date_and_a_missing_kind(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    type_text(qtbot, dialog.intake.received, "21.11.2026")
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.intake_page
    shown = dialog.intake.errors.shown()
    assert "in der Zukunft" in shown["received"] and "Anliegensart wählen" in shown["kind"]
    assert dialog.intake.received.text() == "21.11.2026"


def test_deadlines_follow_the_typed_received_date(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "beschwerde")
    form = dialog.form
    type_text(qtbot, form.received, "02.11.2026")
    assert form.deadlines.text() == (
        "Eingangsbestätigung bis Do 05.11.2026 (3 Arbeitstage nach Eingang)\n"
        "Abschließende Antwort bis Mo 16.11.2026 (14 Kalendertage nach Eingang)"
    )
    type_text(qtbot, form.received, "13.11.2026")
    assert "Eingangsbestätigung bis Mi 18.11.2026" in form.deadlines.text()
    type_text(qtbot, form.received, "13.11.")
    assert "sobald ein gültiges Eingangsdatum" in form.deadlines.text()
    form.party.anonymous.setChecked(True)
    type_text(qtbot, form.received, "13.11.2026")
    assert "ohne Anschrift (anonym)" in form.deadlines.text()


def test_mehrfachbeschwerde_warning_with_links(qtbot, store) -> None:
    existing = f.register()  # Erika Mustermann, 123A456789, open
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "beschwerde")
    party = dialog.form.party
    assert not party.warning.isVisible()
    type_text(qtbot, party.person.lines["customer_no"], "123A456789")
    qtbot.waitUntil(party.warning.isVisible, timeout=3000)  # after a short pause in typing
    text = party.warning.text()
    assert "Mehrfachbeschwerde? Zu dieser Person gibt es bereits eine Kundenreaktion (1 offen)." in text
    assert f"<a href='case:{existing.id}'>{existing.ref}</a>" in text and "gleiche Kundennummer" in text
    party.warning.linkActivated.emit(f"case:{existing.id}")  # the link, as a click on it sends it
    summary = dialog.summaries[-1]
    assert isinstance(summary, CaseSummary) and summary.isVisible()
    assert existing.ref in summary.findChild(QTextBrowser).toPlainText()
    type_text(qtbot, party.person.lines["customer_no"], "999Z999999")
    qtbot.waitUntil(lambda: not party.warning.isVisible(), timeout=3000)


def test_mehrfachbeschwerde_by_name_once_the_field_is_left(qtbot, store) -> None:
    existing = f.register(person=f.person("Jürgen Müller", customer_no="", bg_no=""))
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "lob")
    party = dialog.form.party
    type_text(qtbot, party.person.lines["name"], "Juergen Mueller")
    assert not party.timer.isActive()  # no search of every name while typing
    qtbot.keyClick(party.person.lines["name"], Qt.Key.Key_Tab)
    qtbot.waitUntil(party.warning.isVisible, timeout=3000)
    assert [(c.ref, c.why) for c in party.related] == [(existing.ref, "gleicher Name")]


def test_closing_with_unsaved_input_asks_first(qtbot, store) -> None:
    window = started_window(qtbot, store)
    empty = new_dialog(qtbot, window)
    qtbot.keyClick(empty.intake.received, Qt.Key.Key_Escape)
    assert not empty.isVisible()  # nothing typed: closes without asking

    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "beschwerde")
    type_text(qtbot, dialog.form.subject, "Noch nicht gespeichert")
    modal = answer_modal(qtbot, lambda box: click_box_button(box, "Weiter bearbeiten"))
    qtbot.keyClick(dialog.form.subject, Qt.Key.Key_Escape)
    modal.check()
    assert isinstance(modal.seen[0], QMessageBox) and "nicht gespeichert" in modal.seen[0].text()
    assert dialog.isVisible() and dialog.form.subject.text() == "Noch nicht gespeichert"
    modal = answer_modal(qtbot, lambda box: click_box_button(box, "Verwerfen"))
    dialog.close()
    modal.check()
    assert not dialog.isVisible() and Case.select().count() == 0


def test_required_fields_are_marked(qtbot, store) -> None:
    from PySide6.QtWidgets import QLabel

    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "dienstaufsichtsbeschwerde")
    captions = {label.text() for label in dialog.form.findChildren(QLabel)}
    assert {"Eingangsweg *:", "Eingang über *:", "Eingangsdatum *:", "Betreff *:", "Name *:"} <= captions
    assert "Betroffene/r Beschäftigte/r *:" in captions and "Beschreibung:" in captions
    assert "Felder mit * sind Pflichtfelder." in " ".join(captions)
    assert dialog.form.subject.accessibleName() == "Betreff (Pflichtfeld)"
