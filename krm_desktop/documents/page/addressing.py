"""Who a letter goes to: the lines in the envelope window and the gender-fair salutation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reportlab.lib.units import mm

from krm_desktop.documents.page.escape import REPLACEMENT, visible
from krm_desktop.documents.page.fonts import width
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.errors import RefusedError

ADDRESS_LINES = 6  # DIN 5008 Form B: six lines in the address zone of the window
ADDRESS_SIZE = 10.0  # pt
ADDRESS_WIDTH = 78 * mm  # text starts 5 mm inside the 85 mm field, 2 mm kept free on the right
INSTITUTIONS = ("institution", "behoerde")
_TITLE = re.compile(r"^(Prof|Dr|PD)\.?(-[A-Za-zÄÖÜäöü.]+)?$|^(Dr|Prof)\.[a-zäöü.]+$")
_PARTICLES = frozenset(
    [
        "von",
        "van",
        "vom",
        "zu",
        "zum",
        "zur",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "ten",
        "ter",
        "al",
        "el",
        "bin",
        "ibn",
    ]
)


@dataclass(frozen=True)
class Addressee:
    lines: tuple[str, ...]
    salutation: str  # with the comma
    postal_note: str = ""  # e.g. "Versand per E-Mail", printed above the return address


def surname(name: str) -> str:
    """The part of a name that follows "Frau"/"Herr" in a salutation, academic titles included.

    "Erika Mustermann" -> "Mustermann"; "Dr. Anna von der Heide" -> "Dr. von der Heide";
    "Mustermann, Erika" -> "Mustermann". Professional titles (Rechtsanwältin) are left out.
    """
    name = " ".join(name.split())
    if "," in name:
        return name.split(",")[0].strip()
    tokens = name.split(" ")
    titles = [t for t in tokens[:-1] if _TITLE.match(t)]
    rest = [t for t in tokens if not _TITLE.match(t)] or tokens
    last = [rest[-1]]
    for token in reversed(rest[:-1]):
        if token.lower() not in _PARTICLES:
            break
        last.insert(0, token)
    return " ".join([*titles, *last])


def salutation(party: PartyRecord | None) -> str:
    if party is None or party.role in INSTITUTIONS:
        return "Sehr geehrte Damen und Herren,"
    if party.salutation == "frau":
        return f"Sehr geehrte Frau {surname(party.name)},"
    if party.salutation == "herr":
        return f"Sehr geehrter Herr {surname(party.name)},"
    return f"Guten Tag {' '.join(party.name.split())},"


def person_phrase(party: PartyRecord | None) -> str:
    """The person after "von"/"für" (dative/accusative): "Frau Erika Muster", "Herrn Max Muster"."""
    if party is None:
        return ""
    name = " ".join(party.name.split())
    if party.role in INSTITUTIONS:
        return name
    return {"frau": f"Frau {name}", "herr": f"Herrn {name}"}.get(party.salutation or "", name)


def _wrap(line: str) -> list[str]:
    """Break one address line at spaces so that each part fits the window; refuse a word that cannot."""
    words = line.split()
    parts: list[str] = []
    current = ""
    for word in words:
        if width(word, ADDRESS_SIZE) > ADDRESS_WIDTH:
            raise RefusedError(
                f"Die Anschrift passt nicht in das Sichtfenster: „{word[:40]}…“ ist zu lang für eine Zeile. "
                "Bitte kürzen Sie die Angabe im Fall."
            )
        candidate = f"{current} {word}".strip()
        if width(candidate, ADDRESS_SIZE) <= ADDRESS_WIDTH:
            current = candidate
        else:
            parts.append(current)
            current = word
    if current:
        parts.append(current)
    return parts


def fit(lines: list[str]) -> tuple[str, ...]:
    """The address lines as printed; refused (German message) when they do not fit the window."""
    printed = [part for line in lines if line.strip() for part in _wrap(visible(line))]
    if len(printed) > ADDRESS_LINES:
        raise RefusedError(
            f"Die Anschrift ist für das Sichtfenster zu lang: {len(printed)} Zeilen, höchstens "
            f"{ADDRESS_LINES} passen hinein. Bitte kürzen Sie Name oder Anschrift im Fall."
        )
    return tuple(printed)


def _unshowable(value: str) -> list[str]:
    """The characters of `value` that would print as � (the replacement itself included), each once."""
    found: list[str] = []
    for ch in unicodedata.normalize("NFC", value):
        if (ch == REPLACEMENT or REPLACEMENT in visible(ch)) and not unicodedata.category(ch).startswith("M"):
            found.append(ch)
    if not found and REPLACEMENT in visible(value):  # e.g. a combining mark without its letter
        found = [ch for ch in value if unicodedata.category(ch).startswith("M")][:1]
    return list(dict.fromkeys(found))


def readable(value: str, label: str) -> None:
    """Refuse (German, naming the field) a part of an address the letter font cannot show: the post must read
    every character of it, so it is never printed as �."""
    if REPLACEMENT not in visible(value):
        return
    chars = ", ".join(f"„{ch}“ (U+{ord(ch):04X})" for ch in _unshowable(value)[:5]) or "unbekannte Zeichen"
    raise RefusedError(
        f"Die Anschrift kann so nicht gedruckt werden: Das Feld „{label}“ enthält Zeichen, die die Schrift des "
        f"Briefes nicht darstellen kann ({chars}); die Post muss jede Angabe der Anschrift lesen können. Bitte "
        f"schreiben Sie „{label}“ im Fall in lateinischer Schrift (z. B. wie im Ausweis oder auf dem Briefkasten)."
    )


def party_addressee(party: PartyRecord) -> Addressee:
    for value, label in ((party.name, "Name"), (party.street, "Straße"), (party.postcode, "Postleitzahl"),
                         (party.city, "Ort")):  # fmt: skip
        readable(value, label)
    if not f"{party.postcode}{party.city}".strip():
        readable(party.email, "E-Mail-Adresse")
    name = " ".join(party.name.split())
    first = name
    if party.role not in INSTITUTIONS:
        first = {"frau": f"Frau {name}", "herr": f"Herrn {name}"}.get(party.salutation or "", name)
    town = " ".join(f"{party.postcode.strip()} {party.city.strip()}".split())
    if town:
        return Addressee(fit([first, party.street, town]), salutation(party))
    if party.email.strip():
        return Addressee(fit([first, party.email.strip()]), salutation(party), "Versand per E-Mail")
    raise RefusedError(
        f"Für {name} ist keine Anschrift erfasst (weder Ort noch E-Mail). Bitte ergänzen Sie sie im Fall."
    )


def body_addressee(body: str, street: str = "", postcode: str = "", city: str = "") -> Addressee:
    """A requesting body (Petitionsausschuss, Ministerium): its name, split at commas into lines, then its
    postal address; refused without postcode and city (the letter goes by post, in a window envelope)."""
    for value, label in ((body, "Einsendende Stelle"), (street, "Straße der Stelle"), (postcode, "PLZ der Stelle"),
                         (city, "Ort der Stelle")):  # fmt: skip
        readable(value, label)
    lines = [part.strip() for part in body.split(",") if part.strip()]
    if not lines:
        raise RefusedError("Die einsendende Stelle fehlt; bitte erfassen Sie sie im Fall.")
    town = " ".join(f"{postcode.strip()} {city.strip()}".split())
    if not (postcode.strip() and city.strip()):
        raise RefusedError(
            f"Für die einsendende Stelle „{lines[0]}“ ist keine vollständige Anschrift erfasst (Straße, PLZ und Ort); "
            "die Stellungnahme geht per Post. Bitte ergänzen Sie die Anschrift im Fall."
        )
    return Addressee(
        fit([*lines, *([street.strip()] if street.strip() else []), town]), "Sehr geehrte Damen und Herren,"
    )
