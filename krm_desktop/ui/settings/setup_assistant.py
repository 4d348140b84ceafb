"""The set-up assistant of a new database: office profile → office name and letterhead → teams and people →
summary. Only the profile must be chosen; every other step can be left for later ("Später in den Einstellungen").
Nothing is stored before "Fertigstellen", which stores everything at once; "Abbrechen" leaves the database
without profile (the program then ends, as it cannot work without one)."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from krm_desktop.model.codes import STAFF_ROLES, label
from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.office.new_office import set_up_office
from krm_desktop.model.office.profiles import BUNDESLAND_NAMES, PRESETS, OfficeProfile
from krm_desktop.model.office.settings import FIELD_LABELS, letterhead_problems
from krm_desktop.ui.settings.letterhead_form import LetterheadForm
from krm_desktop.ui.settings.setup_staff_step import StaffStep
from krm_desktop.ui.widgets.fields import ERROR_STYLE
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

SKIP = QWizard.WizardButton.CustomButton1
PRESET_STEP, LETTERHEAD_STEP, STAFF_STEP, SUMMARY_STEP = range(4)


def describe(profile: OfficeProfile) -> str:
    return (
        f"Bundesland: {BUNDESLAND_NAMES.get(profile.bundesland, profile.bundesland)}\n"
        f"Eingangsbestätigung: {profile.ack.describe()} ({profile.default_rule().describe_channels()})\n"
        f"Abschließende Antwort: {profile.final.describe()}\n"
        f"Löschung: {profile.retention.describe()}\n"
        f"Schließtage: {profile.closing_days_text()}"
    )


class PresetStep(QWizardPage):
    def __init__(self, database_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Schritt 1 von 4: Dienststellenprofil")
        self.setSubTitle(
            f"Die Datenbank {database_label} ist neu. Das Dienststellenprofil Ihrer Dienststelle legt Fristen, Feiertage "
            "und Löschregeln fest; alle Werte lassen sich später in den Einstellungen anpassen."
        )
        self.profile_box = QComboBox()
        self.profile_box.setAccessibleName("Dienststellenprofil")
        for code, profile in PRESETS.items():
            self.profile_box.addItem(profile.label, code)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName("Regeln des Profils")
        form = QFormLayout()
        form.addRow("&Dienststellenprofil:", self.profile_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(
            QLabel(
                "Gespeichert wird erst mit „Fertigstellen“ im letzten Schritt. Die nächsten Schritte (Briefkopf, "
                "Teams und Personen) können Sie auch überspringen und später in den Einstellungen nachholen."
            ),
        )
        layout.addStretch(1)
        for child in self.findChildren(QLabel):
            child.setWordWrap(True)
        self.profile_box.currentIndexChanged.connect(self._show_details)
        self._show_details()

    def code(self) -> str:
        return self.profile_box.currentData()

    def _show_details(self) -> None:
        self.details.setText(describe(PRESETS[self.code()]))


class LetterheadStep(QWizardPage):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Schritt 2 von 4: Dienststelle und Briefkopf")
        self.setSubTitle(
            "Name und Anschrift der Dienststelle und die Ansprechperson im Büro der Geschäftsführung, wie sie in "
            "jedem Schreiben stehen. Nur der Name ist nötig; die Vorschau zeigt ein Schreiben."
        )
        self.skipped = False
        self.form = LetterheadForm(today, {}, None)
        self.form.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)  # the page's full height
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)

    def suggest_name(self, profile: OfficeProfile) -> None:
        """The preset's office name, unless a name was typed."""
        name = self.form.fields["office_name"]
        if not name.isModified():  # type: ignore[union-attr]
            name.setText(profile.label)  # type: ignore[union-attr]
            self.form.refresh_preview()

    def values(self) -> tuple[dict[str, str], bytes | None]:
        """The letterhead as typed, only the fields that have a value; nothing when the step was skipped."""
        if self.skipped:
            return {}, None
        return {name: value for name, value in self.form.values().items() if value.strip()}, self.form.logo

    def validatePage(self) -> bool:
        if self.skipped:
            return True
        problems = letterhead_problems(self.form.values())
        self.form.show_errors(problems)
        return not problems


class SummaryStep(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Schritt 4 von 4: Zusammenfassung")
        self.setSubTitle("„Fertigstellen“ speichert diese Angaben; danach öffnet sich das Hauptfenster.")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Zusammenfassung")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        self.error.clear()
        self.text.setText(self.wizard().summary())  # type: ignore[attr-defined]

    def validatePage(self) -> bool:
        return self.wizard().store_all()  # type: ignore[attr-defined]


class SetupAssistant(QWizard):
    def __init__(self, database_label: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Neue KRM-Datenbank einrichten")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        for button, text in (
            (QWizard.WizardButton.BackButton, "< &Zurück"),
            (QWizard.WizardButton.NextButton, "&Weiter >"),
            (QWizard.WizardButton.FinishButton, "&Fertigstellen"),
            (QWizard.WizardButton.CancelButton, "Abbrechen"),
            (SKIP, "&Später in den Einstellungen"),
        ):
            self.setButtonText(button, text)
        self.button(SKIP).setToolTip(
            "Diesen Schritt überspringen; die Angaben ergänzen Sie später in den Einstellungen."
        )
        self.profile: OfficeProfile | None = None
        self.preset_step = PresetStep(database_label)
        self.letterhead_step = LetterheadStep(today)
        self.staff_step = StaffStep()
        self.summary_step = SummaryStep()
        for step_id, page in enumerate((self.preset_step, self.letterhead_step, self.staff_step, self.summary_step)):
            self.setPage(step_id, page)
        self.customButtonClicked.connect(self._skip)
        self.currentIdChanged.connect(self._entered)
        self._fit()

    def _fit(self) -> None:
        fit_on_screen(self, 1180, 700)

    def _entered(self, step_id: int) -> None:
        page = self.page(step_id)
        skippable = hasattr(page, "skipped")
        if skippable:
            page.skipped = False  # type: ignore[union-attr]  # back on a skipped step: it counts again
        if step_id == LETTERHEAD_STEP:
            self.letterhead_step.suggest_name(PRESETS[self.preset_step.code()])
        layout = [QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton]
        layout += [QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton]
        self.setButtonLayout([SKIP, *layout] if skippable else layout)

    def _skip(self, which: int) -> None:
        page = self.currentPage()
        if which == SKIP.value and hasattr(page, "skipped"):
            page.skipped = True  # type: ignore[union-attr]
            self.next()

    # --- the summary and "Fertigstellen" ------------------------------------------------------------

    def summary(self) -> str:
        profile = PRESETS[self.preset_step.code()]
        values, logo = self.letterhead_step.values()
        teams, people = self.staff_step.typed()
        name = values.get("office_name") or profile.label
        lines = [
            f"<b>Dienststellenprofil:</b> {escape(profile.label)}",
            escape(describe(profile)).replace("\n", "<br>"),
        ]
        lines.append(f"<br><b>Name der Dienststelle:</b> {escape(name)}")
        if self.letterhead_step.skipped:
            lines.append("Briefkopf: später in den Einstellungen (bis dahin nur der Name)")
        else:
            given = [FIELD_LABELS[field] for field in values if field != "office_name"] + (["Logo"] if logo else [])
            lines.append("Briefkopf: " + (escape(", ".join(given)) if given else "nur der Name"))
        lines.append(
            f"<br><b>Teams ({len(teams)}):</b> "
            + (
                escape("; ".join(f"{t.name} ({t.area})" if t.area else t.name for t in teams))
                or "später in den Einstellungen"
            )
        )
        described = [
            ", ".join(part for part in (p.data.name, label(STAFF_ROLES, p.data.role), p.team) if part) for p in people
        ]
        lines.append(
            f"<b>Personen ({len(people)}):</b> " + (escape("; ".join(described)) or "später in den Einstellungen")
        )
        return "<br>".join(lines)

    def store_all(self) -> bool:
        values, logo = self.letterhead_step.values()
        teams, people = self.staff_step.typed()
        try:
            self.profile = set_up_office(self.preset_step.code(), values, logo, teams, people)
        except ValidationError as exc:
            self.letterhead_step.form.show_errors(exc.errors)
            self.staff_step.show_problems(exc.errors)
            self.summary_step.error.setText(
                "Nicht gespeichert: "
                + " ".join(dict.fromkeys(exc.errors.values()))
                + " Bitte mit „Zurück“ berichtigen."
            )
            return False
        except KrmError as exc:
            self.summary_step.error.setText(exc.message)
            return False
        return True
