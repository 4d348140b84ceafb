"""Who wrote: a customer, a representative (with whom they represent) or an institution/authority, or nobody
known (anonymous). Kundennummer and BG-Nummer are checked by the model's format checks; while the person is
typed, a warning names the cases the same person already has open or closed recently (Mehrfachbeschwerde)."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.codes import PARTY_ROLES, SALUTATIONS
from krm_desktop.model.persons.related_cases import RelatedCase, related_cases, warning_text
from krm_desktop.ui.widgets.fields import WARNING_STYLE, CodeBox, FieldErrors, add_row, hint

RELATED_DELAY_MS = 350  # look for the person's other cases this long after the last change
TEXT_FIELDS = ("name", "street", "postcode", "city", "email", "phone", "customer_no", "bg_no")
LABELS = {
    "role": "Rolle",
    "salutation": "Anrede",
    "name": "Name",
    "street": "Straße und Hausnummer",
    "postcode": "PLZ",
    "city": "Ort",
    "email": "E-Mail",
    "phone": "Telefon",
    "customer_no": "Kundennummer",
    "bg_no": "BG-Nummer",
}
PLACEHOLDERS = {
    "customer_no": "z. B. 123A456789",
    "bg_no": "z. B. 12345BG1234567",
    "email": "name@beispiel.de",
    "postcode": "12345",
}


class PartyFields(QWidget):
    """The fields of one party; error keys are `prefix.field` as the model names them."""

    edited = Signal()

    def __init__(self, prefix: str, errors: FieldErrors, *, with_role: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.role = CodeBox("Rolle", PARTY_ROLES.items())
        self.salutation = CodeBox("Anrede", [(None, "—"), *SALUTATIONS.items()])
        self.lines = {name: QLineEdit() for name in TEXT_FIELDS}
        for name, line in self.lines.items():
            line.setPlaceholderText(PLACEHOLDERS.get(name, ""))
            line.textEdited.connect(lambda _text: self.edited.emit())
        self.lines["postcode"].setMaximumWidth(80)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        if with_role:
            add_row(form, errors, f"{prefix}.role", "Rolle", self.role)
            self.role.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.salutation.currentIndexChanged.connect(lambda _i: self.edited.emit())
        add_row(form, errors, f"{prefix}.salutation", "Anrede", self.salutation)
        add_row(form, errors, f"{prefix}.name", "Name", self.lines["name"], required=True)
        add_row(form, errors, f"{prefix}.street", LABELS["street"], self.lines["street"])
        town = QHBoxLayout()
        town.addWidget(self.lines["postcode"])
        town.addWidget(self.lines["city"], 1)
        self.lines["postcode"].setAccessibleName("PLZ")
        self.lines["city"].setAccessibleName("Ort")
        add_row(form, errors, f"{prefix}.postcode", "PLZ und Ort", town, focus=self.lines["postcode"])
        errors.lines[f"{prefix}.city"] = errors.lines[f"{prefix}.postcode"]  # one line for both
        errors.widgets[f"{prefix}.city"] = self.lines["city"]
        for name in ("email", "phone", "customer_no", "bg_no"):
            add_row(form, errors, f"{prefix}.{name}", LABELS[name], self.lines[name])

    def party_input(self, role: str | None = None) -> PartyRecord | None:
        """The typed party, or None when nothing at all is typed."""
        texts = {name: line.text() for name, line in self.lines.items()}
        if not any(t.strip() for t in texts.values()):
            return None
        return PartyRecord(role=role or self.role.code(), salutation=self.salutation.code(), **texts)

    def load(self, party: PartyRecord | None) -> None:
        self.role.set_code(party.role if party else "kunde")
        self.salutation.set_code(party.salutation if party else None)
        for name, line in self.lines.items():
            line.setText(getattr(party, name) if party else "")

    def raw(self) -> dict[str, str]:
        values = {f"{self.prefix}.{n}": line.text() for n, line in self.lines.items()}
        values[f"{self.prefix}.role"] = self.role.currentText()
        values[f"{self.prefix}.salutation"] = self.salutation.currentText()
        return values

    def typed_lines(self, title: str) -> list[str]:
        lines = [f"{title}: {LABELS[n]}: {line.text()}" for n, line in self.lines.items() if line.text().strip()]
        if lines and self.salutation.code():
            lines.insert(0, f"{title}: Anrede: {self.salutation.currentText()}")
        return lines


class PartyForm(QGroupBox):
    """Einsender/in with the represented person and the Mehrfachbeschwerde warning."""

    edited = Signal()
    case_link = Signal(int)  # a case of the warning was clicked

    def __init__(self, errors: FieldErrors, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Einsender/in", parent)
        self.today = today
        self.exclude: set[int] = set()  # the case being edited; a Folgereaktion's earlier case
        self.related: list[RelatedCase] = []
        self._last_checked: PartyRecord | None = None
        self.anonymous = QCheckBox("&anonym – kein Absender bekannt (keine Schreiben, keine Fristen)")
        self.anonymous.setAccessibleName("anonym")
        self.person = PartyFields("person", errors, with_role=True)
        self.represented_box = QGroupBox("Vertreten wird")
        self.represented = PartyFields("represented", errors, with_role=False)
        inner = QVBoxLayout(self.represented_box)
        inner.addWidget(hint("Die Person, für die die Vertreterin/der Vertreter schreibt (z. B. die Kundin)."))
        inner.addWidget(self.represented)
        self.represented_line = errors.add("represented", None)
        inner.addWidget(self.represented_line)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setAccessibleName("Hinweis Mehrfachbeschwerde")
        self.warning.linkActivated.connect(lambda href: self.case_link.emit(int(href.removeprefix("case:"))))
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.anonymous)
        layout.addWidget(errors.add("person", self.anonymous))
        layout.addWidget(self.person)
        layout.addWidget(self.represented_box)
        layout.addWidget(self.warning)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RELATED_DELAY_MS)
        self.timer.timeout.connect(self.check_related)
        self.anonymous.toggled.connect(self._anonymous_changed)
        self.person.role.currentIndexChanged.connect(lambda _i: self._role_changed(check=True))
        for fields in (self.person, self.represented):
            fields.edited.connect(self.edited)
            # The numbers are looked up through an index while typing; a name or an address only when the
            # field is left (that search reads every person's row: some 300 ms at 100,000 cases).
            for name in ("customer_no", "bg_no"):
                fields.lines[name].textEdited.connect(lambda _t: self.timer.start())
            for name in ("name", "street", "postcode", "email"):
                fields.lines[name].editingFinished.connect(self._left_field)
        self.anonymous.toggled.connect(lambda _on: self.edited.emit())
        self._role_changed()

    def _left_field(self) -> None:
        if self.checked_party() != self._last_checked:
            self.timer.start()

    def _anonymous_changed(self, on: bool) -> None:
        self.person.setEnabled(not on)
        self.represented_box.setEnabled(not on)
        self.timer.start()

    def _role_changed(self, *, check: bool = False) -> None:
        self.represented_box.setVisible(self.person.role.code() == "vertreter")
        if check:
            self.timer.start()

    def is_anonymous(self) -> bool:
        return self.anonymous.isChecked()

    def person_input(self) -> PartyRecord | None:
        """The complainant; an empty form without the anonymous box is a person without a name (refused)."""
        if self.is_anonymous():
            return None
        return self.person.party_input() or PartyRecord(name="", role=self.person.role.code())

    def represented_input(self) -> PartyRecord | None:
        if self.is_anonymous() or self.person.role.code() != "vertreter":
            return None
        return self.represented.party_input(role="kunde")

    def load(self, person: PartyRecord | None, represented: PartyRecord | None) -> None:
        self.anonymous.setChecked(person is None)
        self.person.load(person)
        self.represented.load(represented)
        self._role_changed()

    def raw(self) -> dict[str, str]:
        return {"anonymous": str(self.is_anonymous()), **self.person.raw(), **self.represented.raw()}

    def typed_lines(self) -> list[str]:
        if self.is_anonymous():
            return ["Einsender/in: anonym"]
        lines = self.person.typed_lines("Einsender/in")
        if self.person.role.code() != "kunde" and lines:
            lines.insert(0, f"Einsender/in: Rolle: {self.person.role.currentText()}")
        if self.person.role.code() == "vertreter":
            lines += self.represented.typed_lines("Vertreten wird")
        return lines

    # --- Mehrfachbeschwerde -------------------------------------------------------------------------------

    def checked_party(self) -> PartyRecord | None:
        """Whose other cases matter: the represented person when a representative writes, else the writer."""
        if self.is_anonymous():
            return None
        if self.person.role.code() == "vertreter":
            return self.represented.party_input(role="kunde")
        return self.person.party_input()

    def check_related(self) -> None:
        self.timer.stop()
        self._last_checked = self.checked_party()
        self.related = related_cases(self._last_checked, self.today, exclude=self.exclude)
        if not self.related:
            self.warning.hide()
            self.warning.clear()
            return
        items = "".join(
            f"<li><a href='case:{c.case_id}'>{escape(c.ref)}</a> {escape(c.describe().removeprefix(c.ref))}</li>"
            for c in self.related
        )
        self.warning.setText(
            f"<b>{escape(warning_text(self.related))}</b><ul style='margin:2px'>{items}</ul>"
            "Bitte prüfen: dieselbe Sache nach Abschluss ist eine Folgereaktion; eine offene Sache kann "
            "zum vorhandenen Fall gehören."
        )
        self.warning.show()
