"""The entries of the main window's own menus, Datei, Kundenreaktion, Ansicht and Hilfe, added once the list is on
screen (the workflows add the menus Vorgang, Schreiben and Extras)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from krm_desktop import __version__
from krm_desktop.model.case_list.overview import TILES
from krm_desktop.ui.context import WindowContext

FROM_MAIL_TIP = (
    "Eine gespeicherte E-Mail (.eml, Outlook .msg) oder einen gescannten Brief (.pdf) wählen – oder die Datei "
    "einfach auf das Fenster ziehen."
)
NEW_CASE_READ_ONLY = "Schreibgeschützt geöffnet: Kundenreaktionen können hier nicht erfasst oder geändert werden."


def add_action(
    menu: QMenu,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | None,
    slot: Callable[[], object],
    window: QMainWindow,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:  # a standard key gets the platform's keys
        action.setShortcuts(shortcut if isinstance(shortcut, QKeySequence.StandardKey) else [shortcut])
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


@dataclass(frozen=True)
class ListSlots:
    """What the menus do with the window's list."""

    refresh: Callable[[], object]
    open_current: Callable[[], object]
    selected_case: Callable[[], int | None]  # None after saying that no case is selected
    focus_search: Callable[[], object]
    focus_list: Callable[[], object]
    reset_filter: Callable[[], object]
    toggle_tile: Callable[[str], object]


@dataclass(frozen=True)
class WindowActions:
    refresh: QAction
    new_case: QAction
    edit_case: QAction


def fill_menus(menus: dict[str, QMenu], window: QMainWindow, context: WindowContext, slots: ListSlots) -> WindowActions:
    file_menu, case_menu, view_menu, help_menu = menus["file"], menus["case"], menus["view"], menus["help"]
    refresh = add_action(file_menu, "&Aktualisieren", QKeySequence("F5"), slots.refresh, window)
    file_menu.addSeparator()
    add_action(file_menu, "&Beenden", QKeySequence.StandardKey.Quit, window.close, window)
    case_menu.setToolTipsVisible(True)

    def new_case() -> None:
        from krm_desktop.ui.entry.new_case import open_new_case

        open_new_case(context, parent=window)

    def edit_case() -> None:
        from krm_desktop.ui.entry.new_case import open_edit_case

        case_id = slots.selected_case()
        if case_id is not None:
            open_edit_case(context, case_id, parent=window)

    new = add_action(case_menu, "&Neue Kundenreaktion …", QKeySequence.StandardKey.New, new_case, window)

    # --- issue 21: a case from a saved mail or a scanned letter (also dropped onto the window) ---
    def mail_case() -> None:
        from krm_desktop.ui.entry.mail_drop import open_chosen_mail

        open_chosen_mail(context, parent=window)

    from_mail = add_action(case_menu, "Aus &E-Mail erfassen …", QKeySequence("Ctrl+Shift+N"), mail_case, window)
    # ---
    edit = add_action(case_menu, "Erfassungsdaten &bearbeiten …", QKeySequence("Ctrl+E"), edit_case, window)
    for action in (new, from_mail, edit):
        action.setEnabled(not context.read_only)
        action.setToolTip(NEW_CASE_READ_ONLY if context.read_only else "")
        action.setStatusTip(NEW_CASE_READ_ONLY if context.read_only else "")
    if not context.read_only:  # issue 21: say that a file can be dropped as well
        from_mail.setStatusTip(FROM_MAIL_TIP)
        from_mail.setToolTip(FROM_MAIL_TIP)
    add_action(case_menu, "Ausgewählte &öffnen (Eingabetaste)", None, slots.open_current, window)
    add_action(view_menu, "&Suchen", QKeySequence.StandardKey.Find, slots.focus_search, window)
    add_action(view_menu, "&Liste", QKeySequence("Ctrl+L"), slots.focus_list, window)
    add_action(view_menu, "Filter &zurücksetzen", QKeySequence("Ctrl+Shift+F"), slots.reset_filter, window)
    view_menu.addSeparator()
    for number, (code, caption) in enumerate(TILES.items(), start=1):
        toggle = partial(slots.toggle_tile, code)
        add_action(view_menu, f"Nur „{caption}“", QKeySequence(f"Ctrl+{number}"), toggle, window)

    def about() -> None:
        QMessageBox.about(window, "Über KRM Desktop", about_text(context))

    add_action(help_menu, "Ü&ber KRM Desktop", None, about, window)
    return WindowActions(refresh, new, edit)


def about_text(context: WindowContext) -> str:
    return (
        f"<b>KRM Desktop {escape(__version__)}</b><br>Kundenreaktionsmanagement für Jobcenter.<br><br>"
        f"Datenbank: {escape(context.store.describe())}" + (" (schreibgeschützt)" if context.read_only else "")
    )
