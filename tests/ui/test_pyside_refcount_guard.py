"""Guard against the PySide6 6.12.0 / Python 3.11 refcount bug ("Fatal Python error: none_dealloc").

Python code that calls QModelIndex.data() and gets an empty value lost a reference to None each
time; after a few thousand calls the interpreter aborted. An upgrade that brings it back fails here.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class EmptyModel(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return "x"
        return None


def test_empty_data_calls_keep_none_refcount(qapp) -> None:
    model = EmptyModel()
    index = model.index(1, 1)
    for _ in range(100):  # warm up caches that may hold a reference once
        index.data(Qt.ItemDataRole.BackgroundRole)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    after = sys.getrefcount(None)
    assert abs(after - before) < 50, f"None lost {before - after} references in 10,000 calls"
