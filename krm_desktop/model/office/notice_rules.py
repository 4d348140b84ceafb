"""Who the office's instruction says is to be informed of a case (Zur Kenntnis, DOMAIN.md §2), and whether the
office marks cases "vorlagepflichtig" (Pankow's Anlage 2): the profile's `notice_rules` and `gf_required_mark`,
their German meaning and their pure checks.

- Schwäbisch Hall: the Teamleitung informs the employees concerned of every reaction (GA 01/2020, 3.);
- Osnabrück: the Teamleitung discusses every reaction with the employees concerned (GA 3/2016 Nr. 7 (1));
- Lübeck: the responsible manager receives a final answer the GF or the KRM signed (GA 11/2005);
- Braunschweig: the KRM receives a copy of each answer; the Teamleitung a copy of the GF's answer to a
  Dienstaufsichtsbeschwerde (Verfügung 2016, 5.3);
- Pankow: the LGF in cc where the team's Bereich carries that flag (Konzept 4.4), a Meinungskarte's concrete remark
  to the team's Führungskraft (4.3), and the cases of Anlage 2 go to the GF for a decision (4.4.2).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NOTICE_RULES_KEY = "notice_rules"
GF_REQUIRED_MARK = "gf_required_mark"  # Pankow's Anlage 2: "vorlagepflichtig" starts the Vorlage-an-GF clock
NOTICE_KEYS = (NOTICE_RULES_KEY, GF_REQUIRED_MARK)

EMPLOYEES_INFORMED = "employees_informed"
EMPLOYEES_DISCUSSED = "employees_discussed"
MANAGER_OF_SIGNED_ANSWER = "manager_of_signed_answer"
KRM_EACH_ANSWER = "krm_each_answer"
LGF_BY_AREA = "lgf_by_area"
CARD_TEAM_LEAD = "card_team_lead"

# code -> what it means, as the settings page says it
NOTICE_RULES: dict[str, str] = {
    EMPLOYEES_INFORMED: "Die Teamleitung informiert die betroffenen Beschäftigten über jede Kundenreaktion",
    EMPLOYEES_DISCUSSED: "Die Teamleitung bespricht jede Kundenreaktion mit den betroffenen Beschäftigten",
    MANAGER_OF_SIGNED_ANSWER: (
        "Die zuständige Führungskraft erhält die Antwort zur Kenntnis, wenn Geschäftsführung oder KRM sie "
        "schlussgezeichnet haben"
    ),
    KRM_EACH_ANSWER: "Das KRM erhält eine Ausfertigung jeder Antwort",
    LGF_BY_AREA: "Die LGF erhält eine Kopie (cc), wenn das Team zu einem Bereich mit „LGF in cc“ gehört",
    CARD_TEAM_LEAD: "Konkrete Rückmeldungen auf Meinungskarten gehen zur Kenntnis an die Teamleitung des Teams",
}


def notice_rules_of(*codes: str) -> tuple[str, ...]:
    """The codes in the order of NOTICE_RULES (a profile keeps them so)."""
    return tuple(code for code in NOTICE_RULES if code in codes)


def notice_problems(data: Mapping[str, Any]) -> dict[str, str]:
    """`notice_rules`: a list of known codes; `gf_required_mark`: yes or no."""
    problems: dict[str, str] = {}
    if NOTICE_RULES_KEY in data:
        value = data[NOTICE_RULES_KEY]
        if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
            problems[NOTICE_RULES_KEY] = '„notice_rules“ muss eine Liste von Regeln sein (z. B. ["lgf_by_area"]).'
        elif unknown := [code for code in value if code not in NOTICE_RULES]:
            problems[NOTICE_RULES_KEY] = (
                f"Unbekannte Regel „{unknown[0]}“ in „notice_rules“. Möglich sind: {', '.join(NOTICE_RULES)}."
            )
    if GF_REQUIRED_MARK in data and not isinstance(data[GF_REQUIRED_MARK], bool):
        problems[GF_REQUIRED_MARK] = (
            "Bitte „true“ (Fälle lassen sich als vorlagepflichtig markieren) oder „false“ für „gf_required_mark“ angeben."
        )
    return problems


# A profile stored before these settings existed takes its preset's (another office's: off).


def rules_from(data: Mapping[str, Any], preset: Any) -> tuple[str, ...]:
    return notice_rules_of(*data.get(NOTICE_RULES_KEY, preset.notice_rules if preset else ()))


def mark_from(data: Mapping[str, Any], preset: Any) -> bool:
    return bool(data.get(GF_REQUIRED_MARK, preset.gf_required_mark if preset else False))
