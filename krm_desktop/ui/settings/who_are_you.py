"""At the start: a computer login that belongs to none of the office's people is asked once which person it is, so
the history names the person (DOMAIN.md §2). "Keiner dieser Personen" keeps the login name and is not asked again;
closing the window asks again at the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.errors import KrmError
from krm_desktop.model.office.acting import Acting, acting_person, keep_login_name
from krm_desktop.model.office.staff import assign_login, people
from krm_desktop.ui.widgets.fields import ERROR_STYLE, hint


class WhoAreYouDialog(QDialog):
    def __init__(self, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.login = login
        self.setWindowTitle("Wer arbeitet hier?")
        self.chosen = QListWidget()
        self.chosen.setAccessibleName("Personen der Dienststelle")
        for row in people(active_only=True):
            details = ", ".join(part for part in (row.role_label, row.team) if part)
            item = QListWidgetItem(f"{row.name} ({details})")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.chosen.addItem(item)
        self.chosen.setCurrentRow(-1)  # nobody is proposed: the person says who they are
        intro = QLabel(
            f"Die Anmeldung „{login}“ gehört noch zu keiner Person der Dienststelle. Wer sind Sie? "
            "Die Chronik der Kundenreaktionen nennt dann Ihren Namen statt der Anmeldung."
        )
        intro.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox()
        self.this_one = QPushButton("&Das bin ich")
        self.none = QPushButton("&Keiner dieser Personen")
        buttons.addButton(self.this_one, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.none, QDialogButtonBox.ButtonRole.ActionRole)
        self.this_one.setEnabled(False)
        self.this_one.clicked.connect(self._assign)
        self.none.clicked.connect(self._keep_login)
        self.chosen.itemSelectionChanged.connect(lambda: self.this_one.setEnabled(bool(self.chosen.selectedItems())))
        self.chosen.itemActivated.connect(lambda _item: self._assign())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.chosen, 1)
        layout.addWidget(
            hint(
                "„Keiner dieser Personen“: Die Chronik nennt weiter die Anmeldung, und diese Frage kommt nicht "
                "wieder. Die KRM-Beauftragte kann die Anmeldung später unter Einstellungen → Personen zuordnen."
            )
        )
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def _assign(self) -> None:
        items = self.chosen.selectedItems()
        if not items:
            return
        try:
            assign_login(items[0].data(Qt.ItemDataRole.UserRole), self.login)
        except KrmError as exc:
            self.problem.setText(f"⚠ {exc.message}")
            self.problem.show()
            return
        self.accept()

    def _keep_login(self) -> None:
        try:
            keep_login_name(self.login)
        except KrmError as exc:
            self.problem.setText(f"⚠ {exc.message}")
            self.problem.show()
            return
        self.accept()


def acting_at_start(login: str, *, read_only: bool, parent: QWidget | None = None) -> Acting:
    """Who acts at this desk; asks once where the login belongs to no one (not on a read-only database, where
    nothing is recorded and nothing could be remembered)."""
    acting = acting_person(login)
    if not acting.ask or read_only:
        return acting
    WhoAreYouDialog(login, parent).exec()
    return acting_person(login)
