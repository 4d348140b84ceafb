"""The detail pane at its narrowest: long German words break between their parts, with a hyphen."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from krm_desktop.model.office.profiles import preset
from krm_desktop.model.time.deadlines import calendar_of
from krm_desktop.ui.case_list.detail_pane import DetailPane
from tests import factories as f


def laid_out_lines(document: QTextDocument) -> list[str]:
    lines: list[str] = []
    frame_blocks = document.begin()
    block = frame_blocks
    while block.isValid():
        layout = block.layout()
        text = block.text()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            lines.append(text[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return lines


def test_a_dab_breaks_between_dienstaufsichts_and_beschwerde_in_the_narrowest_pane(qtbot, store) -> None:
    case = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Herr Beispiel (Team 411)")
    pane = DetailPane(f.TODAY, calendar_of(preset("luebeck")))
    qtbot.addWidget(pane)
    pane.resize(pane.minimumWidth(), 600)
    pane.show()
    pane.show_case(case.id)
    document = pane.browser.document()
    document.setTextWidth(pane.browser.viewport().width())
    lines = [line.replace("\u00ad", "").rstrip() for line in laid_out_lines(document)]
    word = "Dienstaufsichtsbeschwerde"
    cut = [line for line in lines for n in range(4, len(word)) if line.endswith(word[:n])]
    assert cut and all(line.endswith("Dienstaufsichts") for line in cut), cut  # broken, and only between the parts
    assert "Dienstaufsichtsbeschwerde" in pane.toPlainText()
