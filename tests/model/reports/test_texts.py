"""The qualitative report texts, the topic list and the report reminder."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.office.profiles import PRESETS, load_profile
from krm_desktop.model.office.topics import DEFAULT_TOPICS, save_topic_list, topic_list
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.reports.texts import (
    ReportTexts,
    default_recipient,
    load_texts,
    mark_report_made,
    report_made,
    report_reminder_due,
    report_reminders,
    save_texts,
)
from krm_desktop.model.store.settings import put_setting


def test_texts_are_kept_per_period(store) -> None:
    assert load_texts(Period(2025)) == ReportTexts()
    save_texts(Period(2025), ReportTexts(focus="Erreichbarkeit", actions="Rückrufe", remarks="–"))
    save_texts(Period(2025), ReportTexts(focus="Erreichbarkeit\n- Telefon", actions="Rückrufe", remarks=""))
    assert load_texts(Period(2025)) == ReportTexts("Erreichbarkeit\n- Telefon", "Rückrufe", "")
    assert load_texts(Period(2025, half=2)) == ReportTexts()
    assert ReportTexts("a", "", "c").sections() == [("Schwerpunktthemen", "a"), ("Bemerkungen", "c")]
    assert ReportTexts("a", notable="- Team 411: 4 → 11").sections()[1] == ("Auffälligkeiten", "- Team 411: 4 → 11")


def test_texts_per_category_are_kept_and_older_texts_still_load(store) -> None:
    put_setting("report_texts:2024", {"focus": "alt", "actions": "", "remarks": "r"})  # stored before issue 19
    assert load_texts(Period(2024)) == ReportTexts(focus="alt", remarks="r")
    texts = ReportTexts(focus="f", notable="n", categories={"lob": "Viel Lob", "petitionen": "Zwei Eingaben"})
    save_texts(Period(2025), texts)
    assert load_texts(Period(2025)) == texts
    assert texts.category_sections() == [
        ("lob", "Lob", "Viel Lob"),
        ("petitionen", "Petitionen und Eingaben", "Zwei Eingaben"),
    ]


def test_bad_category_texts_are_refused_by_category(store) -> None:
    with pytest.raises(ValidationError) as info:
        save_texts(Period(2025), ReportTexts(categories={"lob": "x\x00", "sonstwas": "y", "dab": "a" * 20_001}))
    assert set(info.value.errors) == {"category.lob", "category.sonstwas", "category.dab"}
    assert info.value.errors["category.lob"].startswith("Lob enthält")
    assert "höchstens 20.000 Zeichen" in info.value.errors["category.dab"]
    assert load_texts(Period(2025)) == ReportTexts()


def test_texts_with_control_characters_or_too_long_are_refused(store) -> None:
    with pytest.raises(ValidationError) as info:
        save_texts(Period(2025), ReportTexts(focus="x\x00y", actions="a" * 20_001))
    assert set(info.value.errors) == {"focus", "actions"}
    assert "höchstens 20.000 Zeichen" in info.value.errors["actions"]
    assert load_texts(Period(2025)) == ReportTexts()


def test_default_recipients() -> None:
    assert default_recipient(Period(2025)) == "regionaldirektion"
    assert default_recipient(Period(2025, half=1)) == "traegerversammlung"
    assert default_recipient(Period(2025, quarter=3)) == "gf"


@pytest.mark.parametrize(
    ("today", "words"),
    [
        (date(2026, 1, 2), "Jahresbericht 2025 fällig: an die Trägerversammlung im Januar, an die Regionaldirektion "
         "bis 22.01.2026 – Frist 22.01.2026 (in 20 Tagen)."),
        (date(2026, 1, 21), "(morgen)"),
        (date(2026, 1, 22), "(heute)"),
        (date(2026, 2, 3), "Frist 22.01.2026 überschritten"),
    ],
)  # fmt: skip
def test_reminder_when_due(store, today: date, words: str) -> None:
    text = report_reminder_due(today)  # Lübeck: the annual report, to the Trägerversammlung as well
    assert text is not None and words in text


@pytest.mark.parametrize("today", [date(2026, 4, 1), date(2026, 6, 30), date(2026, 10, 1), date(2026, 12, 31)])
def test_no_reminder_outside_the_report_months(store, today: date) -> None:
    assert report_reminder_due(today) is None


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_reminder_goes_once_the_report_was_made(store) -> None:
    assert not report_made(Period(2025))
    mark_report_made(Period(2025), "regionaldirektion", date(2026, 1, 12))
    assert report_made(Period(2025)) and "Jahresbericht" not in (report_reminder_due(date(2026, 2, 13)) or "")
    assert report_reminder_due(date(2026, 8, 13)) is not None
    mark_report_made(Period(2026, half=1), "traegerversammlung", date(2026, 8, 13))
    assert report_reminder_due(date(2026, 8, 14)) is None


def test_half_year_report_after_q4_leaves_the_annual_report_due(store) -> None:
    mark_report_made(Period(2025, half=2), "traegerversammlung", date(2026, 1, 8))
    text = report_reminder_due(date(2026, 1, 9), PRESETS["berlin-pankow"])
    assert text is not None and "Jahresbericht 2025" in text and "2. Halbjahr" not in text


def test_annual_report_for_the_traegerversammlung_serves_after_q4(store) -> None:
    mark_report_made(Period(2025), "traegerversammlung", date(2026, 1, 8))
    assert report_reminders(date(2026, 1, 9), PRESETS["berlin-pankow"]) == [
        "Quartalsauswertung 4. Quartal 2025 für die Dienstbesprechung der Geschäftsführung steht an."
    ]


def test_no_half_year_reminder_where_the_office_makes_none(store) -> None:
    # Lübeck makes the annual report only (DOMAIN.md §6)
    assert report_reminder_due(date(2026, 7, 1)) is None
    text = report_reminder_due(date(2026, 1, 2))
    assert text is not None and text.startswith("Jahresbericht 2025 fällig") and "Halbjahresbericht" not in text
    assert report_reminder_due(date(2026, 7, 1), PRESETS["berlin-pankow"]) is not None


def test_no_reminder_where_the_office_makes_no_such_report(store) -> None:
    quarters_only = dataclasses.replace(PRESETS["luebeck"], reports=("quarter",))
    assert report_reminders(date(2026, 2, 1), quarters_only) == []
    assert report_reminders(date(2026, 2, 1), dataclasses.replace(quarters_only, reports=())) == []


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_quarterly_reminder_in_the_month_after_each_quarter(store) -> None:
    gf = "für die Dienstbesprechung der Geschäftsführung steht an."
    assert report_reminder_due(date(2026, 4, 1)) == f"Quartalsauswertung 1. Quartal 2026 {gf}"
    assert report_reminder_due(date(2026, 10, 31)) == f"Quartalsauswertung 3. Quartal 2026 {gf}"
    assert report_reminder_due(date(2026, 5, 2)) is None and report_reminder_due(date(2026, 11, 1)) is None
    july = report_reminders(date(2026, 7, 15), load_profile())
    assert july == [
        "Halbjahresbericht 1. Halbjahr 2026 für die Trägerversammlung steht an (nach dem 2. Quartal).",
        f"Quartalsauswertung 2. Quartal 2026 {gf}",
    ]
    january = report_reminders(date(2026, 1, 5), load_profile())
    assert [line.split(" fällig")[0].split(" für")[0] for line in january] == [
        "Jahresbericht 2025",
        "Halbjahresbericht 2. Halbjahr 2025",
        "Quartalsauswertung 4. Quartal 2025",
    ]
    mark_report_made(Period(2026, quarter=1), "gf", date(2026, 4, 8))
    assert report_reminder_due(date(2026, 4, 9)) is None


def test_topic_list_defaults_and_cleaning(store) -> None:
    assert topic_list() == list(DEFAULT_TOPICS)
    saved = save_topic_list(["  Erreichbarkeit ", "erreichbarkeit", "", "Bescheide  verständlich"])
    assert saved == ["Erreichbarkeit", "Bescheide verständlich"] == topic_list()
    with pytest.raises(ValidationError) as info:
        save_topic_list([f"Thema {n}" for n in range(31)])
    assert "Höchstens 30 Themen" in info.value.errors["topics"]
    with pytest.raises(ValidationError):
        save_topic_list(["x" * 81])
    assert topic_list() == ["Erreichbarkeit", "Bescheide verständlich"]
