"""Before an Auskunft: the cases found only by similarity, each to be confirmed by a tick (issue 16.2).

A case whose stored name is the person's (spelling of case, umlauts, ß, ı and spaces aside) goes in as it
is. Another form of the name, a name that sounds alike or a member of the same household may be someone else:
such a case is listed with why it was found, unticked, and goes into the Auskunft only when ticked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from krm_desktop.model.persons.matching import Match
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

REF_ROLE = Qt.ItemDataRole.UserRole


class CandidatesDialog(QDialog):
    def __init__(self, name: str, match: Match, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.match = match
        self.setWindowTitle("Ähnliche Treffer bestätigen")
        fit_on_screen(self, 760, 420)
        own = len(match.person.case_ids) if match.person else 0
        self.intro = intro = QLabel(
            f"{own} Kundenreaktion(en) tragen genau den Namen „{name}“ und kommen in die Auskunft.\n"
            "Die folgenden passen nur ähnlich und können eine andere Person betreffen (z. B. jemand aus demselben "
            "Haushalt). Haken Sie nur an, was sicher dieselbe Person betrifft; alles andere bleibt draußen, damit "
            "niemand die Daten eines anderen Menschen erhält."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Nur ähnliche Treffer zur Bestätigung")
        self.list.setWordWrap(True)
        for candidate in match.candidates:
            case = candidate.case
            item = QListWidgetItem(
                f"{candidate.ref} vom {case.received:%d.%m.%Y} – {candidate.name} ({case.role_label})\n"
                f"Gefunden wegen: {candidate.why}"
            )
            item.setData(REF_ROLE, candidate.ref)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.go = self.buttons.addButton("Weiter zur Auskunft", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Abbrechen", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._update()

    def refs(self) -> list[str]:
        return [str(self.list.item(row).data(REF_ROLE)) for row in range(self.list.count())]

    def set_confirmed(self, ref: str, confirmed: bool) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(REF_ROLE) == ref:
                item.setCheckState(Qt.CheckState.Checked if confirmed else Qt.CheckState.Unchecked)

    def confirmed(self) -> list[str]:
        checked = Qt.CheckState.Checked
        return [
            str(self.list.item(row).data(REF_ROLE))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == checked
        ]

    def _update(self, *_args: object) -> None:
        empty = self.match.person is None and not self.confirmed()
        self.go.setEnabled(not empty)
        self.hint.setText(
            "Kein Name passt genau: bitte mindestens eine Kundenreaktion bestätigen, die sicher diese Person betrifft."
            if empty
            else f"{len(self.confirmed())} ähnliche(r) Treffer bestätigt."
        )
