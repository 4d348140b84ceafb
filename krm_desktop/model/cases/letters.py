"""Letters kept in the case, and the text blocks they are made of (Qt-free services).

Text blocks are templates with placeholders in braces: ``{eingangsdatum}``. A literal brace is written
twice (``{{`` / ``}}``). Only the placeholders of `PLACEHOLDERS` are allowed; a block with another one
is refused with a German message that names it. Defaults ship in ``resources/text_blocks/*.json``; the
database holds the office's edited versions (optimistic `version`), so a shipped default is used until
someone saves the block.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from typing import Any, cast

from peewee import fn

from krm_desktop.model import validation as v
from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.store.entities import Case, Event, Letter, TextBlock
from krm_desktop.model.store.transactions import write_transaction
from krm_desktop.resources import resource_path

DOC_TYPES: dict[str, str] = {
    "eingangsbestaetigung": "Eingangsbestätigung",
    "eingang-tl": "Eingangsbestätigung des Teams (Eingang TL)",
    "zwischennachricht": "Zwischennachricht",
    "antwort": "Antwortschreiben",
    "entscheidung-dab": "Entscheidung über die Dienstaufsichtsbeschwerde",
    "stellungnahme": "Stellungnahme",
    "verfuegungsblatt": "Verfügungsblatt",
    "verzicht": "Verzicht auf schriftliche Antwort",
    "aktenvermerk": "Aktenvermerk",
    "vermerk-everbis": "Vermerk für E-Akte/VerBIS",  # issue 19: benefit- or placement-relevant facts
}

# name -> what it stands for (shown next to the text block editor).
PLACEHOLDERS: dict[str, str] = {
    "anrede": "Anrede mit Komma, z. B. „Sehr geehrte Frau Muster,“ oder „Guten Tag Alex Muster,“",
    "name": "Name der Person, die sich gewandt hat (ohne Anrede)",
    "person": "dieselbe mit Anrede nach „von“/„für“: „Frau Erika Muster“, „Herrn Max Muster“",
    "vertretene_person": "die vertretene Person (bei Vertretung), z. B. „Frau Erika Muster“",
    "aktenzeichen": "unser Zeichen (Nummer der Kundenreaktion)",
    "eingangsdatum": "Eingangsdatum der Kundenreaktion",
    "ihre_nachricht": "„Ihr Schreiben“, „Ihre E-Mail“, „Ihren Anruf“ … (passt nach „für“)",
    "eingangsweg": "Eingangsweg: Brief, E-Mail, telefonisch …",
    "betreff": "Betreff der Kundenreaktion",
    "anliegensart": "Anliegensart: Beschwerde, Lob, Petition …",
    "sachverhalt": "Beschreibung des Anliegens aus dem Fall",
    "team": "zuständiges Team",
    "ansprechpartner": "wer das Anliegen bearbeitet (Name und Funktion)",
    "frist": "Frist der abschließenden Antwort",
    "frist_eingangsbestaetigung": "Frist der Eingangsbestätigung",
    "zwischennachricht_grund": "Grund der Verzögerung (Zwischennachricht)",
    "voraussichtlich": "voraussichtliche Erledigung (Zwischennachricht)",
    "datum": "Datum des Schreibens",
    "dienststelle": "Name der Dienststelle aus dem Briefkopf",
    "stelle": "einsendende Stelle (Petition/Eingabe)",
    "zeichen_stelle": "Zeichen der einsendenden Stelle",
    "frist_stelle": "Frist der einsendenden Stelle",
    "kundennummer": "Kundennummer",
    "bg_nummer": "Nummer der Bedarfsgemeinschaft",
    "verzicht_gruende": "Gründe des Verzichts auf schriftliche Antwort",
    "stellungnahme_entwurf": "letzte Stellungnahme der Teamleitung (Entwurf)",
    "beschaeftigte_person": "betroffene/r Beschäftigte/r (Dienstaufsichtsbeschwerde)",
    "entscheidung": "Entscheidung der Geschäftsführung über die Dienstaufsichtsbeschwerde (ihr Wortlaut)",
    "entscheidung_durch": "wer in der Geschäftsführung entschieden hat (Name)",
    "entscheidung_datum": "Datum der Entscheidung der Geschäftsführung",
}

# A line that holds nothing but these placeholders is left out when they are empty (optional data);
# every other placeholder without a value becomes a visible "[bitte ergänzen: …]".
OPTIONAL_PLACEHOLDERS = frozenset(
    {
        "betreff",
        "vertretene_person",
        "kundennummer",
        "bg_nummer",
        "zeichen_stelle",
        "frist_stelle",
        "verzicht_gruende",
        "sachverhalt",
        "beschaeftigte_person",
        "dienststelle",
    }
)
MISSING_MARK = "[bitte ergänzen: "
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")


@dataclass(frozen=True)
class Block:
    key: str
    title: str
    body: str
    version: int  # 0: the shipped default, not yet stored in the database
    default_body: str


# --- templates ---------------------------------------------------------------------------------------------


def template_problem(text: str) -> str | None:
    """A German message for the first unknown placeholder or stray brace; None when the template is fine."""
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _TOKEN.finditer(line):
            token = match.group(0)
            if token in ("{{", "}}"):
                continue
            name = match.group(1)
            if name is None:
                return (
                    f"Zeile {number}: einzelne geschweifte Klammer „{token}“. Platzhalter schreiben Sie als "
                    "{name}; eine Klammer als Text doppelt: {{ oder }}."
                )
            if name not in PLACEHOLDERS:
                close = difflib.get_close_matches(name.strip().lower(), PLACEHOLDERS, n=1)
                if close:
                    return f"Zeile {number}: unbekannter Platzhalter {{{name}}}. Meinten Sie {{{close[0]}}}?"
                return (
                    f"Zeile {number}: unbekannter Platzhalter {{{name}}}. Erlaubt sind: "
                    + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
                    + "."
                )
    return None


def placeholders_in(text: str) -> list[str]:
    return [m.group(1) for m in _TOKEN.finditer(text) if m.group(1) in PLACEHOLDERS]


def fill(template: str, values: Mapping[str, str]) -> tuple[str, list[str]]:
    """The template with every placeholder replaced, and the placeholders that had no value.

    A line made of nothing but optional placeholders without a value is left out (an optional second
    subject line, reasons not yet known); any other missing value becomes a visible
    "[bitte ergänzen: …]", never an empty gap. Values are inserted as they are, never read as templates.
    """
    problem = template_problem(template)
    if problem:
        raise ValidationError({"body": problem})
    missing: list[str] = []
    lines: list[str] = []
    for line in template.split("\n"):
        names = [m.group(1) for m in _TOKEN.finditer(line) if m.group(1)]
        empty = [n for n in names if not values.get(n, "").strip()]
        rest = _TOKEN.sub("", line).strip()
        if names and len(empty) == len(names) and not rest and OPTIONAL_PLACEHOLDERS.issuperset(names):
            continue

        def replace(match: re.Match[str]) -> str:
            token, name = match.group(0), match.group(1)
            if token == "{{":
                return "{"
            if token == "}}":
                return "}"
            value = values.get(name, "")
            if value.strip():
                return value
            if name not in missing:
                missing.append(name)
            return f"{MISSING_MARK}{PLACEHOLDERS[name]}]"

        lines.append(_TOKEN.sub(replace, line))
    return "\n".join(lines), missing


# --- default blocks ------------------------------------------------------------------------------------------


@cache
def default_blocks() -> dict[str, tuple[str, str]]:
    """key -> (title, body) of the shipped text blocks; each default is checked like an edited one."""
    blocks: dict[str, tuple[str, str]] = {}
    for path in sorted(resource_path("text_blocks").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data["blocks"]:
            body = "\n".join(item["body"]) if isinstance(item["body"], list) else str(item["body"])
            problem = template_problem(body)
            if problem:
                raise ValueError(f"{path.name}, {item['key']}: {problem}")
            blocks[item["key"]] = (item["title"], body)
    return blocks


def all_blocks() -> list[Block]:
    """Every text block: the stored ones and the shipped defaults not yet stored, by key."""
    defaults = default_blocks()
    stored = {row.key: row for row in TextBlock.select()}
    keys = sorted(set(defaults) | set(stored))
    result = []
    for key in keys:
        default_title, default_body = defaults.get(key, ("", ""))
        row = stored.get(key)
        if row is None:
            result.append(Block(key, default_title, default_body, 0, default_body))
        else:
            result.append(Block(key, row.title, row.body, row.version, default_body))
    return result


def block(key: str) -> Block:
    row = TextBlock.get_or_none(TextBlock.key == key)
    default_title, default_body = default_blocks().get(key, ("", ""))
    if row is not None:
        return Block(key, row.title, row.body, row.version, default_body)
    if key not in default_blocks():
        raise RefusedError(f"Den Textbaustein „{key}“ gibt es nicht.")
    return Block(key, default_title, default_body, 0, default_body)


def block_bodies(keys: list[str]) -> dict[str, str]:
    """key -> text of several blocks in one query (stored text, else the shipped default)."""
    wanted = list(dict.fromkeys(keys))
    stored = dict(cast(Any, TextBlock.select(TextBlock.key, TextBlock.body).where(TextBlock.key.in_(wanted)).tuples()))
    defaults = default_blocks()
    missing = [k for k in wanted if k not in stored and k not in defaults]
    if missing:
        raise RefusedError(f"Den Textbaustein „{missing[0]}“ gibt es nicht.")
    return {k: stored.get(k, defaults[k][1] if k in defaults else "") for k in wanted}


def block_problems(title: str, body: str) -> dict[str, str]:
    problems = {
        "title": v.required_problem(title, "Titel") or v.text_problem(title, "Titel", max_len=200, multiline=False),
        "body": v.required_problem(body, "Text") or v.text_problem(body, "Text", max_len=20_000),
    }
    if not problems["body"]:
        problems["body"] = template_problem(body)
    return {k: p for k, p in problems.items() if p}


def save_block(key: str, *, title: str, body: str, version: int) -> Block:
    """Store an edited text block; `version` is the one that was loaded (0 for a shipped default)."""
    if key not in default_blocks() and TextBlock.get_or_none(TextBlock.key == key) is None:
        raise RefusedError(f"Den Textbaustein „{key}“ gibt es nicht.")
    errors = block_problems(title, body)
    if errors:
        raise ValidationError(errors)
    conflict = ConflictError(
        f"Der Textbaustein „{title.strip()}“ wurde inzwischen an einem anderen Platz geändert. "
        "Ihr Text bleibt im Editor; bitte laden Sie den Baustein neu und übertragen Sie ihn dann."
    )
    with write_transaction():
        if version == 0:
            if TextBlock.get_or_none(TextBlock.key == key) is not None:
                raise conflict
            TextBlock.create(key=key, title=title.strip(), body=body, version=1)
        else:
            updated = (
                TextBlock.update(title=title.strip(), body=body, version=TextBlock.version + 1)
                .where((TextBlock.key == key) & (TextBlock.version == version))
                .execute()
            )
            if updated != 1:
                raise conflict
    return block(key)


def reset_block(key: str, *, version: int) -> Block:
    """Go back to the shipped default text (the title too)."""
    if key not in default_blocks():
        raise RefusedError(f"Zum Textbaustein „{key}“ gibt es keinen mitgelieferten Standard.")
    title, body = default_blocks()[key]
    if version == 0:
        return block(key)
    return save_block(key, title=title, body=body, version=version)


# --- letters kept in the case -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterInfo:
    id: int
    doc_type: str
    title: str
    created: datetime
    created_by: str
    filename: str
    size: int


def _stamp(today: date) -> datetime:
    return datetime.combine(today, time.min)


def letter_filename(ref: str, doc_type: str, today: date, number: int) -> str:
    suffix = f"-{number}" if number > 1 else ""
    return f"{ref}_{doc_type}_{today:%Y-%m-%d}{suffix}.pdf"


def store_letter(case_id: int, doc_type: str, pdf: bytes, *, today: date, user: str, how: str = "gedruckt") -> Letter:
    """Keep the exact PDF bytes that were printed or saved in the case, with an event in the history."""
    if doc_type not in DOC_TYPES:
        raise RefusedError(f"Unbekannte Schreibenart „{doc_type}“. Möglich sind: {', '.join(DOC_TYPES)}.")
    if not pdf.startswith(b"%PDF-"):
        raise RefusedError("Das Schreiben ist keine PDF-Datei und wird nicht abgelegt.")
    if how not in ("gedruckt", "als PDF gespeichert"):
        raise RefusedError(f"Unbekannte Ausgabeart „{how}“.")
    with write_transaction():
        case = Case.get_or_none(Case.id == case_id)
        if case is None:
            raise RefusedError("Diese Kundenreaktion gibt es nicht mehr (gelöscht).")
        if case.anonymised:
            raise RefusedError(f"{case.ref} ist anonymisiert; Schreiben werden nicht mehr abgelegt.")
        same_day = (
            Letter.select()
            .where((Letter.case == case.id) & (Letter.doc_type == doc_type) & (Letter.created == _stamp(today)))
            .count()
        )
        filename = letter_filename(case.ref, doc_type, today, same_day + 1)
        letter = Letter.create(
            case=case.id, doc_type=doc_type, created=_stamp(today), created_by=user, filename=filename, pdf=pdf
        )
        Event.create(
            case=case.id,
            at=_stamp(today),
            on_day=today,
            actor=user,
            action="letter",
            text=f"Schreiben {how}: {DOC_TYPES[doc_type]} ({filename}).",
        )
    return letter


def record_reprint(letter_id: int, *, today: date, user: str, how: str = "erneut gedruckt") -> None:
    """A stored letter was printed or saved again, unchanged: only the history notes it."""
    letter = Letter.get_or_none(Letter.id == letter_id)
    if letter is None:
        raise RefusedError("Dieses Schreiben gibt es nicht mehr (gelöscht).")
    Event.create(
        case=cast(Any, letter).case_id,
        at=_stamp(today),
        on_day=today,
        actor=user,
        action="letter",
        text=f"Schreiben {how}: {DOC_TYPES.get(letter.doc_type, letter.doc_type)} ({letter.filename}).",
    )


def _infos(condition: Any) -> list[LetterInfo]:
    """The stored letters that meet `condition`, newest first, without loading their bytes."""
    rows = cast(
        Any,
        Letter.select(
            Letter.id, Letter.doc_type, Letter.created, Letter.created_by, Letter.filename, fn.LENGTH(Letter.pdf)
        )
        .where(condition)
        .order_by(cast(Any, Letter.created).desc(), cast(Any, Letter.id).desc())
        .tuples(),
    )
    return [
        LetterInfo(row[0], row[1], DOC_TYPES.get(row[1], row[1]), row[2], row[3], row[4], int(row[5] or 0))
        for row in rows
    ]


def letters_of(case_id: int) -> list[LetterInfo]:
    """The case's stored letters, newest first, without loading their bytes."""
    return _infos(Letter.case == case_id)


def letter_info(letter_id: int) -> LetterInfo:
    """One stored letter without its bytes; refused when it is gone."""
    found = _infos(Letter.id == letter_id)
    if not found:
        raise RefusedError("Dieses Schreiben gibt es nicht mehr (gelöscht).")
    return found[0]


def letter_pdf(letter_id: int) -> bytes:
    letter = Letter.get_or_none(Letter.id == letter_id)
    if letter is None:
        raise RefusedError("Dieses Schreiben gibt es nicht mehr (gelöscht).")
    return bytes(letter.pdf)
