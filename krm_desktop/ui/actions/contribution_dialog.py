"""Beitrag eines Teams erfassen: where the Anliegen of a case concern several teams, each team sends its Beitrag
for its part to the Geschäftsführung that leads (who wrote it, with Funktion, when it came in, its text)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QComboBox, QLineEdit

from krm_desktop.model.cases.contribution_service import record_team_contribution, teams_concerned
from krm_desktop.model.cases.contributions import missing_teams
from krm_desktop.model.codes import STAFF_ROLES
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.actions.action_form import ActionDialog, d, date_edit, note, pydate, text_edit


class ContributionDialog(ActionDialog):
    title = "Beitrag eines Teams"
    save_text = "Beitrag &speichern"

    def build(self) -> None:
        self.teams = teams_concerned(self.case_id)
        self.sent_info = self.add_info("Beiträge", "")
        self.team = QComboBox()
        self.add_field("team", "&Team", self.team, required=True, hint="Nur die Teams, die die Anliegen betreffen.")
        self.author = self.add_field("author", "&Verfasser/in", QLineEdit(), required=True)
        self.author.setMaxLength(200)
        self.role = QComboBox()
        for code, caption in STAFF_ROLES.items():
            self.role.addItem(caption, code)
        self.role.setCurrentIndex(self.role.findData("TL"))
        self.add_field("author_role", "&Funktion", self.role, required=True)
        self.received_on = self.add_field("received_on", "&Eingegangen am", date_edit(self.today), required=True)
        self.text = self.add_field("text", "&Beitrag", text_edit(8), required=True, free_text=True)
        self.form.addRow(
            note(
                "Die Anliegen dieses Falls betreffen mehrere Teams: die Geschäftsführung ist federführend, jede "
                "Teamleitung liefert einen Beitrag für ihren fachlichen Teil."
            )
        )
        self._fill_teams()

    def _fill_teams(self) -> None:
        """The teams concerned, the first without a Beitrag chosen; the row above says who has sent one."""
        contributed = [s.team for s in (self.view.statements if self.view else ()) if s.team]
        missing = missing_teams(list(self.teams.values()), contributed)
        self.team.clear()
        for team_id, name in self.teams.items():
            self.team.addItem(name, team_id)
        if missing:
            self.team.setCurrentIndex(self.team.findText(missing[0]))
        sent = [
            f"{escape(s.team)} ({d(s.received_on)}, {escape(s.author)})"
            for s in (self.view.statements if self.view else ())
            if s.team
        ]
        lines = [f"eingegangen: {', '.join(sent)}" if sent else "noch keiner eingegangen"]
        if sent and missing:
            lines.append(f"ausstehend: {escape(', '.join(missing))}")
        self.sent_info.setText("<br>".join(lines))

    def case_changed_here(self) -> None:
        typed = self.team.currentData()
        self.teams = teams_concerned(self.case_id)
        self._fill_teams()
        if typed in self.teams:
            self.team.setCurrentIndex(self.team.findData(typed))

    def save(self) -> Case:
        return record_team_contribution(
            self.case_id,
            version=self.version,
            team_id=self.team.currentData(),
            author=self.author.text(),
            author_role=self.role.currentData(),
            received_on=pydate(self.received_on.date()),
            text=self.text.toPlainText(),
            today=self.today,
            user=self.user,
        )
