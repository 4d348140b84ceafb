"""Issue 19: the attachments panel of a Meinungskarte in an office that keeps no scans of the cards (Pankow) says why
before anything is tried, offers no „Hinzufügen …“, and a drop onto it is refused with that reason; a letter's panel
in the same office takes the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from krm_desktop.model.cases import opinion_cards as oc
from krm_desktop.model.cases.attachments import NO_CARD_ATTACHMENTS
from krm_desktop.model.store.entities import Attachment
from krm_desktop.ui.attachments.panel import AttachmentsPanel
from tests import factories as f
from tests.ui.attachments.test_panel import PDF, drop, file_drag


def shown(qtbot, case_id: int) -> AttachmentsPanel:
    panel = AttachmentsPanel()
    qtbot.addWidget(panel)
    panel.resize(760, 360)
    panel.show()
    panel.show_case(case_id, user="petra.krause", today=f.TODAY, read_only=False)
    return panel


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_a_card_in_pankow_takes_no_scan_and_says_why(qtbot, store, tmp_path: Path) -> None:
    scan = tmp_path / "Karte 17.pdf"
    scan.write_bytes(PDF)
    card = oc.register_card(oc.CardInput(received=f.TODAY, tenor="lob", text="Danke"), today=f.TODAY, user=f.USER)
    panel = shown(qtbot, card.id)
    assert panel.hint.isVisible() and panel.hint.text() == NO_CARD_ATTACHMENTS
    assert not panel.add_button.isEnabled() and panel.add_button.toolTip() == NO_CARD_ATTACHMENTS
    entered, dropped = drop(panel, file_drag([scan]))
    assert entered and dropped  # taken, so that the refusal can say why
    assert panel.error.isVisible() and panel.error.text() == NO_CARD_ATTACHMENTS and not panel.hint.isVisible()
    assert Attachment.select().count() == 0
    letter = f.register()
    panel.show_case(letter.id, user="petra.krause", today=f.TODAY, read_only=False)
    assert panel.add_button.isEnabled() and panel.add_files([scan]) == 1
    assert Attachment.select().count() == 1
