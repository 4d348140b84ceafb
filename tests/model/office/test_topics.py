"""The office's topic list: add, rename (cases carried along), deactivate and activate, order; the old stored form;
every bad name and a concurrent change refused in German with nothing changed."""

from __future__ import annotations

import json
from datetime import date

import pytest

from krm_desktop.model.errors import ConflictError, ValidationError
from krm_desktop.model.office.topics import (
    DEFAULT_TOPICS,
    MAX_TOPICS,
    Topic,
    TopicUse,
    add_topic,
    all_topics,
    duplicate_problem,
    move_topic,
    name_problem,
    rename_topic,
    save_topic_list,
    set_topic_active,
    topic_list,
    topic_overview,
    topics_problems,
)
from krm_desktop.model.reports.figures import compute_figures
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.store.entities import Case, Setting
from krm_desktop.model.store.settings import put_setting
from tests import factories as f


def version() -> int:
    return topic_overview().version


def test_defaults_until_a_list_is_stored(store) -> None:
    overview = topic_overview()
    assert overview.version == 0
    assert [(t.name, t.active, t.cases) for t in overview.topics] == [(n, True, 0) for n in DEFAULT_TOPICS]
    assert topic_list() == list(DEFAULT_TOPICS)


def test_the_old_plain_list_of_names_loads_all_active(store) -> None:
    put_setting("topics", ["Wartezeit", "Telefon"])
    assert all_topics() == [Topic("Wartezeit"), Topic("Telefon")]
    assert topic_list() == ["Wartezeit", "Telefon"]
    add_topic("Bescheide", expected_version=version())
    stored = json.loads(Setting.get_by_id("topics").value)
    assert stored == [
        {"name": "Wartezeit", "active": True},
        {"name": "Telefon", "active": True},
        {"name": "Bescheide", "active": True},
    ]


def test_add_appends_an_active_topic_trimmed(store) -> None:
    assert add_topic("  Digitale   Angebote ", expected_version=0) == "Digitale Angebote"
    assert topic_list() == [*DEFAULT_TOPICS, "Digitale Angebote"]
    assert version() == 1


def test_overview_counts_the_cases_of_each_topic(store) -> None:
    for topic in ("Erreichbarkeit", "Erreichbarkeit", "Umgangston", "Altes Thema", ""):
        f.register(topic=topic)
    counts = {t.name: t.cases for t in topic_overview().topics}
    assert (counts["Erreichbarkeit"], counts["Umgangston"], counts["Auszahlung"]) == (2, 1, 0)
    assert "Altes Thema" not in counts


def test_rename_carries_the_cases_along_and_nothing_else(store) -> None:
    carrying = [f.register(topic="Erreichbarkeit", received=date(2026, 3, n)) for n in (2, 3)]
    other = f.register(topic="Umgangston", received=date(2026, 3, 4))
    before = {c.id: Case.get_by_id(c.id).__data__ for c in [*carrying, other]}
    assert rename_topic("Erreichbarkeit", "Telefonische Erreichbarkeit", expected_version=0) == 2
    assert topic_list()[0] == "Telefonische Erreichbarkeit"
    assert "Erreichbarkeit" not in topic_list()
    for case in carrying:
        after = Case.get_by_id(case.id).__data__
        assert after == {**before[case.id], "topic": "Telefonische Erreichbarkeit"}
    assert Case.get_by_id(other.id).__data__ == before[other.id]
    assert topic_overview().topics[0] == TopicUse("Telefonische Erreichbarkeit", True, 2)
    # a case registered after the rename is counted together with the old ones
    f.register(topic="Telefonische Erreichbarkeit", received=date(2026, 3, 5))
    rows = {r.key: r.cases for r in compute_figures(Period(2026), today=f.TODAY).topics}
    assert rows == {"Telefonische Erreichbarkeit": 3, "Umgangston": 1}


def test_rename_may_change_only_the_capitals(store) -> None:
    f.register(topic="Umgangston")
    assert rename_topic("Umgangston", "UMGANGSTON", expected_version=0) == 1
    assert "UMGANGSTON" in topic_list()


def test_deactivate_keeps_the_cases_and_can_be_undone(store) -> None:
    case = f.register(topic="Terminvergabe")
    set_topic_active("Terminvergabe", False, expected_version=0)
    assert "Terminvergabe" not in topic_list()
    assert TopicUse("Terminvergabe", False, 1) in topic_overview().topics
    assert Case.get_by_id(case.id).topic == "Terminvergabe"
    set_topic_active("Terminvergabe", True, expected_version=1)
    assert topic_list() == list(DEFAULT_TOPICS)


def test_order_moves_up_and_down_and_stops_at_the_ends(store) -> None:
    move_topic("Bearbeitungsdauer", -1, expected_version=0)
    assert topic_list()[:2] == ["Bearbeitungsdauer", "Erreichbarkeit"]
    move_topic("Bearbeitungsdauer", -1, expected_version=1)
    move_topic("Räume und Wartezeit", 1, expected_version=2)
    assert topic_list()[0] == "Bearbeitungsdauer" and topic_list()[-1] == "Räume und Wartezeit"
    move_topic("Erreichbarkeit", 3, expected_version=3)
    assert topic_list()[:5] == ["Bearbeitungsdauer", "Umgangston", "Bescheid verständlich", "Terminvergabe",
                                "Erreichbarkeit"]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "Bitte einen Namen für das Thema eingeben."),
        ("   ", "Bitte einen Namen für das Thema eingeben."),
        ("x" * 81, "Name des Themas: höchstens 80 Zeichen erlaubt, eingegeben sind 81."),
        ("Warte\nzeit", "Name des Themas enthält einen Zeilenumbruch; bitte entfernen."),
        ("Wartezeit\n", "Name des Themas enthält einen Zeilenumbruch; bitte entfernen."),
        ("Warte\tzeit", "Name des Themas enthält ein Steuerzeichen (U+0009); bitte entfernen."),
    ],
)
def test_bad_names_are_refused_in_german_and_nothing_changes(store, name: str, expected: str) -> None:
    f.register(topic="Erreichbarkeit")
    before = f.snapshot()
    assert name_problem(name) == expected
    with pytest.raises(ValidationError) as added:
        add_topic(name, expected_version=0)
    with pytest.raises(ValidationError) as renamed:
        rename_topic("Erreichbarkeit", name, expected_version=0)
    assert added.value.errors == renamed.value.errors == {"name": expected}
    assert f.snapshot() == before


def test_a_name_of_80_characters_is_fine(store) -> None:
    assert name_problem("x" * 80) is None
    add_topic("x" * 80, expected_version=0)


def test_duplicates_are_refused_case_insensitive(store) -> None:
    set_topic_active("Auszahlung", False, expected_version=0)
    before = f.snapshot()
    with pytest.raises(ValidationError) as info:
        add_topic("  erreichbarkeit ", expected_version=1)
    assert info.value.errors == {"name": "Das Thema „Erreichbarkeit“ gibt es schon. Bitte einen anderen Namen wählen."}
    with pytest.raises(ValidationError) as info:
        rename_topic("Umgangston", "AUSZAHLUNG", expected_version=1)
    assert info.value.errors["name"] == (
        "Das Thema „Auszahlung“ gibt es schon (deaktiviert; Sie können es wieder aktivieren). "
        "Bitte einen anderen Namen wählen."
    )
    assert f.snapshot() == before
    assert duplicate_problem("erreichbarkeit", [Topic("Erreichbarkeit")], renaming="Erreichbarkeit") is None


def test_more_than_thirty_active_topics_are_refused(store) -> None:
    save_topic_list([f"Thema {n}" for n in range(MAX_TOPICS - 1)])
    set_topic_active("Thema 0", False, expected_version=version())
    add_topic("Thema 29", expected_version=version())
    add_topic("Thema 30", expected_version=version())  # 30 active, one deactivated
    before = f.snapshot()
    with pytest.raises(ValidationError) as info:
        add_topic("Thema 31", expected_version=version())
    assert info.value.errors["name"].startswith("Höchstens 30 Themen können aktiv sein")
    with pytest.raises(ValidationError) as info:
        set_topic_active("Thema 0", True, expected_version=version())
    assert "(es wären 31)" in info.value.errors["topics"]
    assert f.snapshot() == before


def test_whole_list_problems_name_each_topic() -> None:
    topics = [Topic("A"), Topic("a"), Topic(""), *(Topic(f"T{n}") for n in range(30))]
    errors = topics_problems(topics)
    assert set(errors) == {"topics.1", "topics.2", "topics"}
    assert "(es wären 33)" in errors["topics"]


def test_a_concurrent_change_is_refused_and_nothing_overwritten(store) -> None:
    f.register(topic="Umgangston")
    seen = version()
    add_topic("Digitale Angebote", expected_version=seen)  # another workstation, meanwhile
    before = f.snapshot()
    for change in (
        lambda: add_topic("Telefon", expected_version=seen),
        lambda: rename_topic("Umgangston", "Ton", expected_version=seen),
        lambda: set_topic_active("Umgangston", False, expected_version=seen),
        lambda: move_topic("Umgangston", 1, expected_version=seen),
    ):
        with pytest.raises(ConflictError) as info:
            change()
        assert info.value.message.startswith("Die Themenliste wurde inzwischen an einem anderen Arbeitsplatz geändert.")
    assert f.snapshot() == before


def test_a_first_list_stored_elsewhere_meanwhile_is_a_conflict(store) -> None:
    put_setting("topics", ["Wartezeit"])
    with pytest.raises(ConflictError):
        add_topic("Telefon", expected_version=0)
    assert topic_list() == ["Wartezeit"]
