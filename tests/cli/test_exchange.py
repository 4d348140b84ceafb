"""`krm-desktop import` / `export`: JSON on stdout, German on stderr, exit 0 / 1 / 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from krm_desktop.cli.main import main
from tests.file_limit import file_size_limit

# The CLI checks dates against the real today: use dates safely in the past.
LINES: list[dict[str, Any]] = [
    {
        "ref": "KRM-2024-0007",
        "kind": "beschwerde",
        "channel": "brief",
        "via": "direkt",
        "received": "2024-03-04",
        "team": "Team 401 Leistung",
        "subject": "Wartezeit",
        "description": "Seit Wochen keine Antwort.",
        "person": {"salutation": "frau", "name": "Jördis Weiß", "city": "Lübeck"},
        "ack_sent": "2024-03-05",
        "answer_sent": "2024-03-12",
        "closed": "2024-03-13",
        "outcome": "begruendet",
    },
    {"kind": "meinungskarte", "channel": "meinungskarte", "via": "direkt", "received": "2024-05-06", "tenor": "lob"},
    {
        "kind": "folgereaktion",
        "follows": "KRM-2024-0007",
        "channel": "email",
        "via": "direkt",
        "received": "2024-04-02",
        "person": {"name": "Jördis Weiß"},
    },
]


def init(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(path), "init", "--profile", "luebeck"]) == 0
    capsys.readouterr()


def write(path: Path, lines: list[Any]) -> Path:
    text = "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines)
    path.write_text(text, encoding="utf-8")
    return path


def test_import_then_export_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    init(first, capsys)
    source = write(tmp_path / "in.jsonl", LINES)
    assert main(["--db", str(first), "import", "--in", str(source)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"imported": 3}
    assert "3 Fälle übernommen" in err

    exported = tmp_path / "out.jsonl"
    assert main(["--db", str(first), "export", "--out", str(exported)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"exported": 3}
    assert "3 Fälle nach" in err
    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert [line["ref"] for line in lines] == ["KRM-2024-0007", "KRM-2024-0009", "KRM-2024-0008"]
    assert lines[1]["follows"] == "KRM-2024-0007" and lines[0]["person"]["name"] == "Jördis Weiß"
    assert "Jördis" in exported.read_text(encoding="utf-8")

    init(second, capsys)
    assert main(["--db", str(second), "import", "--in", str(exported)]) == 0
    capsys.readouterr()
    again = tmp_path / "again.jsonl"
    assert main(["--db", str(second), "export", "--out", str(again)]) == 0
    assert again.read_bytes() == exported.read_bytes()


def test_bad_file_is_refused_with_line_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "krm.sqlite3"
    init(db, capsys)
    source = write(tmp_path / "in.jsonl", [LINES[0], "nicht json", {**LINES[1], "kind": "lobb"}])
    assert main(["--db", str(db), "import", "--in", str(source)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "Zeile 2: kein gültiges JSON" in err
    assert "Zeile 3, Feld „kind“: Anliegensart: „lobb“ ist unbekannt" in err

    exported = tmp_path / "out.jsonl"
    assert main(["--db", str(db), "export", "--out", str(exported)]) == 0
    assert json.loads(capsys.readouterr().out) == {"exported": 0}
    assert exported.read_text(encoding="utf-8") == ""


def test_bom_file_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "krm.sqlite3"
    init(db, capsys)
    source = tmp_path / "bom.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(LINES[1]).encode() + b"\r\n")
    assert main(["--db", str(db), "import", "--in", str(source)]) == 0
    assert json.loads(capsys.readouterr().out) == {"imported": 1}


def test_missing_file_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "krm.sqlite3"
    init(db, capsys)
    assert main(["--db", str(db), "import", "--in", str(tmp_path / "fehlt.jsonl")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Falscher Aufruf" in err and "gibt es nicht" in err


def test_missing_argument_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "krm.sqlite3"), "export"])
    assert info.value.code == 2
    assert "Falscher Aufruf" in capsys.readouterr().err


def test_missing_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "fehlt.sqlite3"), "export", "--out", str(tmp_path / "x.jsonl")]) == 1
    assert "gibt es nicht" in capsys.readouterr().err


def test_a_failed_export_leaves_the_earlier_file_intact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.sqlite3"
    init(db, capsys)
    long = dict(LINES[0], description="Seit Wochen keine Antwort. " * 200)
    assert main(["--db", str(db), "import", "--in", str(write(tmp_path / "in.jsonl", [long, *LINES[1:]]))]) == 0
    earlier = tmp_path / "G.jsonl"
    earlier.write_text('{"früher": "ausgegeben"}\n', encoding="utf-8")
    capsys.readouterr()
    with file_size_limit(2000):  # the disk fills up while the export is written
        code = main(["--db", str(db), "export", "--out", str(earlier)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert f"Die Datei {earlier} lässt sich nicht schreiben" in err
    assert earlier.read_text(encoding="utf-8") == '{"früher": "ausgegeben"}\n'
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("G.")] == ["G.jsonl"]


def test_a_huge_unknown_key_is_quoted_once_and_short(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "krm.sqlite3"
    init(db, capsys)
    key = "k" * 2_000_000
    source = write(tmp_path / "in.jsonl", [{**LINES[1], key: 1}])
    assert main(["--db", str(db), "import", "--in", str(source)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err) < 1_000
    assert err.count("k" * 80 + "…") == 1 and "k" * 81 not in err
    assert "Unbekanntes Feld" in err


def test_check_reports_an_impossible_timeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    from krm_desktop.model.store.connection import open_store
    from krm_desktop.model.store.entities import Case

    db = tmp_path / "krm.sqlite3"
    init(db, capsys)
    assert main(["--db", str(db), "import", "--in", str(write(tmp_path / "in.jsonl", LINES[:1]))]) == 0
    assert main(["--db", str(db), "check"]) == 0
    capsys.readouterr()
    store = open_store(str(db))
    Case.update(answer_sent=date(2024, 3, 20)).execute()  # after the closing (2024-03-13)
    store.close()
    assert main(["--db", str(db), "check"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["ok"] is False
    assert (
        "KRM-2024-0007: Der Abschluss (13.03.2024) kann nicht vor dem Versand der Antwort (20.03.2024) liegen." in err
    )
