"""`krm-desktop report`: JSON on stdout, German on stderr, exit 0 / 1 / 2.

The command runs against the real today; the reports asked for cover 2024 and 2025, safely in the past.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.conftest import Run
from tests.file_limit import file_size_limit
from tests.report_data import report_db_path, report_template  # noqa: F401


@pytest.fixture
def db(report_db_path: Path) -> str:  # noqa: F811
    return str(report_db_path)


def test_annual_pdf(run: Run, db: str, tmp_path: Path) -> None:
    out = tmp_path / "jahresbericht.pdf"
    code, payload, err = run("--db", db, "report", "--year", "2025", "--out", str(out))
    assert code == 0, err
    assert payload == {
        "out": str(out),
        "format": "pdf",
        "period": "2025",
        "recipient": "regionaldirektion",
        "cases": 11,
        "concerns": 14,
    }
    assert "Jahresbericht 2025 für die Regionaldirektion" in err and "11 Kundenreaktionen, 14 Anliegen." in err
    text = PdfReader(out).pages[0].extract_text()
    assert "Jahresbericht 2025" in text and "für die Regionaldirektion" in text


def test_quarter_csv_with_recipient(run: Run, db: str, tmp_path: Path) -> None:
    out = tmp_path / "q4.CSV"
    code, payload, _ = run(
        "--db", db, "report", "--year", "2025", "--quarter", "4", "--recipient", "traegerversammlung",
        "--out", str(out),
    )  # fmt: skip
    assert code == 0 and payload is not None
    assert (payload["format"], payload["period"], payload["cases"], payload["concerns"]) == ("csv", "2025-Q4", 4, 6)
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert ["cases", "total", "Kundenreaktionen", "4", "Kundenreaktionen (Fälle)"] in rows


@pytest.mark.parametrize("suffix", ["pdf", "csv"])
def test_a_period_without_cases_is_a_report_that_says_so(run: Run, db: str, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"h1.{suffix}"
    code, payload, err = run("--db", db, "report", "--year", "2026", "--half", "1", "--out", str(out))
    assert code == 0 and payload is not None and (payload["cases"], payload["concerns"]) == (0, 0)
    assert "Im Zeitraum 01.01.2026 – 30.06.2026 wurden keine Kundenreaktionen erfasst; der Bericht sagt das." in err
    sentence = "Im Zeitraum 01.01.2026 – 30.06.2026 wurden keine Kundenreaktionen erfasst."
    if suffix == "pdf":
        assert sentence in " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    else:
        assert sentence in out.read_bytes().decode("utf-8-sig")


def test_a_new_office_reports_its_first_year_without_cases(run: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "neu.sqlite3")
    assert run("--db", db, "init", "--profile", "braunschweig")[0] == 0
    code, payload, err = run("--db", db, "report", "--year", "2025", "--out", str(tmp_path / "j.pdf"))
    assert code == 0 and payload is not None and payload["cases"] == 0, err
    assert "Im Zeitraum 01.01.2025 – 31.12.2025 wurden keine Kundenreaktionen erfasst" in err


def test_half_year_defaults_to_the_traegerversammlung(run: Run, db: str, tmp_path: Path) -> None:
    code, payload, _ = run("--db", db, "report", "--year", "2025", "--half", "2", "--out", str(tmp_path / "h.pdf"))
    assert code == 0 and payload is not None and payload["recipient"] == "traegerversammlung"
    assert (payload["cases"], payload["concerns"]) == (6, 8)


@pytest.mark.parametrize(
    ("year", "words"),
    [("2023", "älteste erfasste Kundenreaktion ist vom 03.06.2024"), ("2999", "liegt in der Zukunft")],
)
def test_refused_period_exits_1_and_writes_nothing(run: Run, db: str, tmp_path: Path, year: str, words: str) -> None:
    out = tmp_path / "bericht.pdf"
    code, payload, err = run("--db", db, "report", "--year", year, "--out", str(out))
    assert (code, payload) == (1, None)
    assert words in err and not out.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--year", "2025", "--out", "bericht.txt"], "Unbekannte Dateiendung .txt"),
        (["--year", "2025", "--half", "1", "--quarter", "2", "--out", "b.pdf"], "schließen einander aus"),
        (["--year", "2025", "--half", "3", "--out", "b.pdf"], "--half ist 1 oder 2"),
        (["--year", "2025", "--quarter", "0", "--out", "b.pdf"], "--quarter ist 1, 2, 3 oder 4"),
        (["--year", "2025", "--recipient", "bundestag", "--out", "b.pdf"], "Unbekannte Empfängerin „bundestag“"),
        (["--year", "zwanzig", "--out", "b.pdf"], "„zwanzig“ ist keine ganze Zahl"),
        (["--year", "2025", "--out", "fehlt/b.pdf"], "gibt es nicht"),
        (["--year", "2025"], "--out"),
    ],
)
def test_bad_usage_exits_2(run: Run, db: str, tmp_path: Path, monkeypatch, args: list[str], words: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, payload, err = run("--db", db, "report", *args)
    assert (code, payload) == (2, None)
    assert words in err and "Falscher Aufruf" in err
    assert not list(tmp_path.glob("b*"))


def test_missing_database_is_refused(run: Run, tmp_path: Path) -> None:
    code, payload, err = run(
        "--db", str(tmp_path / "fehlt.sqlite3"), "report", "--year", "2025", "--out", str(tmp_path / "b.pdf")
    )
    assert (code, payload) == (1, None) and err.strip()


def test_a_report_that_fails_midway_leaves_the_earlier_file_intact(run: Run, db: str, tmp_path: Path) -> None:
    out = tmp_path / "jahresbericht.pdf"
    out.write_bytes(b"%PDF-1.4 der Bericht vom letzten Jahr")
    with file_size_limit(2000):  # the disk fills up while the report is written
        code, payload, err = run("--db", db, "report", "--year", "2025", "--out", str(out))
    assert (code, payload) == (1, None)
    assert f"Die Datei {out} ließ sich nicht schreiben" in err
    assert out.read_bytes() == b"%PDF-1.4 der Bericht vom letzten Jahr"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("jahresbericht")] == ["jahresbericht.pdf"]
