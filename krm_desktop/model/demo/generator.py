"""Invented demo data for `krm-desktop demo --cases N`: realistic German cases, fast.

The cases follow the same rules as the real services (deadlines from `compute_deadlines` and the stored
profile, outcomes for every complaint concern of a closed case, DAB decisions, waivers, follow-ups after
the earlier case closed …) but are written in bulk: ids are assigned from max(id), rows go in with one
`executemany` per table (SQLite) or chunked `insert_many` (other databases) inside one transaction.
Deterministic for a seed; `today` comes from the caller, the clock is never read.
"""

from __future__ import annotations

import heapq
import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import Any, cast

from peewee import DateField, SqliteDatabase, fn

from krm_desktop.model.codes import COMPLAINT_KINDS, GF_KINDS, KINDS, OUTCOMES, STAFF_ROLES, label
from krm_desktop.model.demo import texts as t
from krm_desktop.model.office.profiles import FROM_ACK_SENT, OfficeProfile, load_profile
from krm_desktop.model.store.entities import BaseModel, Case, Concern, Event, Party, Staff, Statement, Team, database
from krm_desktop.model.store.transactions import write_transaction
from krm_desktop.model.time.deadlines import CLOCK_FIELDS, ClockFacts, calendar_of, compute_deadlines, next_due
from krm_desktop.model.time.working_days import WorkingCalendar
from krm_desktop.model.validation import format_ref

DAY = timedelta(days=1)
HAS_NEXT_DUE = "next_due" in Case._meta.fields
DATE_FIELDS = tuple(n for n, f in Case._meta.fields.items() if isinstance(f, DateField))
CASE_DEFAULTS: dict[str, Any] = {
    name: (int(f.default) if isinstance(f.default, bool) else f.default)
    for name, f in Case._meta.fields.items()
    if name != "id"
}


_iso = lru_cache(maxsize=None)(date.isoformat)  # the same few thousand days come up again and again


@cache
def _de(day: date) -> str:
    return f"{day:%d.%m.%Y}"


class _Rng(random.Random):
    """random.Random with cheaper choice/randint (one random() call each); deterministic for a seed."""

    def choice(self, seq: Any) -> Any:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def weighted(self, table: tuple[tuple[Any, ...], list[float]]) -> Any:
        population, cumulative = table
        return population[bisect(cumulative, self.random() * cumulative[-1])]


def _table(weights: dict[Any, float]) -> tuple[tuple[Any, ...], list[float]]:
    return tuple(weights), list(accumulate(weights.values()))


def _translit(text: str) -> str:
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        text = text.replace(a, b)
    return text.lower().replace(" ", "")


@dataclass
class _Org:
    teams: list[tuple[int, str, str]]  # id, name, area
    team_weights: list[float]
    tl: dict[int, tuple[int, str, str]]  # team id -> staff (id, name, role)
    bl: dict[str, tuple[int, str, str]]  # area -> staff
    gf: list[tuple[int, str, str]]
    krm: list[tuple[int, str, str]]


def _organisation(rng: random.Random) -> _Org:
    """Teams and staff of the office; created where the database has none yet (per role)."""
    if not Team.select().exists():
        Team.insert_many([(n, a) for n, a, _ in t.TEAMS], fields=[Team.name, Team.area]).execute()
    teams = [(tm.id, tm.name, tm.area) for tm in Team.select().where(Team.active).order_by(Team.id)]
    teams = teams or [(tm.id, tm.name, tm.area) for tm in Team.select().order_by(Team.id)]
    staff: list[tuple[int, str, str, int | None]] = list(
        cast(Any, Staff.select(Staff.id, Staff.name, Staff.role, Staff.team).where(Staff.active).tuples())
    )
    have = {role for _, _, role, _ in staff}
    used: set[str] = set()

    def name() -> str:
        while True:
            first = rng.choice(t.FEMALE_FIRST if rng.random() < 0.6 else t.MALE_FIRST)
            full = f"{first} {rng.choice(t.LAST_NAMES)}"
            if full not in used:
                used.add(full)
                return full

    new: list[tuple[str, str, int | None]] = []
    if "TL" not in have:
        new += [(name(), "TL", team_id) for team_id, _, _ in teams]
    if "BL" not in have:
        first_team: dict[str, int] = {}
        for team_id, _, area in teams:
            first_team.setdefault(area, team_id)
        new += [(name(), "BL", team_id) for team_id in first_team.values()]
    if "GF" not in have:
        new += [(name(), "GF", None), (name(), "GF", None)]  # Geschäftsführung and deputy
    if "KRM" not in have:
        new += [(name(), "KRM", None), (name(), "KRM", None)]
    if new:
        rows = [(n, r, tm, f"{_translit(n.replace(' ', '.'))}@jobcenter.example.org") for n, r, tm in new]
        Staff.insert_many(rows, fields=[Staff.name, Staff.role, Staff.team, Staff.email]).execute()
    area_of = {team_id: area for team_id, _, area in teams}
    org = _Org(teams, [], {}, {}, [], [])
    weights = {n: w for n, _, w in t.TEAMS}
    org.team_weights = [float(weights.get(n, 5)) for _, n, _ in teams]
    if new:
        staff = list(cast(Any, Staff.select(Staff.id, Staff.name, Staff.role, Staff.team).where(Staff.active).tuples()))
    for staff_id, staff_name, role, member_of in sorted(staff):
        entry = (staff_id, staff_name, role)
        if role == "TL" and member_of is not None:
            org.tl.setdefault(member_of, entry)
        elif role == "BL" and member_of in area_of:
            org.bl.setdefault(area_of[member_of], entry)
        elif role == "GF":
            org.gf.append(entry)
        elif role == "KRM":
            org.krm.append(entry)
    return org


@dataclass
class _Done:
    """What a later Folgereaktion needs of an earlier closed case."""

    case_id: int
    ref: str
    closed: date
    team_id: int | None
    topic: str
    subject: str
    parties: list[tuple[Any, ...]] = field(default_factory=list)


class _Generator:
    def __init__(self, rng: _Rng, profile: OfficeProfile, org: _Org, today: date, user: str) -> None:
        self.rng = rng
        self.profile = profile
        self.cal: WorkingCalendar = calendar_of(profile)
        self.org = org
        self.today = today
        self.user = user
        self.places = t.PLACES_BY_PROFILE.get(profile.code) or t.PLACES_BY_PROFILE.get(
            t.PLACES_BY_LAND.get(profile.bundesland, ""), t.PLACES_FALLBACK
        )
        self.prefix = t.NUMBER_PREFIX.get(profile.code, ("999", "99901"))
        self.land = t.LAND_NAMES.get(profile.bundesland, profile.bundesland)
        self.case_fields = ["id", *CASE_DEFAULTS]
        self.case_values = itemgetter(*self.case_fields)
        self.tables: dict[int, tuple[tuple[Any, ...], list[float]]] = {}
        self.next_day: dict[date, date] = {}
        self.team_table = _table(dict(zip([team[0] for team in org.teams], org.team_weights, strict=True)))
        self.team_name = {team_id: name for team_id, name, _ in org.teams}
        self.team_area = {team_id: area for team_id, _, area in org.teams}
        self.party_id = Party.select(fn.MAX(Party.id)).scalar() or 0
        self.case_id = Case.select(fn.MAX(Case.id)).scalar() or 0
        self.seq: dict[int, int] = dict(
            cast(Any, Case.select(Case.year, fn.MAX(Case.seq)).group_by(Case.year).tuples())
        )
        self.parties: list[tuple[Any, ...]] = []
        self.cases: list[tuple[Any, ...]] = []
        self.concerns: list[tuple[Any, ...]] = []
        self.events: list[tuple[Any, ...]] = []
        self.statements: list[tuple[Any, ...]] = []
        self.pending: list[tuple[date, int, _Done]] = []  # closed cases, by closing date
        self.available: list[_Done] = []  # closed before the case being generated was received

    # -- small helpers ---------------------------------------------------------------------------
    def pick(self, weights: t.Weights) -> str:
        table = self.tables.get(id(weights))
        if table is None:
            table = self.tables[id(weights)] = _table(weights)
        return str(self.rng.weighted(table))

    def workday(self, lo: date, hi: date) -> date:
        """A random working day in [lo, hi]; hi when none follows (lo when hi < lo)."""
        if hi <= lo:
            return lo
        day = self.next_workday(lo + timedelta(days=self.rng.randint(0, (hi - lo).days)))
        return day if day <= hi else hi

    def next_workday(self, day: date) -> date:
        """The calendar's next_working_day, looked up in a table made once for the demo's span."""
        return self.next_day.get(day) or self.cal.next_working_day(day)

    def plan(self, count: int, years: int) -> list[tuple[date, str, str]]:
        rng = self.rng
        span = max(1, round(365.25 * years))
        start = self.today - timedelta(days=span - 1)
        following = None
        for back in range(span + 400):  # from well after today (answers, deadlines) back to the start
            day = self.today + timedelta(days=399 - back)
            following = day if self.cal.is_working_day(day) else following
            if following is not None:
                self.next_day[day] = following
        offsets = sorted(int(span * rng.random() ** 0.8) for _ in range(count))  # more cases in recent years
        kinds = rng.choices(list(t.KIND_WEIGHTS), weights=list(t.KIND_WEIGHTS.values()), k=count)
        if count >= 40:  # every kind at least once; a Folgereaktion late enough to find a closed case
            for kind in KINDS:
                lo = count // 2 if kind == "folgereaktion" else 0
                spare = [i for i in range(lo, count) if kinds[i] == "beschwerde"]
                if kind not in kinds and spare:
                    kinds[rng.choice(spare)] = kind
        plans = []
        for offset, kind in zip(offsets, kinds, strict=True):
            channel = self.pick(t.CHANNELS_BY_KIND.get(kind, t.CHANNELS_BY_KIND["*"]))
            day = start + timedelta(days=offset)
            if channel not in ("email", "online"):  # letters, calls, visits and cards come on working days
                day = self.next_workday(day)
                while day > self.today or self.next_workday(day) != day:
                    day -= DAY
            plans.append((max(day, start), kind, channel))
        plans.sort(key=itemgetter(0))
        return plans

    def party(self, role: str = "kunde", channel: str = "brief") -> tuple[Any, ...]:
        rng = self.rng
        r = rng.random()
        salutation: str | None = "frau" if r < 0.52 else "herr" if r < 0.97 else "divers"
        first_names = {"frau": t.FEMALE_FIRST, "herr": t.MALE_FIRST}.get(salutation or "", t.NEUTRAL_FIRST)
        first, last = rng.choice(first_names), rng.choice(t.LAST_NAMES)
        name = f"{first} {last}"
        postcode, city, area = rng.choice(self.places)
        street = f"{rng.choice(t.STREETS)} {rng.randint(1, 120)}{rng.choice(('', '', '', 'a', 'b'))}"
        if role == "institution":
            salutation, name = None, f"{rng.choice(t.PARTY_INSTITUTIONS)} {city}"
        elif role == "behoerde":
            salutation, name = None, f"{rng.choice(t.PARTY_AUTHORITIES)} {city}"
        email = ""
        if channel in ("email", "online") or rng.random() < 0.25:
            email = f"{_translit(first)}.{_translit(last)}{rng.randint(1, 99)}@{rng.choice(t.EMAIL_DOMAINS)}"
        phone = f"{area} {rng.randint(100000, 9999999)}" if channel == "telefon" or rng.random() < 0.35 else ""
        customer_no = bg_no = ""
        if role == "kunde":
            if rng.random() < 0.85:
                customer_no = f"{self.prefix[0]}{rng.choice('ABCDEFGHK')}{rng.randint(0, 999999):06d}"
            if rng.random() < 0.75:
                bg_no = f"{self.prefix[1]}BG{rng.randint(1, 9999999):07d}"
        self.party_id += 1
        row = (self.party_id, role, salutation, name, street, postcode, city, email, phone, customer_no, bg_no, 1)
        self.parties.append(row)
        return row

    def copy_party(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        self.party_id += 1
        copy = (self.party_id, *row[1:])
        self.parties.append(copy)
        return copy

    def event(self, case_id: int, day: date, action: str, text: str) -> None:
        iso = _iso(day)
        self.events.append((case_id, iso + " 00:00:00", iso, self.user, action, text))

    def signer(self, row: dict[str, Any]) -> tuple[int, str, str] | None:
        org, rng = self.org, self.rng
        if row["sign_off_role"] == "GF" or row["escalation_level"] == 3:
            return rng.choice(org.gf) if org.gf else None
        if org.krm and rng.random() < 0.15:
            return rng.choice(org.krm)
        area = self.team_area.get(row["team"], "")
        own = org.tl.get(row["team"]) if row["escalation_level"] == 1 else org.bl.get(area)
        return own or (rng.choice(org.krm) if org.krm else None)

    # -- one case ----------------------------------------------------------------------------------
    def case(self, received: date, kind: str, channel: str) -> None:
        rng = self.rng
        earlier: _Done | None = None
        while self.pending and self.pending[0][0] < received:
            self.available.append(heapq.heappop(self.pending)[2])
        if kind == "folgereaktion":
            if self.available:
                index = len(self.available) - 1 - min(int(rng.expovariate(1 / 40)), len(self.available) - 1)
                earlier = self.available.pop(index)
            else:
                kind = "beschwerde"
        card = kind == "meinungskarte"
        self.case_id += 1
        case_id = self.case_id
        year = received.year
        seq = self.seq.get(year, 0) + 1
        self.seq[year] = seq
        row = dict(CASE_DEFAULTS)
        row.update(id=case_id, ref=format_ref(year, seq), year=year, seq=seq, kind=kind, channel=channel)
        row.update(received=received, via="direkt")
        # Who writes, and about what
        parties: list[tuple[Any, ...]] = []
        if earlier is not None:
            parties = [self.copy_party(p) for p in earlier.parties]
        elif not card and (kind in GF_KINDS or rng.random() > 0.02):  # a few anonymous letters
            r = rng.random()
            role = "kunde" if r < 0.9 or kind == "petition" else "vertreter" if r < 0.96 else "institution"
            role = "behoerde" if role == "institution" and rng.random() < 0.3 else role
            parties = [self.party(role, channel)]
            if role == "vertreter":
                parties.append(self.party("kunde", "brief"))
        person = parties[0] if parties else None
        row["person"] = person[0] if person else None
        row["represented"] = parties[1][0] if len(parties) > 1 else None
        row["team"] = rng.weighted(self.team_table) if self.org.teams else None
        topic, subject, text = rng.choice(t.SNIPPETS[kind])
        if earlier is not None:
            row["team"] = earlier.team_id
            topic, subject = earlier.topic, f"Folgereaktion zu {earlier.ref}: {earlier.subject}"[:300]
            text = rng.choice(t.FOLLOW_UPS)
        who, pronoun = t.WHO[(person[1], person[2]) if person else ("karte" if card else "anonym", None)]
        team_name = self.team_name.get(row["team"], "dem Team")
        description = text.format(wer=who, team=team_name)
        wish = rng.choice(t.WISHES) if person is not None and kind not in ("lob", "petition", "eingabe") else ""
        row["subject"] = subject
        row["description"] = f"{description} {wish.format(wer=pronoun)}".strip()
        row["topic"] = topic
        if self.profile.code == "berlin-pankow":
            row["file_no"] = t.PANKOW_FILE_NO.get(kind, "II-6001" if kind in COMPLAINT_KINDS else "II-6000")
        body_due = None
        if kind in ("petition", "eingabe"):
            self.body(row, kind)
            body_due = row["body_due"]
        elif not card:
            row["via"] = self.pick(t.VIA_WEIGHTS)
        if kind == "dienstaufsichtsbeschwerde":
            row["employee_concerned"] = f"{rng.choice(('Frau', 'Herr'))} {rng.choice(t.LAST_NAMES)} ({team_name})"
        if kind in GF_KINDS:
            row.update(lead="gf", sign_off_role="GF", escalation_level=3)
        deadlines = compute_deadlines(
            self.profile, kind, channel, received, has_addressee=person is not None, body_due=body_due
        )
        row.update(ack_due=deadlines.ack_due, final_due=deadlines.final_due, gf_due=deadlines.gf_due)
        events: list[tuple[date, str, str]] = []
        text = f"Kundenreaktion erfasst: {label(KINDS, kind)}, Eingang {_de(received)}"
        events.append((received, "registered", text + (f", Folgereaktion zu {earlier.ref}" if earlier else "")))
        if kind in GF_KINDS:
            events.append((received, "gf_lead", "Federführung und Schlusszeichnung bei der Geschäftsführung."))
        if earlier is not None:
            text = f"Folgereaktion {row['ref']} eingegangen am {_de(received)}."
            self.event(earlier.case_id, received, "follow_up", text)
            row["follows"] = earlier.case_id
        closed = self.timeline(row, events, body_due)
        # Concerns: 1-3, an outcome for every complaint concern once the case is closed
        kinds = [row["kind"]]
        if not card:
            r = rng.random()
            kinds += [rng.choice(t.EXTRA_CONCERNS) for _ in range((r < 0.22) + (r < 0.05))]
        for position, concern_kind in enumerate(kinds, start=1):
            outcome = self.pick(t.OUTCOME_WEIGHTS) if closed and concern_kind in COMPLAINT_KINDS and not card else None
            self.concerns.append((case_id, position, concern_kind, outcome))
            if position == 1:
                row["outcome"] = outcome
        if closed:
            signer = None
            if person is not None or row["kind"] in GF_KINDS:
                signer = self.signer(row)
                row["signed_by"] = signer[0] if signer else None
            parts = [f"Abgeschlossen am {_de(closed)}"]
            if row["outcome"]:
                parts.append(f"Ergebnis: {label(OUTCOMES, row['outcome'])}")
            if signer:
                parts.append(f"Schlusszeichnung: {signer[1]} ({label(STAFF_ROLES, signer[2])})")
            if row["waiver"] and row["answer_sent"] is None:
                parts.append("ohne Antwortschreiben (Verzicht)")
            events.append((closed, "closed", ", ".join(parts) + "."))
            row.update(status="abgeschlossen", closed=closed)
            if person is not None and row["kind"] in t.FOLLOWABLE:
                done = _Done(case_id, row["ref"], closed, row["team"], topic, subject, parties)
                heapq.heappush(self.pending, (closed, case_id, done))
        events.sort(key=lambda e: e[0])
        for day, action, text in events:
            self.event(case_id, day, action, text)
        row["version"] = len(events) - (kind in GF_KINDS)  # every action after registration saved the case once
        if HAS_NEXT_DUE:  # the earliest open clock item, as the services store it
            row["next_action"], row["next_due"] = next_due(ClockFacts(*(row[name] for name in CLOCK_FIELDS)))
        for name in DATE_FIELDS:
            if row[name] is not None:
                row[name] = _iso(row[name])
        self.cases.append(self.case_values(row))

    def body(self, row: dict[str, Any], kind: str) -> None:
        """Petition/Eingabe: the requesting body, its file number and often its own due date."""
        rng = self.rng
        n, y = rng.randint(1, 99999), row["received"].year
        if kind == "petition":
            body, pattern = rng.choice(t.PETITION_BODIES)
            row["via"] = "petitionsausschuss"
        else:
            body, pattern, row["via"] = rng.choice(t.EINGABE_BODIES)
        row["requesting_body"] = body.format(land=self.land)
        row["requesting_ref"] = pattern.format(n=n, y=y, p=rng.randint(10, 99))
        if rng.random() < 0.6:
            row["body_due"] = row["received"] + timedelta(days=rng.choice((14, 21, 28, 42)))

    def timeline(self, row: dict[str, Any], events: list[tuple[date, str, str]], body_due: date | None) -> date | None:
        """Acknowledgement, interim notice, statements, decisions, answer and closing; only what lies up to today."""
        rng, today = self.rng, self.today
        kind, received = row["kind"], row["received"]
        ack_due, final_due = row["ack_due"], row["final_due"]
        if ack_due is None:  # Meinungskarte or anonymous: no letters, no clock
            closed = received + timedelta(days=rng.randint(0, 14) if kind == "meinungskarte" else rng.randint(2, 20))
            return closed if closed <= today else None
        stuck = received < today - timedelta(days=60) and rng.random() < 0.004  # forgotten: stays open, overdue
        r = rng.random()
        quick = r < 0.12 and kind not in GF_KINDS  # answered before the acknowledgement was due
        late = r > 0.9
        waiver = row["channel"] in ("telefon", "persoenlich") and kind not in GF_KINDS and rng.random() < 0.25
        declared = self.workday(received, final_due) if waiver else None  # settled by phone or in person
        ack = None
        if not quick:
            lo, hi = (received, ack_due) if rng.random() < 0.92 else (ack_due + DAY, ack_due + 6 * DAY)
            ack = self.workday(lo, hi)
            if declared is not None and ack >= declared:
                ack = None
            elif ack <= today:
                sent_late = " (nach Fristablauf)" if ack > ack_due else ""
                events.append((ack, "acknowledged", f"Eingangsbestätigung versandt am {_de(ack)}{sent_late}."))
                row["ack_sent"] = ack
                if self.profile.final.start == FROM_ACK_SENT:
                    final_due = compute_deadlines(
                        self.profile, kind, row["channel"], received, ack_sent=ack, body_due=body_due
                    ).final_due
                    row["final_due"] = final_due
        base = ack or received
        if quick:
            answer = self.workday(received, ack_due)
        elif late:
            answer = self.workday(final_due + DAY, final_due + rng.randint(3, 35) * DAY)
        else:
            answer = self.workday(base, final_due)
        if late and not waiver and rng.random() < 0.7:
            interim = self.workday(max(base, final_due - 4 * DAY), final_due)
            answer = max(answer, interim + DAY)
            expected = max(answer + rng.choice((0, 0, 0, 3, 7)) * DAY, interim + DAY)
            if rng.random() < 0.2:  # the expected date slipped as well
                expected = max(interim + DAY, answer - rng.randint(1, 5) * DAY)
            if interim <= today:
                reason = rng.choice(t.INTERIM_REASONS)
                row.update(interim_sent=interim, interim_reason=reason, interim_expected=expected)
                events.append((interim, "interim", f"Zwischennachricht versandt am {_de(interim)}; voraussichtliche Erledigung bis {_de(expected)}. Grund: {reason}"))  # fmt: skip
        if row["escalation_level"] == 1 and rng.random() < 0.065:
            level = 2 if rng.random() < 0.8 else 3
            reason = rng.choice(t.ESCALATION_REASONS) if level == 3 or rng.random() < 0.5 else ""
            day = self.workday(received, answer)
            if day <= today:
                row.update(escalation_level=level, lead="gf" if level == 3 else "team")
                role = label(STAFF_ROLES, {2: "BL", 3: "GF"}[level])
                events.append((day, "escalated", f"Eskaliert auf Stufe {level} ({role})." + (f" Begründung: {reason}" if reason else "")))  # fmt: skip
        if row["sign_off_role"] == "TL" and rng.random() < 0.03 and received <= today:
            row["sign_off_role"] = "GF"
            events.append((received, "sign_off_reserved", "Die Geschäftsführung hat sich die Schlusszeichnung vorbehalten."))  # fmt: skip
        heard = received
        if kind in ("petition", "eingabe", "dienstaufsichtsbeschwerde", "fachaufsichtsbeschwerde"):
            heard = self.statements_for(row, events, answer)
        if kind == "dienstaufsichtsbeschwerde" and not self.dab(row, events, heard, answer):
            return None
        closed = None
        if declared is not None:
            if declared <= today:
                reasons = rng.choice(t.WAIVER_REASONS)
                row.update(waiver=1, waiver_reasons=reasons)
                events.append((declared, "waiver", f"Verzicht auf schriftliche Antwort erklärt am {_de(declared)}. Gründe: {reasons}"))  # fmt: skip
            closed = declared + rng.choice((0, 0, 1, 2)) * DAY
        elif answer <= today and not stuck:
            row["answer_sent"] = answer
            events.append((answer, "answered", f"Antwortschreiben versandt am {_de(answer)}."))
            closed = self.next_workday(answer + rng.choice((0, 0, 0, 1, 1, 2, 4)) * DAY)
        if closed is None or closed > today or stuck:
            return None
        return closed

    def statements_for(self, row: dict[str, Any], events: list[tuple[date, str, str]], answer: date) -> date:
        """Statements of the employee concerned (DAB) and the team lead; returns the day the last one came in."""
        rng, case_id, last = self.rng, row["id"], row["received"]
        authors: list[tuple[str, str, str]] = []
        tl = self.org.tl.get(row["team"])
        if row["kind"] == "dienstaufsichtsbeschwerde":
            employee = row["employee_concerned"].split(" (")[0]
            authors.append((employee, "MA", rng.choice(t.STATEMENTS_MA)))
        if tl and (row["kind"] != "fachaufsichtsbeschwerde" or rng.random() < 0.5):
            authors.append((tl[1], "TL", rng.choice(t.STATEMENTS_TL)))
        for author, role, text in authors:
            day = min(self.workday(row["received"] + DAY, answer - 2 * DAY), answer)
            last = max(last, day)
            if day <= self.today:
                self.statements.append((case_id, author, role, _iso(day), text))
                events.append((day, "statement", f"Stellungnahme von {author} ({label(STAFF_ROLES, role)}) eingegangen am {_de(day)}."))  # fmt: skip
        return last

    def dab(self, row: dict[str, Any], events: list[tuple[date, str, str]], heard: date, answer: date) -> bool:
        """GF reclassifies the DAB or decides it and the employee is informed; False while undecided."""
        rng, today = self.rng, self.today
        gf = rng.choice(self.org.gf) if self.org.gf else None
        if gf is None:
            return False
        if rng.random() < 0.2:
            day = min(self.workday(row["received"] + DAY, answer - DAY), answer)
            if day > today:
                return False
            new_kind = rng.choice(("fachaufsichtsbeschwerde", "beschwerde"))
            reason = rng.choice(t.RECLASSIFY_REASONS)
            row.update(kind=new_kind, reclassified_from="dienstaufsichtsbeschwerde", lead="team", gf_due=None)
            events.append((day, "reclassified", f"Von {gf[1]} (Geschäftsführung) am {_de(day)} umgedeutet: Dienstaufsichtsbeschwerde → {label(KINDS, new_kind)}. Begründung: {reason}"))  # fmt: skip
            return True
        decided = self.workday(max(heard, answer - 6 * DAY), answer)  # after the statements came in
        if decided > today:
            return False
        decision = rng.choice(t.GF_DECISIONS)
        row.update(gf_decision=decision, decided_by=gf[0], decided_on=decided)
        events.append((decided, "dab_decided", f"Entscheidung der Geschäftsführung ({gf[1]}) am {_de(decided)}: {decision}"))  # fmt: skip
        informed = self.workday(decided, answer)
        if informed > today:
            return False
        row["employee_informed"] = informed
        events.append((informed, "employee_informed", f"Betroffene/r Beschäftigte/r über die Entscheidung informiert am {_de(informed)}."))  # fmt: skip
        return True

    # -- writing -----------------------------------------------------------------------------------
    def write(self) -> None:
        if not isinstance(database.obj, SqliteDatabase):
            self.write_tables()
            # explicit ids: move the server's id sequences on
            for model in (Party, Case):
                table = model._meta.table_name
                database.execute_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM \"{table}\"))"
                )
            return
        # A larger page cache while the indexes grow (64 MiB instead of 2 MiB); restored afterwards.
        cache_size = database.execute_sql("PRAGMA cache_size").fetchone()[0]
        database.execute_sql("PRAGMA cache_size = -65536")
        try:
            self.write_tables()
        finally:
            database.execute_sql(f"PRAGMA cache_size = {int(cache_size)}")

    def write_tables(self) -> None:
        _bulk(Party, Party._meta.sorted_field_names, self.parties)  # id, role, salutation, name, … version
        _bulk(Case, self.case_fields, self.cases)
        _bulk(Concern, ("case", "position", "kind", "outcome"), self.concerns)
        _bulk(Statement, ("case", "author", "author_role", "received_on", "text"), self.statements)
        _bulk(Event, ("case", "at", "on_day", "actor", "action", "text"), self.events)


def _bulk(model: type[BaseModel], names: tuple[str, ...] | list[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert rows (values already in database form: ISO dates, 0/1) in one go."""
    if not rows:
        return
    fields = [model._meta.fields[name] for name in names]
    if isinstance(database.obj, SqliteDatabase):
        columns = ", ".join(f'"{f.column_name}"' for f in fields)
        marks = ", ".join("?" * len(fields))
        database.connection().executemany(f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})', rows)
        return
    chunk = max(1, 30_000 // len(fields))
    for start in range(0, len(rows), chunk):
        model.insert_many(rows[start : start + chunk], fields=fields).execute()


def generate(count: int, *, seed: int, years: int, today: date, user: str) -> int:
    """Add `count` invented cases received over `years` years up to `today`; return how many were added."""
    if count <= 0:
        return 0
    rng = _Rng(seed)
    profile = load_profile()
    with write_transaction():
        org = _organisation(random.Random(f"staff-{seed}"))
        generator = _Generator(rng, profile, org, today, user)
        for plan in generator.plan(count, max(1, years)):
            generator.case(*plan)
        generator.write()
    return count
