"""The proposed case read from a mail or a scanned letter, and its JSON as the `draft` command prints it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class DraftAttachment:
    name: str  # the file name it is stored under; the mail itself comes first ("<subject>.eml" / ".msg")
    data: bytes
    mime: str


@dataclass(frozen=True)
class CaseDraft:
    channel: str  # "email" (a mail) or "brief" (a scanned letter)
    received: date | None  # the mail's day in Europe/Berlin; None when missing, unreadable or in the future
    person_name: str  # "" when the sender gave no name
    person_email: str
    subject: str
    description: str  # plain text
    attachments: tuple[DraftAttachment, ...] = ()
    refused: tuple[str, ...] = ()  # German: each attachment left out, and why
    problems: dict[str, str] = field(default_factory=dict)  # German, per field: what is missing or doubtful


def draft_json(draft: CaseDraft) -> dict[str, Any]:
    """DESIGN.md §2: an attachment's `bytes` is its size."""
    return {
        "channel": draft.channel,
        "received": draft.received.isoformat() if draft.received else None,
        "person": {"name": draft.person_name, "email": draft.person_email},
        "subject": draft.subject,
        "description": draft.description,
        "attachments": [{"name": item.name, "bytes": len(item.data)} for item in draft.attachments],
        "refused": list(draft.refused),
        "problems": dict(draft.problems),
    }
