"""The Auffälligkeiten on a fixed data set computed by hand, with the boundaries of the rules.

The hand computation (rule: |change| >= 5 cases AND |change| >= half of the previous number; rates: fell by >= 10
points, the rates as printed):

| group   | key / label          | previous | current | change | half of prev. | >= 5 | notable | text                         |
|---------|----------------------|----------|---------|--------|---------------|------|---------|------------------------------|
| kind    | Beschwerde           | 10       | 15      | +5     | 5 >= 5 yes    | yes  | yes     | 10 → 15 (+50 %)  exactly     |
| kind    | Lob                  | 8        | 12      | +4     | 4 >= 4 yes    | no   | no      | (4 cases do not count)       |
| kind    | Idee/Anregung        | 12       | 17      | +5     | 5 >= 6 no     | yes  | no      |                              |
| kind    | Petition             | 0        | 5       | +5     | 5 >= 0 yes    | yes  | yes     | 0 → 5 (neu)                  |
| kind    | Eingabe              | 0        | 4       | +4     |               | no   | no      |                              |
| channel | E-Mail               | 20       | 10      | -10    | 10 >= 10 yes  | yes  | yes     | 20 → 10 (-50 %)              |
| channel | Brief                | 30       | 20      | -10    | 10 >= 15 no   | yes  | no      |                              |
| team    | Team 411 Leistung    | 4        | 11      | +7     | 7 >= 2 yes    | yes  | yes     | 4 → 11 (+175 %)              |
| team    | Team 431 Markt       | 6        | – (0)   | -6     | 6 >= 3 yes    | yes  | yes     | 6 → 0 (-100 %)               |
| team    | Eingangszone         | 9        | 3       | -6     | 6 >= 4,5 yes  | yes  | yes     | 9 → 3 (-67 %: 66,67 rounded) |
| topic   | Erreichbarkeit       | 3        | 9       | +6     | 6 >= 1,5 yes  | yes  | yes     | 3 → 9 (+200 %)               |
| topic   | Umgangston           | 5        | 9       | +4     |               | no   | no      |                              |
| rate    | Eingangsbestätigung  | 8/10 = 80,0 % | 701/1000 = 70,1 % | -9,9 Pp. |  |  | no  | (9,9 points do not count)  |
| rate    | Antwort              | 9/10 = 90,0 % | 8/10 = 80,0 %     | -10,0 Pp.|  |  | yes | 90,0 % → 80,0 % (-10,0 Pp.) |

Order: rates, kinds, channels, teams, topics; within a group the larger change first, then the name.
"""

from __future__ import annotations

from datetime import date

from krm_desktop.model.reports.figures import Deadlines, Figures, Row, compute_figures
from krm_desktop.model.reports.notable import count_is_notable, notable_changes, notable_list, rate_is_notable
from krm_desktop.model.reports.periods import Period
from tests.report_data import TODAY, report_cases, report_db_path, report_template  # noqa: F401


def rows(*entries: tuple[str, str, int]) -> list[Row]:
    return [Row(key, label, cases, cases) for key, label, cases in entries]


def figures(period: Period, **parts: object) -> Figures:
    return Figures(period, date(2026, 11, 20), **parts)  # type: ignore[arg-type]


PREVIOUS = figures(
    Period(2026, quarter=2),
    by_kind=rows(("beschwerde", "Beschwerde", 10), ("lob", "Lob", 8), ("idee", "Idee/Anregung", 12),
                 ("petition", "Petition", 0), ("eingabe", "Eingabe", 0)),
    by_channel=rows(("email", "E-Mail", 20), ("brief", "Brief", 30)),
    by_team=rows(("Team 411 Leistung", "Team 411 Leistung", 4), ("Team 431 Markt", "Team 431 Markt", 6),
                 ("Eingangszone", "Eingangszone", 9)),
    by_topic=rows(("Erreichbarkeit", "Erreichbarkeit", 3), ("Umgangston", "Umgangston", 5)),
    deadlines=Deadlines(ack_counted=10, ack_on_time=8, answer_counted=10, answer_on_time=9),
)  # fmt: skip
CURRENT = figures(
    Period(2026, quarter=3),
    by_kind=rows(("beschwerde", "Beschwerde", 15), ("lob", "Lob", 12), ("idee", "Idee/Anregung", 17),
                 ("petition", "Petition", 5), ("eingabe", "Eingabe", 4)),
    by_channel=rows(("email", "E-Mail", 10), ("brief", "Brief", 20)),
    by_team=rows(("Team 411 Leistung", "Team 411 Leistung", 11), ("Eingangszone", "Eingangszone", 3)),
    by_topic=rows(("Erreichbarkeit", "Erreichbarkeit", 9), ("Umgangston", "Umgangston", 9)),
    deadlines=Deadlines(ack_counted=1000, ack_on_time=701, answer_counted=10, answer_on_time=8),
)  # fmt: skip


def test_the_hand_computed_data_set() -> None:
    assert [item.text for item in notable_changes(CURRENT, PREVIOUS)] == [
        "Antwort fristgerecht: 90,0\u00a0% → 80,0\u00a0% (-10,0 Pp.)",
        "Anliegensart Beschwerde: 10 → 15 (+50 %)",
        "Anliegensart Petition: 0 → 5 (neu)",
        "Eingangsweg E-Mail: 20 → 10 (-50 %)",
        "Team 411 Leistung: 4 → 11 (+175 %)",
        "Team 431 Markt: 6 → 0 (-100 %)",
        "Team Eingangszone: 9 → 3 (-67 %)",
        "Thema „Erreichbarkeit“: 3 → 9 (+200 %)",
    ]


def test_the_boundaries() -> None:
    assert count_is_notable(10, 15) and count_is_notable(10, 5)  # exactly half and exactly five cases
    assert not count_is_notable(8, 12) and not count_is_notable(8, 4)  # half, but four cases
    assert not count_is_notable(12, 17)  # five cases, less than half
    assert count_is_notable(0, 5) and not count_is_notable(0, 4)
    assert rate_is_notable(90.0, 80.0) and not rate_is_notable(80.0, 70.1)  # ten points count, 9.9 do not
    assert not rate_is_notable(70.0, 95.0) and not rate_is_notable(None, 50.0)  # a rise; no base


def test_no_previous_period_no_list() -> None:
    assert notable_changes(CURRENT, None) == []


def test_the_list_goes_into_the_text_as_bullets() -> None:
    items = notable_changes(CURRENT, PREVIOUS)[:2]
    assert notable_list(items) == (
        "- Antwort fristgerecht: 90,0\u00a0% → 80,0\u00a0% (-10,0 Pp.)\n- Anliegensart Beschwerde: 10 → 15 (+50 %)"
    )


def test_from_the_store(report_cases) -> None:  # noqa: F811
    # tests/report_data.py: 2024 had 2 cases (both on time), 2025 acknowledged 6 of 9 and answered 4 of 9 on time
    # (c1, c3, c6, c8); no count moved by five cases.
    f = compute_figures(Period(2025), today=TODAY)
    assert [item.text for item in notable_changes(f, f.previous)] == [
        "Eingangsbestätigung fristgerecht: 100,0\u00a0% → 66,7\u00a0% (-33,3 Pp.)",
        "Antwort fristgerecht: 100,0\u00a0% → 44,4\u00a0% (-55,6 Pp.)",
    ]
