"""The person view asks before a case found only by similarity goes into an Auskunft (issue 16.2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from krm_desktop.ui.persons.auskunft_dialog import AuskunftDialog
from krm_desktop.ui.persons.candidates_dialog import CandidatesDialog
from krm_desktop.ui.persons.person_view import PersonView
from tests import factories as f
from tests.documents.conftest import set_letterhead
from tests.household_data import build_household


@pytest.fixture
def refs(store) -> dict[str, str]:
    set_letterhead()
    return build_household()


@pytest.fixture
def view(qtbot, refs: dict[str, str]) -> PersonView:
    widget = PersonView(today=f.TODAY, user="petra.krause")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.keyClicks(widget.search, "Anna Schmidt")
    qtbot.keyClick(widget.search, Qt.Key.Key_Return)
    widget.results.setCurrentRow(0)
    return widget


def confirmation(qtbot, view: PersonView) -> CandidatesDialog:
    dialog = view.open_auskunft()
    assert isinstance(dialog, CandidatesDialog)
    qtbot.addWidget(dialog)
    return dialog


def test_similar_cases_are_shown_unticked_and_stay_out(qtbot, view: PersonView, refs: dict[str, str]) -> None:
    dialog = confirmation(qtbot, view)
    assert dialog.windowTitle() == "Ähnliche Treffer bestätigen"
    assert set(dialog.refs()) == {refs["tochter"], refs["anne"], refs["bernd"]}
    assert dialog.confirmed() == [] and dialog.go.isEnabled()
    shown = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert any("Anna Schmidt (Tochter)" in t and "gleiche Telefonnummer" in t for t in shown)
    assert "genau den Namen „Anna Schmidt“" in dialog.intro.text()
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    auskunft = view.auskunft
    assert isinstance(auskunft, AuskunftDialog)
    qtbot.addWidget(auskunft)
    assert [c.ref for c in auskunft.content.cases] == [refs["anna"]]


def test_a_ticked_case_goes_in(qtbot, view: PersonView, refs: dict[str, str]) -> None:
    dialog = confirmation(qtbot, view)
    dialog.set_confirmed(refs["tochter"], True)
    assert dialog.confirmed() == [refs["tochter"]] and "1 ähnliche(r) Treffer bestätigt" in dialog.hint.text()
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    auskunft = view.auskunft
    assert isinstance(auskunft, AuskunftDialog)
    qtbot.addWidget(auskunft)
    assert sorted(c.ref for c in auskunft.content.cases) == sorted([refs["anna"], refs["tochter"]])


def test_cancel_makes_no_auskunft(qtbot, view: PersonView) -> None:
    dialog = confirmation(qtbot, view)
    dialog.set_confirmed(dialog.refs()[0], True)
    dialog.reject()
    assert view.auskunft is None
