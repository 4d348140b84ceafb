"""The form of one case: its values as the model's `CaseInput`, loading a stored case and saving.

The fields and their layout are `case_fields.CaseFields`; a kind's form (`kind_forms`) adds its own values.
The form registers a new case or saves the edit of an open one (`save`); every refusal shows the model's
German message next to its field, and nothing typed is lost. When another workstation saved the case
meanwhile, the conflict dialog says what changed; after "Neu laden" the form shows the current case and
keeps the user's typed text for copying.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import DatabaseError
from PySide6.QtWidgets import QWidget

from krm_desktop.model.cases.changes import case_state
from krm_desktop.model.cases.entry import save_edit, save_new
from krm_desktop.model.cases.intake import CaseInput, entry_errors
from krm_desktop.model.cases.stored_case import StoredCase, stored_case
from krm_desktop.model.codes import KINDS, label
from krm_desktop.model.errors import ConflictError, KrmError, ValidationError
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.ui.entry.case_fields import CaseFields
from krm_desktop.ui.entry.conflict_dialog import resolve_conflict
from krm_desktop.ui.widgets.fields import CodeBox, text_of


class CaseForm(CaseFields):
    """One case's data. `case` given: edit mode (the kind stays; saved through `entry.save_edit`)."""

    def __init__(
        self,
        kind: str,
        *,
        today: date,
        user: str,
        profile: OfficeProfile,
        case: StoredCase | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(kind, today=today, profile=profile, case_id=case.id if case else None, parent=parent)
        self.user = user
        self.version = 0
        self.loaded_state: dict[str, str] = {}
        self.follows_purged = False
        self.routed: tuple[list[str], str] = ([], "")  # parts of a mixed letter routed elsewhere (intake)
        if case is not None:
            self.load(case)
        self.baseline = self.raw()

    # --- the kind's own values (overridden in kind_forms) -------------------------------------------------

    def fill_kind(self, data: CaseInput) -> dict[str, str]:
        """Put the kind's values into `data`; return problems of typed values that could not be read."""
        return {}

    def load_kind(self, case: StoredCase) -> None:
        """Edit mode: show the kind's stored values."""

    def kind_raw(self) -> dict[str, str]:
        return {}

    def kind_lines(self) -> list[str]:
        return []

    def follows_id(self) -> int | None:
        return None

    # --- values --------------------------------------------------------------------------------------------

    def raw(self) -> dict[str, Any]:
        """Everything typed, as text: what 'unsaved changes' compares."""
        values: dict[str, Any] = {
            "channel": self.channel.currentText(),
            "via": self.via.currentText(),
            "received": self.received.text(),
            "subject": self.subject.text(),
            "description": self.description.toPlainText(),
            "topic": self.topic.currentText(),
            "team": self.team.currentText(),
            "file_no": self.file_no.text(),
        }
        values.update(self.concerns.raw())
        values.update(self.party.raw())
        values.update(self.kind_raw())
        return values

    def is_modified(self) -> bool:
        return self.raw() != self.baseline or not self.kept_box.isHidden()

    def typed_text(self) -> str:
        """What the user typed, as German lines to copy (the conflict dialog and the kept box show it)."""
        fields = [
            ("Eingangsweg", self.channel),
            ("Eingang über", self.via),
            ("Eingangsdatum", self.received),
            ("Betreff", self.subject),
            ("Themenkategorie", self.topic),
            (self.TEAM_CAPTION, self.team),
            ("Aktenzeichen", self.file_no),
        ]
        lines = [f"Anliegensart: {label(KINDS, self.kind)}"]
        lines += [
            f"{caption}: {text_of(w)}"
            for caption, w in fields
            if text_of(w).strip() and not (isinstance(w, CodeBox) and w.code() in (None, ""))
        ]
        lines += self.kind_lines() + self.concerns.typed_lines() + self.party.typed_lines()
        if self.description.toPlainText().strip():
            lines += ["Beschreibung:", self.description.toPlainText()]
        return "\n".join(lines)

    def case_input(self) -> tuple[CaseInput, dict[str, str]]:
        """The typed case and the problems of values that could not even be read (dates)."""
        problems: dict[str, str] = {}
        received, problem = self.received.parsed()
        if problem:
            problems["received"] = problem
        elif received is None:
            problems["received"] = "Bitte das Eingangsdatum angeben (TT.MM.JJJJ)."
        data = CaseInput(
            kind=self.kind,
            channel=self.channel.code(),
            via=self.via.code(),
            received=received or self.today,
            subject=self.subject.text(),
            description=self.description.toPlainText(),
            team_id=self.team.code(),
            concerns=self.concerns.concerns(),
            person=self.party.person_input(),
            represented=self.party.represented_input(),
            file_no=self.file_no.text(),
            topic=self.topic.code() or "",
        )
        problems.update(self.fill_kind(data))
        return data, problems

    def problems(self) -> tuple[CaseInput, dict[str, str]]:
        """Every problem of the typed case (model checks), by field; the reading problems win."""
        data, unreadable = self.case_input()
        found = entry_errors(data, self.today, follows_purged=self.follows_purged)
        found.update(unreadable)
        return data, found

    # --- loading and saving --------------------------------------------------------------------------------

    def load(self, case: StoredCase) -> None:
        """Show the stored case (edit mode, and after "Neu laden")."""
        self.case_id = case.id
        self.version = case.version
        self.loaded_state = case_state(case.id)
        self.follows_purged = case.follows_purged
        self.channel.set_code(case.channel)
        self.via.set_code(case.via)
        self.received.set_date(case.received)
        self.subject.setText(case.subject)
        self.description.setPlainText(case.description)
        if case.topic and self.topic.findData(case.topic) < 0:
            self.topic.addItem(case.topic, case.topic)  # a topic since removed from the list stays
        self.topic.set_code(case.topic or "")
        if case.team_id is not None and self.team.findData(case.team_id) < 0:
            self.team.addItem(case.team_name, case.team_id)  # an inactive team stays
        self.team.set_code(case.team_id)
        self.file_no.setText(case.file_no)
        self.concerns.load(case.concerns)
        self.party.load(case.person, case.represented)
        self.party.exclude.add(case.id)
        self.load_kind(case)
        self.errors.show({})
        self._clock_changed()
        self.baseline = self.raw()

    def save(self) -> int | None:
        """Register or save the case; the case id, or None when refused (messages shown, nothing lost)."""
        data, problems = self.problems()
        if problems:
            self.show_problems(problems)
            return None
        try:
            if self.case_id is None:
                case = save_new(
                    data,
                    follows_id=self.follows_id(),
                    today=self.today,
                    user=self.user,
                    profile=self.profile,
                    routed=self.routed,
                )
            else:
                case = save_edit(
                    self.case_id,
                    version=self.version,
                    data=data,
                    today=self.today,
                    user=self.user,
                    profile=self.profile,
                )
        except ValidationError as exc:
            self.show_problems(exc.errors)
            return None
        except ConflictError:
            self._conflict()
            return None
        except KrmError as exc:
            self.show_problems({"": exc.message})
            return None
        except DatabaseError as exc:
            message = (
                f"Die Datenbank hat nicht gespeichert ({exc}). Ihre Eingaben bleiben erhalten; bitte erneut speichern."
            )
            self.show_problems({"": message})
            return None
        self.case_id, self.version = case.id, case.version
        self.loaded_state = case_state(case.id)
        self.kept_box.hide()
        self.errors.show({})
        self.baseline = self.raw()
        return case.id

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each message next to its field (key "" and unknown keys: below the form); focus the first field."""
        first = self.errors.show(problems)
        if first is not None:
            first.setFocus()

    def _conflict(self) -> None:
        assert self.case_id is not None
        typed = self.typed_text()
        if resolve_conflict(self, case_id=self.case_id, before=self.loaded_state, typed=typed):
            case = stored_case(self.case_id)
            if case is None:
                return
            self.load(case)
            self.kept.setPlainText(typed)
            self.kept_box.show()
