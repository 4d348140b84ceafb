"""What happens to a registered demo case: acknowledgement, interim notice, escalation, statements, the
Geschäftsführung's decision on a DAB, waiver or answer, and closing — each step a transition of the case
services' pure core (`cases.transitions`) on its own day, as the office would have recorded it then. Steps after
`today` have not happened yet.

An office keeps its clocks: of the cases still open today about one in twenty is overdue (issue 20 item 10). Of
the cases whose course would leave them overdue today one in five stays so; the others are planned again from
the same draws, on time: the acknowledgement in time, a late answer or a case waiting on someone announced by an
interim notice whose expected date lies ahead, a case settled at the desk closed before its answer falls due.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import attrgetter
from typing import Any

from krm_desktop.model.cases import contributions, dab_transitions, transitions
from krm_desktop.model.cases.concern_teams import distinct_teams, several_teams
from krm_desktop.model.cases.transitions import Change, Fields, StaffMember
from krm_desktop.model.codes import GF_KINDS, OUTCOME_KINDS
from krm_desktop.model.demo import texts as t
from krm_desktop.model.demo.matters import pick
from krm_desktop.model.demo.office import Office
from krm_desktop.model.office.profiles import FROM_ACK_SENT, WAIVER_NONE, WAIVER_SIGNED, OfficeProfile
from krm_desktop.model.time.deadlines import CLOCK_FIELDS, ClockFacts, DueState, calendar_of, due_status

DAY = timedelta(days=1)
HEARD_KINDS = frozenset({"petition", "eingabe", "dienstaufsichtsbeschwerde", "fachaufsichtsbeschwerde"})


STUCK_WINDOW = timedelta(days=70)  # how far back a case may still be open and overdue
STUCK_ONE_IN = 20  # of the cases with a clock received in that window, but not in the last 20 days, one in 20
# still waits on someone today
OPEN_WINDOW = timedelta(days=100)  # a case received earlier has closed by today, however late it was answered
# Of the cases whose course would leave them overdue today (those waiting on someone, some late letters) one in
# five stays so: about one in twenty of the open cases.
OVERDUE_ONE_IN = 5


@dataclass(frozen=True)
class Step:
    """One transition done on `day` to the case, with these inputs besides the case's fields and `today` (and,
    for `transitions.close`, its concerns)."""

    day: date
    transition: Callable[..., Change]
    inputs: dict[str, Any] = field(default_factory=dict)


class Course:
    """Plans the course of a case."""

    def __init__(self, rng: random.Random, profile: OfficeProfile, office: Office, today: date) -> None:
        self.rng = rng
        self.profile = profile
        self.calendar = calendar_of(profile)
        self.office = office
        self.today = today
        self.window_cases = 0  # cases with a clock received so far in the STUCK_WINDOW (not the last 20 days)
        self.behind = 0  # cases planned so far whose course would leave them overdue today

    def steps(self, case: Fields, concern_kinds: list[str], concern_teams: Sequence[int | None] = ()) -> list[Step]:
        """The planned steps of the registered case that happened up to today, in the order of their days;
        `concern_teams`: the team of each Anliegen (several teams: each team's Beitrag). A case that would be open
        and overdue today is planned again on time unless it is the one in OVERDUE_ONE_IN that stays so."""
        if case["received"] < self.today - OPEN_WINDOW:
            return self.done(self.plan(case, concern_kinds, concern_teams))
        stuck = case["final_due"] is not None and self.waits(case["received"])
        draws = self.rng.getstate()
        done = self.done(self.plan(case, concern_kinds, concern_teams, stuck=stuck))
        if self.closed(done):
            return done
        if self.overdue(case, done):
            self.behind += 1
            if self.behind % OVERDUE_ONE_IN != 1:
                self.rng.setstate(draws)
                done = self.done(self.plan(case, concern_kinds, concern_teams, stuck=stuck, on_time=True))
        return done

    def waits(self, received: date) -> bool:
        """Whether a case with a clock received on that day still waits on someone today (every STUCK_ONE_IN-th
        of the window, so that the office's few waiting cases do not depend on the luck of the draw)."""
        if not self.today - STUCK_WINDOW <= received < self.today - 20 * DAY:
            return False
        self.window_cases += 1
        return self.window_cases % STUCK_ONE_IN == STUCK_ONE_IN // 2

    def done(self, planned: list[Step]) -> list[Step]:
        """The steps done up to today, in the order of their days (on the same day in the planned order)."""
        return [step for step in sorted(planned, key=attrgetter("day")) if step.day <= self.today]

    @staticmethod
    def closed(done: list[Step]) -> bool:
        return any(step.transition is transitions.close for step in done)

    def overdue(self, case: Fields, done: list[Step]) -> bool:
        """Whether the open case is overdue today after the steps done (none of them closes it)."""
        fields = dict(case)
        for step in done:
            change = step.transition(fields, today=step.day, **step.inputs)
            fields.update(transitions.saved_fields(fields, change.fields))
        facts = ClockFacts(*(fields[name] for name in CLOCK_FIELDS))
        return due_status(facts, self.today, self.calendar).state is DueState.OVERDUE

    # -- days -------------------------------------------------------------------------------------------------
    def workday(self, lo: date, hi: date, rng: random.Random | None = None) -> date:
        """A random working day in [lo, hi]; hi when none follows (lo when hi < lo)."""
        if hi <= lo:
            return lo
        return min(self.calendar.next_working_day(lo + (rng or self.rng).randint(0, (hi - lo).days) * DAY), hi)

    # -- the plan ---------------------------------------------------------------------------------------------
    def plan(
        self,
        case: Fields,
        concern_kinds: list[str],
        concern_teams: Sequence[int | None] = (),
        *,
        stuck: bool = False,
        on_time: bool = False,
    ) -> list[Step]:
        """Every step of the case, today's future included; `stuck`: it waits on someone and stays open; `on_time`:
        no clock is missed before today."""
        rng, kind, received = self.rng, case["kind"], case["received"]
        outcomes = {pos: pick(rng, t.OUTCOME_WEIGHTS) for pos, k in enumerate(concern_kinds, 1) if k in OUTCOME_KINDS}
        ack_due, final_due = case["ack_due"], case["final_due"]
        # Sofortsache: the Vorlage an GF is done the day it is due.
        presented = [Step(d, transitions.present_to_gf, {"presented_on": d}) for d in [case["gf_due"]] if d]
        if final_due is None:  # Meinungskarte or anonymous: no letters, no clock
            closed = received + (rng.randint(0, 14) if kind == "meinungskarte" else rng.randint(2, 20)) * DAY
            return [*presented, Step(closed, transitions.close, {"closed_on": closed, "outcomes": outcomes})]
        steps: list[Step] = [*presented]
        r = rng.random()
        quick = r < 0.12 and kind not in GF_KINDS and ack_due is not None and not stuck  # answered before ack due
        late = r > 0.9
        waiver = (
            case["channel"] in ("telefon", "persoenlich")
            and kind not in GF_KINDS
            and self.profile.waiver_form(kind) != WAIVER_NONE
            and not stuck
            and rng.random() < 0.25
        )
        settled_by = ack_due if quick else final_due  # a quick case is settled before the acknowledgement is due
        declared = self.workday(received, settled_by) if waiver else None  # settled by phone or in person
        ack = None
        if not quick and ack_due is not None:  # the channel starts the acknowledgement clock
            lo, hi = (received, ack_due) if rng.random() < 0.92 or on_time else (ack_due + DAY, ack_due + 6 * DAY)
            ack = self.workday(lo, hi)
            if declared is not None and ack >= declared:
                ack = None
            else:
                steps.append(Step(ack, transitions.acknowledge, {"sent_on": ack, "profile": self.profile}))
                if self.profile.rule_for(kind).final.start == FROM_ACK_SENT:  # what `acknowledge` will store
                    final_due = transitions.deadline_fields(case, self.profile, ack_sent=ack)["final_due"] or final_due
        base = ack or received
        if quick:
            answer = self.workday(received, ack_due)
        elif late:
            answer = max(self.workday(final_due + DAY, final_due + rng.randint(3, 35) * DAY), base)
        else:
            answer = self.workday(base, final_due)
        if late and not waiver and (rng.random() < 0.7 or on_time) and not (stuck and on_time):
            interim = self.workday(max(base, final_due - 4 * DAY), final_due)
            answer = max(answer, interim + DAY)
            expected = max(answer + rng.choice((0, 0, 0, 3, 7)) * DAY, interim + DAY)
            if rng.random() < 0.2 and not on_time:  # the expected date slipped as well
                expected = max(interim + DAY, answer - rng.randint(1, 5) * DAY)
            reason = rng.choice(t.INTERIM_REASONS)
            steps.append(
                Step(interim, transitions.send_interim, {"sent_on": interim, "reason": reason, "expected": expected})
            )
        end = declared or answer  # the last day the case is worked on before it closes
        level, sign_off_role = case["escalation_level"], case["sign_off_role"]
        if level == 1 and rng.random() < 0.065:
            level = 2 if rng.random() < 0.8 else 3
            reason = rng.choice(t.ESCALATION_REASONS) if level == 3 or rng.random() < 0.5 else ""
            steps.append(Step(self.workday(received, end), transitions.escalate, {"to_level": level, "reason": reason}))
        if sign_off_role == "TL" and rng.random() < 0.03:
            sign_off_role = "GF"
            steps.append(Step(received, transitions.reserve_sign_off))
        heard = received
        if kind in HEARD_KINDS:
            heard = self.statements(case, end, steps)
        if several_teams(concern_teams):
            heard = max(heard, self.contributions(case, distinct_teams(concern_teams), end, steps))
        if kind == "dienstaufsichtsbeschwerde" and not self.gf_decision(case, heard, end, steps):
            return steps
        if stuck:
            if on_time:  # waiting on someone, announced to the customer
                sent = self.workday(max(base, final_due - 4 * DAY), final_due)
                expected = self.workday(self.today + DAY, self.today + 15 * DAY)
                inputs = {"sent_on": sent, "reason": rng.choice(t.INTERIM_REASONS), "expected": expected}
                steps.append(Step(sent, transitions.send_interim, inputs))
            return steps
        signer = self.office.signer(sign_off_role, level, case["team"], rng)
        return steps + self.ending(case, declared, answer, outcomes, signer, close_by=final_due if on_time else None)

    def ending(
        self,
        case: Fields,
        declared: date | None,
        answer: date,
        outcomes: dict[int, str],
        signer: StaffMember | None,
        close_by: date | None = None,
    ) -> list[Step]:
        """The waiver declared, or the answer sent; then the closing with an outcome for every complaint concern
        (after a waiver by `close_by` if given: the answer's clock runs until the case is closed)."""
        rng, steps = self.rng, []
        answered: date | None = None
        if declared is not None:
            reasons = rng.choice(t.WAIVER_REASONS[case["channel"]])
            inputs = {
                "declared_on": declared,
                "reasons": reasons,
                "settled_by": case["channel"],
                "profile": self.profile,
            }
            if self.profile.waiver_form(case["kind"]) == WAIVER_SIGNED:
                inputs["form_received_on"] = declared  # signed at the desk
            steps.append(Step(declared, transitions.record_waiver, inputs))
            closed = declared + rng.choice((0, 0, 1, 2)) * DAY
            if close_by is not None:
                closed = max(declared, min(closed, close_by))
        else:
            closed = self.calendar.next_working_day(answer + rng.choice((0, 0, 0, 1, 1, 2, 4)) * DAY)
            if closed == answer:
                answered = answer  # the answer's day given when closing, in one go
            else:
                steps.append(Step(answer, transitions.record_answer, {"sent_on": answer}))
        inputs = {"closed_on": closed, "outcomes": outcomes, "answer_sent": answered, "signer": signer}
        steps.append(Step(closed, transitions.close, inputs))
        return steps

    def statements(self, case: Fields, end: date, steps: list[Step]) -> date:
        """Statements of the employee concerned (DAB) and the team lead; returns the day the last one came in."""
        rng, kind, received = self.rng, case["kind"], case["received"]
        last = received
        authors: list[tuple[str, str, str]] = []
        if kind == "dienstaufsichtsbeschwerde":
            authors.append((case["employee_concerned"].split(" (")[0], "MA", rng.choice(t.STATEMENTS_MA)))
        lead = self.office.team_leads.get(case["team"] or 0)
        if lead and (kind != "fachaufsichtsbeschwerde" or rng.random() < 0.5):
            authors.append((lead.name, "TL", rng.choice(t.STATEMENTS_TL)))
        for author, role, text in authors:
            day = min(self.workday(received + DAY, end - 2 * DAY), end)
            last = max(last, day)
            inputs = {"author": author, "author_role": role, "received_on": day, "text": text}
            steps.append(Step(day, transitions.record_statement, inputs))
        return last

    def contributions(self, case: Fields, teams: list[int], end: date, steps: list[Step]) -> date:
        """Each team concerned sends its Beitrag through its Teamleitung; returns the day the last one came in.
        Drawn from a stream of the case's own, so the rest of the demo stays as it was."""
        rng = random.Random(case["ref"])
        names = {team: self.office.team_names.get(team, "") for team in teams}
        last = case["received"]
        for team in teams:
            lead = self.office.team_leads.get(team)
            if lead is None or rng.random() < 0.1:  # now and then a Beitrag is still missing
                continue
            day = min(self.workday(case["received"] + DAY, end - 2 * DAY, rng), end)
            last = max(last, day)
            inputs = {
                "teams": names,
                "team_id": team,
                "author": lead.name,
                "author_role": "TL",
                "received_on": day,
                "text": rng.choice(t.CONTRIBUTIONS),
            }
            steps.append(Step(day, contributions.record_contribution, inputs))
        return last

    def gf_decision(self, case: Fields, heard: date, end: date, steps: list[Step]) -> bool:
        """The Geschäftsführung reclassifies the DAB, or decides it after the statements and the employee is
        informed; False when the office has nobody to decide."""
        rng = self.rng
        if not self.office.management:
            return False
        gf = rng.choice(self.office.management)
        if rng.random() < 0.2:
            day = min(self.workday(case["received"] + DAY, end - DAY), end)
            if case["gf_due"] is not None:  # the GF reclassifies what was presented to it, not before
                day = max(day, case["gf_due"])
            inputs = {
                "new_kind": rng.choice(("fachaufsichtsbeschwerde", "beschwerde")),
                "reason": rng.choice(t.RECLASSIFY_REASONS),
                "decider": gf,
                "decided_on": day,
            }
            steps.append(Step(day, dab_transitions.reclassify_dab, inputs))
            return True
        decided = self.workday(max(heard, end - 6 * DAY), end)
        decision = {"decision": rng.choice(t.GF_DECISIONS), "decider": gf, "decided_on": decided}
        steps.append(Step(decided, dab_transitions.decide_dab, decision))
        informed = self.workday(decided, end)
        steps.append(Step(informed, dab_transitions.inform_employee, {"informed_on": informed}))
        return True
