"""One form per Anliegensart, each on the shared base (`case_form.CaseForm`) with what its kind needs.

Meinungskarten are entered in the batch entry, not here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from krm_desktop.model.cases.intake import CaseInput
from krm_desktop.model.cases.stored_case import StoredCase, stored_case
from krm_desktop.model.retention.rules import RULE_PETITION, rules_of
from krm_desktop.ui.entry.case_form import CaseForm
from krm_desktop.ui.entry.follow_up_picker import FollowUpPicker
from krm_desktop.ui.widgets.fields import DateField, add_row, hint


class ComplaintForm(CaseForm):
    """Beschwerde and Fachaufsichtsbeschwerde: the concerns and the team where the cause lies."""

    TEAM_NOTE = "Bearbeitet wird dort, wo die Ursache liegt."
    KIND_NOTE = "Das Ergebnis je Anliegen (begründet, unbegründet, nicht bewertbar) wird beim Abschluss erfasst."


class PraiseForm(CaseForm):
    """Lob: the team it is forwarded to; a thank-you letter follows (Schreiben → Antwortschreiben)."""

    TEAM_CAPTION = "Weiterleiten an Team"
    TEAM_NOTE = "Das Lob geht an dieses Team; die Kundin/der Kunde erhält ein Dankschreiben."


class IdeaForm(CaseForm):
    TEAM_CAPTION = "Zuständiges Team"
    TEAM_NOTE = "Das Team, das die Idee prüfen kann; die Antwort dankt und sagt, was daraus folgt."


class PetitionForm(CaseForm):
    """Petition and Eingabe: the requesting body, its file number and its own due date (which overrides the
    office's answer deadline); GF leads and signs; the documents are kept longer (shown)."""

    TEAM_CAPTION = "Team für die Stellungnahme"
    TEAM_NOTE = "Die Teamleitung entwirft die Stellungnahme; die Geschäftsführung zeichnet sie."
    KIND_NOTE = "Sofortsache: noch am Eingangstag an die Geschäftsführung, die federführend ist."

    def build_kind_rows(self, form: QFormLayout) -> None:
        self.requesting_body = QLineEdit()
        self.requesting_body.setMaxLength(300)
        self.requesting_body.setPlaceholderText(
            "z. B. Petitionsausschuss des Deutschen Bundestages" if self.kind == "petition" else "z. B. BMAS"
        )
        self.requesting_ref = QLineEdit()
        self.requesting_ref.setMaxLength(100)
        self.body_due_field = DateField("Frist der Stelle")
        self.body_street = QLineEdit()
        self.body_street.setMaxLength(300)
        self.body_street.setPlaceholderText("z. B. Platz der Republik 1")
        self.body_postcode = QLineEdit()
        self.body_postcode.setMaxLength(10)
        self.body_city = QLineEdit()
        self.body_city.setMaxLength(120)
        e = self.errors
        add_row(form, e, "requesting_body", "Einsendende Stelle", self.requesting_body, required=True)
        add_row(form, e, "body_street", "Straße der Stelle", self.body_street)
        add_row(form, e, "body_postcode", "PLZ der Stelle", self.body_postcode)
        add_row(
            form,
            e,
            "body_city",
            "Ort der Stelle",
            self.body_city,
            note="Die Anschrift steht im Anschriftfeld der Stellungnahme; ohne sie wird die Stellungnahme nicht gedruckt.",
        )
        add_row(form, e, "requesting_ref", "Zeichen der Stelle", self.requesting_ref)
        add_row(
            form,
            e,
            "body_due",
            "Frist der Stelle",
            self.body_due_field,
            edited=self._clock_changed,
            note="Eine Frist der Stelle ersetzt die Antwortfrist des Dienststellenprofils; sie darf in der Zukunft liegen.",
        )
        # Pankow's petition step (profile `ba_agreement_step`): shown where the office's instruction has it.
        self.ba_responsible = QCheckBox("Die BA ist nach § 44b Abs. 3 SGB II zuständig")
        self.ba_responsible.setAccessibleName("BA-Zuständigkeit nach § 44b Abs. 3 SGB II")
        self.ba_responsible.toggled.connect(lambda _on: self.edited.emit())
        add_row(
            form,
            e,
            "ba_responsible",
            "BA-Zuständigkeit",
            self.ba_responsible,
            note="Die Stellungnahme wird dann mit Agentur für Arbeit und Regionaldirektion abgestimmt, bevor die "
            "unterschriebenen Originale hinausgehen.",
        )
        self.form_layout, self.ba_row = form, form.rowCount() - 1
        form.setRowVisible(self.ba_row, self.profile.ba_agreement_step)
        self.retention = QLabel(retention_text(self))
        self.retention.setWordWrap(True)
        self.retention.setAccessibleName("Aufbewahrung")
        form.addRow("Aufbewahrung:", self.retention)
        for line in (
            self.requesting_body,
            self.requesting_ref,
            self.body_due_field,
            self.body_street,
            self.body_postcode,
            self.body_city,
        ):
            line.textEdited.connect(lambda _t: self.edited.emit())
        if self.case_id is None:
            self.via.set_code("petitionsausschuss" if self.kind == "petition" else "bmas")

    def body_due(self) -> date | None:
        return self.body_due_field.date()

    def fill_kind(self, data: CaseInput) -> dict[str, str]:
        data.requesting_body = self.requesting_body.text()
        data.requesting_ref = self.requesting_ref.text()
        data.body_street = self.body_street.text()
        data.body_postcode = self.body_postcode.text()
        data.body_city = self.body_city.text()
        data.ba_responsible = self.ba_responsible.isChecked()
        due, problem = self.body_due_field.parsed()
        data.body_due = due
        return {"body_due": problem} if problem else {}

    def load_kind(self, case: StoredCase) -> None:
        self.requesting_body.setText(case.requesting_body)
        self.requesting_ref.setText(case.requesting_ref)
        self.body_due_field.set_date(case.body_due)
        self.body_street.setText(case.body_street)
        self.body_postcode.setText(case.body_postcode)
        self.body_city.setText(case.body_city)
        self.ba_responsible.setChecked(case.ba_responsible)
        if case.ba_responsible:  # shown while set, even where the office no longer has the step
            self.form_layout.setRowVisible(self.ba_row, True)

    def kind_raw(self) -> dict[str, str]:
        return {
            "requesting_body": self.requesting_body.text(),
            "requesting_ref": self.requesting_ref.text(),
            "body_due": self.body_due_field.text(),
            "body_street": self.body_street.text(),
            "body_postcode": self.body_postcode.text(),
            "body_city": self.body_city.text(),
            "ba_responsible": "ja" if self.ba_responsible.isChecked() else "",
        }

    def kind_lines(self) -> list[str]:
        pairs = (
            ("Einsendende Stelle", self.requesting_body),
            ("Zeichen der Stelle", self.requesting_ref),
            ("Frist der Stelle", self.body_due_field),
            ("Straße der Stelle", self.body_street),
            ("PLZ der Stelle", self.body_postcode),
            ("Ort der Stelle", self.body_city),
        )
        lines = [f"{caption}: {line.text()}" for caption, line in pairs if line.text().strip()]
        if self.ba_responsible.isChecked():
            lines.append("BA zuständig nach § 44b Abs. 3 SGB II: ja")
        return lines


def retention_text(form: CaseForm) -> str:
    """How long this office keeps a petition's or Eingabe's documents."""
    rules = rules_of(form.profile.retention)
    rule = next((r for r in rules if r.code == RULE_PETITION), rules[0])
    return rule.text


class DabForm(CaseForm):
    """Dienstaufsichtsbeschwerde: the employee concerned; GF is informed at once and decides."""

    TEAM_CAPTION = "Team der/des Beschäftigten"
    KIND_NOTE = (
        "Die Geschäftsführung wird sofort informiert. Stellungnahmen der/des Beschäftigten und der Teamleitung, "
        "die Entscheidung der GF und die Information der/des Beschäftigten folgen als Arbeitsschritte des Falls."
    )

    def build_kind_rows(self, form: QFormLayout) -> None:
        self.employee = QLineEdit()
        self.employee.setMaxLength(200)
        self.employee.setPlaceholderText("Name, ggf. Team (z. B. Herr Meier, Team 411)")
        add_row(form, self.errors, "employee_concerned", "Betroffene/r Beschäftigte/r", self.employee, required=True)
        self.employee.textEdited.connect(lambda _t: self.edited.emit())

    def fill_kind(self, data: CaseInput) -> dict[str, str]:
        data.employee_concerned = self.employee.text()
        return {}

    def load_kind(self, case: StoredCase) -> None:
        self.employee.setText(case.employee_concerned)

    def kind_raw(self) -> dict[str, str]:
        return {"employee_concerned": self.employee.text()}

    def kind_lines(self) -> list[str]:
        return [f"Betroffene/r Beschäftigte/r: {self.employee.text()}"] if self.employee.text().strip() else []


class FollowUpForm(CaseForm):
    """Folgereaktion: search and link the earlier (closed) case, shown beside the form."""

    def build_kind_rows(self, form: QFormLayout) -> None:
        self.picker = FollowUpPicker(today=self.today, calendar=self.calendar)
        self.proposal_hint = hint("")  # what was taken over from the earlier case (team and topic)
        self.proposal_hint.hide()
        add_row(
            form,
            self.errors,
            "follows",
            "Früherer Fall",
            self.picker,
            required=True,
            focus=self.picker.search,
            note=self.proposal_hint,
        )
        self.picker.chosen.connect(self._earlier_chosen)

    def side_widget(self) -> QWidget | None:
        return self.picker.view

    def _earlier_chosen(self, case_id: int) -> None:
        """Same person, same matter: take over the earlier case's person, subject, team and topic where nothing
        is typed or chosen."""
        self.errors.clear("follows")
        self.party.exclude = {case_id} | ({self.case_id} if self.case_id else set())
        if self.case_id is not None:
            return
        earlier = stored_case(case_id)
        if earlier is None:
            return
        typed = self.party.person.lines
        if not typed["name"].text().strip() and not typed["customer_no"].text().strip():
            self.party.load(earlier.person, earlier.represented)
        if not self.subject.text().strip():
            self.subject.setText(f"Folgereaktion zu {earlier.ref}: {earlier.subject}"[:300])
            self.subject.setCursorPosition(0)
        self._propose_team_and_topic(earlier)
        self.party.check_related()
        self._clock_changed()
        self.edited.emit()

    def _propose_team_and_topic(self, earlier: StoredCase) -> None:
        """The earlier case's team and topic where none is chosen yet; the team list holds the active teams only,
        so a team made inactive since is not proposed (the hint says so)."""
        taken, left = [], []
        if self.team.code() is None and earlier.team_id is not None:
            if self.team.findData(earlier.team_id) >= 0:
                self.team.set_code(earlier.team_id)
                taken.append(f"Team „{earlier.team_name}“")
            else:
                left.append(f"Team „{earlier.team_name}“ (nicht mehr aktiv – bitte ein Team wählen)")
        if not self.topic.code() and earlier.topic:
            if self.topic.findData(earlier.topic) >= 0:
                self.topic.set_code(earlier.topic)
                taken.append(f"Themenkategorie „{earlier.topic}“")
            else:
                left.append(f"Themenkategorie „{earlier.topic}“ (nicht mehr in der Liste)")
        lines = [f"Vom früheren Fall {earlier.ref} vorgeschlagen: {', '.join(taken)}." if taken else ""]
        lines.append(f"Nicht vorgeschlagen: {', '.join(left)}." if left else "")
        text = " ".join(line for line in lines if line)
        self.proposal_hint.setText(text)
        self.proposal_hint.setVisible(bool(text))

    def follows_id(self) -> int | None:
        return self.picker.chosen_id

    def fill_kind(self, data: CaseInput) -> dict[str, str]:
        data.follows_ref = self.picker.follows_ref()
        return {}

    def load_kind(self, case: StoredCase) -> None:
        self.picker.show_fixed(case)

    def kind_raw(self) -> dict[str, str]:
        return {"follows": str(self.picker.chosen_id)}

    def kind_lines(self) -> list[str]:
        ref = self.picker.follows_ref()
        return [f"Folgereaktion zu: {ref}"] if ref else []


FORMS: dict[str, type[CaseForm]] = {
    "beschwerde": ComplaintForm,
    "fachaufsichtsbeschwerde": ComplaintForm,
    "lob": PraiseForm,
    "idee": IdeaForm,
    "petition": PetitionForm,
    "eingabe": PetitionForm,
    "dienstaufsichtsbeschwerde": DabForm,
    "folgereaktion": FollowUpForm,
}
FORM_KINDS = tuple(FORMS)  # the kinds registered through a form (Meinungskarten: batch entry)


def form_for(kind: str, **kwargs) -> CaseForm:
    return FORMS[kind](kind, **kwargs)
