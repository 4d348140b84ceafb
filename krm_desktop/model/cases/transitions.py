"""The pure core of the workflow services: what an action does to a case, from the case's stored fields and the
action's inputs. No database access.

A case's fields are a dict by `Case` field name, a foreign key by the id it holds (what `writes.case_fields`
reads of a stored case, and what `Case.create`/`Case.update` take). Each transition refuses with the German
messages of `action_checks`/`closing_checks`, or returns a `Change`: the changed fields, the concerns' changes, a
statement received, and the history entries to log. Every transition takes `today`, the day the action is done
on, so a course of steps runs them alike. The services (`services`, `closing`, `dab`) load the case, call the
transition and store its change with the version check (`writes.apply`); the demo generator runs whole courses
through the same transitions in memory and writes the result in bulk.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import closing_checks, petition_checks, waiver_checks
from krm_desktop.model.cases import input_checks as inputs
from krm_desktop.model.cases.concern_teams import SEVERAL_TEAMS_ACTION, SEVERAL_TEAMS_TEXT, several_teams
from krm_desktop.model.codes import ESCALATION_ROLES, OUTCOMES, STAFF_ROLES, STATUS_CLOSED, label
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import WAIVER_SIGNED, OfficeProfile
from krm_desktop.model.time.deadlines import (
    CLOCK_FIELDS,
    ClockFacts,
    answer_due_if_acknowledged,
    compute_deadlines,
    gf_due_from,
    next_due,
)

Fields = dict[str, Any]


@dataclass(frozen=True)
class Entry:
    """One line of the case's history (Fallhistorie): the action's code and its German text."""

    action: str
    text: str


@dataclass(frozen=True)
class Change:
    """What one action does to a case; saving it also sets the next clock item and the version (`saved_fields`)."""

    fields: Fields
    entries: tuple[Entry, ...]
    concerns: dict[int, Fields] = field(default_factory=dict)  # position -> the concern's changed fields
    statement: Fields | None = None  # a statement received: the new row's fields besides its case


@dataclass(frozen=True)
class StaffMember:
    """Who signs an answer or decides on a DAB."""

    id: int
    name: str
    role: str
    team: int | None = None  # the team a Teamleitung leads (None: not known, or no team)


def clock_fields(values: Mapping[str, Any]) -> Fields:
    """next_action/next_due for a case whose clock-relevant fields are `values`."""
    action, due = next_due(ClockFacts._make(values.get(name) for name in CLOCK_FIELDS))
    return {"next_action": action, "next_due": due}


def saved_fields(fields: Mapping[str, Any], changes: Mapping[str, Any]) -> Fields:
    """What saving `changes` writes into a case stored as `fields`: the changes, the case's next clock item with
    them, and the next version."""
    clock = {name: changes[name] if name in changes else fields[name] for name in CLOCK_FIELDS}
    return {**changes, **clock_fields(clock), "version": fields["version"] + 1}


def deadline_fields(fields: Mapping[str, Any], profile: OfficeProfile, **facts: Any) -> Fields:
    """Deadlines of the case, with the given clock-relevant facts replacing the stored ones."""
    current: dict[str, Any] = {
        "channel": fields["channel"],
        "received": fields["received"],
        "ack_sent": fields["ack_sent"],
        "body_due": fields["body_due"],
        "has_addressee": fields["person"] is not None,
    }
    current.update(facts)
    d = compute_deadlines(
        profile,
        fields["kind"],
        current["channel"],
        current["received"],
        has_addressee=current["has_addressee"],
        ack_sent=current["ack_sent"],
        body_due=current["body_due"],
    )
    gf_due = d.gf_due
    if gf_due is None and fields.get("gf_required_on"):  # issue 19: marked "vorlagepflichtig" (Pankow's Anlage 2)
        gf_due = gf_due_from(profile, fields["gf_required_on"])
    return {"ack_due": d.ack_due, "final_due": d.final_due, "gf_due": gf_due}


def refuse_if(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def available(
    fields: Mapping[str, Any], action: str, ack_waivable_channels: Collection[str] = ()
) -> checks.ActionFacts:
    """The case's facts, when its state allows `action` (the rule the menus use); else the German refusal."""
    facts = checks.ActionFacts.of_fields(fields, ack_waivable_channels)
    reason = checks.unavailable_reason(facts, action)
    if reason:
        raise RefusedError(reason)
    return facts


def _d(value: date) -> str:
    return f"{value:%d.%m.%Y}"


def one_entry(fields: Fields, action: str, text: str) -> Change:
    return Change(fields, (Entry(action, text),))


def acknowledge(fields: Fields, *, sent_on: date, today: date, profile: OfficeProfile) -> Change:
    available(fields, checks.ACKNOWLEDGE)
    refuse_if(inputs.sent_errors(sent_on, "Versanddatum", fields["received"], today))
    changes: Fields = {"ack_sent": sent_on}
    # Only a clock that starts at the sending moves; other stored deadlines never move afterwards.
    final_due = answer_due_if_acknowledged(
        profile,
        fields["kind"],
        fields["channel"],
        fields["received"],
        fields["final_due"],
        sent_on=sent_on,
        has_addressee=fields["person"] is not None,
        body_due=fields["body_due"],
    )
    if final_due != fields["final_due"]:
        changes["final_due"] = final_due
    ack_due = fields["ack_due"]
    late = " (nach Fristablauf)" if ack_due and sent_on > ack_due else ""
    return one_entry(changes, "acknowledged", f"Eingangsbestätigung versandt am {_d(sent_on)}{late}.")


def present_to_gf(fields: Fields, *, presented_on: date | None, today: date) -> Change:
    """The Vorlage an GF of a petition, Eingabe or DAB is done: its deadline stops."""
    available(fields, checks.PRESENT_GF)
    refuse_if(inputs.gf_presented_errors(presented_on, fields["received"], today))
    assert presented_on is not None
    gf_due = fields["gf_due"]
    late = " (nach Fristablauf)" if gf_due and presented_on > gf_due else ""
    return one_entry({"gf_presented": presented_on}, "gf_presented", f"Vorgelegt an GF am {_d(presented_on)}{late}.")


def waive_acknowledgement(
    fields: Fields, *, decided_on: date | None, reason: str, decided_by: str, today: date, profile: OfficeProfile
) -> Change:
    """ "Eingangsbestätigung entfällt": the KRM decided that no acknowledgement is sent (where the profile lets it
    for the case's channel). The acknowledgement clock stops; the other deadlines stay as they are."""
    available(fields, checks.WAIVE_ACK, profile.ack_waivable_channels)
    refuse_if(inputs.ack_waiver_errors(decided_on=decided_on, reason=reason, received=fields["received"], today=today))
    assert decided_on is not None
    text = (
        f"Eingangsbestätigung entfällt: entschieden am {_d(decided_on)} von {decided_by}. Begründung: {reason.strip()}"
    )
    return one_entry({"ack_waived": decided_on, "ack_waived_reason": reason.strip()}, "ack_waived", text)


def send_interim(fields: Fields, *, sent_on: date, reason: str, expected: date | None, today: date) -> Change:
    available(fields, checks.INTERIM)
    refuse_if(
        inputs.interim_errors(
            sent_on=sent_on, reason=reason, expected=expected, received=fields["received"], today=today
        )
    )
    assert expected is not None  # interim_errors refuses a missing date
    if fields.get("interim_sent") == sent_on:
        raise RefusedError(f"Die Zwischennachricht vom {_d(sent_on)} ist bereits als versandt vermerkt.")
    text = (
        f"Zwischennachricht versandt am {_d(sent_on)}; voraussichtliche Erledigung bis {_d(expected)}. Grund: {reason}"
    )
    return one_entry({"interim_sent": sent_on, "interim_reason": reason, "interim_expected": expected}, "interim", text)


def assign_team(
    fields: Fields,
    *,
    team_id: int | None,
    team_name: str | None,
    today: date,
    other_teams: Sequence[int | None] = (),
) -> Change:
    """`team_name` None: no team chosen, or the chosen one (`team_id`) is gone. The team becomes the first
    Anliegen's; with `other_teams` (those of the further Anliegen) it may make several teams concerned."""
    available(fields, checks.ASSIGN)
    if team_name is None:
        gone = " (das gewählte gibt es nicht mehr)" if team_id is not None else ""
        raise ValidationError({"team": f"Bitte ein Team wählen{gone}."})
    if team_id == fields["team"]:
        raise ValidationError({"team": f"{team_name} ist bereits zuständig."})
    changes: Fields = {"team": team_id}
    entries = [Entry("assigned", f"Zuständig: {team_name}.")]
    if several_teams([team_id, *other_teams]) and (fields["lead"], fields["sign_off_role"]) != ("gf", "GF"):
        changes.update(lead="gf", sign_off_role="GF")
        entries.append(Entry(SEVERAL_TEAMS_ACTION, SEVERAL_TEAMS_TEXT))
    return Change(changes, tuple(entries), concerns={1: {"team": team_id}})


def escalate(fields: Fields, *, to_level: int | None, reason: str, today: date) -> Change:
    """TL (1) -> BL (2) -> GF (3); skipping a level is the exception and needs a reason."""
    available(fields, checks.ESCALATE)
    refuse_if(inputs.escalation_errors(current=fields["escalation_level"], to_level=to_level, reason=reason))
    assert to_level is not None
    changes: Fields = {"escalation_level": to_level}
    if to_level == 3:
        changes["lead"] = "gf"
    role = label(STAFF_ROLES, ESCALATION_ROLES[to_level])
    text = f"Eskaliert auf Stufe {to_level} ({role})." + (f" Begründung: {reason}" if reason.strip() else "")
    return one_entry(changes, "escalated", text)


def reserve_sign_off(fields: Fields, *, today: date) -> Change:
    available(fields, checks.RESERVE)
    text = "Die Geschäftsführung hat sich die Schlusszeichnung vorbehalten."
    return one_entry({"sign_off_role": "GF"}, "sign_off_reserved", text)


def record_statement(
    fields: Fields, *, author: str, author_role: str, received_on: date | None, text: str, today: date
) -> Change:
    available(fields, checks.STATEMENT)
    refuse_if(
        inputs.statement_errors(
            author=author,
            author_role=author_role,
            received_on=received_on,
            text=text,
            received=fields["received"],
            today=today,
        )
    )
    assert received_on is not None
    name = author.strip()
    entry = Entry(
        "statement",
        f"Stellungnahme von {name} ({label(STAFF_ROLES, author_role)}) eingegangen am {_d(received_on)}.",
    )
    statement = {"author": name, "author_role": author_role, "received_on": received_on, "text": text, "team": None}
    return Change({}, (entry,), statement=statement)


def record_waiver(
    fields: Fields,
    *,
    declared_on: date | None,
    reasons: str,
    today: date,
    profile: OfficeProfile,
    settled_by: str | None = None,
    form_received_on: date | None = None,
) -> Change:
    """The customer waived a written answer, in the form the profile requires for the kind: a Vermerk of the
    conversation on `declared_on` (reasons: what was settled), or a declaration signed on `declared_on` that came
    back signed on `form_received_on`. The history says which form happened (settled_by: a key of
    waiver_checks.SETTLED_BY)."""
    form = profile.waiver_form(fields["kind"])
    reason = checks.unavailable_reason(replace(checks.ActionFacts.of_fields(fields), waiver_form=form), checks.WAIVER)
    if reason:
        raise RefusedError(reason)
    refuse_if(
        waiver_checks.waiver_errors(
            settled_by=settled_by,
            declared_on=declared_on,
            reasons=reasons,
            received=fields["received"],
            today=today,
            form=form,
            form_received_on=form_received_on,
        )
    )
    assert declared_on is not None
    how = f"{waiver_checks.SETTLED_BY[settled_by].capitalize()} geklärt; " if settled_by else ""
    if form == WAIVER_SIGNED:
        assert form_received_on is not None
        text = (
            f"{how}Verzicht auf schriftliche Antwort erklärt am {_d(declared_on)} (unterschriebene Erklärung, "
            f"eingegangen am {_d(form_received_on)}). Gründe: {reasons}"
        )
    else:
        text = (
            f"{how}Vermerk: Die Kundin/der Kunde hat im Gespräch am {_d(declared_on)} auf eine schriftliche Antwort "
            f"verzichtet. {reasons}"
        )
    return one_entry({"waiver": True, "waiver_reasons": reasons}, "waiver", text)


def record_answer(fields: Fields, *, sent_on: date, today: date) -> Change:
    available(fields, checks.ANSWER)
    refuse_if(inputs.sent_errors(sent_on, "Versanddatum", fields["received"], today))
    return one_entry({"answer_sent": sent_on}, "answered", f"Antwortschreiben versandt am {_d(sent_on)}.")


def close(
    fields: Fields,
    concerns: Sequence[closing_checks.ConcernFacts],
    *,
    closed_on: date,
    today: date,
    outcomes: dict[int, str] | None = None,
    signer: StaffMember | None = None,
    answer_sent: date | None = None,
) -> Change:
    """Every complaint concern needs an outcome, the answer (or a waiver) and the right sign-off."""
    outcomes = outcomes or {}
    facts = available(fields, checks.CLOSE)
    if not closing_checks.needs_sign_off(facts):
        signer = None
    refuse_if(
        closing_checks.close_errors(
            facts,
            concerns,
            closed_on=closed_on,
            outcomes=outcomes,
            answer_sent=answer_sent,
            signer=closing_checks.SignerFacts(signer.name, signer.role, signer.team) if signer else None,
            today=today,
        )
    )
    main_outcome = outcomes.get(1, concerns[0].outcome if concerns else None)
    answered = answer_sent or fields["answer_sent"]
    parts = [f"Abgeschlossen am {_d(closed_on)}"]
    if len(concerns) > 1:
        parts += [
            f"Anliegen {c.position}: {label(OUTCOMES, outcomes.get(c.position, c.outcome))}"
            for c in concerns
            if outcomes.get(c.position, c.outcome)
        ]
    elif main_outcome:
        parts.append(f"Ergebnis: {label(OUTCOMES, main_outcome)}")
    if answer_sent is not None:
        parts.append(f"Antwortschreiben versandt am {_d(answer_sent)}")
    if signer:
        parts.append(f"Schlusszeichnung: {signer.name} ({label(STAFF_ROLES, signer.role)})")
    if fields["waiver"] and answered is None:
        parts.append("ohne Antwortschreiben (Verzicht)")
    changes = {
        "status": STATUS_CLOSED,
        "closed": closed_on,
        "answer_sent": answered,
        "signed_by": signer.id if signer else None,
        "outcome": main_outcome,
    }
    outcome_changes = {c.position: {"outcome": outcomes[c.position]} for c in concerns if c.position in outcomes}
    return Change(changes, (Entry("closed", ", ".join(parts) + "."),), concerns=outcome_changes)


def _petition_step(facts: petition_checks.PetitionFacts, reason: str | None, errors: dict[str, str]) -> None:
    if reason:
        raise RefusedError(reason)
    refuse_if(errors)


def check_statement(
    facts: petition_checks.PetitionFacts,
    steps: petition_checks.PetitionSteps,
    *,
    checked_on: date | None,
    checked_by: str,
    today: date,
) -> Change:
    """The KRM checked the Stellungnahme formally (form, completeness, plausibility) before the GF signs."""
    errors = petition_checks.statement_check_errors(facts, checked_on=checked_on, checked_by=checked_by, today=today)
    _petition_step(facts, petition_checks.statement_check_reason(facts, steps), errors)
    assert checked_on is not None
    by = " ".join(checked_by.split())
    text = f"Stellungnahme in formeller Hinsicht geprüft am {_d(checked_on)} von {by}."
    return one_entry({"statement_checked": checked_on, "statement_checked_by": by}, "statement_checked", text)


def agree_with_ba(
    facts: petition_checks.PetitionFacts, steps: petition_checks.PetitionSteps, *, agreed_on: date | None, today: date
) -> Change:
    """The Stellungnahme agreed with the Agentur für Arbeit and the Regionaldirektion (§ 44b Abs. 3 SGB II)."""
    errors = petition_checks.ba_agreement_errors(facts, agreed_on=agreed_on, today=today)
    _petition_step(facts, petition_checks.ba_agreement_reason(facts, steps), errors)
    assert agreed_on is not None
    text = f"Stellungnahme abgestimmt mit Agentur für Arbeit und Regionaldirektion am {_d(agreed_on)}."
    return one_entry({"ba_agreed": agreed_on}, "ba_agreed", text)
