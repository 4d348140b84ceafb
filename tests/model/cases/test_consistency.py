"""`check`'s case rules (consistency.case_problems): a stored impossible timeline is reported by reference."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.consistency import case_problems
from krm_desktop.model.codes import STATUS_CLOSED
from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.entities import Case
from tests import factories as f


def test_impossible_timelines_in_the_database_are_reported(store: Store) -> None:
    signer = f.staff("Tina Leiter", "TL", f.team())
    fine = f.register(received=date(2026, 10, 1))
    fine = cases.acknowledge(fine.id, version=fine.version, sent_on=date(2026, 10, 2), today=f.TODAY, user=f.USER)
    f.act(
        cases.close, fine, closed_on=date(2026, 10, 20), outcomes={1: "begruendet"},
        answer_sent=date(2026, 10, 19), signed_by=signer.id,
    )  # fmt: skip
    assert case_problems() == []

    early_answer = f.register(received=date(2026, 10, 1))
    Case.update(ack_sent=date(2026, 10, 9), answer_sent=date(2026, 10, 5)).where(Case.id == early_answer.id).execute()
    early_close = f.register(received=date(2026, 10, 1))
    Case.update(
        status=STATUS_CLOSED, answer_sent=date(2026, 10, 9), closed=date(2026, 10, 5), outcome="begruendet"
    ).where(Case.id == early_close.id).execute()
    early_ack = f.register(received=date(2026, 10, 3))
    Case.update(ack_sent=date(2026, 10, 2)).where(Case.id == early_ack.id).execute()

    problems = case_problems()
    assert len(problems) == 3, problems
    text = "\n".join(problems)
    assert f"{early_answer.ref}: Die Antwort (05.10.2026) kann nicht vor dem Versand der Eingangsbestätigung" in text
    assert f"{early_close.ref}: Der Abschluss (05.10.2026) kann nicht vor dem Versand der Antwort" in text
    assert f"{early_ack.ref}: Die Eingangsbestätigung (02.10.2026) kann nicht vor dem Eingang" in text


def test_a_stored_reference_beyond_the_format_is_reported(store: Store) -> None:
    case = f.register(received=date(2026, 10, 1))
    Case.update(seq=1_000_000, ref="KRM-2026-1000000").where(Case.id == case.id).execute()  # an earlier import
    assert case_problems() == ["KRM-2026-1000000: Aktenzeichen passt nicht zu Jahr/Nummer oder nicht ins Format"]
    Case.update(seq=0, ref="KRM-2026-0000").where(Case.id == case.id).execute()
    assert case_problems() == ["KRM-2026-0000: Aktenzeichen passt nicht zu Jahr/Nummer oder nicht ins Format"]
