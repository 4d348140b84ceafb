"""Attachment names as the database may hold them (written into the shared file by anyone): reduced to a safe
base name under Windows' rules too; file types that run code on Windows refused when added."""

from __future__ import annotations

from pathlib import Path

import pytest

from krm_desktop.model.cases import attachments as a
from krm_desktop.model.cases.attachment_names import RUNS_CODE, runs_code, safe_name
from krm_desktop.model.errors import ValidationError
from tests import factories as f
from tests.model.cases.test_attachments import PDF

# (stored name, the safe base name)
BAD_NAMES = [
    ("../../ausserhalb.pdf", "ausserhalb.pdf"),
    ("..\\..\\ausserhalb.pdf", "ausserhalb.pdf"),
    ("/etc/krm-ausserhalb.pdf", "krm-ausserhalb.pdf"),
    ("C:\\Windows\\Temp\\ausserhalb.pdf", "ausserhalb.pdf"),
    ("C:ausserhalb.pdf", "ausserhalb.pdf"),
    ("\\\\server\\freigabe\\ausserhalb.pdf", "ausserhalb.pdf"),
    ("..", "Anlage"),
    (".", "Anlage"),
    ("", "Anlage"),
    ("CON", "_CON"),
    ("NUL.pdf", "_NUL.pdf"),
    ("com1.txt", "_com1.txt"),
    ("Lpt9.tar.gz", "_Lpt9.tar.gz"),
    ("aux", "_aux"),
    ("PRN.eml", "_PRN.eml"),
    ("COM0.pdf", "_COM0.pdf"),
    ("con .txt", "_con .txt"),
    ("Brief.pdf.", "Brief.pdf"),
    ("Brief.pdf ", "Brief.pdf"),
    ("Brief.pdf . .", "Brief.pdf"),
    ('Antwort: "Beschwerde"?<>|*.eml', "Antwort_ _Beschwerde______.eml"),
    ("Zeile\u0007\n.pdf", "Zeile__.pdf"),
    ("rechnung\u202efdp.exe", "rechnung_fdp.exe"),  # the right-to-left override that hides ".exe"
    ("B" * 200 + ".pdf", "B" * (a.MAX_NAME - 4) + ".pdf"),
]


@pytest.mark.parametrize(("stored", "safe"), BAD_NAMES)
def test_a_bad_stored_name_is_reduced_to_a_safe_base_name(stored: str, safe: str) -> None:
    assert safe_name(stored) == safe
    assert safe_name(safe) == safe  # a safe name stays as it is


def test_good_names_stay() -> None:
    for name in ("Brief vom 02.11.2026.pdf", "Foto Aushang.PNG", "Mail der Kundin.eml", "Äußerung (2).docx"):
        assert safe_name(name) == name


@pytest.mark.parametrize(
    "name",
    ["x.exe", "x.BAT", "x.cmd", "x.com", "x.scr", "x.pif", "x.msi", "x.msc", "x.js", "x.jse", "x.vbs", "x.vbe",
     "x.wsf", "x.wsh", "x.ps1", "x.hta", "x.cpl", "x.chm", "x.lnk", "x.url", "x.reg", "x.inf", "x.appref-ms",
     "x.settingcontent-ms", "x.iso", "x.img", "Brief.pdf.exe", "Brief.exe.", "Brief.lnk  ", "a/b.exe"],
)  # fmt: skip
def test_types_that_run_code_are_known(name: str) -> None:
    assert runs_code(name)


def test_documents_do_not_run_code() -> None:
    assert not any(runs_code(n) for n in ("Brief.pdf", "scan.tif", "mail.eml", "exe.pdf", "lnk", "Brief"))
    assert all(s.startswith(".") and s == s.lower() for s in RUNS_CODE)


@pytest.mark.parametrize(("name", "kind"), [("rechnung.pdf.exe", ".exe"), ("Verknüpfung Brief.lnk", ".lnk"),
                                            ("Scan.ISO", ".iso"), ("setup.exe.", ".exe")])  # fmt: skip
def test_a_file_that_runs_code_is_refused_when_added(store, tmp_path: Path, name: str, kind: str) -> None:
    case = f.register()
    path = tmp_path / name.rstrip(".")
    path.write_bytes(b"MZ\x90\x00")
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        a.add_file(case.id, path, today=f.TODAY, user=f.USER)
    message = caught.value.errors["filename"]
    assert kind in message and "Programm" in message and "nicht als Anlage" in message
    with pytest.raises(ValidationError) as caught:
        a.add_attachment(case.id, name, b"MZ", today=f.TODAY, user=f.USER)
    assert kind in caught.value.errors["filename"]
    assert f.snapshot() == before


@pytest.mark.parametrize("name", ["CON.pdf", "nul", "Brief.pdf.", "Brief.pdf. ", "com1.txt"])
def test_a_windows_device_name_or_trailing_dot_is_refused_when_added(store, name: str) -> None:
    case = f.register()
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        a.add_attachment(case.id, name, PDF, today=f.TODAY, user=f.USER)
    assert "Windows" in caught.value.errors["filename"]
    assert f.snapshot() == before
