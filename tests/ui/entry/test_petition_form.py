"""The petition form's requesting body: its postal address, and where the office's instruction has the step
(Pankow), the BA's responsibility under § 44b Abs. 3 SGB II."""

from __future__ import annotations

import pytest

from krm_desktop.model.store.entities import Case
from tests.ui.case_form_steps import go_to_form, new_dialog, save, started_window, type_text
from tests.ui.entry.test_new_case import fill_common


def fill_body(qtbot, form) -> None:
    type_text(qtbot, form.requesting_body, "Petitionsausschuss des Abgeordnetenhauses von Berlin")
    type_text(qtbot, form.body_street, "Niederkirchnerstraße 5")
    type_text(qtbot, form.body_postcode, "10117")
    type_text(qtbot, form.body_city, "Berlin")


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_marks_a_petition_ba_responsible(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "petition", received="16.11.2026")
    form = dialog.form
    assert form.ba_responsible.isVisible() and not form.ba_responsible.isChecked()
    fill_common(qtbot, form, "Petition wegen Bearbeitungsdauer")
    fill_body(qtbot, form)
    form.ba_responsible.setChecked(True)
    save(qtbot, dialog)
    case = Case.get_by_id(dialog.case_id)
    assert case.ba_responsible
    assert (case.body_street, case.body_postcode, case.body_city) == ("Niederkirchnerstraße 5", "10117", "Berlin")


def test_luebeck_has_no_ba_step_in_the_form(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "eingabe", received="16.11.2026")
    form = dialog.form
    assert not form.ba_responsible.isVisible()
    assert form.body_street.isVisible() and form.body_postcode.isVisible() and form.body_city.isVisible()
