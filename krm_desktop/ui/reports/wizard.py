"""Report wizard (Auswertung erstellen): period and recipient, the office's texts, key figures, save PDF and/or CSV.

Pages: 1 Zeitraum (refuses a bad period next to the field, `input_pages`), 2 Texte (prefilled with what was saved
for the period, per category where the office writes so, the Auffälligkeiten beside them; saved on "Weiter",
`texts_page`), 3 Vorschau (key figures beside the previous period),
4 Speichern (PDF and/or CSV).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from krm_desktop.documents.reports.files import SavedReport, report_format, save_report
from krm_desktop.documents.reports.numbers import de_change, de_value
from krm_desktop.model.errors import KrmError
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.reports.figures import Figures, compute_figures
from krm_desktop.model.reports.periods import Period
from krm_desktop.ui.reports.input_pages import PeriodPage, error_label, show_error
from krm_desktop.ui.reports.texts_page import TextsPage
from krm_desktop.ui.widgets.screen_fit import fit_on_screen


class PreviewPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Vorschau der Kennzahlen")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Kennzahlen")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ReportWizard)
        figures = wizard.compute()
        if figures is None:
            return
        period = figures.period
        self.setSubTitle(f"{period.title} ({period.span_text}), Stand {figures.today:%d.%m.%Y}")
        notes = []
        if figures.empty:
            notes.append(
                f"Im Zeitraum {period.span_text} wurden keine Kundenreaktionen erfasst; der Bericht sagt das so."
            )
        if figures.provisional:
            notes.append(f"Vorläufig: der Zeitraum endet erst am {period.end:%d.%m.%Y}.")
        if figures.previous is None:
            notes.append("Für den Vorzeitraum liegen keine Daten vor.")
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        compared = figures.comparison()
        self.table.setRowCount(len(compared))
        self.table.setHorizontalHeaderLabels(["Kennzahl", period.label, period.previous().label, "Veränderung"])
        for row, c in enumerate(compared):
            cells = [
                c.label,
                de_value(c.current, c.unit),
                de_value(c.previous, c.unit),
                de_change(c.change, c.change_pct, c.unit),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)


class SavePage(QWizardPage):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.setTitle("Speichern")
        self.setSubTitle("Den Bericht als PDF für die Sitzung und/oder als CSV (für Excel) speichern.")
        self.folder = folder
        self.pdf = QCheckBox("&PDF-Bericht")
        self.pdf.setChecked(True)
        self.csv = QCheckBox("&CSV-Datei (Excel)")
        self.pdf_path = QLineEdit()
        self.pdf_path.setAccessibleName("Datei für den PDF-Bericht")
        self.csv_path = QLineEdit()
        self.csv_path.setAccessibleName("Datei für die CSV-Datei")
        self.error = error_label()
        grid = QGridLayout(self)
        for row, (box, edit, suffix) in enumerate(((self.pdf, self.pdf_path, "pdf"), (self.csv, self.csv_path, "csv"))):
            browse = QPushButton("Durchsuchen …")
            browse.setAccessibleName(f"{suffix.upper()}-Datei wählen")
            browse.clicked.connect(lambda _=False, e=edit, s=suffix: self._browse(e, s))
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(browse.setEnabled)
            edit.setEnabled(box.isChecked())
            browse.setEnabled(box.isChecked())
            grid.addWidget(box, row, 0)
            line = QHBoxLayout()
            line.addWidget(edit)
            line.addWidget(browse)
            holder = QWidget()
            holder.setLayout(line)
            grid.addWidget(holder, row, 1)
        grid.addWidget(self.error, 2, 0, 1, 2)
        grid.setRowStretch(3, 1)

    def initializePage(self) -> None:
        period = self.wizard().period()
        stem = f"KRM-{period.title.split()[0]}-{period.code}"
        for edit, suffix in ((self.pdf_path, "pdf"), (self.csv_path, "csv")):
            current = Path(edit.text()) if edit.text() else None
            folder = current.parent if current else self.folder
            edit.setText(str(folder / f"{stem}.{suffix}"))
        show_error(self.error, None)

    def _browse(self, edit: QLineEdit, suffix: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Speichern unter", edit.text(), f"{suffix.upper()} (*.{suffix})")
        if name:
            edit.setText(name)

    def targets(self) -> list[tuple[str, Path]]:
        """(format, path) of the chosen files."""
        chosen = ((self.pdf, self.pdf_path, "pdf"), (self.csv, self.csv_path, "csv"))
        return [(fmt, Path(edit.text().strip())) for box, edit, fmt in chosen if box.isChecked()]

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, ReportWizard)
        targets = self.targets()
        problem = None if targets else "Bitte mindestens ein Format wählen (PDF oder CSV)."
        for fmt, path in targets:
            if problem:
                break
            if not path.name or report_format(path) != fmt:
                problem = f"Der Dateiname für {fmt.upper()} muss auf .{fmt} enden: {path}"
            elif not path.parent.is_dir():
                problem = f"Den Ordner {path.parent} gibt es nicht; bitte einen vorhandenen Ordner wählen."
        if problem:
            show_error(self.error, problem)
            return False
        return wizard.save([path for _, path in targets], self.error)


def texts_by_category() -> bool:
    """Whether the office writes the qualitative part per category as well (its profile; no profile: no)."""
    try:
        return load_profile().report_texts_by_category
    except KrmError:
        return False


class ReportWizard(QWizard):
    """Creates a Jahresbericht, Halbjahresbericht or Quartalsauswertung; `saved` lists the files written."""

    def __init__(self, today: date, parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.setWindowTitle("Auswertung erstellen")
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, "&Weiter >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< &Zurück")
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Speichern")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Abbrechen")
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.period_page = PeriodPage(today)
        self.texts_page = TextsPage(by_category=texts_by_category())
        self.preview_page = PreviewPage()
        self.save_page = SavePage(folder or Path(documents or Path.home()))
        for page in (self.period_page, self.texts_page, self.preview_page, self.save_page):
            self.addPage(page)
        self.figures: Figures | None = None
        self.saved: list[SavedReport] = []
        fit_on_screen(self, 980, 640)

    def period(self) -> Period:
        return self.period_page.period()

    def compute(self) -> Figures | None:
        period = self.period()
        if self.figures is not None and self.figures.period == period:
            return self.figures
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.figures = compute_figures(period, today=self.today)
        except KrmError as exc:
            self.figures = None
            self.preview_page.note.setText(exc.message)
        finally:
            QGuiApplication.restoreOverrideCursor()
        return self.figures

    def save(self, targets: list[Path], error: QLabel) -> bool:
        figures = self.compute()
        if figures is None:
            show_error(error, "Die Kennzahlen ließen sich nicht ermitteln; bitte den Zeitraum prüfen.")
            return False
        saved = []
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for path in targets:
                saved.append(
                    save_report(
                        path,
                        figures.period,
                        today=self.today,
                        recipient=self.period_page.recipient_code(),
                        texts=self.texts_page.texts(),
                        figures=figures,
                    )
                )
        except PermissionError as exc:
            show_error(
                error,
                f"{exc.filename or 'Die Datei'} lässt sich nicht schreiben; ist sie noch in einem anderen "
                "Programm geöffnet oder fehlt die Berechtigung für den Ordner?",
            )
            return False
        except (OSError, KrmError) as exc:
            message = exc.message if isinstance(exc, KrmError) else f"Speichern nicht möglich: {exc.strerror or exc}"
            show_error(error, message)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.saved = saved
        return True
