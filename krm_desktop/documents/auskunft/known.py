"""Every person the database knows, read for the Auskunft's withholding (`identifiers`): all parties, all staff
and every employee named in a Dienstaufsichtsbeschwerde, with the requester's own split off."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from krm_desktop.documents.auskunft.identifiers import Identifiers, Known, Own
from krm_desktop.model.cases.notice_checks import IN_OFFICE
from krm_desktop.model.persons.spelling import employee_key, name_key
from krm_desktop.model.store.entities import Case, Notice, Party, Staff, database

ORGANISATIONS = frozenset({"institution", "behoerde"})


def employee_tag(name: str) -> str:
    return "employee:" + employee_key(name)


def party_tag(party_id: int) -> str:
    return f"party:{party_id}"


def staff_keys() -> dict[str, set[str]]:
    """The name key of each member of staff -> their tags."""
    keys: dict[str, set[str]] = {}
    for sid, name in cast(Any, Staff.select(Staff.id, Staff.name)).tuples():
        keys.setdefault(name_key(name), set()).add(f"staff:{sid}")
    return keys


def in_office(names: Iterable[str], staff: dict[str, set[str]]) -> frozenset[str]:
    """The tags of the staff (`staff_keys`) whose names these are (who recorded, signed, decided in a case)."""
    return frozenset(tag for n in names if n for tag in staff.get(name_key(n), ()))


def read_identifiers(
    own_party_ids: set[int], own_employee: str, strong: Iterable[str], texts: Iterable[str]
) -> Identifiers:
    """The index of everyone but the requester; `strong`: the tags of the other persons of their cases;
    `texts`: the texts it will search (see `Identifiers`)."""
    own = Own()
    others: list[Known] = []
    columns = (Party.id, Party.role, Party.name, Party.street, Party.phone, Party.email)
    query = Party.select(*columns, Party.customer_no, Party.bg_no)
    for pid, role, name, street, phone, email, customer_no, bg_no in database.execute(query).fetchall():
        name = "" if role in ORGANISATIONS else name  # an authority's or a society's name is no person's
        person = Known(party_tag(pid), name, street, phone, email, customer_no, bg_no)
        (own.add(person) if pid in own_party_ids else others.append(person))
    if own_employee:
        own.add(Known(employee_tag(own_employee), own_employee))
    for sid, name, phone, email in cast(Any, Staff.select(Staff.id, Staff.name, Staff.phone, Staff.email)).tuples():
        if not own_employee or name_key(name) != name_key(own_employee):
            others.append(Known(f"staff:{sid}", name, phone=phone, email=email))
    employees = Case.select(Case.employee_concerned).where(Case.employee_concerned != "").distinct()
    # Issue 19: the employees named zur Kenntnis (a manager's name there is staff acting in office).
    informed = Notice.select(Notice.name).where(Notice.role.not_in(list(IN_OFFICE))).distinct()
    for (name,) in [*cast(Any, employees).tuples(), *cast(Any, informed).tuples()]:
        if not own_employee or employee_key(name) != employee_key(own_employee):
            others.append(Known(employee_tag(name), name))
    return Identifiers(others, strong, own, texts)
