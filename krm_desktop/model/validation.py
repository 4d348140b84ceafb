"""Pure input checks. Each returns a German message that says what to fix, or None when fine."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date

MAX_TEXT = 100_000
EARLIEST = date(2000, 1, 1)

# Whole-value patterns (fullmatch: "$" would let a trailing line break through); digits are ASCII digits only.
_CUSTOMER_NO = re.compile(r"[0-9]{3}[A-Z][0-9]{6}")  # e.g. 962D123456
_BG_NO = re.compile(r"[0-9]{5}BG[0-9]{7}")  # e.g. 93601BG0012345
_POSTCODE = re.compile(r"[0-9]{5}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"[0-9+()/\- ]{3,40}")
_LINE_BREAKS = str.maketrans("", "", "\n\t\r")
_REF = re.compile(r"KRM-([0-9]{4})-([0-9]{4,6})")
OWN_PREFIX = "KRM-"  # the program's own references; any other is another system's, kept as it is
MAX_SEQ = 999_999  # the highest number a reference holds (KRM-JJJJ-NNNN: four to six digits)
# Refused in any text: control and format characters (but soft hyphen and joiner), surrogates, private use
# (no font shows them alike), and the Unicode line and paragraph separators (a line break nobody sees).
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


def text_problem(value: str, label: str, *, max_len: int = MAX_TEXT, multiline: bool = True) -> str | None:
    if len(value) > max_len:
        allowed_count, typed_count = (f"{number:,}".replace(",", ".") for number in (max_len, len(value)))
        return f"{label}: höchstens {allowed_count} Zeichen erlaubt, eingegeben sind {typed_count}."
    allowed = {"\n", "\t", "\r"} if multiline else set()
    if (value.translate(_LINE_BREAKS) if multiline else value).isprintable():
        return None  # the common case, decided in C; the loop below only runs for unusual text
    for ch in value:
        if ch in allowed:
            continue
        category = unicodedata.category(ch)
        if category in _REFUSED_CATEGORIES and ch not in ("\u00ad", "\u200d"):
            return f"{label} enthält {_character_kind(ch, category)}; bitte entfernen."
    return None


def _character_kind(ch: str, category: str) -> str:
    if ch in "\r\n":
        return "einen Zeilenumbruch"
    if category in ("Zl", "Zp"):
        return f"einen unsichtbaren Zeilen- oder Absatztrenner (U+{ord(ch):04X})"
    if category == "Co":
        return f"ein Zeichen aus dem privaten Bereich, das keine Schrift einheitlich zeigt (U+{ord(ch):04X})"
    return f"ein Steuerzeichen (U+{ord(ch):04X})"


def one_line_problem(value: str, label: str, *, max_len: int = 300) -> str | None:
    """A one-line field as typed: no line break (also none at the end), control or invisible characters."""
    return text_problem(value, label, max_len=max_len, multiline=False)


def required_problem(value: str, label: str) -> str | None:
    if not value.strip():
        return f"Bitte füllen Sie „{label}“ aus."
    return None


def date_problem(
    value: date | None, label: str, today: date, *, not_before: date | None = None, not_before_label: str = ""
) -> str | None:
    if value is None:
        return None
    if value > today:
        return f"{label} ({value:%d.%m.%Y}) liegt in der Zukunft; bitte ein Datum bis heute angeben."
    if value < EARLIEST:
        return f"{label} ({value:%d.%m.%Y}) ist kein plausibles Datum."
    if not_before is not None and value < not_before:
        return f"{label} ({value:%d.%m.%Y}) liegt vor {not_before_label} ({not_before:%d.%m.%Y})."
    return None


def normalise_number(value: str) -> str:
    return re.sub(r"\s+", "", value).upper()


def customer_no_problem(value: str) -> str | None:
    if value and not _CUSTOMER_NO.fullmatch(value):
        return "Die Kundennummer hat das Format 123A456789 (3 Ziffern, 1 Buchstabe, 6 Ziffern)."
    return None


def bg_no_problem(value: str) -> str | None:
    if value and not _BG_NO.fullmatch(value):
        return "Die BG-Nummer hat das Format 12345BG1234567 (5 Ziffern, „BG“, 7 Ziffern)."
    return None


def postcode_problem(value: str) -> str | None:
    if value and not _POSTCODE.fullmatch(value):
        return "Die Postleitzahl besteht aus 5 Ziffern."
    return None


def email_problem(value: str) -> str | None:
    if value and not _EMAIL.fullmatch(value):
        return "Die E-Mail-Adresse ist unvollständig (Beispiel: name@beispiel.de)."
    return None


def phone_problem(value: str) -> str | None:
    if value and not _PHONE.fullmatch(value):
        return "Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten."
    return None


def parse_ref(value: str) -> tuple[int, int] | None:
    """Year and number of a reference in the program's format, or None."""
    match = _REF.fullmatch(value)
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def format_ref(year: int, seq: int) -> str:
    """The reference of a year's number; a number the format cannot hold is a programming error."""
    if not 1 <= seq <= MAX_SEQ:
        raise ValueError(f"reference number {seq} outside 1..{MAX_SEQ}")
    return f"KRM-{year}-{seq:04d}"


def ref_fits(ref: str, year: int, seq: int) -> bool:
    """Whether a stored reference is the one of its year and number, in the format."""
    return 1 <= seq <= MAX_SEQ and parse_ref(ref) == (year, seq) and format_ref(year, seq) == ref


def code_problem(value: str | None, vocabulary: Mapping[str, object], label: str) -> str | None:
    if value is None or value not in vocabulary:
        known = ", ".join(vocabulary)
        return f"{label}: „{value}“ ist unbekannt. Möglich sind: {known}."
    return None


_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS8 = re.compile(r"^(\d{2})(\d{2})(\d{4})$")


def parse_date(text: str, label: str) -> tuple[date | None, str | None]:
    """A typed date (TT.MM.JJJJ, TT.MM.JJ, TTMMJJJJ or JJJJ-MM-TT) and a German problem; empty text is (None, None)."""
    value = text.strip()
    if not value:
        return None, None
    parts: tuple[str, str, str] | None = None
    if match := _DOTTED.match(value) or _DIGITS8.match(value):
        day, month, year = match.groups()
        parts = ("20" + year if len(year) == 2 else year, month, day)
    elif match := _ISO.match(value):
        parts = match.group(1), match.group(2), match.group(3)
    if parts is not None:
        try:
            return date(int(parts[0]), int(parts[1]), int(parts[2])), None
        except ValueError:
            return None, f"{label}: „{value}“ gibt es nicht im Kalender; bitte prüfen Sie Tag und Monat."
    return None, f"{label}: „{value}“ ist kein Datum; bitte als TT.MM.JJJJ eingeben (z. B. 02.11.2026)."
