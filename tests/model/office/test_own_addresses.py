"""The office's own e-mail addresses: one a line, each checked, German messages naming the bad lines, stored lower
case once each, and a save against a changed list refused."""

from __future__ import annotations

import pytest

from krm_desktop.model.errors import ConflictError, ValidationError
from krm_desktop.model.office.own_addresses import (
    MAX_ADDRESSES,
    OWN_ADDRESSES_KEY,
    own_address_problems,
    own_addresses,
    save_own_addresses,
)
from krm_desktop.model.store.settings import setting_version


def test_good_lists_have_no_problems() -> None:
    assert own_address_problems("") == {}
    assert own_address_problems("krm@jobcenter-luebeck.de\n\n  gf@jobcenter-luebeck.de  \n") == {}


def test_each_bad_line_is_named_with_its_number() -> None:
    problems = own_address_problems("krm@jobcenter-luebeck.de\nKRM-Postfach\n\ngf@\n")
    message = problems["addresses"]
    assert "Zeile 2: „KRM-Postfach“ ist keine E-Mail-Adresse" in message
    assert "Zeile 4: „gf@“ ist keine E-Mail-Adresse" in message
    assert "Zeile 1" not in message


def test_too_many_and_too_long_addresses_are_refused() -> None:
    many = "\n".join(f"postfach{n}@jobcenter.de" for n in range(MAX_ADDRESSES + 1))
    assert f"Höchstens {MAX_ADDRESSES} Adressen" in own_address_problems(many)["addresses"]
    long = "a" * 250 + "@jc.de"
    assert "länger als 254 Zeichen" in own_address_problems(long)["addresses"]


def test_saved_lower_case_once_each_in_the_order_typed(store) -> None:
    assert own_addresses() == ()
    version = save_own_addresses("KRM@Jobcenter-Luebeck.de\ngf@jobcenter-luebeck.de\nkrm@jobcenter-luebeck.de\n",
                                 expected_version=0)  # fmt: skip
    assert own_addresses() == ("krm@jobcenter-luebeck.de", "gf@jobcenter-luebeck.de")
    assert version == setting_version(OWN_ADDRESSES_KEY) == 1


def test_a_bad_list_stores_nothing(store) -> None:
    save_own_addresses("krm@jobcenter-luebeck.de", expected_version=0)
    with pytest.raises(ValidationError) as refused:
        save_own_addresses("krm@jobcenter-luebeck.de\nkein Postfach", expected_version=1)
    assert "Zeile 2" in refused.value.errors["addresses"]
    assert own_addresses() == ("krm@jobcenter-luebeck.de",)


def test_a_list_changed_meanwhile_is_not_overwritten(store) -> None:
    save_own_addresses("krm@jobcenter-luebeck.de", expected_version=0)
    with pytest.raises(ConflictError):
        save_own_addresses("gf@jobcenter-luebeck.de", expected_version=0)
    assert own_addresses() == ("krm@jobcenter-luebeck.de",)
