"""The `check` of a database: the store's integrity and schema, then the cases' own rules; messages are German."""

from __future__ import annotations

from typing import Any

from peewee import JOIN, fn

from krm_desktop.model.cases.timeline import LABELS, broken_steps, timeline_broken
from krm_desktop.model.codes import STATUS_CLOSED, STATUS_OPEN
from krm_desktop.model.office.profiles import has_profile, load_profile
from krm_desktop.model.store.connection import Store, check_store, missing_tables
from krm_desktop.model.store.entities import Case, Concern
from krm_desktop.model.validation import MAX_SEQ, OWN_PREFIX, ref_fits

MAX_REPORTED = 20


def database_problems(store: Store) -> list[str]:
    """Everything `check` reports; an empty list means the database is sound."""
    problems = check_store(store)
    if not missing_tables(store):
        problems.extend(case_problems())
    return problems


def case_problems() -> list[str]:
    problems: list[str] = []
    if has_profile():
        try:
            load_profile()
        except Exception as exc:
            problems.append(f"Dienststellenprofil unlesbar: {exc}")
    else:
        problems.append("Kein Dienststellenprofil gewählt (init --profile …).")

    bad_status = Case.select(Case.ref).where(Case.status.not_in([STATUS_OPEN, STATUS_CLOSED]))
    problems.extend(f"{c.ref}: unbekannter Status" for c in bad_status.limit(MAX_REPORTED))
    closed_wrong = Case.select(Case.ref).where(
        ((Case.status == STATUS_CLOSED) & Case.closed.is_null())
        | ((Case.status == STATUS_OPEN) & Case.closed.is_null(False))
    )
    problems.extend(f"{c.ref}: Abschlussdatum passt nicht zum Status" for c in closed_wrong.limit(MAX_REPORTED))
    steps = (Case.ref, *(getattr(Case, name) for name in LABELS))
    out_of_order: Any = Case.select(*steps).where(timeline_broken()).order_by(Case.ref).limit(MAX_REPORTED).dicts()
    problems.extend(f"{row['ref']}: {broken_steps(row)}" for row in out_of_order)
    for case in Case.select(Case.ref, Case.year, Case.seq).limit(1_000_000).iterator():
        # Another system's reference is kept as it is; one in the program's own scheme must be its year and number.
        own_scheme = case.ref.startswith(OWN_PREFIX)
        if not 1 <= case.seq <= MAX_SEQ or (own_scheme and not ref_fits(case.ref, case.year, case.seq)):
            problems.append(f"{case.ref}: Aktenzeichen passt nicht zu Jahr/Nummer oder nicht ins Format")
            if len(problems) > MAX_REPORTED:
                break
    counts = (
        Case.select(Case.ref, fn.COUNT(Concern.id).alias("n"))
        .join(Concern, JOIN.LEFT_OUTER)
        .group_by(Case.id)
        .having((fn.COUNT(Concern.id) < 1) | (fn.COUNT(Concern.id) > 3))
    )
    rows: Any = counts.limit(MAX_REPORTED).tuples()
    problems.extend(f"{ref}: {n} Anliegen (erlaubt 1 bis 3)" for ref, n in rows)
    return problems
