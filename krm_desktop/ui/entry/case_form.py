"""The base of every Anliegensart's form: receipt, subject and description, topic, team, file number, the
concerns, the complainant, and the deadlines computed live as the received date is typed.

A kind's form (case_form_kinds) adds its own rows (`build_kind_rows`) and values. The form registers a new case
or saves the edit of an open one (`save`); every refusal shows the model's German message next to its field,
and nothing typed is lost. When another workstation saved the case meanwhile, the conflict dialog says what
changed; after "Neu laden" the form shows the current case and keeps the user's typed text for copying.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import DatabaseError
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.case_list.filters import teams
from krm_desktop.model.cases.changes import case_state
from krm_desktop.model.cases.entry import save_edit, save_new
from krm_desktop.model.cases.intake import KIND_HINTS, CaseInput, deadline_preview, entry_errors
from krm_desktop.model.codes import CHANNELS, KINDS, VIAS, label
from krm_desktop.model.errors import ConflictError, KrmError, ValidationError
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.office.topics import topic_list
from krm_desktop.model.store.entities import Case, Concern
from krm_desktop.model.time.deadlines import calendar_of
from krm_desktop.ui.entry.concerns_editor import ConcernsEditor
from krm_desktop.ui.entry.conflict_dialog import copyable_text, resolve_conflict
from krm_desktop.ui.entry.fields import (
    REQUIRED_NOTE,
    CodeBox,
    DateField,
    FieldErrors,
    add_row,
    error_line,
    hint,
    text_of,
)
from krm_desktop.ui.entry.party_form import PartyForm

ORAL = ("telefon", "persoenlich")
ORAL_NOTE = "Mündliche Reaktionen nur erfassen, wenn ihnen nicht sofort abgeholfen wurde."
DSGVO_HINT = "Die Kundin/der Kunde kann alles lesen, was hier steht (Art. 15 DSGVO): nur Tatsachen, keine Wertungen."


class CaseForm(QWidget):
    """One case's data. `case` given: edit mode (the kind stays; saved through `cases.update_case`)."""

    edited = Signal()
    case_link = Signal(int)  # a case named in the Mehrfachbeschwerde warning was clicked
    TEAM_CAPTION = "Team (verursachend)"
    TEAM_NOTE = ""
    KIND_NOTE = ""  # what the kind's handling brings, under the heading

    def __init__(
        self,
        kind: str,
        *,
        today: date,
        user: str,
        profile: OfficeProfile,
        case: Case | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind, self.today, self.user, self.profile = kind, today, user, profile
        self.calendar = calendar_of(profile)
        self.case_id: int | None = case.id if case else None
        self.version = 0
        self.loaded_state: dict[str, str] = {}
        self.follows_purged = False
        self.routed: tuple[list[str], str] = ([], "")  # parts of a mixed letter routed elsewhere (intake)
        self.general_error = error_line()
        self.errors = FieldErrors(self.general_error)
        self._build()
        if case is not None:
            self.load(case)
        self.baseline = self.raw()

    # --- building ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.channel = CodeBox("Eingangsweg", [(c, t) for c, t in CHANNELS.items() if c != "meinungskarte"])
        self.via = CodeBox("Eingang über", VIAS.items())
        self.received = DateField("Eingangsdatum", self.today)
        self.subject = QLineEdit()
        self.subject.setMaxLength(300)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(110)
        self.topic = CodeBox("Themenkategorie", [("", "— keine —"), *((t, t) for t in topic_list())])
        self.team = CodeBox(self.TEAM_CAPTION, [(None, "— noch offen —")])
        for team_id, name, active in teams():
            if active:
                self.team.addItem(name, team_id)
        self.file_no = QLineEdit()
        self.file_no.setMaxLength(40)
        self.deadlines = QLabel()
        self.deadlines.setWordWrap(True)
        self.deadlines.setAccessibleName("Fristen")
        self.kept_box = QGroupBox("Ihre Eingaben vor dem Neuladen (nicht gespeichert – zum Kopieren)")
        self.kept = copyable_text("", "Ihre Eingaben vor dem Neuladen")
        QVBoxLayout(self.kept_box).addWidget(self.kept)
        self.kept_box.hide()

        heading = QLabel(f"<h2 style='margin:0'>{label(KINDS, self.kind)}</h2>")
        intro = QVBoxLayout()
        intro.addWidget(heading)
        intro.addWidget(hint(" ".join(t for t in (KIND_HINTS.get(self.kind, ""), self.KIND_NOTE, REQUIRED_NOTE) if t)))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        e = self.errors
        self.oral_hint = hint(ORAL_NOTE)
        add_row(
            form,
            e,
            "channel",
            "Eingangsweg",
            self.channel,
            required=True,
            edited=self._clock_changed,
            note=self.oral_hint,
        )
        add_row(form, e, "via", "Eingang über", self.via, required=True)
        add_row(form, e, "received", "Eingangsdatum", self.received, required=True, edited=self._clock_changed)
        add_row(form, e, "subject", "Betreff", self.subject, required=True)
        add_row(form, e, "description", "Beschreibung", self.description, note=DSGVO_HINT)
        self.build_kind_rows(form)
        add_row(form, e, "team", self.TEAM_CAPTION, self.team, note=self.TEAM_NOTE)
        add_row(form, e, "topic", "Themenkategorie", self.topic)
        add_row(form, e, "file_no", "Aktenzeichen", self.file_no)
        self.concerns = ConcernsEditor(self.kind, self.errors)
        add_row(form, e, "concerns", "Anliegen (bis zu 3)", self.concerns, focus=self.concerns.boxes[0])
        # Created after the left column's fields: the first wrong field in reading order gets the focus.
        self.party = PartyForm(self.errors, today=self.today)
        self.party.case_link.connect(self.case_link)

        left = QVBoxLayout()
        left.addLayout(intro)
        left.addLayout(form)
        left.addStretch(1)
        clock = QGroupBox("Fristen (aus dem Office-Profil berechnet)")
        QVBoxLayout(clock).addWidget(self.deadlines)
        right = QVBoxLayout()
        right.addWidget(self.party)
        right.addWidget(clock)
        right.addWidget(self.kept_box)
        right.addWidget(self.general_error)
        right.addStretch(1)
        columns = QWidget()
        row = QHBoxLayout(columns)
        row.addLayout(left, 11)
        row.addLayout(right, 9)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(columns)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.side = self.side_widget()
        if self.side is None:
            outer.addWidget(scroll)
        else:
            splitter = QSplitter()
            splitter.addWidget(scroll)
            splitter.addWidget(self.side)
            splitter.setChildrenCollapsible(False)
            splitter.setSizes([900, 440])
            outer.addWidget(splitter)

        for widget in (self.channel, self.via, self.topic, self.team):
            widget.currentIndexChanged.connect(lambda _i: self.edited.emit())
        for line in (self.received, self.subject, self.file_no):
            line.textEdited.connect(lambda _t: self.edited.emit())
        self.received.editingFinished.connect(self._check_received)
        self.description.textChanged.connect(self.edited)
        self.concerns.edited.connect(self.edited)
        self.party.edited.connect(self.edited)
        self.party.anonymous.toggled.connect(lambda _on: self._clock_changed())
        self._clock_changed()

    # --- the kind's own part (overridden by case_form_kinds) ----------------------------------------------

    def build_kind_rows(self, form: QFormLayout) -> None:
        """Rows of the kind, added after the description."""

    def side_widget(self) -> QWidget | None:
        """A view beside the form (the earlier case of a Folgereaktion)."""
        return None

    def fill_kind(self, data: CaseInput) -> dict[str, str]:
        """Put the kind's values into `data`; return problems of typed values that could not be read."""
        return {}

    def load_kind(self, case: Case) -> None:
        """Edit mode: show the kind's stored values."""

    def kind_raw(self) -> dict[str, str]:
        return {}

    def kind_lines(self) -> list[str]:
        return []

    def body_due(self) -> date | None:
        return None

    # --- live feedback -------------------------------------------------------------------------------------

    def _clock_changed(self) -> None:
        self.oral_hint.setVisible(self.channel.code() in ORAL)
        lines = deadline_preview(
            self.profile,
            self.kind,
            self.channel.code(),
            self.received.date(),
            has_addressee=not self.party.is_anonymous(),
            body_due=self.body_due(),
        )
        self.deadlines.setText("\n".join(lines))

    def _check_received(self) -> None:
        _, problem = self.received.parsed()
        if problem:
            self.errors.show({**self.shown_errors(), "received": problem})

    def shown_errors(self) -> dict[str, str]:
        """Messages on screen now, by field key (without the "⚠ " mark)."""
        return {k: text.removeprefix("⚠ ") for k, text in self.errors.shown().items() if k}

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

    def load(self, case: Case) -> None:
        """Show the stored case (edit mode, and after "Neu laden")."""
        self.case_id = case.id
        self.version = case.version
        self.loaded_state = case_state(case.id)
        self.follows_purged = case.follows_id is None and bool(case.follows_ref)
        self.channel.set_code(case.channel)
        self.via.set_code(case.via)
        self.received.set_date(case.received)
        self.subject.setText(case.subject)
        self.description.setPlainText(case.description)
        if case.topic and self.topic.findData(case.topic) < 0:
            self.topic.addItem(case.topic, case.topic)  # a topic since removed from the list stays
        self.topic.set_code(case.topic or "")
        if case.team_id is not None and self.team.findData(case.team_id) < 0:
            self.team.addItem(case.team.name, case.team_id)  # an inactive team stays
        self.team.set_code(case.team_id)
        self.file_no.setText(case.file_no)
        self.concerns.load(list(Concern.select().where(Concern.case == case.id).order_by(Concern.position)))
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

    def follows_id(self) -> int | None:
        return None

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each message next to its field (key "" and unknown keys: below the form); focus the first field."""
        first = self.errors.show(problems)
        if first is not None:
            first.setFocus()

    def _conflict(self) -> None:
        assert self.case_id is not None
        typed = self.typed_text()
        if resolve_conflict(self, case_id=self.case_id, before=self.loaded_state, typed=typed):
            case = Case.get_or_none(Case.id == self.case_id)
            if case is None:
                return
            self.load(case)
            self.kept.setPlainText(typed)
            self.kept_box.show()
