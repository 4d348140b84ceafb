"""Meinungskarten split by Lob, Anregung and Kritik (DOMAIN.md §6), counted from the card's own field
`Case.card_tenor`, which the purge keeps; cards without it (recorded before it existed) count as "ohne Angabe".

The vocabulary is written here until the cards' own code list (issue 19 item 3) names it in `model/codes`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

NO_TENOR = "none"
TENOR_LABELS: dict[str, str] = {"lob": "Lob", "anregung": "Anregung", "kritik": "Kritik", NO_TENOR: "ohne Angabe"}


def card_tenor_counts(found: Iterable[tuple[Any, ...]]) -> dict[str, int]:
    """Cards per tenor, every tenor (zeros included) in the order of TENOR_LABELS, from (tenor, cards) rows."""
    counts = dict.fromkeys(TENOR_LABELS, 0)
    for tenor, cards in found:
        key = str(tenor) if tenor in TENOR_LABELS and tenor != NO_TENOR else NO_TENOR
        counts[key] += int(cards)
    return counts
