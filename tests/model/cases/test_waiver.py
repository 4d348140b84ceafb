"""The waiver of a written answer in the form the office's profile requires for the kind: a Vermerk of the
conversation, a signed declaration on blank paper, or none at all (issue 18 item 4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from krm_desktop.model.case_list.overview import overview
from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.lookup import action_facts
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import PRESETS, load_profile
from krm_desktop.model.store.entities import Event
from tests import factories as f

T, U = f.TODAY, f.USER


def last_entry() -> str:
    return Event.select().order_by(Event.id.desc()).get().text


@pytest.mark.parametrize(
    ("code", "kind", "form"),
    [
        ("osnabrueck", "beschwerde", "note"),  # GA 3/2016: "ein kurzer Vermerk … verzichtet"
        ("osnabrueck", "petition", "none"),
        ("berlin-pankow", "petition", "signed"),  # Konzept 4.5: "auf Blanko-Schriftstück"
        ("berlin-pankow", "eingabe", "signed"),
        ("berlin-pankow", "beschwerde", "note"),  # Konzept 4.4.1: "ein entsprechender Vermerk"
        ("berlin-pankow", "dienstaufsichtsbeschwerde", "none"),
        ("luebeck", "dienstaufsichtsbeschwerde", "none"),
        ("schwaebisch-hall", "petition", "none"),
        ("braunschweig", "eingabe", "none"),
        ("braunschweig", "lob", "note"),
    ],
)
def test_the_presets_require_the_form_their_instruction_names(code: str, kind: str, form: str) -> None:
    assert PRESETS[code].waiver_form(kind) == form


@pytest.mark.parametrize("store", ["osnabrueck"], indirect=True)
def test_osnabrueck_records_a_vermerk_never_a_signed_declaration(store) -> None:
    case = f.register(channel="telefon")
    case = cases.record_waiver(
        case.id, version=case.version, settled_by="telefon", declared_on=date(2026, 11, 19),
        reasons="Die Berechnung wurde erläutert; die Kundin ist einverstanden.", today=T, user=U,
    )  # fmt: skip
    assert case.waiver
    text = last_entry()
    assert text == (
        "Telefonisch geklärt; Vermerk: Die Kundin/der Kunde hat im Gespräch am 19.11.2026 auf eine schriftliche "
        "Antwort verzichtet. Die Berechnung wurde erläutert; die Kundin ist einverstanden."
    )
    assert "unterschrieben" not in text


@pytest.mark.parametrize("store", ["osnabrueck"], indirect=True)
def test_a_vermerk_dated_in_the_future_is_refused_and_nothing_changes(store) -> None:
    case = f.register(channel="telefon")
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        cases.record_waiver(
            case.id, version=case.version, settled_by="telefon", declared_on=T + timedelta(days=1),
            reasons="geklärt", today=T, user=U,
        )  # fmt: skip
    assert set(caught.value.errors) == {"declared_on"}
    assert (
        "Datum des Gesprächs" in caught.value.errors["declared_on"] and "Zukunft" in caught.value.errors["declared_on"]
    )
    assert f.snapshot() == before


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_petition_needs_the_signed_declaration_with_the_day_it_came_back(store) -> None:
    case = f.register(kind="petition", via="petitionsausschuss", channel="brief")
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        cases.record_waiver(
            case.id, version=case.version, settled_by="persoenlich", declared_on=date(2026, 11, 18),
            reasons="Die Zahlung ist eingegangen; die Petition ist erledigt.", today=T, user=U,
        )  # fmt: skip
    assert set(caught.value.errors) == {"form_received_on"}
    assert "eingegangen" in caught.value.errors["form_received_on"]
    with pytest.raises(ValidationError, match="nicht vor ihrer Unterschrift"):
        cases.record_waiver(
            case.id, version=case.version, settled_by="persoenlich", declared_on=date(2026, 11, 18),
            form_received_on=date(2026, 11, 17), reasons="erledigt", today=T, user=U,
        )  # fmt: skip
    assert f.snapshot() == before
    case = cases.record_waiver(
        case.id, version=case.version, settled_by="persoenlich", declared_on=date(2026, 11, 18),
        form_received_on=date(2026, 11, 19), reasons="Die Zahlung ist eingegangen; die Petition ist erledigt.",
        today=T, user=U,
    )  # fmt: skip
    assert last_entry() == (
        "Persönlich geklärt; Verzicht auf schriftliche Antwort erklärt am 18.11.2026 (unterschriebene Erklärung, "
        "eingegangen am 19.11.2026). Gründe: Die Zahlung ist eingegangen; die Petition ist erledigt."
    )


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_complaint_takes_a_vermerk(store) -> None:
    case = f.register(channel="persoenlich")
    cases.record_waiver(
        case.id, version=case.version, settled_by="persoenlich", declared_on=T, reasons="Im Gespräch geklärt.",
        today=T, user=U,
    )  # fmt: skip
    assert "Vermerk" in last_entry() and "unterschrieben" not in last_entry()


@pytest.mark.parametrize("store", ["luebeck", "osnabrueck", "schwaebisch-hall", "braunschweig"], indirect=True)
def test_no_waiver_is_offered_where_the_profile_allows_none(store) -> None:
    petition = f.register(kind="petition", via="petitionsausschuss")
    dab = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Herr Beispiel")
    for case in (petition, dab):
        facts = action_facts(case.id)
        assert facts is not None
        reason = checks.available_actions(facts)[checks.WAIVER]
        assert reason is not None and "keinen Verzicht" in reason
        before = f.snapshot()
        with pytest.raises(RefusedError, match="keinen Verzicht"):
            cases.record_waiver(case.id, version=case.version, declared_on=T, reasons="geklärt", today=T, user=U)
        assert f.snapshot() == before
    complaint = f.register()
    facts = action_facts(complaint.id)
    assert facts is not None and checks.available_actions(facts)[checks.WAIVER] is None


def test_a_waiver_ends_the_wait_for_the_acknowledgement(store) -> None:
    case = f.register(received=date(2026, 11, 2))  # Lübeck: acknowledgement due 05.11., answer 16.11.
    assert (case.next_action, case.next_due) == ("ack", date(2026, 11, 5))
    assert overview(load_profile(), T).ack_pending == 1
    case = cases.record_waiver(
        case.id, version=case.version, settled_by="telefon", declared_on=date(2026, 11, 4), reasons="geklärt",
        today=T, user=U,
    )  # fmt: skip
    assert (case.next_action, case.next_due) == ("answer", date(2026, 11, 16))
    assert overview(load_profile(), T).ack_pending == 0
