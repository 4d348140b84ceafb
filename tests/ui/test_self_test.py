"""`krm-desktop --self-test` in a real subprocess, and the summary page it renders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from krm_desktop.documents.case_summary import render_case_summary
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.time.day_counter import list_calendar
from tests import factories as f
from tests.ui.data import make_due_cases


def run_cli(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("QT_QPA_PLATFORM", None)  # the self-test goes off screen by itself
    return subprocess.run(
        [sys.executable, "-m", "krm_desktop", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_self_test_prints_the_three_figures(store, tmp_path: Path) -> None:
    make_due_cases()
    result = run_cli("--db", str(store.path), "--self-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) == {"startup_ms", "first_rows_ms", "letter_ms"}
    assert all(isinstance(v, float) and v > 0 for v in figures.values())
    assert figures["first_rows_ms"] >= figures["startup_ms"]  # shown, then painted
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "config").exists() or not any((tmp_path / "config").rglob("*.conf"))


def test_self_test_on_an_empty_database(store, tmp_path: Path) -> None:
    result = run_cli("--db", str(store.path), "--self-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)) == {"startup_ms", "first_rows_ms", "letter_ms"}


def test_self_test_refuses_a_missing_database_in_german(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path / "fehlt.sqlite3"), "--self-test", tmp_path=tmp_path)
    assert result.returncode == 1
    assert "gibt es nicht" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_self_test_stands_alone(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path / "x.sqlite3"), "--self-test", "check", tmp_path=tmp_path)
    assert result.returncode == 2 and "ohne Unterbefehl" in result.stderr


def test_case_summary_pdf(store) -> None:
    due = make_due_cases()
    f.register(subject="<b>Fett</b> & Co", person=f.person("Eva <Test>"))
    calendar = list_calendar(load_profile())
    pdf = render_case_summary(due.overdue.id, f.TODAY, calendar, invariant=True)
    assert pdf == render_case_summary(due.overdue.id, f.TODAY, calendar, invariant=True)  # byte-stable
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in (due.overdue.ref, "Wartezeit Weiterbewilligung", "Olga Öztürk", "überfällig seit 11 AT"):
        assert expected in text
    escaped = render_case_summary(due.overdue.id + 7, f.TODAY, calendar, invariant=True)
    assert "<b>Fett</b> & Co" in PdfReader(BytesIO(escaped)).pages[0].extract_text()
    empty = render_case_summary(None, f.TODAY, calendar, invariant=True)
    assert "Keine Kundenreaktion" in PdfReader(BytesIO(empty)).pages[0].extract_text()
