"""The report CSV, parsed back as German Excel would read it: BOM, semicolons, decimal comma."""

from __future__ import annotations

import csv
import io

import pytest

from krm_desktop.documents.reports.csv_file import csv_value, render_report_csv
from krm_desktop.model.reports.figures import compute_figures
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.store.entities import Team
from tests.report_data import TODAY, report_cases, report_db_path, report_template  # noqa: F401


@pytest.fixture
def raw(report_cases) -> bytes:  # noqa: F811
    return render_report_csv(compute_figures(Period(2025), today=TODAY))


def parse(raw: bytes) -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel opens it as UTF-8
    text = raw[3:].decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def values(raw: bytes) -> dict[tuple[str, str], str]:
    return {(row[0], row[1]): row[3] for row in parse(raw)[1:]}


def test_header_separator_and_line_ends(raw: bytes) -> None:
    rows = parse(raw)
    assert rows[0] == ["Kennzahl", "Schlüssel", "Bezeichnung", "Wert", "Kennzahl (deutsch)"]
    assert all(len(row) == 5 for row in rows)
    assert raw.count(b"\r\n") == len(rows) and b"\n" not in raw.replace(b"\r\n", b"")
    assert b"," not in raw.split(b"\r\n")[0]


def test_figures_parse_back(raw: bytes) -> None:
    v = values(raw)
    assert (v["cases", "total"], v["cases", "closed"], v["cases", "open"], v["concerns", "total"]) == (
        "11",
        "9",
        "2",
        "14",
    )
    assert (v["kind", "beschwerde"], v["kind_cases", "beschwerde"], v["kind", "eingabe"]) == ("5", "5", "0")
    assert (v["channel", "brief"], v["channel_cases", "brief"], v["via", "kommune"]) == ("6", "5", "3")
    assert (v["team", "Team 411 Leistung"], v["team_cases", "none"], v["area", "Bereich 41"]) == ("5", "2", "9")
    assert (v["month", "2025-12"], v["month_cases", "2025-12"], v["month", "2025-01"]) == ("4", "2", "0")
    assert (v["outcome", "begruendet"], v["outcome", "open"], v["outcome_pct", "begruendet"]) == ("3", "2", "37,5")
    assert (v["folgereaktion", "cases"], v["folgereaktion", "pct"], v["meinungskarte", "cases"]) == ("1", "9,1", "1")
    assert (v["dab", "total"], v["dab", "decided"], v["dab", "reclassified_fachaufsichtsbeschwerde"]) == (
        "2",
        "1",
        "1",
    )
    assert v["deadline", "ack_on_time_pct"] == "66,7"
    assert v["deadline", "answer_on_time_pct"] == "44,4"
    assert v["deadline", "interim_sent"] == "1"
    assert (v["processing_days", "median"], v["processing_days", "p90"]) == ("10,0", "24")
    assert (v["topic", "Erreichbarkeit"], v["topic_concerns", "Erreichbarkeit"], v["topic", "none"]) == ("4", "7", "2")
    assert (v["previous", "cases"], v["previous", "ack_on_time_pct"]) == ("2", "100,0")
    assert v["period", "2025"] == ""


def test_numbers_read_as_german_decimals(raw: bytes) -> None:
    for code, key, _, value, _ in parse(raw)[1:]:
        if value:
            assert float(value.replace(",", ".")) >= 0, (code, key)
            assert "." not in value, (code, key)  # no thousands separator, no decimal point


def test_labels_are_german(raw: bytes) -> None:
    labels = {(row[0], row[1]): row[2] for row in parse(raw)[1:]}
    assert labels["outcome", "begruendet"] == "begründet"
    assert labels["channel", "persoenlich"] == "persönlich"
    assert labels["month", "2025-03"] == "März 2025"
    assert labels["team", "Team 411 Leistung"] == "Team 411 Leistung (Bereich 41)"


def test_every_documented_code_is_present(raw: bytes) -> None:
    codes = {row[0] for row in parse(raw)[1:]}
    for code in ("cases", "kind", "channel", "via", "team", "month", "outcome", "deadline", "processing_days"):
        assert code in codes
    assert {("deadline", k) for k in ("ack_on_time_pct", "answer_on_time_pct", "interim_sent")} <= set(values(raw))


def test_empty_period_leaves_percentages_empty(report_cases) -> None:  # noqa: F811
    v = values(render_report_csv(compute_figures(Period(2026, half=1), today=TODAY)))
    assert v["cases", "total"] == "0"
    assert (v["deadline", "ack_on_time_pct"], v["processing_days", "median"], v["kind", "lob"]) == ("", "", "0")


def test_text_that_excel_would_run_as_formula_is_defused(report_cases) -> None:  # noqa: F811
    Team.update(name="=HYPERLINK(1)").where(Team.id == report_cases.t2.id).execute()
    rows = parse(render_report_csv(compute_figures(Period(2025), today=TODAY)))
    assert ["team", "'=HYPERLINK(1)", "'=HYPERLINK(1) (Bereich 43)", "3", "Anliegen nach Team"] in rows


def test_csv_value() -> None:
    assert [csv_value(v) for v in (0, 12, 12.5, 7.0, None, 1234.5)] == ["0", "12", "12,5", "7,0", "", "1234,5"]
