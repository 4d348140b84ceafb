"""The database's safety in the main window, installed once the list is on screen: the full check of the file
(then the day's backup), "Sicherung wiederherstellen" and "Andere Datenbank öffnen" in the Datei menu, and a word
in the status bar when the file lies on a network drive."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from krm_desktop.model.store.network_path import location_status
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.database.choose import install_database_menu
from krm_desktop.ui.database.restore_dialog import install_backup_menu
from krm_desktop.ui.database.start_check import StartCheck, start_check


@dataclass(frozen=True)
class StoreSafety:
    start_check: StartCheck | None  # None: a server or read-only database, or the window started without it
    restore_action: QAction
    database_action: QAction


def install_store_safety(
    context: WindowContext, window: QWidget, file_menu: QMenu, database_label: QLabel, *, check: bool
) -> StoreSafety:
    """`check`: start the full check of the file (and the daily backup behind it)."""
    safety = StoreSafety(
        start_check(context, window) if check else None,
        install_backup_menu(context, file_menu, window),
        install_database_menu(context, file_menu, window),
    )
    status = location_status(context.store)
    if status is not None:
        database_label.setText(f"{database_label.text()} · {status[0]}")
        database_label.setToolTip(status[1])
    return safety
