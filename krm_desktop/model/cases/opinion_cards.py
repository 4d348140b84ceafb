"""Meinungskarten: anonymous feedback cards (praise, idea, critique), entered one after another in a batch.

A card is a case of kind and channel `meinungskarte`, received directly (the cards come from the office's own
display stands), with no person, no letters and no deadlines. It holds what the card says (its tenor, the
words in short, a topic for the reports and the team concerned when the card names one). Entering it is all
the processing a card gets (Pankow's instruction: recorded, evaluated in the reports, concrete remarks passed
to the team's manager for information), so the batch closes each card at once unless told otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from krm_desktop.model import validation as v
from krm_desktop.model.cases import (
    closing,
    notices,  # issue 19: a card's remark zur Kenntnis an die Teamleitung
)
from krm_desktop.model.cases import entry as case_entry
from krm_desktop.model.cases.intake import CaseInput, case_errors
from krm_desktop.model.codes import CARD_TENORS
from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.office.topics import MAX_TOPIC_LEN
from krm_desktop.model.store.entities import Attachment, Case, Concern, Event, Letter, Notice, Team
from krm_desktop.model.store.transactions import write_transaction

KIND = "meinungskarte"
TENORS = CARD_TENORS  # stored in Case.card_tenor (issue 19), kept by the purge
MAX_TEXT = 2_000  # what fits on a card, with room to spare
SUBJECT_LEN = 300  # Case.subject
FIELDS = ("received", "tenor", "topic", "text", "team")


@dataclass
class CardInput:
    received: date
    tenor: str | None
    text: str
    topic: str = ""
    team_id: int | None = None


def subject_of(card: CardInput) -> str:
    """The case's subject: the tenor and the card's words, cut to the column (the words stay in full in the
    description)."""
    words = " ".join(card.text.split())
    head = f"{TENORS.get(card.tenor or '', 'Meinungskarte')}: "
    if len(head) + len(words) > SUBJECT_LEN:
        words = words[: SUBJECT_LEN - len(head) - 1].rsplit(" ", 1)[0] + "…"
    return head + words


def case_input(card: CardInput) -> CaseInput:
    return CaseInput(
        kind=KIND,
        channel=KIND,
        via="direkt",
        received=card.received,
        subject=subject_of(card),
        description=card.text.strip(),
        team_id=card.team_id,
        topic=card.topic.strip(),
        card_tenor=card.tenor or "",
    )


def card_errors(card: CardInput, today: date) -> dict[str, str]:
    """Every problem of a card, field (FIELDS) -> German message; empty when it may be stored."""
    errors: dict[str, str] = {}

    def add(name: str, problem: str | None) -> None:
        if problem and name not in errors:
            errors[name] = problem

    if card.tenor is None:
        add("tenor", "Bitte wählen Sie die Art der Rückmeldung: Lob, Anregung oder Kritik (Taste L, A oder K).")
    elif card.tenor not in TENORS:
        add("tenor", v.code_problem(card.tenor, TENORS, "Art der Rückmeldung"))
    add("text", v.required_problem(card.text, "Inhalt der Karte"))
    add("text", v.text_problem(card.text, "Inhalt der Karte", max_len=MAX_TEXT))
    add("topic", v.text_problem(card.topic, "Thema", max_len=MAX_TOPIC_LEN, multiline=False))
    if card.team_id is not None:
        team = Team.get_or_none(Team.id == card.team_id)
        if team is None:
            add("team", "Das gewählte Team gibt es nicht mehr; bitte ein anderes wählen.")
        elif not team.active:
            add("team", f"{team.name} ist nicht mehr aktiv; bitte ein aktives Team wählen.")
    found, _ = case_errors(case_input(card), today)  # what every case must pass (received date, …)
    for name, problem in found.items():
        add(_field(name), problem)
    return errors


def register_card(
    card: CardInput,
    *,
    today: date,
    user: str,
    profile: OfficeProfile | None = None,
    close: bool = True,
    notify_lead: bool = False,
) -> Case:
    """Store one card (and close it, the usual way); refused with every problem at once. `notify_lead`: a card with
    a team and a remark goes zur Kenntnis to that team's Führungskraft (issue 19, Pankow)."""
    errors = card_errors(card, today)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        try:
            case = case_entry.save_new(case_input(card), follows_id=None, today=today, user=user, profile=profile)
        except ValidationError as exc:  # the team went away meanwhile
            raise ValidationError({_field(name): problem for name, problem in exc.errors.items()}) from None
        if notify_lead:  # issue 19: zur Kenntnis an die Teamleitung
            case = notices.record_card_notice(case.id, today=today, user=user) or case
        if close:
            case = closing.close(case.id, version=case.version, closed_on=today, today=today, user=user)
    return Case.get_by_id(case.id)


def _field(name: str) -> str:
    return {"subject": "text", "description": "text", "card_tenor": "tenor"}.get(
        name, name if name in FIELDS else "text"
    )


def withdraw_card(case_id: int, *, version: int) -> None:
    """Take back a card just entered (mistyped): only a Meinungskarte nobody changed since, with nothing
    attached. It goes without a trace; the next card takes its number again."""
    with write_transaction():
        case: Any = Case.get_or_none(Case.id == case_id)
        if case is None:
            raise RefusedError("Diese Karte gibt es nicht mehr.")
        if case.kind != KIND:
            raise RefusedError(f"{case.ref} ist keine Meinungskarte und wird hier nicht zurückgenommen.")
        if case.version != version:
            raise ConflictError(
                f"{case.ref} wurde nach dem Erfassen noch bearbeitet und wird daher nicht mehr zurückgenommen."
            )
        if Attachment.select().where(Attachment.case == case.id).exists() or (
            Letter.select().where(Letter.case == case.id).exists()
        ):
            raise RefusedError(f"{case.ref} hat inzwischen Anlagen oder Schreiben und wird nicht zurückgenommen.")
        for child in (Concern, Event, Notice):  # also where the store was made without ON DELETE CASCADE
            child.delete().where(child.case == case.id).execute()
        Case.delete().where(Case.id == case.id).execute()
