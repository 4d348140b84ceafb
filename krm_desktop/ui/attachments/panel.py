"""The attachments (Anlagen) of one case: add by file dialog or drag-and-drop, open, save, remove.

The files live in the database (`model.cases.attachments`); the list shows them (`attachment_list`). "Öffnen" writes a copy into a private temporary folder
of this program run (readable by this account only, removed when the program ends) and hands it to the
system's viewer. A name from the database is never used as it stands: the copy and the save dialog get its
safe base name (`attachment_names.safe_name`), and a file type that runs code is never opened, only saved.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import date
from pathlib import Path

from peewee import DatabaseError
from PySide6.QtCore import QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from krm_desktop.model.cases.attachment_names import code_suffix, safe_name
from krm_desktop.model.cases.attachments import (
    MAX_BYTES,
    AttachmentInfo,
    add_file,
    adding_refusal,
    attachment_data,
    attachments_of,
    format_size,
    remove_attachment,
)
from krm_desktop.model.cases.stored_case import case_heading
from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.store.files import write_file
from krm_desktop.ui.attachments.attachment_list import AttachmentList

ERROR_STYLE = "color: #b00020;"
FILE_FILTER = (
    "Briefe, PDF, Bilder, E-Mails (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.gif *.bmp *.eml *.msg *.txt *.docx "
    "*.doc *.odt *.rtf);;Alle Dateien (*)"
)
DROP_HINT = (
    "Dateien hierher ziehen oder „Hinzufügen …“: gescannte Briefe, PDF, Bilder, E-Mails (.eml/.msg), "
    f"je Datei höchstens {format_size(MAX_BYTES)}."
)
DROP_STYLE = "AttachmentsPanel#attachments_panel { border: 2px dashed palette(highlight); }"
NARROW_WIDTH = 620
_temp_folder: Path | None = None


def private_folder() -> Path:
    """This run's folder for opened attachments: only this account may read it; it goes with the program."""
    global _temp_folder
    if _temp_folder is None or not _temp_folder.is_dir():
        _temp_folder = Path(tempfile.mkdtemp(prefix="krm-anlagen-"))  # mode 0700
        atexit.register(shutil.rmtree, _temp_folder, True)
    return _temp_folder


def program_hint(filename: str, suffix: str) -> str:
    """Why a file that runs code is not opened, and what to do instead."""
    return (
        f"„{safe_name(filename)}“ ist eine Programmdatei ({suffix}) und wird aus Sicherheitsgründen nicht geöffnet: "
        "Windows würde sie ausführen. Bitte mit „Speichern unter …“ ablegen und nur nach Rücksprache mit der IT "
        "verwenden."
    )


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (an e-mail dragged from a mail program arrives as such a file)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class AttachmentsPanel(QWidget):
    changed = Signal(int)  # case id: an attachment was added or removed (the history has a new entry)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachments_panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.case_id: int | None = None
        self.user = ""
        self.today = date.min
        self.read_only = True
        self.writable = False  # a case is shown, the store is writable and the case not anonymised
        self.refusal: str | None = None  # why nothing may be attached to this case (issue 19: cards)
        self.items: list[AttachmentInfo] = []
        self.setAcceptDrops(True)

        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.tree = AttachmentList()
        self.tree.itemActivated.connect(lambda *_: self.open_selected())
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.hint = QLabel(DROP_HINT)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Fehler beim Hinzufügen")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Meldung")

        self.add_button = QPushButton("&Hinzufügen …")
        self.open_button = QPushButton("Ö&ffnen")
        self.save_button = QPushButton("Speichern &unter …")
        self.remove_button = QPushButton("&Entfernen")
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QGridLayout()  # two by two: the panel may sit in a narrow detail pane
        for index, button in enumerate((self.add_button, self.open_button, self.save_button, self.remove_button)):
            buttons.addWidget(button, index // 2, index % 2)
        buttons.setColumnStretch(2, 1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName("Ausgewählte Anlage")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree.delete_pressed.connect(self.remove_selected)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self.show_case(None, user="", today=date.min, read_only=True)

    # --- showing ---------------------------------------------------------------------------------

    def show_case(self, case_id: int | None, *, user: str, today: date, read_only: bool) -> None:
        self.user, self.today, self.read_only = user, today, read_only
        changed_case = case_id != self.case_id
        self.case_id = case_id
        if changed_case:
            self.error.hide()
            self.status.clear()
        self.reload()

    def reload(self) -> None:
        case = case_heading(self.case_id) if self.case_id is not None else None
        if case is None:
            self.case_id = None
        self.items = attachments_of(case.id) if case is not None else []
        self.writable = case is not None and not self.read_only and not case.anonymised
        self.tree.show_items(self.items, self.tree.selected_id())
        if case is None:
            self.title.setText("Anlagen – keine Kundenreaktion ausgewählt")
        elif case.anonymised:
            self.title.setText(
                f"Anlagen zu {case.ref} – anonymisiert: die Anlagen wurden mit den Personendaten gelöscht"
            )
        else:
            self.title.setText(f"Anlagen zu {case.ref} ({len(self.items)})")
        self.hint.setVisible(self.writable)
        self.setAcceptDrops(self.writable)
        # Issue 19: a Meinungskarte where the office keeps no scans of the cards takes no attachment; the drop is
        # still accepted, so that the refusal says why.
        self.refusal = adding_refusal(case.id) if self.writable and case is not None else None
        self.hint.setText(self.refusal or DROP_HINT)
        self.add_button.setToolTip(self.refusal or "")
        self._enable()

    def _enable(self) -> None:
        info = self.selected()
        chosen = info is not None
        self.details.setText(
            f"{safe_name(info.filename)}: {info.type_label}, {info.size_text}, beigefügt am {info.added:%d.%m.%Y} von "
            f"{info.added_by}"
            if info is not None
            else ""
        )
        self.details.setVisible(chosen)
        self.add_button.setEnabled(self.writable and self.refusal is None)
        program = code_suffix(info.filename) if info is not None else None
        self.open_button.setEnabled(chosen and program is None)
        self.open_button.setToolTip(program_hint(info.filename, program) if info is not None and program else "")
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self.writable)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.tree.set_narrow(event.size().width() < NARROW_WIDTH)
        super().resizeEvent(event)

    def selected(self) -> AttachmentInfo | None:
        wanted = self.tree.selected_id()
        return next((info for info in self.items if info.id == wanted), None) if wanted is not None else None

    def select(self, filename: str) -> bool:
        return self.tree.select_name(filename)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # --- adding ----------------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Anlagen hinzufügen", str(Path.home()), FILE_FILTER)
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> int:
        """Add each file; the refused ones are listed with the reason, the others are stored. Returns how
        many were added."""
        if not self.writable or self.case_id is None:
            self._show_problems(["An diese Kundenreaktion können keine Anlagen angefügt werden."])
            return 0
        if self.refusal is not None:
            self.hint.hide()  # the same words, now as the refusal
            self._show_problems([self.refusal])
            return 0
        added: list[str] = []
        problems: list[str] = []
        for path in paths:
            try:
                info = add_file(self.case_id, path, today=self.today, user=self.user)
            except ValidationError as exc:
                problems.append(" ".join(dict.fromkeys(exc.errors.values())))
            except (KrmError, DatabaseError, OSError) as exc:
                message = exc.message if isinstance(exc, KrmError) else str(exc)
                problems.append(f"„{path.name}“ nicht angefügt: {message}")
            else:
                added.append(info.filename)
        self._show_problems(problems)
        if added:
            self.reload()
            self.select(added[-1])
            self._say(f"Angefügt: {', '.join(added)}." if len(added) < 4 else f"{len(added)} Dateien angefügt.")
            self.changed.emit(self.case_id)
        return len(added)

    def _show_problems(self, problems: list[str]) -> None:
        self.error.setText("\n".join(problems))
        self.error.setVisible(bool(problems))
        if problems:
            self._say("")

    # --- drag and drop ---------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.writable and local_files(event.mimeData()):
            event.acceptProposedAction()
            self.setStyleSheet(DROP_STYLE)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.writable and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.setStyleSheet("")
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.setStyleSheet("")
        files = local_files(event.mimeData())
        if not self.writable or not files:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.add_files(files)

    # --- open, save, remove ----------------------------------------------------------------------

    def _data(self) -> tuple[AttachmentInfo, bytes] | None:
        info = self.selected()
        if info is None:
            return None
        try:
            return attachment_data(info.id)
        except (KrmError, DatabaseError) as exc:
            self._show_problems([exc.message if isinstance(exc, KrmError) else str(exc)])
            self.reload()
            return None

    def open_selected(self) -> Path | None:
        """Write the attachment into the private folder and show it in the system's viewer."""
        found = self._data()
        if found is None:
            return None
        info, data = found
        program = code_suffix(info.filename)
        if program:
            self._show_problems([program_hint(info.filename, program)])
            return None
        folder = Path(tempfile.mkdtemp(prefix=f"{info.id}-", dir=private_folder()))  # same names side by side
        path = folder / safe_name(info.filename)
        if path.parent != folder:  # safe_name gives a base name; this only guards the guard
            self._show_problems([f"„{info.filename}“ lässt sich nicht zum Anzeigen ablegen."])
            return None
        try:
            write_file(path, data)
        except OSError as exc:
            self._show_problems([f"„{info.filename}“ lässt sich nicht zum Anzeigen ablegen: {exc}"])
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            viewer = f"Für „{info.filename}“ ({info.type_label}) ist kein Anzeigeprogramm eingerichtet."
            self._show_problems([f"{viewer} Bitte mit „Speichern unter …“ ablegen und dort öffnen."])
            return path
        self._say(f"„{info.filename}“ im Anzeigeprogramm geöffnet.")
        return path

    def save_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        proposal = safe_name(info.filename)
        suffix = Path(proposal).suffix
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Anlage speichern unter",
            str(Path.home() / proposal),
            f"{info.type_label} (*{suffix});;Alle Dateien (*)" if suffix else "Alle Dateien (*)",
        )
        if name:
            self.save_selected_to(Path(name))

    def save_selected_to(self, path: Path) -> bool:
        found = self._data()
        if found is None:
            return False
        info, data = found
        try:
            write_file(path, data)
        except OSError as exc:
            self._show_problems([f"Die Datei {path} lässt sich nicht schreiben: {exc.strerror or exc}."])
            return False
        self._show_problems([])
        self._say(f"„{info.filename}“ gespeichert unter {path}.")
        return True

    def confirm_removal(self, info: AttachmentInfo) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Anlage entfernen",
            f"Die Anlage „{info.filename}“ ({info.type_label}, {info.size_text}) aus der Kundenreaktion "
            "entfernen?\n\nSie ist danach nicht mehr in der Datenbank; die Fallhistorie vermerkt die Entfernung.",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("confirm_remove_attachment")
        remove = box.addButton("Entfernen", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Abbrechen", QMessageBox.ButtonRole.RejectRole)  # German without Qt's translation
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is remove

    def remove_selected(self) -> bool:
        info = self.selected()
        if info is None or not self.writable or not self.confirm_removal(info):
            return False
        try:
            remove_attachment(info.id, today=self.today, user=self.user)
        except (KrmError, DatabaseError) as exc:
            self._show_problems([exc.message if isinstance(exc, KrmError) else str(exc)])
            self.reload()
            return False
        self._show_problems([])
        self.reload()
        self._say(f"„{info.filename}“ entfernt; in der Fallhistorie vermerkt.")
        if self.case_id is not None:
            self.changed.emit(self.case_id)
        return True
