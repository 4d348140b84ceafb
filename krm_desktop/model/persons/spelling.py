"""How names and addresses are compared: spelling aside, one person is one key.

`fold` compares case-free, "ä"/"ae", "ß"/"ss", accents, hyphens, dots and extra spaces alike; `fold_address`
also reads "Str." as "Straße"; `cologne` (Kölner Phonetik) and `edit_distance` tell similar names
(`matching`). The person search registers these functions on a SQLite connection, so the
comparison runs inside its queries.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import cologne_phonetics

_TRANSLIT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"}
)
_APOSTROPHES = re.compile(r"['’`´]")
_SEPARATORS = re.compile(r"[^\w@]+")
HONORIFICS = frozenset({"frau", "herr", "herrn"})
_STREET = re.compile(r"str\b")
_HOUSE_NO = re.compile(r"\b(\d+) ([a-z])\b")
_PARENTHESES = re.compile(r"\([^)]*\)")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Lower case, umlauts as ae/oe/ue, ß as ss, no accents, punctuation and runs of spaces as one space."""
    if not text:
        return ""
    folded = text.lower() if text.isascii() else _fold_letters(text)
    folded = _APOSTROPHES.sub("", folded).replace("_", " ")
    return " ".join(_SEPARATORS.sub(" ", folded).split())


def _fold_letters(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).casefold().translate(_TRANSLIT)
    return folded if folded.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", folded))


@lru_cache(maxsize=65536)
def fold_address(text: str | None) -> str:
    """`fold`, with "Str."/"str" read as "strasse" and "12 a" as "12a"."""
    return _HOUSE_NO.sub(r"\1\2", _STREET.sub("strasse", fold(text)))


@lru_cache(maxsize=65536)
def name_key(text: str | None) -> str:
    """The name as a comparable key: folded, without Frau/Herr and (notes), words in order ("Müller, Hans")."""
    words = [w for w in fold(_PARENTHESES.sub(" ", text or "")).split() if w not in HONORIFICS]
    return " ".join(sorted(words))


def employee_key(text: str | None) -> str:
    """An employee concerned is only a name as typed: the whole entry, folded, is the key."""
    return " ".join(sorted(fold(text).split()))


_EXACT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "\u0307": None})


@lru_cache(maxsize=65536)
def exact_key(text: str | None) -> str:
    """The name as the Auskunft compares it: only case, umlauts (ü = ue), ß = ss, the dotless ı and spaces are
    folded, and "Müller, Erika" (the file order) reads as "Erika Müller". Anything else (hyphens, additions in
    brackets, other letters) makes another name: at most a similar one."""
    folded = unicodedata.normalize("NFC", text or "").casefold().translate(_EXACT)
    surname, comma, given = folded.partition(",")
    if comma and "," not in given:
        folded = f"{given} {surname}"
    return " ".join(folded.split())


@lru_cache(maxsize=65536)
def cologne(word: str) -> str:
    """Kölner Phonetik of one word (package `cologne-phonetics`): names that sound alike get the same code.

    The word is folded first (`fold`: "ı", "ø", "ł" and accents become letters the package knows), and its
    parts are coded as one word ("Müller-Lüdenscheidt" gives one code)."""
    letters = fold(word).replace(" ", "")
    return "".join(code for _, code in cologne_phonetics.encode(letters, concat=True))


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of two short strings; anything above `limit` is reported as limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)
