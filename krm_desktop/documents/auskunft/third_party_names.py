"""Patterns of a third party's name inside free text, so that it can be blanked where that party is withheld."""

from __future__ import annotations

import re
from collections.abc import Iterable

from krm_desktop.model.persons.spelling import fold

_HONORIFIC = r"(?:Frau|Herrn?|Fr\.|Hr\.|Dr\.|Prof\.|RAin|RA|Rechtsanwältin|Rechtsanwalt)"
_UMLAUT_FORMS = {"ä": "(?:ä|ae)", "ö": "(?:ö|oe)", "ü": "(?:ü|ue)", "ß": "(?:ß|ss)", "Ä": "(?:Ä|Ae|AE)"}
_GAP = r"[\s\-]+"
_UMLAUT_FORMS |= {"Ö": "(?:Ö|Oe|OE)", "Ü": "(?:Ü|Ue|UE)"}


def _letters(word: str) -> str:
    return "".join(_UMLAUT_FORMS.get(ch, re.escape(ch)) for ch in word)


def _words(name: str) -> list[str]:
    """The words of a name without notes in brackets and Frau/Herr, "Müller, Erika" as "Erika Müller"."""
    core = re.sub(r"\([^)]*\)", " ", name)
    if "," in core:
        last, first = core.split(",", 1)
        core = f"{first} {last}"
    return [w for w in re.split(r"[\s\-,]+", core) if w and not re.fullmatch(_HONORIFIC, w)]


def surnames(names: Iterable[str]) -> frozenset[str]:
    """The folded surnames of these names (protected from blanking: the person's own)."""
    return frozenset(fold(words[-1]) for words in map(_words, names) if words)


def name_pattern(name: str, protected: frozenset[str] = frozenset()) -> re.Pattern[str] | None:
    """A pattern for a person's name inside free text: the whole name (any case, ae for ä, hyphen or space),
    "Frau/Herr/Dr. <surname>", "<surname>, <first name>"; a name of one word matches that word alone.
    Surnames in `protected` (folded: the person's own) are matched only as part of the whole name."""
    words = _words(name)
    if not words or (len(words) == 1 and fold(words[0]) in protected):
        return None
    alternatives = [f"(?i:{_GAP.join(_letters(w) for w in words)})"]
    surname = _letters(words[-1])
    if fold(words[-1]) not in protected:
        alternatives.append(f"{_HONORIFIC}\\s+(?i:{surname})")
        alternatives.append(f"(?i:{surname},\\s*{_letters(words[0])})" if len(words) > 1 else surname)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
