"""Closed cases of any age for the retention tests, made through the real services.

Each service call gets `today` = the day of the action, so a case closed in 2017 is written as it was then.
`full_case` fills every personal field (party, representative, free texts, statement, waiver or answer, DAB
employee and decision, letter, attachment, actor of each history entry) with the given marker prefix.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from krm_desktop.model.cases import dab as dab_services
from krm_desktop.model.cases import petition_steps
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.codes import GF_KINDS, OUTCOME_KINDS
from krm_desktop.model.office.profile_rules import waiver_forms_of
from krm_desktop.model.office.profiles import WAIVER_NOTE, load_profile
from krm_desktop.model.store.entities import Attachment, Case, Letter, Staff, Team
from tests import factories as f

USER = f.USER


def org() -> tuple[Team, Staff, Staff]:
    """The team, its TL and a GF (made once per database)."""
    team = Team.get_or_none(Team.name == "Team 401 Leistung") or f.team()
    tl = Staff.get_or_none(Staff.role == "TL") or f.staff("Jens Brandt", "TL", team)
    gf = Staff.get_or_none(Staff.role == "GF") or f.staff("Gerda Fuchs", "GF")
    return team, tl, gf


def closed_case(closed: date, kind: str = "beschwerde", *, person: bool = True, **overrides: Any) -> Case:
    """A case of `kind` received ten days before `closed` and closed on `closed`."""
    team, tl, gf = org()
    received = closed - timedelta(days=10)
    values: dict[str, Any] = {"kind": kind, "received": received, "team_id": team.id}
    if kind == "meinungskarte":
        values.update(channel="meinungskarte", person=None)
        person = False
    elif not person:
        values["person"] = None
    if kind in ("petition", "eingabe"):
        values.update(via="petitionsausschuss", requesting_body="Petitionsausschuss des Landtags")
    if kind == "dienstaufsichtsbeschwerde":
        values["employee_concerned"] = "Herr Beispiel (Team 401)"
    values.update(overrides)
    case = f.register(today=received, **values)
    return close(case, closed, tl, gf)


def close(case: Case, closed: date, tl: Staff, gf: Staff, user: str = USER) -> Case:
    if case.kind == "dienstaufsichtsbeschwerde":
        case = dab_services.decide_dab(
            case.id, version=case.version, decision=case.gf_decision or "Kein Fehlverhalten festgestellt.",
            decided_by=gf.id, decided_on=closed, today=closed, user=user,
        )  # fmt: skip
        case = dab_services.inform_employee(case.id, version=case.version, informed_on=closed, today=closed, user=user)
    if case.kind in ("petition", "eingabe") and petition_steps.steps_of(None).statement_check:  # Pankow
        case = f.statement(case, "Jens Brandt", "TL", closed, "Entwurf der Stellungnahme.", today=closed)
        case = f.act(petition_steps.check_statement, case, checked_on=closed, checked_by="KRM", today=closed)
    outcomes = {1: "unbegruendet"} if case.kind in OUTCOME_KINDS and case.kind != "meinungskarte" else {}
    signer = gf if case.sign_off_role == "GF" or case.kind in GF_KINDS else tl
    addressee = case.person_id is not None
    return f.act(
        cases.close,
        case,
        closed_on=closed,
        today=closed,
        user=user,
        outcomes=outcomes,
        signed_by=signer.id if addressee or case.kind in GF_KINDS else None,
        answer_sent=closed if addressee and not case.waiver else None,
    )


def _party(mark: str, n: int, role: str = "kunde") -> PartyRecord:
    return PartyRecord(
        name=f"{mark}name",
        role=role,
        salutation="frau",
        street=f"{mark}street 7",
        postcode=f"{(n * 7919) % 90000 + 10000:05d}",
        city=f"{mark}city",
        email=f"{mark}mail@example.org",
        phone=f"0451/{n:04d}-{(n * 31) % 10000:04d}",
        customer_no=f"{n % 1000:03d}Q{(n * 7) % 1000000:06d}" if role == "kunde" else "",
        bg_no=f"{n % 100000:05d}BG{(n * 13) % 10000000:07d}" if role == "kunde" else "",
    )


def full_case(
    closed: date,
    mark: str,
    n: int,
    kind: str = "dienstaufsichtsbeschwerde",
    *,
    subject: str = "",
    description: str = "",
) -> tuple[Case, list[str]]:
    """A case with every personal field set to a marker starting with `mark`; returns it and all markers.

    `subject` and `description` (markers of their own) replace the defaults, e.g. for a full-text index.
    """
    subject = subject or f"{mark}subject"
    description = description or f"{mark}description"
    team, _, gf = org()
    received = closed - timedelta(days=20)
    user = f"{mark}actor"
    person, represented = _party(mark, n, "vertreter"), _party(mark + "rep", n + 5000)
    data = f.case_input(
        kind=kind,
        received=received,
        team_id=team.id,
        subject=subject,
        description=f"{description} Grüße",
        person=person,
        represented=represented,
        employee_concerned=f"{mark}employee" if kind == "dienstaufsichtsbeschwerde" else "",
        requesting_ref=f"{mark}requestref",
    )
    case = cases.register(data, today=received, user=user)
    day = received + timedelta(days=1)
    case = cases.acknowledge(case.id, version=case.version, sent_on=day, today=day, user=user)
    case = cases.send_interim(
        case.id, version=case.version, sent_on=day, reason=f"{mark}interim", expected=closed, today=day, user=user
    )
    case = f.statement(case, f"{mark}author", "MA", day, f"{mark}statement", today=day, user=user)
    every_kind_waives = replace(load_profile(), waiver_forms=waiver_forms_of(gf_led=WAIVER_NOTE))  # every free text
    case = cases.record_waiver(
        case.id, version=case.version, declared_on=day, reasons=f"{mark}waiver", today=day, user=user,
        profile=every_kind_waives,
    )  # fmt: skip
    if kind == "dienstaufsichtsbeschwerde":
        case = dab_services.decide_dab(
            case.id, version=case.version, decision=f"{mark}decision", decided_by=gf.id, decided_on=day,
            today=day, user=user,
        )  # fmt: skip
        case = dab_services.inform_employee(case.id, version=case.version, informed_on=day, today=day, user=user)
    stamp = datetime.combine(day, datetime.min.time())
    Letter.create(
        case=case.id, doc_type="antwort", created=stamp, created_by=f"{mark}lettermaker",
        filename=f"{mark}letter.pdf", pdf=f"%PDF-1.4 {mark}letterbody".encode(),
    )  # fmt: skip
    Attachment.create(
        case=case.id, filename=f"{mark}scan.pdf", added=stamp, added_by=f"{mark}scanner",
        data=f"{mark}attachmentbody".encode("utf-16-le"),
    )  # fmt: skip
    case = Case.get_by_id(case.id)
    case = cases.close(
        case.id, version=case.version, closed_on=closed, today=closed, user=user,
        outcomes={1: "unbegruendet"} if kind in OUTCOME_KINDS else {}, signed_by=gf.id,
    )  # fmt: skip
    markers = [
        subject,
        description,
        *(f"{mark}{field}" for field in ("name", "street", "city", "mail@example.org", "actor")),
        *(f"{mark}rep{field}" for field in ("name", "street", "city", "mail@example.org")),
        *(
            f"{mark}{field}"
            for field in (
                *(("employee", "decision") if kind == "dienstaufsichtsbeschwerde" else ()),
                "requestref",
                "interim",
                "author",
                "statement",
                "waiver",
                "lettermaker",
                "letter.pdf",
                "letterbody",
                "scan.pdf",
                "scanner",
                "attachmentbody",
            )
        ),
        person.phone,
        person.customer_no,
        person.bg_no,
        represented.phone,
        represented.customer_no,
        represented.bg_no,
    ]
    return case, [m for m in markers if m]
