"""Who acts at a desk: the office person a login belongs to (the history names them), asked once where a login
belongs to no one."""

from __future__ import annotations

from krm_desktop.model.office import staff
from krm_desktop.model.office.acting import acting_person, keep_login_name, recorded_name, unassigned_logins
from krm_desktop.model.office.staff_checks import PersonData
from tests import factories as f


def test_a_login_of_a_person_acts_as_that_person(store) -> None:
    erika = staff.save_person(None, PersonData("Erika Muster", "KRM", logins=("mustere", "jobcenter\\mustere")))
    acting = acting_person("MusterE")
    assert (acting.name, acting.ask) == ("Erika Muster", False)
    assert acting.names == ("Erika Muster", "MusterE", "jobcenter\\mustere", "mustere")
    assert recorded_name("MusterE") == "Erika Muster"
    staff.save_person(
        erika.id, PersonData("Erika Muster", "KRM", active=False, logins=erika.logins), version=erika.version
    )
    assert acting_person("mustere").name == "Erika Muster"  # the history stays true after she left


def test_an_empty_office_asks_nobody(store) -> None:
    acting = acting_person("root")
    assert (acting.name, acting.names, acting.ask) == ("root", ("root",), False)
    staff.save_person(None, PersonData("Tom Weber", "MA", active=False))
    assert not acting_person("root").ask  # inactive people only: still nobody to choose


def test_a_login_without_person_is_asked_until_it_says_none(store) -> None:
    staff.save_person(None, PersonData("Petra Ohlsen", "KRM", logins=("ohlsenp",)))
    assert acting_person("Root").ask
    before = f.snapshot()
    keep_login_name("Root")
    keep_login_name("root")  # once is enough
    assert unassigned_logins() == ["root"]
    assert f.snapshot() != before
    assert not acting_person("ROOT").ask and acting_person("root").name == "root"
    assert acting_person("k.meier").ask  # another login is still asked
