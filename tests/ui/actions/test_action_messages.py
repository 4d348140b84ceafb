"""The messages of the action dialogs (issue 20 item 4): a wrapped error gets all its lines without covering the
hint or leaving the dialog, and a corrected field loses its old error at once."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QWidget

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import services as cases
from krm_desktop.ui.actions.action_form import ActionDialog
from tests import factories as f
from tests.ui.action_helpers import choose, open_action, save, select, set_date, shown_errors, started_window

LONG = (
    "Diese Angabe passt nicht zu den übrigen Angaben der Kundenreaktion; bitte prüfen Sie das Datum, die "
    "Schlusszeichnung und das Ergebnis jedes Anliegens und korrigieren Sie, was nicht stimmt."
)


@pytest.fixture
def people(store):
    return f.office_people()


@pytest.fixture
def close_dialog(qtbot, store, people) -> ActionDialog:
    case = f.register(team_id=people["team"].id)
    case = cases.reserve_sign_off(case.id, version=1, today=f.TODAY, user=f.USER)  # only the GF may sign
    window = started_window(qtbot, store)
    select(window, case.id)
    return open_action(qtbot, window, checks.CLOSE)


def in_dialog(dialog: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())


def assert_whole(dialog: QWidget, label: QLabel) -> None:
    """The label lies inside the dialog and has the height its wrapped text needs at its width."""
    assert dialog.rect().contains(in_dialog(dialog, label)), (in_dialog(dialog, label), dialog.rect())
    assert label.height() >= label.heightForWidth(label.width()), (label.text(), label.size())


def shown_labels(dialog: ActionDialog) -> list[QLabel]:
    labels = [*dialog.errors.values(), *dialog.hints.values(), dialog.message]
    return [label for label in labels if label.isVisibleTo(dialog) and label.text()]


def test_a_sign_off_error_stands_below_the_hint_and_whole(qtbot, close_dialog, people) -> None:
    dialog = close_dialog
    choose(dialog.signer, people["tl"].id)  # who may not sign here
    set_date(dialog.closed_on, date(2026, 11, 27))  # in the future
    save(qtbot, dialog)
    assert "darf hier nicht schlusszeichnen" in shown_errors(dialog)["signed_by"]
    qtbot.waitUntil(lambda: dialog.errors["signed_by"].height() > 0)
    hint, error = dialog.hints["signed_by"], dialog.errors["signed_by"]
    assert not in_dialog(dialog, hint).intersects(in_dialog(dialog, error))
    assert in_dialog(dialog, hint).bottom() < in_dialog(dialog, error).top()
    for label in shown_labels(dialog):
        assert_whole(dialog, label)


def test_long_messages_at_every_field_get_room(qtbot, close_dialog) -> None:
    dialog = close_dialog
    height = dialog.height()
    dialog.show_errors({key: LONG for key in dialog.errors} | {"general": LONG})
    qtbot.waitUntil(lambda: dialog.height() > height)
    labels = shown_labels(dialog)
    assert len(labels) == len(dialog.errors) + len(dialog.hints) + 1
    for label in labels:
        assert_whole(dialog, label)
    for index, label in enumerate(labels):
        for other in labels[index + 1 :]:
            assert not in_dialog(dialog, label).intersects(in_dialog(dialog, other)), (label.text(), other.text())
    for button in (dialog.save_button, dialog.cancel_button):
        assert dialog.rect().contains(in_dialog(dialog, button))


def test_a_narrower_dialog_grows_in_height(qtbot, close_dialog) -> None:
    dialog = close_dialog
    dialog.show_errors({key: LONG for key in dialog.errors})
    dialog.resize(dialog.minimumWidth(), dialog.height())
    qtbot.waitUntil(
        lambda: all(label.height() >= label.heightForWidth(label.width()) for label in shown_labels(dialog))
    )
    for label in shown_labels(dialog):
        assert_whole(dialog, label)


def test_choosing_another_signer_takes_the_error_back(qtbot, close_dialog, people) -> None:
    dialog = close_dialog
    choose(dialog.signer, people["tl"].id)
    set_date(dialog.closed_on, date(2026, 11, 27))
    save(qtbot, dialog)
    assert {"signed_by", "closed_on"} <= set(shown_errors(dialog))
    choose(dialog.signer, people["gf"].id)
    assert "signed_by" not in shown_errors(dialog)
    assert "closed_on" in shown_errors(dialog)  # only the edited field's error goes
    set_date(dialog.closed_on, date(2026, 11, 19))
    assert "closed_on" not in shown_errors(dialog)


def test_the_answer_row_loses_its_error_when_its_date_or_box_changes(qtbot, close_dialog) -> None:
    dialog = close_dialog
    set_date(dialog.answer_date, date(2026, 11, 23))  # in the future
    save(qtbot, dialog)
    assert "in der Zukunft" in shown_errors(dialog)["answer_sent"]
    set_date(dialog.answer_date, date(2026, 11, 18))
    assert "answer_sent" not in shown_errors(dialog)
    dialog.answer_sent.setChecked(False)
    save(qtbot, dialog)
    assert "answer_sent" in shown_errors(dialog)
    dialog.answer_sent.setChecked(True)
    assert "answer_sent" not in shown_errors(dialog)


@pytest.mark.parametrize("code", [checks.ACKNOWLEDGE, checks.INTERIM, checks.ANSWER])
def test_in_every_action_dialog_an_edited_field_loses_its_error(qtbot, store, people, code: str) -> None:
    case = f.register(team_id=people["team"].id)
    if code == checks.ANSWER:
        cases.acknowledge(case.id, version=1, sent_on=date(2026, 11, 4), today=f.TODAY, user=f.USER)
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, code)
    key = next(key for key, widget in dialog.fields.items() if hasattr(widget, "setDate"))
    set_date(dialog.fields[key], date(2026, 12, 24))  # in the future
    save(qtbot, dialog)
    assert key in shown_errors(dialog), shown_errors(dialog)
    set_date(dialog.fields[key], f.TODAY)
    assert key not in shown_errors(dialog)
