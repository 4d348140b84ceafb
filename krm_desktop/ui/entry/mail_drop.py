"""A saved mail (.eml, Outlook's .msg) or a scanned letter (.pdf) becomes a new case: dropped onto the main window,
or chosen with "Kundenreaktion → Aus E-Mail erfassen …" (issue 21; a drop onto the new-case dialog itself is
`NewCaseDialog.take_files`).

The file is read into a proposed case (`mail_case.read_mail`); the new-case dialog opens with it: the intake
questions first, then the form of the chosen kind, filled. A file that is no mail gets a German message naming it,
and nothing opens. One file is taken at a time: of several dropped files the first mail or PDF is read, the others
are named in the dialog's notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from krm_desktop.ui.widgets.file_drop import FileDrop

if TYPE_CHECKING:
    from krm_desktop.ui.entry.new_case import CaseHost

FILE_FILTER = "E-Mails und gescannte Briefe (*.eml *.msg *.pdf);;E-Mails (*.eml *.msg);;PDF-Dateien (*.pdf)"


def open_mail_case(host: CaseHost, paths: Sequence[Path], *, parent: QWidget | None = None) -> int | None:
    """Read the first mail of `paths` and register the case it proposes (intake, then the filled form); the new
    case's id, or None (refused file, cancelled, routed elsewhere)."""
    from krm_desktop.ui.entry.mail_case import read_mail  # the window installs the drop: the dialog loads when used
    from krm_desktop.ui.entry.new_case import READ_ONLY_TEXT, NewCaseDialog

    if not paths:
        return None
    if host.read_only:
        QMessageBox.information(parent, "Schreibgeschützt", READ_ONLY_TEXT)
        return None
    mail = read_mail(paths, today=host.today, parent=parent)
    if mail is None:
        return None
    dialog = NewCaseDialog(host, parent=parent)
    try:
        dialog.take_mail(mail)
        dialog.exec()
        return dialog.case_id
    finally:
        dialog.deleteLater()


def choose_mail_file(parent: QWidget | None) -> Path | None:
    """The file dialog of "Aus E-Mail erfassen …"."""
    name, _ = QFileDialog.getOpenFileName(parent, "E-Mail oder gescannten Brief wählen", str(Path.home()), FILE_FILTER)
    return Path(name) if name else None


def open_chosen_mail(host: CaseHost, *, parent: QWidget | None = None) -> int | None:
    """ "Kundenreaktion → Aus E-Mail erfassen …": choose the file, then as a drop."""
    path = choose_mail_file(parent)
    return open_mail_case(host, [path], parent=parent) if path is not None else None


def install_window_drop(host: CaseHost, window: QWidget) -> FileDrop | None:
    """The main window takes a dropped mail (not when the database is read-only)."""
    if host.read_only:
        return None
    return FileDrop(window, lambda paths: open_mail_case(host, paths, parent=window))
