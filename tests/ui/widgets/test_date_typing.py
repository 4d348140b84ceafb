"""Typing a whole date over a selected date gives that date, in every date field of the program."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from krm_desktop.model.store.entities import Case
from krm_desktop.ui.purge.wizard import PurgeWizard
from krm_desktop.ui.widgets.date_edit import DateEdit
from krm_desktop.ui.widgets.fields import DateField
from tests import factories as f
from tests.ui.action_helpers import open_action, refused_next_to, saved, select, started_window

CTRL = Qt.KeyboardModifier.ControlModifier


def type_over(qtbot, field, text: str) -> None:
    """Ctrl+A in the field, then the whole date typed, as a person does."""
    target = field.line if isinstance(field, DateEdit) else field
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(target, text)


@pytest.mark.parametrize("make", [lambda: DateEdit(date(2026, 12, 5)), lambda: DateField("Datum", date(2026, 12, 5))])
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("31.12.2028", date(2028, 12, 31)),
        ("01.02.2027", date(2027, 2, 1)),
        ("7.3.2027", date(2027, 3, 7)),
        ("29.02.2028", date(2028, 2, 29)),
        ("07032027", date(2027, 3, 7)),
        ("2027-03-07", date(2027, 3, 7)),
    ],
)
def test_a_whole_date_typed_over_the_selection_is_that_date(qtbot, make, typed: str, expected: date) -> None:
    field = make()
    qtbot.addWidget(field)
    field.show()
    type_over(qtbot, field, typed)
    value = field.value() if isinstance(field, DateEdit) else field.date()
    assert value == expected


def test_a_date_that_does_not_exist_is_said_in_german(qtbot) -> None:
    field = DateEdit(date(2026, 12, 5))
    qtbot.addWidget(field)
    field.setMaximumDate(date(2026, 12, 5))
    type_over(qtbot, field, "30.02.2026")
    assert not field.date().isValid() and field.value() is None
    assert (
        field.problem("Stichtag") == "Stichtag: „30.02.2026“ gibt es nicht im Kalender; bitte prüfen Sie Tag und Monat."
    )
    type_over(qtbot, field, "06.12.2026")
    assert field.problem("Eingang") == "Eingang: spätestens 05.12.2026."
    type_over(qtbot, field, "")
    qtbot.keyClick(field.line, Qt.Key.Key_Delete)
    assert field.problem("Eingang") == "Eingang: bitte ein Datum angeben (TT.MM.JJJJ)."


def test_the_calendar_picks_a_date(qtbot) -> None:
    field = DateEdit(date(2026, 12, 5))
    qtbot.addWidget(field)
    with qtbot.waitSignal(field.dateChanged):
        field.calendar.clicked.emit(field.calendar.selectedDate().addDays(3))
    assert field.value() == date(2026, 12, 8)


def test_the_purge_wizard_takes_a_typed_as_of_date(qtbot, store) -> None:
    wizard = PurgeWizard(store, f.TODAY, "k.beauftragte")
    qtbot.addWidget(wizard)
    wizard.show()
    type_over(qtbot, wizard.intro.as_of, "31.12.2028")
    assert wizard.intro.chosen() == date(2028, 12, 31)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_over(qtbot, wizard.intro.as_of, "31.04.2028")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "gibt es nicht im Kalender" in wizard.intro.error.text()


def test_an_action_dialog_takes_a_typed_date_and_refuses_a_wrong_one_next_to_the_field(qtbot, store) -> None:
    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, "acknowledge")
    type_over(qtbot, dialog.sent_on, "31.11.2026")
    refused_next_to(qtbot, dialog, "sent_on", "„31.11.2026“ gibt es nicht im Kalender")
    type_over(qtbot, dialog.sent_on, "19.11.2026")
    assert saved(qtbot, dialog).ack_sent == date(2026, 11, 19)
    assert Case.get_by_id(case.id).ack_sent == date(2026, 11, 19)
