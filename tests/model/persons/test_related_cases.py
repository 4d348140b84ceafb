"""Mehrfachbeschwerde: the same person's open and recent cases; the earlier case a Folgereaktion can follow."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.persons.related_cases import earlier_cases, related_cases, warning_text
from tests import factories as f


def _close(case, on: date) -> None:
    tl = f.staff("Jens Brandt", "TL")
    f.close_answered(case, on, tl.id, "unbegruendet")


def test_open_and_recently_closed_cases_of_the_same_customer_number(store) -> None:
    open_case = f.register(received=date(2026, 11, 2))
    recent = f.register(received=date(2026, 1, 5))
    _close(recent, date(2026, 1, 20))
    old = f.register(received=date(2025, 3, 3))
    _close(old, date(2025, 3, 20))  # more than 12 months before TODAY (20.11.2026)
    other = f.register(person=f.person("Hans Meier", customer_no="999Z999999", bg_no=""))
    typed = PartyRecord(name="", customer_no="123a 456789")  # normalised like intake does
    found = related_cases(typed, f.TODAY)
    assert [c.ref for c in found] == [open_case.ref, recent.ref]  # open first, then the recent one
    assert {c.why for c in found} == {"gleiche Kundennummer"}
    assert other.ref not in [c.ref for c in found] and old.ref not in [c.ref for c in found]
    assert found[0].describe() == f"{open_case.ref} – Beschwerde, Eingang 02.11.2026, offen (gleiche Kundennummer)"
    assert "abgeschlossen am 20.01.2026" in found[1].describe()
    assert warning_text(found) == (
        "Mehrfachbeschwerde? Zu dieser Person gibt es bereits 2 Kundenreaktionen "
        "(1 offen, 1 in den letzten 12 Monaten abgeschlossen)."
    )


def test_same_name_matches_spelling_tolerant_unless_the_customer_numbers_differ(store) -> None:
    case = f.register(person=f.person("Jürgen Müller", customer_no="", bg_no="", street="Am Markt 1"))
    same_address = related_cases(PartyRecord(name="Juergen Mueller", street="Am Markt 1", postcode="23552"), f.TODAY)
    assert [(c.ref, c.why) for c in same_address] == [(case.ref, "gleicher Name, gleiche Anschrift")]
    assert [c.why for c in related_cases(PartyRecord(name="Herr Jürgen Müller"), f.TODAY)] == ["gleicher Name"]
    numbered = f.register(person=f.person("Jürgen Müller", customer_no="555B555555", bg_no=""))
    other_number = related_cases(PartyRecord(name="Jürgen Müller", customer_no="666C666666"), f.TODAY)
    assert numbered.ref not in [c.ref for c in other_number]  # another Jürgen Müller
    assert related_cases(PartyRecord(name="Jürgen Mülle"), f.TODAY) == []  # only the same name, not a part


def test_same_bedarfsgemeinschaft_and_the_represented_person(store) -> None:
    partner = f.register(person=f.person("Karl Mustermann", customer_no="", bg_no="23501BG0012345"))
    found = related_cases(PartyRecord(name="Erika Mustermann", bg_no="23501BG0012345"), f.TODAY)
    assert [(c.ref, c.why) for c in found] == [(partner.ref, "gleiche BG-Nummer (Bedarfsgemeinschaft)")]
    lawyer = f.person("RAin Klug", role="vertreter", customer_no="", bg_no="")
    represented = f.register(person=lawyer, represented=f.person("Olga Öztürk", customer_no="777D777777"))
    assert [c.ref for c in related_cases(PartyRecord(name="Olga Oeztuerk"), f.TODAY)] == [represented.ref]


def test_excluded_cases_employees_and_anonymous_input(store) -> None:
    case = f.register()
    assert related_cases(PartyRecord(name="Erika Mustermann"), f.TODAY, exclude={case.id}) == []
    assert related_cases(None, f.TODAY) == []
    f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Peter Schmidt", person=f.person("Anna Berg"))
    assert related_cases(PartyRecord(name="Peter Schmidt"), f.TODAY) == []  # an employee is no complainant


def test_earlier_cases_are_closed_ones_found_by_ref_name_or_subject(store) -> None:
    closed = f.register(received=date(2026, 9, 1))
    _close(closed, date(2026, 9, 10))
    still_open = f.register()
    by_ref = earlier_cases(closed.ref)
    assert [c.ref for c in by_ref] == [closed.ref]
    assert by_ref[0].describe() == (
        f"{closed.ref} – Beschwerde – Erika Mustermann – abgeschlossen am 10.09.2026 – "
        "Wartezeit bei der Antragsbearbeitung"
    )
    assert [c.ref for c in earlier_cases("Mustermann")] == [closed.ref]
    assert [c.ref for c in earlier_cases("Wartezeit")] == [closed.ref]
    assert still_open.ref not in [c.ref for c in earlier_cases(still_open.ref)]
    assert earlier_cases("   ") == []


def test_the_same_e_mail_address_alone_finds_the_person(store) -> None:
    case = f.register(person=f.person("Erika Mustermann", email="Erika.Mustermann@example.org"))
    found = related_cases(PartyRecord(name="", email="erika.mustermann@example.org"), f.TODAY)
    assert [(c.ref, c.why) for c in found] == [(case.ref, "gleiche E-Mail-Adresse")]
    by_name = related_cases(PartyRecord(name="Erika Mustermann", email="erika.mustermann@example.org"), f.TODAY)
    assert [c.why for c in by_name] == ["gleicher Name, gleiche E-Mail-Adresse"]  # named once, by the name
    assert related_cases(PartyRecord(name="", email="erika@example.org"), f.TODAY) == []  # only the whole address
    assert related_cases(PartyRecord(name="", email="mustermann@example"), f.TODAY) == []  # no address at all
