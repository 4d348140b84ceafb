"""What a new demo case says when it comes in: who writes, about what, to which team, through which body.

The result is the intake data the entry form would produce (`CaseInput`, or `CardInput` for a Meinungskarte);
registering it is the services' business.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from krm_desktop.model.cases.intake import CaseInput, ConcernInput
from krm_desktop.model.cases.opinion_cards import CardInput
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.cases.transitions import Fields
from krm_desktop.model.codes import COMPLAINT_KINDS
from krm_desktop.model.demo import texts as t
from krm_desktop.model.demo.office import Office
from krm_desktop.model.demo.people import People
from krm_desktop.model.office.profiles import OfficeProfile


@dataclass(frozen=True)
class Earlier:
    """What a Folgereaktion takes over from the closed case it follows."""

    case_id: int
    ref: str
    closed: date
    team_id: int | None
    topic: str
    subject: str
    senders: tuple[PartyRecord, ...]

    @classmethod
    def of(cls, case: Fields, senders: tuple[PartyRecord, ...]) -> Earlier:
        """From the closed case's fields."""
        return cls(case["id"], case["ref"], case["closed"], case["team"], case["topic"], case["subject"], senders)


SEVERAL_TEAM_KINDS = frozenset({"beschwerde", "fachaufsichtsbeschwerde"})  # the kinds a second team may concern


def pick(rng: random.Random, weights: t.Weights) -> str:
    return rng.choices(tuple(weights), weights=tuple(weights.values()))[0]


class Matters:
    """Makes up the intake data of new cases for one office."""

    def __init__(self, rng: random.Random, profile: OfficeProfile, office: Office, topics: list[str]) -> None:
        self.rng = rng
        self.people = People(rng, profile)
        self.office = office
        self.topics = topics
        self.land = t.LAND_NAMES.get(profile.bundesland, profile.bundesland)
        self.pankow = profile.code == "berlin-pankow"

    def team(self) -> int | None:
        office = self.office
        return self.rng.choices(office.team_ids, weights=office.team_weights)[0] if office.team_ids else None

    def topic(self, suggested: str) -> str:
        """The snippet's topic where the office's topic list has it, else one of the office's topics."""
        if suggested in self.topics:
            return suggested
        return self.rng.choice(self.topics) if self.topics else ""

    def case(self, received: date, kind: str, channel: str, earlier: Earlier | None = None) -> CaseInput:
        """A letter, mail, call or visit of `kind`; a Folgereaktion when `earlier` is given."""
        rng = self.rng
        senders = [replace(p) for p in earlier.senders] if earlier else self.people.senders(kind, channel)
        person = senders[0] if senders else None
        team_id = self.team()
        topic, subject, text = rng.choice(t.SNIPPETS[kind])
        if earlier is not None:
            team_id, topic = earlier.team_id, earlier.topic
            subject = f"Folgereaktion zu {earlier.ref}: {earlier.subject}"[:300]
            text = rng.choice(t.FOLLOW_UPS)
        who, pronoun = t.WHO[(person.role, person.salutation) if person else ("anonym", None)]
        description = text.format(wer=who, team=self.office.team_names.get(team_id or 0, "dem Team"))
        if person is not None and kind not in ("lob", "petition", "eingabe"):
            description = f"{description} {rng.choice(t.WISHES).format(wer=pronoun)}".strip()
        data = CaseInput(
            kind=kind,
            channel=channel,
            via="direkt",
            received=received,
            subject=subject,
            description=description,
            team_id=team_id,
            person=person,
            represented=senders[1] if len(senders) > 1 else None,
            follows_ref=earlier.ref if earlier else None,
            topic=topic if earlier else self.topic(topic),
        )
        if self.pankow:
            data.file_no = t.PANKOW_FILE_NO.get(kind, "II-6001" if kind in COMPLAINT_KINDS else "II-6000")
        if kind in ("petition", "eingabe"):
            self.requesting_body(data)
        else:
            data.via = pick(rng, t.VIA_WEIGHTS)
        if kind == "dienstaufsichtsbeschwerde":
            employee = f"{rng.choice(('Frau', 'Herr'))} {rng.choice(t.LAST_NAMES)}"
            data.employee_concerned = f"{employee} ({self.office.team_names.get(team_id or 0, 'ohne Team')})"
        r = rng.random()
        extra = [ConcernInput(rng.choice(t.EXTRA_CONCERNS)) for _ in range((r < 0.22) + (r < 0.05))]
        if extra and kind in SEVERAL_TEAM_KINDS and team_id is not None and received.toordinal() % 3 == 0:
            extra[0].team_id = self.other_team(team_id)  # several teams concerned: the GF leads
        data.concerns = [ConcernInput(kind), *extra]
        return data

    def other_team(self, team_id: int) -> int | None:
        """The team after `team_id` in the office's list (None when the office has only one). Chosen without a
        draw of the random stream, so the rest of the demo stays as it was."""
        teams = self.office.team_ids
        other = teams[(teams.index(team_id) + 1) % len(teams)] if team_id in teams else None
        return other if other != team_id else None

    def requesting_body(self, data: CaseInput) -> None:
        """Petition/Eingabe: the body that forwards it, its file number and often its own due date."""
        rng = self.rng
        n, year = rng.randint(1, 99999), data.received.year
        if data.kind == "petition":
            body, pattern = rng.choice(t.PETITION_BODIES)
            data.via = "petitionsausschuss"
        else:
            body, pattern, data.via = rng.choice(t.EINGABE_BODIES)
        data.requesting_body = body.format(land=self.land)
        data.body_street, data.body_postcode, data.body_city = t.BODY_ADDRESSES.get(body, ("", "", ""))
        data.requesting_ref = pattern.format(n=n, y=year, p=rng.randint(10, 99))
        if rng.random() < 0.6:
            data.body_due = data.received + timedelta(days=rng.choice((14, 21, 28, 42)))

    def card(self, received: date) -> CardInput:
        """A Meinungskarte from the display stand, about one team."""
        topic, tenor, text = self.rng.choice(t.CARDS)
        return CardInput(received=received, tenor=tenor, text=text, topic=self.topic(topic), team_id=self.team())
