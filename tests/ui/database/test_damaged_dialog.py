"""The start-up gate: a sound file opens as usual; a damaged one is never written to, and the person is told
what is wrong and offered the newest good backup, another file, or to quit."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from krm_desktop.model.store.backups import PURPOSE_DAILY, make_backup
from krm_desktop.model.store.connection import SCHEMA_VERSION
from krm_desktop.model.store.entities import Case
from krm_desktop.model.store.file_check import check_database_file
from krm_desktop.ui.database.damaged_dialog import DamagedDialog, startup_gate
from tests import factories as f
from tests.faults import damage
from tests.faults.conftest import FORK
from tests.faults.workers import hold_exclusive
from tests.ui.database.test_restore_dialog import answer_next_question


def button_texts(dialog: DamagedDialog) -> list[str]:
    return [b.text().replace("&", "") for b in dialog.buttons()]


@pytest.fixture
def damaged(store) -> tuple[Path, Path]:
    """A database with a good backup of 40 cases and a newer spoiled one; then its own case table is hit."""
    for _ in range(40):
        f.register()
    good = make_backup(store, f.TODAY - timedelta(days=1), PURPOSE_DAILY)
    f.register()
    spoiled = make_backup(store, f.TODAY, PURPOSE_DAILY)
    damage.zero_page(spoiled, damage.root_page(spoiled))
    path = store.path
    store.close()
    damage.zero_page(path, damage.root_page(path))
    return path, good


def test_a_sound_file_goes_on_to_open(store) -> None:
    path = store.path
    store.close()
    gate = startup_gate(path, f.TODAY)
    assert (gate.choice, gate.store, gate.finding.ok) == ("open", None, True)


def test_the_newest_good_backup_is_offered_and_restored(qtbot, damaged) -> None:
    path, _good = damaged
    before = damage.digest(path)
    question = answer_next_question(qtbot, "Neueste gute Sicherung vom 19.11.2026 wiederherstellen")
    gate = startup_gate(path, f.TODAY)
    try:
        assert question[0] == "<b>Datenbank beschädigt oder unbrauchbar</b>"
        assert f"Die Datenbank {path} ist beschädigt" in question[1]
        assert "Die Datei wird nicht verändert." in question[1]
        assert "vom 19.11.2026 (Tägliche Sicherung, 40 Kundenreaktionen)" in question[1]
        assert gate.choice == "restored" and gate.store is not None
        assert Case.select().count() == 40
        kept = path.parent / "Sicherungen" / "krm-2026-11-20-beschaedigt.sqlite3"
        assert damage.digest(kept) == before  # the damaged bytes are kept as they were
    finally:
        gate.store.close()


@pytest.mark.parametrize(("button", "choice"), [("Andere Datei wählen …", "other"), ("Beenden", "quit")])
def test_another_file_or_quitting_leaves_the_file_as_it_is(qtbot, damaged, button: str, choice: str) -> None:
    path, _good = damaged
    before = damage.folder_state(path.parent)
    answer_next_question(qtbot, button)
    assert startup_gate(path, f.TODAY).choice == choice
    assert damage.folder_state(path.parent) == before


def test_buttons_follow_the_kind_of_problem(qtbot, damaged, tmp_path: Path) -> None:
    path, good = damaged
    found = check_database_file(path)
    dialog = DamagedDialog(found, None)
    qtbot.addWidget(dialog)
    assert sorted(button_texts(dialog)) == ["Andere Datei wählen …", "Beenden"]
    assert "Eine gute Sicherung dieser Datenbank wurde nicht gefunden" in dialog.informativeText()

    newer = tmp_path / "neu.sqlite3"
    newer.write_bytes(good.read_bytes())
    damage.newer_schema(newer, SCHEMA_VERSION + 1)
    dialog = DamagedDialog(check_database_file(newer), None)
    qtbot.addWidget(dialog)
    assert dialog.text() == "<b>Datenbank einer neueren Programmversion</b>"
    assert "Bitte installieren Sie die neuere Version" in dialog.informativeText()
    assert sorted(button_texts(dialog)) == ["Andere Datei wählen …", "Beenden"]
    assert dialog.escapeButton() is dialog.buttons_by_choice[DamagedDialog.QUIT]


def test_a_locked_file_offers_to_try_again(qtbot, store) -> None:
    path = store.path
    store.close()
    held, release = FORK.Event(), FORK.Event()
    holder = FORK.Process(target=hold_exclusive, args=(path, held, release), daemon=True)
    holder.start()
    try:
        assert held.wait(20)
        dialog = DamagedDialog(check_database_file(path, lock_wait_s=0.2), None)
        qtbot.addWidget(dialog)
    finally:
        release.set()
        holder.join(10)
    assert dialog.text() == "<b>Datenbank gesperrt</b>"
    assert sorted(button_texts(dialog)) == ["Andere Datei wählen …", "Beenden", "Erneut versuchen"]
    assert dialog.defaultButton() is dialog.buttons_by_choice[DamagedDialog.RETRY]
