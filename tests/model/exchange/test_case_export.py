"""Exchange format: the export in keyset pages, and round trips export -> import -> export that lose nothing."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from krm_desktop.model.cases.intake import ConcernInput
from krm_desktop.model.exchange import case_export
from krm_desktop.model.exchange.case_import import import_cases
from krm_desktop.model.exchange.line_checks import KEYS
from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.entities import Case, Event
from tests import factories as f
from tests.factories import TODAY, USER
from tests.model.exchange.exchange_data import export_text, second_store, varied_cases


def test_round_trip_is_lossless(store: Store, tmp_path: Path) -> None:
    varied_cases()
    first = export_text()
    lines = [json.loads(line) for line in first.splitlines()]
    assert len(lines) == Case.select().count() == 11
    assert all(list(line) == list(KEYS) for line in lines)
    assert [(line["received"], line["ref"]) for line in lines] == sorted(
        (line["received"], line["ref"]) for line in lines
    )
    assert "Jürgen Öztürk-Weiß" in first  # ensure_ascii=False
    assert {line["kind"] for line in lines} == set(
        [
            "beschwerde",
            "lob",
            "idee",
            "petition",
            "eingabe",
            "dienstaufsichtsbeschwerde",
            "fachaufsichtsbeschwerde",
            "folgereaktion",
            "meinungskarte",
        ]
    )
    anonymised = next(line for line in lines if line["anonymised"])
    assert (anonymised["ref"], anonymised["person"], anonymised["description"]) == ("KRM-2019-0001", None, None)
    follow = next(line for line in lines if line["kind"] == "folgereaktion")
    assert follow["follows"] == "KRM-2026-0001"
    main = next(line for line in lines if line["ref"] == "KRM-2026-0001")
    team = "Team 401 Leistung"
    assert main["concerns"] == [
        {"kind": "beschwerde", "outcome": "begruendet", "team": team},
        {"kind": "lob", "outcome": None, "team": team},
        {"kind": "beschwerde", "outcome": "nicht_bewertbar", "team": team},
    ]
    assert main["person"]["customer_no"] == "123A456789" and main["person"]["email"] == "j.weiss@example.de"
    assert (main["ack_sent"], main["interim_sent"], main["answer_sent"], main["closed"], main["outcome"]) == (
        "2026-10-02",
        "2026-10-10",
        "2026-10-19",
        "2026-10-20",
        "begruendet",
    )

    second = second_store(tmp_path, store)
    try:
        assert import_cases(io.StringIO(first), today=TODAY, user=USER) == 11
        assert export_text() == first
        assert Event.select().where(Event.action == "imported").count() == 11
        assert Event.get().text == "Aus Austauschdatei übernommen."
        imported: Any = Case.get(Case.ref == "KRM-2026-0001")
        assert (imported.status, imported.team.name, imported.version) == ("abgeschlossen", "Team 401 Leistung", 1)
        assert imported.ack_due is not None and imported.final_due is not None
        assert Case.get(Case.kind == "petition").lead == "gf"
        idea: Any = Case.get(Case.kind == "idee")
        assert idea.status == "offen"
        assert idea.person is None and (idea.next_action, idea.next_due) == (None, None)  # anonymous: no clock
        open_with_clock: Any = Case.get((Case.status == "offen") & Case.ack_due.is_null(False))
        expected = ("ack", open_with_clock.ack_due) if open_with_clock.ack_sent is None else None
        expected = expected or ("answer", open_with_clock.final_due)
        assert (open_with_clock.next_action, open_with_clock.next_due) == expected
        assert imported.next_due is None  # closed
    finally:
        second.close()


def test_export_pages_keep_order(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(case_export, "PAGE", 3)
    for day in (5, 3, 3, 9, 1, 3, 7):
        f.register(received=date(2026, 10, day), concerns=[ConcernInput("beschwerde"), ConcernInput("idee")])
    lines = [json.loads(line) for line in export_text().splitlines()]
    keys = [(line["received"], line["ref"]) for line in lines]
    assert keys == sorted(keys) and len(set(keys)) == 7
    assert all(len(line["concerns"]) == 2 for line in lines)


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_follow_up_of_a_purged_case_round_trips(store: Store, tmp_path: Path) -> None:
    """Braunschweig deletes a case whole two years after completion; its Folgereaktion keeps the reference."""
    from krm_desktop.model.cases import services as cases
    from krm_desktop.model.retention.purge import execute_purge
    from krm_desktop.model.retention.purge_plan import plan_purge
    from tests.model import retention_data as rd

    earlier = rd.closed_case(date(2024, 3, 1))
    later = cases.follow_up(earlier.id, f.case_input(received=date(2024, 3, 5)), today=date(2024, 3, 5), user=USER)
    plan = plan_purge(date(2026, 3, 1))
    assert earlier.ref in [c.ref for c in plan.cases]
    execute_purge(plan, today=date(2026, 3, 1), user=USER)
    assert Case.get_or_none(Case.ref == earlier.ref) is None
    first = export_text()
    line = next(json.loads(x) for x in first.splitlines() if json.loads(x)["ref"] == later.ref)
    assert line["follows"] == earlier.ref
    # restoring that one case from the file into this database: the purge log vouches for the reference
    Case.delete().where(Case.ref == later.ref).execute()
    assert import_cases(io.StringIO(json.dumps(line) + "\n"), today=TODAY, user=USER) == 1
    restored = Case.get(Case.ref == later.ref)
    assert (restored.follows_id, restored.follows_ref) == (None, earlier.ref)
    assert export_text() == first
