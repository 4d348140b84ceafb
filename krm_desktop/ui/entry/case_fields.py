"""The fields of every Anliegensart's form and their layout: receipt, subject and description, topic, team,
file number, the concerns, the complainant, and the deadlines computed live as the received date is typed.

A kind's form (`kind_forms`) adds its own rows (`build_kind_rows`) and may place a view beside the fields
(`side_widget`); `case_form.CaseForm` reads, loads and saves the values.
"""

from __future__ import annotations

from datetime import date

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
from krm_desktop.model.cases.deadline_preview import deadline_preview
from krm_desktop.model.cases.intake import KIND_HINTS
from krm_desktop.model.codes import CHANNELS, KINDS, VIAS, label
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.office.topics import topic_list
from krm_desktop.model.time.deadlines import calendar_of
from krm_desktop.ui.entry.concerns_editor import ConcernsEditor
from krm_desktop.ui.entry.conflict_dialog import copyable_text
from krm_desktop.ui.entry.party_form import PartyForm
from krm_desktop.ui.widgets.fields import REQUIRED_NOTE, CodeBox, DateField, FieldErrors, add_row, error_line, hint

ORAL = ("telefon", "persoenlich")
ORAL_NOTE = "Mündliche Reaktionen nur erfassen, wenn ihnen nicht sofort abgeholfen wurde."
DSGVO_HINT = "Die Kundin/der Kunde kann alles lesen, was hier steht (Art. 15 DSGVO): nur Tatsachen, keine Wertungen."


class CaseFields(QWidget):
    """The widgets of one case's form, laid out in two columns (and a view beside them, if the kind has one).

    `case_id` is None for a new case."""

    edited = Signal()
    case_link = Signal(int)  # a case named in the Mehrfachbeschwerde warning was clicked
    TEAM_CAPTION = "Team (verursachend)"
    TEAM_NOTE = ""
    KIND_NOTE = ""  # what the kind's handling brings, under the heading

    def __init__(
        self, kind: str, *, today: date, profile: OfficeProfile, case_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind, self.today, self.profile, self.case_id = kind, today, profile, case_id
        self.calendar = calendar_of(profile)
        self.general_error = error_line()
        self.errors = FieldErrors(self.general_error)
        self._build()

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
        active_teams = [(team_id, name) for team_id, name, active in teams() if active]
        for team_id, name in active_teams:
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
        self.concerns = ConcernsEditor(self.kind, self.errors, teams=active_teams)
        self.team.currentIndexChanged.connect(
            lambda _i: self.concerns.set_first_team(self.team.code(), self.team.currentText())
        )
        add_row(form, e, "concerns", "Anliegen (bis zu 3)", self.concerns, focus=self.concerns.boxes[0])
        # Created after the left column's fields: the first wrong field in reading order gets the focus.
        self.party = PartyForm(self.errors, today=self.today)
        self.party.case_link.connect(self.case_link)

        left = QVBoxLayout()
        left.addLayout(intro)
        left.addLayout(form)
        left.addStretch(1)
        clock = QGroupBox("Fristen (aus dem Dienststellenprofil berechnet)")
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
            splitter.setSizes([960, 380])  # the form without a horizontal scroll bar on a 1366 screen
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

    # --- the kind's own rows (overridden in kind_forms) ---------------------------------------------------

    def build_kind_rows(self, form: QFormLayout) -> None:
        """Rows of the kind, added after the description."""

    def side_widget(self) -> QWidget | None:
        """A view beside the form (the earlier case of a Folgereaktion)."""
        return None

    def body_due(self) -> date | None:
        """The requesting body's own due date (petitions and Eingaben), which replaces the answer deadline."""
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
