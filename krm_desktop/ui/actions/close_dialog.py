"""Close a case: the closing day, the outcome of every complaint concern, the answer sent (or the waiver) and the
sign-off: the signer the case calls for is proposed (`closing.proposed_signer`), a person who may not sign it is
refused next to the field as soon as picked (`closing.signer_problem`)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import closing_checks
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.closing import concern_facts, proposed_signer, signer_problem
from krm_desktop.model.codes import KINDS, OUTCOME_KINDS, OUTCOMES, STAFF_ROLES, label
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.actions.action_form import ActionDialog, d, date_edit, pydate


class CloseDialog(ActionDialog):
    action = checks.CLOSE
    title = "Kundenreaktion abschließen"
    save_text = "&Abschließen"

    def build(self) -> None:
        self.closed_on = self.add_field("closed_on", "Abgeschlossen &am", date_edit(self.today), required=True)
        self.outcomes: dict[int, QComboBox] = {}
        for concern in concern_facts(self.case_id):
            kind = label(KINDS, concern.kind)
            if concern.kind in OUTCOME_KINDS and not self.facts.card:
                box = QComboBox()
                box.addItem("– bitte wählen –", None)
                for code, caption in OUTCOMES.items():
                    box.addItem(caption, code)
                outcome = concern.outcome
                proposed = concern.kind == checks.DAB and outcome is None
                if proposed:  # a DAB's outcome follows the GF's decision
                    outcome = closing_checks.outcome_from_decision(self.case.gf_decision)
                box.setCurrentIndex(max(box.findData(outcome), 0))
                caption = f"&{concern.position}. Anliegen: {kind}"
                self.outcomes[concern.position] = self.add_field(
                    f"concerns.{concern.position}.outcome",
                    caption,
                    box,
                    required=True,
                    hint="Folgt der Entscheidung der GF (aus ihrem Wortlaut vorgeschlagen, sonst bitte wählen)."
                    if proposed
                    else "",
                )
            else:
                self.add_info(f"{concern.position}. Anliegen", f"{escape(kind)} (ohne Ergebnis)")
        self._answer_row()
        self._sign_off_row()
        if self.case.kind == checks.DAB:
            self.add_info(
                "Entscheidung der GF",
                f"{d(self.case.decided_on)}: {escape(self.case.gf_decision)}; Beschäftigte/r informiert "
                f"{d(self.case.employee_informed)}",
            )

    def _answer_row(self) -> None:
        self.answer_sent: QCheckBox | None = None
        if self.case.answer_sent:
            self.add_info("Antwortschreiben", f"versandt am {d(self.case.answer_sent)}")
        elif not closing_checks.needs_answer(self.facts):
            self.add_info("Antwortschreiben", "entfällt (ohne Adressat/in)")
        elif self.case.waiver:
            self.add_info("Antwortschreiben", "entfällt: Verzicht auf schriftliche Antwort erfasst")
        else:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            self.answer_sent = QCheckBox("versandt am")
            self.answer_sent.setChecked(True)
            self.answer_date = date_edit(self.today)
            self.answer_sent.toggled.connect(self.answer_date.setEnabled)
            line.addWidget(self.answer_sent)
            line.addWidget(self.answer_date)
            line.addStretch(1)
            self.add_field(
                "answer_sent",
                "Antwort&schreiben",
                row,
                required=True,
            )
            self._watch(self.answer_sent, "answer_sent")
            self._watch(self.answer_date, "answer_sent")

    def _sign_off_row(self) -> None:
        """The people who sign in some case; the one this case calls for preselected, a wrong pick refused at once."""
        self.signer: QComboBox | None = None
        if not closing_checks.needs_sign_off(self.facts):
            self.add_info("Schlusszeichnung", "entfällt (kein Antwortschreiben)")
            return
        self.signer = QComboBox()
        self.signers = {person.id: person for person in cases.signing_staff()}
        self.signer.addItem("– bitte wählen –" if self.signers else "– noch niemand angelegt –", None)
        for person in self.signers.values():
            self.signer.addItem(f"{person.name} – {label(STAFF_ROLES, person.role)}", person.id)
        proposed = proposed_signer(self.case)
        if proposed is not None and proposed.id in self.signers:
            self.signer.setCurrentIndex(self.signer.findData(proposed.id))
        self.add_field(
            "signed_by",
            "Schluss&zeichnung",
            self.signer,
            required=True,
            hint=f"Zeichnungsbefugt: {cases.sign_off_label(self.case)}.",
        )
        self.signer.currentIndexChanged.connect(self.check_signer)

    def check_signer(self) -> None:
        """The picked person is checked as soon as chosen: the message stands next to the field at once."""
        if self.signer is None:
            return
        error = self.errors["signed_by"]
        staff_id = self.signer.currentData()
        problem = signer_problem(self.case, self.signers.get(staff_id)) if staff_id is not None else None
        error.setText(problem or "")
        error.setVisible(bool(problem))

    def value_text(self, key: str, widget: QWidget) -> str:
        if key == "answer_sent" and self.answer_sent is not None:
            if not self.answer_sent.isChecked():
                return "nicht versandt"
            return f"versandt am {self.answer_date.date().toString('dd.MM.yyyy')}"
        return super().value_text(key, widget)

    def save(self) -> Case:
        answer = None
        if self.answer_sent is not None and self.answer_sent.isChecked():
            answer = pydate(self.answer_date.date())
        return cases.close(
            self.case_id,
            version=self.version,
            closed_on=pydate(self.closed_on.date()),
            outcomes={pos: box.currentData() for pos, box in self.outcomes.items() if box.currentData()},
            answer_sent=answer,
            signed_by=self.signer.currentData() if self.signer is not None else None,
            today=self.today,
            user=self.user,
        )
