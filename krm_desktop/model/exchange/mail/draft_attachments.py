"""Which of a mail's files the draft proposes as attachments of the case: the attachment rules of
model/cases/attachments.py (no type that runs code, at most 20 MB a file) and a limit on their number.
Whatever is left out is named with its reason, in German."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from krm_desktop.model.cases.attachment_names import FALLBACK, code_suffix, safe_name
from krm_desktop.model.cases.attachments import MAX_BYTES, format_size, mime_for

MAX_PROPOSED = 20  # files proposed from one mail, the mail itself included
MAX_NAME = 150


@dataclass
class Proposal:
    """Collects the files of a mail in order; `accepted` are (name, data, mime), `refused` German lines."""

    accepted: list[tuple[str, bytes, str]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    _over_limit: int = 0
    _seen: set[tuple[str, bytes]] = field(default_factory=set)

    def offer(self, name: str, data: bytes) -> None:
        name = safe_name(name) if name.strip() else FALLBACK
        program = code_suffix(name)
        if program:
            self.refused.append(
                f"„{name}“ weggelassen: eine Programmdatei ({program}), die Windows beim Öffnen ausführen würde."
            )
            return
        if not data:
            self.refused.append(f"„{name}“ weggelassen: die Datei ist leer (0 Byte).")
            return
        if len(data) > MAX_BYTES:
            self.refused.append(
                f"„{name}“ weggelassen: mit {format_size(len(data))} zu groß (höchstens {format_size(MAX_BYTES)} "
                "je Anlage). Bitte bei Bedarf aus dem E-Mail-Programm gesondert speichern."
            )
            return
        if (name, data) in self._seen:
            return  # the very same file twice in one mail: stored once
        self._seen.add((name, data))
        if len(self.accepted) >= MAX_PROPOSED:
            self._over_limit += 1
            return
        self.accepted.append((_unique(name, (kept for kept, _, _ in self.accepted)), data, mime_for(name)))

    def refusals(self) -> tuple[str, ...]:
        if not self._over_limit:
            return tuple(self.refused)
        more = (
            f"{self._over_limit} weitere Anlage(n) weggelassen: höchstens {MAX_PROPOSED} Dateien werden aus einer "
            "E-Mail übernommen. Bitte die übrigen bei Bedarf einzeln hinzufügen."
        )
        return (*self.refused, more)


def _unique(name: str, taken: Iterable[str]) -> str:
    used = {item.lower() for item in taken}
    if name.lower() not in used:
        return name
    path = PurePath(name)
    number = 2
    while f"{path.stem} ({number}){path.suffix}".lower() in used:
        number += 1
    return f"{path.stem} ({number}){path.suffix}"


def mail_file_name(subject: str, suffix: str) -> str:
    """The name the mail itself is stored under: its subject (or „Nachricht“) and .eml/.msg."""
    stem = safe_name(subject.strip() or "Nachricht").rstrip(" .")
    stem = stem[: MAX_NAME - len(suffix)].rstrip(" .") or "Nachricht"
    return f"{stem}{suffix}"
