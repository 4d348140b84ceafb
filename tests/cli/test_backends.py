"""The commands that take --db, on the database of the test: a SQLite file, and with KRM_TEST_PG_URL also a
PostgreSQL database given as postgresql://… (JSON on stdout, German on stderr, exit 0/1/2, never the password)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from krm_desktop.cli.main import main
from krm_desktop.model.store.targets import is_server_url, parse_server_url


def run(capsys: pytest.CaptureFixture[str], target: str, *args: str) -> tuple[int, Any, str]:
    code = main(["--db", target, *args])
    out, err = capsys.readouterr()
    if is_server_url(target):
        password = parse_server_url(target).password
        assert not password or (password not in out and password not in err)
    return code, (json.loads(out) if out.strip() else None), err


def test_the_commands_on_the_database(capsys: pytest.CaptureFixture[str], db_target: str, tmp_path: Path) -> None:
    code, out, err = run(capsys, db_target, "init", "--profile", "braunschweig", "--office-name", "JC BS")
    assert code == 0 and out["profile"] == "braunschweig" and "angelegt" in err
    code, out, err = run(capsys, db_target, "init", "--profile", "luebeck")
    assert code == 1 and "bereits eingerichtet" in err
    code, out, _ = run(capsys, db_target, "demo", "--cases", "40", "--seed", "3", "--years", "2")
    assert code == 0 and out == {"created": 40}
    code, out, err = run(capsys, db_target, "check")
    assert code == 0 and out["ok"] is True and "in Ordnung" in err

    exported = tmp_path / "faelle.jsonl"
    code, out, _ = run(capsys, db_target, "export", "--out", str(exported))
    assert code == 0 and out == {"exported": 40}
    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    code, out, err = run(capsys, db_target, "import", "--in", str(exported))
    assert code == 1 and out is None and "Zeile 1" in err  # the references are there already: nothing imported

    ref = lines[0]["ref"]
    pdf = tmp_path / "vermerk.pdf"
    code, out, err = run(capsys, db_target, "letter", "--case", ref, "--type", "verfuegungsblatt", "--out", str(pdf))
    assert code == 0, err
    assert out["case"] == ref and pdf.read_bytes().startswith(b"%PDF")

    person = next(line["person"] for line in lines if line["person"] and line["person"].get("customer_no"))
    auskunft = tmp_path / "auskunft.pdf"
    code, out, err = run(
        capsys, db_target, "auskunft", "--person", person["name"], "--customer-no", person["customer_no"],
        "--out", str(auskunft),
    )  # fmt: skip
    assert code == 0, err
    assert auskunft.read_bytes().startswith(b"%PDF")

    year = str(date.today().year - 1)
    code, out, err = run(capsys, db_target, "report", "--year", year, "--out", str(tmp_path / "bericht.csv"))
    assert code == 0, err
    code, out, err = run(capsys, db_target, "purge", "--as-of", date.today().isoformat(), "--dry-run")
    assert code == 0 and out["backup"] is None, err
    code, out, _ = run(capsys, db_target, "check")
    assert code == 0 and out["ok"] is True
