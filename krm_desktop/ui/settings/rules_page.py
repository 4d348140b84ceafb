"""Einstellungen, page „Fristen und Regeln“: every value of the office profile — Bundesland, the deadline rules of
each kind, the calendar-day shift, closing days with the next twelve months' working days, retention, reports,
what the intake routes out of the KRM, the form of a waiver of a written answer per kind.

A saved change never moves deadlines already stored: when the new rules would give open cases other dates, the
page lists those cases first and lets the person choose to recompute them or to apply the rules to new cases only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.cases.deadline_recompute import deadline_changes
from krm_desktop.model.cases.rules_change import save_rules
from krm_desktop.model.errors import ConflictError, KrmError, ValidationError
from krm_desktop.model.office.profiles import (
    BUNDESLAENDER,
    BUNDESLAND_NAMES,
    OfficeProfile,
    load_profile,
    profile_from_dict,
    profile_version,
)
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.settings.ack_waiver_box import AckWaiverBox
from krm_desktop.ui.settings.closing_days_editor import ClosingDaysEditor
from krm_desktop.ui.settings.notice_rules_box import NoticeRulesBox  # issue 19: Zur Kenntnis, vorlagepflichtig
from krm_desktop.ui.settings.petition_steps_box import PetitionStepsBox  # issue 18: petition steps (Pankow)
from krm_desktop.ui.settings.petitioner_ack_editor import PetitionerAckEditor
from krm_desktop.ui.settings.recompute_dialog import RECOMPUTE, RecomputeDialog
from krm_desktop.ui.settings.record_keeping_box import RecordKeepingBox  # issue 19: card scans, E-Akte/VerBIS note
from krm_desktop.ui.settings.report_options_box import ReportOptionsBox  # issue 19: reports per office
from krm_desktop.ui.settings.retention_auto_purge import AutoPurgeSetting
from krm_desktop.ui.settings.retention_editor import RetentionEditor
from krm_desktop.ui.settings.rules_intake import IntakeRules
from krm_desktop.ui.settings.rules_kinds import KindRulesTable
from krm_desktop.ui.settings.waiver_forms_editor import WaiverFormsEditor
from krm_desktop.ui.settings.working_days_calendar import WorkingDaysCalendar
from krm_desktop.ui.widgets.fields import FieldErrors, add_row, error_line, hint

SHIFT_TEXT = (
    "Wie § 26 Abs. 3 SGB X: Fällt das Ende einer Frist in Kalendertagen auf einen Samstag, Sonntag oder "
    "gesetzlichen Feiertag – oder auf einen Schließtag der Dienststelle –, endet sie am nächsten Arbeitstag. "
    "Ohne Haken endet die Frist am errechneten Kalendertag. Fristen in Arbeitstagen betrifft das nicht."
)
READ_ONLY_TEXT = (
    "Diese Datenbank ist nur zum Lesen geöffnet: die Regeln werden angezeigt, lassen sich hier aber nicht ändern."
)
CONFLICT_HINT = (
    "Nichts wurde gespeichert; Ihre Eingaben stehen noch hier. „Änderungen verwerfen“ zeigt die dort gespeicherten "
    "Regeln."
)
RULES_TAB, CALENDAR_TAB, RETENTION_TAB, INTAKE_TAB, WAIVER_TAB = range(5)
PETITION_TAB = 5  # issue 18: petition steps (Pankow) and the petitioner's acknowledgement
NOTICE_TAB = 6  # issue 19: Zur Kenntnis and Pankow's "vorlagepflichtig"
RECORD_TAB = 7  # issue 19: attachments on Meinungskarten, the Aktenvermerk for the E-Akte/VerBIS
_TAB_OF_KEY = {
    "notice_rules": NOTICE_TAB,
    "gf_required_mark": NOTICE_TAB,
    "card_attachments": RECORD_TAB,
    "file_notes": RECORD_TAB,
    "statement_check_by_krm": PETITION_TAB,
    "ba_agreement_step": PETITION_TAB,
    "petitioner_ack": PETITION_TAB,
    "waiver_forms": WAIVER_TAB,
    "bundesland": CALENDAR_TAB,
    "closing_days": CALENDAR_TAB,
    "retention": RETENTION_TAB,
    "reports": RETENTION_TAB,
    "dab_outside_krm": INTAKE_TAB,
    "auto_purge": RETENTION_TAB,
    "annual_report_to_tv": RETENTION_TAB,  # issue 19: reports per office
    "report_texts_by_category": RETENTION_TAB,
}


def petition_tab(*parts: QWidget) -> QWidget:
    """The tab "Petitionen und Eingaben": the petitioner's acknowledgement and Pankow's steps, one under the other."""
    tab = QWidget()
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(10, 8, 10, 8)  # as the other tabs of the page
    for part in parts:
        layout.addWidget(part)
    layout.addStretch(1)
    return tab


class RulesPage(QWidget):
    title = "Fristen und Regeln"

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.recompute_dialog: RecomputeDialog | None = None
        self.general = error_line()
        self.errors = FieldErrors(self.general)
        self.kinds = KindRulesTable(self.errors)
        self.ack_waiver = AckWaiverBox(self.errors)  # issue 18: "Eingangsbestätigung entfällt"
        self.shift = QCheckBox(
            "Kalendertagsfristen, die auf einen arbeitsfreien Tag fallen, enden am nächsten &Arbeitstag"
        )
        self.bundesland = QComboBox()
        self.bundesland.setAccessibleName("Bundesland")
        for code in sorted(BUNDESLAENDER, key=lambda c: BUNDESLAND_NAMES[c]):
            self.bundesland.addItem(BUNDESLAND_NAMES[code], code)
        self.closing_days = ClosingDaysEditor(self.errors)
        self.calendar = WorkingDaysCalendar()
        self.retention = RetentionEditor(self.errors)
        self.auto_purge = AutoPurgeSetting(self.errors)  # issue 19: deletion when it is due
        self.report_options = ReportOptionsBox(self.errors)  # issue 19: reports per office
        self.reports = self.report_options.reports
        self.waiver_forms = WaiverFormsEditor(self.errors)
        self.save_button = QPushButton("&Speichern")
        self.reset_button = QPushButton("Änderungen &verwerfen")
        self.reset_button.setToolTip("Die gespeicherten Regeln wieder anzeigen")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._rules_tab(), "Fristen je Anliegensart")
        self.tabs.addTab(self._calendar_tab(), "Arbeitstage und Schließtage")
        self.tabs.addTab(self._retention_tab(), "Aufbewahrung und Berichte")
        self.intake_rules = IntakeRules(self.errors)
        self.tabs.addTab(self.intake_rules, "Eingangsprüfung")
        self.tabs.addTab(self.waiver_forms, "Verzicht")
        self.petition_steps = PetitionStepsBox(self.errors)  # issue 18: petition steps (Pankow)
        self.petitioner_ack = PetitionerAckEditor(self.errors)
        self.tabs.addTab(petition_tab(self.petitioner_ack, self.petition_steps), "Petitionen und Eingaben")
        self.notice_rules = NoticeRulesBox(self.errors)  # issue 19
        self.tabs.addTab(self.notice_rules, "Zur Kenntnis")
        self.record_keeping = RecordKeepingBox(self.errors)  # issue 19
        self.tabs.addTab(self.record_keeping, "Ablage und Vermerke")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if context.read_only:
            layout.addWidget(hint(READ_ONLY_TEXT))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general)
        layout.addLayout(buttons)
        self.bundesland.currentIndexChanged.connect(lambda _index: self._show_calendar())
        self.closing_days.changed.connect(self._show_calendar)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reload)
        context.data_changed.connect(self._follow_elsewhere)
        self._version = profile_version()
        self._show(context.profile)
        self._set_editable(not context.read_only)

    # --- layout ---------------------------------------------------------------------------------------------

    def _rules_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            hint(
                "Je Anliegensart: bis wann die Eingangsbestätigung und die abschließende Antwort fällig sind, und "
                "bei welchen Eingangswegen eine Eingangsbestätigung fällig wird (mündliche Reaktionen werden meist "
                "im Gespräch bestätigt). Meinungskarten haben keine Fristen."
            )
        )
        layout.addWidget(self.kinds)
        layout.addSpacing(8)
        layout.addWidget(self.shift)
        layout.addWidget(self.errors.add("shift_to_working_day", self.shift))
        layout.addWidget(hint(SHIFT_TEXT))
        layout.addWidget(self.ack_waiver)
        layout.addStretch(1)
        return tab

    def _calendar_tab(self) -> QWidget:
        tab = QWidget()
        left = QVBoxLayout()
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        add_row(
            form,
            self.errors,
            "bundesland",
            "&Bundesland",
            self.bundesland,
            note="Seine gesetzlichen Feiertage sind keine Arbeitstage.",
        )
        left.addLayout(form)
        left.addWidget(self.closing_days, 1)
        holder = QWidget()
        holder.setLayout(left)
        holder.setMaximumWidth(300)
        row = QHBoxLayout(tab)
        row.addWidget(holder)
        row.addSpacing(12)
        row.addWidget(self.calendar, 1)
        return tab

    def _retention_tab(self) -> QWidget:
        tab = QWidget()
        retention = QGroupBox("Aufbewahrung und Löschung")
        QVBoxLayout(retention).addWidget(self.retention)
        layout = QVBoxLayout(tab)
        layout.addWidget(retention)
        layout.addWidget(self.auto_purge)
        layout.addWidget(self.report_options)
        layout.addStretch(1)
        return tab

    # --- values ---------------------------------------------------------------------------------------------

    def _show(self, profile: OfficeProfile) -> None:
        self.kinds.show_profile(profile)
        self.shift.setChecked(profile.shift_to_working_day)
        self.ack_waiver.show_profile(profile)
        self.bundesland.blockSignals(True)
        self.bundesland.setCurrentIndex(max(self.bundesland.findData(profile.bundesland), 0))
        self.bundesland.blockSignals(False)
        self.closing_days.set_days(profile.closing_days)
        self.retention.show_rule(profile.retention)
        self.waiver_forms.show_profile(profile)
        self.petitioner_ack.show_profile(profile)
        self.report_options.show_profile(profile)
        self.intake_rules.show_profile(profile)
        self.petition_steps.show_profile(profile)
        self.auto_purge.show_profile(profile)
        self.notice_rules.show_profile(profile)
        self.record_keeping.show_profile(profile)
        self._show_calendar()
        self.errors.show({})
        self._saved_state = self._state()

    def _show_calendar(self) -> None:
        self.calendar.show_year(self.context.today, self.bundesland.currentData(), self.closing_days.days())

    def edited_data(self) -> dict[str, Any]:
        """The profile as the page shows it, in the stored form (what was typed wrongly stays as typed)."""
        base = self.context.profile
        data = base.to_dict()
        data.update(
            bundesland=self.bundesland.currentData(),
            kinds=self.kinds.kinds_data(base),
            shift_to_working_day=self.shift.isChecked(),
            closing_days=list(self.closing_days.days()),
            retention=self.retention.data(),
            ack_waivable_channels=self.ack_waiver.channels(),
            waiver_forms=self.waiver_forms.data(),
            petitioner_ack=self.petitioner_ack.data(),
        )
        data.update(self.intake_rules.data())
        data.update(self.petition_steps.data())
        data.update(self.auto_purge.data())
        data.update(self.notice_rules.data())
        data.update(self.report_options.data())
        data.update(self.record_keeping.data())
        return data

    def _state(self) -> tuple[object, ...]:
        return (
            self.kinds.state(),
            self.shift.isChecked(),
            self.bundesland.currentIndex(),
            self.closing_days.state(),
            self.retention.state(),
            self.report_options.state(),
            self.intake_rules.state(),
            self.ack_waiver.state(),
            self.waiver_forms.state(),
            self.petition_steps.state(),
            self.petitioner_ack.state(),
            self.auto_purge.state(),
            self.notice_rules.state(),
            self.record_keeping.state(),
        )

    def has_unsaved(self) -> bool:
        return not self.context.read_only and self._state() != self._saved_state

    def _set_editable(self, editable: bool) -> None:
        self.kinds.set_editable(editable)
        self.closing_days.set_editable(editable)
        self.retention.set_editable(editable)
        self.intake_rules.set_editable(editable)
        self.ack_waiver.set_editable(editable)
        self.waiver_forms.set_editable(editable)
        self.petition_steps.set_editable(editable)
        self.petitioner_ack.set_editable(editable)
        self.auto_purge.set_editable(editable)
        self.notice_rules.set_editable(editable)
        self.report_options.set_editable(editable)
        self.record_keeping.set_editable(editable)
        for widget in (self.shift, self.bundesland, self.save_button, self.reset_button):
            widget.setEnabled(editable)
        self.save_button.setVisible(editable)
        self.reset_button.setVisible(editable)

    # --- saving ---------------------------------------------------------------------------------------------

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each message next to its field; the tab of the first one comes to the front."""
        first = self.errors.show(problems)
        if problems:
            key = next(iter(problems))
            self.tabs.setCurrentIndex(_TAB_OF_KEY.get(key.split(".")[0], RULES_TAB))
        if first is not None:
            first.setFocus()

    def save(self) -> None:
        if self.context.read_only:
            return
        if not self.closing_days.add_pending():
            self.tabs.setCurrentIndex(CALENDAR_TAB)
            return
        try:
            profile = profile_from_dict(self.edited_data())
        except ValidationError as exc:
            self.show_problems(exc.errors)
            return
        if refusal := self.auto_purge.refusal(profile, self.context.profile, self.context.store):
            self.show_problems(refusal)
            return
        self.errors.show({})
        if profile == self.context.profile:
            self._saved_state = self._state()
            self.context.status_message.emit("Die Regeln sind unverändert.", 4000)
            return
        changes = deadline_changes(profile, self.context.today)
        if not changes:
            self._store(profile, ())
            return
        dialog = RecomputeDialog(changes, self)
        self.recompute_dialog = dialog
        case_ids = tuple(change.case_id for change in changes)

        def chosen(_result: int) -> None:
            self.recompute_dialog = None
            if dialog.choice is not None:
                self._store(profile, case_ids if dialog.choice == RECOMPUTE else ())
            dialog.deleteLater()

        dialog.finished.connect(chosen)
        dialog.open()

    def _store(self, profile: OfficeProfile, recompute: tuple[int, ...]) -> None:
        try:
            saved, moved = save_rules(
                profile, self._version, recompute, today=self.context.today, user=self.context.user
            )
        except ValidationError as exc:
            self.show_problems(exc.errors)
            return
        except ConflictError as exc:
            self.show_problems({"": f"{exc.message} {CONFLICT_HINT}"})
            return
        except KrmError as exc:  # a locked or full database, a case closed meanwhile: nothing was saved
            self.show_problems({"": exc.message})
            return
        self._version = profile_version()
        self.context.profile = saved
        self._saved_state = self._state()
        words = (
            f"Die Regeln sind gespeichert; die Fristen von {moved} Fällen wurden neu berechnet."
            if recompute
            else ("Die Regeln sind gespeichert; sie gelten für neue Fälle, gespeicherte Fristen bleiben, wie sie sind.")
        )
        self.context.status_message.emit(words, 8000)
        self.context.data_changed.emit()

    def _follow_elsewhere(self) -> None:
        """Another page or window saved the profile: show it, unless this page holds changes of its own (their
        save then meets the version check)."""
        if not self.has_unsaved() and self.context.profile is not None:
            self._version = profile_version()
            self._show(self.context.profile)

    def reload(self) -> None:
        """Show the rules as stored now (after a change at another desk, or to drop one's own changes)."""
        try:
            profile = load_profile()
        except KrmError as exc:
            self.show_problems({"": exc.message})
            return
        self._version = profile_version()
        changed = profile != self.context.profile
        self.context.profile = profile
        self._show(profile)
        if changed:
            self.context.data_changed.emit()
