"""`krm-desktop --db SRC.sqlite3 copy-to postgresql://…`: JSON with counts and checksums, German on stderr,
exit 0 / 1 / 2; the password never shown (the copies themselves need KRM_TEST_PG_URL)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from krm_desktop.cli.main import main
from krm_desktop.model.store.targets import parse_server_url
from tests.backends import PgServer
from tests.cli.conftest import Run


@pytest.fixture
def source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "krm.sqlite3"
    assert main(["--db", str(path), "init", "--profile", "osnabrueck"]) == 0
    assert main(["--db", str(path), "demo", "--cases", "60", "--seed", "5"]) == 0
    capsys.readouterr()
    return path


def test_copy_reports_counts_and_checksums(source: Path, pg_server: PgServer, run: Run) -> None:
    before = source.read_bytes()
    connection = sqlite3.connect(source)
    counts = {
        t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in ("krm_case", "event", "party")
    }
    connection.close()
    password = parse_server_url(pg_server.url).password
    with pg_server.database() as url:
        code, out, err = run("--db", str(source), "copy-to", url)
        assert code == 0, err
        assert out["ok"] is True and out["check"] == [] and out["seconds"] >= 0
        tables = {t["table"]: t for t in out["tables"]}
        assert {name: tables[name]["rows"] for name in counts} == counts
        assert all(t["target_rows"] == t["rows"] and t["target_sha256"] == t["sha256"] for t in out["tables"])
        assert out["rows"] == sum(t["rows"] for t in out["tables"])
        assert "kopiert und geprüft" in err and "krm_case: 60 Zeilen, Prüfsumme gleich" in err
        assert password not in json.dumps(out) and password not in err
        assert source.read_bytes() == before
        code, out, err = run("--db", url, "check")  # the copy is a KRM database of its own
        assert code == 0 and out["ok"] is True
        code, out, err = run("--db", str(source), "copy-to", url)  # a second time: the target is full
        assert code == 1 and out is None and "nicht leer" in err


def test_refusals_and_bad_usage(source: Path, tmp_path: Path, run: Run) -> None:
    code, _, err = run("--db", str(source), "copy-to", str(tmp_path / "ziel.sqlite3"))
    assert code == 2 and "keine Adresse postgresql://" in err
    code, _, err = run("--db", "postgresql://a:b@127.0.0.1:1/x", "copy-to", "postgresql://a:b@127.0.0.1:1/y")
    assert code == 2 and "SQLite-Datei" in err
    code, _, err = run("--db", str(tmp_path / "fehlt.sqlite3"), "copy-to", "postgresql://a:geheim@127.0.0.1:1/y")
    assert code == 1 and "gibt es nicht" in err
    code, _, err = run("--db", str(source), "copy-to", "postgresql://a:geheim@127.0.0.1:1/y")
    assert code == 1 and "antwortet nicht" in err and "geheim" not in err
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(source), "copy-to"])
    assert caught.value.code == 2
