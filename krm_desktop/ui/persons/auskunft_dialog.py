"""Compose, check, preview, print and keep an Auskunft (Art. 15 DSGVO) for one person.

Left: every item of the Auskunft, case by case, with a box "zurückhalten" (third parties' data are ticked
already, see `documents.auskunft.sections`), its text as it will print (other persons' identifiers already
withheld) and what was withheld in it; a field to black out more words in every text; the date the request
came in and the deadline it gives; the box the KRM-Beauftragte ticks when she has checked every withheld and
every kept passage. Right: the preview (the first pages of a long document). Nothing is issued before the
check is confirmed. Printing or saving keeps each case's pages in that case (like a letter), naming who
checked, and, when ticked, marks the person's open request answered, naming who checked.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.documents.auskunft.content import (
    AuskunftContent,
    CaseAuskunft,
    Item,
    passages,
    shown,
    withheld_passages,
)
from krm_desktop.documents.auskunft.pdf import RenderedAuskunft, case_copies, render_auskunft
from krm_desktop.documents.auskunft.sections import gather
from krm_desktop.model.errors import KrmError
from krm_desktop.model.persons.auskunft import AuskunftRequest, answer_due, mark_answered, requests_of, store_copies
from krm_desktop.model.persons.person import Person
from krm_desktop.model.store.files import write_file
from krm_desktop.ui.widgets.date_edit import DateEdit
from krm_desktop.ui.widgets.fields import ERROR_STYLE
from krm_desktop.ui.widgets.pdf_preview import PdfPreview, document_buttons, new_printer, print_pdf

PREVIEW_PAGES = 12  # a long Auskunft: the preview shows its beginning (the whole prints)
LIVE_CASES = 40  # up to this many cases the preview follows every change at once
KEY_ROLE = Qt.ItemDataRole.UserRole


def first_pages(pdf: bytes, count: int) -> bytes:
    """The first `count` pages of the PDF (the preview of a long document)."""
    source = pdfium.PdfDocument(pdf)
    try:
        if len(source) <= count:
            return pdf
        part = pdfium.PdfDocument.new()
        part.import_pages(source, list(range(count)))
        out = BytesIO()
        part.save(out)
        part.close()
        return out.getvalue()
    finally:
        source.close()


class AuskunftDialog(QDialog):
    """The Auskunft of one person. Raises KrmError (German) when it cannot be made (no address, say)."""

    kept = Signal(list)  # ids of the letters kept in the cases

    def __init__(self, person: Person, *, today: date, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person, self.today, self.user = person, today, user
        self.base: AuskunftContent = gather(person, today)
        self.content = self.base
        if not self.content.cases:
            raise KrmError(f"Zu {person.name} ist keine Kundenreaktion mehr gespeichert (Negativauskunft).")
        self.request: AuskunftRequest | None = next((r for r in requests_of(person) if r.answered is None), None)
        self.rendered: RenderedAuskunft | None = None
        self.setWindowTitle(f"Auskunft nach Art. 15 DSGVO – {person.name}")
        self.resize(1300, 860)
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=500)
        self._timer.timeout.connect(self.refresh_preview)
        self.items.itemChanged.connect(self._changed)
        self.blackout.textChanged.connect(self._blackout_changed)
        self.received.line.textChanged.connect(self._changed)
        self._show_due()
        self.refresh_preview()

    # --- building -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        received = self.request.received if self.request else self.today
        self.received = DateEdit(received)
        self.received.setMaximumDate(self.today)
        self.received.setAccessibleName("Eingang des Auskunftsersuchens")
        if self.request is not None:  # the recorded request's date holds; its deadline is in the history already
            self.received.setEnabled(False)
            self.received.setToolTip(f"Aus dem erfassten Auskunftsersuchen {self.request.number}")
        self.due = QLabel()
        self.due.setAccessibleName("Frist der Auskunft")
        self.answered = QCheckBox()
        if self.request is not None:
            self.answered.setText(f"Auskunftsersuchen {self.request.number} als beantwortet vermerken")
            self.answered.setChecked(True)
        else:
            self.answered.hide()
        self.items = QTreeWidget()
        self.items.setHeaderLabels(["Angabe", "Inhalt, wie er gedruckt wird", "In den Texten zurückgehalten"])
        self.items.setAccessibleName("Angaben der Auskunft; angekreuzt: wird zurückgehalten")
        self.items.setColumnWidth(0, 260)
        self.items.setColumnWidth(1, 420)
        self.rows: dict[str, tuple[QTreeWidgetItem, CaseAuskunft, Item]] = {}
        self._fill_items()
        hint = QLabel(
            "Angekreuzte Angaben werden nicht gedruckt, sondern durch den Hinweis „Angaben zu Dritten wurden "
            "entfernt (Art. 15 Abs. 4 DSGVO)“ ersetzt. Daten anderer Personen sind vorab angekreuzt. In allen "
            "Texten und im Verlauf sind Namen, Kunden- und BG-Nummern, Anschriften, Telefonnummern und "
            "E-Mail-Adressen anderer Personen bereits durch „[Angaben zu Dritten entfernt]“ ersetzt; die "
            "Spalte rechts nennt, was in jeder Angabe entfernt wurde."
        )
        hint.setWordWrap(True)
        self.blackout = QLineEdit()
        self.blackout.setPlaceholderText("z. B. Nachbarin Frau Heinrich; Hausnummer 12")
        self.blackout.setAccessibleName("Weitere Stellen schwärzen, durch Semikolon getrennt")
        self.blackout.setToolTip(
            "Wörter oder Wortfolgen, die in allen Texten zusätzlich entfernt werden; mehrere durch Semikolon trennen."
        )
        self.checked = QCheckBox(
            "Ich habe jede zurückgehaltene und jede gedruckte Stelle geprüft (wird mit der Auskunft vermerkt)."
        )
        self.checked.setAccessibleName("Prüfung vor der Ausgabe bestätigen")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview_note = QLabel()
        self.refresh_button = QPushButton("&Vorschau aktualisieren")
        self.refresh_button.clicked.connect(self.refresh_preview)

        form = QFormLayout()
        form.addRow("&Eingang des Ersuchens:", self.received)
        form.addRow("Frist (Art. 12 Abs. 3 DSGVO):", self.due)
        form.addRow("", self.answered)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addLayout(form)
        caption = QLabel("&Zurückhalten (Art. 15 Abs. 4 DSGVO):")
        caption.setBuddy(self.items)
        column.addWidget(caption)
        column.addWidget(self.items, 1)
        column.addWidget(hint)
        blackout = QFormLayout()
        blackout.addRow("Weitere Stellen &schwärzen:", self.blackout)
        column.addLayout(blackout)
        column.addWidget(self.checked)
        column.addWidget(self.error)
        column.addWidget(self.status)
        self.preview = PdfPreview()
        self.preview.setAccessibleName("Vorschau der Auskunft")
        right = QWidget()
        side = QVBoxLayout(right)
        side.addWidget(self.preview, 1)
        side.addWidget(self.preview_note)
        side.addWidget(self.refresh_button)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([620, 680])
        self.print_button, self.save_button = document_buttons(self, splitter)

    def _fill_items(self) -> None:
        self.items.blockSignals(True)
        withheld = self.content.default_withheld()
        for case in self.content.cases:
            top = QTreeWidgetItem([f"{case.ref} · {case.kind}", ", ".join(case.roles)])
            self.items.addTopLevelItem(top)
            for section in case.sections:
                choosable = [item for item in section.items if item.can_withhold]
                if not choosable:
                    continue
                group = QTreeWidgetItem(top, [section.title, ""])
                for item in choosable:
                    caption = " · ".join(p for p in (item.label.replace("\n", " · "), item.heading) if p)
                    row = QTreeWidgetItem(group, [caption, "", ""])
                    row.setData(0, KEY_ROLE, item.key)
                    self.rows[item.key] = (row, case, item)
                    if item.owner:
                        row.setToolTip(0, f"Daten einer anderen Person: {item.owner}")
                    row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    row.setCheckState(0, Qt.CheckState.Checked if item.key in withheld else Qt.CheckState.Unchecked)
            top.setExpanded(len(self.content.cases) <= 3)
        self._show_passages(withheld)
        self.items.blockSignals(False)

    def _show_passages(self, withheld: frozenset[str]) -> None:
        """Each item's text as it prints when kept, and what is withheld inside it."""
        cases = {case.case_id: case for case in self.content.cases}
        for row, old_case, item in self.rows.values():
            case = cases[old_case.case_id]
            printed = " ".join(shown(case, item, withheld - {item.key}).split())
            row.setText(1, printed[:400] + ("…" if len(printed) > 400 else ""))
            row.setToolTip(1, (item.text if item.owner else printed)[:2000])
            row.setText(2, _kinds(case, item))

    def _blackout_changed(self, words: str) -> None:
        self.content = self.base.with_blackout(tuple(w.strip() for w in words.split(";") if w.strip()))
        self._changed()

    # --- state -----------------------------------------------------------------------------------------------------

    def check_rows(self) -> list[QTreeWidgetItem]:
        rows = []
        for index in range(self.items.topLevelItemCount()):
            top = self.items.topLevelItem(index)
            for g in range(top.childCount()):
                group = top.child(g)
                rows += [group.child(r) for r in range(group.childCount())]
        return rows

    def withheld(self) -> frozenset[str]:
        return frozenset(
            row.data(0, KEY_ROLE) for row in self.check_rows() if row.checkState(0) == Qt.CheckState.Checked
        )

    def set_withheld(self, key: str, withheld: bool) -> None:
        for row in self.check_rows():
            if row.data(0, KEY_ROLE) == key:
                row.setCheckState(0, Qt.CheckState.Checked if withheld else Qt.CheckState.Unchecked)

    def received_on(self) -> date | None:
        return self.received.value()

    def _show_due(self) -> None:
        received = self.received_on()
        if received is None:
            self.due.setText(self.received.problem("Eingang des Ersuchens") or "")
            return
        due = answer_due(received, self.content.profile)
        late = " – überschritten" if due < self.today else ""
        self.due.setText(f"{due:%d.%m.%Y}{late}")

    def _changed(self, *_args: object) -> None:
        self.items.blockSignals(True)
        self._show_passages(self.withheld())
        self.items.blockSignals(False)
        self._show_due()
        self.rendered = None
        if len(self.content.cases) <= LIVE_CASES:
            self._timer.start()
        else:
            self.preview_note.setText("Geändert: „Vorschau aktualisieren“ zeigt den neuen Stand.")

    # --- rendering, printing and keeping -----------------------------------------------------------------------

    def render(self) -> RenderedAuskunft | None:
        if self.rendered is None:
            received = self.received_on()
            if received is None:
                self.error.setText(self.received.problem("Eingang des Ersuchens") or "")
                return None
            try:
                number = self.request.number if self.request else ""
                self.rendered = render_auskunft(
                    self.content, received=received, withheld=self.withheld(), number=number
                )
            except KrmError as exc:
                self.error.setText(exc.message)
                return None
        return self.rendered

    def refresh_preview(self) -> None:
        rendered = self.render()
        if rendered is None:
            return
        self.error.setText("")
        self.preview.show_pdf(first_pages(rendered.pdf, PREVIEW_PAGES))
        note = f"{rendered.pages} Seiten, {len(self.content.cases)} Kundenreaktion(en)"
        if rendered.pages > PREVIEW_PAGES:
            note += f"; die Vorschau zeigt die ersten {PREVIEW_PAGES} Seiten"
        if rendered.withheld:
            note += f"; {rendered.withheld} Angabe(n) zurückgehalten"
        if rendered.replaced:
            note += f"; {rendered.replaced} Zeichen kann die Schrift nicht darstellen (erscheinen als „�“)"
        self.preview_note.setText(note + ".")

    def _confirmed(self) -> bool:
        if not self.checked.isChecked():
            self.error.setText(
                "Bitte zuerst jede zurückgehaltene und jede gedruckte Stelle prüfen und „Ich habe … geprüft“ "
                "ankreuzen; erst dann wird die Auskunft ausgegeben."
            )
        return self.checked.isChecked()

    def print_dialog(self) -> None:
        if not self._confirmed():
            return
        rendered = self.render()
        if rendered is None:
            return
        printer = new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Auskunft drucken")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        if not self._confirmed():
            return False
        rendered = self.render()
        if rendered is None:
            return False
        try:
            print_pdf(rendered.pdf, printer)
        except OSError as exc:
            self.error.setText(f"Drucken nicht möglich: {exc}")
            return False
        return self._keep(rendered, "gedruckt")

    def save_dialog(self) -> None:
        if not self._confirmed():
            return
        suggestion = str(Path.home() / f"Auskunft_{'_'.join(self.person.name.split())}_{self.today:%Y-%m-%d}.pdf")
        name, _ = QFileDialog.getSaveFileName(self, "Als PDF speichern", suggestion, "PDF-Dateien (*.pdf)")
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        if not self._confirmed():
            return False
        rendered = self.render()
        if rendered is None:
            return False
        try:
            write_file(path, rendered.pdf)
        except OSError as exc:
            self.error.setText(f"Die Datei {path} lässt sich nicht schreiben: {exc.strerror or exc}.")
            return False
        return self._keep(rendered, "als PDF gespeichert")

    def _keep(self, rendered: RenderedAuskunft, how: str) -> bool:
        pages = {case_id: rendered.pages_note(case_id) for case_id in rendered.case_pages}
        try:
            copies = case_copies(rendered)
            kept = store_copies(copies, today=self.today, user=self.user, how=how, pages=pages, checked_by=self.user)
            text = f"Auskunft {how}; in {len(kept)} Kundenreaktion(en) abgelegt (je Anschreiben und eigene Seiten)."
            if self.request is not None and not self.answered.isHidden() and self.answered.isChecked():
                hidden = sum(p.kind != "Angabe" for p in withheld_passages(self.content, self.withheld()))
                note = (
                    f"Vor der Ausgabe geprüft von {self.user}; {rendered.withheld} Angabe(n) und {hidden} "
                    "Stelle(n) in Texten zurückgehalten."
                )
                mark_answered(self.request.number, answered_on=self.today, today=self.today, user=self.user, note=note)
                text += f" Auskunftsersuchen {self.request.number} als beantwortet vermerkt."
                self.answered.setChecked(False)
                self.answered.hide()
        except KrmError as exc:
            self.error.setText(f"Nicht abgelegt: {exc.message}")
            return False
        self.status.setText(text)
        self.kept.emit(kept)
        return True


def _kinds(case: CaseAuskunft, item: Item) -> str:
    """What is withheld inside the item's text: "Name ×2, Telefon"."""
    counts: dict[str, int] = {}
    for passage in passages(case, item):
        counts[passage.kind] = counts.get(passage.kind, 0) + 1
    return ", ".join(kind + (f" ×{n}" if n > 1 else "") for kind, n in counts.items())
