"""Who acts at this desk: the office person whose logins contain the computer login. The history names that
person, not the login (DOMAIN.md §2). A login without a person is asked once which person it is; who answers
"none of them" keeps their login name and is not asked again (remembered in the database, so once per login and
not once per desk)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from krm_desktop.model.office.staff_checks import fold_login
from krm_desktop.model.store.entities import Staff, StaffLogin, database
from krm_desktop.model.store.settings import get_setting, put_setting
from krm_desktop.model.store.transactions import write_transaction

UNASSIGNED_KEY = "unassigned_logins"  # logins that said they are none of the office's people


@dataclass(frozen=True)
class Acting:
    login: str  # as the system gives it
    name: str  # what the history records: the person's name, else the login
    names: tuple[str, ...]  # every name this person's events may carry (name, logins): what "nur meine" looks for
    ask: bool = False  # a login without person, in an office that has active people, not answered before


def acting_person(login: str) -> Acting:
    """Who this login acts as. A login that belongs to a person costs one small query (every start asks)."""
    found = _person_of(login)
    if found is not None:
        return found
    return Acting(login, login, (login,), ask=_should_ask(fold_login(login)))


def _person_of(login: str) -> Acting | None:
    """The person's name and all their logins, in one query; None where the login belongs to no one."""
    same_person: Any = StaffLogin.select(StaffLogin.staff).where(StaffLogin.login == fold_login(login))
    rows: Any = (
        StaffLogin.select(Staff.name, StaffLogin.login)
        .join(Staff)
        .where(StaffLogin.staff.in_(same_person))
        .order_by(StaffLogin.login)
        .tuples()
    )
    found = list(rows)
    if not found:
        return None
    name = found[0][0]
    return Acting(login, name, tuple(dict.fromkeys([name, login, *(known for _name, known in found)])))


def _should_ask(folded: str) -> bool:
    if folded in unassigned_logins():
        return False
    return bool(Staff.select().where(Staff.active).exists())


def unassigned_logins() -> list[str]:
    return [str(login) for login in get_setting(UNASSIGNED_KEY, []) or []]


def keep_login_name(login: str) -> None:
    """This login is none of the office's people: it keeps its own name in the history and is not asked again."""
    folded = fold_login(login)
    with write_transaction():
        known = unassigned_logins()
        if folded not in known:
            put_setting(UNASSIGNED_KEY, sorted([*known, folded]))


def recorded_name(login: str) -> str:
    """The name the history records for this login: the person's where the login is assigned; the login itself
    where it is not, or where no database is open (the command line asks nobody)."""
    if database.obj is None or database.obj.is_closed():
        return login
    found = _person_of(login)
    return login if found is None else found.name
