"""The purge wizard's pages that act: verified backup, confirmation by number, the run, the aftermath."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEventLoop, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from krm_desktop.documents.purge_log import render_purge_log
from krm_desktop.model.errors import KrmError
from krm_desktop.model.retention.purge import execute_purge, finish_purge, vacuum_store
from krm_desktop.model.retention.rules import ANONYMISE, DELETE
from krm_desktop.model.store.backups import RECOVERY_DAYS, backup_folder, make_backup, remove_expired_backups
from krm_desktop.model.store.files import write_file
from krm_desktop.ui.purge.preview_pages import AFTER, ERROR_STYLE, OK_STYLE, d, error_label, wrapped
from krm_desktop.ui.purge.state import PurgeState, set_busy


def tell(parent: QWidget, title: str, text: str) -> None:
    """A window-modal message that does not block the caller (tests read it from the wizard)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("purge_error")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()


class BackupPage(QWizardPage):
    def __init__(self, state: PurgeState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("Sicherung")
        self.setSubTitle("Vor jeder Änderung wird eine geprüfte Kopie der Datenbank angelegt.")
        self.done = False
        store = state.store
        if store.is_sqlite:
            where = str(backup_folder(store))
            text = (
                f"Die Kopie entsteht im Sicherungsordner <b>{where}</b> und wird danach auf Vollständigkeit und "
                f"Unversehrtheit geprüft. Sie ist die Rückfallebene, falls die Löschung fehlerhaft war, und wird "
                f"{RECOVERY_DAYS} Tage nach dem Lauf entfernt (sie enthält die gelöschten Daten)."
            )
        else:
            text = "Eine Server-Datenbank sichert die IT. Bitte bestätigen Sie, dass eine aktuelle Sicherung vorliegt."
        self.info = wrapped(text)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton("Sicherung &anlegen und prüfen")
        self.button.clicked.connect(self.make)
        self.server_ok = QCheckBox("Die IT hat die Datenbank heute gesichert.")
        self.server_ok.toggled.connect(self._server_toggled)
        self.status = wrapped()
        row = QHBoxLayout()
        row.addWidget(self.button if store.is_sqlite else self.server_ok)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def make(self) -> None:
        state = self.state
        self.button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText("Sicherung läuft …")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        try:
            state.backup = make_backup(state.store, state.today)
        except KrmError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(f"Die Sicherung ist fehlgeschlagen: {exc.message} Ohne Sicherung wird nichts gelöscht.")
            self.button.setEnabled(True)
            return
        self.done = True
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(f"Sicherung angelegt und geprüft (Integritätsprüfung in Ordnung): {state.backup}")
        self.completeChanged.emit()

    def _server_toggled(self, checked: bool) -> None:
        self.done = checked
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.done


class ConfirmPage(QWizardPage):
    def __init__(self, state: PurgeState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("Bestätigung")
        self.setSubTitle("Erst nach Ihrer Bestätigung wird gelöscht.")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Jetzt &löschen")
        self.text = wrapped()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.number = QLineEdit()
        self.number.setAccessibleName("Anzahl der betroffenen Kundenreaktionen")
        self.number.setMaximumWidth(120)
        self.error = error_label()
        row = QHBoxLayout()
        row.addWidget(self.number)
        row.addWidget(self.error, 1)
        form = QFormLayout()
        form.addRow("&Anzahl:", row)
        cast(QLabel, form.labelForField(row)).setBuddy(self.number)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(form)
        layout.addStretch(1)
        self.number.textChanged.connect(self._changed)

    def expected(self) -> int:
        plan = self.state.plan
        return plan.total if plan else 0

    def initializePage(self) -> None:
        plan = self.state.plan
        assert plan is not None
        anonymise, delete = len(plan.of_action(ANONYMISE)), len(plan.of_action(DELETE))
        self.text.setText(
            f"Zum Stichtag {d(plan.as_of)} werden <b>{anonymise}</b> Kundenreaktionen anonymisiert und "
            f"<b>{delete}</b> vollständig gelöscht. Das lässt sich nur mit der eben angelegten Sicherung "
            "rückgängig machen.<br><br>Bitte geben Sie zur Bestätigung die <b>Anzahl der betroffenen "
            f"Kundenreaktionen</b> ein ({anonymise} + {delete})."
        )
        self.number.clear()
        self.number.setFocus()

    def _changed(self) -> None:
        typed = self.number.text().strip()
        wrong = bool(typed) and typed != str(self.expected())
        self.error.setText(f"„{typed}“ stimmt nicht mit der Vorschau überein: bitte die Anzahl oben eingeben.")
        self.error.setVisible(wrong)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.number.text().strip() == str(self.expected())


class RunPage(QWizardPage):
    def __init__(self, state: PurgeState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("Löschung")
        self.setCommitPage(True)  # after the run there is no way back, only on to the aftermath
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Weiter >")
        self.setSubTitle("Alles geschieht in einer Transaktion: entweder vollständig oder gar nicht.")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Fortschritt der Löschung")
        self.status = wrapped()
        self.finished = False
        self.failed = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.finished = self.failed = False
        self.status.setStyleSheet("")
        self.status.setText("Die Löschung läuft …")
        QTimer.singleShot(0, self.run)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def run(self) -> None:
        state, wizard = self.state, self.wizard()
        assert state.plan is not None
        set_busy(wizard, state, True)
        try:
            state.purge_result = execute_purge(
                state.plan,
                today=state.today,
                user=state.user,
                backup=state.backup.name if state.backup else "",
                progress=self._progress,
            )
        except Exception as exc:  # rolled back by the transaction; the user must be told whatever it was
            message = exc.message if isinstance(exc, KrmError) else str(exc)
            self.failed = True
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(
                f"Die Löschung ist fehlgeschlagen: {message}\nAlle Änderungen wurden zurückgenommen; die Datenbank "
                "ist unverändert. Bitte beheben Sie die Ursache (oder wenden Sie sich an die IT) und starten Sie "
                "den Löschassistenten dann erneut."
            )
            self.bar.setValue(0)
            self.bar.setFormat("abgebrochen")
            set_busy(wizard, state, False)
            wizard.setButtonText(QWizard.WizardButton.CancelButton, "Schließen")
            tell(wizard, "Löschung fehlgeschlagen", self.status.text())
            return
        result = state.purge_result
        self.bar.setMaximum(max(state.plan.total, 1))
        self.bar.setValue(self.bar.maximum())
        self.finished = True
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(
            f"Fertig: {result.anonymised} Kundenreaktionen anonymisiert, {result.deleted} vollständig gelöscht."
        )
        set_busy(wizard, state, False)
        wizard.button(QWizard.WizardButton.CancelButton).setEnabled(False)  # done: only forward to the aftermath
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished

    def nextId(self) -> int:
        return -1 if self.failed else AFTER


class AfterPage(QWizardPage):
    """`purge_done(log_id)` is emitted when the aftermath of a run is done."""

    purge_done = Signal(int)

    def __init__(self, state: PurgeState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("Abschluss")
        self.setSubTitle("Datenbank bereinigen, alte Sicherungen entfernen, Löschprotokoll.")
        self.steps = wrapped()
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.pdf_button = QPushButton("Löschprotokoll als &PDF speichern …")
        self.print_button = QPushButton("Löschprotokoll &drucken …")
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.print_button.clicked.connect(self.open_for_print)
        self.finished = False
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.finished = False
        self.pdf_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.steps.setText("Die Datenbank wird bereinigt (VACUUM) …")
        QTimer.singleShot(0, self.run)

    def run(self) -> None:
        state, wizard = self.state, self.wizard()
        result = state.purge_result
        assert result is not None
        set_busy(wizard, state, True)
        lines: list[str] = []
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        vacuumed, removed = False, []
        try:
            vacuumed = vacuum_store()
            lines.append("✔ Datenbank bereinigt (VACUUM): gelöschte Inhalte sind auch in der Datei nicht mehr lesbar.")
            if state.store.is_sqlite:
                removed = remove_expired_backups(state.store, state.today)
            names = ", ".join(p.name for p in removed) or "keine"
            lines.append(f"✔ Ältere Sicherungen mit gelöschten Daten entfernt: {names}.")
        except Exception as exc:
            message = exc.message if isinstance(exc, KrmError) else str(exc)
            lines.append(f"<span style='{ERROR_STYLE}'>✘ Nacharbeit unvollständig: {message}</span>")
        finish_purge(result.log_id, vacuumed=vacuumed, backups_removed=[p.name for p in removed])
        lines.append(
            f"✔ Löschprotokoll Nr. {result.log_id} gespeichert: {result.anonymised} anonymisiert, "
            f"{result.deleted} vollständig gelöscht, Stichtag {d(state.as_of)}."
        )
        if state.plan is not None:
            counts = state.plan.counts()
            lines.extend(f"&nbsp;&nbsp;&nbsp;• {rule.label}: {counts[rule.code]}" for rule in state.plan.rules)
            lines.append(f"&nbsp;&nbsp;&nbsp;• {state.plan.routing_rule.label}: {result.routing_notes_deleted}")
        if state.backup:
            lines.append(f"Die Sicherung {state.backup.name} bleibt {RECOVERY_DAYS} Tage als Rückfallebene erhalten.")
        self.steps.setText("<br>".join(lines))
        self.pdf_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.finished = True
        set_busy(wizard, state, False)
        self.purge_done.emit(result.log_id)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished

    def pdf_bytes(self) -> bytes:
        result = self.state.purge_result
        assert result is not None
        return render_purge_log(result.log_id)

    def save_pdf(self, path: Path) -> None:
        write_file(path, self.pdf_bytes())

    def _ask_pdf(self) -> None:
        suggested = str(self.state.default_folder() / f"Loeschprotokoll-{self.state.as_of:%Y-%m-%d}.pdf")
        name, _ = QFileDialog.getSaveFileName(self, "Löschprotokoll speichern", suggested, "PDF-Datei (*.pdf)")
        if name:
            try:
                self.save_pdf(Path(name))
            except OSError as exc:
                QMessageBox.warning(
                    self, "Speichern nicht möglich", f"Die Datei {name} lässt sich nicht schreiben: {exc}"
                )

    def open_for_print(self) -> None:
        """Open the PDF in the system's viewer, which prints it as it is."""
        folder = Path(tempfile.mkdtemp(prefix="krm-loeschprotokoll-"))
        path = folder / f"Loeschprotokoll-{self.state.as_of:%Y-%m-%d}.pdf"
        self.save_pdf(path)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
