"""Registering cases: triage, every kind, and every bad input refused with a German message."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from krm_desktop.model import validation as v
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.deadline_preview import deadline_preview
from krm_desktop.model.cases.entry import record_routing_notes, save_new
from krm_desktop.model.cases.intake import (
    INTAKE_QUESTIONS,
    entry_errors,
    intake_errors,
    routing_advice,
)
from krm_desktop.model.codes import KINDS, NOT_KRM
from krm_desktop.model.errors import NotKrmMatter, ValidationError
from krm_desktop.model.office.profiles import preset
from krm_desktop.model.store.entities import Case, Event, RoutingNote
from tests import factories as f


def test_register_beschwerde_computes_deadlines_and_logs(store) -> None:
    case = f.register(today=f.TODAY)  # Mo 02.11.2026, Lübeck: 3 AT -> Do 05.11., 14 KT -> Mo 16.11.
    assert case.ref == "KRM-2026-0001"
    assert case.ack_due == date(2026, 11, 5)
    assert case.final_due == date(2026, 11, 16)
    assert case.gf_due is None
    assert case.status == "offen" and case.version == 1
    assert [c.kind for c in case.concerns] == ["beschwerde"]
    event = Event.get(Event.case == case.id)
    assert event.actor == f.USER and event.on_day == f.TODAY and "Beschwerde" in event.text


def test_refs_run_per_year_of_registration(store) -> None:
    a = f.register(received=date(2025, 12, 30))  # registered the day it came in
    late = f.register(received=date(2025, 12, 30), today=date(2026, 1, 2))  # came in 2025, registered in 2026
    b = f.register()
    c = f.register()
    assert [a.ref, late.ref, b.ref, c.ref] == ["KRM-2025-0001", "KRM-2026-0001", "KRM-2026-0002", "KRM-2026-0003"]
    assert (late.year, late.received) == (2026, date(2025, 12, 30))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_registers(store, kind: str) -> None:
    extra: dict = {}
    if kind == "meinungskarte":
        extra = {"channel": "meinungskarte", "person": None}
    if kind == "dienstaufsichtsbeschwerde":
        extra = {"employee_concerned": "Frau Sachbearbeiterin K."}
    if kind == "folgereaktion":
        earlier = f.register(received=date(2026, 9, 1))
        tl = f.staff("Jens Brandt", "TL")
        f.close_answered(earlier, date(2026, 9, 10), tl.id, "unbegruendet")
        extra = {"follows_ref": earlier.ref}
    case = f.register(kind=kind, **extra)
    assert case.kind == kind
    if kind == "meinungskarte":
        assert (case.ack_due, case.final_due, case.person) == (None, None, None)
    if kind in ("petition", "eingabe", "dienstaufsichtsbeschwerde"):
        assert case.lead == "gf" and case.sign_off_role == "GF" and case.gf_due == date(2026, 11, 2)


def test_petition_body_due_overrides_final(store) -> None:
    case = f.register(
        kind="petition",
        via="petitionsausschuss",
        requesting_body="Petitionsausschuss des Deutschen Bundestages",
        requesting_ref="Pet 4-20-11-81503-012345",
        body_due=date(2026, 11, 27),
    )
    assert case.final_due == date(2026, 11, 27)
    assert case.ack_due == date(2026, 11, 5)


def test_anonymous_case_has_no_clock(store) -> None:
    case = f.register(person=None)
    assert (case.ack_due, case.final_due) == (None, None)


def test_three_concerns_allowed(store) -> None:
    concerns = [("beschwerde", None), ("idee", None), ("lob", None)]
    case = f.register(concerns=concerns)
    assert sorted((c.position, c.kind) for c in case.concerns) == [(1, "beschwerde"), (2, "idee"), (3, "lob")]


@pytest.mark.parametrize("finding", sorted(NOT_KRM))
def test_triage_refuses_non_krm_matters_and_records_only_a_note(store, finding: str) -> None:
    before = f.snapshot()
    with pytest.raises(NotKrmMatter) as caught:
        f.register(not_krm=finding)
    assert "Keine Kundenreaktion" in caught.value.message
    assert caught.value.destination == NOT_KRM[finding][1]
    assert f.snapshot() == before
    note = cases.record_routing_note(finding, date(2026, 11, 19), "an Stelle weitergeleitet", today=f.TODAY, user="x")
    assert RoutingNote.get_by_id(note.id).destination == NOT_KRM[finding][1]
    assert Case.select().count() == 0


LONG = "x" * 100_001
BAD_INPUTS = [
    ({"kind": "klage"}, "kind", "Anliegensart"),
    ({"channel": "fax"}, "channel", "Eingangsweg"),
    ({"via": "nachbar"}, "via", "Eingang über"),
    ({"received": f.TODAY + timedelta(days=1)}, "received", "Zukunft"),
    ({"received": date(1999, 12, 31)}, "received", "plausibles Datum"),
    ({"kind": "folgereaktion"}, "follows", "frühere Kundenreaktion"),
    ({"kind": "folgereaktion", "follows_ref": "KRM-2020-0001"}, "follows", "gibt es nicht"),
    ({"description": LONG}, "description", "100.000 Zeichen"),
    ({"subject": "Betreff\x07mit Klingel"}, "subject", "Steuerzeichen"),
    ({"subject": "zwei\nZeilen"}, "subject", "Zeilenumbruch"),
    ({"description": "Text mit \x00 Nullbyte"}, "description", "Steuerzeichen"),
    ({"concerns": [("beschwerde", None)] * 4}, "concerns", "Höchstens 3"),
    ({"concerns": [("idee", None)]}, "concerns", "erste Anliegen"),
    ({"concerns": [("beschwerde", "vielleicht")]}, "concerns.1.outcome", "Ergebnis"),
    ({"concerns": [("beschwerde", None), ("lob", "begruendet")]}, "concerns.2.outcome", "nur Beschwerden"),
    ({"kind": "meinungskarte"}, "channel", "Meinungskarte"),
    ({"kind": "meinungskarte", "channel": "meinungskarte"}, "person", "anonym"),
    ({"kind": "dienstaufsichtsbeschwerde"}, "employee_concerned", "Beschäftigte"),
    ({"person": f.person(customer_no="12345")}, "person.customer_no", "Format 123A456789"),
    ({"person": f.person(bg_no="BG123")}, "person.bg_no", "12345BG1234567"),
    ({"person": f.person(postcode="2355")}, "person.postcode", "5 Ziffern"),
    ({"person": f.person(email="erika.de")}, "person.email", "E-Mail"),
    ({"person": f.person(name="   ")}, "person.name", "Name"),
    ({"person": f.person(salutation="dr")}, "person.salutation", "Anrede"),
    ({"team_id": 999}, "team", "Team"),
    ({"represented": f.person("Kind K.")}, "represented", "Vertreter"),
    ({"kind": "petition", "body_due": date(2026, 10, 1)}, "body_due", "vor dem Eingangsdatum"),
    ({"follows_ref": "KRM-2026-0001"}, "follows", "Nur eine Folgereaktion"),
]


@pytest.mark.parametrize(("overrides", "field", "words"), BAD_INPUTS, ids=[b[1] + ":" + b[2] for b in BAD_INPUTS])
def test_bad_input_is_refused_with_german_message_and_nothing_stored(store, overrides, field, words) -> None:
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        f.register(**overrides)
    assert field in caught.value.errors, caught.value.errors
    assert words in caught.value.errors[field]
    assert f.snapshot() == before


def test_all_problems_are_reported_at_once(store) -> None:
    with pytest.raises(ValidationError) as caught:
        f.register(channel="fax", via="nachbar", subject="a\x01b")
    assert {"channel", "via", "subject"} <= set(caught.value.errors)


def test_folgereaktion_needs_closed_earlier_case(store) -> None:
    earlier = f.register()
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        f.register(kind="folgereaktion", follows_ref=earlier.ref, received=date(2026, 11, 10))
    assert "noch offen" in caught.value.errors["follows"]
    assert f.snapshot() == before


def test_numbers_are_normalised(store) -> None:
    case = f.register(person=f.person(customer_no=" 123a 456789", bg_no="23501 bg 0012345"))
    assert (case.person.customer_no, case.person.bg_no) == ("123A456789", "23501BG0012345")


# --- the entry form's checks (intake step, typed dates, hand-entry requirements, deadline preview) ---------------


def test_one_intake_question_per_non_krm_category() -> None:
    assert list(INTAKE_QUESTIONS) == list(NOT_KRM)
    assert all(q.endswith("?") for q in INTAKE_QUESTIONS.values())
    assert "Rechtsbehelfsstelle" in routing_advice("widerspruch")


def test_intake_step_checks() -> None:
    ok = intake_errors([], "beschwerde", date(2026, 11, 19), f.TODAY)
    assert ok == {}
    errors = intake_errors(["korruption"], None, f.TODAY + timedelta(days=1), f.TODAY)
    assert "Korruptionsprävention" in errors["not_krm"]
    assert "Zukunft" in errors["received"]
    assert errors["kind"] == "Bitte die Anliegensart wählen."
    assert intake_errors([], "meinungskarte", f.TODAY, f.TODAY)["kind"].startswith("Anliegensart")
    assert "received" in intake_errors([], "lob", None, f.TODAY)
    # a data-protection letter that also complains keeps its KRM part
    assert intake_errors(["datenschutz"], "beschwerde", f.TODAY, f.TODAY, keeps_krm_part=True) == {}
    assert "not_krm" in intake_errors(["datenschutz", "klage"], "beschwerde", f.TODAY, f.TODAY, keeps_krm_part=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02.11.2026", date(2026, 11, 2)),
        ("2.11.26", date(2026, 11, 2)),
        ("02112026", date(2026, 11, 2)),
        ("2026-11-02", date(2026, 11, 2)),
        (" 02.11.2026 ", date(2026, 11, 2)),
        ("", None),
    ],
)
def test_typed_dates_are_read(text: str, expected) -> None:
    assert v.parse_date(text, "Eingangsdatum") == (expected, None)


@pytest.mark.parametrize(
    ("text", "words"), [("31.02.2026", "gibt es nicht"), ("gestern", "kein Datum"), ("1.1", "kein")]
)
def test_unreadable_dates_are_named(text: str, words: str) -> None:
    value, problem = v.parse_date(text, "Eingangsdatum")
    assert value is None and problem is not None
    assert problem.startswith(f"Eingangsdatum: „{text}“") and words in problem


def test_entry_needs_subject_requesting_body_and_the_represented_person(store) -> None:
    data = f.case_input(kind="petition", subject=" ", requesting_body="")
    errors = entry_errors(data, f.TODAY)
    assert errors["subject"] == "Bitte füllen Sie „Betreff“ aus."
    assert errors["requesting_body"] == "Bitte füllen Sie „Einsendende Stelle“ aus."
    lawyer = f.case_input(person=f.person("RA Klug", role="vertreter", customer_no="", bg_no=""))
    assert "vertritt" in entry_errors(lawyer, f.TODAY)["represented.name"]
    assert entry_errors(f.case_input(), f.TODAY) == {}


def test_deadline_preview_says_every_clock() -> None:
    luebeck = preset("luebeck")
    lines = deadline_preview(luebeck, "beschwerde", "brief", date(2026, 11, 2), has_addressee=True)
    assert lines == [
        "Eingangsbestätigung bis Do 05.11.2026 (3 Arbeitstage nach Eingang)",
        "Abschließende Antwort bis Mo 16.11.2026 (14 Kalendertage nach Eingang)",
    ]
    petition = deadline_preview(
        luebeck, "petition", "brief", date(2026, 11, 2), has_addressee=True, body_due=date(2026, 11, 27)
    )
    assert petition[0].startswith("Sofortsache: Vorlage an die Geschäftsführung bis Mo 02.11.2026")
    assert petition[-1] == "Abschließende Antwort bis Fr 27.11.2026 (Frist der einsendenden Stelle)"
    anonymous = deadline_preview(luebeck, "lob", "online", date(2026, 11, 2), has_addressee=False)
    assert anonymous == ["Keine Eingangsbestätigung und keine Antwortfrist: ohne Anschrift (anonym)."]
    assert "gültiges Eingangsdatum" in deadline_preview(luebeck, "lob", "brief", None, has_addressee=True)[0]
    braunschweig = deadline_preview(preset("braunschweig"), "idee", "brief", date(2026, 11, 2), has_addressee=True)
    assert "nach Versand der Eingangsbestätigung" in braunschweig[1]


def test_deadline_preview_of_a_channel_without_acknowledgement() -> None:
    lines = deadline_preview(preset("braunschweig"), "idee", "telefon", date(2026, 11, 2), has_addressee=True)
    assert lines == [
        "Abschließende Antwort bis Mo 16.11.2026 (14 Kalendertage nach Eingang, da keine Eingangsbestätigung)",
        "Keine Eingangsbestätigung: Die Regeln der Dienststelle sehen sie für diese Anliegensart auf dem Eingangsweg "
        "„telefonisch“ nicht vor.",
    ]
    pankow = deadline_preview(
        preset("berlin-pankow"), "beschwerde", "persoenlich", date(2026, 11, 2), has_addressee=True
    )
    assert pankow == [
        "Abschließende Antwort bis Mo 16.11.2026 (10 Arbeitstage nach Eingang)",
        "Keine Eingangsbestätigung: Die Regeln der Dienststelle sehen sie für diese Anliegensart auf dem Eingangsweg "
        "„persönlich“ nicht vor.",
    ]


def test_routing_notes_are_stored_together_and_a_future_date_refused(store) -> None:
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        record_routing_notes(["widerspruch"], f.TODAY + timedelta(days=1), "", today=f.TODAY, user=f.USER)
    assert "Zukunft" in caught.value.errors["received"]
    assert f.snapshot() == before
    ids = record_routing_notes(["widerspruch", "datenschutz"], f.TODAY, "weitergeleitet", today=f.TODAY, user=f.USER)
    assert [RoutingNote.get_by_id(i).category for i in ids] == ["widerspruch", "datenschutz"]
    assert Case.select().count() == 0


def test_save_new_stores_the_topic_and_the_routed_part_of_a_mixed_letter(store) -> None:
    case = save_new(
        f.case_input(topic="Erreichbarkeit"),
        follows_id=None,
        today=f.TODAY,
        user=f.USER,
        routed=(["datenschutz"], "Datenschutzteil an die DSB"),
    )
    assert Case.get_by_id(case.id).topic == "Erreichbarkeit"
    note = RoutingNote.get()
    assert (note.category, note.note, note.received) == ("datenschutz", "Datenschutzteil an die DSB", date(2026, 11, 2))


def test_topic_is_checked(store) -> None:
    with pytest.raises(ValidationError) as caught:
        f.register(topic="x" * 81)
    assert "Themenkategorie" in caught.value.errors["topic"]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("email", "erika\x00@example.de", "U+0000"),
        ("email", "erika@example.de\n", "Zeilenumbruch"),
        ("postcode", "23552\n", "Zeilenumbruch"),
        ("postcode", "٢٣٥٥٢", "5 Ziffern"),
        ("phone", "0451 12\r\n", "Zeilenumbruch"),
        ("street", "Breite Straße\u2028 12", "U+2028"),
        ("name", "Erika \U000f0001Mustermann", "privaten Bereich"),
    ],
)
def test_the_entry_form_refuses_what_the_import_refuses(store, field: str, value: str, words: str) -> None:
    person = f.person(**{field: value})
    errors = entry_errors(f.case_input(person=person), f.TODAY)
    assert words in errors[f"person.{field}"], errors
    with pytest.raises(ValidationError):
        f.register(person=person)
    assert Case.select().count() == 0


def test_the_requesting_bodys_address_is_stored_and_checked_like_a_persons(store) -> None:
    address = {"body_street": "Platz der Republik 1", "body_postcode": "11011", "body_city": "Berlin"}
    case = f.register(kind="petition", via="petitionsausschuss", requesting_body="Petitionsausschuss", **address)
    assert (case.body_street, case.body_postcode, case.body_city) == ("Platz der Republik 1", "11011", "Berlin")
    bad = {
        "body_postcode": ({**address, "body_postcode": "1101"}, "5 Ziffern"),
        "body_city": ({**address, "body_city": ""}, "Ort der Stelle"),
        "body_street": ({**address, "body_street": "Platz\nder Republik"}, "Straße der Stelle"),
    }
    for field, (values, words) in bad.items():
        data = f.case_input(kind="petition", via="petitionsausschuss", requesting_body="Petitionsausschuss", **values)
        errors = entry_errors(data, f.TODAY)
        assert words in errors.get(field, ""), (field, errors)
    complaint = f.case_input(**address)
    assert "nur bei Petitionen und Eingaben" in entry_errors(complaint, f.TODAY)["body_street"]
    before = f.snapshot()
    with pytest.raises(ValidationError):
        cases.register(complaint, today=f.TODAY, user=f.USER)
    assert f.snapshot() == before
