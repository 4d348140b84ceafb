"""Before the database is opened for work: the start-up check (model.store.file_check) and, when the file is
damaged, empty or no KRM database, the German dialog that says what is wrong and offers the newest good
backup, another file, or to quit. The damaged file itself is never written to; a restore keeps its bytes
as a copy in the backup folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from krm_desktop.model.errors import KrmError
from krm_desktop.model.store.backups import BackupInfo
from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.file_check import LOCKED, MISSING, NEWER, FileCheck, check_database_file
from krm_desktop.model.store.restore import newest_good_backup, restore_backup

TITLES = {
    LOCKED: "Datenbank gesperrt",
    NEWER: "Datenbank einer neueren Programmversion",
}
DEFAULT_TITLE = "Datenbank beschädigt oder unbrauchbar"


def number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class DamagedDialog(QMessageBox):
    """What is wrong with the database file and the ways out; `choice` says which one the person took."""

    RESTORE, OTHER, RETRY, QUIT = "restore", "other", "retry", "quit"

    def __init__(self, finding: FileCheck, backup: BackupInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.backup = backup
        title = TITLES.get(finding.status, DEFAULT_TITLE)
        self.setIcon(QMessageBox.Icon.Critical if finding.replaceable else QMessageBox.Icon.Warning)
        self.setWindowTitle(f"KRM Desktop – {title}")
        self.setText(f"<b>{title}</b>")
        self.setInformativeText(self.explanation())
        self.choice = self.QUIT
        self.buttons_by_choice = {}
        if backup is not None:
            self.buttons_by_choice[self.RESTORE] = self.addButton(
                f"Neueste gute Sicherung vom {self.backup_date()} &wiederherstellen", QMessageBox.ButtonRole.AcceptRole
            )
        if finding.status == LOCKED:
            self.buttons_by_choice[self.RETRY] = self.addButton("&Erneut versuchen", QMessageBox.ButtonRole.AcceptRole)
        self.buttons_by_choice[self.OTHER] = self.addButton("&Andere Datei wählen …", QMessageBox.ButtonRole.ActionRole)
        quit_button = self.addButton("&Beenden", QMessageBox.ButtonRole.RejectRole)
        self.buttons_by_choice[self.QUIT] = quit_button
        self.setEscapeButton(quit_button)
        default = self.RESTORE if backup is not None else self.RETRY if finding.status == LOCKED else self.OTHER
        self.setDefaultButton(self.buttons_by_choice[default])
        self.buttonClicked.connect(self._clicked)

    def backup_date(self) -> str:
        if self.backup is None:
            return ""
        taken = self.backup.taken_on or date.fromtimestamp(self.backup.path.stat().st_mtime)
        return f"{taken:%d.%m.%Y}"

    def explanation(self) -> str:
        lines = [self.finding.message]
        if self.finding.replaceable:
            lines.append("Die Datei wird nicht verändert.")
            if self.backup is not None and self.backup.cases is not None:
                lines.append(
                    f"Die neueste gute Sicherung ist vom {self.backup_date()} ({self.backup.purpose_label()}, "
                    f"{number(self.backup.cases)} Kundenreaktionen). Was danach erfasst wurde, fehlt in ihr. Die "
                    "beschädigte Datei wird vorher in den Sicherungsordner kopiert."
                )
            else:
                lines.append("Eine gute Sicherung dieser Datenbank wurde nicht gefunden; bitte die IT fragen.")
        return "\n\n".join(lines)

    def _clicked(self, button) -> None:
        self.choice = next((c for c, b in self.buttons_by_choice.items() if b is button), self.QUIT)


@dataclass(frozen=True)
class Gate:
    """What the start does next: open the file as usual ("open"), work on the restored database ("restored",
    with its store), or what the person chose ("other", "retry", "quit")."""

    choice: str
    store: Store | None = None
    finding: FileCheck | None = None


def startup_gate(path: Path, today: date, parent: QWidget | None = None) -> Gate:
    """Check the file before it is opened; on trouble show DamagedDialog until a way out is chosen."""
    finding = check_database_file(path)
    if finding.ok or finding.status == MISSING:
        return Gate("open", finding=finding)
    while True:
        backup = newest_good_backup(path) if finding.replaceable else None
        dialog = DamagedDialog(finding, backup, parent)
        dialog.exec()
        if dialog.choice != DamagedDialog.RESTORE or backup is None:
            return Gate(dialog.choice, finding=finding)
        try:
            restored = restore_backup(path, backup.path, today)
        except KrmError as exc:
            QMessageBox.warning(parent, "Wiederherstellung nicht möglich", exc.message)
            finding = check_database_file(path)
            if finding.ok:
                return Gate("open", finding=finding)
            continue
        return Gate("restored", restored.store, finding)
