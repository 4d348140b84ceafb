"""Zur Kenntnis geben (who was informed of the case or got a copy, and when) and Pankow's "Als vorlagepflichtig
markieren" (Anlage 2). The office's rules propose the people to inform, ticked; the desk adds others by name and
Funktion, chooses the day and confirms. Nothing is recorded before that.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.cases import notices
from krm_desktop.model.cases.gf_required import mark_gf_required
from krm_desktop.model.cases.notice_checks import MAX_NAME, Recipient
from krm_desktop.model.codes import STAFF_ROLES
from krm_desktop.model.errors import KrmError
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.actions.action_form import ActionDialog, d, date_edit, note, pydate

NONE_PROPOSED = "Die Regeln der Dienststelle schlagen für diesen Fall niemanden (mehr) vor."


def proposal_text(recipient: Recipient) -> str:
    return f"{recipient.text()} – {recipient.reason}" if recipient.reason else recipient.text()


class NoticeDialog(ActionDialog):
    title = "Zur Kenntnis geben"
    save_text = "&Kenntnisnahme erfassen"

    def build(self) -> None:
        self.add_info("Eingang", d(self.case.received))
        self.recorded_box = QWidget()
        self.add_recorded()
        self.form.addRow("Bereits erfasst:", self.recorded_box)
        found = notices.proposals(self.case_id, self.context.profile)
        self.proposed: list[tuple[QCheckBox, Recipient]] = []
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for recipient in found.recipients:
            check = QCheckBox(proposal_text(recipient))
            check.setChecked(True)
            check.setAccessibleName(f"Vorschlag: {recipient.text()}")
            column.addWidget(check)
            self.proposed.append((check, recipient))
            self._watch(check, "recipients")
        for text in found.hints:
            column.addWidget(note(text))
        if not found.recipients and not found.hints:
            column.addWidget(note(NONE_PROPOSED))
        self.add_field("recipients", "&Vorgeschlagen", box)
        self.name = self.add_field("name", "&Weitere Person", QLineEdit(), hint="Name, wie er in der Akte stehen soll")
        self.name.setMaxLength(MAX_NAME)
        self.role = self.add_field("role", "&Funktion", QComboBox())
        self.role.addItem("(keine Angabe)", "")
        for code, text in STAFF_ROLES.items():
            self.role.addItem(text, code)
        self.copy = self.add_field("copy", "&Art", QCheckBox("hat eine Kopie (Ausfertigung) erhalten"))
        self.informed_on = self.add_field("informed_on", "Zur Kenntnis &am", date_edit(self.today), required=True)
        self.form.addRow(
            note(
                "Erfasst wird, was geschehen ist: wer informiert wurde oder eine Kopie erhielt, und an welchem Tag. "
                "Die Kundin/der Kunde erfährt in einer Auskunft (Art. 15 DSGVO), wer ihre/seine Daten erhalten hat."
            )
        )

    def add_recorded(self) -> None:
        """What was recorded already, each with a button to take it back (recorded by mistake)."""
        layout = self.recorded_box.layout() or QVBoxLayout(self.recorded_box)
        layout.setContentsMargins(0, 0, 0, 0)
        while layout.count():
            item = layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        recorded = notices.notices_of(self.case_id)
        if not recorded:
            layout.addWidget(QLabel("niemand"))
        for r in recorded:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(f"{d(r.informed_on)} · {escape(r.text())}")
            text.setWordWrap(True)
            line.addWidget(text, 1)
            remove = QPushButton("Streichen …")
            remove.setAccessibleName(f"Kenntnisnahme streichen: {r.name}")
            remove.clicked.connect(lambda _checked=False, recipient=r: self.remove(recipient))
            line.addWidget(remove)
            layout.addWidget(row)

    def remove(self, recipient: Recipient) -> None:
        question = f"Die Kenntnisnahme „{recipient.text()}“ vom {d(recipient.informed_on)} streichen?"
        answer = QMessageBox.question(self, "Kenntnisnahme streichen", question)
        if answer != QMessageBox.StandardButton.Yes or recipient.id is None:
            return
        try:
            notices.remove_notice(self.case_id, recipient.id, version=self.version, today=self.today, user=self.user)
        except KrmError as exc:
            self.show_message(exc.message)
            return
        self.version = Case.get_by_id(self.case_id).version
        self.context.case_changed.emit(self.case_id)
        self.add_recorded()

    def chosen(self) -> list[Recipient]:
        picked = [recipient for check, recipient in self.proposed if check.isChecked()]
        if self.name.text().strip() or self.role.currentData():
            picked.append(Recipient(self.name.text(), self.role.currentData() or "", copy=self.copy.isChecked()))
        return picked

    def save(self) -> Case:
        return notices.record_notices(
            self.case_id,
            version=self.version,
            informed_on=pydate(self.informed_on.date()),
            recipients=self.chosen(),
            today=self.today,
            user=self.user,
        )


class GfRequiredDialog(ActionDialog):
    title = "Als vorlagepflichtig markieren"
    save_text = "&Markieren"

    def build(self) -> None:
        self.add_info("Eingang", d(self.case.received))
        self.marked_on = self.add_field("marked_on", "Vorlagepflichtig &seit", date_edit(self.today), required=True)
        self.form.addRow(
            note(
                "Der Fall gehört zu den vorlagepflichtigen Fällen (Anlage 2): er geht der Geschäftsführung zur "
                "Entscheidung zu. Die Frist „Vorlage an GF“ läuft bis zum selben Arbeitstag; sie endet mit "
                "„Vorgelegt an GF“."
            )
        )

    def save(self) -> Case:
        return mark_gf_required(
            self.case_id,
            version=self.version,
            marked_on=pydate(self.marked_on.date()),
            today=self.today,
            user=self.user,
            profile=self.context.profile,
        )
