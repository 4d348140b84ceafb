"""The letters' text blocks: edit them with a live preview; unknown placeholders are refused. (The letterhead is
edited in the Einstellungen, page "Dienststelle und Briefkopf".)

Edits of several blocks may be pending at once (marked with •): nothing typed is lost when switching
between blocks. "Speichern" stores the shown block only if nobody changed it meanwhile; a conflict keeps
the text in the editor and says what to do.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.documents.letters.compose import block_label
from krm_desktop.documents.letters.samples import block_preview
from krm_desktop.model.cases.letters import (
    OPTIONAL_PLACEHOLDERS,
    PLACEHOLDERS,
    Block,
    all_blocks,
    block_problems,
    reset_block,
    save_block,
)
from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.ui.widgets.discard import confirm_discard
from krm_desktop.ui.widgets.pdf_preview import PdfPreview
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

ERROR_STYLE = "color: #b00020;"
PENDING_MARK = " •"


def _buddy(text: str, field: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    return label


class TextBlocksPage(QWidget):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.blocks: dict[str, Block] = {b.key: b for b in all_blocks()}
        self.pending: dict[str, tuple[str, str]] = {}  # key -> (title, body) not yet saved
        self.current: str | None = None
        self._loading = False

        self.list = QListWidget()
        self.list.setAccessibleName("Textbausteine")
        for key, block in self.blocks.items():
            item = QListWidgetItem(block_label(key, block.title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        self.title = QLineEdit()
        self.title.setAccessibleName("Titel des Textbausteins")
        self.title_error = QLabel()
        self.title_error.setStyleSheet(ERROR_STYLE)
        self.body = QPlainTextEdit()
        self.body.setAccessibleName("Text des Textbausteins")
        self.body_error = QLabel()
        self.body_error.setStyleSheet(ERROR_STYLE)
        self.body_error.setWordWrap(True)
        self.body_error.setAccessibleName("Fehler im Text")
        self.placeholders = QListWidget()
        self.placeholders.setAccessibleName("Platzhalter zum Einfügen")
        for name, meaning in PLACEHOLDERS.items():
            optional = " (entfällt als eigene Zeile, wenn leer)" if name in OPTIONAL_PLACEHOLDERS else ""
            item = QListWidgetItem(f"{{{name}}} – {meaning}{optional}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.placeholders.addItem(item)
        self.placeholders.itemDoubleClicked.connect(self.insert_placeholder)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton("&Speichern")
        self.reset_button = QPushButton("Mitgelieferten &Standard wiederherstellen")
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.preview = PdfPreview()
        self._preview_pdf = b""

        editor = QWidget()
        column = QVBoxLayout(editor)
        column.addWidget(_buddy("&Titel:", self.title))
        column.addWidget(self.title)
        column.addWidget(self.title_error)
        column.addWidget(_buddy("Te&xt (Platzhalter in geschweiften Klammern, Absätze durch Leerzeilen):", self.body))
        column.addWidget(self.body, 2)
        column.addWidget(self.body_error)
        column.addWidget(_buddy("&Platzhalter (Doppelklick fügt ein):", self.placeholders))
        column.addWidget(self.placeholders, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(editor)
        splitter.addWidget(self.preview)
        splitter.setSizes([260, 480, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._timer = QTimer(self, singleShot=True, interval=350)
        self._timer.timeout.connect(self.refresh_preview)
        self.title.textEdited.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.list.currentItemChanged.connect(self._select)
        self.list.setCurrentRow(0)

    # --- selecting and editing -------------------------------------------------------------------------------------

    def select(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(row)
                return

    def _select(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        self.current = key
        title, body = self.pending.get(key, (self.blocks[key].title, self.blocks[key].body))
        self._loading = True
        self.title.setText(title)
        self.body.setPlainText(body)
        self._loading = False
        self.status.clear()
        self._check()
        self.refresh_preview()

    def _edited(self) -> None:
        if self._loading or self.current is None:
            return
        key = self.current
        stored = self.blocks[key]
        now = (self.title.text(), self.body.toPlainText())
        if now == (stored.title, stored.body):
            self.pending.pop(key, None)
        else:
            self.pending[key] = now
        self._mark(key)
        self._check()
        self._timer.start()

    def _mark(self, key: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                title = self.pending.get(key, (self.blocks[key].title, ""))[0] or self.blocks[key].title
                item.setText(block_label(key, title) + (PENDING_MARK if key in self.pending else ""))

    def _check(self) -> dict[str, str]:
        problems = block_problems(self.title.text(), self.body.toPlainText())
        self.title_error.setText(problems.get("title", ""))
        self.body_error.setText(problems.get("body", ""))
        self.save_button.setEnabled(not problems and self.current in self.pending)
        return problems

    def insert_placeholder(self, item: QListWidgetItem) -> None:
        self.body.textCursor().insertText(f"{{{item.data(Qt.ItemDataRole.UserRole)}}}")
        self.body.setFocus()

    def preview_pdf(self) -> bytes:
        """The PDF the preview shows now."""
        return self._preview_pdf

    def refresh_preview(self) -> None:
        if self.current is None or self._check().get("body"):
            return  # the message stands next to the field; the preview keeps the last good text
        try:
            rendered = block_preview(self.current, self.body.toPlainText(), self.today)
        except KrmError as exc:
            self.body_error.setText(exc.message)
            return
        self._preview_pdf = rendered.pdf
        self.preview.show_pdf(rendered.pdf)

    # --- storing ----------------------------------------------------------------------------------------------------

    def save(self) -> bool:
        key = self.current
        if key is None or key not in self.pending:
            return False
        title, body = self.pending[key]
        try:
            saved = save_block(key, title=title, body=body, version=self.blocks[key].version)
        except ValidationError as exc:
            self.title_error.setText(exc.errors.get("title", ""))
            self.body_error.setText(exc.errors.get("body", ""))
            return False
        except KrmError as exc:
            self.status.setText(exc.message)
            self.status.setStyleSheet(ERROR_STYLE)
            return False
        self.blocks[key] = saved
        self.pending.pop(key, None)
        self._mark(key)
        self.status.setStyleSheet("")
        self.status.setText(f"Gespeichert: {block_label(key, saved.title)}.")
        self._check()
        return True

    def reset(self) -> None:
        key = self.current
        if key is None:
            return
        try:
            self.blocks[key] = reset_block(key, version=self.blocks[key].version)
        except KrmError as exc:
            self.status.setText(exc.message)
            return
        self.pending.pop(key, None)
        self._mark(key)
        self._select(self.list.currentItem())
        self.status.setText("Der mitgelieferte Standardtext gilt wieder.")


class TextBlockDialog(QDialog):
    """Extras → Textbausteine."""

    def __init__(self, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Schreiben: Textbausteine")
        fit_on_screen(self, 1280, 760)
        self.blocks_page = TextBlocksPage(today)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Schließen")
        buttons.rejected.connect(self.reject)
        note = QLabel(
            "Den Briefkopf (Anschrift, Ansprechperson, Logo) bearbeiten Sie unter Extras → Einstellungen "
            "→ Dienststelle und Briefkopf."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.blocks_page)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def unsaved(self) -> list[str]:
        return [block_label(k, t) for k, (t, _) in self.blocks_page.pending.items()]

    def reject(self) -> None:
        pending = self.unsaved()
        if pending and not confirm_discard(self, "Nicht gespeichert sind: " + ", ".join(pending) + "."):
            return
        super().reject()
