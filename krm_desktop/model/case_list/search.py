"""The case list's search: every word of the search text must match the case (all words, any order).

A word matches when it occurs, literally and case-insensitively, in the case's Az., subject (Betreff) or
description (Beschreibung), or in the name, Kundennummer or BG-Nummer of its person. `%`, `_`, `\\`, quotes and
SQL text are matched literally (LIKE … ESCAPE, bound parameters). SQLite's LIKE folds only ASCII letters;
umlauts are folded by also trying their other case.

Three kinds of word are looked up where they belong, through an index, instead of in every text:
- shaped like the start of an Az. (`KRM-2024`, `krm-2024-00`, `KRM-2024-0042`): the cases whose Az. begins so,
  and their Folgereaktionen (which name the earlier Az. in their subject);
- shaped like the start of a Kundennummer (`962D12`, `962d123456`: 3 digits, a letter, a digit or more): the
  cases whose person's Kundennummer begins so;
- shaped like the start of a BG-Nummer (`93601BG`, `93601bg0012345`): the same with the BG-Nummer.
(Such a word written in another text is not found there; the number's own field is what the search is for.)

Any other word is a scan of the cases (about 100 ms at 100,000 cases), made as cheap as the stored formats
allow: the persons' columns are searched once per word (a scan of the smaller person table, then a set of
ids), not joined to every case (unless the other filters leave few cases: then each one's person is looked
up); and a column is left out when the word cannot occur in it. The Az., the
Kundennummer and the BG-Nummer are stored only in their formats (generated, or checked by intake and import:
`validation`), so e.g. "Müller" or "50%" is not looked for in them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from peewee import SQL, Expression, NodeList, PostgresqlDatabase, fn

from krm_desktop.model.store.entities import Case, Party, database

MAX_WORDS = 8

# Starts of the stored formats (validation: KRM-JJJJ-NNNN, 123A456789, 12345BG1234567), upper case.
_REF_START = re.compile(r"KRM-\d{1,4}(-\d{0,6})?")
_CUSTOMER_NO_START = re.compile(r"\d{3}[A-Z]\d{1,6}")
_BG_NO_START = re.compile(r"\d{5}BG\d{0,7}")
# What the formats are made of: a word with anything else cannot occur in the column.
_REF_CHARS = frozenset("KRM-0123456789")
_DIGITS = frozenset("0123456789")


def all_of(conditions: Sequence[Expression]) -> Expression | None:
    """The conditions joined with AND; None where there are none."""
    if not conditions:
        return None
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined & condition
    return combined


def any_of(conditions: Sequence[Expression]) -> Expression:
    """The (one or more) conditions joined with OR."""
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined | condition
    return combined


def escape_like(text: str) -> str:
    """The text as a LIKE pattern that matches it literally anywhere (ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_UMLAUTS_LOW = str.maketrans("ÄÖÜ", "äöü")
_UMLAUT_ANY = str.maketrans("äöüÄÖÜ", "______")


def search_words(text: str) -> list[str]:
    return text.split()[:MAX_WORDS]


def _like(column: Any, pattern: str) -> Expression:
    operator = "ILIKE" if isinstance(database.obj, PostgresqlDatabase) else "LIKE"
    return NodeList((column, SQL(operator), pattern, SQL("ESCAPE '\\'")))  # type: ignore[return-value]


def _umlaut_cases(word: str) -> list[str]:
    """The word with every upper/lower combination of its umlauts ("öztürk" -> Öztürk, ÖZTÜRK …)."""
    low = word.translate(_UMLAUTS_LOW)
    spots = [i for i, char in enumerate(low) if char in "äöü"][:4]
    variants = []
    for choice in itertools.product((False, True), repeat=len(spots)):
        chars = list(low)
        for spot, upper in zip(spots, choice, strict=True):
            if upper:
                chars[spot] = chars[spot].upper()
        variants.append("".join(chars))
    return variants


def _contains(columns: Sequence[Any], word: str) -> Expression:
    """The word, literally and case-insensitively, in any of the columns."""
    variants = [escape_like(v) for v in _umlaut_cases(word)]
    if len(variants) == 1:
        return any_of([_like(column, variants[0]) for column in columns])
    # LIKE folds ASCII only. One LIKE with "_" for each umlaut filters every row; only the rows it lets
    # through are checked with each upper/lower combination of the umlauts.
    wild = variants[0].translate(_UMLAUT_ANY)
    return any_of([_like(c, wild) & any_of([_like(c, v) for v in variants]) for c in columns])


def _starts(column: Any, prefix: str) -> Expression:
    """column begins with prefix (an index range; the prefix ends in a digit, a letter or "-")."""
    return (column >= prefix) & (column < prefix[:-1] + chr(ord(prefix[-1]) + 1))


def _person_where(condition: Expression, per_case: bool) -> Expression:
    """The case's person matches. Either the persons are searched once and each case's person id is looked up
    in the result, or (per_case: few candidate cases) each candidate's person is looked up and tested."""
    if per_case:
        found: Any = fn.EXISTS(Party.select(SQL("1")).where((Party.id == Case.person) & condition))
        return found
    return Case.person.in_(Party.select(Party.id).where(condition))


def _may_be_in_ref(key: str) -> bool:
    return set(key) <= _REF_CHARS


def _may_be_in_customer_no(key: str) -> bool:
    letters = [char for char in key if char not in _DIGITS]
    return len(letters) <= 1 and all("A" <= char <= "Z" for char in letters)


def _may_be_in_bg_no(key: str) -> bool:
    return "".join(char for char in key if char not in _DIGITS) in ("", "B", "G", "BG")


def word_condition(word: str, *, per_case: bool = False) -> Expression:
    """The condition for one search word (see the module's description)."""
    key = word.upper()
    if _REF_START.fullmatch(key):
        earlier: Any = Case.alias()
        follow_ups = Case.follows.in_(earlier.select(earlier.id).where(_starts(earlier.ref, key)))
        return _starts(Case.ref, key) | follow_ups  # both through an index (Az., follows)
    if _CUSTOMER_NO_START.fullmatch(key):
        return _person_where(_starts(Party.customer_no, key), per_case)
    if _BG_NO_START.fullmatch(key):
        return _person_where(_starts(Party.bg_no, key), per_case)
    person_columns: list[Any] = [Party.name]
    if _may_be_in_customer_no(key):
        person_columns.append(Party.customer_no)
    if _may_be_in_bg_no(key):
        person_columns.append(Party.bg_no)
    case_columns: list[Any] = [Case.ref] if _may_be_in_ref(key) else []
    case_columns += [Case.subject, Case.description]  # the long text last: the other tests are cheaper
    return _person_where(_contains(person_columns, word), per_case) | _contains(case_columns, word)


def search_condition(text: str, *, per_case: bool = False) -> Expression | None:
    """All words of the text; per_case: the other filters leave few cases (see `_person_where`)."""
    words = search_words(text)
    return all_of([word_condition(word, per_case=per_case) for word in words]) if words else None
