"""The five offices' presets, each rule as the office's own instruction states it (the quotes say where)."""

from __future__ import annotations

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.office import notice_rules as nr  # issue 19: Zur Kenntnis, Pankow's "vorlagepflichtig"
from krm_desktop.model.office.office_profile import OfficeProfile
from krm_desktop.model.office.profile_rules import (  # the petitioner's acknowledgement (issue 18 item 3)
    CALENDAR,
    FROM_ACK_SENT,
    PETITIONER_ACK_NONE,
    RETENTION_WHOLE_TO_THE_DAY,
    RETENTION_WHOLE_YEAR_END,
    WAIVER_SIGNED,
    WORKING,
    WRITTEN_CHANNELS,
    ClockRule,
    RetentionRule,
    petitioner_ack_of,
    waiver_forms_of,
)

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


def preset(code: str) -> OfficeProfile:
    try:
        return PRESETS[code]
    except KeyError:
        known = ", ".join(PRESETS)
        raise ValidationError(
            {"profile": f"Unbekanntes Dienststellenprofil „{code}“. Möglich sind: {known}."}
        ) from None
