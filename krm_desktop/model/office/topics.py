"""The office's list of topic categories (Themenkategorien) for cases and the reports' top topics.

Stored as the setting `topics`: a JSON list of `{"name": …, "active": …}` in the office's order (an older plain list
of names still loads, every topic active); the defaults hold while none is stored. The pick lists offer the active
topics; a deactivated topic stays on the cases that carry it, and can be activated again. Topics are never deleted:
a case keeps its topic text, so past reports stay as they were.

Every change is one write of the whole list, refused with a ConflictError when another workstation changed the list
since it was read (the Setting row's `version`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from peewee import fn

from krm_desktop.model import validation as v
from krm_desktop.model.errors import ConflictError, ValidationError
from krm_desktop.model.store.entities import Case, Setting
from krm_desktop.model.store.transactions import write_transaction

TOPICS_KEY = "topics"
MAX_TOPICS = 30  # active ones; the reports' top list and the pick lists stay short
MAX_TOPIC_LEN = 80  # Case.topic holds 80 characters
NAME_LABEL = "Name des Themas"

DEFAULT_TOPICS: tuple[str, ...] = (
    "Erreichbarkeit",
    "Bearbeitungsdauer",
    "Umgangston",
    "Bescheid verständlich",
    "Terminvergabe",
    "Unterlagen und Nachweise",
    "Vermittlung und Maßnahmen",
    "Auszahlung",
    "Räume und Wartezeit",
)


@dataclass(frozen=True)
class Topic:
    name: str
    active: bool = True


@dataclass(frozen=True)
class TopicUse:
    """A topic with its state and how many cases carry it."""

    name: str
    active: bool
    cases: int


@dataclass(frozen=True)
class TopicOverview:
    """The whole list as read at one moment, with the version a change must name."""

    version: int
    topics: list[TopicUse]


# --- reading ---------------------------------------------------------------------------------------------------


def _from_stored(stored: Any) -> list[Topic]:
    if not isinstance(stored, list):
        return [Topic(name) for name in DEFAULT_TOPICS]
    topics: list[Topic] = []
    for item in stored:
        if isinstance(item, str):  # the plain list of names stored before topics could be deactivated
            topics.append(Topic(item))
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            topics.append(Topic(item["name"], bool(item.get("active", True))))
    return topics


def _read() -> tuple[int, list[Topic]]:
    row = Setting.get_or_none(Setting.key == TOPICS_KEY)
    if row is None:
        return 0, _from_stored(None)
    return int(row.version), _from_stored(json.loads(row.value))


def all_topics() -> list[Topic]:
    """Every topic in the office's order, active or not (the defaults while none are stored)."""
    return _read()[1]


def topic_list() -> list[str]:
    """The active topics' names in the office's order: what the forms and the card batch offer."""
    return [t.name for t in all_topics() if t.active]


def topic_overview() -> TopicOverview:
    """Every topic with its state and the number of cases carrying it (counted in SQL), and the list's version."""
    version, topics = _read()
    names = [t.name for t in topics]
    counts: dict[str, int] = {}
    if names:
        rows: Any = (
            Case.select(Case.topic, fn.COUNT(Case.id)).where(Case.topic.in_(names)).group_by(Case.topic).tuples()
        )
        counts = {str(name): int(n) for name, n in rows}
    return TopicOverview(version, [TopicUse(t.name, t.active, counts.get(t.name, 0)) for t in topics])


# --- checks (pure) ---------------------------------------------------------------------------------------------


def normalised(name: str) -> str:
    """The name without spaces at its ends and with single spaces inside."""
    return " ".join(part for part in name.split(" ") if part)


def name_problem(name: str) -> str | None:
    """A topic's name as typed: not blank, at most 80 characters, one line without control characters."""
    problem = v.text_problem(name.strip(" "), NAME_LABEL, max_len=MAX_TOPIC_LEN, multiline=False)
    if problem:
        return problem
    if not normalised(name):
        return "Bitte einen Namen für das Thema eingeben."
    return None


def duplicate_problem(name: str, topics: Iterable[Topic], *, renaming: str | None = None) -> str | None:
    """Another topic already has this name (case-insensitive); `renaming` is the topic being renamed itself."""
    wanted = normalised(name).casefold()
    for topic in topics:
        if topic.name == renaming:
            continue
        if topic.name.casefold() == wanted:
            state = "" if topic.active else " (deaktiviert; Sie können es wieder aktivieren)"
            return f"Das Thema „{topic.name}“ gibt es schon{state}. Bitte einen anderen Namen wählen."
    return None


def active_count_problem(topics: Sequence[Topic]) -> str | None:
    active = sum(1 for t in topics if t.active)
    if active > MAX_TOPICS:
        return (
            f"Höchstens {MAX_TOPICS} Themen können aktiv sein, damit Auswahllisten und Berichte übersichtlich "
            f"bleiben (es wären {active}). Bitte zuerst ein anderes Thema deaktivieren."
        )
    return None


def topics_problems(topics: Sequence[Topic]) -> dict[str, str]:
    """Every problem of a whole list: `topics.<n>` for the n-th topic's name, `topics` for the list itself."""
    errors: dict[str, str] = {}
    for n, topic in enumerate(topics):
        problem = name_problem(topic.name) or duplicate_problem(topic.name, topics[:n])
        if problem:
            errors[f"topics.{n}"] = problem
    count = active_count_problem(topics)
    if count:
        errors["topics"] = count
    return errors


# --- changes ---------------------------------------------------------------------------------------------------


def _write(topics: list[Topic], expected_version: int) -> None:
    """Store the list if nobody changed it since `expected_version`; call inside write_transaction()."""
    errors = topics_problems(topics)
    if errors:
        raise ValidationError(errors)
    value = json.dumps([{"name": t.name, "active": t.active} for t in topics], ensure_ascii=False)
    if expected_version == 0:
        if Setting.get_or_none(Setting.key == TOPICS_KEY) is not None:
            raise ConflictError(_CHANGED)
        Setting.create(key=TOPICS_KEY, value=value, version=1)
        return
    updated = (
        Setting.update(value=value, version=Setting.version + 1)
        .where((Setting.key == TOPICS_KEY) & (Setting.version == expected_version))
        .execute()
    )
    if updated != 1:
        raise ConflictError(_CHANGED)


_CHANGED = (
    "Die Themenliste wurde inzwischen an einem anderen Arbeitsplatz geändert. Sie ist jetzt neu geladen; bitte "
    "prüfen Sie sie und nehmen Sie Ihre Änderung noch einmal vor."
)


def _current(expected_version: int) -> list[Topic]:
    version, topics = _read()
    if version != expected_version:
        raise ConflictError(_CHANGED)
    return topics


def _index(topics: list[Topic], name: str) -> int:
    for n, topic in enumerate(topics):
        if topic.name == name:
            return n
    raise ConflictError(_CHANGED)  # the topic was renamed elsewhere


def add_topic(name: str, *, expected_version: int) -> str:
    """Add an active topic at the end of the list; returns its name as stored."""
    problem = name_problem(name)
    if problem:
        raise ValidationError({"name": problem})
    clean = normalised(name)
    with write_transaction():
        topics = _current(expected_version)
        problem = duplicate_problem(clean, topics)
        if problem:
            raise ValidationError({"name": problem})
        topics.append(Topic(clean))
        count = active_count_problem(topics)
        if count:
            raise ValidationError({"name": count})
        _write(topics, expected_version)
    return clean


def rename_topic(old: str, new: str, *, expected_version: int) -> int:
    """Rename a topic; the cases carrying the old name get the new one. Returns how many cases changed.

    The topic is the office's word for a category, not something said about the case: when the office renames it,
    every case it was given to keeps belonging to it, and the reports count old and new cases together. So the
    cases' topic column changes in the same transaction and nothing else does — no history entry, no new version
    (a form open elsewhere is not told its case changed), no changed deadlines.
    """
    problem = name_problem(new)
    if problem:
        raise ValidationError({"name": problem})
    clean = normalised(new)
    if clean == old:
        raise ValidationError({"name": "Der neue Name ist derselbe wie der bisherige."})
    with write_transaction():
        topics = _current(expected_version)
        n = _index(topics, old)
        problem = duplicate_problem(clean, topics, renaming=old)
        if problem:
            raise ValidationError({"name": problem})
        topics[n] = replace(topics[n], name=clean)
        _write(topics, expected_version)
        return int(Case.update(topic=clean).where(Case.topic == old).execute())


def set_topic_active(name: str, active: bool, *, expected_version: int) -> None:
    """Deactivate a topic (it leaves the pick lists; cases keep it) or activate it again."""
    with write_transaction():
        topics = _current(expected_version)
        n = _index(topics, name)
        topics[n] = replace(topics[n], active=active)
        count = active_count_problem(topics)
        if count:
            raise ValidationError({"topics": count})
        _write(topics, expected_version)


def move_topic(name: str, step: int, *, expected_version: int) -> None:
    """Move a topic `step` places down (negative: up) in the office's order; at the ends it stays."""
    with write_transaction():
        topics = _current(expected_version)
        n = _index(topics, name)
        target = min(max(n + step, 0), len(topics) - 1)
        topics.insert(target, topics.pop(n))
        _write(topics, expected_version)


def clean_topics(topics: list[str]) -> list[str]:
    """Trimmed, without blanks and repeats (case-insensitive), or a German refusal naming what to fix."""
    result: list[str] = []
    seen: set[str] = set()
    for raw in topics:
        topic = normalised(raw.strip())
        if not topic or topic.casefold() in seen:
            continue
        problem = v.text_problem(topic, f"Thema „{topic[:20]}“", max_len=MAX_TOPIC_LEN, multiline=False)
        if problem:
            raise ValidationError({"topics": problem})
        seen.add(topic.casefold())
        result.append(topic)
    count = active_count_problem([Topic(t) for t in result])
    if count:
        raise ValidationError({"topics": count})
    return result


def save_topic_list(topics: list[str]) -> list[str]:
    """Replace the whole list by these topics, all active (the demo data and a new office's set-up)."""
    cleaned = clean_topics(topics)
    with write_transaction():
        version, _ = _read()
        _write([Topic(t) for t in cleaned], version)
    return cleaned
