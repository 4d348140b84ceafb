"""One kept letter's details without its bytes (the stored-letter dialog's title and line)."""

from __future__ import annotations

from datetime import datetime

import pytest

from krm_desktop.model.cases.letters import letter_info, letters_of, store_letter
from krm_desktop.model.errors import RefusedError
from tests import factories as f

PDF = b"%PDF-1.4\n%minimal\n"


def test_letter_info_without_the_bytes(store) -> None:
    case = f.register()
    letter = store_letter(case.id, "zwischennachricht", PDF, today=f.TODAY, user=f.USER, how="als PDF gespeichert")
    info = letter_info(letter.id)
    assert (info.id, info.doc_type, info.title) == (letter.id, "zwischennachricht", "Zwischennachricht")
    assert (info.created, info.created_by, info.size) == (datetime(2026, 11, 20), f.USER, len(PDF))
    assert info.filename == f"{case.ref}_zwischennachricht_2026-11-20.pdf"
    assert letters_of(case.id) == [info]


def test_a_letter_that_is_gone_is_refused(store) -> None:
    with pytest.raises(RefusedError, match="gibt es nicht mehr"):
        letter_info(9999)
