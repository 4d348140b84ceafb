"""Exchange format: the keys added after the first contract (`exchange/case_details.py`) carry a petition's requesting
body with its address and deadline, Pankow's petition steps, the waived acknowledgement, the Vorlage an GF, the
"vorlagepflichtig" mark and the E-Akte/VerBIS note through an export and an import; bad values are refused naming
the field, and nothing is stored."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.case_details import DETAIL_KEYS
from krm_desktop.model.exchange.case_import import import_cases
from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.entities import Case
from tests import factories as f
from tests.factories import TODAY, USER
from tests.model.exchange.exchange_data import export_text, second_store

RECEIVED = date(2026, 11, 16)  # a Monday; TODAY is 20.11.2026


def details(case: Case) -> dict[str, Any]:
    return {key: getattr(case, key) for key in DETAIL_KEYS}


def recorded_petition() -> Case:
    case = f.register(
        kind="petition",
        channel="email",
        received=RECEIVED,
        requesting_body="Petitionsausschuss des Abgeordnetenhauses",
        requesting_ref="Pet 12/345",
        body_due=date(2026, 12, 14),
        body_street="Niederkirchnerstraße 5",
        body_postcode="10117",
        body_city="Berlin",
        ba_responsible=True,
        topic="Bescheid verständlich",
        file_no="II-6003",
    )
    # The steps as the Vorgang records them (their services are tested on their own).
    Case.update(
        ack_waived=date(2026, 11, 17),
        ack_waived_reason="Die Stelle antwortet dem Petenten selbst.",
        gf_presented=RECEIVED,
        ba_agreed=date(2026, 11, 19),
        statement_checked=date(2026, 11, 19),
        statement_checked_by="Petra Ohlsen",
        file_note_on=date(2026, 11, 18),
        file_note_by="Petra Ohlsen",
    ).where(Case.id == case.id).execute()
    return Case.get_by_id(case.id)


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_a_petition_and_its_steps_survive_export_and_import(store: Store, tmp_path: Path) -> None:
    before = details(recorded_petition())
    text = export_text()
    line = json.loads(text)
    assert line["requesting_body"] == "Petitionsausschuss des Abgeordnetenhauses"
    assert (line["body_due"], line["ack_waived"], line["ba_responsible"]) == ("2026-12-14", "2026-11-17", True)
    assert line["gf_required_on"] is None  # null where empty
    second = second_store(tmp_path, store, "berlin-pankow")
    try:
        assert import_cases(io.StringIO(text), today=TODAY, user=USER) == 1
        imported = Case.get()
        assert details(imported) == before
        # the waived acknowledgement and the Vorlage done: the answer is next, not the acknowledgement
        assert imported.next_action == "answer"
        assert export_text() == text
    finally:
        second.close()


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_a_vorlagepflichtig_case_imports_with_its_vorlage_due(store: Store) -> None:
    line = json.loads(export_text_of(f.register(received=RECEIVED)))
    Case.delete().execute()
    line.update(ref=None, gf_required_on="2026-11-18")
    assert import_cases([json.dumps(line)], today=TODAY, user=USER) == 1
    case = Case.get()
    assert (case.gf_required_on, case.gf_due) == (date(2026, 11, 18), date(2026, 11, 18))
    assert (case.next_action, case.next_due) == ("gf", date(2026, 11, 18))


def export_text_of(case: Case) -> str:
    assert Case.select().count() == 1 and Case.get().id == case.id
    return export_text()


def test_a_file_without_the_later_keys_still_imports(store: Store) -> None:
    line = json.loads(export_text_of(f.register(received=RECEIVED)))
    Case.delete().execute()
    for key in DETAIL_KEYS:
        del line[key]
    line["ref"] = None
    assert import_cases([json.dumps(line)], today=TODAY, user=USER) == 1
    assert details(Case.get())["requesting_body"] == ""


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"ack_waived": "2026-11-15"}, "ack_waived", "vor dem Eingang"),
        ({"gf_presented": "2026-11-21"}, "gf_presented", "Zukunft"),
        ({"file_note_on": "18.11.2026"}, "file_note_on", "JJJJ-MM-TT"),
        ({"ba_agreed": "2026-02-30"}, "ba_agreed", "JJJJ-MM-TT"),
        ({"ack_waived_reason": "telefonisch geklärt"}, "ack_waived_reason", "auch den Tag"),
        ({"ba_responsible": "ja"}, "ba_responsible", "true oder false"),
        ({"requesting_body": 7}, "requesting_body", "Text"),
        ({"body_due": "2026-11-10"}, "body_due", "vor dem Eingangsdatum"),
        ({"file_note_by": "x" * 201, "file_note_on": "2026-11-18"}, "file_note_by", "200"),
    ],
)
def test_bad_values_are_refused_naming_line_and_field(
    store: Store, changes: dict[str, Any], field: str, words: str
) -> None:
    line = json.loads(export_text_of(f.register(received=RECEIVED)))
    line.update(ref=None, **changes)
    with pytest.raises(ValidationError) as info:
        import_cases([json.dumps(line)], today=TODAY, user=USER)
    assert words in info.value.errors[f"line 1.{field}"]
    assert Case.select().count() == 1  # only the case the line was made from
