"""The everyday workflow actions: acknowledgement sent (or "Eingangsbestätigung entfällt"), interim notice sent, team assigned, escalation, the GF's
reserved sign-off, a statement received, the answer sent. Each over its service in `model.cases`."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from PySide6.QtWidgets import QComboBox, QLineEdit

from krm_desktop.model.case_list.filters import teams
from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import services as cases
from krm_desktop.model.codes import CHANNELS, ESCALATION_ROLES, STAFF_ROLES, label
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.actions.action_form import ActionDialog, d, date_edit, note, pydate, text_edit


class AcknowledgeDialog(ActionDialog):
    action = checks.ACKNOWLEDGE
    title = "Eingangsbestätigung versandt"

    def build(self) -> None:
        self.sent_on = self.add_field("sent_on", "&Versandt am", date_edit(self.today), required=True)
        self.add_info("Fällig", d(self.case.ack_due))
        self.form.addRow(note("Das Schreiben selbst erstellen Sie unter „Schreiben → Eingangsbestätigung“."))

    def save(self) -> Case:
        return cases.acknowledge(
            self.case_id, version=self.version, sent_on=pydate(self.sent_on.date()), today=self.today, user=self.user
        )


class PresentToGfDialog(ActionDialog):
    action = checks.PRESENT_GF
    title = "Vorgelegt an GF"

    def build(self) -> None:
        self.add_info("Eingang", d(self.case.received))
        self.add_info("Vorlage an GF fällig", d(self.case.gf_due))
        self.presented_on = self.add_field("presented_on", "Vorgelegt &am", date_edit(self.today), required=True)
        why = (
            "Petitionen und Eingaben sind Sofortsachen, eine Dienstaufsichtsbeschwerde erfährt die "
            "Geschäftsführung sofort: die Vorlage ist am Tag des Eingangs fällig."
        )
        if self.case.gf_required_on:  # issue 19: Pankow's Anlage 2
            why = f"Vorlagepflichtig (Anlage 2) seit {d(self.case.gf_required_on)}: die GF entscheidet über den Fall."
        self.form.addRow(note(why))

    def save(self) -> Case:
        return cases.present_to_gf(
            self.case_id,
            version=self.version,
            presented_on=pydate(self.presented_on.date()),
            today=self.today,
            user=self.user,
        )


class WaiveAcknowledgementDialog(ActionDialog):
    action = checks.WAIVE_ACK
    title = "Eingangsbestätigung entfällt"
    save_text = "&Entfällt vermerken"

    def build(self) -> None:
        self.add_info("Eingang", f"{d(self.case.received)} · {escape(label(CHANNELS, self.case.channel))}")
        self.add_info("Eingangsbestätigung fällig", d(self.case.ack_due))
        self.decided_on = self.add_field("decided_on", "Entschieden &am", date_edit(self.today), required=True)
        self.reason = self.add_field(
            "reason",
            "&Begründung",
            text_edit(4),
            required=True,
            free_text=True,
            hint="Warum keine Eingangsbestätigung versandt wird, z. B. „Antwort folgt binnen drei Arbeitstagen“.",
        )
        self.form.addRow(
            note(
                f"Die Fallhistorie vermerkt, wer ({self.user}) wann und warum so entschieden hat. Die Frist "
                "der Eingangsbestätigung endet; die Antwortfrist bleibt. In den Berichten zählt der Fall weder als "
                "fristgerecht noch als verspätet, sondern als „Eingangsbestätigung entfallen“."
            )
        )

    def save(self) -> Case:
        return cases.waive_acknowledgement(
            self.case_id,
            version=self.version,
            decided_on=pydate(self.decided_on.date()),
            reason=self.reason.toPlainText(),
            today=self.today,
            user=self.user,
            profile=self.context.profile,
        )


class InterimDialog(ActionDialog):
    action = checks.INTERIM
    title = "Zwischennachricht versandt"

    def build(self) -> None:
        self.add_info("Antwort fällig", d(self.case.final_due))
        self.sent_on = self.add_field("sent_on", "&Versandt am", date_edit(self.today), required=True)
        self.reason = self.add_field(
            "reason",
            "&Grund der Verzögerung",
            text_edit(4),
            required=True,
            free_text=True,
            hint="Steht so in der Zwischennachricht an die Kundin/den Kunden.",
        )
        expected = max(self.today, self.case.final_due or self.today) + timedelta(days=14)
        self.expected = self.add_field("expected", "Voraussichtlich &erledigt bis", date_edit(expected), required=True)

    def save(self) -> Case:
        return cases.send_interim(
            self.case_id,
            version=self.version,
            sent_on=pydate(self.sent_on.date()),
            reason=self.reason.toPlainText(),
            expected=pydate(self.expected.date()),
            today=self.today,
            user=self.user,
        )


class AssignDialog(ActionDialog):
    action = checks.ASSIGN
    title = "Team zuweisen"

    def build(self) -> None:
        self.add_info("Bisher", escape(self.view.team) or "ohne Team")
        self.team = QComboBox()
        self.team.addItem("– bitte wählen –", None)
        for team_id, name, active in teams():
            if active or team_id == self.case.team_id:
                self.team.addItem(name, team_id)
        hint = "" if self.team.count() > 1 else "Noch kein Team angelegt."
        self.add_field("team", "&Team", self.team, required=True, hint=hint)
        self.form.addRow(note("Bearbeitet wird dort, wo die Ursache liegt (Kausalität)."))

    def save(self) -> Case:
        return cases.assign_team(
            self.case_id, version=self.version, team_id=self.team.currentData(), today=self.today, user=self.user
        )


class EscalateDialog(ActionDialog):
    action = checks.ESCALATE
    title = "Eskalieren"

    def build(self) -> None:
        level = self.case.escalation_level
        self.current = self.add_info("Bisher", self._level_text(level))
        self.level = QComboBox()
        self._fill_levels()
        self.add_field("level", "Eskalieren &auf", self.level, required=True)
        self.reason = self.add_field(
            "reason",
            "&Begründung",
            text_edit(3),
            free_text=True,
            hint="Pflicht, wenn eine Stufe übersprungen wird (Ausnahme).",
        )

    @staticmethod
    def _level_text(level: int) -> str:
        return f"Stufe {level}: {label(STAFF_ROLES, ESCALATION_ROLES[level])}"

    def _fill_levels(self) -> None:
        chosen = self.level.currentData()
        self.level.clear()
        for level in ESCALATION_ROLES:
            if level > self.case.escalation_level:
                self.level.addItem(self._level_text(level), level)
        self.level.setCurrentIndex(max(self.level.findData(chosen), 0))

    def case_changed_here(self) -> None:
        self.current.setText(self._level_text(self.case.escalation_level))
        self._fill_levels()

    def save(self) -> Case:
        return cases.escalate(
            self.case_id,
            version=self.version,
            to_level=self.level.currentData(),
            reason=self.reason.toPlainText(),
            today=self.today,
            user=self.user,
        )


class ReserveSignOffDialog(ActionDialog):
    action = checks.RESERVE
    title = "Schlusszeichnung der Geschäftsführung vorbehalten"
    save_text = "&Vorbehalten"

    def build(self) -> None:
        self.add_info("Bisher zeichnet", cases.sign_off_label(self.case))
        self.form.addRow(
            note(
                "Die Geschäftsführung behält sich die Schlusszeichnung vor: das Antwortschreiben zeichnet dann "
                "nur die Geschäftsführung. Die Fallhistorie vermerkt es."
            )
        )

    def save(self) -> Case:
        return cases.reserve_sign_off(self.case_id, version=self.version, today=self.today, user=self.user)


class StatementDialog(ActionDialog):
    action = checks.STATEMENT
    title = "Stellungnahme eingegangen"

    def build(self) -> None:
        dab = self.case.kind == checks.DAB
        earlier = len(self.view.statements)
        self.author = self.add_field("author", "&Verfasser/in", QLineEdit(), required=True)
        self.role = QComboBox()
        for code, caption in STAFF_ROLES.items():
            self.role.addItem(caption, code)
        self.add_field("author_role", "&Funktion", self.role, required=True)
        if dab and earlier == 0 and self.case.employee_concerned:
            # A DAB starts with the statement of the employee concerned.
            self.author.setText(self.case.employee_concerned)
            self.role.setCurrentIndex(self.role.findData("MA"))
        else:
            self.role.setCurrentIndex(self.role.findData("TL"))
        self.received_on = self.add_field("received_on", "&Eingegangen am", date_edit(self.today), required=True)
        self.text = self.add_field("text", "&Stellungnahme", text_edit(8), required=True, free_text=True)
        if dab:
            self.form.addRow(
                note(f"Bisher {earlier} Stellungnahme(n). Bei einer Dienstaufsichtsbeschwerde nehmen die/der "
                     "Beschäftigte und/oder die Teamleitung Stellung; danach entscheidet die Geschäftsführung.")
            )  # fmt: skip

    def save(self) -> Case:
        return cases.record_statement(
            self.case_id,
            version=self.version,
            author=self.author.text(),
            author_role=self.role.currentData(),
            received_on=pydate(self.received_on.date()),
            text=self.text.toPlainText(),
            today=self.today,
            user=self.user,
        )


class AnswerDialog(ActionDialog):
    action = checks.ANSWER
    title = "Antwortschreiben versandt"

    def build(self) -> None:
        self.add_info("Fällig", d(self.case.final_due))
        self.sent_on = self.add_field("sent_on", "&Versandt am", date_edit(self.today), required=True)
        self.form.addRow(note("Das Schreiben selbst erstellen Sie unter „Schreiben → Antwortschreiben“."))

    def save(self) -> Case:
        return cases.record_answer(
            self.case_id, version=self.version, sent_on=pydate(self.sent_on.date()), today=self.today, user=self.user
        )
