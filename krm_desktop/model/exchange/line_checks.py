"""Checks of one line of the exchange format (DESIGN.md §2); cross-line and database checks live in case_import.py.

A line is parsed into an `ImportedCase` or refused with field -> German message. The case-level rules are
those of intake (`intake.case_errors`), so a file cannot hold what the input form would refuse; the exchange
adds its own: the dates of the letters and of the closing, the outcome, the reference, anonymised records.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from krm_desktop.model import validation as v
from krm_desktop.model.cases.intake import CaseInput, ConcernInput, case_errors
from krm_desktop.model.cases.notice_checks import Recipient
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.cases.timeline import timeline_problems
from krm_desktop.model.codes import CARD_TENORS, CHANNELS, KINDS, OUTCOME_KINDS, OUTCOMES, SALUTATIONS, VIAS
from krm_desktop.model.exchange.case_details import DETAIL_KEYS, detail_type_errors, read_input_details, step_details
from krm_desktop.model.exchange.notice_lines import KEY as NOTICES_KEY
from krm_desktop.model.exchange.notice_lines import check_notices

# The keys of a line, in the order export writes them.
KEYS = (
    "ref",
    "kind",
    "concerns",
    "channel",
    "via",
    "received",
    "team",
    "subject",
    "description",
    "tenor",  # issue 19: a Meinungskarte's lob, anregung or kritik (optional on import: older files lack it)
    "person",
    "ack_sent",
    "interim_sent",
    "answer_sent",
    "closed",
    "outcome",
    "waiver",
    "follows",
    "anonymised",
    NOTICES_KEY,  # issue 19, optional: who was informed (Zur Kenntnis)
    *DETAIL_KEYS,  # optional: what a case holds beyond the first contract (case_details)
)
REQUIRED = ("kind", "channel", "via", "received")
PERSON_KEYS = ("salutation", "name", "street", "postcode", "city", "email", "phone", "customer_no", "bg_no")
CONCERN_KEYS = ("kind", "outcome", "team")  # team: the team's name; optional (older files: the case's team)
STRINGS = ("ref", "kind", "channel", "via", "team", "subject", "description", "outcome", "follows", "tenor")
BOOLS = ("waiver", "anonymised")
# Dates of what happened after the receipt, with their German labels.
LATER_DATES = {
    "ack_sent": "Versand der Eingangsbestätigung",
    "interim_sent": "Versand der Zwischennachricht",
    "answer_sent": "Versand der Antwort",
    "closed": "Abschlussdatum",
}
SHOWN_KEY = 80  # characters of an unknown key quoted in a refusal
MAX_REF = 20  # characters of a reference (Case.ref)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class ImportedCase:
    line: int
    data: CaseInput  # kind, channel, via, received, subject, description, concerns, person
    ref: str | None
    year: int
    seq: int | None
    team: str | None
    ack_sent: date | None
    interim_sent: date | None
    answer_sent: date | None
    closed: date | None
    outcome: str | None
    waiver: bool
    follows: str | None
    anonymised: bool
    notices: tuple[Recipient, ...] = ()  # issue 19: Zur Kenntnis
    steps: dict[str, Any] = field(default_factory=dict)  # recorded steps (case_details.STEP_DATES, STEP_TEXTS)
    concern_teams: list[str | None] = field(default_factory=list)  # each Anliegen's own team by name, if given


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(f"das Feld „{key}“ steht doppelt in der Zeile")
        result[key] = value
    return result


def parse_json(text: str) -> tuple[dict[str, Any] | None, str | None]:
    """The line's JSON object, or a German message why it is none."""
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        return (
            None,
            f"kein gültiges JSON (Fehler bei Zeichen {exc.pos + 1}); die Zeile ist unvollständig oder verfälscht.",
        )
    except _DuplicateKey as exc:
        return None, f"kein gültiges JSON: {exc}."
    except (ValueError, RecursionError):  # e.g. numbers of thousands of digits, nesting thousands deep
        return None, "kein gültiges JSON: ungewöhnlich lange Zahl oder zu tief verschachtelt."
    if not isinstance(value, dict):
        return None, "Jede Zeile muss ein JSON-Objekt {…} mit den Feldern eines Falls sein."
    if _has_broken_characters(text, value):
        return None, (
            "die Zeile enthält Bytes, die kein gültiges UTF-8 sind, oder ein unvollständiges Zeichen "
            "(ein einzelnes Surrogat wie \\ud800). Bitte die Datei als UTF-8 speichern und die Stelle prüfen."
        )
    return value, None


def _has_broken_characters(text: str, value: dict[str, Any]) -> bool:
    """Lone surrogates: bytes of another encoding (read with surrogateescape) or a JSON escape such as \\ud800.
    Neither can be stored; the common line (no escape at all) is decided by one encode in C."""
    try:
        text.encode("utf-8")
        if "\\u" in text:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _date(value: Any) -> date | None:
    """A YYYY-MM-DD date; raises ValueError for anything else."""
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError
    return date.fromisoformat(value)


def _shown(key: str) -> str:
    """An unknown key as the refusal names it (once, as the field): at most SHOWN_KEY characters."""
    return key if len(key) <= SHOWN_KEY else key[:SHOWN_KEY] + "…"


def _type_errors(obj: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for key in obj:
        if key not in KEYS:
            errors[_shown(key)] = f"Unbekanntes Feld. Erlaubt sind: {', '.join(KEYS)}."
    for key in REQUIRED:
        if obj.get(key) is None:
            errors[key] = f"Das Pflichtfeld „{key}“ fehlt."
    for key in STRINGS:
        if key in obj and obj[key] is not None and not isinstance(obj[key], str):
            errors.setdefault(key, "Bitte einen Text (in Anführungszeichen) oder null angeben.")
    for key in BOOLS:
        if key in obj and obj[key] is not None and not isinstance(obj[key], bool):
            errors.setdefault(key, "Bitte true oder false angeben.")
    for key in ("received", *LATER_DATES):
        try:
            _date(obj.get(key))
        except ValueError:
            errors.setdefault(key, f"„{_shown(str(obj[key]))}“ ist kein Datum im Format JJJJ-MM-TT (z. B. 2026-11-20).")
    concerns = obj.get("concerns")
    if concerns is not None:
        if not isinstance(concerns, list) or not all(isinstance(c, dict) for c in concerns):
            errors["concerns"] = 'Bitte eine Liste von Anliegen [{"kind": …, "outcome": …}] oder null angeben.'
        else:
            for index, concern in enumerate(concerns, start=1):
                for key, value in concern.items():
                    if key not in CONCERN_KEYS:
                        errors[f"concerns.{index}.{_shown(key)}"] = (
                            "Unbekanntes Feld. Erlaubt sind: kind, outcome, team."
                        )
                    elif value is not None and not isinstance(value, str):
                        errors[f"concerns.{index}.{key}"] = "Bitte einen Text oder null angeben."
    errors.update(detail_type_errors(obj))
    person = obj.get("person")
    if person is not None:
        if not isinstance(person, dict):
            errors["person"] = "Bitte ein Objekt mit den Personendaten oder null angeben."
        else:
            for key, value in person.items():
                if key not in PERSON_KEYS:
                    errors[f"person.{_shown(key)}"] = f"Unbekanntes Feld. Erlaubt sind: {', '.join(PERSON_KEYS)}."
                elif value is not None and not isinstance(value, str):
                    errors[f"person.{key}"] = "Bitte einen Text oder null angeben."
    return errors


def code(value: str | None, vocabulary: dict[str, str]) -> str | None:
    """A code read without regard to upper and lower case ("Frau" is `frau`, "E-Mail" is no `email`); what matches
    no code stays as written, for the check to name it."""
    if value is None:
        return None
    folded = value.casefold()
    return next((known for known in vocabulary if known.casefold() == folded), value)


def _party(person: dict[str, Any] | None) -> PartyRecord | None:
    if person is None:
        return None
    values = {key: person.get(key) or "" for key in PERSON_KEYS}
    values["salutation"] = code(person.get("salutation") or None, SALUTATIONS)
    return PartyRecord(**values)


def ref_problem(ref: str) -> str | None:
    """A reference from another system is kept as it is, whatever its year or scheme (one beginning with "KRM-" is
    the program's own and must be in its format): one line of at most MAX_REF characters."""
    if not ref.strip():
        return "Das Aktenzeichen ist leer; bitte null angeben (der Fall erhält dann die nächste freie Nummer)."
    if len(ref) > MAX_REF:
        return f"Das Aktenzeichen „{ref[:SHOWN_KEY]}“ ist länger als {MAX_REF} Zeichen."
    if ref != ref.strip() or any(not ch.isprintable() for ch in ref):
        return f"Das Aktenzeichen „{ref[:SHOWN_KEY]}“ enthält Steuerzeichen oder Leerzeichen am Rand."
    return None


def _tenor(obj: dict[str, Any], kind: str) -> str:
    """A card's tenor: the key `tenor`, or (a file written before it existed) the head of its subject, "Lob: …"."""
    tenor = code(obj.get("tenor"), CARD_TENORS)
    if tenor is None and kind == "meinungskarte":
        head = (obj.get("subject") or "").split(":", 1)[0].strip()
        tenor = next((known for known, text in CARD_TENORS.items() if text == head), None)
    return tenor or ""


def _tenor_errors(problem: str | None, data: CaseInput, anonymised: bool) -> dict[str, str]:
    """A Meinungskarte without Lob/Anregung/Kritik is refused; an anonymised one may lack it (the purge of an
    older version emptied the subject that held it)."""
    if problem is None or (anonymised and not data.card_tenor):
        return {}
    if data.kind == "meinungskarte" and not data.card_tenor:
        problem = "Eine Meinungskarte braucht „tenor“: lob, anregung oder kritik."
    return {"tenor": problem}


def check_line(obj: dict[str, Any], line: int, today: date) -> tuple[ImportedCase | None, dict[str, str]]:
    """Parse and check one line's object: the case, or field -> German message."""
    errors = _type_errors(obj)
    if errors:
        return None, errors
    kind: str = code(obj["kind"], KINDS) or ""
    raw_concerns = obj.get("concerns") or []
    data = CaseInput(
        kind=kind,
        channel=code(obj["channel"], CHANNELS) or "",
        via=code(obj["via"], VIAS) or "",
        received=_date(obj["received"]) or date.min,
        subject=obj.get("subject") or "",
        description=obj.get("description") or "",
        concerns=[
            ConcernInput(code(c.get("kind"), KINDS) or "", code(c.get("outcome"), OUTCOMES)) for c in raw_concerns
        ],
        person=_party(obj.get("person")),
        card_tenor=_tenor(obj, kind),
    )
    read_input_details(obj, data)
    outcome: str | None = code(obj.get("outcome"), OUTCOMES)
    implicit = not data.concerns  # no concerns given: one of the case's kind with the case's outcome
    if implicit:
        data.concerns = [ConcernInput(kind, outcome)]
    follows: str | None = obj.get("follows") or None
    errors, _ = case_errors(data, today)
    if implicit:  # its problems are those of `kind` and `outcome`, reported there
        errors = {name: text for name, text in errors.items() if not name.startswith("concerns")}
    errors.update(_tenor_errors(errors.pop("card_tenor", None), data, bool(obj.get("anonymised"))))
    # The exchange format carries no employee named in a DAB; `follows` is checked against the file as well.
    errors.pop("employee_concerned", None)
    if follows is not None:
        errors.pop("follows", None)
        if kind != "folgereaktion":
            errors["follows"] = "Nur eine Folgereaktion verweist auf einen früheren Fall; bitte null angeben."

    def add(name: str, problem: str | None) -> None:
        if problem and name not in errors:
            errors[name] = problem

    dates = {key: _date(obj.get(key)) for key in LATER_DATES}
    if "received" not in errors:
        for key, label in LATER_DATES.items():
            add(key, v.date_problem(dates[key], label, today, not_before=data.received, not_before_label="dem Eingang"))
        for key, problem in timeline_problems({"received": data.received, **dates}).items():
            add(key, problem)

    closed = dates["closed"]
    add("outcome", None if outcome is None else v.code_problem(outcome, OUTCOMES, "Ergebnis"))
    if outcome is not None and kind not in OUTCOME_KINDS:
        add("outcome", "Nur Beschwerden, Petitionen und Eingaben erhalten ein Ergebnis; bitte null angeben.")
    if outcome is not None and closed is None:
        add("outcome", "Ein Ergebnis gibt es erst mit dem Abschluss (closed).")
    if closed is not None and kind in OUTCOME_KINDS and outcome is None:
        add(
            "outcome",
            "Eine abgeschlossene Beschwerde, Petition oder Eingabe braucht ein Ergebnis "
            "(begruendet, unbegruendet, nicht_bewertbar).",
        )
    if closed is not None and outcome != data.concerns[0].outcome:
        add("outcome", "Das Ergebnis muss dem Ergebnis des ersten Anliegens entsprechen.")
    if closed is not None and kind != "meinungskarte":
        for index, concern in enumerate(data.concerns, start=1):
            if concern.kind in OUTCOME_KINDS and concern.outcome is None:
                add(f"concerns.{index}.outcome", f"Anliegen {index} ist abgeschlossen und braucht ein Ergebnis.")

    anonymised = bool(obj.get("anonymised"))
    if anonymised and data.person is not None:
        add("person", "Ein anonymisierter Fall hat keine Personendaten; bitte null angeben.")
    if anonymised and data.description:
        add("description", "Ein anonymisierter Fall hat keine Beschreibung; bitte leer lassen.")

    ref: str | None = obj.get("ref") or None
    year, seq = data.received.year, None
    if ref is not None:
        add("ref", ref_problem(ref))
        parsed = v.parse_ref(ref)
        if ref.startswith(v.OWN_PREFIX):  # the program's own scheme: its year and number, whatever the year
            if parsed is None or not v.ref_fits(ref, *parsed):
                add("ref", f"„{ref}“ ist kein Aktenzeichen im Format KRM-JJJJ-NNNN (z. B. KRM-2026-0042).")
            else:
                year, seq = parsed

    team: str | None = obj.get("team") or None
    if team is not None and not team.strip():
        team = None
    if team is not None:
        add("team", v.text_problem(team, "Team", max_len=120, multiline=False))
    concern_teams = [(c.get("team") or "").strip() or None for c in raw_concerns]
    for index, name in enumerate(concern_teams, start=1):
        if name is not None:
            add(
                f"concerns.{index}.team",
                v.text_problem(name, f"Team von Anliegen {index}", max_len=120, multiline=False),
            )
    if concern_teams and concern_teams[0] is not None and team is not None and concern_teams[0] != team.strip():
        add("concerns.1.team", "Das erste Anliegen gehört zum Team des Falls („team“); bitte gleich oder null angeben.")

    steps, step_errors = step_details(obj, data.received, today)
    for name, problem in step_errors.items():
        add(name, problem)
    notices, notice_errors = check_notices(obj.get(NOTICES_KEY), data.received, today)  # issue 19
    for name, problem in notice_errors.items():
        add(name, problem)
    if anonymised and notices:
        add(NOTICES_KEY, "Ein anonymisierter Fall nennt niemanden, der informiert wurde; bitte null angeben.")

    if errors:
        return None, errors
    return ImportedCase(
        line=line,
        data=data,
        ref=ref,
        year=year,
        seq=seq,
        team=team,
        ack_sent=dates["ack_sent"],
        interim_sent=dates["interim_sent"],
        answer_sent=dates["answer_sent"],
        closed=closed,
        outcome=outcome,
        waiver=bool(obj.get("waiver")),
        follows=follows,
        anonymised=anonymised,
        steps=steps,
        notices=notices,
        concern_teams=concern_teams,
    ), {}
