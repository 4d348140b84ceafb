"""The purge wizard driven end to end with qtbot: rules and as-of date, preview with CSV, verified backup,
confirmation by number, the run with its progress bar (and its rollback), VACUUM, old backups, Löschprotokoll."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard

from krm_desktop.model.cases import services as cases
from krm_desktop.model.store.entities import Case, PurgeLog, RoutingNote
from krm_desktop.ui.purge.wizard import AFTER, BACKUP, CONFIRM, INTRO, PREVIEW, RUN, PurgeWizard
from tests import factories as f
from tests.file_limit import file_size_limit
from tests.model import retention_data as rd

NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
FINISH = QWizard.WizardButton.FinishButton
CANCEL = QWizard.WizardButton.CancelButton


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def click(qtbot, wizard: PurgeWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def wizard(qtbot, store) -> PurgeWizard:
    window = PurgeWizard(store, f.TODAY, "k.beauftragte")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def due_cases(store) -> dict[str, Case | RoutingNote]:
    return {
        "old": rd.closed_case(date(2017, 3, 1)),  # deleted whole
        "done": rd.closed_case(date(2023, 4, 3)),  # anonymised
        "petition": rd.closed_case(date(2022, 6, 1), "petition"),  # keeps its data until 31.12.2027
        "open": f.register(received=date(2026, 11, 2)),
        "note": cases.record_routing_note(
            "widerspruch", date(2023, 4, 3), "an die RBS", today=date(2023, 4, 3), user="x"
        ),
        "young note": cases.record_routing_note("widerspruch", date(2026, 1, 5), "", today=date(2026, 1, 5), user="x"),
    }


def test_the_whole_purge_end_to_end(qtbot, wizard: PurgeWizard, due_cases, tmp_path: Path, monkeypatch) -> None:
    # 1. what will happen
    assert wizard.currentId() == INTRO
    assert (
        "31.12. des 2. Jahres" in wizard.intro.rules.text() and "Offene Kundenreaktionen" in wizard.intro.rules.text()
    )
    assert (
        "Weiterleitungsvermerke (Anliegen, die nicht ins Kundenreaktionsmanagement gehören" in wizard.intro.rules.text()
    )
    assert wizard.intro.as_of.date() == qdate(f.TODAY)
    wizard.intro.as_of.setDate(qdate(f.TODAY - timedelta(days=1)))
    assert not wizard.intro.error.isHidden() and "nicht vor dem heutigen Tag" in wizard.intro.error.text()
    assert not wizard.button(NEXT).isEnabled()
    wizard.intro.as_of.setDate(qdate(f.TODAY))
    assert wizard.intro.error.isHidden()
    click(qtbot, wizard, NEXT)

    # 2. preview, CSV
    assert wizard.currentId() == PREVIEW
    model = wizard.preview.model
    rows = [[model.data(model.index(r, c)) for c in range(4)] for r in range(model.rowCount())]
    assert rows == [
        [due_cases["old"].ref, "Beschwerde", "01.03.2017", "Vollständige Löschung nach 8 Jahren"],
        [due_cases["done"].ref, "Beschwerde", "03.04.2023", "Anonymisierung nach 2 Jahren"],
    ]
    assert "Zusammen" in wizard.preview.summary.text() and "nichts geändert" in wizard.preview.note.text()
    assert "Löschung der Weiterleitungsvermerke nach 2 Jahren</td><td align='right'>&nbsp;&nbsp;1<" in (
        wizard.preview.summary.text()
    )
    target = tmp_path / "vorschau.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV-Datei (*.csv)"))
    qtbot.mouseClick(wizard.preview.csv_button, Qt.MouseButton.LeftButton)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Aktenzeichen;Anliegensart;Erledigt am;Regel;Maßnahme;Fällig seit"
    assert lines[1] == (
        f"{due_cases['old'].ref};Beschwerde;01.03.2017;Vollständige Löschung nach 8 Jahren;vollständig löschen;31.12.2025"
    )
    assert Case.select().count() == 4  # nothing changed yet
    click(qtbot, wizard, NEXT)

    # 3. verified backup
    assert wizard.currentId() == BACKUP
    assert not wizard.button(NEXT).isEnabled()
    qtbot.mouseClick(wizard.backup_page.button, Qt.MouseButton.LeftButton)
    assert wizard.state.backup is not None and wizard.state.backup.exists()
    assert "geprüft" in wizard.backup_page.status.text()
    click(qtbot, wizard, NEXT)

    # 4. confirm by typing the number
    assert wizard.currentId() == CONFIRM
    assert not wizard.button(COMMIT).isEnabled()
    qtbot.keyClicks(wizard.confirm.number, "3")
    assert not wizard.confirm.error.isHidden() and not wizard.button(COMMIT).isEnabled()
    wizard.confirm.number.clear()
    qtbot.keyClicks(wizard.confirm.number, "2")
    assert wizard.confirm.error.isHidden()
    assert wizard.button(COMMIT).text().replace("&", "") == "Jetzt löschen"

    # 5. run, 6. aftermath
    with qtbot.waitSignal(wizard.purged, timeout=10_000) as purged:
        click(qtbot, wizard, COMMIT)
        assert wizard.currentId() == RUN
        qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=10_000)
        assert wizard.run_page.bar.value() == wizard.run_page.bar.maximum()
        assert "1 Kundenreaktionen anonymisiert, 1 vollständig gelöscht" in wizard.run_page.status.text()
        assert not wizard.button(CANCEL).isEnabled()
        click(qtbot, wizard, COMMIT)
        assert wizard.currentId() == AFTER
        assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # no way back to a second run
    qtbot.waitUntil(lambda: wizard.after.finished, timeout=10_000)
    log = PurgeLog.get()
    assert purged.args == [log.id]
    assert (log.anonymised, log.deleted, log.vacuumed, log.done_by, log.backup) == (
        1, 1, True, "k.beauftragte", wizard.state.backup.name,
    )  # fmt: skip
    assert "VACUUM" in wizard.after.steps.text() and "Löschprotokoll Nr." in wizard.after.steps.text()
    assert "• Löschung der Weiterleitungsvermerke nach 2 Jahren: 1" in wizard.after.steps.text()
    assert [n.id for n in RoutingNote.select()] == [due_cases["young note"].id]
    assert Case.get_or_none(Case.id == due_cases["old"].id) is None
    assert Case.get_by_id(due_cases["done"].id).anonymised
    assert not Case.get_by_id(due_cases["petition"].id).anonymised

    pdf_path = tmp_path / "protokoll.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf_path), "PDF-Datei (*.pdf)"))
    qtbot.mouseClick(wizard.after.pdf_button, Qt.MouseButton.LeftButton)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_path.read_bytes())).pages)
    assert "Löschprotokoll" in text and due_cases["old"].ref in text and due_cases["done"].ref in text
    assert "k.beauftragte" in text and "Erika Mustermann" not in text
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(wizard.after.print_button, Qt.MouseButton.LeftButton)
    assert Path(opened[0].toLocalFile()).read_bytes().startswith(b"%PDF")
    assert not wizard.button(CANCEL).isVisible()
    click(qtbot, wizard, FINISH)
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_an_error_during_the_run_rolls_back_and_tells_the_user(qtbot, wizard, due_cases, store) -> None:
    store.db.execute_sql(
        "CREATE TRIGGER no_log BEFORE INSERT ON purge_log BEGIN SELECT RAISE(ABORT, 'Platte voll'); END"
    )
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, NEXT)
    qtbot.mouseClick(wizard.backup_page.button, Qt.MouseButton.LeftButton)
    click(qtbot, wizard, NEXT)
    qtbot.keyClicks(wizard.confirm.number, "2")
    before = f.snapshot()
    click(qtbot, wizard, COMMIT)
    qtbot.waitUntil(lambda: wizard.run_page.failed, timeout=10_000)
    assert f.snapshot() == before
    assert "zurückgenommen" in wizard.run_page.status.text() and "Platte voll" in wizard.run_page.status.text()
    box = wizard.findChild(QMessageBox, "purge_error")
    assert box is not None and box.isVisible() and "fehlgeschlagen" in box.text()
    box.accept()
    assert not wizard.button(NEXT).isVisible() or not wizard.button(NEXT).isEnabled()
    click(qtbot, wizard, CANCEL)
    assert wizard.result() == QWizard.DialogCode.Rejected


def test_a_later_as_of_date_only_previews(qtbot, wizard, due_cases, store) -> None:
    before = f.snapshot()
    wizard.intro.as_of.setDate(qdate(date(2027, 12, 31)))
    click(qtbot, wizard, NEXT)
    assert wizard.preview.model.rowCount() == 3  # the petition's five years end on 31.12.2027
    assert "Vorschau zum 31.12.2027" in wizard.preview.note.text()
    assert not wizard.button(NEXT).isVisible()
    click(qtbot, wizard, FINISH)
    assert f.snapshot() == before
    assert not (store.path.parent / "Sicherungen").exists()


@pytest.mark.parametrize(
    ("store", "words"), [("braunschweig", "taggenau"), ("berlin-pankow", "10 Jahre")], indirect=["store"]
)
def test_each_profile_states_its_own_rules(qtbot, wizard, words: str) -> None:
    assert words in wizard.intro.rules.text()


def test_the_preview_model_is_a_proper_qt_model(qtmodeltester, wizard, due_cases, qtbot) -> None:
    click(qtbot, wizard, NEXT)
    qtmodeltester.check(wizard.preview.model)


def test_a_preview_csv_that_fails_midway_leaves_the_earlier_file_intact(qtbot, wizard, due_cases, tmp_path) -> None:
    click(qtbot, wizard, NEXT)
    (tmp_path / "ablage").mkdir()
    target = tmp_path / "ablage" / "vorschau.csv"
    target.write_bytes(b"die Vorschau vom letzten Jahr")
    with file_size_limit(100), pytest.raises(OSError):  # the disk fills up while the CSV is written
        wizard.preview.save_csv(target)
    assert target.read_bytes() == b"die Vorschau vom letzten Jahr"
    assert [p.name for p in target.parent.iterdir()] == ["vorschau.csv"]
