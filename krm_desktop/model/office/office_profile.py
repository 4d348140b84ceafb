"""The office profile: every rule that differs between offices, as one frozen value (the presets are in
`presets`, the stored profile in `profiles`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from krm_desktop.model.office import notice_rules as nr  # issue 19: Zur Kenntnis, Pankow's "vorlagepflichtig"
from krm_desktop.model.office.profile_checks import (
    AUTO_PURGE,
    BA_AGREEMENT_STEP,
    CARD_ATTACHMENTS,
    FILE_NOTES,
    STATEMENT_CHECK_BY_KRM,
    closing_day_text,
)
from krm_desktop.model.office.profile_rules import (  # the petitioner's acknowledgement (issue 18 item 3)
    ACK_CHANNELS,
    BA_RETENTION,
    DEFAULT_CLOSING_DAYS,
    DEFAULT_PETITIONER_ACK,
    DEFAULT_REPORTS,
    DEFAULT_WAIVER_FORMS,
    PETITIONER_ACK_LETTER,
    PETITIONER_ACK_NONE,
    WAIVER_NONE,
    ClockRule,
    KindRule,
    RetentionRule,
)
from krm_desktop.model.office.report_options import ANNUAL_TO_TV, TEXTS_BY_CATEGORY


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
