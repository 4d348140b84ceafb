"""The main window. For now the start overview: real counts as of today; the case list comes next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from krm_desktop import __version__
from krm_desktop.model.db import Store
from krm_desktop.model.overview import overview
from krm_desktop.model.profiles import load_profile
from krm_desktop.model.settings import letterhead

TILES = (
    ("overdue", "überfällig"),
    ("due_today", "heute fällig"),
    ("due_this_week", "diese Woche fällig"),
    ("open", "offen"),
    ("ack_pending", "Eingangsbestätigung ausstehend"),
    ("cards_this_year", "Meinungskarten dieses Jahr"),
)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.profile = load_profile()
        office = letterhead()["office_name"] or self.profile.label
        self.setWindowTitle(f"KRM Desktop – {office}")
        self.tiles: dict[str, QLabel] = {}
        central = QWidget()
        layout = QVBoxLayout(central)
        heading = QLabel(f"<h2>Kundenreaktionen – Stand {today:%d.%m.%Y}</h2>")
        layout.addWidget(heading)
        grid = QGridLayout()
        for index, (key, text) in enumerate(TILES):
            value = QLabel("–")
            value.setAccessibleName(text)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setStyleSheet("font-size: 28pt; font-weight: bold;")
            caption = QLabel(text)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(value, 0, index)
            grid.addWidget(caption, 1, index)
            self.tiles[key] = value
        layout.addLayout(grid)
        self.profile_label = QLabel()
        self.profile_label.setWordWrap(True)
        layout.addWidget(self.profile_label)
        layout.addStretch(1)
        self.setCentralWidget(central)
        self._build_menu()
        self.statusBar().showMessage(f"Datenbank: {store.describe()}")
        self.refresh()
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 500)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&Datei")
        refresh = QAction("&Aktualisieren", self)
        refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        refresh.triggered.connect(self.refresh)
        file_menu.addAction(refresh)
        quit_action = QAction("&Beenden", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Hilfe")
        about = QAction("Ü&ber KRM Desktop", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def refresh(self) -> None:
        figures = overview(self.profile, self.today)
        for key, label in self.tiles.items():
            label.setText(str(getattr(figures, key)))
        p = self.profile
        self.profile_label.setText(
            f"Office-Profil {p.label} ({p.bundesland}): Eingangsbestätigung {p.ack.describe()}, "
            f"Antwort {p.final.describe()}."
        )

    def about_text(self) -> str:
        return (
            f"<b>KRM Desktop {__version__}</b><br>Kundenreaktionsmanagement für Jobcenter.<br><br>"
            f"Datenbank: {self.store.describe()}"
        )

    def show_about(self) -> None:
        QMessageBox.about(self, "Über KRM Desktop", self.about_text())

    def closeEvent(self, event) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
