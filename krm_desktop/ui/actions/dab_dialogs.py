"""Dienstaufsichtsbeschwerde: the GF's decision, its reclassification (who, when, why), the employee informed."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QComboBox

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import dab
from krm_desktop.model.cases.case_view import CaseStatement
from krm_desktop.model.codes import DAB_RECLASSIFY_TO, KINDS, STAFF_ROLES, label
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.actions.action_form import ActionDialog, d, date_edit, note, pydate, text_edit


def _statements(statements: tuple[CaseStatement, ...]) -> str:
    lines = [
        f"{escape(s.author)} ({escape(label(STAFF_ROLES, s.author_role))}), {d(s.received_on)}" for s in statements
    ]
    return "<br>".join(lines) or "noch keine"


class _GfDialog(ActionDialog):
    """A decision of the Geschäftsführung: who decided and when."""

    def add_context(self) -> None:
        self.add_info("Beschäftigte/r", escape(self.case.employee_concerned) or "–")
        self.add_info("Stellungnahmen", _statements(self.view.statements))

    def add_decider(self) -> None:
        self.decider = QComboBox()
        people = dab.deciding_staff()
        self.decider.addItem("– bitte wählen –" if people else "– keine Person mit Funktion GF angelegt –", None)
        for person in people:
            self.decider.addItem(person.name, person.id)
        if len(people) == 1:
            self.decider.setCurrentIndex(1)
        self.add_field("decided_by", "Entschieden &von (GF)", self.decider, required=True)
        self.decided_on = self.add_field("decided_on", "Entschieden &am", date_edit(self.today), required=True)


class DecisionDialog(_GfDialog):
    action = checks.DECIDE
    title = "Entscheidung der Geschäftsführung (DAB)"

    def build(self) -> None:
        self.add_context()
        self.add_decider()
        self.decision = self.add_field(
            "decision",
            "&Entscheidung",
            text_edit(6),
            required=True,
            free_text=True,
            hint="Die Entscheidung geht an die/den Beschäftigte/n.",
        )

    def save(self) -> Case:
        return dab.decide_dab(
            self.case_id,
            version=self.version,
            decision=self.decision.toPlainText(),
            decided_by=self.decider.currentData(),
            decided_on=pydate(self.decided_on.date()),
            today=self.today,
            user=self.user,
        )


class ReclassifyDialog(_GfDialog):
    action = checks.RECLASSIFY
    title = "Dienstaufsichtsbeschwerde umdeuten"
    save_text = "&Umdeuten"

    def build(self) -> None:
        self.add_context()
        self.kind = QComboBox()
        self.kind.addItem("– bitte wählen –", None)  # a reclassification is a decision: nothing preselected
        for code in sorted(DAB_RECLASSIFY_TO, reverse=True):  # Fachaufsichtsbeschwerde first
            self.kind.addItem(label(KINDS, code), code)
        self.add_field(
            "kind",
            "Umdeuten &in",
            self.kind,
            required=True,
            hint="Betrifft die Beschwerde nicht das persönliche Verhalten, sondern eine fachliche Entscheidung "
            "oder Bearbeitung, wird sie als Fachaufsichtsbeschwerde oder Beschwerde weiterbearbeitet.",
        )
        self.add_decider()
        self.reason = self.add_field("reason", "&Begründung", text_edit(4), required=True, free_text=True)

    def save(self) -> Case:
        return dab.reclassify_dab(
            self.case_id,
            version=self.version,
            new_kind=self.kind.currentData(),
            reason=self.reason.toPlainText(),
            decided_by=self.decider.currentData(),
            decided_on=pydate(self.decided_on.date()),
            today=self.today,
            user=self.user,
        )


class InformDialog(ActionDialog):
    action = checks.INFORM
    title = "Beschäftigte/n informiert (DAB)"

    def build(self) -> None:
        self.add_info("Beschäftigte/r", escape(self.case.employee_concerned) or "–")
        if self.case.gf_decision:
            decider = self.view.decided_by
            who = f" ({escape(decider.name)})" if decider else ""
            self.add_info("Entscheidung", f"{d(self.case.decided_on)}{who}: {escape(self.case.gf_decision)}")
        else:
            self.add_info("Umgedeutet in", escape(label(KINDS, self.case.kind)))
        self.informed_on = self.add_field("informed_on", "Informiert &am", date_edit(self.today), required=True)
        self.form.addRow(note("Die Teamleitung informiert die/den Beschäftigte/n über das Ergebnis."))

    def save(self) -> Case:
        return dab.inform_employee(
            self.case_id,
            version=self.version,
            informed_on=pydate(self.informed_on.date()),
            today=self.today,
            user=self.user,
        )
