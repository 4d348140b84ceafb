"""The list of a case's attachments: name (the safe base name a copy gets), type, size, when and by whom; the Delete key asks the panel to remove
the selected one. In a narrow pane, type and who move to the panel's line below the list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from krm_desktop.model.cases.attachment_names import safe_name
from krm_desktop.model.cases.attachments import AttachmentInfo

COLUMNS = ("Name", "Art", "Größe", "Beigefügt am", "von")
NARROW_HIDDEN = (1, 4)  # Art, von
ID_ROLE = Qt.ItemDataRole.UserRole


class AttachmentList(QTreeWidget):
    delete_pressed = Signal()  # the Delete key: remove the selected attachment (after asking)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(COLUMNS)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a shortened name keeps its ending (.pdf)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName("Anlagen der Kundenreaktion")
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_items(self, items: Sequence[AttachmentInfo], selected_id: int | None) -> None:
        """One row per attachment; the one with `selected_id` stays selected."""
        self.clear()
        for info in items:
            shown = safe_name(info.filename)  # what "Öffnen" and "Speichern unter" use: no hidden direction marks
            item = QTreeWidgetItem([shown, info.type_label, info.size_text, f"{info.added:%d.%m.%Y}", info.added_by])
            item.setData(0, ID_ROLE, info.id)
            item.setToolTip(0, f"{shown} ({info.mime})")
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.addTopLevelItem(item)
            if selected_id is not None and info.id == selected_id:
                self.setCurrentItem(item)

    def selected_id(self) -> int | None:
        item = self.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select_name(self, filename: str) -> bool:
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            if item.text(0) == safe_name(filename):
                self.setCurrentItem(item)
                return True
        return False

    def set_narrow(self, narrow: bool) -> None:
        for column in NARROW_HIDDEN:
            self.setColumnHidden(column, narrow)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)
