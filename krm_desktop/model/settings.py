"""Office settings stored as JSON in the database (letterhead data and the like)."""

from __future__ import annotations

import json
from typing import Any

from krm_desktop.model.entities import Setting, database

LETTERHEAD_KEY = "letterhead"
LETTERHEAD_FIELDS = (
    "office_name",
    "street",
    "postcode",
    "city",
    "phone",
    "email",
    "opening_hours",
    "footer",
)


def get_setting(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else json.loads(row.value)


def put_setting(key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    with database.atomic():
        updated = Setting.update(value=text, version=Setting.version + 1).where(Setting.key == key).execute()
        if not updated:
            Setting.create(key=key, value=text, version=1)


def letterhead() -> dict[str, str]:
    stored = get_setting(LETTERHEAD_KEY, {}) or {}
    return {name: str(stored.get(name, "")) for name in LETTERHEAD_FIELDS}
