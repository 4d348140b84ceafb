"""The Einstellungen page "Themen": the office's topic list with each topic's state and number of cases; add,
rename, deactivate or activate, order.

Every action is saved at once (no Speichern button): a rename changes cases, and the person should see that happen
when she confirms it, not at a later, unrelated click. All actions can be undone by another one (rename back,
activate again, move back); nothing is deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.errors import ConflictError, KrmError, ValidationError
from krm_desktop.model.office.topics import (
    MAX_TOPIC_LEN,
    MAX_TOPICS,
    TopicOverview,
    TopicUse,
    add_topic,
    duplicate_problem,
    move_topic,
    name_problem,
    normalised,
    rename_topic,
    set_topic_active,
    topic_overview,
)
from krm_desktop.model.office.topics import Topic as StoredTopic
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.widgets.fields import FieldErrors, add_row, error_line, hint

INACTIVE_COLOUR = QColor("#6b6b6b")
MESSAGE_MS = 8000


def _cases(count: int) -> str:
    return "1 Kundenreaktion" if count == 1 else f"{count} Kundenreaktionen"


def cases_text(count: int) -> str:
    """ "12 Kundenreaktionen tragen dieses Thema; sie erhalten den neuen Namen." """
    if count == 1:
        return "1 Kundenreaktion trägt dieses Thema; sie erhält den neuen Namen."
    return f"{count} Kundenreaktionen tragen dieses Thema; sie erhalten den neuen Namen."


class TopicsPage(QWidget):
    title = "Themen"

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.overview = TopicOverview(0, [])
        self.shown_name = ""  # the selected topic's name as put into the rename field

        intro = hint(
            "Die aktiven Themen bieten die Erfassung und der Meinungskarten-Stapel in dieser Reihenfolge an; die "
            "Berichte zählen die Kundenreaktionen je Thema. Ein deaktiviertes Thema wird nicht mehr angeboten, "
            "bleibt aber bei den Kundenreaktionen, die es tragen. Jede Änderung wird sofort gespeichert."
        )
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Thema", "Status", "Kundenreaktionen"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName("Themen")
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.currentItemChanged.connect(lambda _now, _before: self._selected())

        self.up = QPushButton("Nach &oben")
        self.down = QPushButton("Nach un&ten")
        self.toggle = QPushButton("&Deaktivieren")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.toggle.clicked.connect(self._toggle)
        side = QVBoxLayout()
        for button in (self.up, self.down, self.toggle):
            side.addWidget(button)
        side.addStretch(1)

        self.general = error_line()
        self.errors = FieldErrors(self.general)
        list_row = QHBoxLayout()
        list_column = QVBoxLayout()
        list_column.addWidget(self.tree, 1)
        list_column.addWidget(self.errors.add("topics", self.tree))
        list_row.addLayout(list_column, 1)
        list_row.addLayout(side)

        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText("z. B. Digitale Angebote")
        self.add = QPushButton("&Hinzufügen")
        self.add.setToolTip("Das eingegebene Thema aktiv am Ende der Liste anlegen")
        self.add.clicked.connect(self._add)
        self.new_name.returnPressed.connect(self._add)
        self.new_name.setAccessibleName("Name des neuen Themas")
        self.name = QLineEdit()
        self.name.setAccessibleName("Neuer Name des ausgewählten Themas")
        self.rename = QPushButton("&Umbenennen")
        self.rename.setToolTip("Dem ausgewählten Thema den eingegebenen Namen geben")
        self.rename.clicked.connect(self._rename)
        self.name.returnPressed.connect(self._rename)
        form = QFormLayout()
        for key, caption, field, button, note in (
            ("new", "&Neues Thema", self.new_name, self.add, ""),
            ("rename", "Neuer Na&me", self.name, self.rename, "für das in der Liste ausgewählte Thema"),
        ):
            field.setMaxLength(MAX_TOPIC_LEN + 40)  # longer text is shown and refused in words, not cut off
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(button)
            add_row(form, self.errors, key, caption, row, focus=field, note=note)
        width = max(self.add.sizeHint().width(), self.rename.sizeHint().width())
        for button in (self.add, self.rename, self.up, self.down, self.toggle):
            button.setMinimumWidth(width)
        form.addRow(
            "", hint(f"Höchstens {MAX_TOPIC_LEN} Zeichen je Thema; höchstens {MAX_TOPICS} Themen zugleich aktiv.")
        )

        self.done = hint("")
        self.done.setAccessibleName("Ergebnis der letzten Änderung")
        self.done.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if context.read_only:
            read_only = QLabel("Die Datenbank ist nur zum Lesen geöffnet: die Themen werden angezeigt, nicht geändert.")
            read_only.setWordWrap(True)
            layout.addWidget(read_only)
        layout.addLayout(list_row, 1)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.done)
        self.reload()

    # --- state ---------------------------------------------------------------------------------------------------

    def has_unsaved(self) -> bool:
        """A name typed but neither added nor given to a topic."""
        return bool(self.new_name.text().strip()) or self.name.text() != self.shown_name

    def reload(self, select: str | None = None) -> None:
        """Read the list again and select `select` (else the topic selected before, else the first one)."""
        chosen = select if select is not None else self.selected_name()
        self.overview = topic_overview()
        self.tree.blockSignals(True)
        self.tree.clear()
        items: list[QTreeWidgetItem] = []
        for topic in self.overview.topics:
            item = QTreeWidgetItem([topic.name, "aktiv" if topic.active else "deaktiviert", str(topic.cases)])
            items.append(item)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not topic.active:
                for column in range(3):
                    item.setForeground(column, QBrush(INACTIVE_COLOUR))
            self.tree.addTopLevelItem(item)
            if topic.name == chosen:
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and items:
            self.tree.setCurrentItem(items[0])
        self.tree.blockSignals(False)
        self._selected()

    def _row(self) -> int:
        item = self.tree.currentItem()
        return -1 if item is None else self.tree.indexOfTopLevelItem(item)

    def selected(self) -> TopicUse | None:
        row = self._row()
        return self.overview.topics[row] if row >= 0 else None

    def selected_name(self) -> str | None:
        topic = self.selected()
        return topic.name if topic else None

    def _selected(self) -> None:
        """The rename field shows the selected topic's name."""
        topic = self.selected()
        self.shown_name = topic.name if topic else ""
        self.name.setText(self.shown_name)
        self.errors.clear("rename")
        self._enable()

    def _enable(self) -> None:
        writable = not self.context.read_only
        topic = self.selected()
        row = self._row()
        self.name.setReadOnly(not writable or topic is None)
        self.new_name.setReadOnly(not writable)
        self.toggle.setText("&Aktivieren" if topic is not None and not topic.active else "&Deaktivieren")
        self.add.setEnabled(writable)
        self.rename.setEnabled(writable and topic is not None)
        self.toggle.setEnabled(writable and topic is not None)
        self.up.setEnabled(writable and row > 0)
        self.down.setEnabled(writable and 0 <= row < len(self.overview.topics) - 1)

    # --- actions ---------------------------------------------------------------------------------------------

    def _typed_problem(self, typed: str, renaming: str | None) -> str | None:
        """What the model would refuse about a typed name, known before asking anything."""
        stored = [StoredTopic(t.name, t.active) for t in self.overview.topics]
        return name_problem(typed) or duplicate_problem(typed, stored, renaming=renaming)

    def _add(self) -> None:
        if self.context.read_only:
            return
        typed = self.new_name.text()
        problem = self._typed_problem(typed, None)
        if problem:
            self._refused({"new": problem})
            return
        version = self.overview.version
        done, added = self._run(lambda: add_topic(typed, expected_version=version), field="new")
        if done:
            self.new_name.clear()
            self.reload(select=added)
            self._said(f"Das Thema „{added}“ ist angelegt und wird ab jetzt angeboten.")

    def _rename(self) -> None:
        topic = self.selected()
        if topic is None or self.context.read_only:
            return
        new = normalised(self.name.text())
        problem = self._typed_problem(self.name.text(), topic.name)
        if not problem and new == topic.name:
            problem = "Bitte im Feld einen neuen Namen für das ausgewählte Thema eingeben."
        if problem:
            self._refused({"rename": problem})
            return
        if topic.cases and not self._confirm_rename(topic, new):
            return
        version = self.overview.version
        done, carried = self._run(lambda: rename_topic(topic.name, new, expected_version=version), field="rename")
        if done:
            self.reload(select=new)
            verb = "trägt" if carried == 1 else "tragen"
            self._said(
                f"Das Thema „{topic.name}“ heißt jetzt „{new}“."
                + (f" {_cases(carried)} {verb} jetzt den neuen Namen." if carried else "")
            )
            if carried:
                self.context.data_changed.emit()

    def _toggle(self) -> None:
        topic = self.selected()
        if topic is None:
            return
        version = self.overview.version
        done, _ = self._run(lambda: set_topic_active(topic.name, not topic.active, expected_version=version))
        if done:
            self.reload(select=topic.name)
            if not topic.active:
                self._said(f"Das Thema „{topic.name}“ ist wieder aktiv und wird angeboten.")
                return
            verb = "behält" if topic.cases == 1 else "behalten"
            self._said(
                f"Das Thema „{topic.name}“ ist deaktiviert und wird nicht mehr angeboten."
                + (f" {_cases(topic.cases)} {verb} es." if topic.cases else "")
            )

    def _move(self, step: int) -> None:
        topic = self.selected()
        if topic is None:
            return
        version = self.overview.version
        done, _ = self._run(lambda: move_topic(topic.name, step, expected_version=version))
        if done:
            self.reload(select=topic.name)

    def _confirm_rename(self, topic: TopicUse, new: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Thema umbenennen",
            f"Das Thema „{topic.name}“ in „{new}“ umbenennen?\n\n{cases_text(topic.cases)}",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("confirm_rename_topic")
        rename = box.addButton("Umbenennen", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Abbrechen", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(rename)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is rename

    def _run(self, write: Callable[[], Any], *, field: str = "") -> tuple[bool, Any]:
        """Run one change: (True, its result), or (False, None) after saying why next to the field or the list.
        A refusal keeps the typed names; a change made elsewhere meanwhile reads the list again."""
        try:
            result = write()
        except ValidationError as exc:
            self._refused({field if key == "name" else key: message for key, message in exc.errors.items()})
            return False, None
        except ConflictError as exc:
            typed = self.name.text()
            self.reload()
            self.name.setText(typed)
            self._refused({"": exc.message})
            return False, None
        except KrmError as exc:
            self._refused({"": exc.message})
            return False, None
        self.errors.show({})
        return True, result

    def _refused(self, errors: dict[str, str]) -> None:
        self.done.hide()
        first = self.errors.show(errors)
        if first is not None:
            first.setFocus()

    def _said(self, text: str) -> None:
        self.done.setText(text)
        self.done.show()
        self.context.status_message.emit(text, MESSAGE_MS)
