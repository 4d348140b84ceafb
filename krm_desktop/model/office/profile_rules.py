"""The values an office profile is made of: clock rules, per-kind rules, retention rules and their vocabularies."""

from __future__ import annotations

from dataclasses import dataclass

from krm_desktop.model.codes import CHANNELS, GF_KINDS, KINDS

WORKING = "working"
CALENDAR = "calendar"
FROM_RECEIVED = "received"
FROM_ACK_SENT = "ack_sent"
UNITS = {WORKING: "Arbeitstage", CALENDAR: "Kalendertage"}
STARTS = {FROM_RECEIVED: "nach Eingang", FROM_ACK_SENT: "nach Versand der Eingangsbestätigung"}
MIN_DAYS = 1
MAX_DAYS = 120

RETENTION_BA = "ba"  # personal data 31.12. of year+2, rest 31.12. of year+8, petitions personal 31.12. year+5
RETENTION_WHOLE_TO_THE_DAY = "whole_to_the_day"  # everything N years after completion, to the day
RETENTION_WHOLE_YEAR_END = "whole_year_end"  # everything on 31.12. of the N-th year after completion
RETENTION_METHODS = (RETENTION_BA, RETENTION_WHOLE_TO_THE_DAY, RETENTION_WHOLE_YEAR_END)
MIN_YEARS = 1
MAX_YEARS = 30

BUNDESLAND_NAMES = {
    "BB": "Brandenburg",
    "BE": "Berlin",
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "HB": "Bremen",
    "HE": "Hessen",
    "HH": "Hamburg",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SH": "Schleswig-Holstein",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "TH": "Thüringen",
}
# The subdivision codes of the `holidays` package (a test keeps them in step with it).
BUNDESLAENDER = tuple(sorted(BUNDESLAND_NAMES))
DEFAULT_CLOSING_DAYS = ("12-24", "12-31")

# The channels that may start the acknowledgement clock (a Meinungskarte runs no clock), in CHANNELS order.
ACK_CHANNELS = tuple(code for code in CHANNELS if code != "meinungskarte")
WRITTEN_CHANNELS = ("brief", "email", "online")
# The kinds a profile may give rules of their own (a Meinungskarte runs no clock), in KINDS order.
RULE_KINDS = tuple(code for code in KINDS if code != "meinungskarte")

REPORTS = {
    "annual": "Jahresbericht",
    "half_year": "Halbjahresbericht",
    "quarter": "Quartalsauswertung",
}
DEFAULT_REPORTS = ("annual", "half_year")


@dataclass(frozen=True)
class ClockRule:
    count: int
    unit: str = WORKING  # working | calendar
    start: str = FROM_RECEIVED  # received | ack_sent

    def describe(self) -> str:
        return f"{self.count} {UNITS.get(self.unit, self.unit)} {STARTS.get(self.start, self.start)}"


@dataclass(frozen=True)
class KindRule:
    """The acknowledgement and answer rule of one kind, and the channels whose reactions start the
    acknowledgement clock (an oral reaction is acknowledged in the conversation)."""

    ack: ClockRule
    final: ClockRule
    ack_channels: tuple[str, ...] = ACK_CHANNELS

    def starts_ack_clock(self, channel: str) -> bool:
        return channel in self.ack_channels

    def describe_channels(self) -> str:
        """German: "Eingangswege Brief, E-Mail und Online" """
        names = [CHANNELS.get(code, code) for code in self.ack_channels]
        if not names:
            return "kein Eingangsweg"
        if len(names) == 1:
            return f"Eingangsweg {names[0]}"
        return f"Eingangswege {', '.join(names[:-1])} und {names[-1]}"


@dataclass(frozen=True)
class RetentionRule:
    method: str = RETENTION_BA
    personal_years: int = 2
    delete_years: int = 8
    petition_years: int = 5

    def describe(self) -> str:
        if self.method == RETENTION_BA:
            return (
                f"Personenbezogene Daten zum 31.12. des {self.personal_years}. Folgejahres nach Erledigung "
                f"(Petitionen/Eingaben: des {self.petition_years}. Folgejahres), anonymer Rest zum 31.12. "
                f"des {self.delete_years}. Folgejahres"
            )
        if self.method == RETENTION_WHOLE_TO_THE_DAY:
            return f"Vollständige Löschung {self.delete_years} Jahre nach Erledigung (taggenau)"
        return f"Vollständige Löschung zum 31.12. des {self.delete_years}. Folgejahres nach Erledigung"


BA_RETENTION = RetentionRule()


def in_order(codes: tuple[str, ...] | list[str], vocabulary: tuple[str, ...] | dict[str, str]) -> tuple[str, ...]:
    """The codes once each in the vocabulary's order (how a profile stores a choice of codes); a code outside the
    vocabulary goes last, for the checks to name it."""
    order = {code: position for position, code in enumerate(vocabulary)}
    return tuple(sorted(set(codes), key=lambda code: (order.get(code, len(order)), code)))


# --- Verzicht auf schriftliche Antwort: the form a kind requires (issue 18 item 4) ------------------------------

WAIVER_NONE = "none"  # the office's instruction foresees no waiver: the customer gets a written answer
WAIVER_NOTE = "note"  # a short Vermerk that the customer waived a written answer in the conversation (Osnabrück)
WAIVER_SIGNED = "signed"  # a declaration the customer signs on blank paper, with reasons (Pankow: petitions)
WAIVER_FORMS = {
    WAIVER_NONE: "kein Verzicht (immer schriftliche Antwort)",
    WAIVER_NOTE: "Vermerk über den Verzicht im Gespräch",
    WAIVER_SIGNED: "unterschriebene Erklärung (Blanko-Papier)",
}


def waiver_forms_of(default: str = WAIVER_NOTE, gf_led: str = WAIVER_NONE, **kinds: str) -> tuple[tuple[str, str], ...]:
    """The form per kind for every RULE_KIND: `default`, the kinds the GF leads and signs (petition, Eingabe,
    DAB) `gf_led`, single kinds by keyword."""
    forms = {kind: gf_led if kind in GF_KINDS else default for kind in RULE_KINDS}
    forms.update(kinds)
    return tuple((kind, forms[kind]) for kind in RULE_KINDS)


DEFAULT_WAIVER_FORMS = waiver_forms_of()


# --- The petitioner's acknowledgement (issue 18 item 3) ----------------------------------------------------------

# Petitions and Eingaben are answered towards the requesting body, never with a date promised to the petitioner;
# per kind the office says whether the petitioner is acknowledged at all. "none": no acknowledgement clock runs.
PETITIONER_ACK_NONE = "none"
PETITIONER_ACK_LETTER = "letter"
PETITIONER_ACKS = {
    PETITIONER_ACK_NONE: "keine Eingangsbestätigung an die Petentin/den Petenten",
    PETITIONER_ACK_LETTER: "Eingangsbestätigung: an die einsendende Stelle weitergeleitet, ohne Datum",
}
PETITIONER_ACK_KINDS = ("petition", "eingabe")


def petitioner_ack_of(
    petition: str = PETITIONER_ACK_LETTER, eingabe: str = PETITIONER_ACK_LETTER
) -> tuple[tuple[str, str], ...]:
    return (("petition", petition), ("eingabe", eingabe))


DEFAULT_PETITIONER_ACK = petitioner_ack_of()
