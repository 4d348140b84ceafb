"""The page „Fristen und Regeln“ driven as a person would, on a real temporary database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from krm_desktop.model.office.profile_checks import profile_problems
from krm_desktop.model.office.profiles import load_profile, profile_version, save_profile
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.settings.rules_page import CALENDAR_TAB, RETENTION_TAB, RULES_TAB, RulesPage
from krm_desktop.ui.settings.working_days_calendar import CLOSING, HOLIDAY, LOOKS, WEEKEND, WORKING
from tests import factories as f
from tests.profile_edits import with_closing_days


def make_page(qtbot, store, *, read_only: bool = False) -> RulesPage:
    context = WindowContext(store, f.TODAY, f.USER, load_profile(), read_only=read_only)
    page = RulesPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def retype(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def stored_state():
    return load_profile(), profile_version()


def test_a_changed_count_is_saved_and_the_window_told(qtbot, store) -> None:
    page = make_page(qtbot, store)
    assert not page.has_unsaved()
    retype(qtbot, page.kinds.rows["beschwerde"].ack_count, "5")
    assert page.has_unsaved()
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = load_profile()
    assert stored.rule_for("beschwerde").ack.count == 5
    assert stored.rule_for("lob").ack.count == 3  # the other kinds keep the office's rule
    assert page.context.profile == stored
    assert not page.has_unsaved()


def test_every_value_of_the_page_is_saved(qtbot, store) -> None:
    page = make_page(qtbot, store)
    row = page.kinds.rows["petition"]
    row.final_unit.setCurrentIndex(row.final_unit.findData("working"))
    row.final_start.setCurrentIndex(row.final_start.findData("ack_sent"))
    row.channels["email"].setChecked(False)
    page.shift.setChecked(False)
    page.bundesland.setCurrentIndex(page.bundesland.findData("BY"))
    retype(qtbot, page.closing_days.new_day, "15.05.2026")
    qtbot.mouseClick(page.closing_days.add_button, Qt.MouseButton.LeftButton)
    page.retention.method.set_code("whole_to_the_day")
    retype(qtbot, page.retention.delete_years, "3")
    page.reports["quarter"].setChecked(True)
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = load_profile()
    petition = stored.rule_for("petition")
    assert (petition.final.unit, petition.final.start) == ("working", "ack_sent")
    assert "email" not in petition.ack_channels and "brief" in petition.ack_channels
    assert stored.shift_to_working_day is False
    assert stored.bundesland == "BY"
    assert set(stored.closing_days) == {"12-24", "12-31", "2026-05-15"}
    assert (stored.retention.method, stored.retention.delete_years) == ("whole_to_the_day", 3)
    assert "quarter" in stored.reports
    assert "3 Jahre nach Erledigung" in page.retention.words.text()


@pytest.mark.parametrize("typed", ["0", "-3", "400", "drei", ""])
def test_a_bad_day_count_is_named_next_to_its_field_and_nothing_is_stored(qtbot, store, typed) -> None:
    before = stored_state()
    page = make_page(qtbot, store)
    field = page.kinds.rows["petition"].final_count
    retype(qtbot, field, typed)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    shown = page.errors.shown()
    assert set(shown) == {"kinds.petition.final"}
    assert "ganze Zahl" in shown["kinds.petition.final"] or "zwischen 1 und 120" in shown["kinds.petition.final"]
    assert page.errors.lines["kinds.petition.final"].isVisible()
    assert field.text() == typed  # what was typed stays on screen, not another value
    assert page.tabs.currentIndex() == RULES_TAB
    assert stored_state() == before
    retype(qtbot, field, "20")  # typing again clears the message
    assert "kinds.petition.final" not in page.errors.shown()


@pytest.mark.parametrize("typed", ["30.02.", "31.04.", "31.04.2027", "24.13.", "Heiligabend"])
def test_a_closing_day_that_does_not_exist_is_refused_next_to_the_field(qtbot, store, typed) -> None:
    before = stored_state()
    page = make_page(qtbot, store)
    page.tabs.setCurrentIndex(CALENDAR_TAB)
    retype(qtbot, page.closing_days.new_day, typed)
    qtbot.mouseClick(page.closing_days.add_button, Qt.MouseButton.LeftButton)
    message = page.errors.shown()["closing_days"]
    assert ("gibt es nicht" in message) or ("TT.MM." in message)
    assert page.closing_days.days() == ("12-24", "12-31")
    assert page.closing_days.new_day.text() == typed
    # Speichern with the day still typed: refused as well, nothing stored, the text still there
    page.tabs.setCurrentIndex(RULES_TAB)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == CALENDAR_TAB
    assert "closing_days" in page.errors.shown()
    assert page.closing_days.new_day.text() == typed
    assert stored_state() == before


def test_a_closing_day_typed_but_not_added_is_saved_with_the_rest(qtbot, store) -> None:
    page = make_page(qtbot, store)
    retype(qtbot, page.closing_days.new_day, "29.02.")  # a leap day may close every year
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "02-29" in load_profile().closing_days


def test_a_closing_day_can_be_removed(qtbot, store) -> None:
    page = make_page(qtbot, store)
    page.closing_days.days_list.setCurrentRow(1)  # 31.12.
    qtbot.mouseClick(page.closing_days.remove_button, Qt.MouseButton.LeftButton)
    assert page.closing_days.days() == ("12-24",)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert load_profile().closing_days == ("12-24",)


@pytest.mark.parametrize(("field", "typed"), [("delete_years", "0"), ("delete_years", "200"), ("personal_years", "0")])
def test_bad_retention_years_are_named_next_to_their_field(qtbot, store, field, typed) -> None:
    before = stored_state()
    page = make_page(qtbot, store)
    retype(qtbot, getattr(page.retention, field), typed)
    assert "erscheint, sobald" in page.retention.words.text()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    shown = page.errors.shown()
    assert "zwischen 1 und 30" in shown[f"retention.{field}"]
    assert page.tabs.currentIndex() == RETENTION_TAB
    assert getattr(page.retention, field).text() == typed
    assert stored_state() == before


def test_an_unknown_bundesland_is_named_next_to_the_bundesland(qtbot, store) -> None:
    """The combo holds only the sixteen Länder: the model's message for a stored or imported "XX" is shown by it."""
    page = make_page(qtbot, store)
    problems = profile_problems({**load_profile().to_dict(), "bundesland": "XX"})
    assert set(problems) == {"bundesland"}
    page.show_problems(problems)
    assert "Unbekanntes Bundesland „XX“" in page.errors.shown()["bundesland"]
    assert page.tabs.currentIndex() == CALENDAR_TAB
    assert page.bundesland.count() == 16


def test_a_change_at_another_desk_is_not_overwritten(qtbot, store) -> None:
    page = make_page(qtbot, store)
    elsewhere = save_profile(with_closing_days(load_profile(), ["12-24"]), profile_version())
    retype(qtbot, page.kinds.rows["lob"].ack_count, "4")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "an einem anderen Platz geändert" in page.errors.shown()[""]
    assert load_profile() == elsewhere
    assert page.kinds.rows["lob"].ack_count.text() == "4"
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)  # show what is stored now
    assert page.closing_days.days() == ("12-24",)
    assert page.kinds.rows["lob"].ack_count.text() == "3"


def test_read_only_shows_the_rules_but_takes_no_change(qtbot, store) -> None:
    page = make_page(qtbot, store, read_only=True)
    assert page.kinds.rows["beschwerde"].ack_count.text() == "3"
    assert page.kinds.rows["beschwerde"].ack_count.isReadOnly()
    assert not page.kinds.rows["beschwerde"].ack_unit.isEnabled()
    assert not page.bundesland.isEnabled()
    assert not page.closing_days.add_button.isEnabled()
    assert not page.save_button.isVisible()
    assert not page.has_unsaved()


def test_the_calendar_marks_closing_days_and_holidays_and_follows_the_choices(qtbot, store) -> None:
    page = make_page(qtbot, store)  # Lübeck: Schleswig-Holstein, closing days 24.12. and 31.12.
    calendar = page.calendar

    def look(day: date) -> str:
        item = calendar.item_of(day)
        assert item is not None
        kinds = [k for k, values in LOOKS.items() if item.background().color().name() == values[0]]
        return kinds[0]

    assert look(date(2026, 12, 24)) == CLOSING
    assert "Schließtag" in calendar.item_of(date(2026, 12, 24)).toolTip()
    assert look(date(2027, 1, 1)) == HOLIDAY
    assert "Neujahr" in calendar.item_of(date(2027, 1, 1)).toolTip()
    assert look(date(2026, 11, 21)) == WEEKEND
    assert look(date(2026, 12, 26)) == WEEKEND  # 2. Weihnachtstag 2026 is a Saturday: the tooltip names both
    assert "Samstag, Feiertag (Zweiter Weihnachtstag)" in calendar.item_of(date(2026, 12, 26)).toolTip()
    assert look(date(2027, 1, 6)) == WORKING  # Heilige Drei Könige: no holiday in Schleswig-Holstein
    assert calendar.item_of(date(2026, 10, 30)) is None and calendar.item_of(date(2027, 10, 29)) is not None

    page.bundesland.setCurrentIndex(page.bundesland.findData("BY"))
    assert look(date(2027, 1, 6)) == HOLIDAY
    retype(qtbot, page.closing_days.new_day, "07.05.2027")
    qtbot.keyClick(page.closing_days.new_day, Qt.Key.Key_Return)
    assert look(date(2027, 5, 7)) == CLOSING


def test_an_open_case_whose_deadline_would_move_is_listed_and_kept_for_new_cases_only(qtbot, store) -> None:
    case = f.register(received=date(2026, 11, 19))
    old_final = case.final_due
    page = make_page(qtbot, store)
    retype(qtbot, page.kinds.rows["beschwerde"].final_count, "21")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    dialog = page.recompute_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    assert rows == [[case.ref, "24.11.2026 (bleibt)", f"{old_final:%d.%m.%Y} → 10.12.2026", ""]]
    assert dialog.recompute_button.text() == "Fristen dieses Falls &neu berechnen"
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(dialog.new_only_button, Qt.MouseButton.LeftButton)
    assert load_profile().rule_for("beschwerde").final.count == 21
    assert Case.get_by_id(case.id).final_due == old_final


def test_recompute_moves_the_stored_deadline_once_confirmed(qtbot, store) -> None:
    case = f.register(received=date(2026, 11, 19))
    other = f.register(received=date(2026, 11, 18), kind="lob")
    page = make_page(qtbot, store)
    retype(qtbot, page.kinds.rows["beschwerde"].final_count, "21")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    dialog = page.recompute_dialog
    assert [row[0] for row in dialog.rows()] == [case.ref]
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(dialog.recompute_button, Qt.MouseButton.LeftButton)
    assert Case.get_by_id(case.id).final_due == date(2026, 12, 10)
    assert Case.get_by_id(other.id).final_due == other.final_due


def test_cancelling_the_recompute_question_saves_nothing(qtbot, store) -> None:
    case = f.register(received=date(2026, 11, 19))
    before = stored_state()
    page = make_page(qtbot, store)
    retype(qtbot, page.kinds.rows["beschwerde"].final_count, "21")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.recompute_dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert stored_state() == before
    assert Case.get_by_id(case.id).final_due == case.final_due
    assert page.kinds.rows["beschwerde"].final_count.text() == "21"
    assert page.has_unsaved()


def test_a_profile_saved_on_another_page_is_shown_when_nothing_is_edited_here(qtbot, store) -> None:
    page = make_page(qtbot, store)
    page.context.profile = save_profile(with_closing_days(load_profile(), ["12-24"]), profile_version())
    page.context.data_changed.emit()
    assert page.closing_days.days() == ("12-24",)
    retype(qtbot, page.kinds.rows["lob"].ack_count, "4")  # and saving here now works on that version
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert load_profile().closing_days == ("12-24",)
    assert load_profile().rule_for("lob").ack.count == 4


def test_every_message_line_sits_on_the_page(qtbot, store) -> None:
    """A key of the model's checks is shown inside the page, never in a window of its own."""
    page = make_page(qtbot, store)
    keys = ["kinds.lob.ack_channels", "reports", "shift_to_working_day", "retention.method", "ack"]
    page.show_problems(dict.fromkeys(keys, "Falsch."))
    shown = page.errors.shown()
    assert set(shown) == {"kinds.lob.ack_channels", "reports", "shift_to_working_day", "retention.method", ""}
    for line in [*page.errors.lines.values(), page.general]:
        assert line.window() is page
