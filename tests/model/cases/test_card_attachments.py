"""Issue 19: an office whose profile keeps no scans of the Meinungskarten (Pankow) attaches nothing to a card; the
refusal says why and leaves the database unchanged. Other cases, and other offices, attach as before."""

from __future__ import annotations

import dataclasses

import pytest

from krm_desktop.model.cases import attachments
from krm_desktop.model.cases import opinion_cards as oc
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.office.profiles import load_profile, profile_version, save_profile
from krm_desktop.model.store.entities import Attachment, Event
from tests import factories as f

SCAN = b"%PDF-1.4 scan of the card"


def a_card() -> int:
    card = oc.CardInput(received=f.TODAY, tenor="kritik", text="Zu wenig Sitzplätze")
    return oc.register_card(card, today=f.TODAY, user=f.USER, close=False).id


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_attaches_nothing_to_a_card_and_says_why(store) -> None:
    card_id = a_card()
    events = Event.select().count()
    assert attachments.adding_refusal(card_id) == attachments.NO_CARD_ATTACHMENTS
    with pytest.raises(RefusedError) as info:
        attachments.add_attachment(card_id, "karte.pdf", SCAN, today=f.TODAY, user=f.USER)
    assert "Meinungskarten werden in dieser Dienststelle nicht archiviert" in info.value.message
    assert Attachment.select().count() == 0 and Event.select().count() == events
    letter = f.register()  # a letter's scan is kept as before
    assert attachments.adding_refusal(letter.id) is None
    attachments.add_attachment(letter.id, "brief.pdf", SCAN, today=f.TODAY, user=f.USER)
    assert Attachment.select().count() == 1


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_switched_on_the_card_takes_its_scan(store) -> None:
    save_profile(dataclasses.replace(load_profile(), card_attachments=True), profile_version())
    card_id = a_card()
    assert attachments.adding_refusal(card_id) is None
    info = attachments.add_attachment(card_id, "karte.pdf", SCAN, today=f.TODAY, user=f.USER)
    assert info.case_id == card_id


def test_luebeck_keeps_scans_of_cards_unless_switched_off(store) -> None:
    card_id = a_card()
    attachments.add_attachment(card_id, "karte.pdf", SCAN, today=f.TODAY, user=f.USER)
    off = dataclasses.replace(load_profile(), card_attachments=False)
    with pytest.raises(RefusedError):
        attachments.add_attachment(card_id, "rueckseite.pdf", SCAN, today=f.TODAY, user=f.USER, profile=off)
    assert [a.filename for a in attachments.attachments_of(card_id)] == ["karte.pdf"]
