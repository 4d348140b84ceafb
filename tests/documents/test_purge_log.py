"""The Löschprotokoll PDF counts the routing notes a run deleted (never their text), and says so for runs that
did not count them yet."""

from __future__ import annotations

import json
from datetime import date

from krm_desktop.documents.purge_log import render_purge_log
from krm_desktop.model.cases import services as cases
from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.store.entities import PurgeLog
from tests import factories as f
from tests.documents.pdf_tools import text


def test_the_protocol_counts_the_deleted_routing_notes(store) -> None:
    for received in (date(2023, 2, 1), date(2024, 6, 3), date(2026, 1, 5)):  # the last one is not due yet
        cases.record_routing_note("datenschutz", received, "Herr Quendrastok fragt", today=received, user="x")
    result = execute_purge(plan_purge(date(2026, 12, 31)), today=date(2027, 1, 4), user=f.USER)
    printed = " ".join(text(render_purge_log(result.log_id)).split())
    assert "Weiterleitungsvermerke gelöscht 2 Weiterleitungsvermerke" in printed
    assert "Löschung der Weiterleitungsvermerke nach 2 Jahren vollständig gelöscht 2" in printed  # the rule's row
    assert "Quendrastok" not in printed


def test_an_older_run_says_it_did_not_count_them(store) -> None:
    result = execute_purge(plan_purge(date(2026, 12, 31)), today=date(2027, 1, 4), user=f.USER)
    log = PurgeLog.get_by_id(result.log_id)
    rules = [r for r in json.loads(log.rules) if r["code"] != "routing_notes"]  # as a run before the rule wrote it
    PurgeLog.update(rules=json.dumps(rules)).where(PurgeLog.id == log.id).execute()
    assert "Weiterleitungsvermerke gelöscht nicht erfasst" in " ".join(text(render_purge_log(log.id)).split())
