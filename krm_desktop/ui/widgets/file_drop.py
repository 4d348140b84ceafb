"""A widget that takes files dropped onto it: the drag is accepted when it carries local files, and the paths are
handed on right after the drop, not inside it (a modal dialog opened inside the drop would keep the program that
started the drag, a mail program or the file manager, waiting until the dialog closes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (a mail dragged out of a mail program arrives as such a file)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class FileDrop(QObject):
    """Makes `target` a drop target for files; `take` gets their paths once the drop is over."""

    def __init__(self, target: QWidget, take: Callable[[list[Path]], object]) -> None:
        super().__init__(target)
        self.take = take
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, (QDragEnterEvent, QDragMoveEvent)):
            if not dropped_files(event.mimeData()):
                return False
            event.acceptProposedAction()
            return True
        if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
            paths = dropped_files(event.mimeData())
            if not paths:
                return False
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.take(paths))
            return True
        return False
