"""The main window's work beyond the list: the workflow actions on the selected case (menu "Vorgang" and the
detail pane's buttons), letters, persons and Auskunft, reports, the annual purge, text blocks, and the reminders
that belong on the start screen.

Installed after the first rows are painted (MainWindow.finish_start), so none of it delays the start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QWidget

from krm_desktop.model.errors import KrmError

if TYPE_CHECKING:
    from krm_desktop.ui.main_window import MainWindow

REMINDER_STYLE = "QLabel { color: #7a4a00; font-weight: bold; }"


def reminders(window: MainWindow) -> list[str]:
    """German lines for what is due in the office: annual purge, reports, open Auskunft requests."""
    from krm_desktop.model.persons.auskunft import open_auskunft_requests
    from krm_desktop.model.reports.texts import report_reminder_due
    from krm_desktop.model.retention.purge_log import purge_reminder_due

    lines = [text for text in (purge_reminder_due(window.today), report_reminder_due(window.today)) if text]
    lines.extend(request.summary(window.today) for request in open_auskunft_requests(window.today))
    return lines


class Workflows:
    """Menu entries and reminders of the main window; each dialog is imported when first opened."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialogs: list[QWidget] = []  # keep non-modal dialogs alive
        bar = window.menuBar()
        help_action = window.menus["help"].menuAction() if "help" in window.menus else None
        from krm_desktop.ui.actions.case_actions import CaseActions

        self.case_actions = CaseActions(window)
        window.detail.add_section(self.case_actions.bar)
        window.detail.case_shown.connect(self.case_actions.update)
        self.case_actions.update(window.detail.case_id)
        self._attachments()
        self.letters = QMenu("&Schreiben", window)
        self.tools = QMenu("E&xtras", window)
        for menu in (self.case_actions.menu, self.letters, self.tools):
            if help_action is not None:
                bar.insertMenu(help_action, menu)
            else:
                bar.addMenu(menu)
        self._letter_actions()
        self._tool_actions()
        self.reminder_label = QLabel()
        self.reminder_label.setStyleSheet(REMINDER_STYLE)
        self.reminder_label.setAccessibleName("Erinnerungen")
        self.reminder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        window.statusBar().addPermanentWidget(self.reminder_label)
        self.show_reminders()
        self._desktop_details()
        self._remove_expired_backups()

    def _attachments(self) -> None:
        """Attachments of the selected case, as a tab beside its summary."""
        from krm_desktop.ui.attachments.panel import AttachmentsPanel

        window = self.window
        self.attachments = AttachmentsPanel()
        window.detail.add_tab(self.attachments, "Anlagen")

        def show(case_id: int | None) -> None:
            self.attachments.show_case(case_id, user=window.user, today=window.today, read_only=window.read_only)
            count = f" ({len(self.attachments.items)})" if case_id is not None else ""
            window.detail.set_tab_title(self.attachments, f"Anlagen{count}")

        window.detail.case_shown.connect(show)
        self.attachments.changed.connect(window.case_changed)
        show(window.detail.case_id)

    def _desktop_details(self) -> None:
        """Window icon and Qt's own German texts (standard buttons, file dialogs)."""
        from PySide6.QtCore import QLibraryInfo, QTranslator
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication

        from krm_desktop.resources import resource_path

        icon = resource_path("krm-desktop.png")
        if icon.is_file():
            self.window.setWindowIcon(QIcon(str(icon)))
        app = QApplication.instance()
        if app is not None and not getattr(app, "_krm_translator", None):
            translator = QTranslator(app)
            if translator.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(translator)
                app._krm_translator = translator  # type: ignore[attr-defined]

    def _remove_expired_backups(self) -> None:
        """Backups that still hold purged data go once they are past their retention (see model.backups)."""
        window = self.window
        if window.read_only or not window.store.is_sqlite:
            return
        from krm_desktop.model.store.backups import remove_expired_backups

        try:
            remove_expired_backups(window.store, window.today)
        except KrmError as exc:
            window.statusBar().showMessage(exc.message, 15_000)

    # --- menus -----------------------------------------------------------------------------------

    def _add(self, menu: QMenu, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _letter_actions(self) -> None:
        from krm_desktop.model.cases.letters import DOC_TYPES

        self.letter_actions = []
        for doc_type, title in DOC_TYPES.items():
            action = self._add(self.letters, f"{title} …", lambda d=doc_type: self.open_letter(d))
            action.setEnabled(not self.window.read_only)
            self.letter_actions.append(action)
        self.letters.addSeparator()
        self._add(self.letters, "Gespeicherte Schreiben des Falls …", self.open_stored_letters)

    def _tool_actions(self) -> None:
        read_only = self.window.read_only
        self._add(self.tools, "&Personen und Auskunft (DSGVO) …", self.open_persons, "Ctrl+P")
        self._add(self.tools, "&Auswertung erstellen …", self.open_report, "Ctrl+R")
        self.purge_action = self._add(self.tools, "Jährliche &Löschung …", self.open_purge)
        self.purge_action.setEnabled(not read_only)
        self.tools.addSeparator()
        blocks = self._add(self.tools, "&Textbausteine und Briefkopf …", self.open_text_blocks)
        blocks.setEnabled(not read_only)

    # --- opening -----------------------------------------------------------------------------------

    def _selected_case(self) -> int | None:
        window = self.window
        index = window.view.currentIndex()
        case_id = window.model.case_id(index.row()) if index.isValid() else None
        if case_id is None:
            QMessageBox.information(window, "Kein Fall gewählt", "Bitte wählen Sie zuerst einen Fall in der Liste.")
        return case_id

    def _keep(self, dialog: QWidget | None) -> None:
        if dialog is not None:
            self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]

    def open_letter(self, doc_type: str) -> None:
        from krm_desktop.ui.letters.dialog import open_letter_dialog

        case_id = self._selected_case()
        if case_id is None:
            return
        window = self.window
        dialog = open_letter_dialog(window, case_id, doc_type, today=window.today, user=window.user)
        if dialog is not None:
            dialog.finished.connect(lambda _result: window.case_changed(case_id))
        self._keep(dialog)

    def open_stored_letters(self) -> None:
        from krm_desktop.model.cases.letters import letters_of
        from krm_desktop.ui.letters.stored_letter import StoredLetterDialog

        case_id = self._selected_case()
        if case_id is None:
            return
        stored = letters_of(case_id)
        if not stored:
            QMessageBox.information(
                self.window, "Gespeicherte Schreiben", "Zu diesem Fall ist kein Schreiben gespeichert."
            )
            return
        from PySide6.QtWidgets import QInputDialog

        labels = [f"{s.created:%d.%m.%Y} – {s.title} ({s.filename})" for s in stored]
        choice, ok = QInputDialog.getItem(self.window, "Gespeicherte Schreiben", "Schreiben:", labels, 0, False)
        if not ok:
            return
        letter = stored[labels.index(choice)]
        dialog = StoredLetterDialog(letter.id, today=self.window.today, user=self.window.user, parent=self.window)
        dialog.show()
        self._keep(dialog)

    def open_persons(self) -> None:
        from krm_desktop.ui.persons.person_view import open_person_view

        window = self.window
        self._keep(open_person_view(window, today=window.today, user=window.user))

    def open_report(self) -> None:
        from krm_desktop.ui.reports.wizard import ReportWizard

        wizard = ReportWizard(self.window.today, self.window)
        wizard.finished.connect(lambda _result: self.show_reminders())
        wizard.show()
        self._keep(wizard)

    def open_purge(self) -> None:
        from krm_desktop.ui.purge.wizard import PurgeWizard

        window = self.window
        wizard = PurgeWizard(window.store, window.today, window.user, window)
        wizard.purged.connect(lambda _log_id: (window.refresh(), self.show_reminders()))
        wizard.show()
        self._keep(wizard)

    def open_text_blocks(self) -> None:
        from krm_desktop.ui.letters.text_blocks_dialog import TextBlockDialog

        dialog = TextBlockDialog(today=self.window.today, parent=self.window)
        dialog.show()
        self._keep(dialog)

    # --- reminders ---------------------------------------------------------------------------------

    def show_reminders(self) -> None:
        try:
            lines = reminders(self.window)
        except KrmError as exc:
            lines = [exc.message]
        if not lines:
            self.reminder_label.clear()
            self.reminder_label.setToolTip("")
            return
        first = lines[0] if len(lines) == 1 else f"{lines[0]} (+{len(lines) - 1} weitere)"
        self.reminder_label.setText(f"Erinnerung: {first}")
        self.reminder_label.setToolTip("\n".join(lines))
