"""Invented senders of demo cases: names, addresses in the office's region, customer and BG numbers."""

from __future__ import annotations

import random

from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.codes import GF_KINDS
from krm_desktop.model.demo import texts as t
from krm_desktop.model.office.profiles import OfficeProfile


def mail_name(text: str) -> str:
    """A name as it goes into an e-mail address: umlauts written out, lower case, no spaces."""
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        text = text.replace(umlaut, plain)
    return text.lower().replace(" ", "")


class People:
    """Makes up the people who write to the office, as the intake stores them (`party.normalised_party` leaves
    them as they are)."""

    def __init__(self, rng: random.Random, profile: OfficeProfile) -> None:
        self.rng = rng
        by_land = t.PLACES_BY_PROFILE.get(t.PLACES_BY_LAND.get(profile.bundesland, ""), t.PLACES_FALLBACK)
        self.places = t.PLACES_BY_PROFILE.get(profile.code) or by_land
        self.customer_prefix, self.bg_prefix = t.NUMBER_PREFIX.get(profile.code, ("999", "99901"))

    def sender(self, role: str = "kunde", channel: str = "brief") -> PartyRecord:
        """A customer, representative, institution or authority (a PARTY_ROLES code); `channel` decides
        whether an e-mail address or a telephone number is certain."""
        rng = self.rng
        r = rng.random()
        salutation: str | None = "frau" if r < 0.52 else "herr" if r < 0.97 else "divers"
        first_names = {"frau": t.FEMALE_FIRST, "herr": t.MALE_FIRST}.get(salutation or "", t.NEUTRAL_FIRST)
        first, last = rng.choice(first_names), rng.choice(t.LAST_NAMES)
        name = f"{first} {last}"
        postcode, city, area_code = rng.choice(self.places)
        street = f"{rng.choice(t.STREETS)} {rng.randint(1, 120)}{rng.choice(('', '', '', 'a', 'b'))}"
        if role == "institution":
            salutation, name = None, f"{rng.choice(t.PARTY_INSTITUTIONS)} {city}"
        elif role == "behoerde":
            salutation, name = None, f"{rng.choice(t.PARTY_AUTHORITIES)} {city}"
        email = ""
        if channel in ("email", "online") or rng.random() < 0.25:
            email = f"{mail_name(first)}.{mail_name(last)}{rng.randint(1, 99)}@{rng.choice(t.EMAIL_DOMAINS)}"
        phone = ""
        if channel == "telefon" or rng.random() < 0.35:
            phone = f"{area_code} {rng.randint(100000, 9999999)}"
        customer_no = bg_no = ""
        if role == "kunde":
            if rng.random() < 0.85:
                customer_no = f"{self.customer_prefix}{rng.choice('ABCDEFGHK')}{rng.randint(0, 999999):06d}"
            if rng.random() < 0.75:
                bg_no = f"{self.bg_prefix}BG{rng.randint(1, 9999999):07d}"
        return PartyRecord(
            name=name,
            role=role,
            salutation=salutation,
            street=street,
            postcode=postcode,
            city=city,
            email=email,
            phone=phone,
            customer_no=customer_no,
            bg_no=bg_no,
        )

    def senders(self, kind: str, channel: str) -> list[PartyRecord]:
        """Who writes a new case: nobody (a few anonymous letters), one person, or a representative and
        the customer represented."""
        rng = self.rng
        if kind == "meinungskarte" or (kind not in GF_KINDS and rng.random() <= 0.02):
            return []
        r = rng.random()
        role = "kunde" if r < 0.9 or kind == "petition" else "vertreter" if r < 0.96 else "institution"
        role = "behoerde" if role == "institution" and rng.random() < 0.3 else role
        first = self.sender(role, channel)
        return [first, self.sender("kunde", "brief")] if role == "vertreter" else [first]
