"""The case form offers the office's active topics in its order; a case keeps a deactivated topic it carries."""

from __future__ import annotations

from krm_desktop.model.cases.stored_case import stored_case
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.office.topics import move_topic, set_topic_active
from krm_desktop.ui.entry.kind_forms import form_for
from tests import factories as f


def choices(form) -> list[str]:
    return [form.topic.itemData(n) for n in range(form.topic.count())]


def test_a_new_case_is_offered_the_active_topics_in_order(qtbot, store) -> None:
    set_topic_active("Umgangston", False, expected_version=0)
    move_topic("Auszahlung", -7, expected_version=1)
    form = form_for("beschwerde", today=f.TODAY, user=f.USER, profile=load_profile())
    qtbot.addWidget(form)
    assert choices(form)[:4] == ["", "Auszahlung", "Erreichbarkeit", "Bearbeitungsdauer"]
    assert "Umgangston" not in choices(form)


def test_a_case_keeps_its_deactivated_topic_in_the_edit_form(qtbot, store) -> None:
    case = f.register(topic="Umgangston")
    set_topic_active("Umgangston", False, expected_version=0)
    set_topic_active("Terminvergabe", False, expected_version=1)
    form = form_for("beschwerde", today=f.TODAY, user=f.USER, profile=load_profile(), case=stored_case(case.id))
    qtbot.addWidget(form)
    assert form.topic.code() == "Umgangston" and form.topic.currentText() == "Umgangston"
    assert "Terminvergabe" not in choices(form)  # other deactivated topics are not offered
    data, problems = form.problems()
    assert problems == {} and data.topic == "Umgangston"
