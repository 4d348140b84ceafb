"""The report CSV's rows of issue 19: each row says in German what it is beside the machine key; Meinungskarten
by tenor; Eingaben and petitions apart, direct and through other institutions; the Auffälligkeiten; a period
without cases (tests/report_data.py)."""

from __future__ import annotations

import csv
import io

from krm_desktop.documents.reports.csv_file import render_report_csv
from krm_desktop.model.reports.figures import compute_figures
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.store.entities import Case
from tests.report_data import TODAY, report_cases, report_db_path, report_template  # noqa: F401


def rows_of(period: Period) -> list[list[str]]:
    raw = render_report_csv(compute_figures(period, today=TODAY))
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=";"))


def by_key(rows: list[list[str]]) -> dict[tuple[str, str], list[str]]:
    return {(row[0], row[1]): row[2:] for row in rows[1:]}


def test_every_row_says_in_german_what_it_is(report_cases) -> None:  # noqa: F811
    rows = rows_of(Period(2025))
    assert all(row[4] and row[4] != row[0] for row in rows[1:]), [row for row in rows if row[4] == row[0]]
    v = by_key(rows)
    assert v["kind", "beschwerde"] == ["Beschwerde", "5", "Anliegen nach Art"]
    assert v["kind_cases", "beschwerde"] == ["Beschwerde", "5", "Fälle nach Art"]
    assert v["deadline", "ack_on_time_pct"][2] == "Fristen"


def test_cards_petitions_and_the_auffaelligkeiten(report_cases) -> None:  # noqa: F811
    Case.update(card_tenor="lob").where(Case.id == report_cases.by_name["c5"].id).execute()
    v = by_key(rows_of(Period(2025)))
    assert v["card_tenor", "lob"] == ["Lob", "1", "Meinungskarten nach Lob/Anregung/Kritik (Karten)"]
    assert (v["card_tenor", "kritik"][1], v["card_tenor_pct", "lob"][1], v["card_tenor", "none"][1]) == (
        "0",
        "100,0",
        "0",
    )
    # c9: petition through the Petitionsausschuss, body's date 24.11., answered 25.11., unbegründet
    assert v["petition_cases", "petition:petitionsausschuss"][:2] == [
        "Petition, Eingang über: Petitionsausschuss/Landtag",
        "1",
    ]
    assert v["petition_cases", "eingabe:bmas"][1] == "0"
    assert (v["petition_direct", "cases"][1], v["petition_other", "cases"][1], v["petition_total", "cases"][1]) == (
        "0",
        "1",
        "1",
    )
    assert (v["petition_other", "body_counted"][1], v["petition_other", "body_on_time"][1]) == ("1", "0")
    assert (v["petition_other", "body_on_time_pct"][1], v["petition_direct", "body_on_time_pct"][1]) == ("0,0", "")
    assert v["petition_other", "outcome_unbegruendet"][1] == "1"
    assert v["petition_other", "cases"][2] == "Eingaben und Petitionen über andere Stellen"
    assert v["notable", "rate:answer"] == [
        "Antwort fristgerecht: 100,0\u00a0% → 44,4\u00a0% (-55,6 Pp.)",
        "44,4",
        "Auffälligkeiten gegenüber dem Vorzeitraum (Wert: jetzt)",
    ]
    assert ("notable", "rate:ack") in v and ("note", "empty") not in v


def test_a_period_without_cases_says_so(report_cases) -> None:  # noqa: F811
    v = by_key(rows_of(Period(2026, quarter=2)))
    assert v["note", "empty"] == [
        "Im Zeitraum 01.04.2026 – 30.06.2026 wurden keine Kundenreaktionen erfasst.",
        "",
        "Hinweis",
    ]
    assert v["cases", "total"][1] == "0" and v["petition_total", "cases"][1] == "0"
