"""Meinungskarten im Stapel, typed like a practised person would: only keys, sent to whatever widget has the
focus, counted. A batch of 20 cards is stored; bad input is refused next to its field with the database
unchanged and the typing kept; a mistyped card is taken back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from krm_desktop.model.store.entities import Case, Event, Team
from krm_desktop.ui.cards import batch as batch_module
from krm_desktop.ui.cards.batch import OpinionCardBatch, open_opinion_card_batch
from krm_desktop.ui.main_window import MainWindow
from tests import factories as f

# A card takes its tenor letter, Tab, the topic's letters (up to three), Tab, the words and Enter: everything
# but the words stays within 7 keys; a card for another team adds Tab and one or two letters. On average no more
# than 6 keys besides the words, for ≥ 1 card per 10 seconds (see benchmarks/bench_opinion_cards.py).
MAX_KEYS_BEYOND_WORDS = 7
MAX_KEYS_WITH_TEAM = 10
MEAN_KEYS_BEYOND_WORDS = 6.0


class Keyboard:
    """Keys go to the focus widget, as on a real keyboard; every key pressed is counted."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(self.focus(), key, modifier)

    def type(self, text: str) -> None:
        for char in text:
            self.count += 1
            if char.isascii():
                self.qtbot.keyClicks(self.focus(), char)
            else:  # QTest maps ASCII only; an umlaut key sends its text like a German keyboard does
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(self.focus(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@dataclass(frozen=True)
class Card:
    tenor: str  # the letter typed
    topic: str  # the letters typed ("" = no topic)
    words: str
    team: str = ""  # letters typed in the team field ("" = keep the team of the card before)
    expected_topic: str = ""
    expected_team: str = ""


ZONE, T411, T520 = "Eingangszone", "Team 411 Leistung", "Team 520 Arbeitsvermittlung"
ROOMS, TONE, CALLS, DATES, DURATION = (
    "Räume und Wartezeit",
    "Umgangston",
    "Erreichbarkeit",
    "Terminvergabe",
    ("Bearbeitungsdauer"),
)
CARDS = [
    Card("l", "u", "Sehr freundlicher Empfang", "", TONE, ZONE),
    Card("k", "r", "Wartebereich zu eng", "", ROOMS, ZONE),
    Card("a", "t", "Termine auch nachmittags", "", DATES, ZONE),
    Card("k", "e", "Telefon nie besetzt", "", CALLS, ZONE),
    Card("l", "", "Danke für die Hilfe", "t", "", T411),
    Card("k", "bea", "Antrag seit Wochen offen", "", DURATION, T411),
    Card("k", "bes", "Bescheid unverständlich", "", "Bescheid verständlich", T411),
    Card("a", "un", "Kopierer im Wartebereich", "", "Unterlagen und Nachweise", T411),
    Card("l", "v", "Gute Beratung zur Weiterbildung", "tt", "Vermittlung und Maßnahmen", T520),
    Card("k", "a", "Geld kam zu spät", "", "Auszahlung", T520),
    Card("a", "r", "Mehr Stühle", "", ROOMS, T520),
    Card("l", "", "Alles prima", "", "", T520),
    Card("k", "um", "Unfreundlicher Ton", "", TONE, T520),
    Card("a", "e", "Rückrufservice einführen", "", CALLS, T520),
    Card("k", "t", "Termin zu kurzfristig", "", DATES, T520),
    Card("l", "v", "Tolle Maßnahme", "", "Vermittlung und Maßnahmen", T520),
    Card("a", "r", "Wasserspender", "e", ROOMS, ZONE),
    Card("k", "", "Zu lange gewartet", "", "", ZONE),
    Card("l", "u", "Sehr geduldig", "", TONE, ZONE),
    Card("k", "b", "Bearbeitung dauert", "", DURATION, ZONE),
]
TENOR = {"l": "Lob", "a": "Anregung", "k": "Kritik"}
NO_TEAM = "– kein bestimmtes Team –"


@pytest.fixture
def teams(store) -> dict[str, Team]:
    return {name: f.team(name) for name in (ZONE, T411, T520)}


@pytest.fixture
def window(qtbot, store, teams) -> MainWindow:
    window = MainWindow(store, f.TODAY, user="petra.krause", start_check=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.started)
    return window


@pytest.fixture
def batch(qtbot, window: MainWindow) -> OpinionCardBatch:
    dialog = open_opinion_card_batch(window.context, window)
    assert dialog is not None and dialog.parent() is window  # it goes with the window (not closed on its own:
    qtbot.waitExposed(dialog)  # a test may end with a begun card, and closing would ask)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tenor)
    return dialog


def set_received(keys: Keyboard, day: str) -> None:
    """Alt+E jumps to the received date (its day section); the digits fill day, month and year."""
    keys.press(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    keys.type(day)
    keys.press(Qt.Key.Key_Tab)  # on to the next field (the date is taken on leaving)


def enter_card(keys: Keyboard, card: Card) -> int:
    """Type one card from the tenor field; return the keys it took beyond its words."""
    start = keys.count
    keys.type(card.tenor)
    keys.press(Qt.Key.Key_Tab)
    keys.type(card.topic)
    keys.press(Qt.Key.Key_Tab)
    keys.type(card.words)
    if card.team:
        keys.press(Qt.Key.Key_Tab)
        keys.type(card.team)
    keys.press(Qt.Key.Key_Return)
    return keys.count - start - len(card.words)


def test_a_batch_of_twenty_cards_by_keyboard_only(qtbot, window: MainWindow, batch: OpinionCardBatch, teams) -> None:
    keys = Keyboard(qtbot)
    set_received(keys, "16.11.2026")
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # back to "Art der Rückmeldung"
    assert keys.focus() is batch.tenor
    keys.type("t")  # the team first: Alt+T, letters; it stays for the cards that follow
    assert batch.tenor.currentIndex() == 0  # "t" is no tenor: nothing chosen
    keys.press(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    keys.type("e")
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    extra = [enter_card(keys, card) for card in CARDS]

    plain = [e for e, c in zip(extra, CARDS, strict=True) if not c.team]
    assert max(plain) <= MAX_KEYS_BEYOND_WORDS, extra
    assert max(extra) <= MAX_KEYS_WITH_TEAM, extra
    assert sum(extra) / len(extra) <= MEAN_KEYS_BEYOND_WORDS, extra
    assert batch.count_label.text() == "20 Karten erfasst"
    assert batch.table.rowCount() == 20 and batch.card_box.title() == "Karte 21"
    assert batch.table.item(0, 0).text() == "KRM-2026-0020"
    stored = list(Case.select().order_by(Case.seq))
    assert [c.ref for c in stored] == [f"KRM-2026-{n:04d}" for n in range(1, 21)]
    for case, card in zip(stored, CARDS, strict=True):
        assert (case.kind, case.channel, case.via) == ("meinungskarte", "meinungskarte", "direkt")
        assert (case.received, case.status, case.closed) == (date(2026, 11, 16), "abgeschlossen", f.TODAY)
        assert case.person_id is None and case.ack_due is None and case.final_due is None
        assert case.description == card.words
        assert case.subject == f"{TENOR[card.tenor]}: {card.words}"
        assert case.topic == card.expected_topic
        assert teams[card.expected_team].id == case.team_id
    assert Event.select().where(Event.actor == "petra.krause").count() == 40  # registered and closed, each
    # The main window follows once the typing pauses.
    qtbot.waitUntil(lambda: window.dashboard.number("cards_this_year") == "20", timeout=5_000)
    assert keys.focus() is batch.tenor and not batch.has_input()


def test_the_tab_order_runs_through_the_card_then_the_batch(qtbot, batch: OpinionCardBatch) -> None:
    keys = Keyboard(qtbot)
    visited = []
    for _ in range(10):
        visited.append(keys.focus())
        keys.press(Qt.Key.Key_Tab)
    card_part = [batch.tenor, batch.topic, batch.text, batch.team, batch.save_button]
    expected = [*card_part, batch.received, batch.close_now, batch.notify_lead, batch.close_button, batch.tenor]
    # the undo button joins the chain once there is a card to take back
    assert visited == expected
    for letter, field in (("h", batch.topic), ("i", batch.text), ("t", batch.team), ("e", batch.received)):
        keys.press(getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
        assert keys.focus() is field
    marked = [label.text() for label in batch.findChildren(type(batch.count_label)) if label.text().endswith("*:")]
    assert sorted(marked) == ["&Art der Rückmeldung (L/A/K) *:", "&Eingangsdatum *:", "&Inhalt *:"]


def fields(batch: OpinionCardBatch) -> tuple[str, str, str, str, str]:
    return (
        batch.received.text(),
        batch.tenor.currentText(),
        batch.topic.currentText(),
        batch.text.text(),
        batch.team.currentText(),
    )


def refused_here(batch: OpinionCardBatch, name: str, message: str, before) -> None:
    shown = batch.field_errors.shown()
    assert list(shown) == [name], shown
    assert message in shown[name]
    assert f.snapshot() == before
    assert batch.count_label.text() == "Noch keine Karte erfasst"
    assert "nicht gespeichert" in batch.status.text()
    field = {"received": batch.received, "tenor": batch.tenor, "text": batch.text, "team": batch.team}[name]
    assert QApplication.focusWidget() is field


def test_bad_input_is_refused_next_to_its_field_and_nothing_typed_is_lost(
    qtbot, batch: OpinionCardBatch, teams
) -> None:
    keys = Keyboard(qtbot)
    before = f.snapshot()
    # no tenor
    keys.press(Qt.Key.Key_Tab)
    keys.type("r")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Stühle fehlen")
    keys.press(Qt.Key.Key_Return)
    refused_here(batch, "tenor", "Bitte wählen Sie die Art der Rückmeldung", before)
    assert fields(batch) == ("20.11.2026", "– bitte wählen –", ROOMS, "Stühle fehlen", NO_TEAM)
    keys.type("k")  # the focus is on the field to fix
    assert batch.field_errors.shown() == {}  # a correction takes the message away
    # received date in the future
    set_received(keys, "23.11.2026")
    keys.press(Qt.Key.Key_Return)
    refused_here(batch, "received", "Eingangsdatum (23.11.2026) liegt in der Zukunft", before)
    assert fields(batch)[1:4] == ("Kritik", "Räume und Wartezeit", "Stühle fehlen")
    set_received(keys, "19.11.2026")
    # the words: empty, then too long, then with a control character (both pasted: Strg+A, Strg+V)
    keys.press(Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys.press(Qt.Key.Key_Delete)
    keys.press(Qt.Key.Key_Return)
    refused_here(batch, "text", "Bitte füllen Sie „Inhalt der Karte“ aus.", before)
    for pasted, message in (
        ("Wartezeit " * 201, "Inhalt der Karte: höchstens 2.000 Zeichen erlaubt"),
        ("Stühle\u0007fehlen", "Inhalt der Karte enthält ein Steuerzeichen (U+0007)"),
    ):
        QApplication.clipboard().setText(pasted)
        keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        keys.press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        keys.press(Qt.Key.Key_Return)
        refused_here(batch, "text", message, before)
        assert batch.text.text() == pasted
    # a team that another workstation deactivated meanwhile
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys.type("Stühle fehlen")
    keys.press(Qt.Key.Key_Tab)
    keys.type("team 4")
    assert batch.team.currentText() == "Team 411 Leistung"
    Team.update(active=False).where(Team.name == "Team 411 Leistung").execute()
    before = f.snapshot()
    keys.press(Qt.Key.Key_Return)
    refused_here(batch, "team", "Team 411 Leistung ist nicht mehr aktiv", before)
    assert batch.team.findText("Team 411 Leistung") == -1  # the choice is up to date again
    assert fields(batch) == ("19.11.2026", "Kritik", ROOMS, "Stühle fehlen", NO_TEAM)
    # corrected: stored, the messages go
    keys.press(Qt.Key.Key_Return)
    assert batch.count_label.text() == "1 Karte erfasst"
    assert batch.field_errors.shown() == {}
    case = Case.get()
    assert (case.received, case.description, case.topic, case.team_id) == (
        date(2026, 11, 19),
        "Stühle fehlen",
        "Räume und Wartezeit",
        None,
    )


def test_the_last_card_is_taken_back_with_ctrl_z(qtbot, batch: OpinionCardBatch, window: MainWindow) -> None:
    keys = Keyboard(qtbot)
    enter_card(keys, Card("l", "u", "Freundlich"))
    enter_card(keys, Card("k", "r", "Zu voll, zu lnag"))
    assert batch.count_label.text() == "2 Karten erfasst"
    keys.press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert batch.count_label.text() == "1 Karte erfasst"
    assert [c.ref for c in Case.select()] == ["KRM-2026-0001"]
    assert fields(batch)[1:4] == ("Kritik", "Räume und Wartezeit", "Zu voll, zu lnag")  # back for correcting
    assert batch.status.text() == "KRM-2026-0002 zurückgenommen. Die Angaben stehen wieder im Formular."
    assert keys.focus() is batch.text
    keys.press(Qt.Key.Key_Backspace)
    keys.press(Qt.Key.Key_Backspace)
    keys.press(Qt.Key.Key_Backspace)
    keys.type("ang")
    keys.press(Qt.Key.Key_Return)
    assert Case.get(Case.seq == 2).description == "Zu voll, zu lang"  # the number is used again
    # With a card begun, taking back keeps what is typed.
    keys.type("a")
    keys.press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fields(batch)[1] == "Anregung" and batch.text.text() == ""
    assert "Ihre begonnene Karte bleibt stehen" in batch.status.text()
    assert Case.select().count() == 1
    # A card that was changed elsewhere since is not taken back.
    Case.update(version=Case.version + 1).execute()
    before = f.snapshot()
    keys.press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Nicht zurückgenommen" in batch.status.text() and f.snapshot() == before
    assert batch.count_label.text() == "1 Karte erfasst"


def test_cards_may_stay_open(qtbot, batch: OpinionCardBatch) -> None:
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # the check box: off
    qtbot.waitUntil(lambda: not batch.close_now.isChecked())  # (a mnemonic clicks the box visibly, after a moment)
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    enter_card(keys, Card("a", "", "Mehr Parkplätze"))
    case = Case.get()
    assert (case.status, case.closed, case.next_due) == ("offen", None, None)
    assert batch.status.text() == "KRM-2026-0001 gespeichert."


def test_closing_with_a_begun_card_asks_first(qtbot, batch: OpinionCardBatch, window) -> None:
    from tests.ui.case_form_steps import answer_modal, click_box_button

    keys = Keyboard(qtbot)
    enter_card(keys, Card("l", "", "Prima"))
    keys.type("k")
    keep = answer_modal(qtbot, lambda box: click_box_button(box, "Weiter bearbeiten"))
    keys.press(Qt.Key.Key_Escape)
    keep.check()
    assert batch.isVisible()
    assert keep.seen[0].text() == "Die begonnene Karte ist noch nicht gespeichert. Schließen und verwerfen?"
    drop = answer_modal(qtbot, lambda box: click_box_button(box, "Verwerfen"))
    qtbot.keyClick(batch, Qt.Key.Key_Escape)  # offscreen, the closed question leaves no focus widget behind
    drop.check()
    assert not batch.isVisible()
    assert window.dashboard.number("cards_this_year") == "1"  # told the main window at once on closing


def test_a_read_only_database_takes_no_cards(qtbot, store, monkeypatch) -> None:
    window = MainWindow(store, f.TODAY, user=f.USER, read_only=True, start_check=False)
    qtbot.addWidget(window)
    said: list[str] = []
    monkeypatch.setattr(batch_module.QMessageBox, "information", lambda _p, _t, text: said.append(text))
    assert open_opinion_card_batch(window.context, window) is None
    assert "schreibgeschützt" in said[0]


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_passes_a_remark_for_a_team_to_its_teamleitung(qtbot, batch: OpinionCardBatch, teams) -> None:
    """Issue 19: the box is ticked where the office's rules say so (Pankow); a card with a team goes zur Kenntnis
    to its Teamleitung, a card without team to nobody."""
    from krm_desktop.model.store.entities import Notice

    lead = f.staff("Jens Brandt", "TL", teams[T411])
    assert batch.notify_lead.isChecked()
    keys = Keyboard(qtbot)
    enter_card(keys, Card("l", "", "Freundlicher Empfang"))
    enter_card(keys, Card("k", "", "Wartezeit am Empfang zu lang", team="te"))
    without, with_team = Case.select().order_by(Case.seq)
    assert without.team_id is None and not Notice.select().where(Notice.case == without.id).exists()
    [notice] = Notice.select().where(Notice.case == with_team.id)
    assert with_team.team_id == teams[T411].id
    assert (notice.name, notice.role, notice.staff_id, notice.informed_on) == ("Jens Brandt", "TL", lead.id, f.TODAY)
    assert with_team.status == "abgeschlossen"


def test_other_offices_leave_the_box_unticked(batch: OpinionCardBatch) -> None:
    assert not batch.notify_lead.isChecked()
