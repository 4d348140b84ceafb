"""Zur Kenntnis (DOMAIN.md §2), the pure part: what is wrong with a Kenntnisnahme as typed, and whom the office's
rules (profile `notice_rules`) propose to inform of a case. No database access: `notices` reads the case, the
office's people and the Bereiche' flags, and stores what the desk confirmed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from krm_desktop.model import validation as v
from krm_desktop.model.cases.input_checks import action_date_problem, collect
from krm_desktop.model.codes import STAFF_ROLES, label
from krm_desktop.model.office import notice_rules as nr

Errors = dict[str, str]
MAX_NAME = 200  # Notice.name
MAX_REASON = 300  # Notice.reason
CARD = "meinungskarte"


@dataclass(frozen=True)
class Recipient:
    """Someone to inform of a case: proposed by a rule, added by the desk, or recorded (with its day)."""

    name: str
    role: str = ""  # codes.STAFF_ROLES code or ""
    staff_id: int | None = None
    copy: bool = False  # got a copy (cc) rather than being informed
    reason: str = ""
    informed_on: date | None = None  # recorded: the day; a proposal: None
    id: int | None = None  # the stored Notice's id

    @property
    def function(self) -> str:
        return label(STAFF_ROLES, self.role) if self.role else ""

    def text(self) -> str:
        """ "Anna Berg (Teamleitung), Kopie" """
        words = self.name + (f" ({self.function})" if self.function and self.function != self.name else "")
        return words + (", Kopie" if self.copy else ", informiert")


@dataclass(frozen=True)
class Person:
    """One of the office's active people, as a proposal names them."""

    id: int
    name: str
    role: str


@dataclass(frozen=True)
class TeamFacts:
    id: int
    name: str
    area: str
    lead: Person | None  # its Teamleitung (else its deputy), None when the office keeps none


@dataclass(frozen=True)
class NoticeFacts:
    """What the proposals depend on: the case and the office's people."""

    kind: str
    has_person: bool
    teams: tuple[TeamFacts, ...]  # the case's team and every concern's team, without repeats
    employee_concerned: str = ""
    remark: str = ""  # a Meinungskarte's words
    signed_role: str | None = None  # who signed the final answer (Funktion), None while unsigned
    sign_off_role: str = "TL"  # GF where the Geschäftsführung reserved the Schlusszeichnung
    people: tuple[Person, ...] = ()  # the office's active people
    lgf_areas: frozenset[str] = field(default_factory=frozenset)  # Bereiche with "LGF in cc"
    recorded: tuple[Recipient, ...] = ()


@dataclass(frozen=True)
class Proposals:
    recipients: tuple[Recipient, ...]
    hints: tuple[str, ...] = ()  # what a rule asks for but the program cannot name (German)


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _person(facts: NoticeFacts, role: str) -> list[Person]:
    return [p for p in facts.people if p.role == role]


def _of(person: Person | None, fallback: str, role: str, copy: bool, reason: str) -> Recipient:
    if person is None:
        return Recipient(fallback, role, None, copy, reason)
    return Recipient(person.name, person.role, person.id, copy, reason)


def _team_leads(facts: NoticeFacts, copy: bool, reason: str) -> list[Recipient]:
    return [_of(t.lead, f"Teamleitung {t.name}", "TL", copy, reason) for t in facts.teams]


def _rule(code: str, facts: NoticeFacts, hints: list[str]) -> list[Recipient]:
    card = facts.kind == CARD or not facts.has_person
    if code in (nr.EMPLOYEES_INFORMED, nr.EMPLOYEES_DISCUSSED):
        if facts.kind == CARD:
            return []
        reason = (
            "Betroffene/r Beschäftigte/r: über den Eingang informiert"
            if code == nr.EMPLOYEES_INFORMED
            else "Betroffene/r Beschäftigte/r: mit der Teamleitung besprochen"
        )
        name = " ".join(facts.employee_concerned.split())
        if not name:
            hints.append(
                "Die betroffenen Beschäftigten sind zu informieren (Dienstanweisung): bitte unten mit Namen ergänzen."
            )
            return []
        known = next((p for p in facts.people if _fold(p.name) == _fold(name)), None)
        return [Recipient(name, "MA", known.id if known else None, False, reason)]
    if code == nr.MANAGER_OF_SIGNED_ANSWER:
        by_gf_or_krm = facts.signed_role in ("GF", "KRM") or (facts.signed_role is None and facts.sign_off_role == "GF")
        if card or not by_gf_or_krm:
            return []
        if not facts.teams:
            hints.append("Die Antwort zeichnet GF oder KRM: die zuständige Führungskraft erhält sie – Team zuordnen.")
        signer = "KRM" if facts.signed_role == "KRM" else "GF"
        return _team_leads(facts, True, f"Antwort von {signer} schlussgezeichnet: Kenntnis an die Führungskraft")
    if code == nr.KRM_EACH_ANSWER:
        if card:
            return []
        reason = "Ausfertigung der Antwort an das KRM"
        return [_of(p, "", "KRM", True, reason) for p in _person(facts, "KRM")] or [
            Recipient("KRM-Beauftragte/r", "KRM", None, True, reason)
        ]
    if code == nr.LGF_BY_AREA:
        areas = sorted({t.area for t in facts.teams if t.area in facts.lgf_areas})
        if not areas:
            return []
        reason = f"LGF in cc (Bereich {', '.join(areas)})"
        return [_of(p, "", "LGF", True, reason) for p in _person(facts, "LGF")] or [
            Recipient("LGF", "LGF", None, True, reason)
        ]
    if code == nr.CARD_TEAM_LEAD:
        if facts.kind != CARD or not facts.remark.strip():
            return []
        return _team_leads(facts, False, "Rückmeldung der Meinungskarte an die Führungskraft des Teams")
    return []


def same(a: Recipient, b: Recipient) -> bool:
    if a.staff_id is not None and b.staff_id is not None:
        return a.staff_id == b.staff_id
    return (_fold(a.name), a.role) == (_fold(b.name), b.role)


def propose(rules: Iterable[str], facts: NoticeFacts) -> Proposals:
    """Whom the office's rules propose for this case, without those already recorded or named twice."""
    hints: list[str] = []
    found: list[Recipient] = []
    for code in rules:
        for candidate in _rule(code, facts, hints):
            if not any(same(candidate, r) for r in (*found, *facts.recorded)):
                found.append(candidate)
    return Proposals(tuple(found), tuple(hints))


# --- what is wrong with a Kenntnisnahme ---------------------------------------------------------------------------


def recipient_problems(recipient: Recipient) -> Errors:
    """The name (required, one line) and the Funktion of one recipient, as typed."""
    name_problem = v.required_problem(recipient.name, "Name") or v.text_problem(
        recipient.name, "Name", max_len=MAX_NAME, multiline=False
    )
    role_problem = None
    if recipient.role and recipient.role not in STAFF_ROLES:
        role_problem = v.code_problem(recipient.role, STAFF_ROLES, "Funktion")
    reason_problem = v.text_problem(recipient.reason, "Anlass", max_len=MAX_REASON, multiline=False)
    return collect({"name": name_problem, "role": role_problem, "reason": reason_problem})


def notice_errors(informed_on: date | None, recipients: Sequence[Recipient], *, received: date, today: date) -> Errors:
    """Every problem of a Kenntnisnahme: its day (given, not before the receipt, not in the future), at least one
    recipient, each with a name."""
    errors = collect({"informed_on": action_date_problem(informed_on, "Zur Kenntnis am", received, today)})
    if not recipients:
        errors["recipients"] = "Bitte mindestens eine Person ankreuzen oder unten mit Namen eintragen."
    for recipient in recipients:
        for key, problem in recipient_problems(recipient).items():
            errors.setdefault(key, problem)
    return errors


def history_text(informed_on: date, recipients: Sequence[Recipient]) -> str:
    names = "; ".join(r.text() for r in recipients)
    return f"Zur Kenntnis gegeben am {informed_on:%d.%m.%Y}: {names}."


def recorded_lines(recorded: Sequence[Recipient]) -> list[str]:
    """ "04.12.2026 · Anna Berg (Teamleitung), Kopie · LGF in cc (Bereich 71)" per recorded Kenntnisnahme."""
    return [
        " · ".join(part for part in (f"{r.informed_on:%d.%m.%Y}" if r.informed_on else "", r.text(), r.reason) if part)
        for r in recorded
    ]


IN_OFFICE = ("TL", "STL", "BL", "LGF", "GF", "KRM")  # named as recipients; an employee only as a category


def auskunft_recipients(recorded: Sequence[Recipient]) -> list[str]:
    """The recipients an Auskunft (Art. 15 Abs. 1 lit. c DSGVO) names for what was recorded zur Kenntnis: managers
    and the KRM acting in office by name and Funktion; an employee (or anyone without Funktion) only as the category
    "betroffene/r Beschäftigte/r", as their name is a third party's."""
    lines = []
    for r in recorded:
        how = "Kopie" if r.copy else "zur Kenntnis"
        when = f"{how} am {r.informed_on:%d.%m.%Y}" if r.informed_on else how
        who = f"{r.name} ({r.function})" if r.role in IN_OFFICE else "die/der betroffene Beschäftigte"
        if r.role in IN_OFFICE and r.name == r.function:
            who = r.name
        lines.append(f"{who} ({when})")
    return list(dict.fromkeys(lines))
