"""„Datenbank wählen“: a SQLite file (on this computer or a network drive) or a database on a PostgreSQL server.

`choose_database(parent, start)` returns what `--db` takes — the file's path or a postgresql:// URL (with the
password, percent-encoded) — or None when the person cancels. What the dialog shows of a server address never
contains the password. „Verbindung prüfen“ asks the server on a connection of its own (db.probe_server), so the
database the program has open is not touched.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.errors import KrmError
from krm_desktop.model.store.targets import (
    DEFAULT_PORT,
    ServerAddress,
    address_problems,
    describe_target,
    is_server_url,
    parse_server_url,
    server_url,
)
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.widgets.fields import REQUIRED_NOTE, FieldErrors, accept_cancel, add_row, error_line, hint

FILE_FILTER = "KRM-Datenbank (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)"
OK_STYLE = "QLabel { color: #1b5e20; }"
PROBLEM_STYLE = "QLabel { color: #b00020; }"


class ChooseDatabaseDialog(QDialog):
    """The form; `chosen` holds the target after „Öffnen“."""

    def __init__(self, parent: QWidget | None = None, start: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Datenbank wählen")
        self.setMinimumWidth(560)
        self.chosen: str | None = None
        intro = QLabel(
            "Mit welcher KRM-Datenbank soll das Programm arbeiten? Eine Datei auf diesem Rechner oder einem "
            "Netzlaufwerk, oder eine Datenbank auf einem PostgreSQL-Server (für mehrere Arbeitsplätze)."
        )
        intro.setWordWrap(True)
        self.file_choice = QRadioButton("SQLite-&Datei")
        self.server_choice = QRadioButton("&PostgreSQL-Server")
        kinds = QButtonGroup(self)
        kinds.addButton(self.file_choice)
        kinds.addButton(self.server_choice)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.file_choice)
        choice_row.addWidget(self.server_choice)
        choice_row.addStretch(1)
        self.general = error_line()
        self.errors = FieldErrors(self.general)
        self.file_box = self._file_box()
        self.server_box = self._server_box()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        buttons = accept_cancel(self, "Ö&ffnen", QDialogButtonBox.StandardButton.Open)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choice_row)
        layout.addWidget(self.file_box)
        layout.addWidget(self.server_box)
        layout.addWidget(hint(REQUIRED_NOTE))
        layout.addWidget(self.general)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.file_choice.toggled.connect(self._show_kind)
        self._fill(start or "")
        self._show_kind()

    # --- the two kinds ---------------------------------------------------------------------------------

    def _file_box(self) -> QGroupBox:
        box = QGroupBox("Speicherort der Datei")
        form = QFormLayout(box)
        self.path = QLineEdit()
        self.path.setPlaceholderText(r"z. B. \\server\krm$\krm.sqlite3")
        browse = QPushButton("&Durchsuchen …")
        browse.setAutoDefault(False)  # Enter opens the database, never the file dialog
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        add_row(form, self.errors, "path", "Datei", row, required=True, focus=self.path)
        return box

    def _server_box(self) -> QGroupBox:
        box = QGroupBox("Verbindung zum Server")
        form = QFormLayout(box)
        self.host = QLineEdit()
        self.host.setPlaceholderText("z. B. db.jobcenter.local")
        self.port = QLineEdit(str(DEFAULT_PORT))
        self.port.setMaximumWidth(90)
        self.database = QLineEdit()
        self.database.setPlaceholderText("z. B. krm")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for key, text, widget, required in (
            ("host", "Server", self.host, True),
            ("port", "Port", self.port, True),
            ("database", "Datenbank", self.database, True),
            ("user", "Benutzer", self.user, True),
        ):
            add_row(form, self.errors, key, text, widget, required=required, edited=self._address_changed)
        add_row(
            form, self.errors, "password", "Kennwort", self.password, edited=self._address_changed,
            note="Leer lassen, wenn die IT das Kennwort in der Datei pgpass.conf hinterlegt hat. Es wird "
            "nirgends angezeigt.",
        )  # fmt: skip
        self.address = QLabel()
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAccessibleName("Adresse ohne Kennwort")
        probe = QPushButton("&Verbindung prüfen")
        probe.setAutoDefault(False)
        probe.clicked.connect(self.probe)
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(probe)
        form.addRow("Adresse:", row)
        return box

    def _fill(self, start: str) -> None:
        if is_server_url(start):
            address = parse_server_url(start)
            self.host.setText(address.host)
            self.port.setText(str(address.port or DEFAULT_PORT))
            self.database.setText(address.database)
            self.user.setText(address.user)
            self.password.setText(address.password)
            self.server_choice.setChecked(True)
        else:
            self.path.setText(start)
            self.file_choice.setChecked(True)
        self._address_changed()

    def _show_kind(self) -> None:
        server = self.server_choice.isChecked()
        self.server_box.setVisible(server)
        self.file_box.setVisible(not server)
        self.status.hide()
        (self.host if server else self.path).setFocus()
        self.adjustSize()  # the other box has another height

    def _address_changed(self) -> None:
        self.status.hide()
        typed = self._typed_address()
        self.address.setText(describe_target(server_url(typed)) if typed else "–")

    def _typed_address(self) -> ServerAddress | None:
        port = self.port.text().strip()
        if not self.host.text().strip() or not port.isdigit():
            return None
        return ServerAddress(
            self.host.text().strip(), int(port), self.database.text().strip(), self.user.text().strip(),
            self.password.text(),
        )  # fmt: skip

    # --- actions -----------------------------------------------------------------------------------------

    def browse(self) -> None:
        start = self.path.text().strip() or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, "KRM-Datenbank öffnen", start, FILE_FILTER)
        if chosen:
            self.path.setText(chosen)
            self.errors.clear("path")

    def target(self) -> str | None:
        """The target as typed, or None after showing what is missing next to the fields."""
        if self.file_choice.isChecked():
            path = self.path.text().strip()
            problems = {} if path else {"path": "Bitte die Datenbankdatei angeben oder mit „Durchsuchen …“ wählen."}
        else:
            problems = address_problems(self.host.text(), self.port.text(), self.database.text(), self.user.text())
        first = self.errors.show(problems)
        self.adjustSize()  # room for the messages below the fields
        if problems:
            if first is not None:
                first.setFocus()
            return None
        if self.file_choice.isChecked():
            return self.path.text().strip()
        address = self._typed_address()
        return server_url(address) if address else None

    def probe(self) -> None:
        target = self.target()
        if target is None:
            return
        from krm_desktop.model.store.connection import probe_server

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            text, style = probe_server(target), OK_STYLE
        except KrmError as exc:
            text, style = exc.message, PROBLEM_STYLE
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.status.setStyleSheet(style)
        self.status.setText(text)
        self.status.show()
        self.adjustSize()

    def accept(self) -> None:
        target = self.target()
        if target is None:
            return  # the messages stand next to the fields; everything typed stays
        self.chosen = target
        super().accept()


def choose_database(parent: QWidget | None = None, start: str | None = None) -> str | None:
    """Ask for a database; the path or postgresql:// URL to open, or None when cancelled."""
    dialog = ChooseDatabaseDialog(parent, start)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen


def program_command(target: str) -> list[str]:
    """The command that starts this program on `target` (the bundle's own executable, or Python with the package)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--db", target]
    return [sys.executable, "-m", "krm_desktop", "--db", target]


def install_database_menu(context: WindowContext, menu: QMenu, window: QWidget) -> QAction:
    """ "Andere Datenbank öffnen …" at the top of the Datei `menu`: a file or a server, opened in a new window of the
    program (`window` closes, so two windows never write the same case at once)."""
    from PySide6.QtCore import QProcess

    def open_other() -> None:
        path = context.store.path
        chosen = choose_database(window, start=str(path) if path is not None else None)
        if not chosen:
            return
        command = program_command(chosen)
        if QProcess.startDetached(command[0], command[1:]):
            window.close()
        else:
            QMessageBox.warning(window, "Datenbank wechseln", "Das Programm ließ sich nicht neu starten.")

    action = QAction("Andere &Datenbank öffnen …", window)
    action.setStatusTip("Eine andere KRM-Datenbank (Datei oder PostgreSQL-Server) in einem neuen Fenster öffnen")
    action.triggered.connect(lambda _checked=False: open_other())
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)
    menu.insertSeparator(first)
    return action
