"""The save-conflict dialog: what changed meanwhile, the user's typed text kept for copying, reload or cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.changes import case_state
from krm_desktop.ui.entry.conflict_dialog import ConflictDialog, resolve_conflict
from tests import factories as f

TYPED = "Betreff: Wartezeit seit August\nBeschreibung: Die Kundin ergänzt ihren Brief."


def _stale(store):
    first, second = f.team("Team 401"), f.team("Team 402")
    case = f.register(team_id=first.id)
    before = case_state(case.id)
    cases.assign_team(case.id, version=case.version, team_id=second.id, today=f.TODAY, user="kollegin")
    return case, before


def test_lists_changes_and_shows_typed_text_read_only(qtbot, store) -> None:
    case, before = _stale(store)
    dialog = ConflictDialog(case_id=case.id, before=before, typed=TYPED)
    qtbot.addWidget(dialog)
    assert case.ref in dialog.windowTitle()
    assert "anderen Arbeitsplatz gespeichert" in dialog.message.text()
    items = [dialog.change_list.item(i).text() for i in range(dialog.change_list.count())]
    assert "Team: Team 401 → Team 402" in items
    assert dialog.typed.toPlainText() == TYPED
    assert dialog.typed.isReadOnly()
    assert dialog.typed.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert dialog.reload_button.text() == "&Neu laden" and dialog.cancel_button.text() == "Abbrechen"


def test_copy_button_puts_typed_text_on_the_clipboard(qtbot, store) -> None:
    case, before = _stale(store)
    dialog = ConflictDialog(case_id=case.id, before=before, typed=TYPED)
    qtbot.addWidget(dialog)
    QApplication.clipboard().clear()
    copy = next(b for b in dialog.findChildren(type(dialog.reload_button)) if "kopieren" in b.text())
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == TYPED


def _answer(qtbot, button: str) -> None:
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConflictDialog)
        target = dialog.reload_button if button == "reload" else dialog.cancel_button
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_reload_returns_true_cancel_returns_false(qtbot, store) -> None:
    case, before = _stale(store)
    _answer(qtbot, "reload")
    assert resolve_conflict(None, case_id=case.id, before=before, typed=TYPED) is True
    _answer(qtbot, "cancel")
    assert resolve_conflict(None, case_id=case.id, before=before, typed=TYPED) is False


def test_a_case_deleted_meanwhile_cannot_be_reloaded(qtbot, store) -> None:
    case, before = _stale(store)
    from krm_desktop.model.store.entities import Case

    Case.delete().where(Case.id == case.id).execute()
    dialog = ConflictDialog(case_id=case.id, before=before, typed=TYPED)
    qtbot.addWidget(dialog)
    assert "gibt es nicht mehr" in dialog.message.text()
    assert not dialog.reload_button.isEnabled()
    assert dialog.typed.toPlainText() == TYPED
