"""The workflow actions on the case shown in the detail pane: the "&Vorgang" menu of the main window and the same
actions as buttons in the detail pane (one QAction each, so menu entry and button share their state).

Only what the case's state and kind allow is enabled (`action_checks.available_actions`); a disabled action says
why in its tooltip. A read-only database disables everything. Each action opens its dialog (this module is loaded
after the first paint); editing and a Folgereaktion open the case form (new_case) with the case, or the earlier case
linked.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QGridLayout, QGroupBox, QMenu, QMessageBox, QSizePolicy, QToolButton, QWidget

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import (
    contributions,
    notices,  # issue 19: Zur Kenntnis, Pankow's "vorlagepflichtig"
    petition_checks,
    petition_steps,
)
from krm_desktop.model.cases.file_notes import FILE_NOTE
from krm_desktop.model.cases.lookup import action_facts
from krm_desktop.model.cases.profile_action_reasons import profile_actions
from krm_desktop.model.codes import PETITION_KINDS
from krm_desktop.ui.actions import (
    close_dialog,
    contribution_dialog,
    dab_dialogs,
    dialogs,
    notice_dialogs,
    petition_dialogs,
    waiver_dialog,
)
from krm_desktop.ui.actions.action_form import ActionDialog
from krm_desktop.ui.actions.file_note_dialog import FileNoteDialog  # issue 19: Aktenvermerk E-Akte/VerBIS
from krm_desktop.ui.context import WindowContext

READ_ONLY_REASON = "Die Datenbank ist schreibgeschützt geöffnet: an diesem Arbeitsplatz lässt sich nichts erfassen."
NO_CASE_REASON = "Bitte zuerst eine Kundenreaktion in der Liste wählen."


@dataclass(frozen=True)
class ActionSpec:
    code: str
    menu: str  # menu entry, with its mnemonic
    button: str  # the shorter text of the detail pane's button
    hint: str  # tooltip while the action is possible
    dialog: type[ActionDialog] | None = None
    shortcut: str = ""


SPECS = (
    ActionSpec(
        checks.EDIT,
        "Erfassungsdaten &bearbeiten …",
        "Bearbeiten",
        "Die erfassten Angaben des offenen Falls ändern (Person, Anliegen, Team, Eingang …).",
    ),
    ActionSpec(
        checks.PRESENT_GF,
        "Vorge&legt an GF …",
        "Vorgelegt an GF",
        "Petition, Eingabe, Dienstaufsichtsbeschwerde: vermerken, an welchem Tag der Vorgang der Geschäftsführung "
        "vorgelegt wurde; die Frist „Vorlage an GF“ endet.",
        dialogs.PresentToGfDialog,
    ),
    ActionSpec(
        checks.ACKNOWLEDGE,
        "&Eingangsbestätigung versandt …",
        "Eingangsbestätigung",
        "Den Versand der Eingangsbestätigung vermerken.",
        dialogs.AcknowledgeDialog,
        "Ctrl+Shift+E",
    ),
    ActionSpec(
        checks.WAIVE_ACK,
        "Eingangsbestätigung ent&fällt …",
        "Bestätigung entfällt",
        "Das KRM entscheidet, dass keine Eingangsbestätigung versandt wird (mit Begründung); die Frist endet.",
        dialogs.WaiveAcknowledgementDialog,
    ),
    ActionSpec(
        checks.INTERIM,
        "&Zwischennachricht versandt …",
        "Zwischennachricht",
        "Zwischennachricht mit Grund und voraussichtlicher Erledigung vermerken.",
        dialogs.InterimDialog,
        "Ctrl+Shift+Z",
    ),
    ActionSpec(
        checks.ASSIGN,
        "&Team zuweisen …",
        "Team zuweisen",
        "Das Team zuweisen, bei dem die Ursache liegt.",
        dialogs.AssignDialog,
        "Ctrl+Shift+T",
    ),
    ActionSpec(
        checks.ESCALATE,
        "Es&kalieren (TL → BL → GF) …",
        "Eskalieren",
        "Auf die nächste Stufe eskalieren; eine Stufe zu überspringen braucht eine Begründung.",
        dialogs.EscalateDialog,
    ),
    ActionSpec(
        checks.RESERVE,
        "Schlusszeichnung der &GF vorbehalten …",
        "GF-Schlusszeichnung",
        "Die Geschäftsführung behält sich die Schlusszeichnung vor.",
        dialogs.ReserveSignOffDialog,
    ),
    ActionSpec(
        checks.STATEMENT,
        "&Stellungnahme eingegangen …",
        "Stellungnahme",
        "Eine Stellungnahme (Beschäftigte/r, Teamleitung, Bereich) erfassen.",
        dialogs.StatementDialog,
        "Ctrl+Shift+S",
    ),
    # Several teams concerned: each team's Beitrag (issue 19, item 1)
    ActionSpec(
        contributions.CONTRIBUTION,
        "Beitrag eines &Teams erfassen …",
        "Beitrag eines Teams",
        "Die Anliegen betreffen mehrere Teams: den Beitrag eines Teams für seinen Teil erfassen (wer, wann, Text).",
        contribution_dialog.ContributionDialog,
    ),
    # Pankow's petition steps (profile: statement_check_by_krm, ba_agreement_step)
    ActionSpec(
        petition_checks.STATEMENT_CHECK,
        "Stellungnahme ge&prüft (KRM) …",
        "Stellungnahme geprüft",
        "Die formelle Prüfung der Stellungnahme durch das KRM vermerken (geprüft am … von …), bevor die GF zeichnet.",
        petition_dialogs.StatementCheckDialog,
    ),
    ActionSpec(
        petition_checks.BA_AGREE,
        "Abgestimmt mit Agentur für Arbeit und &RD …",
        "Abgestimmt mit AA und RD",
        "BA zuständig nach § 44b Abs. 3 SGB II: die Abstimmung der Stellungnahme mit Agentur für Arbeit und "
        "Regionaldirektion vermerken; erst danach gehen die unterschriebenen Originale hinaus.",
        petition_dialogs.BaAgreementDialog,
    ),
    # Issue 19: Zur Kenntnis (every office) and Pankow's Anlage 2 (profile: gf_required_mark)
    ActionSpec(
        notices.NOTICE,
        "Zur &Kenntnis geben …",
        "Zur Kenntnis",
        "Erfassen, wer über den Fall informiert wurde oder eine Kopie erhielt, und wann; die Regeln der "
        "Dienststelle schlagen Personen vor.",
        notice_dialogs.NoticeDialog,
    ),
    ActionSpec(
        notices.MARK_GF_REQUIRED,
        "Als vorlage&pflichtig markieren …",
        "Vorlagepflichtig",
        "Anlage 2: der Fall geht der Geschäftsführung zur Entscheidung zu; die Frist „Vorlage an GF“ beginnt.",
        notice_dialogs.GfRequiredDialog,
    ),
    # Issue 19: the Aktenvermerk for the E-Akte/VerBIS, where the profile keeps such notes (`file_notes`)
    ActionSpec(
        FILE_NOTE,
        "Vermerk für E-Akte/VerB&IS erstellt …",
        "Vermerk E-Akte/VerBIS",
        "Vermerken, dass zu leistungs- oder vermittlungsrelevanten Angaben ein Aktenvermerk für die E-Akte bzw. "
        "VerBIS erstellt wurde (am … von …).",
        FileNoteDialog,
    ),
    ActionSpec(
        checks.DECIDE,
        "Entscheidung der GF (&DAB) …",
        "GF-Entscheidung",
        "Die Entscheidung der Geschäftsführung über die Dienstaufsichtsbeschwerde erfassen.",
        dab_dialogs.DecisionDialog,
    ),
    ActionSpec(
        checks.RECLASSIFY,
        "&Umdeuten (DAB) …",
        "Umdeuten",
        "Die GF deutet die Dienstaufsichtsbeschwerde als Fach- oder Sachbeschwerde um (wer, wann, warum).",
        dab_dialogs.ReclassifyDialog,
    ),
    ActionSpec(
        checks.INFORM,
        "Beschäftigte/n &informiert (DAB) …",
        "Beschäftigte/n informiert",
        "Vermerken, dass die/der Beschäftigte über das Ergebnis informiert ist.",
        dab_dialogs.InformDialog,
    ),
    ActionSpec(
        checks.WAIVER,
        "&Verzicht auf schriftliche Antwort …",
        "Verzicht",
        "Telefonisch oder persönlich geklärt: den Verzicht auf schriftliche Antwort erfassen – als Vermerk oder als "
        "unterschriebene Erklärung, wie es die Dienstanweisung für die Anliegensart vorsieht.",
        waiver_dialog.WaiverDialog,
        "Ctrl+Shift+V",
    ),
    ActionSpec(
        checks.ANSWER,
        "&Antwortschreiben versandt …",
        "Antwort versandt",
        "Den Versand des Antwortschreibens vermerken.",
        dialogs.AnswerDialog,
        "Ctrl+Shift+A",
    ),
    ActionSpec(
        checks.CLOSE,
        "Abs&chließen (Ergebnis, Schlusszeichnung) …",
        "Abschließen",
        "Mit Ergebnis je Anliegen und Schlusszeichnung abschließen.",
        close_dialog.CloseDialog,
        "Ctrl+Shift+X",
    ),
    ActionSpec(
        checks.FOLLOW_UP,
        "&Folgereaktion anlegen …",
        "Folgereaktion",
        "Dieselbe Person meldet sich zur selben Sache erneut: neue Kundenreaktion, mit diesem Fall verknüpft.",
    ),
)
SPEC = {spec.code: spec for spec in SPECS}
ACTION_ORDER = [spec.code for spec in SPECS]
GROUP_STARTS = {checks.ACKNOWLEDGE, checks.DECIDE, checks.WAIVER, checks.FOLLOW_UP}  # a separator before each


def _hint(spec: ActionSpec) -> str:
    if not spec.shortcut:
        return spec.hint
    keys = QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{spec.hint} ({keys})"


class CaseActions(QObject):
    """The actions, their menu and their buttons; `update(case_id)` follows the detail pane."""

    def __init__(self, context: WindowContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.parent_widget = parent
        self.case_id: int | None = None
        self.dialogs: list[QDialog] = []  # open dialogs stay referenced
        self.menu = QMenu("&Vorgang", parent)
        self.menu.setToolTipsVisible(True)
        self.actions: dict[str, QAction] = {}
        for spec in SPECS:
            if spec.code in GROUP_STARTS:
                self.menu.addSeparator()
            action = QAction(spec.menu, parent)
            action.setIconText(spec.button)
            if spec.shortcut:
                action.setShortcuts([QKeySequence(spec.shortcut)])
            action.triggered.connect(lambda _checked=False, code=spec.code: self.run(code))
            self.menu.addAction(action)
            self.actions[spec.code] = action
        self.bar = self._button_bar()
        self.dab_shown = False
        self.petition_shown = False
        self.several_shown = False
        self.teams_concerned = 0  # of the case shown: the Beitrag of a team is offered from two on
        self.notes_shown = context.profile.file_notes
        self._arrange(False)
        self.update(None)

    def _button_bar(self) -> QGroupBox:
        box = QGroupBox("Vorgang")
        box.setAccessibleName("Vorgang: Schritte für die ausgewählte Kundenreaktion")
        self.grid = QGridLayout(box)
        self.grid.setContentsMargins(6, 6, 6, 6)
        self.grid.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for code in ACTION_ORDER:
            button = QToolButton(box)
            button.setDefaultAction(self.actions[code])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(SPEC[code].button)
            self.buttons[code] = button
        return box

    def _arrange(self, dab: bool, petition: bool = False, several: bool = False) -> None:
        """Two columns without gaps: the DAB's buttons only for a DAB (a reclassified one goes on as a complaint),
        the petition steps only for a petition or Eingabe where the office's instruction has them, the Beitrag of
        a team only where several teams are concerned."""
        shown = [
            code
            for code in ACTION_ORDER
            if (dab or code not in checks.DAB_ACTIONS)
            and (petition or code not in petition_checks.PETITION_ACTIONS)
            and (several or code != contributions.CONTRIBUTION)
            and (code != FILE_NOTE or self.context.profile.file_notes)
        ]
        if not self.context.profile.gf_required_mark:  # issue 19: Pankow's Anlage 2 only where the office has it
            shown.remove(notices.MARK_GF_REQUIRED)
        for button in self.buttons.values():
            self.grid.removeWidget(button)
        for index, code in enumerate(shown):
            self.grid.addWidget(self.buttons[code], index // 2, index % 2)
        for code, button in self.buttons.items():
            button.setVisible(code in shown)

    # --- state --------------------------------------------------------------------------------------------------

    def reasons(self, facts: checks.ActionFacts | None) -> dict[str, str | None]:
        """Every action with None (possible) or why not, for the case's facts (None: no case shown)."""
        codes = (
            *checks.ACTIONS,
            *petition_checks.PETITION_ACTIONS,
            *notices.NOTICE_ACTIONS,
            contributions.CONTRIBUTION,
            FILE_NOTE,
        )
        if facts is None:
            return dict.fromkeys(codes, NO_CASE_REASON)
        if self.context.read_only:
            return dict.fromkeys(codes, READ_ONLY_REASON)
        reasons = checks.available_actions(facts)
        if self.case_id is not None:
            reasons.update(petition_steps.step_reasons(self.case_id, self.context.profile) or {})
            waiting = petition_steps.sending_reason(self.case_id, self.context.profile)
            for code in (checks.ANSWER, checks.CLOSE):
                reasons[code] = reasons[code] or waiting
            # issue 19: Zur Kenntnis, vorlagepflichtig, the Beitrag of a team, the Vermerk for the E-Akte/VerBIS
            added = profile_actions(self.case_id, facts, self.context.profile)
            reasons.update(added.reasons)
            self.teams_concerned = added.teams
        return reasons

    def _facts(self, case_id: int | None) -> checks.ActionFacts | None:
        if case_id is None:
            return None
        return action_facts(case_id, self.context.profile.ack_waivable_channels)

    def update(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.teams_concerned = 0
        facts = self._facts(case_id)
        for code, reason in self.reasons(facts).items():
            action = self.actions[code]
            action.setEnabled(reason is None)
            text = reason or _hint(SPEC[code])
            action.setToolTip(text)
            action.setStatusTip(text)
        dab = facts is not None and facts.kind == checks.DAB
        profile = self.context.profile
        petition = (
            facts is not None
            and facts.kind in PETITION_KINDS
            and (profile.statement_check_by_krm or profile.ba_agreement_step)
        )
        several = self.teams_concerned > 1  # counted by `reasons` (0 without a case, or read-only)
        self.actions[FILE_NOTE].setVisible(profile.file_notes)  # issue 19: only where the office keeps such notes
        shown = (dab, petition, several, profile.file_notes)
        if shown != (self.dab_shown, self.petition_shown, self.several_shown, self.notes_shown):
            self.dab_shown, self.petition_shown, self.several_shown, self.notes_shown = shown
            self._arrange(dab, petition, several)

    # --- running ------------------------------------------------------------------------------------------------

    def run(self, code: str) -> object:
        """Open the action for the case in the detail pane; returns the dialog (or the new case's id)."""
        case_id = self.case_id
        facts = self._facts(case_id)
        if case_id is not None and facts is None:
            reason: str | None = "Diese Kundenreaktion gibt es nicht mehr (gelöscht)."
        else:
            reason = self.reasons(facts)[code]
        if reason:
            QMessageBox.information(self.parent_widget, SPEC[code].button, reason)
            self.update(case_id)
            return None
        assert case_id is not None
        if code == checks.FOLLOW_UP:
            return self.follow_up(case_id)
        if code == checks.EDIT:
            from krm_desktop.ui.entry.new_case import open_edit_case

            return open_edit_case(self.context, case_id, parent=self.parent_widget)
        dialog_class = SPEC[code].dialog
        assert dialog_class is not None
        dialog = dialog_class(self.context, case_id, self.parent_widget)
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.open()
        return dialog

    def follow_up(self, case_id: int) -> int | None:
        from krm_desktop.ui.entry.new_case import open_new_case

        return open_new_case(self.context, follows_id=case_id, parent=self.parent_widget)
