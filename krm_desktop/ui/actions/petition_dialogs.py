"""Pankow's petition steps (Konzept 4.5), each a profile setting: the KRM's formal check of the Stellungnahme
("geprüft am … von …") before the GF signs, and the agreement with the Agentur für Arbeit and the Regionaldirektion
where the BA is responsible under § 44b Abs. 3 SGB II, before the signed originals go out."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLineEdit

from krm_desktop.model.cases import petition_steps
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.actions.action_form import ActionDialog, d, date_edit, note, pydate


class _PetitionStepDialog(ActionDialog):
    def add_statement_info(self) -> None:
        statements = self.view.statements if self.view is not None else ()
        if statements:
            last = statements[-1]
            self.add_info("Stellungnahme", f"{escape(last.author)} · eingegangen {d(last.received_on)}")
        else:
            self.add_info("Stellungnahme", "noch nicht eingegangen")


class StatementCheckDialog(_PetitionStepDialog):
    title = "Stellungnahme geprüft"
    save_text = "&Prüfung vermerken"

    def build(self) -> None:
        self.add_statement_info()
        self.checked_on = self.add_field("checked_on", "Geprüft &am", date_edit(self.today), required=True)
        self.checked_by = self.add_field("checked_by", "Geprüft &von", QLineEdit(self.user), required=True)
        self.checked_by.setMaxLength(200)
        self.form.addRow(
            note(
                "Das KRM prüft die Stellungnahme auf Form, Verständlichkeit, Vollständigkeit und Plausibilität des "
                "Inhalts; danach zeichnet die Geschäftsführung."
            )
        )

    def save(self) -> Case:
        return petition_steps.check_statement(
            self.case_id,
            version=self.version,
            checked_on=pydate(self.checked_on.date()),
            checked_by=self.checked_by.text(),
            today=self.today,
            user=self.user,
            profile=self.context.profile,
        )


class BaAgreementDialog(_PetitionStepDialog):
    title = "Abgestimmt mit Agentur für Arbeit und Regionaldirektion"
    save_text = "&Abstimmung vermerken"

    def build(self) -> None:
        self.add_statement_info()
        if self.case.statement_checked:
            self.add_info(
                "Vom KRM geprüft", f"{d(self.case.statement_checked)} ({escape(self.case.statement_checked_by)})"
            )
        self.agreed_on = self.add_field("agreed_on", "Abgestimmt &am", date_edit(self.today), required=True)
        self.form.addRow(
            note(
                "Die BA ist nach § 44b Abs. 3 SGB II zuständig: die Stellungnahme wird mit der Agentur für Arbeit "
                "und diese mit der Regionaldirektion abgestimmt. Erst danach gehen die unterschriebenen Originale "
                "hinaus."
            )
        )

    def save(self) -> Case:
        return petition_steps.agree_with_ba(
            self.case_id,
            version=self.version,
            agreed_on=pydate(self.agreed_on.date()),
            today=self.today,
            user=self.user,
            profile=self.context.profile,
        )
