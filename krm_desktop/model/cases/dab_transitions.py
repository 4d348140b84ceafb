"""The pure core of the Dienstaufsichtsbeschwerde's own steps: the GF decides it or reclassifies it, and the
employee concerned is informed of the decision. No database access (services: `dab`; the other steps:
`transitions`)."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import input_checks as inputs
from krm_desktop.model.cases.transitions import (
    Change,
    Entry,
    Fields,
    StaffMember,
    available,
    one_entry,
    refuse_if,
)
from krm_desktop.model.codes import KINDS, label


def _d(value: date) -> str:
    return f"{value:%d.%m.%Y}"


def decide_dab(
    fields: Fields, *, decision: str, decider: StaffMember | None, decided_on: date | None, today: date
) -> Change:
    available(fields, checks.DECIDE)
    refuse_if(
        inputs.decision_errors(
            decision=decision,
            decider_role=decider.role if decider else None,
            decided_on=decided_on,
            received=fields["received"],
            today=today,
        )
    )
    assert decider is not None and decided_on is not None
    text = f"Entscheidung der Geschäftsführung ({decider.name}) am {_d(decided_on)}: {decision}"
    return one_entry({"gf_decision": decision, "decided_by": decider.id, "decided_on": decided_on}, "dab_decided", text)


def reclassify_dab(
    fields: Fields,
    *,
    new_kind: str | None,
    reason: str,
    decider: StaffMember | None,
    decided_on: date | None,
    today: date,
) -> Change:
    """GF rates a DAB as Fachaufsichtsbeschwerde or plain Beschwerde; who, when and why are recorded.

    From then on the case goes on as the kind it became, as if it had come in as one (DOMAIN §1: a
    Fachaufsichtsbeschwerde is handled like a Beschwerde; §2: processing where the cause lies): the team leads at
    Eskalationsstufe 1 and its Teamleitung signs. The GF's lead, its Schlusszeichnung and its same-day Vorlage
    belonged to the DAB (§2: "Petitions, Eingaben, DAB: GF leads") and end with it; where the GF wants to keep the
    matter, it escalates the case or reserves the Schlusszeichnung like for any complaint. The DAB's own steps
    (decision, informing the employee) are no longer offered (`action_checks`). The deadlines of the answer stay:
    the customer's clock runs from the receipt, whatever the case is called.
    """
    available(fields, checks.RECLASSIFY)
    refuse_if(
        inputs.reclassification_errors(
            new_kind=new_kind,
            reason=reason,
            decider_role=decider.role if decider else None,
            decided_on=decided_on,
            received=fields["received"],
            today=today,
        )
    )
    assert decider is not None and decided_on is not None and new_kind is not None
    team = "beim Team" if fields["team"] is not None else "beim Team (noch keinem zugeordnet)"
    text = (
        f"Von {decider.name} (Geschäftsführung) am {_d(decided_on)} umgedeutet: "
        f"Dienstaufsichtsbeschwerde → {label(KINDS, new_kind)}; Federführung nun {team}, Eskalationsstufe 1, "
        f"Schlusszeichnung durch die Teamleitung. Begründung: {reason}"
    )
    changes = {
        "kind": new_kind,
        "reclassified_from": fields["kind"],
        "lead": "team",
        "escalation_level": 1,
        "sign_off_role": "TL",
        "gf_due": None,
    }
    return Change(changes, (Entry("reclassified", text),), concerns={1: {"kind": new_kind}})


def inform_employee(fields: Fields, *, informed_on: date | None, today: date) -> Change:
    """The employee concerned learns the GF's decision on the DAB."""
    available(fields, checks.INFORM)
    refuse_if(
        inputs.informed_errors(
            informed_on=informed_on, decided_on=fields["decided_on"], received=fields["received"], today=today
        )
    )
    assert informed_on is not None
    text = f"Betroffene/r Beschäftigte/r über die Entscheidung informiert am {_d(informed_on)}."
    return one_entry({"employee_informed": informed_on}, "employee_informed", text)


# --- Pankow's petition steps (petition_checks) ------------------------------------------------------------------
