"""The fixed vocabularies of the domain: codes (stable, English/legal) and German labels."""

from __future__ import annotations

KINDS: dict[str, str] = {
    "beschwerde": "Beschwerde",
    "lob": "Lob",
    "idee": "Idee/Anregung",
    "petition": "Petition",
    "eingabe": "Eingabe",
    "dienstaufsichtsbeschwerde": "Dienstaufsichtsbeschwerde",
    "fachaufsichtsbeschwerde": "Fachaufsichtsbeschwerde",
    "folgereaktion": "Folgereaktion",
    "meinungskarte": "Meinungskarte",
}

# Kinds whose concerns close with begründet / unbegründet / nicht bewertbar.
COMPLAINT_KINDS = frozenset({"beschwerde", "fachaufsichtsbeschwerde", "dienstaufsichtsbeschwerde", "folgereaktion"})
# Kinds led by the Geschäftsführung, which also always signs the final answer.
GF_KINDS = frozenset({"petition", "eingabe", "dienstaufsichtsbeschwerde"})
# Petitions and Eingaben: Sofortsache, to GF the same working day, 5-year retention.
PETITION_KINDS = frozenset({"petition", "eingabe"})
# Kinds that close with an outcome (begründet / unbegründet / nicht bewertbar): the complaints, and petitions and
# Eingaben like a Beschwerde (DOMAIN §1; Lübeck: "Petitionen, Eingaben und Dienstaufsichtsbeschwerden sind
# Beschwerden in diesem Sinne").
OUTCOME_KINDS = COMPLAINT_KINDS | PETITION_KINDS
# A DAB may be reclassified by GF into one of these.
DAB_RECLASSIFY_TO = frozenset({"fachaufsichtsbeschwerde", "beschwerde"})

CHANNELS: dict[str, str] = {
    "brief": "Brief",
    "email": "E-Mail",
    "online": "Online",
    "telefon": "telefonisch",
    "persoenlich": "persönlich",
    "meinungskarte": "Meinungskarte",
}

VIAS: dict[str, str] = {
    "direkt": "direkt",
    "agentur": "Agentur für Arbeit",
    "kommune": "Landkreis/Stadt (kommunaler Träger)",
    "regionaldirektion": "Regionaldirektion",
    "zentrale": "BA-Zentrale",
    "bmas": "BMAS",
    "petitionsausschuss": "Petitionsausschuss/Landtag",
    "sonstige": "sonstige",
}

# Issue 19: a Meinungskarte's tenor (Case.card_tenor), a field of its own that the purge keeps.
CARD_TENORS: dict[str, str] = {"lob": "Lob", "anregung": "Anregung", "kritik": "Kritik"}

OUTCOMES: dict[str, str] = {
    "begruendet": "begründet",
    "unbegruendet": "unbegründet",
    "nicht_bewertbar": "nicht bewertbar",
}

PARTY_ROLES: dict[str, str] = {
    "kunde": "Kundin/Kunde",
    "vertreter": "Vertreter/in",
    "institution": "Institution/Verein",
    "behoerde": "Behörde",
}

SALUTATIONS: dict[str, str] = {
    "frau": "Frau",
    "herr": "Herr",
    "divers": "divers/ohne Anrede",
}

# The Funktion of the office's people; the labels are also the staff list's column values (DESIGN.md §2).
STAFF_ROLES: dict[str, str] = {
    "MA": "Mitarbeiter/in",
    "TL": "Teamleitung",
    "STL": "stv. Teamleitung",
    "BL": "Bereichsleitung",
    "LGF": "LGF",
    "GF": "Geschäftsführung",
    "KRM": "KRM-Beauftragte/r",
}

# Escalation level -> the role that handles the case on that level.
ESCALATION_ROLES = {1: "TL", 2: "BL", 3: "GF"}
# How far a Funktion reaches in signing: a deputy signs for the Teamleitung, the LGF (Pankow's
# Leitung der Geschäftsführungsebene) above the Bereichsleitung.
ROLE_RANK = {"MA": 0, "TL": 1, "STL": 1, "BL": 2, "LGF": 3, "GF": 4}

STATUS_OPEN = "offen"
STATUS_CLOSED = "abgeschlossen"
STATUSES = {STATUS_OPEN: "offen", STATUS_CLOSED: "abgeschlossen"}

# Intake triage: matters that are not KRM, why, and where they go.
NOT_KRM: dict[str, tuple[str, str]] = {
    "widerspruch": (
        "Das Schreiben wendet sich gegen einen Bescheid (Verwaltungsakt) und ist als Widerspruch zu "
        "behandeln, auch wenn es „Beschwerde“ heißt. Enthält es daneben eine Beschwerde (etwa über Verhalten, "
        "Wartezeit oder Erreichbarkeit), wird nur diese im KRM erfasst.",
        "Rechtsbehelfsstelle",
    ),
    "klage": (
        "Eine Klage gehört in das gerichtliche Verfahren, nicht in das KRM.",
        "Rechtsbehelfsstelle (Prozessvertretung)",
    ),
    "anfrage": (
        "Eine fachliche Anfrage ohne Unzufriedenheit ist keine Kundenreaktion; sie beantwortet der Fachbereich.",
        "zuständiger Fachbereich",
    ),
    "datenschutz": (
        "Anliegen zum Sozialdatenschutz bearbeitet die/der Datenschutzbeauftragte. Enthält das Schreiben "
        "auch eine Beschwerde, wird nur dieser Teil im KRM erfasst.",
        "Datenschutzbeauftragte/r",
    ),
    "korruption": (
        "Hinweise auf Korruption werden nicht im KRM bearbeitet.",
        "Ansprechperson für Korruptionsprävention",
    ),
    "leistungsmissbrauch": (
        "Hinweise auf Leistungsmissbrauch (Ordnungswidrigkeit/Straftat) werden nicht im KRM bearbeitet.",
        "Team Bekämpfung von Leistungsmissbrauch (OWi/Strafsachen)",
    ),
    "paragraph_44c": (
        "Petitionen und Eingaben zu Organisation, Personal oder Personalvertretung (§ 44c SGB II) "
        "fallen in die Zuständigkeit der Trägerversammlung.",
        "Trägerversammlung (Fachexpertin/Fachexperte im BGF)",
    ),
    # Issue 18: Dienstaufsicht outside KRM where the profile says so (Osnabrück), and a DAB against the GF always.
    "dienstaufsicht": (
        "Dienstaufsichtsbeschwerden (gegen das persönliche Verhalten von Beschäftigten) bearbeitet diese "
        "Dienststelle außerhalb des KRM.",
        "Dienstvorgesetzte/r der oder des Beschäftigten bzw. Personalstelle",
    ),
    "dienstaufsicht_gf": (
        "Eine Dienstaufsichtsbeschwerde gegen die Geschäftsführung ist an deren Dienstvorgesetzte zu richten; "
        "sie wird nicht im KRM bearbeitet.",
        "Dienstvorgesetzte/r der Geschäftsführung (Trägerversammlung bzw. der Träger, bei dem die "
        "Geschäftsführung beschäftigt ist)",
    ),
}


def label(vocabulary: dict[str, str], code: str | None) -> str:
    """German label of a code; empty for None."""
    if code is None:
        return ""
    return vocabulary.get(code, code)
