"""Bad input and faults on the command line: a German message, exit 1 or 2 (DESIGN.md §2), nothing changed and
never a traceback. Real files; a subprocess where the traceback would show, a child without root's rights where
the file must be read-only."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from krm_desktop.cli import main as cli
from tests.cli.conftest import Run
from tests.faults import damage
from tests.faults.conftest import FORK, make_krm_file

NOBODY = 65534
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A KRM database whose case table spans several pages."""
    return make_krm_file(tmp_path_factory.mktemp("vorlage") / "krm.sqlite3", cases=60)


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "daten" / "krm.sqlite3"
    target.parent.mkdir()
    shutil.copy(template, target)
    return target


def _cli(*args: str | bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The program as a person starts it; arguments may be bytes (what a shell passes on)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "krm_desktop", *args], cwd=cwd, env=env, capture_output=True)


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err
    assert "Error:" not in err  # e.g. "OverflowError: …", "peewee.OperationalError: …"


def test_export_into_a_missing_folder_or_onto_a_folder_is_bad_usage(run: Run, db: Path, tmp_path: Path) -> None:
    before = damage.folder_state(tmp_path)
    for out in (tmp_path / "fehlt" / "g.jsonl", tmp_path):
        code, payload, err = run("--db", str(db), "export", "--out", str(out))
        assert (code, payload) == (2, None)
        assert "Falscher Aufruf" in err and "Ordner" in err
        _no_traceback(err)
    assert damage.folder_state(tmp_path) == before


@pytest.mark.parametrize(
    "args",
    [
        ("purge", "--as-of", "0001-01-01", "--dry-run"),
        ("deadlines", "--profile", "luebeck", "--kind", "beschwerde", "--channel", "brief", "--received", "9999-12-31"),
    ],
)
def test_a_date_outside_any_plausible_range_is_bad_usage(run: Run, db: Path, args: tuple[str, ...]) -> None:
    before = damage.digest(db)
    code, payload, err = run("--db", str(db), *args)
    assert (code, payload) == (2, None)
    assert "Falscher Aufruf" in err and "Jahr" in err
    _no_traceback(err)
    assert damage.digest(db) == before


def _one_line(db: Path, tmp_path: Path, run: Run) -> str:
    out = tmp_path / "alle.jsonl"
    assert run("--db", str(db), "export", "--out", str(out))[0] == 0
    return out.read_text(encoding="utf-8").splitlines()[0].replace("KRM-2026-0001", "KRM-2026-0777")


@pytest.mark.parametrize("fault", ["kein-utf8", "surrogat"])
def test_an_import_file_with_broken_characters_is_refused_by_line(run: Run, db: Path, tmp_path: Path, fault) -> None:
    line = _one_line(db, tmp_path, run)
    path = tmp_path / "neu.jsonl"
    if fault == "kein-utf8":
        path.write_bytes(line.encode("utf-8").replace(b'"subject": "', b'"subject": "\xff'))
    else:
        path.write_text(line.replace('"subject": "', '"subject": "\\ud800'), encoding="utf-8")
    before = damage.digest(db)
    code, payload, err = run("--db", str(db), "import", "--in", str(path))
    assert (code, payload) == (1, None)
    assert "Zeile 1" in err and "UTF-8" in err
    _no_traceback(err)
    assert damage.digest(db) == before


def test_init_with_an_office_name_that_is_not_utf8_leaves_no_file(tmp_path: Path) -> None:
    done = _cli(
        "--db", "neu.sqlite3", "init", "--profile", "luebeck", "--office-name", b"Jobcenter L\xfcbeck", cwd=tmp_path
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode in (1, 2), err
    assert "Name der Dienststelle" in err
    _no_traceback(err)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["postgresql://u:p@server:kein-port/krm", "postgresql://u:p@[::1/krm"])
def test_copy_to_a_malformed_address_is_bad_usage(db: Path, url: str) -> None:
    before = damage.folder_state(db.parent)
    done = _cli("--db", str(db), "copy-to", url, cwd=db.parent)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert "Falscher Aufruf" in err and "Adresse" in err
    _no_traceback(err)
    assert damage.folder_state(db.parent) == before


def test_check_reports_a_damaged_page_in_german(run: Run, db: Path) -> None:
    damage.zero_page(db, damage.root_page(db))
    before = damage.folder_state(db.parent)
    code, payload, err = run("--db", str(db), "check")
    assert code == 1
    assert payload["ok"] is False and "beschädigt" in payload["problems"][0]
    assert "beschädigt" in err
    _no_traceback(err)
    assert damage.folder_state(db.parent) == before


@pytest.mark.parametrize(
    "args",
    [
        ("demo", "--cases", "3"),
        ("purge", "--as-of", "2030-01-01", "--yes"),
        ("init", "--profile", "luebeck"),
    ],
)
def test_a_write_into_a_damaged_file_is_refused(run: Run, db: Path, args: tuple[str, ...]) -> None:
    damage.zero_page(db, damage.root_page(db, "purge_log"))  # a page `demo` neither reads nor writes
    before = damage.folder_state(db.parent)
    code, payload, err = run("--db", str(db), *args)
    assert (code, payload) == (1, None)
    assert "beschädigt" in err and "nichts geändert" in err
    _no_traceback(err)
    assert damage.folder_state(db.parent) == before


def test_a_lock_taken_after_the_store_was_opened_is_said_in_german(db: Path, capsys, spawn) -> None:
    from krm_desktop.cli.common import run_on_store
    from krm_desktop.model.store.entities import Case
    from tests.faults.workers import hold_exclusive

    held, release = FORK.Event(), FORK.Event()

    def work(store: Any) -> int:
        spawn(hold_exclusive, db, held, release)  # another desk, after this command opened the store
        assert held.wait(20)
        store.db.execute_sql("PRAGMA busy_timeout = 300")
        return Case.select().count()

    try:
        code = run_on_store(cli.build_parser().parse_args(["--db", str(db), "export", "--out", "x"]), work)
    finally:
        release.set()
    err = capsys.readouterr().err
    assert code == 1
    assert "gesperrt" in err and "nichts geändert" in err
    _no_traceback(err)


@pytest.fixture
def shared_db(template: Path) -> Iterator[Path]:
    """A copy in a folder another account can reach; file and folder read-only for it."""
    folder = Path(tempfile.mkdtemp(prefix="krm-nurlesen-"))
    path = folder / "krm.sqlite3"
    shutil.copy(template, path)
    (folder / "ausgabe").mkdir()
    (folder / "ausgabe").chmod(0o777)
    path.chmod(0o444)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)
    shutil.rmtree(folder)


def _as_reader(args: list[str], results: Any) -> None:
    """In a child: give up root (root may write any file), then run the command."""
    os.setgid(NOBODY)
    os.setuid(NOBODY)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main(args)
        except BaseException as exc:  # what would reach the person as a traceback
            code = f"{type(exc).__name__}: {exc}"
    results.put((code, out.getvalue(), err.getvalue()))


def _run_as_reader(spawn, run: Run, template: Path, tmp_path: Path, *args: str) -> tuple[Any, str, str]:
    """The command in a child without root's rights, once run here first on a copy (as root): the child, which
    may not read the Python installation under /root, has every module it needs loaded then."""
    rehearsal = tmp_path / "probe.sqlite3"
    shutil.copy(template, rehearsal)
    run("--db", str(rehearsal), *[str(tmp_path / "probe.csv") if a.endswith(".csv") else a for a in args[2:]])
    results = FORK.Queue()
    child = spawn(_as_reader, list(args), results)
    found = results.get(timeout=60)
    child.join(10)
    return found


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give up its rights in a child")
def test_purge_on_a_read_only_file_is_refused(shared_db: Path, spawn, run: Run, template: Path, tmp_path: Path) -> None:
    before = damage.folder_state(shared_db.parent)
    code, out, err = _run_as_reader(
        spawn, run, template, tmp_path, "--db", str(shared_db), "purge", "--as-of", "2030-01-01", "--yes"
    )
    assert (code, out) == (1, "")
    assert "schreibgeschützt" in err and "nichts geändert" in err
    _no_traceback(err)
    assert damage.folder_state(shared_db.parent) == before


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give up its rights in a child")
def test_a_report_from_a_read_only_file_is_written_and_says_so(
    shared_db: Path, spawn, run: Run, template: Path, tmp_path: Path
) -> None:
    before = damage.digest(shared_db)
    out_file = shared_db.parent / "ausgabe" / "bericht.csv"
    code, out, err = _run_as_reader(
        spawn, run, template, tmp_path, "--db", str(shared_db), "report", "--year", "2026", "--out", str(out_file)
    )
    assert code == 0, err
    assert json.loads(out)["out"] == str(out_file) and out_file.is_file()
    assert "Nichts wurde gespeichert" not in err
    assert "schreibgeschützt" in err
    _no_traceback(err)
    assert damage.digest(shared_db) == before
