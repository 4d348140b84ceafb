"""Which deadlines a case gets under each office profile (where it stands against them: test_due_status.py).

Expected dates are worked out by hand (see tests/model/time/test_working_days.py for the holidays used).
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from krm_desktop.model.cases import services as cases
from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.store.entities import Case, Event
from krm_desktop.model.time.deadlines import (
    NO_CLOCK,
    Deadlines,
    compute_deadlines,
    has_clocks,
)
from tests.conftest import TODAY, USER
from tests.factories import register

D = date.fromisoformat
LUEBECK = PRESETS["luebeck"]
OSNABRUECK = PRESETS["osnabrueck"]
HALL = PRESETS["schwaebisch-hall"]
PANKOW = PRESETS["berlin-pankow"]
BRAUNSCHWEIG = PRESETS["braunschweig"]


def dl(ack: str | None, final: str | None, gf: str | None = None) -> Deadlines:
    return Deadlines(ack and D(ack), final and D(final), gf and D(gf))


# --- every preset across the holidays -----------------------------------------------------------

PRESET_TABLE = [
    # (profile, received, ack_due, final_due)
    # an ordinary week: 3 AT / 14 KT; Pankow's 10 AT equal two weeks; Braunschweig 7 KT + 14 KT
    ("luebeck", "2026-11-02", "2026-11-05", "2026-11-16"),
    ("osnabrueck", "2026-11-02", "2026-11-05", "2026-11-16"),
    ("schwaebisch-hall", "2026-11-02", "2026-11-05", "2026-11-16"),
    ("berlin-pankow", "2026-11-02", "2026-11-05", "2026-11-16"),
    ("braunschweig", "2026-11-02", "2026-11-09", "2026-11-23"),
    # received on a Saturday: day 0 all the same; 14 KT end on a Saturday and move to Monday
    ("luebeck", "2026-11-07", "2026-11-11", "2026-11-23"),
    ("berlin-pankow", "2026-11-07", "2026-11-11", "2026-11-20"),
    ("braunschweig", "2026-11-07", "2026-11-16", "2026-11-30"),
    # Easter 2026: received Maundy Thursday
    ("luebeck", "2026-04-02", "2026-04-09", "2026-04-16"),
    ("osnabrueck", "2026-04-02", "2026-04-09", "2026-04-16"),
    ("schwaebisch-hall", "2026-04-02", "2026-04-09", "2026-04-16"),
    ("berlin-pankow", "2026-04-02", "2026-04-09", "2026-04-20"),
    ("braunschweig", "2026-04-02", "2026-04-09", "2026-04-23"),
    # 14 KT end on Good Friday -> Tuesday after Easter
    ("luebeck", "2026-03-20", "2026-03-25", "2026-04-07"),
    ("schwaebisch-hall", "2026-03-20", "2026-03-25", "2026-04-07"),
    ("berlin-pankow", "2026-03-20", "2026-03-25", "2026-04-07"),
    ("braunschweig", "2026-03-20", "2026-03-27", "2026-04-10"),
    # Braunschweig's 7 KT end on Easter Monday
    ("braunschweig", "2026-03-30", "2026-04-07", "2026-04-21"),
    # Ascension 14.5. and Whit Monday 25.5.2026
    ("luebeck", "2026-05-11", "2026-05-15", "2026-05-26"),
    ("osnabrueck", "2026-05-11", "2026-05-15", "2026-05-26"),
    ("berlin-pankow", "2026-05-11", "2026-05-15", "2026-05-27"),
    ("braunschweig", "2026-05-11", "2026-05-18", "2026-06-01"),
    ("braunschweig", "2026-05-07", "2026-05-15", "2026-05-29"),
    # Reformationstag 31.10.2025: SH and NI move on, BW and BE do not
    ("luebeck", "2025-10-17", "2025-10-22", "2025-11-03"),
    ("osnabrueck", "2025-10-17", "2025-10-22", "2025-11-03"),
    ("schwaebisch-hall", "2025-10-17", "2025-10-22", "2025-10-31"),
    ("berlin-pankow", "2025-10-17", "2025-10-22", "2025-10-31"),
    ("braunschweig", "2025-10-24", "2025-11-03", "2025-11-17"),
    ("luebeck", "2025-10-29", "2025-11-04", "2025-11-12"),
    ("osnabrueck", "2025-10-29", "2025-11-04", "2025-11-12"),
    ("schwaebisch-hall", "2025-10-29", "2025-11-03", "2025-11-12"),
    ("berlin-pankow", "2025-10-29", "2025-11-03", "2025-11-12"),
    # Frauentag 8.3.2027: Berlin only
    ("berlin-pankow", "2027-03-04", "2027-03-10", "2027-03-19"),
    ("luebeck", "2027-03-04", "2027-03-09", "2027-03-18"),
    # Epiphany 6.1.2026 and Corpus Christi 4.6.2026: BW only
    ("schwaebisch-hall", "2026-01-02", "2026-01-08", "2026-01-16"),
    ("luebeck", "2026-01-02", "2026-01-07", "2026-01-16"),
    ("schwaebisch-hall", "2025-12-23", "2026-01-02", "2026-01-07"),
    ("osnabrueck", "2025-12-23", "2026-01-02", "2026-01-06"),
    ("schwaebisch-hall", "2026-05-21", "2026-05-27", "2026-06-05"),
    ("osnabrueck", "2026-05-21", "2026-05-27", "2026-06-04"),
    ("berlin-pankow", "2026-05-21", "2026-05-27", "2026-06-05"),
    ("braunschweig", "2026-05-21", "2026-05-28", "2026-06-11"),
    # year end: closing days 24.12. and 31.12.
    ("luebeck", "2026-12-17", "2026-12-22", "2027-01-04"),
    ("schwaebisch-hall", "2026-12-17", "2026-12-22", "2027-01-04"),
    ("berlin-pankow", "2026-12-17", "2026-12-22", "2027-01-06"),
    ("braunschweig", "2026-12-17", "2026-12-28", "2027-01-11"),
    ("luebeck", "2026-12-22", "2026-12-29", "2027-01-05"),
    ("schwaebisch-hall", "2026-12-30", "2027-01-07", "2027-01-13"),
]


@pytest.mark.parametrize(("code", "received", "ack", "final"), PRESET_TABLE)
def test_preset_deadlines(code: str, received: str, ack: str, final: str) -> None:
    got = compute_deadlines(PRESETS[code], "beschwerde", "brief", D(received))
    assert got == dl(ack, final)


# --- Braunschweig: the answer clock runs from the acknowledgement --------------------------------


@pytest.mark.parametrize(
    ("received", "ack_sent", "final"),
    [
        ("2026-11-02", None, "2026-11-23"),  # not sent yet: 14 KT after its due date 9.11.
        ("2026-11-02", "2026-11-04", "2026-11-18"),  # sent early
        ("2026-11-02", "2026-11-09", "2026-11-23"),  # sent on the due date
        ("2026-11-02", "2026-11-10", "2026-11-24"),  # sent late: still counts from sending
        ("2026-12-01", "2026-12-11", "2026-12-28"),  # 25.12. -> weekend -> Monday
        ("2026-12-17", "2026-12-22", "2027-01-05"),
        ("2025-10-15", "2025-10-17", "2025-11-03"),  # 31.10.2025 Reformationstag in NI
    ],
)
def test_braunschweig_final_from_ack_sent(received: str, ack_sent: str | None, final: str) -> None:
    got = compute_deadlines(BRAUNSCHWEIG, "beschwerde", "email", D(received), ack_sent=ack_sent and D(ack_sent))
    assert got.final_due == D(final)


def test_ack_sent_does_not_matter_where_the_final_clock_runs_from_receipt() -> None:
    for profile in (LUEBECK, OSNABRUECK, HALL, PANKOW):
        without = compute_deadlines(profile, "beschwerde", "brief", date(2026, 11, 2))
        with_ack = compute_deadlines(profile, "beschwerde", "brief", date(2026, 11, 2), ack_sent=date(2026, 11, 3))
        assert with_ack == without == dl("2026-11-05", "2026-11-16")


# --- no clocks -----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", list(PRESETS))
@pytest.mark.parametrize(
    ("kind", "channel", "addressee"),
    [
        ("meinungskarte", "meinungskarte", True),
        ("meinungskarte", "brief", True),
        ("lob", "meinungskarte", True),
        ("beschwerde", "brief", False),
    ],
)
def test_no_clocks(code: str, kind: str, channel: str, addressee: bool) -> None:
    got = compute_deadlines(
        PRESETS[code], kind, channel, date(2026, 11, 2), has_addressee=addressee, body_due=date(2026, 12, 1)
    )
    assert got == NO_CLOCK == Deadlines(None, None, None)
    assert not has_clocks(kind, channel, addressee)


@pytest.mark.parametrize("code", list(PRESETS))
@pytest.mark.parametrize(("kind", "channel"), [("petition", "brief"), ("dienstaufsichtsbeschwerde", "email")])
def test_anonymous_gf_matters_keep_only_the_same_day_gf_clock(code: str, kind: str, channel: str) -> None:
    got = compute_deadlines(PRESETS[code], kind, channel, date(2026, 10, 31), has_addressee=False)
    assert got == Deadlines(None, None, date(2026, 11, 2))  # Sa 31.10. -> Mo 02.11.
    assert not has_clocks(kind, channel, False)


@pytest.mark.parametrize("kind", ["beschwerde", "lob", "idee", "folgereaktion", "fachaufsichtsbeschwerde"])
def test_ordinary_kinds_run_both_clocks_and_no_gf_clock(kind: str) -> None:
    assert has_clocks(kind, "telefon", True)
    got = compute_deadlines(LUEBECK, kind, "telefon", date(2026, 11, 2), body_due=date(2026, 12, 1))
    assert got == dl("2026-11-05", "2026-11-16", None)


# --- petitions, Eingaben and DAB go to GF at once ------------------------------------------------


@pytest.mark.parametrize(
    ("code", "kind", "received", "body_due", "expected"),
    [
        ("luebeck", "petition", "2026-11-02", None, dl("2026-11-05", "2026-11-16", "2026-11-02")),
        ("luebeck", "petition", "2026-11-02", "2026-12-15", dl("2026-11-05", "2026-12-15", "2026-11-02")),
        # the body's date overrides even when it is earlier than the office's own
        ("osnabrueck", "eingabe", "2026-11-02", "2026-11-10", dl("2026-11-05", "2026-11-10", "2026-11-02")),
        # received on a Saturday / a closing day / Good Friday: GF the next working day
        ("luebeck", "petition", "2026-11-07", None, dl("2026-11-11", "2026-11-23", "2026-11-09")),
        ("schwaebisch-hall", "eingabe", "2026-12-24", None, dl("2026-12-30", "2027-01-07", "2026-12-28")),
        # Pankow acknowledges no petitioner (Konzept 4.5): no acknowledgement clock
        ("berlin-pankow", "petition", "2026-04-03", "2026-05-04", dl(None, "2026-05-04", "2026-04-07")),
        ("berlin-pankow", "eingabe", "2027-03-08", None, dl(None, "2027-03-22", "2027-03-09")),
        ("braunschweig", "petition", "2026-11-02", "2026-11-30", dl("2026-11-09", "2026-11-30", "2026-11-02")),
        # DAB: GF at once, but a body's date does not apply to it
        ("luebeck", "dienstaufsichtsbeschwerde", "2026-04-03", None, dl("2026-04-09", "2026-04-17", "2026-04-07")),
        (
            "luebeck",
            "dienstaufsichtsbeschwerde",
            "2026-04-03",
            "2026-04-10",
            dl("2026-04-09", "2026-04-17", "2026-04-07"),
        ),
        (
            "schwaebisch-hall",
            "dienstaufsichtsbeschwerde",
            "2026-01-06",
            None,
            dl("2026-01-09", "2026-01-20", "2026-01-07"),
        ),
    ],
)
def test_gf_kinds(code: str, kind: str, received: str, body_due: str | None, expected: Deadlines) -> None:
    got = compute_deadlines(PRESETS[code], kind, "brief", D(received), body_due=body_due and D(body_due))
    assert got == expected


# --- profile settings ----------------------------------------------------------------------------


def test_profile_without_the_shift() -> None:
    office = dataclasses.replace(LUEBECK, shift_to_working_day=False)
    assert compute_deadlines(office, "beschwerde", "brief", date(2026, 3, 20)) == dl("2026-03-25", "2026-04-03")
    assert compute_deadlines(office, "beschwerde", "brief", date(2026, 12, 17)) == dl("2026-12-22", "2026-12-31")
    bs = dataclasses.replace(BRAUNSCHWEIG, shift_to_working_day=False)
    # 7 KT end on Friday 25.12. and stay there; 14 KT after that end on Friday 8.1.2027
    assert compute_deadlines(bs, "beschwerde", "brief", date(2026, 12, 18)) == dl("2026-12-25", "2027-01-08")


def test_profile_with_a_brueckentag() -> None:
    office = dataclasses.replace(LUEBECK, closing_days=("12-24", "12-31", "2026-05-15"))
    assert compute_deadlines(office, "beschwerde", "brief", date(2026, 5, 12)) == dl("2026-05-19", "2026-05-26")
    assert compute_deadlines(office, "beschwerde", "brief", date(2026, 4, 30)) == dl("2026-05-06", "2026-05-18")
    assert compute_deadlines(LUEBECK, "beschwerde", "brief", date(2026, 4, 30)) == dl("2026-05-06", "2026-05-15")


def test_profile_that_removes_24_december() -> None:
    office = dataclasses.replace(OSNABRUECK, closing_days=("12-31",))
    assert compute_deadlines(office, "beschwerde", "brief", date(2026, 12, 22)) == dl("2026-12-28", "2027-01-05")
    assert compute_deadlines(office, "beschwerde", "brief", date(2026, 12, 10)) == dl("2026-12-15", "2026-12-24")
    assert compute_deadlines(OSNABRUECK, "beschwerde", "brief", date(2026, 12, 10)) == dl("2026-12-15", "2026-12-28")


@settings(max_examples=120, deadline=None)
@given(
    code=st.sampled_from(list(PRESETS)),
    received=st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)),
)
@example(code="luebeck", received=date(2025, 12, 10))  # 24.12. + Christmas + weekend: due 29.12.
def test_property_deadlines_never_before_the_counted_days(code: str, received: date) -> None:
    profile = PRESETS[code]
    d = compute_deadlines(profile, "beschwerde", "brief", received)
    assert d.ack_due is not None and d.final_due is not None
    assert d.ack_due >= received + timedelta(days=profile.ack.count)
    assert d.final_due > d.ack_due
    if code == "braunschweig":
        assert d.final_due >= d.ack_due + timedelta(days=14)
    else:  # 14 KT, or 10 AT (at least 10 days, 13 from a Saturday)
        assert d.final_due >= received + timedelta(days=profile.final.count)
    if profile.final.unit == "calendar" and profile.final.start == "received":
        # the longest run of free days: 24.12. (closing day) to 28.12. when Christmas meets a weekend
        assert d.final_due <= received + timedelta(days=14 + 5)


# --- with the database: stored deadlines and the action dates ------------------------------------


def test_register_stores_the_computed_deadlines(store: object) -> None:
    case = register(kind="petition", received=date(2026, 11, 7))
    stored = Case.get_by_id(case.id)
    assert (stored.ack_due, stored.final_due, stored.gf_due) == (
        date(2026, 11, 11),
        date(2026, 11, 23),
        date(2026, 11, 9),
    )


def test_ack_on_the_due_date_is_on_time_a_day_later_is_not(store: object) -> None:
    on_time = register(received=date(2026, 11, 2))  # ack due 5.11.
    late = register(received=date(2026, 11, 2))
    cases.acknowledge(on_time.id, version=on_time.version, sent_on=date(2026, 11, 5), today=TODAY, user=USER)
    cases.acknowledge(late.id, version=late.version, sent_on=date(2026, 11, 6), today=TODAY, user=USER)
    texts = {e.case_id: e.text for e in Event.select().where(Event.action == "acknowledged").order_by(Event.case)}
    assert texts[on_time.id] == "Eingangsbestätigung versandt am 05.11.2026."
    assert texts[late.id] == "Eingangsbestätigung versandt am 06.11.2026 (nach Fristablauf)."


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_braunschweig_ack_moves_the_stored_final_due(store: object) -> None:
    case = register(received=date(2026, 11, 2))
    assert (case.ack_due, case.final_due) == (date(2026, 11, 9), date(2026, 11, 23))
    case = cases.acknowledge(case.id, version=case.version, sent_on=date(2026, 11, 4), today=TODAY, user=USER)
    reloaded = Case.get_by_id(case.id)
    assert (reloaded.ack_due, reloaded.final_due) == (date(2026, 11, 9), date(2026, 11, 18))
