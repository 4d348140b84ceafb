"""Starting the GUI: open (or create) the database, ask for the office profile on first start."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from krm_desktop.model.db import Store, is_url, open_store
from krm_desktop.model.errors import KrmError
from krm_desktop.model.profiles import has_profile
from krm_desktop.ui.main_window import MainWindow
from krm_desktop.ui.profile_dialog import ProfileDialog


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("KRM Desktop")
    app.setApplicationName("KRM Desktop")
    return app  # type: ignore[return-value]


def open_for_gui(target: str) -> Store | None:
    """Open the database; a missing default file is created. Errors are shown in German."""
    create = not is_url(target) and not Path(target).expanduser().exists()
    try:
        return open_store(target, create=create)
    except KrmError as exc:
        QMessageBox.critical(None, "Datenbank lässt sich nicht öffnen", exc.message)
        return None


def run_gui(target: str) -> int:
    app = application()
    store = open_for_gui(target)
    if store is None:
        return 1
    if not has_profile():
        dialog = ProfileDialog(store.describe())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            store.close()
            return 0
    window = MainWindow(store, date.today())
    window.show()
    code = app.exec()
    store.close()
    return code
