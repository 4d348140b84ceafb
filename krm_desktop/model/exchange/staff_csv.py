"""The staff list's file (DESIGN.md §2): bytes -> text -> rows of the six columns, each with its line number.

The columns are separated by `;`. The header names them; its order may differ from DESIGN.md's and the names
are matched without regard to case and surrounding blanks. The encoding is decided from the bytes: UTF-8 (with
or without BOM) when they are valid UTF-8, else Windows-1252 (what German Excel writes for "CSV
(Trennzeichen-getrennt)"). UTF-16 ("Unicode-Text") is refused: its text would need guessing, and Excel offers
the two others. A file over MAX_BYTES is refused before it is read.

Excel writes a `;` for every empty cell of its used range, so empty cells beyond the sixth column and lines
of empty cells are taken as empty; a line that has text beyond the header's columns is refused, as is a line
break inside a cell (a person's data is one line each).

File-level faults raise ValidationError at once; line faults are collected (`CsvRows.problems`) so the caller
can name every bad line of the file together with its own checks.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from krm_desktop.model.errors import ValidationError

COLUMNS = ("Name", "Funktion", "Team", "Bereich", "E-Mail", "Telefon")
HEADER = ";".join(COLUMNS)
MAX_BYTES = 5 * 1024 * 1024
MAX_MB = MAX_BYTES // (1024 * 1024)
FILE_KEY = "Datei"
SAVE_AS = "Bitte speichern Sie die Liste in Excel als „CSV (Trennzeichen-getrennt)“ oder „CSV UTF-8“."
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
FORMULA_START = ("=", "+", "-", "@")  # Excel takes such a cell for a formula; the export puts an apostrophe first


@dataclass(frozen=True)
class CsvRow:
    """One line of people data: its line number (the first line is the header) and the six columns' text."""

    line: int
    values: dict[str, str]


@dataclass
class CsvRows:
    rows: list[CsvRow] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)  # "Zeile 4" -> German message naming the line


def refuse(message: str) -> ValidationError:
    return ValidationError({FILE_KEY: message})


def file_bytes(path: Path) -> bytes:
    """The bytes of the file at `path`; a file over MAX_BYTES is refused by its size, before it is read."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise refuse(_too_big(size))
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)  # the file may have grown since
    if len(data) > MAX_BYTES:
        raise refuse(_too_big(len(data)))
    return data


def _too_big(size: int) -> str:
    shown = f"{size / (1024 * 1024):.1f}".replace(".", ",")
    return (
        f"Die Datei ist {shown} MB groß; eine Personalliste darf höchstens {MAX_MB} MB groß sein. "
        "Ist es wirklich die Personalliste?"
    )


def decode(data: bytes) -> str:
    """The text of the file: UTF-8 (the BOM removed) or, where the bytes are no UTF-8, Windows-1252."""
    if len(data) > MAX_BYTES:
        raise refuse(_too_big(len(data)))
    if data.startswith(_UTF16_BOMS) or b"\x00" in data:
        raise refuse(f"Die Datei ist als „Unicode-Text“ (UTF-16) gespeichert; das kann nicht gelesen werden. {SAVE_AS}")
    if data.startswith(_UTF8_BOM):
        try:
            return data[len(_UTF8_BOM) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise refuse(
                f"Zeile {line}: Die Datei ist als UTF-8 gekennzeichnet, enthält hier aber Zeichen in einer anderen "
                f"Kodierung. {SAVE_AS}"
            ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:  # the five bytes Windows-1252 leaves undefined
        line = data[: exc.start].count(b"\n") + 1
        raise refuse(
            f"Zeile {line}: Die Datei enthält Zeichen, die weder UTF-8 noch Windows-1252 sind. {SAVE_AS}"
        ) from exc


def read_rows(data: bytes) -> CsvRows:
    """The people lines of the file, checked for their shape (columns, line breaks); refused as a whole when the
    file is empty, not a CSV with `;`, or its header lacks a column."""
    text = decode(data)
    if not text.strip():
        raise refuse(f"Die Datei ist leer. Erwartet wird die Kopfzeile {HEADER} und darunter eine Zeile je Person.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    result = CsvRows()
    columns: list[str | None] | None = None
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise refuse(
                f"Zeile {line}: Die Anführungszeichen sind nicht paarig gesetzt ({exc}); ab hier lässt sich die "
                "Datei nicht lesen."
            ) from exc
        if columns is None:
            if not any(cell.strip() for cell in cells):
                continue  # blank lines before the header
            columns = _columns(cells, line)
            continue
        if not any(cell.strip() for cell in cells):
            continue  # an empty line, or one of Excel's ";;;;;"
        row = _row(cells, columns, line, result.problems)
        if row is not None:
            result.rows.append(row)
    if not result.rows and not result.problems:
        raise refuse("Die Datei enthält nur die Kopfzeile und keine Person. Bitte eine Zeile je Person eintragen.")
    return result


def _columns(cells: list[str], line: int) -> list[str | None]:
    """Which column each cell of the header is (None: an empty cell Excel added); refused when not the six."""
    separator = next((name for sign, name in (("\t", "Tabulatoren"), (",", "Kommas")) if sign in cells[0]), None)
    if len(cells) == 1 and separator:
        raise refuse(
            f"Zeile {line}: Die Spalten sind mit {separator} statt mit Semikolons (;) getrennt. Erwartet wird die "
            f"Kopfzeile {HEADER}. {SAVE_AS}"
        )
    known = {name.casefold(): name for name in COLUMNS}
    columns: list[str | None] = []
    for cell in cells:
        name = " ".join(cell.split())
        if not name:
            columns.append(None)
            continue
        column = known.get(name.casefold())
        if column is None:
            raise refuse(
                f"Zeile {line}: Unbekannte Spalte „{name[:60]}“ in der Kopfzeile. Erwartet wird die Kopfzeile {HEADER}."
            )
        if column in columns:
            raise refuse(f"Zeile {line}: Die Spalte „{column}“ steht zweimal in der Kopfzeile.")
        columns.append(column)
    missing = [name for name in COLUMNS if name not in columns]
    if missing:
        names = ", ".join(f"„{name}“" for name in missing)
        what = "Die Spalte" if len(missing) == 1 else "Die Spalten"
        verb = "fehlt" if len(missing) == 1 else "fehlen"
        raise refuse(f"Zeile {line}: {what} {names} {verb} in der Kopfzeile. Erwartet wird {HEADER}.")
    return columns


def _row(cells: list[str], columns: list[str | None], line: int, problems: dict[str, str]) -> CsvRow | None:
    extra = [cell for cell in cells[len(columns) :] if cell.strip()]
    extra += [cell for cell, column in zip(cells, columns, strict=False) if column is None and cell.strip()]
    if extra:
        problems[f"Zeile {line}"] = (
            f"Zeile {line}: Die Zeile hat mehr Spalten als die Kopfzeile (zusätzlich „{extra[0][:40]}“). "
            "Steht ein Semikolon im Namen oder fehlen Anführungszeichen?"
        )
        return None
    values = dict.fromkeys(COLUMNS, "")
    for cell, column in zip(cells, columns, strict=False):
        if column is None:
            continue
        if "\n" in cell or "\r" in cell:
            problems[f"Zeile {line}"] = (
                f"Zeile {line}, {column}: Die Zelle enthält einen Zeilenumbruch. Jede Person steht in einer "
                "Zeile; bitte den Umbruch in Excel entfernen."
            )
            return None
        values[column] = _unescaped(cell.strip())
    return CsvRow(line, values)


def _unescaped(text: str) -> str:
    """A cell as the export wrote it: the apostrophe that keeps Excel from a formula is not part of the value."""
    return text[1:] if text.startswith("'") and text[1:2] in FORMULA_START else text
