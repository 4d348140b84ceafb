"""Attachments (Anlagen) of a case: scanned letters, PDFs, images, e-mails (.eml/.msg) kept in the database.

They belong to the case: the purge removes them with its personal data (retention.py lists the attachment
table among the personal children) and the Auskunft lists them. Every addition and removal is a history
entry. The checks are pure functions returning German messages; reading a file from disk is refused with a
message, never with a raw OSError.
"""

from __future__ import annotations

import mimetypes
import os
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path, PurePath
from typing import Any, cast

from peewee import fn

from krm_desktop.model import validation as v
from krm_desktop.model.cases.attachment_names import MAX_NAME, code_suffix, is_device_name
from krm_desktop.model.cases.writes import log
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import OfficeProfile, has_profile, load_profile
from krm_desktop.model.store.entities import Attachment, Case
from krm_desktop.model.store.transactions import write_transaction

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: a scanned letter of many pages, or an e-mail with the usual mail size limit

ADDED = "attachment_added"
REMOVED = "attachment_removed"

# Extension -> (MIME type, German type name). Fixed here rather than from the system's registry, so the
# list says the same on every workstation.
KNOWN_TYPES: dict[str, tuple[str, str]] = {
    ".pdf": ("application/pdf", "PDF-Dokument"),
    ".png": ("image/png", "Bild (PNG)"),
    ".jpg": ("image/jpeg", "Bild (JPEG)"),
    ".jpeg": ("image/jpeg", "Bild (JPEG)"),
    ".tif": ("image/tiff", "Scan (TIFF)"),
    ".tiff": ("image/tiff", "Scan (TIFF)"),
    ".gif": ("image/gif", "Bild (GIF)"),
    ".bmp": ("image/bmp", "Bild (BMP)"),
    ".webp": ("image/webp", "Bild (WebP)"),
    ".heic": ("image/heic", "Foto (HEIC)"),
    ".eml": ("message/rfc822", "E-Mail"),
    ".msg": ("application/vnd.ms-outlook", "E-Mail (Outlook)"),
    ".txt": ("text/plain", "Textdatei"),
    ".rtf": ("application/rtf", "Textdokument"),
    ".odt": ("application/vnd.oasis.opendocument.text", "Textdokument"),
    ".doc": ("application/msword", "Word-Dokument"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-Dokument"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-Tabelle"),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", "Tabelle"),
}
_FORBIDDEN_NAME_CHARACTERS = set('/\\:*?"<>|')


# Issue 19: an office whose profile keeps no scans of the cards (Pankow) attaches nothing to a Meinungskarte.
NO_CARD_ATTACHMENTS = (
    "Meinungskarten werden in dieser Dienststelle nicht archiviert: an eine Meinungskarte werden keine Scans oder "
    "anderen Anlagen angefügt. Der Inhalt der Karte steht in Stichworten im Fall (Einstellungen → Fristen und "
    "Regeln → Ablage und Vermerke)."
)


def card_attachment_refusal(kind: str, profile: OfficeProfile | None) -> str | None:
    """Why nothing may be attached to a case of this kind under this profile (German), or None."""
    if kind == "meinungskarte" and profile is not None and not profile.card_attachments:
        return NO_CARD_ATTACHMENTS
    return None


def adding_refusal(case_id: int) -> str | None:
    """Why nothing may be attached to this case under the stored profile, or None (the panel says it beforehand)."""
    case = Case.get_or_none(Case.id == case_id)
    return card_attachment_refusal(case.kind, _stored_profile()) if case is not None else None


def _stored_profile() -> OfficeProfile | None:
    return load_profile() if has_profile() else None


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    case_id: int
    filename: str
    mime: str
    size: int
    added: date
    added_by: str

    @property
    def type_label(self) -> str:
        return type_label(self.filename, self.mime)

    @property
    def size_text(self) -> str:
        return format_size(self.size)


def _suffix(filename: str) -> str:
    return PurePath(filename).suffix.lower()


def mime_for(filename: str) -> str:
    known = KNOWN_TYPES.get(_suffix(filename))
    if known:
        return known[0]
    guessed, _ = mimetypes.guess_type(filename, strict=False)
    return guessed or "application/octet-stream"


def type_label(filename: str, mime: str = "") -> str:
    program = code_suffix(filename)
    if program:
        return f"Programmdatei ({program[1:].upper()})"
    known = KNOWN_TYPES.get(_suffix(filename))
    if known:
        return known[1]
    if mime.startswith("image/"):
        return "Bild"
    suffix = _suffix(filename)
    return f"Datei ({suffix[1:].upper()})" if suffix else "Datei"


def format_size(size: int) -> str:
    """German size text: 312 Byte, 48 KB, 1,4 MB."""
    if size < 1024:
        return f"{size} Byte"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    megabytes = f"{size / (1024 * 1024):.1f}".removesuffix(".0")
    return f"{megabytes.replace('.', ',')} MB"


def name_problem(filename: str) -> str | None:
    name = filename.strip()
    if not name:
        return "Die Datei hat keinen Namen; bitte benennen Sie sie vor dem Hinzufügen."
    if len(name) > MAX_NAME:
        return (
            f"Der Dateiname ist mit {len(name)} Zeichen zu lang (höchstens {MAX_NAME}). Bitte benennen Sie die "
            "Datei kürzer und fügen Sie sie dann erneut hinzu."
        )
    bad = sorted(_FORBIDDEN_NAME_CHARACTERS.intersection(name))
    if bad:
        return f"Der Dateiname „{name}“ enthält unzulässige Zeichen ({' '.join(bad)}); bitte umbenennen."
    problem = v.text_problem(name, "Der Dateiname", max_len=MAX_NAME, multiline=False)
    if problem:
        return problem
    program = code_suffix(name)
    if program:
        return (
            f"„{name}“ ist eine Programmdatei ({program}). Dateien dieser Art werden nicht als Anlage "
            "angenommen, weil Windows sie beim Öffnen ausführen würde. Bitte als PDF oder Bild ablegen."
        )
    if is_device_name(name):
        return (
            f"„{name}“ ist unter Windows ein Gerätename (wie CON, NUL, COM1, LPT1) und lässt sich dort nicht "
            "als Datei speichern; bitte umbenennen."
        )
    if name.endswith((".", " ")):
        return f"„{name}“ endet auf einen Punkt; Windows würde ihn weglassen. Bitte umbenennen."
    return None


def size_problem(filename: str, size: int) -> str | None:
    if size == 0:
        return f"„{filename}“ ist leer (0 Byte). Bitte prüfen Sie den Scan oder die gespeicherte Datei."
    if size > MAX_BYTES:
        return (
            f"„{filename}“ ist mit {format_size(size)} zu groß: erlaubt sind höchstens {format_size(MAX_BYTES)} "
            "je Anlage. Bitte scannen Sie mit geringerer Auflösung (z. B. 200 dpi, Graustufen) oder teilen Sie "
            "die Datei."
        )
    return None


def attachment_problems(filename: str, size: int) -> dict[str, str]:
    """Every problem of a file to attach, field -> German message (name and content)."""
    errors: dict[str, str] = {}
    problem = name_problem(filename)
    if problem:
        errors["filename"] = problem
    problem = size_problem(filename.strip(), size)
    if problem:
        errors["file"] = problem
    return errors


def read_file(path: Path) -> tuple[str, bytes]:
    """(file name, content) of a file on disk, checked before and after reading; German refusals."""
    name = path.name
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ValidationError({"file": f"Die Datei {path} gibt es nicht (mehr)."}) from None
    except OSError as exc:
        raise ValidationError({"file": f"Die Datei {path} lässt sich nicht lesen: {_reason(exc)}."}) from None
    if path.is_dir():
        raise ValidationError({"file": f"„{name}“ ist ein Ordner. Bitte die Dateien darin einzeln hinzufügen."})
    errors = attachment_problems(name, info.st_size)  # before reading: a 2 GB file is refused unread
    if errors:
        raise ValidationError(errors)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError({"file": f"Die Datei {path} lässt sich nicht lesen: {_reason(exc)}."}) from None
    errors = attachment_problems(name, len(data))  # it may have changed meanwhile
    if errors:
        raise ValidationError(errors)
    return name, data


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "keine Berechtigung (bitte die IT fragen oder die Datei zuerst auf den eigenen Rechner kopieren)"
    if exc.errno is not None:
        return f"{os.strerror(exc.errno)} (Fehler {exc.errno})"
    return str(exc)


def _stamp(today: date) -> datetime:
    return datetime.combine(today, time.min)


def _case_for_change(case_id: int) -> Case:
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise RefusedError("Diese Kundenreaktion gibt es nicht mehr (gelöscht).")
    if case.anonymised:
        raise RefusedError(f"{case.ref} ist anonymisiert; Anlagen werden nicht mehr abgelegt oder geändert.")
    return case


def _info(row: Any) -> AttachmentInfo:
    att_id, case_id, filename, mime, added, added_by, size = row
    added_day = added.date() if isinstance(added, datetime) else datetime.fromisoformat(str(added)).date()
    return AttachmentInfo(att_id, case_id, filename, mime, int(size or 0), added_day, added_by)


def _columns() -> tuple[Any, ...]:
    return (
        Attachment.id,
        Attachment.case,
        Attachment.filename,
        Attachment.mime,
        Attachment.added,
        Attachment.added_by,
        fn.LENGTH(Attachment.data),
    )


def add_attachment(
    case_id: int, filename: str, data: bytes, *, today: date, user: str, profile: OfficeProfile | None = None
) -> AttachmentInfo:
    """Attach the content under its file name; the history notes it. Refused: bad name, empty, too large,
    a program file, the very same file already attached, an anonymised or deleted case, a Meinungskarte where the
    profile (the stored one unless given) keeps no attachments on cards."""
    filename = filename.strip()
    errors = attachment_problems(filename, len(data))
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        case = _case_for_change(case_id)
        if refusal := card_attachment_refusal(case.kind, profile or _stored_profile()):
            raise RefusedError(refusal)
        same = cast(
            Any,
            Attachment.select(Attachment.data, Attachment.added).where(
                (Attachment.case == case.id)
                & (Attachment.filename == filename)
                & (fn.LENGTH(Attachment.data) == len(data))
            ),
        )
        for twin in same:
            if bytes(twin.data) == data:
                raise ValidationError(
                    {"file": f"„{filename}“ ist bereits als Anlage vorhanden (beigefügt am {twin.added:%d.%m.%Y})."}
                )
        mime = mime_for(filename)
        row = Attachment.create(
            case=case.id, filename=filename, mime=mime, added=_stamp(today), added_by=user, data=data
        )
        text = f"Anlage beigefügt: {filename} ({type_label(filename, mime)}, {format_size(len(data))})."
        log(case.id, ADDED, text, today, user)
    return AttachmentInfo(row.id, case.id, filename, mime, len(data), today, user)


def add_file(case_id: int, path: Path, *, today: date, user: str) -> AttachmentInfo:
    name, data = read_file(path)
    return add_attachment(case_id, name, data, today=today, user=user)


def attachments_of(case_id: int) -> list[AttachmentInfo]:
    """The case's attachments in the order they were added, without loading their content."""
    rows = cast(Any, Attachment.select(*_columns()).where(Attachment.case == case_id).order_by(Attachment.id).tuples())
    return [_info(row) for row in rows]


def attachment_data(attachment_id: int) -> tuple[AttachmentInfo, bytes]:
    row = Attachment.get_or_none(Attachment.id == attachment_id)
    if row is None:
        raise RefusedError("Diese Anlage gibt es nicht mehr (entfernt oder gelöscht).")
    data = bytes(row.data)
    info = AttachmentInfo(
        row.id, cast(Any, row).case_id, row.filename, row.mime, len(data), row.added.date(), row.added_by
    )
    return info, data


def remove_attachment(attachment_id: int, *, today: date, user: str) -> AttachmentInfo:
    """Remove an attachment; the history keeps that it was there and who removed it."""
    with write_transaction():
        row = cast(Any, Attachment.select(*_columns()).where(Attachment.id == attachment_id).tuples().first())
        if row is None:
            raise RefusedError("Diese Anlage gibt es nicht mehr (entfernt oder gelöscht).")
        info = _info(row)
        case = _case_for_change(info.case_id)
        Attachment.delete().where(Attachment.id == attachment_id).execute()
        log(case.id, REMOVED, f"Anlage entfernt: {info.filename} ({info.type_label}, {info.size_text}).", today, user)
    return info
