"""Which deadlines a case has, and where it stands against them on a given day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import NamedTuple

from krm_desktop.model.codes import GF_KINDS, PETITION_KINDS
from krm_desktop.model.office.profiles import FROM_ACK_SENT, OfficeProfile
from krm_desktop.model.time.working_days import WorkingCalendar, calendar_for


@dataclass(frozen=True)
class Deadlines:
    ack_due: date | None
    final_due: date | None
    gf_due: date | None = None


NO_CLOCK = Deadlines(None, None, None)


def calendar_of(profile: OfficeProfile) -> WorkingCalendar:
    return calendar_for(profile.bundesland, tuple(profile.closing_days))


def gf_due_from(profile: OfficeProfile, day: date) -> date:
    """The office's rule for the Vorlage an GF: the same working day (the next one when `day` is none). It runs
    from the receipt of a petition, Eingabe or DAB, and from the day a case was marked "vorlagepflichtig"
    (Pankow's Anlage 2)."""
    return calendar_of(profile).next_working_day(day)


def has_clocks(kind: str, channel: str, has_addressee: bool) -> bool:
    """Anonymous reactions and Meinungskarten run no clock."""
    return has_addressee and kind != "meinungskarte" and channel != "meinungskarte"


def compute_deadlines(
    profile: OfficeProfile,
    kind: str,
    channel: str,
    received: date,
    *,
    has_addressee: bool = True,
    ack_sent: date | None = None,
    body_due: date | None = None,
) -> Deadlines:
    cal = calendar_of(profile)
    # Sofortsache / GF informed at once: an internal clock that runs even without an addressee.
    gf_due = gf_due_from(profile, received) if kind in GF_KINDS else None
    if not has_clocks(kind, channel, has_addressee):
        return Deadlines(None, None, gf_due)
    shift = profile.shift_to_working_day
    rule = profile.rule_for(kind)
    # An oral reaction is acknowledged in the conversation: only the kind's ack channels start that clock.
    # Petitions and Eingaben: only where the office acknowledges the petitioner at all.
    acknowledged = rule.starts_ack_clock(channel) and profile.acknowledges_petitioner(kind)
    ack_due = cal.due_date(received, rule.ack, shift) if acknowledged else None
    if rule.final.start == FROM_ACK_SENT:
        # Braunschweig: the answer clock starts when the acknowledgement was sent, before that from the
        # acknowledgement's due date; without an acknowledgement clock from the receipt.
        final_due = cal.due_date(ack_sent or ack_due or received, rule.final, shift)
    else:
        final_due = cal.due_date(received, rule.final, shift)
    if kind in PETITION_KINDS and body_due is not None:
        final_due = body_due  # the requesting body's own date overrides
    return Deadlines(ack_due, final_due, gf_due)


def answer_due_if_acknowledged(
    profile: OfficeProfile,
    kind: str,
    channel: str,
    received: date,
    final_due: date | None,
    *,
    sent_on: date,
    has_addressee: bool = True,
    body_due: date | None = None,
) -> date | None:
    """The answer's due date once the acknowledgement is sent on `sent_on`: a clock that starts at the sending
    (Braunschweig) runs from that day; every other stays at the stored `final_due`. Recording the sending and the
    date an acknowledgement letter promises both use it, so the letter promises what the case will record."""
    if profile.rule_for(kind).final.start != FROM_ACK_SENT:
        return final_due
    facts = compute_deadlines(
        profile, kind, channel, received, has_addressee=has_addressee, ack_sent=sent_on, body_due=body_due
    )
    return facts.final_due


class DueState(Enum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    ON_TRACK = "on_track"
    CLOSED = "closed"
    NO_CLOCK = "no_clock"


ACTION_LABELS = {
    "ack": "Eingangsbestätigung",
    "answer": "Antwort oder Zwischennachricht",
    "answer_after_interim": "Antwort (nach Zwischennachricht)",
    "gf": "Vorlage an GF",
}


class DueStatus(NamedTuple):
    state: DueState
    action: str | None = None  # ack | answer | answer_after_interim | gf
    due: date | None = None
    text: str = ""

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action or "", "")


class ClockFacts(NamedTuple):
    """The clock-relevant facts of a case (kept apart from the entity so lists can pass plain rows)."""

    closed: date | None
    ack_due: date | None
    final_due: date | None
    ack_sent: date | None
    interim_sent: date | None
    interim_expected: date | None
    answer_sent: date | None
    ack_waived: date | None = None  # "Eingangsbestätigung entfällt": the acknowledgement clock stopped that day
    waiver: bool = False  # the customer waived a written answer: no acknowledgement is awaited any more
    gf_due: date | None = None  # petition/Eingabe/DAB: the Vorlage an GF (Sofortsache)
    gf_presented: date | None = None  # "vorgelegt an GF am": the Vorlage is done


SOON_WORKING_DAYS = 2


def pending(facts: ClockFacts) -> list[tuple[str, date]]:
    """Open clock items (action, due date), earliest first."""
    items: list[tuple[str, date]] = []
    if facts.closed is not None:
        return items
    # First in the list: on the same day the Vorlage an GF comes before the letters.
    if facts.gf_due and not facts.gf_presented and not facts.answer_sent:
        items.append(("gf", facts.gf_due))
    if facts.ack_due and not facts.ack_sent and not facts.answer_sent and not facts.ack_waived and not facts.waiver:
        items.append(("ack", facts.ack_due))
    if facts.final_due and not facts.answer_sent:
        if facts.interim_sent:
            # Without a recorded expected date (e.g. imported) the original deadline keeps watch.
            items.append(("answer_after_interim", facts.interim_expected or facts.final_due))
        else:
            items.append(("answer", facts.final_due))
    return sorted(items, key=lambda item: item[1])


CLOCK_FIELDS = (
    "closed",
    "ack_due",
    "final_due",
    "ack_sent",
    "interim_sent",
    "interim_expected",
    "answer_sent",
    "ack_waived",
    "waiver",
    "gf_due",
    "gf_presented",
)


def next_due(facts: ClockFacts) -> tuple[str | None, date | None]:
    """The earliest open clock item (stored on the case so lists sort and filter by it in SQL)."""
    items = pending(facts)
    return items[0] if items else (None, None)


def due_status(facts: ClockFacts, today: date, cal: WorkingCalendar) -> DueStatus:
    if facts.closed is not None:
        return DueStatus(DueState.CLOSED, text=f"abgeschlossen am {facts.closed:%d.%m.%Y}")
    items = pending(facts)
    if not items:
        if facts.ack_due is None and facts.final_due is None and facts.gf_due is None:
            return DueStatus(DueState.NO_CLOCK, text="keine Frist")
        return DueStatus(DueState.ON_TRACK, text="Fristen erledigt")
    action, due = items[0]
    if today > due:
        late = cal.working_days_between(due, today)
        if late >= 1:
            words = f"überfällig seit {late} AT"
        else:
            days = (today - due).days
            words = f"überfällig seit {days} Tag{'en' if days > 1 else ''}"
        return DueStatus(DueState.OVERDUE, action, due, words)
    if due == today:
        return DueStatus(DueState.DUE_SOON, action, due, "heute fällig")
    ahead = cal.working_days_between(today, due)
    if ahead <= SOON_WORKING_DAYS:
        return DueStatus(DueState.DUE_SOON, action, due, f"fällig am {due:%d.%m.%Y} (in {ahead} AT)")
    return DueStatus(DueState.ON_TRACK, action, due, f"fällig am {due:%d.%m.%Y}")
