"""The office's short list of topic categories (Themenkategorien) for cases and the reports' top topics.

Stored as the setting `topics` (a JSON list of strings). A case keeps its topic text even when the list
changes later, so past reports stay as they were.
"""

from __future__ import annotations

from krm_desktop.model import validation as v
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.store.settings import get_setting, put_setting

TOPICS_KEY = "topics"
MAX_TOPICS = 30
MAX_TOPIC_LEN = 80  # Case.topic holds 80 characters

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


def topic_list() -> list[str]:
    """The configured topics, or the defaults while none are configured."""
    stored = get_setting(TOPICS_KEY)
    if not isinstance(stored, list):
        return list(DEFAULT_TOPICS)
    return [str(t) for t in stored]


def clean_topics(topics: list[str]) -> list[str]:
    """Trimmed, without blanks and repeats (case-insensitive), or a German refusal naming what to fix."""
    result: list[str] = []
    seen: set[str] = set()
    for raw in topics:
        topic = " ".join(raw.split())
        if not topic or topic.casefold() in seen:
            continue
        problem = v.text_problem(topic, f"Thema „{topic[:20]}“", max_len=MAX_TOPIC_LEN, multiline=False)
        if problem:
            raise ValidationError({"topics": problem})
        seen.add(topic.casefold())
        result.append(topic)
    if len(result) > MAX_TOPICS:
        raise ValidationError(
            {"topics": f"Höchstens {MAX_TOPICS} Themen; die Liste soll kurz bleiben (eingegeben: {len(result)})."}
        )
    return result


def save_topic_list(topics: list[str]) -> list[str]:
    cleaned = clean_topics(topics)
    put_setting(TOPICS_KEY, cleaned)
    return cleaned
