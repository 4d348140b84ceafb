"""The exchange format's optional `notices`: exported where a case has any, imported with the dialog's rules,
refused naming line and field."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pytest

from krm_desktop.model.cases import notices
from krm_desktop.model.cases.notice_checks import Recipient
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.case_export import export_cases
from krm_desktop.model.exchange.case_import import import_cases
from krm_desktop.model.store.entities import Case, Notice
from tests import factories as f
from tests.model.exchange.test_case_import import good

NOTICE = {"name": "Jens Brandt", "role": "TL", "informed_on": "2026-11-05", "copy": True, "reason": "Kopie der Antwort"}


def run_import(*lines: dict[str, Any]) -> int:
    return import_cases([json.dumps(line, ensure_ascii=False) for line in lines], today=f.TODAY, user=f.USER)


def exported() -> list[dict[str, Any]]:
    out = io.StringIO()
    export_cases(out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_export_writes_notices_null_where_a_case_has_none(store) -> None:
    informed = f.register()
    f.register(received=date(2026, 11, 3))
    f.act(
        notices.record_notices,
        informed,
        informed_on=date(2026, 11, 5),
        recipients=[Recipient("Jens Brandt", "TL", None, True, "Kopie der Antwort")],
    )
    first, second = exported()
    assert first["notices"] == [NOTICE]
    assert second["notices"] is None


def test_import_stores_them_with_the_case(store) -> None:
    assert run_import(good(notices=[NOTICE, {"name": "Tom Weber", "informed_on": "2026-11-02"}])) == 1
    case = Case.get()
    assert [(n.name, n.role, n.copy, n.informed_on, n.reason) for n in notices.notices_of(case.id)] == [
        ("Tom Weber", "", False, date(2026, 11, 2), ""),
        ("Jens Brandt", "TL", True, date(2026, 11, 5), "Kopie der Antwort"),
    ]
    assert exported()[0]["notices"][1] == NOTICE  # and out again as it came in


@pytest.mark.parametrize(
    ("value", "field", "words"),
    [
        ([{**NOTICE, "informed_on": "2026-11-01"}], "notices.1.informed_on", "liegt vor dem Eingang"),
        ([{**NOTICE, "name": ""}], "notices.1.name", "Bitte füllen Sie „Name“ aus"),
        ([NOTICE, {**NOTICE, "role": "Chef"}], "notices.2.role", "Funktion"),
        ([{**NOTICE, "whom": "x"}], "notices.1.whom", "Unbekanntes Feld"),
        ({"name": "x"}, "notices", "Bitte eine Liste"),
    ],
)
def test_bad_notices_are_refused_and_nothing_is_stored(store, value, field, words) -> None:
    with pytest.raises(ValidationError) as info:
        run_import(good(notices=value))
    message = info.value.errors[f"line 1.{field}"]
    assert words in message and f"Feld „{field}“" in message
    assert Case.select().count() == 0 and Notice.select().count() == 0
