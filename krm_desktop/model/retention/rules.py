"""The retention rules of an office profile: their codes, plain-German texts and due days (DOMAIN.md §4).

A case is due on its rule's day and after it. The BA rule counts in years after the year of completion and
falls due on 31 December; Braunschweig's rule counts two years from the completion day (29.02. + 2 years =
28.02.); Pankow's keeps ten years to 31 December. Whole deletion wins over anonymisation. Routing notes
(matters that went elsewhere) may name people: they are deleted whole by the same method, counted from their
date (`routing_note_due`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from krm_desktop.model.office.profiles import RETENTION_BA, RETENTION_WHOLE_TO_THE_DAY, RetentionRule

ANONYMISE, DELETE = "anonymise", "delete"
RULE_PERSONAL = "ba_personal"
RULE_PETITION = "ba_petition"
RULE_DELETE = "ba_delete"
RULE_WHOLE_TO_THE_DAY = "whole_to_the_day"
RULE_WHOLE_YEAR_END = "whole_year_end"
RULE_ROUTING_NOTES = "routing_notes"
EXAMPLE_CLOSED = date(2024, 3, 15)


@dataclass(frozen=True)
class Rule:
    code: str
    action: str  # ANONYMISE | DELETE
    label: str  # short German name for lists, CSV and the Löschprotokoll
    text: str  # the rule in plain German, with an example


def de(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def rules_of(retention: RetentionRule) -> tuple[Rule, ...]:
    """The rules of a profile's retention setting, in the order they are applied."""
    years = retention.delete_years
    if retention.method == RETENTION_BA:
        p, q = retention.personal_years, retention.petition_years
        return (
            Rule(
                RULE_PERSONAL,
                ANONYMISE,
                f"Anonymisierung nach {p} Jahren",
                "Personenbezogene Daten (Namen, Anschriften, Kunden- und BG-Nummern, Kontaktdaten, Namen von "
                "Beschäftigten, Freitexte, Stellungnahmen, Schreiben und Anlagen) werden zum 31.12. des "
                f"{p}. Jahres nach dem Jahr der Erledigung entfernt. Beispiel: erledigt am {de(EXAMPLE_CLOSED)} "
                f"→ anonymisiert zum 31.12.{EXAMPLE_CLOSED.year + p}.",
            ),
            Rule(
                RULE_PETITION,
                ANONYMISE,
                f"Anonymisierung Petition/Eingabe nach {q} Jahren",
                f"Petitionen und Eingaben behalten ihre personenbezogenen Daten bis zum 31.12. des {q}. Jahres "
                f"nach dem Jahr der Erledigung (erledigt am {de(EXAMPLE_CLOSED)} → anonymisiert zum "
                f"31.12.{EXAMPLE_CLOSED.year + q}).",
            ),
            Rule(
                RULE_DELETE,
                DELETE,
                f"Vollständige Löschung nach {years} Jahren",
                "Der anonyme Rest (Anliegensart, Eingangsweg, Team, Daten, Ergebnis, Fristen, Themenkategorie) "
                f"dient der Statistik und wird zum 31.12. des {years}. Jahres nach dem Jahr der Erledigung "
                f"vollständig gelöscht (erledigt am {de(EXAMPLE_CLOSED)} → gelöscht zum "
                f"31.12.{EXAMPLE_CLOSED.year + years}).",
            ),
        )
    if retention.method == RETENTION_WHOLE_TO_THE_DAY:
        return (
            Rule(
                RULE_WHOLE_TO_THE_DAY,
                DELETE,
                f"Vollständige Löschung {years} Jahre nach Erledigung (taggenau)",
                f"Eine abgeschlossene Kundenreaktion wird {years} Jahre nach ihrer Erledigung taggenau vollständig "
                f"gelöscht. Beispiel: erledigt am {de(EXAMPLE_CLOSED)} → gelöscht ab "
                f"{de(EXAMPLE_CLOSED + relativedelta(years=years))}.",
            ),
        )
    return (
        Rule(
            RULE_WHOLE_YEAR_END,
            DELETE,
            f"Vollständige Löschung nach {years} Jahren",
            f"Abgeschlossene Kundenreaktionen werden {years} Jahre aufbewahrt und zum 31.12. des {years}. Jahres "
            f"nach dem Jahr der Erledigung vollständig gelöscht. Beispiel: erledigt am {de(EXAMPLE_CLOSED)} → "
            f"gelöscht zum 31.12.{EXAMPLE_CLOSED.year + years}.",
        ),
    )


COMMON_RULES = (
    "Offene Kundenreaktionen werden nie gelöscht.",
    "Verweist eine Folgereaktion auf einen Fall, der gelöscht wird, behält sie dessen Aktenzeichen als "
    "anonymen Verweis.",
)


def due_dates(retention: RetentionRule, closed: date, petition: bool) -> dict[str, date]:
    """The day each rule makes a case closed on `closed` due (a case is due on that day and after it)."""
    if retention.method == RETENTION_BA:
        personal = retention.petition_years if petition else retention.personal_years
        return {
            RULE_PETITION if petition else RULE_PERSONAL: date(closed.year + personal, 12, 31),
            RULE_DELETE: date(closed.year + retention.delete_years, 12, 31),
        }
    if retention.method == RETENTION_WHOLE_TO_THE_DAY:
        # 29.02. + n years falls on 28.02. when the target year has no 29.02.
        return {RULE_WHOLE_TO_THE_DAY: closed + relativedelta(years=retention.delete_years)}
    return {RULE_WHOLE_YEAR_END: date(closed.year + retention.delete_years, 12, 31)}


def routing_note_due(retention: RetentionRule, received: date) -> date:
    """The day a routing note of a matter received on `received` is due for deletion: the profile's rule,
    counted from the note's date instead of a completion (BA: its personal-data years to 31.12.)."""
    if retention.method == RETENTION_BA:
        return date(received.year + retention.personal_years, 12, 31)
    if retention.method == RETENTION_WHOLE_TO_THE_DAY:
        return received + relativedelta(years=retention.delete_years)
    return date(received.year + retention.delete_years, 12, 31)


def routing_note_rule(retention: RetentionRule) -> Rule:
    """The rule for routing notes (matters that went elsewhere, not KRM): they may name people, so they are
    deleted whole on the day `routing_note_due` gives."""
    example = date(2024, 3, 15)
    due = routing_note_due(retention, example)
    years = retention.personal_years if retention.method == RETENTION_BA else retention.delete_years
    to_the_day = retention.method == RETENTION_WHOLE_TO_THE_DAY
    when = f"{years} Jahre nach ihrem Eingangsdatum taggenau" if to_the_day else f"zum 31.12. des {years}. Jahres"
    after = "" if to_the_day else " nach dem Jahr ihres Eingangs"
    return Rule(
        RULE_ROUTING_NOTES,
        DELETE,
        f"Löschung der Weiterleitungsvermerke {years} Jahre nach Eingang (taggenau)"
        if to_the_day
        else f"Löschung der Weiterleitungsvermerke nach {years} Jahren",
        f"Weiterleitungsvermerke (Anliegen, die nicht ins Kundenreaktionsmanagement gehören und weitergeleitet "
        f"wurden) werden {when}{after} vollständig gelöscht. Beispiel: eingegangen am {de(example)} → gelöscht "
        f"{'ab' if to_the_day else 'zum'} {de(due)}.",
    )


def last_year_end(as_of: date) -> int:
    """The year of the latest 31.12. on or before `as_of`."""
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1
