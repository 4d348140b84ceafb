"""Attachments through the real service on a real SQLite file: added from files, listed, read back byte for
byte, removed with a history entry; every bad file refused with a German message and the database unchanged;
and they go with the case (purge, Auskunft)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from krm_desktop.documents.auskunft.sections import gather
from krm_desktop.model.cases import attachments as a
from krm_desktop.model.cases.closing import close
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.persons.search import PersonQuery, find_persons
from krm_desktop.model.retention.purge import execute_purge, vacuum_store
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.store.entities import Attachment, Event
from tests import factories as f

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\x00" * 16
EML = (
    b"From: erika@example.org\r\nTo: krm@jobcenter.example\r\nSubject: Beschwerde Wartezeit\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n\r\nSehr geehrte Damen und Herren, ich warte seit Wochen.\r\n"
)
MSG = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504  # the OLE header every Outlook .msg starts with


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.fixture
def case(store):
    return f.register()


def refused(case_id: int, path: Path) -> dict[str, str]:
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        a.add_file(case_id, path, today=f.TODAY, user=f.USER)
    assert f.snapshot() == before
    return caught.value.errors


def test_files_of_every_kind_are_kept_listed_and_read_back(case, tmp_path: Path) -> None:
    files = {
        "Brief Scan 2026-11-02.pdf": (PDF, "application/pdf", "PDF-Dokument"),
        "Foto Aushang.PNG": (PNG, "image/png", "Bild (PNG)"),
        "Mail der Kundin.eml": (EML, "message/rfc822", "E-Mail"),
        "Weiterleitung.msg": (MSG, "application/vnd.ms-outlook", "E-Mail (Outlook)"),
    }
    for name, (data, _, _) in files.items():
        a.add_file(case.id, write(tmp_path, name, data), today=date(2026, 11, 19), user="petra.krause")
    listed = a.attachments_of(case.id)
    assert [i.filename for i in listed] == list(files)
    for info, (name, (data, mime, label)) in zip(listed, files.items(), strict=True):
        assert (info.mime, info.type_label, info.size) == (mime, label, len(data))
        assert (info.added, info.added_by, info.case_id) == (date(2026, 11, 19), "petra.krause", case.id)
        stored, content = a.attachment_data(info.id)
        assert content == data and stored.filename == name
    texts = [e.text for e in Event.select().where(Event.action == a.ADDED).order_by(Event.id)]
    assert texts[0] == f"Anlage beigefügt: Brief Scan 2026-11-02.pdf (PDF-Dokument, {len(PDF)} Byte)."
    assert texts[2].startswith("Anlage beigefügt: Mail der Kundin.eml (E-Mail, ")
    added = Event.select().where(Event.action == a.ADDED)
    assert {(e.actor, e.on_day) for e in added} == {("petra.krause", date(2026, 11, 19))}


def test_remove_keeps_a_history_entry(case, tmp_path: Path) -> None:
    info = a.add_file(case.id, write(tmp_path, "scan.pdf", PDF), today=f.TODAY, user=f.USER)
    other = a.add_file(case.id, write(tmp_path, "foto.png", PNG), today=f.TODAY, user=f.USER)
    removed = a.remove_attachment(info.id, today=f.TODAY, user="anna.berg")
    assert removed.filename == "scan.pdf"
    assert [i.id for i in a.attachments_of(case.id)] == [other.id]
    event = Event.select().where(Event.action == a.REMOVED).get()
    assert (event.actor, event.text) == ("anna.berg", f"Anlage entfernt: scan.pdf (PDF-Dokument, {len(PDF)} Byte).")
    with pytest.raises(RefusedError, match="gibt es nicht mehr"):
        a.remove_attachment(info.id, today=f.TODAY, user=f.USER)
    with pytest.raises(RefusedError, match="gibt es nicht mehr"):
        a.attachment_data(info.id)


def test_an_empty_file_is_refused(case, tmp_path: Path) -> None:
    errors = refused(case.id, write(tmp_path, "leer.pdf", b""))
    assert errors == {"file": "„leer.pdf“ ist leer (0 Byte). Bitte prüfen Sie den Scan oder die gespeicherte Datei."}


def test_a_file_above_the_limit_is_refused_unread_and_one_at_the_limit_is_kept(case, tmp_path: Path) -> None:
    big = tmp_path / "scan 600 dpi.tif"
    with big.open("wb") as out:
        out.truncate(a.MAX_BYTES + 1)  # sparse: nothing to write
    errors = refused(case.id, big)
    assert errors["file"].startswith(
        "„scan 600 dpi.tif“ ist mit 20 MB zu groß: erlaubt sind höchstens 20 MB je Anlage."
    )
    assert "geringerer Auflösung" in errors["file"]
    with big.open("r+b") as out:
        out.truncate(a.MAX_BYTES)
    assert a.add_file(case.id, big, today=f.TODAY, user=f.USER).size == a.MAX_BYTES


def test_missing_files_and_folders_are_refused(case, tmp_path: Path) -> None:
    gone = tmp_path / "weg.pdf"
    assert refused(case.id, gone) == {"file": f"Die Datei {gone} gibt es nicht (mehr)."}
    folder = tmp_path / "Scans"
    folder.mkdir()
    assert refused(case.id, folder) == {"file": "„Scans“ ist ein Ordner. Bitte die Dateien darin einzeln hinzufügen."}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_refused(case, tmp_path: Path) -> None:
    path = write(tmp_path, "gesperrt.pdf", PDF)
    path.chmod(0)
    errors = refused(case.id, path)
    assert "lässt sich nicht lesen: keine Berechtigung" in errors["file"]


def test_names_too_long_with_bad_characters_or_of_programs_are_refused(case, tmp_path: Path) -> None:
    long_name = "B" * (a.MAX_NAME - 3) + ".pdf"  # 151 characters: fits the disk, not the Windows path limit
    errors = refused(case.id, write(tmp_path, long_name, PDF))
    assert errors == {
        "filename": f"Der Dateiname ist mit 151 Zeichen zu lang (höchstens {a.MAX_NAME}). Bitte benennen Sie "
        "die Datei kürzer und fügen Sie sie dann erneut hinzu."
    }
    exact = "C" * (a.MAX_NAME - 4) + ".pdf"
    assert a.add_file(case.id, write(tmp_path, exact, PDF), today=f.TODAY, user=f.USER).filename == exact
    errors = refused(case.id, write(tmp_path, "rechnung.pdf.exe", b"MZ\x90\x00"))
    assert errors["filename"].startswith("„rechnung.pdf.exe“ ist eine Programmdatei (.exe).")
    before = f.snapshot()
    for name, expected in (
        ("Antwort: Beschwerde?.eml", "enthält unzulässige Zeichen (: ?)"),
        ("   ", "Die Datei hat keinen Namen"),
        ("Zeile\u0007.pdf", "Steuerzeichen (U+0007)"),
    ):
        with pytest.raises(ValidationError) as caught:
            a.add_attachment(case.id, name, PDF, today=f.TODAY, user=f.USER)
        assert expected in caught.value.errors["filename"]
    assert f.snapshot() == before


def test_the_same_file_twice_is_refused_a_changed_one_is_kept(case, tmp_path: Path) -> None:
    path = write(tmp_path, "scan.pdf", PDF)
    a.add_file(case.id, path, today=date(2026, 11, 18), user=f.USER)
    assert refused(case.id, path) == {"file": "„scan.pdf“ ist bereits als Anlage vorhanden (beigefügt am 18.11.2026)."}
    path.write_bytes(PDF + b"% zweite Seite\n")
    a.add_file(case.id, path, today=f.TODAY, user=f.USER)
    assert len(a.attachments_of(case.id)) == 2


def test_a_deleted_case_takes_no_attachments(case, tmp_path: Path) -> None:
    before = f.snapshot()
    with pytest.raises(RefusedError, match="gibt es nicht mehr"):
        a.add_attachment(case.id + 99, "scan.pdf", PDF, today=f.TODAY, user=f.USER)
    assert f.snapshot() == before


MARKED_NAME = "Brief Zorwalkine.pdf"
MARKED_CONTENT = PDF + b"Inhalt Quendrastok\n"


def closed_case_with_attachment(tmp_path: Path, kind: str = "lob") -> tuple[int, int]:
    registered = f.register(kind=kind, received=date(2022, 3, 1))
    path = write(tmp_path, MARKED_NAME, MARKED_CONTENT)
    info = a.add_file(registered.id, path, today=date(2022, 3, 2), user=f.USER)
    day = date(2022, 3, 9)
    signer = f.staff("Petra Krause", "KRM").id
    close(
        registered.id,
        version=registered.version,
        closed_on=day,
        today=day,
        user=f.USER,
        signed_by=signer,
        answer_sent=day,
    )
    return registered.id, info.id


@pytest.mark.sqlite_only
def test_the_purge_takes_attachments_with_the_personal_data(store, case, tmp_path: Path) -> None:
    case_id, attachment_id = closed_case_with_attachment(tmp_path)
    assert b"Quendrastok" in store.path.read_bytes()  # the control: the content is in the file before
    plan = plan_purge(date(2024, 12, 31))
    assert [c.case_id for c in plan.cases] == [case_id]
    execute_purge(plan, today=date(2025, 1, 5), user=f.USER)
    assert vacuum_store()
    stored = store.path.read_bytes()
    assert b"Quendrastok" not in stored and b"Zorwalkine" not in stored  # name (also of the history) and content
    assert Attachment.get_or_none(Attachment.id == attachment_id) is None
    assert a.attachments_of(case_id) == []
    with pytest.raises(RefusedError, match="anonymisiert"):
        a.add_attachment(case_id, "nachtrag.pdf", PDF, today=date(2025, 1, 6), user=f.USER)
    removed_text = Event.select().where((Event.case == case_id) & (Event.action == a.ADDED)).get().text
    assert "Zorwalkine" not in removed_text  # the history keeps only a neutral entry


def test_the_auskunft_lists_the_attachments_of_the_person(case, tmp_path: Path) -> None:
    a.add_file(case.id, write(tmp_path, "Brief der Kundin.pdf", PDF), today=f.TODAY, user="petra.krause")
    person = find_persons(PersonQuery(text="Erika Mustermann")).persons[0]
    content = gather(person, f.TODAY)
    section = next(s for s in content.cases[0].sections if s.title == "Anlagen (Liste)")
    assert [item.text for item in section.items] == ["Brief der Kundin.pdf (PDF-Dokument), beigefügt von petra.krause"]


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 Byte"),
        (1023, "1023 Byte"),
        (1024, "1 KB"),
        (48_900, "48 KB"),
        (1_468_006, "1,4 MB"),
        (20 * 1024 * 1024, "20 MB"),
    ],
)
def test_sizes_read_in_german(size: int, text: str) -> None:
    assert a.format_size(size) == text
