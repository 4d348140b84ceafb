"""The main window's work beyond the list: the workflow actions on the selected case (menu "Vorgang" and the
detail pane's buttons), letters, persons and Auskunft, reports, the annual purge, text blocks, and the reminders
that belong on the start screen.

Installed after the first rows are painted (MainWindow.finish_start), so none of it delays the start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QWidget

from krm_desktop.model.errors import KrmError
from krm_desktop.ui.actions.case_actions import CaseActions
from krm_desktop.ui.attachments.panel import AttachmentsPanel
from krm_desktop.ui.case_list.detail_pane import DetailPane
from krm_desktop.ui.context import WindowContext

REMINDER_STYLE = "QLabel { color: #7a4a00; font-weight: bold; }"
DAB_DECISION_LETTER = "entscheidung-dab"


def reminders(today: date) -> list[str]:
    """German lines for what is due in the office: reports, open Auskunft requests (the purge due: its own line
    above the list, ui.purge.due_notice)."""
    from krm_desktop.model.persons.auskunft import open_auskunft_requests
    from krm_desktop.model.reports.texts import report_reminder_due

    lines = [text for text in (report_reminder_due(today),) if text]
    lines.extend(request.summary(today) for request in open_auskunft_requests(today))
    return lines


class Workflows:
    """Menu entries and reminders of the main window; each dialog is imported when first opened.

    `selected_case` gives the case selected in the window's list (None after saying there is none); the menus go
    before `help_menu` in the window's menu bar."""

    def __init__(
        self,
        context: WindowContext,
        window: QMainWindow,
        detail: DetailPane,
        selected_case: Callable[[], int | None],
        help_menu: QMenu,
    ) -> None:
        self.context = context
        self.window = window
        self.detail = detail
        self.selected_case = selected_case
        self.dialogs: list[QWidget] = []  # keep non-modal dialogs alive
        self.case_actions = CaseActions(context, window)
        detail.add_section(self.case_actions.bar)
        detail.case_shown.connect(self.case_actions.update)
        self.case_actions.update(detail.case_id)
        self._attachments()
        self.letters = QMenu("&Schreiben", window)
        self.tools = QMenu("E&xtras", window)
        for menu in (self.case_actions.menu, self.letters, self.tools):
            window.menuBar().insertMenu(help_menu.menuAction(), menu)
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
        context, detail = self.context, self.detail
        self.attachments = AttachmentsPanel()
        detail.add_tab(self.attachments, "Anlagen")

        def show(case_id: int | None) -> None:
            self.attachments.show_case(case_id, user=context.user, today=context.today, read_only=context.read_only)
            count = f" ({len(self.attachments.items)})" if case_id is not None else ""
            detail.set_tab_title(self.attachments, f"Anlagen{count}")

        detail.case_shown.connect(show)
        self.attachments.changed.connect(context.case_changed)
        show(detail.case_id)

    def _desktop_details(self) -> None:
        """The window icon (Qt's own German texts are loaded with the application: `app.application`)."""
        from PySide6.QtGui import QIcon

        from krm_desktop.resources import resource_path

        icon = resource_path("krm-desktop.png")
        if icon.is_file():
            self.window.setWindowIcon(QIcon(str(icon)))

    def _remove_expired_backups(self) -> None:
        """Backups that still hold purged data go once they are past their retention (see model.store.backups)."""
        context = self.context
        if context.read_only or not context.store.is_sqlite:
            return
        from krm_desktop.model.store.backups import remove_expired_backups

        try:
            remove_expired_backups(context.store, context.today)
        except KrmError as exc:
            context.status_message.emit(exc.message, 15_000)

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

        self.letter_actions: dict[str, QAction] = {}
        for doc_type, title in DOC_TYPES.items():
            action = self._add(self.letters, f"{title} …", lambda d=doc_type: self.open_letter(d))
            action.setEnabled(not self.context.read_only)
            self.letter_actions[doc_type] = action
        self.letters.addSeparator()
        self._add(self.letters, "Gespeicherte Schreiben des Falls …", self.open_stored_letters)
        self.detail.case_shown.connect(self._offer_letters)
        self._offer_letters(self.detail.case_id)

    def _offer_letters(self, case_id: int | None) -> None:
        """The letter of the GF's decision is offered for a DAB whose decision is recorded, and only there."""
        from krm_desktop.model.cases.action_checks import DAB
        from krm_desktop.model.cases.lookup import action_facts

        facts = action_facts(case_id) if case_id is not None else None
        decided = facts is not None and facts.kind == DAB and facts.has_decision
        self.letter_actions[DAB_DECISION_LETTER].setVisible(decided)
        # Issue 19: the note for the E-Akte/VerBIS only where the office keeps such notes.
        self.letter_actions["vermerk-everbis"].setVisible(self.context.profile.file_notes)

    def _tool_actions(self) -> None:
        read_only = self.context.read_only
        self._add(self.tools, "&Personen und Auskunft (DSGVO) …", self.open_persons, "Ctrl+P")
        self._add(self.tools, "&Auswertung erstellen …", self.open_report, "Ctrl+R")
        self.purge_action = self._add(self.tools, "Jährliche &Löschung …", self.open_purge)
        self.purge_action.setEnabled(not read_only)
        self.tools.addSeparator()
        blocks = self._add(self.tools, "&Textbausteine …", self.open_text_blocks)
        blocks.setEnabled(not read_only)
        settings = self._add(self.tools, "&Einstellungen …", self.open_settings)
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        settings.setShortcuts([*keys, *([QKeySequence("Ctrl+,")] if QKeySequence("Ctrl+,") not in keys else [])])

    # --- opening -----------------------------------------------------------------------------------

    def _keep(self, dialog: QWidget | None) -> None:
        if dialog is not None:
            self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]

    def open_letter(self, doc_type: str) -> None:
        from krm_desktop.ui.letters.dialog import open_letter_dialog

        case_id = self.selected_case()
        if case_id is None:
            return
        context = self.context
        dialog = open_letter_dialog(self.window, case_id, doc_type, today=context.today, user=context.user)
        if dialog is not None:
            dialog.finished.connect(lambda _result: context.case_changed.emit(case_id))
        self._keep(dialog)

    def open_stored_letters(self) -> None:
        from krm_desktop.model.cases.letters import letters_of
        from krm_desktop.ui.letters.stored_letter import StoredLetterDialog

        case_id = self.selected_case()
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
        dialog = StoredLetterDialog(letter.id, today=self.context.today, user=self.context.user, parent=self.window)
        dialog.show()
        self._keep(dialog)

    def open_persons(self) -> None:
        from krm_desktop.ui.persons.person_view import open_person_view

        self._keep(open_person_view(self.window, today=self.context.today, user=self.context.user))

    def open_report(self) -> None:
        from krm_desktop.ui.reports.wizard import ReportWizard

        wizard = ReportWizard(self.context.today, self.window)
        wizard.finished.connect(lambda _result: self.show_reminders())
        wizard.show()
        self._keep(wizard)

    def open_purge(self) -> None:
        from krm_desktop.ui.purge.wizard import PurgeWizard

        context = self.context
        wizard = PurgeWizard(context.store, context.today, context.user, self.window)

        def purged(_log_id: int) -> None:
            context.data_changed.emit()
            self.show_reminders()

        wizard.purged.connect(purged)
        wizard.show()
        self._keep(wizard)

    def open_text_blocks(self) -> None:
        from krm_desktop.ui.letters.text_blocks_dialog import TextBlockDialog

        dialog = TextBlockDialog(today=self.context.today, parent=self.window)
        dialog.show()
        self._keep(dialog)

    def open_settings(self, page: str | None = None) -> None:
        from krm_desktop.ui.settings.window import SettingsWindow, open_settings

        shown = next((d for d in self.dialogs if isinstance(d, SettingsWindow) and d.isVisible()), None)
        if shown is not None:
            if page:
                shown.show_page(page)
            shown.raise_()
            shown.activateWindow()
            return
        self._keep(open_settings(self.context, self.window, page))

    # --- reminders ---------------------------------------------------------------------------------

    def show_reminders(self) -> None:
        try:
            lines = reminders(self.context.today)
        except KrmError as exc:
            lines = [exc.message]
        if not lines:
            self.reminder_label.clear()
            self.reminder_label.setToolTip("")
            return
        first = lines[0] if len(lines) == 1 else f"{lines[0]} (+{len(lines) - 1} weitere)"
        self.reminder_label.setText(f"Erinnerung: {first}")
        self.reminder_label.setToolTip("\n".join(lines))
