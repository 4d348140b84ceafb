"""The person view's similar names (issue 20.7): "Jilmaz" offers "Yilmaz, Mehmet" as a candidate with why and
its cases beside it; nothing counts as found until the desk chooses "Diese Person meinen"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from krm_desktop.ui.persons.person_view import PersonView
from tests import factories as f


@pytest.fixture
def refs(store) -> dict[str, list[str]]:
    mehmet = f.person("Yilmaz, Mehmet", salutation="herr", customer_no="111A111111", bg_no="")
    return {
        "mehmet": [f.register(person=mehmet).ref, f.register(person=mehmet).ref],
        "brandt": [f.register(person=f.person("Dirk Brandt", customer_no="222B222222", bg_no="")).ref],
    }


@pytest.fixture
def view(qtbot, refs: dict[str, list[str]]) -> PersonView:
    widget = PersonView(today=f.TODAY, user="petra.krause")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def search(qtbot, view: PersonView, words: str) -> None:
    view.search.clear()
    qtbot.keyClicks(view.search, words)
    qtbot.keyClick(view.search, Qt.Key.Key_Return)


def shown_refs(view: PersonView) -> set[str]:
    tree = view.cases
    return {
        tree.topLevelItem(i).child(n).text(0)
        for i in range(tree.topLevelItemCount())
        for n in range(tree.topLevelItem(i).childCount())
    }


def test_jilmaz_offers_yilmaz_with_reason_and_cases_and_confirming_makes_him_the_person(
    qtbot, view: PersonView, refs: dict[str, list[str]]
) -> None:
    search(qtbot, view, "Jilmaz")
    assert view.results.count() == 0 and view.persons == []  # nothing included
    assert view.similar.isVisible() and view.similar.list.count() == 1
    item = view.similar.list.item(0)
    assert item.text().startswith("Yilmaz, Mehmet – klingt gleich")
    assert "Keine Person gefunden" in view.message.text() and "bitte prüfen" in view.message.text()
    # the candidate's cases beside it, the actions still off
    assert shown_refs(view) == set(refs["mehmet"])
    assert "noch nicht bestätigt" in view.cases_title.text()
    assert view.selected() is None
    assert not view.auskunft_button.isEnabled() and not view.correct_button.isEnabled()
    assert view.open_auskunft() is None

    qtbot.mouseClick(view.similar.confirm_button, Qt.MouseButton.LeftButton)
    assert view.results.count() == 1 and view.results.item(0).text().startswith("Yilmaz, Mehmet")
    person = view.selected()
    assert person is not None and {c.ref for c in person.cases} == set(refs["mehmet"])
    assert view.auskunft_button.isEnabled() and view.cases_title.text() == "Kundenreaktionen nach Rolle:"
    assert not view.similar.isVisible()  # no other candidate left
    assert "übernommen" in view.message.text()


def test_selecting_a_result_again_leaves_the_candidate_unconfirmed(qtbot, view: PersonView) -> None:
    f.register(person=f.person("Ahmet Yilmas", customer_no="333C333333", bg_no=""))
    search(qtbot, view, "Yilmas")
    assert view.results.count() == 1 and view.results.item(0).text().startswith("Ahmet Yilmas")
    assert view.similar.list.count() == 1 and view.similar.current() is None  # a result exists: none pre-selected
    view.similar.list.setCurrentRow(0)
    assert view.selected() is None and not view.auskunft_button.isEnabled()
    view.results.setCurrentRow(0)
    assert view.similar.current() is None and view.selected() is not None
    assert view.selected().name == "Ahmet Yilmas" and view.results.count() == 1


def test_an_unrelated_name_offers_nothing(qtbot, view: PersonView) -> None:
    search(qtbot, view, "Zuckerberg")
    assert not view.similar.isVisible() and view.similar.list.count() == 0
    assert view.message.text() == "Keine Person gefunden für „Zuckerberg“."
