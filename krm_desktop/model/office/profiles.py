"""Office profiles: the five presets and the editable profile stored in the database."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.office import notice_rules as nr  # issue 19: Zur Kenntnis, Pankow's "vorlagepflichtig"
from krm_desktop.model.office.profile_checks import (
    AUTO_PURGE,
    BA_AGREEMENT_STEP,
    CARD_ATTACHMENTS,
    DAB_OUTSIDE_KRM,
    FILE_NOTES,
    STATEMENT_CHECK_BY_KRM,
    closing_day_text,
    profile_problems,
)
from krm_desktop.model.office.profile_rules import (  # the petitioner's acknowledgement (issue 18 item 3)
    ACK_CHANNELS,
    BA_RETENTION,
    BUNDESLAENDER,
    BUNDESLAND_NAMES,
    CALENDAR,
    DEFAULT_CLOSING_DAYS,
    DEFAULT_PETITIONER_ACK,
    DEFAULT_REPORTS,
    DEFAULT_WAIVER_FORMS,
    FROM_ACK_SENT,
    FROM_RECEIVED,
    PETITIONER_ACK_KINDS,
    PETITIONER_ACK_LETTER,
    PETITIONER_ACK_NONE,
    PETITIONER_ACKS,
    REPORTS,
    RETENTION_BA,
    RETENTION_WHOLE_TO_THE_DAY,
    RETENTION_WHOLE_YEAR_END,
    RULE_KINDS,
    WAIVER_FORMS,
    WAIVER_NONE,
    WAIVER_NOTE,
    WAIVER_SIGNED,
    WORKING,
    WRITTEN_CHANNELS,
    ClockRule,
    KindRule,
    RetentionRule,
    in_order,
    petitioner_ack_of,
    waiver_forms_of,
)
from krm_desktop.model.office.report_options import ANNUAL_TO_TV, REPORT_OPTION_KEYS, TEXTS_BY_CATEGORY
from krm_desktop.model.store.entities import Setting
from krm_desktop.model.store.transactions import write_transaction

__all__ = [
    "ACK_CHANNELS",
    "BUNDESLAENDER",
    "BUNDESLAND_NAMES",
    "CALENDAR",
    "DEFAULT_CLOSING_DAYS",
    "DEFAULT_REPORTS",
    "FROM_ACK_SENT",
    "FROM_RECEIVED",
    "PETITIONER_ACKS",
    "PETITIONER_ACK_KINDS",
    "PETITIONER_ACK_LETTER",
    "PETITIONER_ACK_NONE",
    "PRESETS",
    "REPORTS",
    "RETENTION_BA",
    "RETENTION_WHOLE_TO_THE_DAY",
    "RETENTION_WHOLE_YEAR_END",
    "RULE_KINDS",
    "WAIVER_FORMS",
    "WAIVER_NONE",
    "WAIVER_NOTE",
    "WAIVER_SIGNED",
    "WORKING",
    "WRITTEN_CHANNELS",
    "ClockRule",
    "KindRule",
    "OfficeProfile",
    "RetentionRule",
    "has_profile",
    "load_profile",
    "preset",
    "profile_errors",
    "profile_from_dict",
    "profile_version",
    "save_profile",
]


@dataclass(frozen=True)
class OfficeProfile:
    code: str
    label: str
    bundesland: str
    ack: ClockRule  # the default acknowledgement rule, for kinds without a rule of their own
    final: ClockRule  # the default answer rule, likewise
    retention: RetentionRule = BA_RETENTION
    shift_to_working_day: bool = True  # calendar-day deadlines ending on a non-working day move on
    closing_days: tuple[str, ...] = DEFAULT_CLOSING_DAYS  # "MM-DD" every year or "YYYY-MM-DD" once
    ack_channels: tuple[str, ...] = ACK_CHANNELS  # the default channels that start the acknowledgement clock
    # Kinds with rules of their own, (kind code, rule) in RULE_KINDS order: a tuple keeps the profile hashable.
    kind_rules: tuple[tuple[str, KindRule], ...] = ()
    reports: tuple[str, ...] = DEFAULT_REPORTS  # codes of REPORTS, in that order
    # Intake (issue 18): Dienstaufsichtsbeschwerden are routed out with a routing note, no case (Osnabrück).
    dab_outside_krm: bool = False
    # Issue 18: "Eingangsbestätigung entfällt" — the channels for which the KRM may decide that no acknowledgement is
    # sent (Pankow: e-mails); none elsewhere.
    ack_waivable_channels: tuple[str, ...] = ()
    # Verzicht auf schriftliche Antwort: (kind, WAIVER_FORMS code) for every RULE_KIND, in that order.
    waiver_forms: tuple[tuple[str, str], ...] = DEFAULT_WAIVER_FORMS
    # Petition steps (issue 18, Pankow): "abgestimmt mit Agentur für Arbeit und Regionaldirektion am …" before the
    # signed originals go out, where a case is marked BA-responsible (§ 44b Abs. 3 SGB II); and the KRM's formal
    # check of a Stellungnahme ("geprüft am … von …") before the GF signs.
    ba_agreement_step: bool = False
    statement_check_by_krm: bool = False
    # Petitions and Eingaben: whether the petitioner gets an acknowledgement ((kind, PETITIONER_ACKS code) for
    # petition, eingabe); "none" runs no acknowledgement clock for that kind.
    petitioner_ack: tuple[tuple[str, str], ...] = DEFAULT_PETITIONER_ACK
    # Issue 19: purge what is due by itself at the first start of a day (verified backup, Löschprotokoll) instead
    # of waiting for the annual wizard.
    auto_purge: bool = False
    # Issue 19: who is proposed zur Kenntnis (notice_rules.NOTICE_RULES codes), and whether a case can be marked
    # "vorlagepflichtig" (Pankow's Anlage 2), which starts the Vorlage-an-GF clock.
    notice_rules: tuple[str, ...] = ()
    gf_required_mark: bool = False
    # Issue 19 (model/office/report_options.py): annual report to the Trägerversammlung too; texts per category.
    annual_report_to_tv: bool = False
    report_texts_by_category: bool = False
    # Issue 19: scans may be attached to Meinungskarten (Pankow: "Eine Archivierung der Meinungskarten erfolgt
    # nicht"), and the Vorgang offers "Vermerk für E-Akte/VerBIS erstellt" (Lübeck, Schwäbisch Hall, Pankow).
    card_attachments: bool = True
    file_notes: bool = False

    def default_rule(self) -> KindRule:
        """The rules of the kinds without rules of their own."""
        return KindRule(self.ack, self.final, self.ack_channels)

    def rule_for(self, kind: str) -> KindRule:
        """The rules a case of this kind runs by: its own, or the profile's defaults."""
        for code, rule in self.kind_rules:
            if code == kind:
                return rule
        return self.default_rule()

    def own_rules(self) -> dict[str, KindRule]:
        return dict(self.kind_rules)

    def waiver_form(self, kind: str) -> str:
        """How a customer's waiver of a written answer is recorded for this kind: none, a Vermerk, a signed
        declaration (a Meinungskarte is anonymous: none)."""
        return dict(self.waiver_forms).get(kind, WAIVER_NONE)

    def acknowledges_petitioner(self, kind: str) -> bool:
        """False where the office sends a petition's or Eingabe's petitioner no acknowledgement (other kinds: True,
        their channels decide)."""
        return dict(self.petitioner_ack).get(kind, PETITIONER_ACK_LETTER) != PETITIONER_ACK_NONE

    def makes_report(self, report: str) -> bool:
        return report in self.reports

    def closing_days_text(self) -> str:
        """German: "24.12., 31.12. (jährlich); 15.05.2026" """
        yearly = [closing_day_text(d) for d in self.closing_days if len(d) == 5]
        once = [closing_day_text(d) for d in self.closing_days if len(d) == 10]
        parts = ([", ".join(yearly) + " (jährlich)"] if yearly else []) + ([", ".join(once)] if once else [])
        return "; ".join(parts) or "keine"

    def to_dict(self) -> dict[str, Any]:
        """The profile as stored (JSON types): every rule, the kinds' own rules under "kinds"."""
        return {
            "code": self.code,
            "label": self.label,
            "bundesland": self.bundesland,
            "ack": dataclasses.asdict(self.ack),
            "final": dataclasses.asdict(self.final),
            "ack_channels": list(self.ack_channels),
            "kinds": {
                kind: {
                    "ack": dataclasses.asdict(rule.ack),
                    "final": dataclasses.asdict(rule.final),
                    "ack_channels": list(rule.ack_channels),
                }
                for kind, rule in self.kind_rules
            },
            "reports": list(self.reports),
            "retention": dataclasses.asdict(self.retention),
            "shift_to_working_day": self.shift_to_working_day,
            "closing_days": list(self.closing_days),
            "dab_outside_krm": self.dab_outside_krm,
            "ack_waivable_channels": list(self.ack_waivable_channels),
            "waiver_forms": dict(self.waiver_forms),
            BA_AGREEMENT_STEP: self.ba_agreement_step,
            STATEMENT_CHECK_BY_KRM: self.statement_check_by_krm,
            "petitioner_ack": dict(self.petitioner_ack),
            AUTO_PURGE: self.auto_purge,
            nr.NOTICE_RULES_KEY: list(self.notice_rules),
            nr.GF_REQUIRED_MARK: self.gf_required_mark,
            ANNUAL_TO_TV: self.annual_report_to_tv,
            TEXTS_BY_CATEGORY: self.report_texts_by_category,
            CARD_ATTACHMENTS: self.card_attachments,
            FILE_NOTES: self.file_notes,
        }


PRESETS: dict[str, OfficeProfile] = {
    "luebeck": OfficeProfile(
        "luebeck",
        "Jobcenter Lübeck",
        "SH",
        ClockRule(3, WORKING),
        ClockRule(14, CALENDAR),
        reports=("annual",),
        annual_report_to_tv=True,  # GA Lübeck 5.: "jeweils im Januar an die Mitglieder der Trägerversammlung"
        # GA Lübeck: personal data are "zum 31.12. des zweiten Folgejahres automatisch entfernt".
        auto_purge=True,
        # "Bei Schlusszeichnung … durch die Geschäftsführung oder KRM-Beauftragte/n … erhält die zuständige
        # Führungskraft dies auf dem Dienstweg zur Kenntnis."
        notice_rules=nr.notice_rules_of(nr.MANAGER_OF_SIGNED_ANSWER),
        file_notes=True,  # GA: "ist ein Aktenvermerk zu erstellen, der … in die E-AKTE übernommen oder in VerBIS …"
    ),
    "osnabrueck": OfficeProfile(
        "osnabrueck",
        "Jobcenter Osnabrück",
        "NI",
        ClockRule(3, WORKING),
        ClockRule(14, CALENDAR),
        ack_channels=WRITTEN_CHANNELS,
        dab_outside_krm=True,  # GA 3/2016 Nr. 3 (3): "Nicht zuständig ist das KRM … für … Dienstaufsicht"
        # GA 3/2016 Nr. 7 (1): "Kundenreaktionen mit den betroffenen Mitarbeiterinnen und Mitarbeiter zu erörtern"
        notice_rules=nr.notice_rules_of(nr.EMPLOYEES_DISCUSSED),
        reports=("annual",),  # the BA's annual report; reports to the GF "regelmäßig bzw. bei Bedarf"
    ),
    "schwaebisch-hall": OfficeProfile(
        "schwaebisch-hall",
        "Jobcenter Landkreis Schwäbisch Hall",
        "BW",
        ClockRule(3, WORKING),
        ClockRule(14, CALENDAR),
        ack_channels=WRITTEN_CHANNELS,
        # GA 01/2020: "Die betroffenen Beschäftigten sind über den Eingang einer KRM durch die Teamleitungen zu
        # informieren."
        notice_rules=nr.notice_rules_of(nr.EMPLOYEES_INFORMED),
        reports=("annual",),  # GA 01/2020 VIII.: "für jedes Jahr einen Bericht"
        file_notes=True,  # GA 01/2020 VII: "Allenfalls ist ein kurzer Erledigungsvermerk in VerBIS zu fertigen"
    ),
    "berlin-pankow": OfficeProfile(
        "berlin-pankow",
        "Jobcenter Berlin Pankow",
        "BE",
        ClockRule(3, WORKING),
        ClockRule(10, WORKING),
        RetentionRule(RETENTION_WHOLE_YEAR_END, delete_years=10),
        ack_channels=WRITTEN_CHANNELS,
        reports=("annual", "half_year", "quarter"),
        report_texts_by_category=True,  # Konzept 5.4: "Auswertung jeweils von Meinungskarten, Loben und …"
        # "entscheidet er/sie, ob dem Kunden … eine Eingangsbestätigung zugesandt wird"
        ack_waivable_channels=("email",),
        # Konzept 4.5: a petition or Eingabe settled in a conversation needs the customer's signed declaration.
        waiver_forms=waiver_forms_of(petition=WAIVER_SIGNED, eingabe=WAIVER_SIGNED),
        # Konzept 4.5: "Soweit eine Zuständigkeit der BA nach § 44 b Abs. 3 SGB II gegeben ist, stimmt der/die
        # KRM-Beauftragte die erstellte Stellungnahme zuvor mit der Arbeitsagentur … ab. Erst nach erfolgter
        # Abstimmung werden die Originale mit Unterschrift vom GF … übersandt."
        ba_agreement_step=True,
        # Konzept 4.5: "Der/die KRM-Beauftragte prüft die Stellungnahme hinsichtlich Form, …, holt die
        # Schlusszeichnung des GF ein"
        statement_check_by_krm=True,
        # Konzept 4.5 (petitions, Eingaben) names no acknowledgement to the customer, unlike 4.4.1 for letters:
        # the Stellungnahme goes to the requesting body.
        petitioner_ack=petitioner_ack_of(PETITIONER_ACK_NONE, PETITIONER_ACK_NONE),
        # Konzept 4.4: "LGF erhält die Mail „cc“, soweit die Bereiche 71, 72, 75, 76, 77 oder 7BGF betroffen sind"
        # (the flag per Bereich); 4.3: Meinungskarten "an die Führungskraft des jeweiligen Teams zur Kenntnis";
        # 4.4.2: "soweit die Beschwerde einen der in der Anlage 2 benannten vorlagepflichtigen Fälle betrifft".
        notice_rules=nr.notice_rules_of(nr.LGF_BY_AREA, nr.CARD_TEAM_LEAD),
        gf_required_mark=True,
        card_attachments=False,  # Konzept 4.3: "Eine Archivierung der Meinungskarten erfolgt nicht."
        file_notes=True,  # Konzept 4.4.1: "ein entsprechender Vermerk im Verfahren (E-Akte oder Verbis)"
    ),
    "braunschweig": OfficeProfile(
        "braunschweig",
        "Jobcenter Braunschweig",
        "NI",
        ClockRule(7, CALENDAR),
        ClockRule(14, CALENDAR, FROM_ACK_SENT),
        RetentionRule(RETENTION_WHOLE_TO_THE_DAY, delete_years=2),
        ack_channels=WRITTEN_CHANNELS,
        # Verfügung 5.3: "Der/Die KRM-Beauftragte erhält eine Ausfertigung der Antwort zur Kenntnis"; the answer to a
        # DAB, signed by the GF: "Die zuständige Teamleitung erhält eine Ausfertigung der Antwort zur Kenntnis."
        notice_rules=nr.notice_rules_of(nr.KRM_EACH_ANSWER, nr.MANAGER_OF_SIGNED_ANSWER),
        reports=("annual",),  # "Unterrichtung der Trägerversammlung … auf das unumgängliche Maß beschränkt"
    ),
}

PROFILE_KEY = "profile"


def preset(code: str) -> OfficeProfile:
    try:
        return PRESETS[code]
    except KeyError:
        known = ", ".join(PRESETS)
        raise ValidationError(
            {"profile": f"Unbekanntes Dienststellenprofil „{code}“. Möglich sind: {known}."}
        ) from None


def profile_from_dict(data: Mapping[str, Any]) -> OfficeProfile:
    """Build and validate a profile from stored or edited data. Entries added in later versions take their
    defaults when missing (a profile stored by an earlier version loads); every problem is raised at once as
    ValidationError({key: German message}) with the keys of `profile_checks`."""
    problems = profile_problems(data)
    if problems:
        raise ValidationError(problems)
    return OfficeProfile(
        code=data["code"],
        label=data["label"],
        bundesland=data["bundesland"],
        ack=_clock_rule(data["ack"]),
        final=_clock_rule(data["final"]),
        retention=RetentionRule(**data.get("retention", {})),
        shift_to_working_day=data.get("shift_to_working_day", True),
        closing_days=tuple(data.get("closing_days", DEFAULT_CLOSING_DAYS)),
        ack_channels=in_order(data.get("ack_channels", ACK_CHANNELS), ACK_CHANNELS),
        kind_rules=kind_rules_of(
            {
                kind: KindRule(
                    _clock_rule(rule["ack"]), _clock_rule(rule["final"]), in_order(rule["ack_channels"], ACK_CHANNELS)
                )
                for kind, rule in data.get("kinds", {}).items()
            }
        ),
        reports=in_order(data.get("reports", DEFAULT_REPORTS), REPORTS),
        dab_outside_krm=data.get(DAB_OUTSIDE_KRM, False),
        ack_waivable_channels=in_order(data.get("ack_waivable_channels", ()), ACK_CHANNELS),
        waiver_forms=_waiver_forms(data),
        **_petition_steps(data),
        petitioner_ack=_petitioner_ack(data),
        auto_purge=data.get(AUTO_PURGE, False),
        notice_rules=nr.rules_from(data, PRESETS.get(data["code"])),
        gf_required_mark=nr.mark_from(data, PRESETS.get(data["code"])),
        **_report_options(data),
        **_record_keeping(data),
    )


def _report_options(data: Mapping[str, Any]) -> dict[str, bool]:
    """The report options (issue 19); a profile stored before they existed takes its preset's."""
    known = PRESETS.get(data["code"])  # the keys are the field names
    return {key: data.get(key, getattr(known, key) if known else False) for key in REPORT_OPTION_KEYS}


def _record_keeping(data: Mapping[str, Any]) -> dict[str, bool]:
    """Cards' attachments and the E-Akte/VerBIS note; a profile stored before they existed takes its preset's."""
    known, defaults = PRESETS.get(data["code"]), {CARD_ATTACHMENTS: True, FILE_NOTES: False}
    return {key: data.get(key, getattr(known, key) if known else off) for key, off in defaults.items()}


def _petition_steps(data: Mapping[str, Any]) -> dict[str, bool]:
    """The petition steps; a profile stored before they existed takes its preset's (as the waiver forms do)."""
    known = PRESETS.get(data["code"])
    return {
        key: data.get(key, getattr(known, key) if known else False)
        for key in (BA_AGREEMENT_STEP, STATEMENT_CHECK_BY_KRM)
    }


def _waiver_forms(data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """A profile stored before the setting existed takes its preset's forms (or the defaults); a kind missing
    from the stored forms takes them likewise."""
    known = PRESETS[data["code"]].waiver_forms if data["code"] in PRESETS else DEFAULT_WAIVER_FORMS
    forms = {**dict(known), **data.get("waiver_forms", {})}
    return tuple((kind, forms[kind]) for kind in RULE_KINDS)


def _petitioner_ack(data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """Like the waiver forms: a profile stored before the setting existed takes its preset's values."""
    known = PRESETS[data["code"]].petitioner_ack if data["code"] in PRESETS else DEFAULT_PETITIONER_ACK
    values = {**dict(known), **data.get("petitioner_ack", {})}
    return tuple((kind, values[kind]) for kind in PETITIONER_ACK_KINDS)


def _clock_rule(data: Mapping[str, Any]) -> ClockRule:
    return ClockRule(data["count"], data.get("unit", WORKING), data.get("start", FROM_RECEIVED))


def kind_rules_of(rules: Mapping[str, KindRule]) -> tuple[tuple[str, KindRule], ...]:
    return tuple((kind, rules[kind]) for kind in in_order(list(rules), RULE_KINDS))


def profile_errors(profile: OfficeProfile) -> dict[str, str]:
    """Every problem of an edited profile by key (those `save_profile` would refuse it with); {} when it is fine."""
    return profile_problems(profile.to_dict())


def load_profile() -> OfficeProfile:
    row = Setting.get_or_none(Setting.key == PROFILE_KEY)
    if row is None:
        raise RefusedError("Für diese Datenbank ist noch kein Dienststellenprofil gewählt.")
    return profile_from_dict(json.loads(row.value))


def has_profile() -> bool:
    return Setting.get_or_none(Setting.key == PROFILE_KEY) is not None


def profile_version() -> int:
    row = Setting.get_or_none(Setting.key == PROFILE_KEY)
    return 0 if row is None else row.version


def save_profile(profile: OfficeProfile, expected_version: int) -> OfficeProfile:
    """Store an edited profile. Stored deadlines of existing cases do not move."""
    profile = profile_from_dict(profile.to_dict())
    value = json.dumps(profile.to_dict(), ensure_ascii=False, sort_keys=True)
    with write_transaction():
        if expected_version == 0:
            if has_profile():
                raise ConflictError("Das Dienststellenprofil wurde inzwischen an einem anderen Platz angelegt.")
            Setting.create(key=PROFILE_KEY, value=value, version=1)
            return profile
        updated = (
            Setting.update(value=value, version=Setting.version + 1)
            .where((Setting.key == PROFILE_KEY) & (Setting.version == expected_version))
            .execute()
        )
        if updated != 1:
            raise ConflictError(
                "Das Dienststellenprofil wurde inzwischen an einem anderen Platz geändert. Bitte neu laden."
            )
    return profile
