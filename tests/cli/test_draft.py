"""`krm-desktop draft --from F.eml|F.msg|F.pdf`: the proposed case as JSON (DESIGN.md §2); no database touched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.model.exchange.mail.mail_data import OWN, SAMPLES, as_bytes, forwarded, mail, pdf_bytes


def saved(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_a_mail_is_printed_as_the_contract_says(tmp_path: Path, run: Run) -> None:
    message = mail(date="Sun, 31 May 2026 23:30:00 +0000")
    message.add_attachment(b"%PDF-1.4 x", maintype="application", subtype="pdf", filename="Bescheid.pdf")
    message.add_attachment(b"MZ", maintype="application", subtype="octet-stream", filename="tool.exe")
    data = as_bytes(message)
    code, out, err = run("draft", "--from", saved(tmp_path, "m.eml", data))
    assert code == 0, err
    assert out == {
        "channel": "email",
        "received": "2026-06-01",
        "person": {"name": "Jürgen Müller", "email": "j.mueller@example.org"},
        "subject": "Beschwerde über die Bearbeitungsdauer",
        "description": "Sehr geehrte Damen und Herren,\n\nich warte seit acht Wochen auf meinen Bescheid.",
        "attachments": [
            {"name": "Beschwerde über die Bearbeitungsdauer.eml", "bytes": len(data)},
            {"name": "Bescheid.pdf", "bytes": 10},
        ],
        "refused": ["„tool.exe“ weggelassen: eine Programmdatei (.exe), die Windows beim Öffnen ausführen würde."],
        "problems": {},
    }
    assert "tool.exe" in err


def test_no_database_is_touched(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "krm.sqlite3"
    monkeypatch.setenv("KRM_DB", str(tmp_path / "env.sqlite3"))
    code, out, _ = run("--db", str(db), "draft", "--from", saved(tmp_path, "m.eml", as_bytes(mail())))
    assert code == 0 and out["channel"] == "email"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.eml"]


def test_own_addresses_read_a_forwarded_mail_by_its_original(tmp_path: Path, run: Run) -> None:
    original = mail(sender="Erika Beispiel <erika@example.net>", subject="Lob", text="Danke!")
    path = saved(tmp_path, "wg.eml", as_bytes(forwarded(original)))
    code, out, _ = run("draft", "--from", path, "--own-address", "andere@jobcenter.de", "--own-address", OWN)
    assert code == 0
    assert out["person"] == {"name": "Erika Beispiel", "email": "erika@example.net"}
    code, out, _ = run("draft", "--from", path)
    assert out["person"]["email"] == OWN


def test_a_scanned_letter(tmp_path: Path, run: Run) -> None:
    code, out, _ = run("draft", "--from", saved(tmp_path, "Brief.pdf", pdf_bytes()))
    assert code == 0
    assert out["channel"] == "brief" and out["received"] is None
    assert out["description"].startswith("Widerspruch gegen den Bescheid")


def test_an_outlook_msg(tmp_path: Path, run: Run) -> None:
    pytest.importorskip("extract_msg")
    code, out, _ = run("draft", "--from", str(SAMPLES / "attachment_msg_pdf.msg"))
    assert code == 0
    assert out["person"]["email"] == "nick.booth@pof.com.au"
    assert [a["name"] for a in out["attachments"]][-1] == "smbprn.00009008.KdcPjl.pdf"


def test_a_file_that_is_no_mail_exits_1_in_german(tmp_path: Path, run: Run) -> None:
    for name, data in (("bild.eml", bytes(range(256)) * 8), ("leer.eml", b""), ("text.msg", b"Hallo\n")):
        code, out, err = run("draft", "--from", saved(tmp_path, name, data))
        assert code == 1 and out is None
        assert err.startswith(f"„{name}“ ist")
        assert "Traceback" not in err
    code, _, err = run("draft", "--from", str(tmp_path / "fehlt.eml"))
    assert code == 1 and "gibt es nicht" in err


def test_a_100_mb_file_exits_1_unread(tmp_path: Path, run: Run) -> None:
    big = tmp_path / "gross.eml"
    with big.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    code, _, err = run("draft", "--from", str(big))
    assert code == 1 and "zu groß" in err


def test_bad_usage_exits_2(run: Run) -> None:
    code, _, err = run("draft")
    assert code == 2 and "Falscher Aufruf" in err


def test_the_console_command_runs_it(tmp_path: Path) -> None:
    path = saved(tmp_path, "m.eml", as_bytes(mail()))
    done = subprocess.run(
        [sys.executable, "-m", "krm_desktop", "draft", "--from", path], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert '"channel": "email"' in done.stdout and done.stderr == ""
