"""Exchange format: the all-or-nothing import and the German refusals naming line and field."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.case_import import import_cases
from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.entities import Case, Concern, Event, Party, Team
from krm_desktop.model.time.deadlines import compute_deadlines
from tests import factories as f
from tests.factories import TODAY, USER
from tests.model.exchange.exchange_data import export_text


def run_import(lines: list[Any]) -> int:
    text = [line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines]
    return import_cases(text, today=TODAY, user=USER)


def refusal(lines: list[Any]) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        run_import(lines)
    return info.value.errors


def good(**changes: Any) -> dict[str, Any]:
    line: dict[str, Any] = {
        "ref": None,
        "kind": "beschwerde",
        "concerns": None,
        "channel": "brief",
        "via": "direkt",
        "received": "2026-11-02",
        "team": "Team 401 Leistung",
        "subject": "Wartezeit",
        "description": "Seit Wochen keine Antwort.",
        "person": {"salutation": "frau", "name": "Erika Mustermann", "city": "Lübeck"},
        "ack_sent": None,
        "interim_sent": None,
        "answer_sent": None,
        "closed": None,
        "outcome": None,
        "waiver": False,
        "follows": None,
        "anonymised": False,
    }
    line.update(changes)
    return line


def counts() -> tuple[int, int, int, int, int]:
    return (
        Case.select().count(),
        Party.select().count(),
        Event.select().count(),
        Concern.select().count(),
        (Team.select().count()),
    )


def test_import_computes_deadlines_and_links(store: Store) -> None:
    earlier = f.register(received=date(2026, 10, 1), person=None)
    f.act(cases.close, earlier, closed_on=date(2026, 10, 5), outcomes={1: "begruendet"})
    lines = [
        good(kind="folgereaktion", follows="KRM-2026-0009", received="2026-11-10"),
        good(ref="KRM-2026-0009", received="2026-11-02", closed="2026-11-05", outcome="begruendet"),
        good(kind="folgereaktion", follows=earlier.ref, received="2026-11-03", team="Neues Team"),
        good(kind="meinungskarte", channel="meinungskarte", person=None, received="2026-11-04", tenor="lob"),
    ]
    assert run_import(lines) == 4
    by_ref: dict[str, Any] = {c.ref: c for c in Case.select()}
    # Given references are kept; the others get the next free numbers after them.
    assert set(by_ref) == {earlier.ref, "KRM-2026-0009", "KRM-2026-0010", "KRM-2026-0011", "KRM-2026-0012"}
    assert by_ref["KRM-2026-0010"].follows.ref == "KRM-2026-0009"
    assert by_ref["KRM-2026-0011"].follows.ref == earlier.ref
    assert by_ref["KRM-2026-0011"].team.name == "Neues Team"
    assert Team.select().where(Team.name == "Team 401 Leistung").count() == 1
    expected = compute_deadlines(PRESETS["luebeck"], "beschwerde", "brief", date(2026, 11, 2))
    assert (by_ref["KRM-2026-0009"].ack_due, by_ref["KRM-2026-0009"].final_due) == (
        expected.ack_due,
        expected.final_due,
    )
    assert by_ref["KRM-2026-0009"].status == "abgeschlossen"
    assert by_ref["KRM-2026-0012"].ack_due is None and by_ref["KRM-2026-0012"].final_due is None
    assert [c.kind for c in by_ref["KRM-2026-0009"].concerns] == ["beschwerde"]
    assert by_ref["KRM-2026-0009"].concerns[0].outcome == "begruendet"
    assert by_ref["KRM-2026-0009"].person.name == "Erika Mustermann"
    assert by_ref["KRM-2026-0009"].person.street == ""


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_braunschweig_final_deadline_counts_from_ack_sent(store: Store) -> None:
    run_import([good(ref="KRM-2026-0001", ack_sent="2026-11-04"), good(ref="KRM-2026-0002")])
    profile = PRESETS["braunschweig"]
    sent = Case.get(Case.ref == "KRM-2026-0001")
    unsent = Case.get(Case.ref == "KRM-2026-0002")
    with_ack = compute_deadlines(profile, "beschwerde", "brief", date(2026, 11, 2), ack_sent=date(2026, 11, 4))
    assert sent.final_due == with_ack.final_due
    assert unsent.final_due == compute_deadlines(profile, "beschwerde", "brief", date(2026, 11, 2)).final_due
    assert sent.final_due != unsent.final_due


def test_bom_and_empty_lines_are_tolerated(store: Store) -> None:
    lines = ["\ufeff" + json.dumps(good()) + "\n", "\n", "   \n", json.dumps(good(received="2025-05-05")) + "\r\n"]
    assert import_cases(lines, today=TODAY, user=USER) == 2
    assert {c.ref for c in Case.select()} == {"KRM-2026-0001", "KRM-2025-0001"}


def test_empty_file_imports_nothing(store: Store) -> None:
    assert import_cases([], today=TODAY, user=USER) == 0
    assert export_text() == ""


def test_optional_keys_may_be_left_out(store: Store) -> None:
    assert run_import([{"kind": "idee", "channel": "email", "via": "direkt", "received": "2026-11-02"}]) == 1
    case = Case.get()
    assert (case.subject, case.description, case.person, case.team, case.waiver) == ("", "", None, None, False)


def test_all_or_nothing(store: Store) -> None:
    f.register(received=date(2026, 1, 5))
    before = counts()
    snapshot = f.snapshot()
    lines = [good(), good(kind="lob"), good(kind="idee"), good(received="2027-01-01"), good(kind="eingabe")]
    errors = refusal(lines)
    assert list(errors) == ["line 4.received"]
    assert errors["line 4.received"].startswith("Zeile 4, Feld „received“: ")
    assert "Zukunft" in errors["line 4.received"]
    assert counts() == before
    assert f.snapshot() == snapshot


def test_every_bad_line_is_reported(store: Store) -> None:
    lines = [good(kind="x"), good(), "{", good(channel="fax", via="luftpost")]
    errors = refusal(lines)
    assert set(errors) == {"line 1.kind", "line 3", "line 4.channel", "line 4.via"}


def test_report_is_capped(store: Store) -> None:
    errors = refusal(["[]"] * 250)
    assert len(errors) == 201
    assert "50 weitere Fehler" in errors["more"]


def test_ref_already_in_database(store: Store) -> None:
    existing = f.register()
    errors = refusal([good(ref=existing.ref)])
    assert errors == {
        "line 1.ref": f"Zeile 1, Feld „ref“: Das Aktenzeichen {existing.ref} gibt es in der Datenbank bereits."
    }


def test_follows_an_open_or_a_refused_case(store: Store) -> None:
    open_case = f.register()
    errors = refusal([good(kind="folgereaktion", follows=open_case.ref)])
    assert "noch offen" in errors["line 1.follows"]
    errors = refusal([good(kind="folgereaktion", follows="KRM-2026-0007"), good(ref="KRM-2026-0007", kind="x")])
    assert "Zeile 2" in errors["line 1.follows"] and "fehlerhaft" in errors["line 1.follows"]


def test_follow_up_before_the_earlier_case_was_closed(store: Store) -> None:
    lines = [
        good(ref="KRM-2026-0001", received="2026-10-01", closed="2026-11-05", outcome="begruendet"),
        good(kind="folgereaktion", follows="KRM-2026-0001", received="2026-11-02"),
    ]
    assert "vor dem Abschluss" in refusal(lines)["line 2.received"]


def test_circular_follow_ups_are_refused(store: Store) -> None:
    closed = {"received": "2026-11-02", "closed": "2026-11-02", "outcome": "begruendet", "kind": "folgereaktion"}
    lines = [
        good(ref="KRM-2026-0001", follows="KRM-2026-0002", **closed),
        good(ref="KRM-2026-0002", follows="KRM-2026-0001", **closed),
    ]
    errors = refusal(lines)
    assert "im Kreis" in errors["line 1.follows"] and "im Kreis" in errors["line 2.follows"]


BAD_LINES: list[tuple[str, Any, str, str]] = [
    # (name, line, field, part of the German message)
    ("unknown key", good(colour="rot"), "colour", "Feld „colour“: Unbekanntes Feld."),
    ("unknown kind", good(kind="widerspruch"), "kind", "Anliegensart: „widerspruch“ ist unbekannt"),
    ("unknown channel", good(channel="fax"), "channel", "Eingangsweg: „fax“ ist unbekannt"),
    ("unknown via", good(via="luftpost"), "via", "Eingang über: „luftpost“ ist unbekannt"),
    (
        "unknown outcome",
        good(closed="2026-11-10", outcome="vielleicht"),
        "outcome",
        "Ergebnis: „vielleicht“ ist unbekannt",
    ),
    ("received in future", good(received="2026-11-21"), "received", "liegt in der Zukunft"),
    ("received before 2000", good(received="1999-12-31"), "received", "kein plausibles Datum"),
    ("closed before received", good(closed="2026-11-01", outcome="begruendet"), "closed", "liegt vor dem Eingang"),
    ("ack sent in future", good(ack_sent="2026-11-23"), "ack_sent", "liegt in der Zukunft"),
    ("answer before received", good(answer_sent="2026-10-01"), "answer_sent", "liegt vor dem Eingang"),
    ("date format", good(received="02.11.2026"), "received", "Format JJJJ-MM-TT"),
    ("impossible date", good(closed="2026-02-30"), "closed", "Format JJJJ-MM-TT"),
    ("malformed JSON", '{"kind": "lob",', "", "kein gültiges JSON"),
    ("not an object", "[1, 2]", "", "JSON-Objekt"),
    ("duplicate JSON key", '{"kind": "lob", "kind": "idee"}', "", "doppelt"),
    ("missing required key", {"kind": "lob", "channel": "brief", "via": "direkt"}, "received", "Pflichtfeld"),
    ("wrong type", good(subject=5), "subject", "Text"),
    ("wrong bool", good(waiver="ja"), "waiver", "true oder false"),
    ("folgereaktion without follows", good(kind="folgereaktion"), "follows", "braucht die frühere"),
    ("follows unknown ref", good(kind="folgereaktion", follows="KRM-2026-0099"), "follows", "weder in der Datenbank"),
    ("follows on a non-follow-up", good(follows="KRM-2026-0099"), "follows", "Nur eine Folgereaktion"),
    ("over-long description", good(description="x" * 100_001), "description", "höchstens 100.000 Zeichen"),
    ("control character", good(subject="Bitte\x07"), "subject", "Steuerzeichen (U+0007)"),
    ("meinungskarte with person", good(kind="meinungskarte", channel="meinungskarte"), "person", "anonym"),
    (
        "four concerns",
        good(concerns=[{"kind": "beschwerde"}, {"kind": "lob"}, {"kind": "idee"}, {"kind": "lob"}]),
        "concerns",
        "Höchstens 3 Anliegen",
    ),
    ("first concern differs", good(concerns=[{"kind": "lob"}]), "concerns", "erste Anliegen"),
    ("outcome on a lob", good(kind="lob", closed="2026-11-10", outcome="begruendet"), "outcome", "Nur Beschwerden"),
    ("outcome while open", good(outcome="begruendet"), "outcome", "erst mit dem Abschluss"),
    ("closed complaint without outcome", good(closed="2026-11-10"), "outcome", "braucht ein Ergebnis"),
    (
        "closed concern without outcome",
        good(
            closed="2026-11-10",
            outcome="begruendet",
            concerns=[{"kind": "beschwerde", "outcome": "begruendet"}, {"kind": "beschwerde", "outcome": None}],
        ),
        "concerns.2.outcome",
        "braucht ein Ergebnis",
    ),
    ("ref format", good(ref="KRM-26-1"), "ref", "Format KRM-JJJJ-NNNN"),
    ("ref not canonical", good(ref="KRM-2026-00001"), "ref", "Format KRM-JJJJ-NNNN"),
    ("bad customer number", good(person={"name": "A", "customer_no": "12"}), "person.customer_no", "Kundennummer"),
    ("unknown person key", good(person={"name": "A", "role": "kunde"}), "person.role", "Unbekanntes Feld"),
    ("person without name", good(person={"city": "Kiel"}), "person.name", "Name"),
    ("anonymised with person", good(anonymised=True), "person", "anonymisierter Fall"),
    ("anonymised with description", good(anonymised=True, person=None), "description", "anonymisierter Fall"),
]


@pytest.mark.parametrize(("line", "field", "text"), [case[1:] for case in BAD_LINES], ids=[c[0] for c in BAD_LINES])
def test_bad_line_is_named_in_german(store: Store, line: Any, field: str, text: str) -> None:
    before = counts()
    errors = refusal([good(), line])
    key = f"line 2.{field}" if field else "line 2"
    assert key in errors, errors
    prefix = f"Zeile 2, Feld „{field}“: " if field else "Zeile 2: "
    assert errors[key].startswith(prefix)
    assert text in errors[key]
    assert counts() == before


def test_duplicate_ref_in_file(store: Store) -> None:
    errors = refusal([good(ref="KRM-2026-0003"), good(), good(ref="KRM-2026-0003")])
    assert errors == {"line 3.ref": "Zeile 3, Feld „ref“: Das Aktenzeichen KRM-2026-0003 steht schon in Zeile 1."}


def test_json_problems_are_told_in_german(store: Store) -> None:
    errors = refusal(['{"kind": "lob",', "[" * 100_000, '{"ref": 1' + "0" * 5000 + "}"])
    assert errors["line 1"] == (
        "Zeile 1: kein gültiges JSON (Fehler bei Zeichen 16); die Zeile ist unvollständig oder verfälscht."
    )
    assert "verschachtelt" in errors["line 2"] and "verschachtelt" in errors["line 3"]


@pytest.mark.parametrize("kind", ["petition", "eingabe", "dienstaufsichtsbeschwerde"])
def test_petitions_eingaben_and_dabs_import_their_outcome_and_export_it(store: Store, kind: str) -> None:
    line = good(
        kind=kind,
        via="petitionsausschuss" if kind == "petition" else "direkt",
        closed="2026-11-10",
        outcome="unbegruendet",
        concerns=[{"kind": kind, "outcome": "unbegruendet"}, {"kind": "beschwerde", "outcome": "begruendet"}],
    )
    assert run_import([line]) == 1
    case = Case.get()
    assert [(c.kind, c.outcome) for c in case.concerns.order_by(Concern.position)] == [
        (kind, "unbegruendet"),
        ("beschwerde", "begruendet"),
    ]
    exported = json.loads(export_text().splitlines()[0])
    assert exported["outcome"] == "unbegruendet"
    team = exported["team"]
    assert exported["concerns"] == [
        {"kind": kind, "outcome": "unbegruendet", "team": team},
        {"kind": "beschwerde", "outcome": "begruendet", "team": team},
    ]


@pytest.mark.parametrize("kind", ["petition", "eingabe"])
def test_a_closed_petition_or_eingabe_needs_its_outcome(store: Store, kind: str) -> None:
    before = counts()
    errors = refusal([good(kind=kind, closed="2026-11-10")])
    assert "Beschwerde, Petition oder Eingabe braucht ein Ergebnis" in errors["line 1.outcome"]
    assert counts() == before
