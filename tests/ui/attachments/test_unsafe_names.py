"""Attachment names written into the shared file by hand or by another program: "Öffnen" and "Speichern unter"
use a safe base name and write only into the private folder or the folder the person chose; a stored file type
that runs code on Windows is never opened, only saved (with a German hint)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from krm_desktop.model.store.entities import Attachment, Case
from krm_desktop.ui.attachments import panel as panel_module
from krm_desktop.ui.attachments.panel import AttachmentsPanel
from tests.model.cases.test_attachments import PDF

TAG = "i16-ausserhalb"  # fixed: test ids must be the same in every pytest-xdist worker
# (stored name, the safe base name the copy gets)
BAD_NAMES = [
    (f"../../krm-{TAG}-a.pdf", f"krm-{TAG}-a.pdf"),
    (f"..\\..\\krm-{TAG}-b.pdf", f"krm-{TAG}-b.pdf"),
    ("ABSOLUTE", f"krm-{TAG}-c.pdf"),
    ("CON", "_CON"),
    ("NUL.pdf", "_NUL.pdf"),
    ("com1.txt", "_com1.txt"),
    ("LPT1.eml", "_LPT1.eml"),
    ("Brief.pdf.", "Brief.pdf"),
    ("Brief2.pdf ", "Brief2.pdf"),
    ('Antwort: "A"?.eml', "Antwort_ _A__.eml"),
    ("..", "Anlage"),
]


def stored(case: Case, name: str, data: bytes = PDF) -> None:
    """A row as another program could have written it into the shared file: no check on the way in."""
    Attachment.create(case=case.id, filename=name, mime="application/pdf", added=datetime(2026, 11, 20), added_by="x",
                      data=data)  # fmt: skip


def choose_only_row(panel: AttachmentsPanel) -> None:
    panel.reload()
    assert panel.tree.topLevelItemCount() == 1
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))


def stored_and_chosen(panel: AttachmentsPanel, case: Case, tmp_path: Path, name: str, safe: str) -> Path:
    """The bad name stored and its row chosen; returns the folder nothing may be written into."""
    outside = tmp_path / "ausserhalb"
    outside.mkdir()
    stored(case, str(outside / safe) if name == "ABSOLUTE" else name)
    choose_only_row(panel)
    return outside


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(("name", "safe"), BAD_NAMES)
def test_open_writes_the_safe_name_into_the_private_folder_only(
    qtbot, panel: AttachmentsPanel, case: Case, tmp_path: Path, monkeypatch, name: str, safe: str
) -> None:
    outside = stored_and_chosen(panel, case, tmp_path, name, safe)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    private = panel_module.private_folder()
    copy = panel.open_selected()
    assert copy is not None and len(opened) == 1 and Path(opened[0].toLocalFile()) == copy
    assert copy.name == safe and copy.parent.parent == private and copy.read_bytes() == PDF
    assert files_under(outside) == set()
    assert not (private.parent / safe).exists() and not (private / safe).exists()
    assert panel.tree.topLevelItem(0).text(0) == safe  # the list shows the name the copy gets


@pytest.mark.parametrize(("name", "safe"), BAD_NAMES)
def test_save_proposes_the_safe_name_in_the_home_folder(
    qtbot, panel: AttachmentsPanel, case: Case, tmp_path: Path, monkeypatch, name: str, safe: str
) -> None:
    outside = stored_and_chosen(panel, case, tmp_path, name, safe)
    chosen = tmp_path / "gewaehlt"
    chosen.mkdir()
    proposed: list[Path] = []

    def ask(*args, **kwargs):
        proposed.append(Path(args[2]))
        return str(chosen / Path(args[2]).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    panel.save_selected()
    assert proposed == [Path.home() / safe]
    assert files_under(outside) == set() and files_under(chosen) == {chosen / safe}
    assert (chosen / safe).read_bytes() == PDF


@pytest.mark.parametrize(
    "name", ["rechnung.pdf.exe", "Brief.lnk", "setup.EXE.", "Anleitung.chm", "x.settingcontent-ms"]
)
def test_a_stored_program_file_is_never_opened_only_saved(
    qtbot, panel: AttachmentsPanel, case: Case, tmp_path: Path, monkeypatch, name: str
) -> None:
    stored(case, name, b"MZ\x90\x00")
    choose_only_row(panel)
    assert not panel.open_button.isEnabled() and panel.save_button.isEnabled()
    assert "Speichern unter" in panel.open_button.toolTip()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    private = panel_module.private_folder()
    before = files_under(private)
    assert panel.open_selected() is None  # Enter on the row, or a double click, asks the same
    assert opened == [] and files_under(private) == before
    message = panel.error.text()
    assert panel.error.isVisible() and "nicht geöffnet" in message and "Speichern unter" in message
    assert panel.save_selected_to(tmp_path / "kopie.bin") and (tmp_path / "kopie.bin").read_bytes() == b"MZ\x90\x00"
