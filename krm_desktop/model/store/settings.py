"""Settings stored as JSON in the database, by key, each with an optimistic version."""

from __future__ import annotations

import json
from typing import Any

from krm_desktop.model.store.entities import Setting
from krm_desktop.model.store.transactions import write_transaction


def get_setting(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else json.loads(row.value)


def put_setting(key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    with write_transaction():
        updated = Setting.update(value=text, version=Setting.version + 1).where(Setting.key == key).execute()
        if not updated:
            Setting.create(key=key, value=text, version=1)


def setting_version(key: str) -> int:
    """The optimistic version of a setting; 0 when it was never stored."""
    row = Setting.get_or_none(Setting.key == key)
    return 0 if row is None else int(row.version)
