"""Import of cases in the exchange format of DESIGN.md §2: one JSON object a line (JSONL), as `case_export` writes.

Texts and person fields written as null read back as empty, so a round trip export -> import -> export is
lossless. A missing optional key reads as null (false for the flags).

Import is all-or-nothing: every line is parsed and checked first (`line_checks.check_line`, which reuses
the intake checks), then the lines against each other and against the database; any problem refuses the
whole file with a ValidationError naming line and field in German. Only then is everything written in one
transaction, each case with its deadlines from the office profile and an event "imported".

Not carried by the format (so not restored by an import): the party's role and a represented party,
interim reason and expected date, file number, topic, petition and DAB details, statements, letters,
attachments, sign-off and escalation history, the events before the import.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from peewee import chunked

from krm_desktop.model import validation as v
from krm_desktop.model.cases.numbering import deleted_refs, free_seqs
from krm_desktop.model.cases.services import new_case_fields
from krm_desktop.model.codes import STATUS_CLOSED
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.line_checks import ImportedCase, check_line, parse_json
from krm_desktop.model.exchange.notice_lines import store_notices
from krm_desktop.model.office.profiles import OfficeProfile, load_profile
from krm_desktop.model.store.bulk import PreparedInsert
from krm_desktop.model.store.entities import Case, Concern, Event, Party, Team
from krm_desktop.model.store.transactions import write_transaction
from krm_desktop.model.time.deadlines import gf_due_from

LOOKUP_CHUNK = 500  # references per IN (...) lookup
MAX_REPORTED = 200  # problems listed one by one; the rest are counted
IMPORT_ACTION = "imported"
IMPORT_TEXT = "Aus Austauschdatei übernommen."


Problems = dict[tuple[int, str], str]  # (line, field) -> German message; field "" for the whole line


def _read(lines: Iterable[str], today: date) -> tuple[list[ImportedCase], Problems, dict[str, int]]:
    """Every line parsed and checked on its own; also the references named by refused lines."""
    cases: list[ImportedCase] = []
    problems: Problems = {}
    refused_refs: dict[str, int] = {}
    for number, text in enumerate(lines, start=1):
        if number == 1:
            text = text.removeprefix("\ufeff")
        if not text.strip():
            continue
        obj, problem = parse_json(text)
        if obj is None:
            problems[(number, "")] = problem or ""
            continue
        case, errors = check_line(obj, number, today)
        if case is None:
            problems.update(((number, name), message) for name, message in errors.items())
            if isinstance(obj.get("ref"), str):
                refused_refs.setdefault(obj["ref"], number)
        else:
            cases.append(case)
    return cases, problems, refused_refs


def _existing(refs: Iterable[str], *columns: Any) -> dict[str, tuple[Any, ...]]:
    """The stored cases among the given references: ref -> the columns asked for."""
    found: dict[str, tuple[Any, ...]] = {}
    for chunk in chunked(sorted(set(refs)), LOOKUP_CHUNK):
        rows: Any = Case.select(Case.ref, *columns).where(Case.ref.in_(chunk)).tuples()
        for row in rows:
            found[row[0]] = tuple(row[1:])
    return found


def _ref_problems(cases: list[ImportedCase]) -> Problems:
    problems: Problems = {}
    first: dict[str, int] = {}
    for case in cases:
        if case.ref is None:
            continue
        if case.ref in first:
            problems[(case.line, "ref")] = f"Das Aktenzeichen {case.ref} steht schon in Zeile {first[case.ref]}."
        else:
            first[case.ref] = case.line
    stored = _existing(first)
    purged = deleted_refs(first)
    for case in cases:
        if case.ref in stored:
            problems[(case.line, "ref")] = f"Das Aktenzeichen {case.ref} gibt es in der Datenbank bereits."
        elif case.ref in purged:
            problems[(case.line, "ref")] = (
                f"Das Aktenzeichen {case.ref} gehörte einem Fall, den ein Löschlauf gelöscht hat; es wird nicht "
                "wieder vergeben (eine Folgereaktion kann noch darauf verweisen). Bitte ohne Aktenzeichen (null) "
                "übernehmen: der Fall erhält dann die nächste freie Nummer."
            )
    return problems


def _follows_problems(cases: list[ImportedCase], refused_refs: dict[str, int]) -> Problems:
    problems: Problems = {}
    in_file = {case.ref: case for case in cases if case.ref is not None}
    stored = _existing(
        (c.follows for c in cases if c.follows is not None and c.follows not in in_file), Case.status, Case.closed
    )
    purged = deleted_refs(
        c.follows for c in cases if c.follows is not None and c.follows not in in_file and c.follows not in stored
    )
    for case in cases:
        target = case.follows
        if target is None or target in purged:  # a purged earlier case stays an anonymous reference
            continue
        if target == case.ref:
            problems[(case.line, "follows")] = "Ein Fall kann nicht auf sich selbst folgen."
            continue
        if target in in_file:
            closed = in_file[target].closed
        elif target in stored:
            status, closed = stored[target]
            closed = closed if status == STATUS_CLOSED else None
        elif target in refused_refs:
            problems[(case.line, "follows")] = (
                f"Die frühere Kundenreaktion {target} steht in Zeile {refused_refs[target]}, die selbst fehlerhaft ist."
            )
            continue
        else:
            problems[(case.line, "follows")] = (
                f"Die frühere Kundenreaktion {target} gibt es weder in der Datenbank noch in der Datei."
            )
            continue
        if closed is None:
            problems[(case.line, "follows")] = (
                f"{target} ist noch offen; eine Folgereaktion folgt auf einen abgeschlossenen Fall."
            )
        elif case.data.received < closed:
            problems[(case.line, "received")] = (
                f"Die Folgereaktion kann nicht vor dem Abschluss von {target} ({closed:%d.%m.%Y}) eingegangen sein."
            )
    problems.update(_cycle_problems(in_file))
    return problems


def _cycle_problems(in_file: dict[str, ImportedCase]) -> Problems:
    """Follow-up links within the file must not run in a circle."""
    problems: Problems = {}
    done: set[str] = set()
    for start in in_file:
        path: list[str] = []
        ref: str | None = start
        while ref in in_file and ref not in done and ref not in path:
            path.append(ref)
            ref = in_file[ref].follows
        if ref in path:
            circle = path[path.index(ref) :]
            for member in circle:
                problems[(in_file[member].line, "follows")] = (
                    "Die Folgereaktionen verweisen im Kreis aufeinander: " + " → ".join([*circle, circle[0]]) + "."
                )
        done.update(path)
    return problems


def _refusal(problems: Problems) -> ValidationError:
    errors: dict[str, str] = {}
    for line, name in sorted(problems)[:MAX_REPORTED]:
        message = problems[(line, name)]
        if name:
            errors[f"line {line}.{name}"] = f"Zeile {line}, Feld „{name}“: {message}"
        else:
            errors[f"line {line}"] = f"Zeile {line}: {message}"
    if len(problems) > MAX_REPORTED:
        errors["more"] = f"… und {len(problems) - MAX_REPORTED} weitere Fehler; nichts wurde übernommen."
    return ValidationError(errors)


def _team_ids(names: set[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for chunk in chunked(sorted(names), LOOKUP_CHUNK):
        rows: Any = Team.select(Team.name, Team.id).where(Team.name.in_(chunk)).tuples()
        ids.update(rows)
    for name in sorted(names - ids.keys()):
        ids[name] = Team.insert(name=name).execute()
    return ids


def _number(cases: list[ImportedCase]) -> None:
    """Give the cases without a number of the program's own the next free numbers of their year, after the given
    ones (never a number the purge deleted, `numbering.free_seqs`). A case without a reference gets the reference of
    its number; a reference from another system stays as it is (its number only keeps the year's count)."""
    given: dict[int, set[int]] = defaultdict(set)
    wanting: dict[int, list[ImportedCase]] = defaultdict(list)
    for case in cases:
        if case.seq is not None:
            given[case.year].add(case.seq)
        else:
            wanting[case.year].append(case)
    for year, unnumbered in wanting.items():
        for case, seq in zip(unnumbered, free_seqs(year, len(unnumbered), given[year]), strict=True):
            case.seq = seq
            if case.ref is None:
                case.ref = v.format_ref(year, seq)


def _insert(
    case: ImportedCase, profile: OfficeProfile, team_ids: dict[str, int], rows: dict[str, PreparedInsert]
) -> int:
    data = case.data
    data.team_id = team_ids[case.team] if case.team is not None else None
    for concern, name in zip(data.concerns, case.concern_teams, strict=False):
        concern.team_id = team_ids[name] if name is not None else None
    person_id = rows["party"].insert(vars(data.person)) if data.person is not None else None
    fields = new_case_fields(
        data,
        profile,
        ack_sent=case.ack_sent,
        interim_sent=case.interim_sent,
        answer_sent=case.answer_sent,
        closed=case.closed,
        outcome=case.outcome,
        waiver=case.waiver,
        anonymised=case.anonymised,
        **case.steps,
        **({"gf_due": gf_due_from(profile, case.steps["gf_required_on"])} if "gf_required_on" in case.steps else {}),
    )
    return rows["case"].insert(dict(fields, ref=case.ref, year=case.year, seq=case.seq, person=person_id))


def _write(cases: list[ImportedCase], profile: OfficeProfile, today: date, user: str) -> None:
    names = {case.team for case in cases} | {name for case in cases for name in case.concern_teams}
    team_ids = _team_ids({name for name in names if name is not None})
    _number(cases)
    rows = {"party": PreparedInsert(Party), "case": PreparedInsert(Case)}
    ids: dict[str, int] = {}
    concerns: list[dict[str, Any]] = []
    for case in cases:
        case_id = _insert(case, profile, team_ids, rows)
        ids[str(case.ref)] = case_id
        concerns.extend(
            {"case": case_id, "position": position, "kind": c.kind, "outcome": c.outcome, "team": team}
            for position, (c, team) in enumerate(
                zip(case.data.concern_list(), case.data.concern_teams(), strict=True), start=1
            )
        )
    PreparedInsert(Concern).insert_many(concerns)
    store_notices((ids[str(case.ref)], case.notices) for case in cases if case.notices)  # issue 19: Zur Kenntnis
    stamp = datetime.combine(today, time.min)  # the model never reads the wall clock
    PreparedInsert(Event).insert_many(
        {"case": case_id, "at": stamp, "on_day": today, "actor": user, "action": IMPORT_ACTION, "text": IMPORT_TEXT}
        for case_id in ids.values()
    )
    links = [case for case in cases if case.follows is not None]
    stored = _existing((str(c.follows) for c in links if c.follows not in ids), Case.id)
    for case in links:
        ref = str(case.follows)
        target = ids[ref] if ref in ids else stored[ref][0] if ref in stored else None  # None: purged earlier case
        Case.update(follows=target, follows_ref=ref).where(Case.id == ids[str(case.ref)]).execute()


def import_cases(lines: Iterable[str], *, today: date, user: str) -> int:
    """Take over the cases of an exchange file, all or nothing; return how many.

    Raises ValidationError (keys "line N.field", German messages naming line and field) when any line is
    wrong; then nothing is stored.
    """
    cases, problems, refused_refs = _read(lines, today)
    profile = load_profile()
    with write_transaction():
        # The checks against the database run inside the writing transaction, so nobody slips in between.
        problems.update(_ref_problems(cases))
        problems.update(_follows_problems(cases, refused_refs))
        if problems:
            raise _refusal(problems)
        _write(cases, profile, today, user)
    return len(cases)
