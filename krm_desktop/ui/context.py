"""What the main window's panels and dialogs work with: the store, the day, the acting person, the office profile,
whether the database may be written, and the signals by which they tell the window what happened."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from krm_desktop.model.office.profiles import OfficeProfile
    from krm_desktop.model.store.connection import Store


class WindowContext(QObject):
    """Made by the main window and handed (with a parent widget) to everything it opens, which never needs the
    window itself. `today` moves on when the window notices a new day; `store` changes when a backup is restored."""

    case_changed = Signal(int)  # a case was saved here: the list is read again and selects it
    data_changed = Signal()  # many cases changed at once (purge, restored backup): everything is read again
    status_message = Signal(str, int)  # words for the status bar, shown for so many milliseconds (0: until replaced)

    def __init__(
        self,
        store: Store,
        today: date,
        user: str,
        profile: OfficeProfile,
        *,
        read_only: bool = False,
        user_names: tuple[str, ...] = (),
        parent: QObject | None = None,
    ) -> None:
        """`user`: the acting person's name, recorded with every change; `user_names`: every name their events may
        carry (their logins too, from before a login was assigned to them), for "nur meine"."""
        super().__init__(parent)
        self.store = store
        self.today = today
        self.user = user
        self.user_names = tuple(dict.fromkeys((user, *user_names)))
        self.profile = profile
        self.read_only = read_only
