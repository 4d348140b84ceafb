"""The attachments panel on a real case: files added by the file dialog and by a real drop of file URLs,
listed, opened through a private copy, saved out byte for byte, removed after confirmation; bad files refused
with the reason while the good ones of the same drop are kept."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from krm_desktop.model.cases import attachments as a
from krm_desktop.model.store.entities import Attachment, Case, Event
from krm_desktop.ui.attachments import panel as panel_module
from krm_desktop.ui.attachments.panel import AttachmentsPanel
from tests import factories as f
from tests.model.cases.test_attachments import EML, MSG, PDF, PNG


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "eingang"
    folder.mkdir()
    made = {}
    for name, data in (
        ("Brief vom 02.11.2026.pdf", PDF),
        ("Foto Aushang.png", PNG),
        ("Mail der Kundin.eml", EML),
        ("Weiterleitung Amt.msg", MSG),
    ):
        made[name] = folder / name
        made[name].write_bytes(data)
    return made


def rows(panel: AttachmentsPanel) -> list[list[str]]:
    tree = panel.tree
    return [[tree.topLevelItem(r).text(c) for c in range(tree.columnCount())] for r in range(tree.topLevelItemCount())]


def file_drag(paths: list[Path], *, text_only: bool = False) -> QMimeData:
    mime = QMimeData()
    if text_only:
        mime.setText("nur Text, keine Datei")
    else:
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop(panel: AttachmentsPanel, mime: QMimeData) -> tuple[bool, bool]:
    """A drag that enters the panel and is dropped on its list, as Qt delivers it; (entered, dropped) accepted."""
    where = panel.tree.geometry().center()
    copy, left, plain = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, copy, mime, left, plain)
    QApplication.sendEvent(panel, enter)
    event = QDropEvent(QPointF(where), copy, mime, left, plain)
    QApplication.sendEvent(panel, event)
    return enter.isAccepted(), event.isAccepted()


def test_added_by_the_file_dialog_and_listed(qtbot, panel: AttachmentsPanel, case: Case, files, monkeypatch) -> None:
    asked = []

    def choose(*args, **kwargs):
        asked.append(args[3])
        return [str(files["Brief vom 02.11.2026.pdf"]), str(files["Mail der Kundin.eml"])], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    with qtbot.waitSignal(panel.changed) as signal:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert signal.args == [case.id]
    assert "*.eml *.msg" in asked[0]
    assert rows(panel) == [
        ["Brief vom 02.11.2026.pdf", "PDF-Dokument", f"{len(PDF)} Byte", "20.11.2026", "petra.krause"],
        ["Mail der Kundin.eml", "E-Mail", f"{len(EML)} Byte", "20.11.2026", "petra.krause"],
    ]
    assert panel.title.text() == f"Anlagen zu {case.ref} (2)"
    assert panel.status.text() == "Angefügt: Brief vom 02.11.2026.pdf, Mail der Kundin.eml."
    assert panel.tree.currentItem().text(0) == "Mail der Kundin.eml"  # the last one added is selected
    assert Event.select().where(Event.action == a.ADDED).count() == 2
    assert (
        panel.details.text()
        == f"Mail der Kundin.eml: E-Mail, {len(EML)} Byte, beigefügt am 20.11.2026 von petra.krause"
    )
    panel.resize(340, 400)  # as narrow as in the detail pane: type and who only in the line below the list
    qtbot.waitUntil(lambda: panel.tree.isColumnHidden(1) and panel.tree.isColumnHidden(4))
    panel.resize(760, 400)
    qtbot.waitUntil(lambda: not panel.tree.isColumnHidden(1))


def test_added_by_dropping_files(qtbot, panel: AttachmentsPanel, files) -> None:
    entered, dropped = drop(panel, file_drag([files["Foto Aushang.png"], files["Weiterleitung Amt.msg"]]))
    assert entered and dropped
    expected = [["Foto Aushang.png", "Bild (PNG)"], ["Weiterleitung Amt.msg", "E-Mail (Outlook)"]]
    assert [r[:2] for r in rows(panel)] == expected
    assert [bytes(x.data) for x in Attachment.select().order_by(Attachment.id)] == [PNG, MSG]
    assert drop(panel, file_drag([], text_only=True)) == (False, False)  # a text, no file: not taken
    assert Attachment.select().count() == 2


def test_saved_out_byte_identical_and_opened_from_a_private_copy(
    qtbot, panel: AttachmentsPanel, files, tmp_path: Path, monkeypatch
) -> None:
    panel.add_files(list(files.values()))
    target = tmp_path / "ausgabe" / "kopie.msg"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    assert panel.select("Weiterleitung Amt.msg")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == MSG
    assert panel.status.text() == f"„Weiterleitung Amt.msg“ gespeichert unter {target}."
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert panel.select("Brief vom 02.11.2026.pdf")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)  # Enter on the row opens it
    copy = Path(opened[0].toLocalFile())
    assert copy.name == "Brief vom 02.11.2026.pdf" and copy.read_bytes() == PDF
    private = panel_module.private_folder()
    assert private in copy.parents
    assert stat.S_IMODE(private.stat().st_mode) == 0o700  # this account only
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)  # again: a second copy beside the first
    assert len(opened) == 2 and Path(opened[1].toLocalFile()).read_bytes() == PDF
    assert opened[0] != opened[1]


def answer_removal(qtbot, button_text: str) -> list[str]:
    """Click a button of the confirmation box once it is shown; return its text."""
    seen: list[str] = []

    def click() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(10, click)
            return
        box = boxes[0]
        assert box.objectName() == "confirm_remove_attachment"
        seen.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == button_text)
        button.click()

    QTimer.singleShot(0, click)
    return seen


def test_removed_after_confirmation(qtbot, panel: AttachmentsPanel, case: Case, files) -> None:
    panel.add_files([files["Brief vom 02.11.2026.pdf"], files["Foto Aushang.png"]])
    assert panel.select("Brief vom 02.11.2026.pdf")
    seen = answer_removal(qtbot, "Abbrechen")
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].startswith("Die Anlage „Brief vom 02.11.2026.pdf“ (PDF-Dokument, ")
    assert len(rows(panel)) == 2
    answer_removal(qtbot, "Entfernen")
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)  # the Delete key asks the same
    assert [r[0] for r in rows(panel)] == ["Foto Aushang.png"]
    assert panel.status.text() == "„Brief vom 02.11.2026.pdf“ entfernt; in der Fallhistorie vermerkt."
    event = Event.select().where(Event.action == a.REMOVED).get()
    assert (event.actor, event.case_id) == ("petra.krause", case.id)


def test_bad_files_are_refused_with_the_reason_the_good_ones_kept(
    qtbot, panel: AttachmentsPanel, files, tmp_path
) -> None:
    empty = tmp_path / "leer.pdf"
    empty.write_bytes(b"")
    huge = tmp_path / "Scan 600 dpi.tif"
    with huge.open("wb") as out:
        out.truncate(31_400_000)
    folder = tmp_path / "Ordner"
    folder.mkdir()
    program = tmp_path / "rechnung.pdf.exe"
    program.write_bytes(b"MZ")
    gone = tmp_path / "weg.pdf"
    before = f.snapshot()
    assert drop(panel, file_drag([empty, huge, folder, program, gone])) == (True, True)
    assert f.snapshot() == before and rows(panel) == []
    problems = panel.error.text().split("\n")
    assert len(problems) == 5 and panel.error.isVisible()
    assert problems[0].startswith("„leer.pdf“ ist leer (0 Byte).")
    assert problems[1].startswith("„Scan 600 dpi.tif“ ist mit 29,9 MB zu groß: erlaubt sind höchstens 20 MB je Anlage.")
    assert problems[2] == "„Ordner“ ist ein Ordner. Bitte die Dateien darin einzeln hinzufügen."
    assert problems[3].startswith("„rechnung.pdf.exe“ ist eine Programmdatei (.exe).")
    assert problems[4] == f"Die Datei {gone} gibt es nicht (mehr)."
    # In one drop with a good file: the good one is kept, the bad one named.
    drop(panel, file_drag([files["Foto Aushang.png"], empty]))
    assert [r[0] for r in rows(panel)] == ["Foto Aushang.png"]
    assert panel.error.text().startswith("„leer.pdf“ ist leer")
    drop(panel, file_drag([files["Foto Aushang.png"]]))  # the same file again
    assert panel.error.text() == "„Foto Aushang.png“ ist bereits als Anlage vorhanden (beigefügt am 20.11.2026)."
    assert len(rows(panel)) == 1


def test_read_only_lists_and_saves_but_takes_nothing(
    qtbot, panel: AttachmentsPanel, case: Case, files, tmp_path
) -> None:
    a.add_file(case.id, files["Brief vom 02.11.2026.pdf"], today=f.TODAY, user="anna.berg")
    panel.show_case(case.id, user="petra.krause", today=f.TODAY, read_only=True)
    assert [r[0] for r in rows(panel)] == ["Brief vom 02.11.2026.pdf"]
    assert not panel.add_button.isEnabled() and not panel.hint.isVisible()
    assert drop(panel, file_drag([files["Foto Aushang.png"]])) == (False, False)
    panel.select("Brief vom 02.11.2026.pdf")
    assert panel.open_button.isEnabled() and panel.save_button.isEnabled() and not panel.remove_button.isEnabled()
    assert panel.save_selected_to(tmp_path / "kopie.pdf") and (tmp_path / "kopie.pdf").read_bytes() == PDF
    assert Attachment.select().count() == 1


def test_no_case_and_a_case_deleted_meanwhile(qtbot, panel: AttachmentsPanel, case: Case, files) -> None:
    panel.show_case(None, user="petra.krause", today=f.TODAY, read_only=False)
    assert panel.title.text() == "Anlagen – keine Kundenreaktion ausgewählt"
    assert not panel.add_button.isEnabled() and rows(panel) == []
    panel.show_case(case.id, user="petra.krause", today=f.TODAY, read_only=False)
    Case.delete().where(Case.id == case.id).execute()  # another workstation's purge
    before = f.snapshot()
    assert panel.add_files([files["Foto Aushang.png"]]) == 0
    assert (
        panel.error.text() == "„Foto Aushang.png“ nicht angefügt: Diese Kundenreaktion gibt es nicht mehr (gelöscht)."
    )
    assert f.snapshot() == before
