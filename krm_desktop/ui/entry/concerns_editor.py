"""The Anliegen of a case: the first is the case's kind, up to two more (as the BA's KRM database allows),
each with its kind and the team that caused it; an outcome recorded on closing is kept while the kind stays.

The first Anliegen's team is the case's team (the form's field "Team"); a further one has that team unless the
desk chooses another. Where the Anliegen concern several teams the Geschäftsführung leads (`concern_teams`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from krm_desktop.model.cases.intake import MAX_CONCERNS, ConcernInput
from krm_desktop.model.cases.stored_case import StoredConcern
from krm_desktop.model.codes import KINDS, OUTCOMES, label
from krm_desktop.ui.widgets.fields import CodeBox, FieldErrors

FURTHER_KINDS = ("beschwerde", "fachaufsichtsbeschwerde", "dienstaufsichtsbeschwerde", "lob", "idee")
NONE_TEXT = "— kein weiteres Anliegen —"
SAME_TEAM_TEXT = "Team wie Anliegen 1"
SEVERAL_TEAMS_NOTE = "Mehrere Teams betroffen: Federführung und Schlusszeichnung bei der Geschäftsführung."


class ConcernsEditor(QWidget):
    edited = Signal()

    def __init__(
        self,
        kind: str,
        errors: FieldErrors,
        parent: QWidget | None = None,
        *,
        teams: Sequence[tuple[int, str]] = (),
    ) -> None:
        """`teams`: (id, name) of the teams a further Anliegen may name (the active ones)."""
        super().__init__(parent)
        self.kind = kind
        self.outcomes: dict[int, tuple[str, str | None]] = {}  # position -> (kind, outcome) as loaded
        self.first_team: tuple[int | None, str] = (None, "")  # the case's team (the form's field), id and name
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.first = QLabel(f"{label(KINDS, kind)} (Anliegensart des Falls)")
        self.first.setAccessibleName("Anliegen 1")
        self.first.setWordWrap(True)
        self.first_outcome = QLabel()
        self.first_team_label = QLabel()
        self.first_team_label.setAccessibleName("Team von Anliegen 1")
        grid.addWidget(QLabel("1."), 0, 0)
        grid.addWidget(self.first, 0, 1)
        grid.addWidget(self.first_team_label, 0, 2)
        grid.addWidget(self.first_outcome, 0, 3)
        grid.addWidget(errors.add("concerns.1", None), 1, 1, 1, 3)
        self.boxes: list[CodeBox] = []
        self.team_boxes: list[CodeBox] = []
        self.outcome_labels: list[QLabel] = []
        for position in range(2, MAX_CONCERNS + 1):
            box = CodeBox(f"Anliegen {position}", [(None, NONE_TEXT), *((k, KINDS[k]) for k in FURTHER_KINDS)])
            box.currentIndexChanged.connect(lambda _i: self._changed())
            team = CodeBox(f"Team von Anliegen {position}", [(None, SAME_TEAM_TEXT), *teams])
            team.currentIndexChanged.connect(lambda _i: self._changed())
            for narrow in (box, team):  # two boxes side by side in the form's left column: they may shorten
                narrow.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                narrow.setMinimumContentsLength(12)
            outcome = QLabel()
            row = 2 * position - 2
            grid.addWidget(QLabel(f"{position}."), row, 0)
            grid.addWidget(box, row, 1)
            grid.addWidget(team, row, 2)
            grid.addWidget(outcome, row, 3)
            grid.addWidget(errors.add(f"concerns.{position}", box), row + 1, 1, 1, 3)
            self.boxes.append(box)
            self.team_boxes.append(team)
            self.outcome_labels.append(outcome)
        self.several_note = QLabel(SEVERAL_TEAMS_NOTE)
        self.several_note.setWordWrap(True)
        self.several_note.setStyleSheet("color: #7a4a00;")
        grid.addWidget(self.several_note, 2 * MAX_CONCERNS, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self._changed()

    def _changed(self) -> None:
        # A third concern only after a second one.
        for index, box in enumerate(self.boxes[1:], start=1):
            before = self.boxes[index - 1].code()
            box.setEnabled(before is not None)
            if before is None and box.code() is not None:
                box.set_code(None)
        for box, team in zip(self.boxes, self.team_boxes, strict=True):
            team.setEnabled(box.code() is not None)
        self.first_team_label.setText(f"Team: {self.first_team[1] or 'noch offen'}")
        self.several_note.setVisible(self.several_teams())
        for index, box in enumerate(self.boxes, start=2):
            self.outcome_labels[index - 2].setText(self._outcome_text(index, box.code()))
        self.edited.emit()

    def _outcome_text(self, position: int, kind: str | None) -> str:
        loaded = self.outcomes.get(position)
        if loaded and loaded[0] == kind and loaded[1]:
            return f"Ergebnis: {label(OUTCOMES, loaded[1])}"
        return ""

    def set_first_team(self, team_id: int | None, name: str) -> None:
        """The case's team changed in the form: the first Anliegen's team, and that of every further one that
        has no team of its own."""
        self.first_team = (team_id, name if team_id is not None else "")
        self._changed()

    def chosen(self) -> list[tuple[str, int | None]]:
        """Kind and own team (None: the first Anliegen's) of each Anliegen, the first one's with None."""
        further = [(box.code(), team.code()) for box, team in zip(self.boxes, self.team_boxes, strict=True)]
        return [(self.kind, None), *((kind, team) for kind, team in further if kind is not None)]

    def several_teams(self) -> bool:
        teams = {self.first_team[0] if team is None else team for _kind, team in self.chosen()}
        return len(teams - {None}) > 1

    def concerns(self) -> list[ConcernInput]:
        result = []
        for position, (kind, team) in enumerate(self.chosen(), start=1):
            loaded = self.outcomes.get(position)
            outcome = loaded[1] if loaded and loaded[0] == kind else None
            result.append(ConcernInput(kind, outcome, team))
        return result

    def load(self, concerns: Sequence[StoredConcern]) -> None:
        self.outcomes = {c.position: (c.kind, c.outcome) for c in concerns}
        for box, team in zip(self.boxes, self.team_boxes, strict=True):
            box.set_code(None)
            team.set_code(None)
        first_team = concerns[0].team_id if concerns else None
        for concern in concerns:
            if 2 <= concern.position <= MAX_CONCERNS:
                box = self.boxes[concern.position - 2]
                if box.findData(concern.kind) < 0:  # e.g. imported: keep it rather than lose it
                    box.addItem(label(KINDS, concern.kind), concern.kind)
                box.set_code(concern.kind)
                self._load_team(self.team_boxes[concern.position - 2], concern, first_team)
        self.first_outcome.setText(self._outcome_text(1, self.kind))
        self._changed()

    @staticmethod
    def _load_team(box: CodeBox, concern: StoredConcern, first_team: int | None) -> None:
        """A further Anliegen's stored team: "wie Anliegen 1" when it is the first one's; a team made inactive
        since stays."""
        if concern.team_id is None or concern.team_id == first_team:
            box.set_code(None)
            return
        if box.findData(concern.team_id) < 0:
            box.addItem(concern.team_name, concern.team_id)
        box.set_code(concern.team_id)

    def raw(self) -> dict[str, str]:
        values = {f"concerns.{i}": box.currentText() for i, box in enumerate(self.boxes, start=2)}
        values.update({f"concerns.{i}.team": box.currentText() for i, box in enumerate(self.team_boxes, start=2)})
        return values

    def typed_lines(self) -> list[str]:
        return [
            f"Anliegen {i}: {box.currentText()}" + (f" ({team.currentText()})" if team.code() is not None else "")
            for i, (box, team) in enumerate(zip(self.boxes, self.team_boxes, strict=True), start=2)
            if box.code() is not None
        ]
