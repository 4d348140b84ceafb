"""Issue 19: a Meinungskarte's Lob/Anregung/Kritik is a field of its own (`Case.card_tenor`): stored by every path
that creates a card, refused when missing, kept or changed by an edit, shown in the case view and the list,
exported and imported, counted in the report, and kept by the purge while the card's words go."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from krm_desktop.model.case_list.filters import CaseFilter
from krm_desktop.model.case_list.query import CaseList
from krm_desktop.model.cases import opinion_cards as oc
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.case_view import case_view
from krm_desktop.model.cases.stored_case import stored_case
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.case_export import export_lines
from krm_desktop.model.exchange.case_import import import_cases
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.reports.figures import compute_figures
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.store.entities import Case
from krm_desktop.model.time.day_counter import list_calendar
from tests import factories as f

RECEIVED = date(2026, 11, 16)


def card(tenor: str | None = "lob", text: str = "Sehr freundlicher Empfang", **values) -> oc.CardInput:
    return oc.CardInput(received=values.pop("received", RECEIVED), tenor=tenor, text=text, **values)


def card_line(**changes) -> dict:
    line = {"kind": "meinungskarte", "channel": "meinungskarte", "via": "direkt", "received": "2026-11-04"}
    line.update(changes)
    return line


def test_the_batch_stores_the_tenor_in_its_own_field(store) -> None:
    stored = oc.register_card(card("anregung", "Mehr Sitzplätze im Wartebereich"), today=f.TODAY, user=f.USER)
    assert (stored.card_tenor, stored.subject) == ("anregung", "Anregung: Mehr Sitzplätze im Wartebereich")
    view = case_view(stored.id)
    assert view is not None and view.card_tenor == "anregung"


def test_a_card_without_tenor_is_refused_on_every_path(store) -> None:
    before = Case.select().count()
    with pytest.raises(ValidationError) as info:  # the batch
        oc.register_card(card(None), today=f.TODAY, user=f.USER)
    assert "Lob, Anregung oder Kritik" in info.value.errors["tenor"]
    with pytest.raises(ValidationError) as info:  # a registration by hand (the new-case form offers no cards)
        cases.register(f.case_input(kind="meinungskarte", channel="meinungskarte", person=None, card_tenor=""),
                       today=f.TODAY, user=f.USER)  # fmt: skip
    assert "Lob, Anregung oder Kritik" in info.value.errors["card_tenor"]
    with pytest.raises(ValidationError) as info:  # an unknown tenor
        cases.register(f.case_input(kind="meinungskarte", channel="meinungskarte", person=None, card_tenor="beschwerde"),
                       today=f.TODAY, user=f.USER)  # fmt: skip
    assert "„beschwerde“ ist unbekannt" in info.value.errors["card_tenor"]
    with pytest.raises(ValidationError) as info:  # the import
        import_cases([json.dumps(card_line())], today=f.TODAY, user=f.USER)
    assert "Zeile 1" in info.value.message and "„tenor“: lob, anregung oder kritik" in info.value.message
    with pytest.raises(ValidationError) as info:  # a tenor on another kind
        cases.register(f.case_input(card_tenor="lob"), today=f.TODAY, user=f.USER)
    assert "nur bei Meinungskarten" in info.value.errors["card_tenor"]
    assert Case.select().count() == before


def test_an_edit_keeps_or_changes_the_tenor(store) -> None:
    stored = oc.register_card(card("kritik", "Zu lange Wartezeit"), today=f.TODAY, user=f.USER, close=False)
    loaded = stored_case(stored.id)
    assert loaded is not None and loaded.card_tenor == "kritik"
    data = replace(oc.case_input(card("kritik", "Zu lange Wartezeit am Montag")), card_tenor=loaded.card_tenor)
    edited = cases.update_case(stored.id, version=loaded.version, data=data, today=f.TODAY, user=f.USER)
    assert (edited.card_tenor, edited.description) == ("kritik", "Zu lange Wartezeit am Montag")
    data = replace(data, card_tenor="anregung")
    edited = cases.update_case(stored.id, version=edited.version, data=data, today=f.TODAY, user=f.USER)
    assert Case.get_by_id(stored.id).card_tenor == "anregung"
    with pytest.raises(ValidationError):
        cases.update_case(stored.id, version=edited.version, data=replace(data, card_tenor=""), today=f.TODAY,
                          user=f.USER)  # fmt: skip
    assert Case.get_by_id(stored.id).card_tenor == "anregung"


def test_export_writes_the_tenor_and_import_reads_it(store) -> None:
    oc.register_card(card("lob"), today=f.TODAY, user=f.USER)
    (line,) = list(export_lines())
    assert line["tenor"] == "lob"
    lines = [
        card_line(tenor="Kritik"),  # codes are read without regard to case
        card_line(subject="Anregung: Kinderecke im Wartebereich"),  # a file written before the key existed
        card_line(anonymised=True),  # anonymised by an older version: its tenor went with the subject
    ]
    assert import_cases([json.dumps(x) for x in lines], today=f.TODAY, user=f.USER) == 3
    tenors = [c.card_tenor for c in Case.select().where(Case.received == date(2026, 11, 4)).order_by(Case.id)]
    assert tenors == ["kritik", "anregung", ""]
    with pytest.raises(ValidationError) as info:
        import_cases([json.dumps(card_line(kind="lob", channel="brief", tenor="lob"))], today=f.TODAY, user=f.USER)
    assert "nur bei Meinungskarten" in info.value.message


def test_the_list_names_the_tenor(store) -> None:
    stored = oc.register_card(card("kritik"), today=f.TODAY, user=f.USER)
    listing = CaseList(f.TODAY, list_calendar(load_profile()), f.USER, CaseFilter())
    listing.load()
    listing.complete()
    (row,) = [r for r in listing.rows_after(0, 50) if r.id == stored.id]
    assert row.kinds == "Meinungskarte (Kritik)"


def test_the_report_counts_the_cards_by_their_tenor(store) -> None:
    for tenor, count in (("lob", 3), ("anregung", 1), ("kritik", 2)):
        for n in range(count):
            oc.register_card(card(tenor, f"Karte {tenor} {n}"), today=f.TODAY, user=f.USER)
    old = oc.register_card(card("lob", "vor Version 7 erfasst"), today=f.TODAY, user=f.USER)
    Case.update(card_tenor="", subject="").where(Case.id == old.id).execute()  # as an older version left it
    f.register(received=RECEIVED)  # no card
    figures = compute_figures(Period(2026), today=f.TODAY)
    assert figures.cards == 7
    rows = [(r.key, r.label, r.cases, r.share) for r in figures.card_tenors]
    assert rows == [
        ("lob", "Lob", 3, 42.9),
        ("anregung", "Anregung", 1, 14.3),
        ("kritik", "Kritik", 2, 28.6),
        ("none", "ohne Angabe", 1, 14.3),
    ]


def test_the_purge_keeps_the_tenor_and_removes_the_words(store) -> None:
    received = date(2023, 1, 2)
    stored = oc.register_card(card("anregung", "Bitte eine Kinderecke", received=received), today=received,
                              user=f.USER)  # fmt: skip
    result = execute_purge(plan_purge(date(2025, 12, 31)), today=date(2025, 12, 31), user=f.USER)
    assert result.refs_anonymised == [stored.ref]
    purged = Case.get_by_id(stored.id)
    assert purged.anonymised and (purged.subject, purged.description) == ("", "")
    assert purged.card_tenor == "anregung"
    assert compute_figures(Period(2023), today=date(2025, 12, 31)).card_tenors[1].cases == 1
