"""The report figures on a hand-built set of cases (tests/report_data.py); every expected value worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.reports import figures as st
from krm_desktop.model.reports.figures import Row, compute_figures
from krm_desktop.model.reports.periods import Period, latest_complete, make_period, period_problem
from krm_desktop.model.store.entities import Case
from tests.report_data import TODAY, anonymise, report_cases, report_db_path, report_template  # noqa: F401

Y2025 = Period(2025)


def rows(found: list[Row]) -> dict[str, tuple[int, int, float | None]]:
    return {r.key: (r.concerns, r.cases, r.share) for r in found}


@pytest.fixture
def data(report_cases):  # noqa: F811
    return report_cases


def test_counts_cases_and_concerns_of_the_year(data) -> None:
    f = compute_figures(Y2025, today=TODAY)
    assert (f.cases, f.concerns, f.closed, f.open, f.anonymised) == (11, 14, 9, 2, 0)
    assert not f.provisional and not f.empty


def test_by_kind_counts_concerns_with_cases_beside_them(data) -> None:
    f = compute_figures(Y2025, today=TODAY)
    assert rows(f.by_kind) == {
        "beschwerde": (5, 5, 35.7),
        "lob": (2, 2, 14.3),
        "idee": (1, 1, 7.1),
        "petition": (1, 1, 7.1),
        "eingabe": (0, 0, 0.0),
        "dienstaufsichtsbeschwerde": (1, 1, 7.1),
        "fachaufsichtsbeschwerde": (2, 2, 14.3),  # c7 (reclassified DAB) and c10's second concern
        "folgereaktion": (1, 1, 7.1),
        "meinungskarte": (1, 1, 7.1),
    }
    assert [r.label for r in f.by_kind][:3] == ["Beschwerde", "Lob", "Idee/Anregung"]
    assert f.complaints == 9


def test_by_channel_and_via(data) -> None:
    f = compute_figures(Y2025, today=TODAY)
    channel = {k: v[:2] for k, v in rows(f.by_channel).items()}
    assert channel == {
        "brief": (6, 5),
        "email": (2, 2),
        "online": (3, 1),
        "telefon": (1, 1),
        "persoenlich": (1, 1),
        "meinungskarte": (1, 1),
    }
    via = {k: v[:2] for k, v in rows(f.by_via).items() if v[0]}
    assert via == {"direkt": (9, 8), "agentur": (1, 1), "kommune": (3, 1), "petitionsausschuss": (1, 1)}
    assert len(f.by_via) == 8  # every code, zeros included


def test_by_team_and_area(data) -> None:
    f = compute_figures(Y2025, today=TODAY)
    assert [(r.key, r.concerns, r.cases, r.group) for r in f.by_team] == [
        ("Team 411 Leistung", 5, 4, "Bereich 41"),
        ("Eingangszone", 4, 2, "Bereich 41"),
        ("Team 431 Markt", 3, 3, "Bereich 43"),
        ("none", 2, 2, ""),
    ]
    assert [(r.key, r.concerns, r.cases) for r in f.by_area] == [
        ("Bereich 41", 9, 6),
        ("Bereich 43", 3, 3),
        ("none", 2, 2),
    ]
    assert f.by_area[-1].label == "ohne Bereich" and f.by_team[-1].label == "ohne Team"


def test_by_month_lists_every_month(data) -> None:
    f = compute_figures(Y2025, today=TODAY)
    assert [r.key for r in f.by_month] == [f"2025-{m:02d}" for m in range(1, 13)]
    found = {r.key[-2:]: (r.concerns, r.cases) for r in f.by_month if r.cases}
    assert found == {"03": (3, 2), "05": (2, 2), "06": (1, 1), "07": (2, 2), "10": (1, 1), "11": (1, 1), "12": (4, 2)}
    assert f.by_month[0].label == "Januar 2025" and f.by_month[0].share == 0.0


def test_outcomes_share_of_assessed_complaints_and_petitions(data) -> None:
    f = compute_figures(Y2025, today=TODAY)
    assert rows(f.outcomes) == {  # the petition (c9, unbegründet) is assessed like a Beschwerde
        "begruendet": (3, 3, 37.5),
        "unbegruendet": (4, 4, 50.0),
        "nicht_bewertbar": (1, 1, 12.5),
        "open": (2, 2, None),
    }


def test_followups_cards_and_dab(data) -> None:
    f = compute_figures(Y2025, today=TODAY)
    assert (f.followups, f.followup_pct, f.cards, f.card_pct) == (1, 9.1, 1, 9.1)
    assert f.dab == st.Dab(total=2, decided=1, reclassified_fach=1, reclassified_beschwerde=0, undecided=0)
    assert f.dab.reclassified == 1


def test_deadline_figures(data) -> None:
    d = compute_figures(Y2025, today=TODAY).deadlines
    # ack on time: c1, c3 (answer first), c6, c8 (closed after waiver), c9 (on the day), c10; late: c2, c7, c11
    assert (d.ack_clock, d.ack_counted, d.ack_on_time, d.ack_running, d.ack_on_time_pct) == (9, 9, 6, 0, 66.7)
    # answer on time: c1, c3, c6, c8; late: c2, c7, c9, c10, c11; c2's interim notice came in time
    assert (d.answer_clock, d.answer_counted, d.answer_on_time, d.answer_on_time_pct) == (9, 9, 4, 44.4)
    assert (d.answer_or_interim_on_time, d.answer_or_interim_on_time_pct) == (5, 55.6)
    assert (d.interim_sent, d.interim_on_time) == (1, 1)


def test_processing_days_median_and_p90(data) -> None:
    p = compute_figures(Y2025, today=TODAY).processing
    # closed, Meinungskarte excluded: 2, 2, 8, 9, 11, 18, 22, 24
    assert (p.closed, p.median, p.p90) == (8, 10.0, 24)


def test_top_topics(data) -> None:
    f = compute_figures(Y2025, today=TODAY)
    assert [(r.key, r.cases, r.concerns, r.share) for r in f.topics] == [
        ("Erreichbarkeit", 4, 7, 36.4),
        ("Umgangston", 3, 3, 27.3),
        ("Bearbeitungsdauer", 2, 2, 18.2),
    ]
    assert f.no_topic == 2


def test_comparison_with_the_previous_year(data) -> None:
    f = compute_figures(Y2025, today=TODAY)
    assert f.previous is not None and f.previous.period == Period(2024)
    compared = {c.key: (c.current, c.previous, c.change, c.change_pct) for c in f.comparison()}
    assert compared == {
        "cases": (11, 2, 9, 450.0),
        "concerns": (14, 2, 12, 600.0),
        "complaints": (9, 1, 8, 800.0),
        "lob": (2, 1, 1, 100.0),
        "folgereaktion": (1, 0, 1, None),  # no base: no relative change
        "meinungskarte": (1, 0, 1, None),
        "begruendet_pct": (37.5, 100.0, -62.5, None),
        "ack_on_time_pct": (66.7, 100.0, -33.3, None),
        "answer_on_time_pct": (44.4, 100.0, -55.6, None),
        "processing_median": (10.0, 4.0, 6.0, None),  # p1 7 days, p2 1 day
    }


def test_no_comparison_before_the_oldest_record(data) -> None:
    f = compute_figures(Period(2024), today=TODAY)
    assert f.previous is None
    assert {c.previous for c in f.comparison()} == {None}
    assert {c.change for c in f.comparison()} == {None}


def test_halves_and_quarters(data) -> None:
    h1 = compute_figures(Period(2025, half=1), today=TODAY)
    assert (h1.cases, h1.concerns) == (5, 6)  # c1-c5
    assert [r.key for r in h1.by_month] == [f"2025-{m:02d}" for m in range(1, 7)]
    assert h1.previous is not None and h1.previous.period == Period(2024, half=2)
    assert (h1.previous.cases, h1.previous.concerns) == (1, 1)  # p2
    q4 = compute_figures(Period(2025, quarter=4), today=TODAY)
    assert (q4.cases, q4.concerns) == (4, 6)  # c8-c11
    assert q4.previous is not None and (q4.previous.cases, q4.previous.period) == (2, Period(2025, quarter=3))
    # processing: c8 2, c9 22, c10 18 -> median 18, p90 rank ceil(2.7) = 3 -> 22
    assert (q4.processing.median, q4.processing.p90) == (18.0, 22)


def test_anonymised_cases_give_the_same_figures(data) -> None:
    before = compute_figures(Y2025, today=TODAY)
    anonymise(*(data.by_name[n] for n in ("c1", "c2", "c4", "c6", "c8", "c10")))
    after = compute_figures(Y2025, today=TODAY)
    assert after.anonymised == 6
    assert Case.get_by_id(data.by_name["c6"].id).gf_decision == ""
    for name in [
        "cases",
        "concerns",
        "closed",
        "followups",
        "cards",
        "by_kind",
        "by_channel",
        "by_via",
        "by_team",
        "by_area",
        "by_month",
        "outcomes",
        "topics",
        "no_topic",
        "dab",
        "deadlines",
        "processing",
    ]:
        assert getattr(after, name) == getattr(before, name), name
    assert after.comparison() == before.comparison()


def test_running_quarter_leaves_running_clocks_out(data) -> None:
    f = compute_figures(Period(2026, quarter=4), today=TODAY)
    assert f.provisional and (f.cases, f.concerns) == (2, 2)
    d = f.deadlines
    # r2: acknowledged on time, answer overdue since 16.11.; r1: both clocks still running
    assert (d.ack_clock, d.ack_counted, d.ack_running, d.ack_on_time_pct) == (2, 1, 1, 100.0)
    assert (d.answer_clock, d.answer_counted, d.answer_running, d.answer_on_time_pct) == (2, 1, 1, 0.0)
    assert f.processing == st.Processing(0, None, None)


def test_a_period_without_cases_gives_zeros_and_no_percentages(data) -> None:
    f = compute_figures(Period(2026, half=1), today=TODAY)
    assert f.empty and (f.cases, f.concerns, f.closed) == (0, 0, 0)
    assert all(r.concerns == 0 and r.share is None for r in f.by_kind + f.by_channel + f.by_month)
    assert f.by_team == [] and f.topics == [] and f.outcome_pct("begruendet") is None
    d = f.deadlines
    assert (d.ack_on_time_pct, d.answer_on_time_pct, d.answer_or_interim_on_time_pct) == (None, None, None)
    assert (f.followup_pct, f.card_pct, f.processing.median, f.processing.p90) == (None, None, None, None)
    assert f.previous is not None and f.previous.cases == 6  # H2 2025: c6-c11
    compared = {c.key: c for c in f.comparison()}
    assert compared["cases"].change == -f.previous.cases and compared["cases"].change_pct == -100.0


@pytest.mark.parametrize(
    ("period", "field", "words"),
    [
        (Period(2027), "year", "liegt in der Zukunft"),
        (Period(2023), "year", "älteste erfasste Kundenreaktion ist vom 03.06.2024"),
        (Period(2024, quarter=1), "quarter", "Für das 1. Quartal 2024 gibt es keine Daten"),
        (Period(1999), "year", "nicht plausibel"),
    ],
)
def test_refused_periods(data, period, field, words) -> None:
    with pytest.raises(ValidationError) as info:
        compute_figures(period, today=TODAY)
    assert field in info.value.errors and words in info.value.errors[field]


def test_period_not_begun_and_empty_store() -> None:
    problem = period_problem(Period(2026, half=2), date(2026, 5, 10), date(2020, 1, 1))
    assert problem is not None and problem[0] == "half" and "noch nicht begonnen (Beginn 01.07.2026)" in problem[1]
    assert period_problem(Period(2026, quarter=2), date(2026, 5, 10), None) is None  # running, empty store
    assert period_problem(Period(2025), date(2026, 5, 10), None) is None  # a report that says: none recorded
    problem = period_problem(Period(2027), date(2026, 5, 10), None)
    assert problem is not None and "Zukunft" in problem[1]


def test_empty_store_reports_the_running_year(store) -> None:
    f = compute_figures(Period(2026), today=TODAY)
    assert f.empty and f.previous is None and f.deadlines.ack_on_time_pct is None


def test_make_period_refuses_half_and_quarter_together() -> None:
    with pytest.raises(ValidationError) as info:
        make_period(2025, half=1, quarter=2)
    assert "entweder ein Halbjahr oder ein Quartal" in info.value.errors["half"]
    with pytest.raises(ValidationError):
        make_period(2025, quarter=5)


def test_period_arithmetic() -> None:
    assert Period(2025, half=2).start == date(2025, 7, 1) and Period(2025, half=2).end == date(2025, 12, 31)
    assert Period(2024, quarter=1).end == date(2024, 3, 31) and Period(2025, quarter=2).end == date(2025, 6, 30)
    assert Period(2025, quarter=1).previous() == Period(2024, quarter=4)
    assert Period(2025, half=1).previous() == Period(2024, half=2)
    assert Period(2025, half=2).previous() == Period(2025, half=1)
    assert [Period.from_code(c).code for c in ("2025", "2025-H2", "2025-Q3")] == ["2025", "2025-H2", "2025-Q3"]
    assert Period(2025, quarter=3).title == "Quartalsauswertung 3. Quartal 2025"
    assert latest_complete(date(2026, 1, 10), "year") == Period(2025)
    assert latest_complete(date(2026, 1, 10), "quarter") == Period(2025, quarter=4)
    assert latest_complete(date(2026, 8, 1), "half") == Period(2026, half=1)


def test_percentages_round_half_up_and_percentile_by_nearest_rank() -> None:
    assert st.pct(1, 8) == 12.5 and st.pct(1, 3) == 33.3 and st.pct(2, 3) == 66.7 and st.pct(1, 0) is None
    assert st.pct(1, 400) == 0.3  # 0.25 rounds up, not to even
    assert st.percentile_nearest_rank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9
    assert st.percentile_nearest_rank([5], 0.9) == 5 and st.percentile_nearest_rank([], 0.9) is None
    assert st.median([3, 1, 2]) == 2.0 and st.median([]) is None
