"""Smoke test and budget of a built bundle (`make dist` runs it after PyInstaller; it builds nothing).

On a fresh temporary database, made by the built program itself: `init`, `demo`, `check`, one `letter`, `deadlines`
(compared with the source, holiday cache off so the bundled `holidays` package is really asked) and `--self-test`;
every module of krm_desktop must be in the bundle's archive (no hidden imports: PyInstaller's analysis finds them).
Then the budget: the bundle's size (regular files, links not counted twice) and its largest parts, and the start
ratio: wall time of the built program's `--self-test` over the same self-test run from source, both repeated in
turns (median). Exit 1 when a command fails, or the bundle is larger than --max-mb, or the ratio above --max-ratio.

    .venv/bin/python scripts/dist_check.py [--dist dist/krm-desktop] [--repeat 5]
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
TIMEOUT_S = 180
SELF_TEST_KEYS = {"startup_ms", "first_rows_ms", "letter_ms"}


class CheckFailed(Exception):
    pass


def run(command: list[str], env: dict[str, str], what: str) -> tuple[str, float]:
    """Run a command; its stdout and wall time, or CheckFailed with what it said."""
    started = time.perf_counter()
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise CheckFailed(f"{what}: nach {TIMEOUT_S} s abgebrochen") from None
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise CheckFailed(f"{what}: exit {done.returncode}\n{done.stdout}{done.stderr}")
    return done.stdout, wall


def last_json(stdout: str, what: str) -> dict:
    lines = [line for line in stdout.splitlines() if line.strip()]
    try:
        return json.loads(lines[-1])
    except (IndexError, ValueError):
        raise CheckFailed(f"{what}: kein JSON auf stdout: {stdout!r}") from None


def source_command() -> list[str]:
    script = Path(sys.executable).with_name("krm-desktop" + EXE_SUFFIX)
    return [str(script)] if script.is_file() else [sys.executable, "-m", "krm_desktop"]


def bundle_size(folder: Path) -> tuple[int, list[tuple[int, str]], list[tuple[int, str]]]:
    """Total bytes, the largest files, and the largest parts (a file, or a package folder below the contents)."""
    files: list[tuple[int, str]] = []
    parts: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        relative = path.relative_to(folder)
        files.append((size, relative.as_posix()))
        pieces = relative.parts
        if len(pieces) > 1 and pieces[0] == "_internal":
            pieces = pieces[1:]
        if pieces[:3] == ("PySide6", "Qt", "lib") and pieces[3].startswith("libicu"):
            part = "PySide6/Qt/lib/libicu* (ICU, Unicode data for Qt on Linux)"
        elif pieces[:3] == ("PySide6", "Qt", "lib"):  # Qt's libraries one by one, the rest of PySide6 as one part
            part = "/".join(pieces[:4])
        elif pieces[0] == "PySide6":
            part = "PySide6 (Python modules, plugins, translations)"
        else:
            part = pieces[0]
        parts[part] += size
    files.sort(reverse=True)
    return sum(size for size, _ in files), files, sorted(((s, p) for p, s in parts.items()), reverse=True)


def modules_not_bundled(work: Path) -> list[str]:
    """Modules of krm_desktop that PyInstaller's analysis left out of the archive (its PYZ table of contents, a
    Python literal in the work folder): a dialog imported in a way the analysis cannot follow would be one."""
    tocs = sorted(work.rglob("PYZ-*.toc"), key=lambda path: path.stat().st_mtime)
    if not tocs:
        return [f"(no PYZ-*.toc in {work})"]
    _name, entries = ast.literal_eval(tocs[-1].read_text(encoding="utf-8"))[:2]
    bundled = {entry[0] for entry in entries}
    package = ROOT / "krm_desktop"
    expected = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in package.rglob("*.py")
        if path.name != "__main__.py"
    }
    return sorted(expected - bundled)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "krm-desktop")
    parser.add_argument("--repeat", type=int, default=5, help="self-test runs each, built and source (≥ 3)")
    parser.add_argument("--cases", type=int, default=300, help="demo cases in the test database")
    parser.add_argument("--max-mb", type=float, default=150.0, help="bundle budget in MB (10^6 bytes)")
    parser.add_argument("--max-ratio", type=float, default=1.5)
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    args = parser.parse_args()
    repeat = max(3, args.repeat)

    gui = args.dist / f"krm-desktop{EXE_SUFFIX}"
    cli = args.dist / f"krm-desktop-cli{EXE_SUFFIX}"
    if not gui.is_file() or not cli.exists():
        print(f"dist_check: kein Build in {args.dist} (erst `make dist` bzw. pyinstaller installer.spec)")
        return 1
    # the self-test is timed with the desk program; on Windows that one has no console, and although a pipe would
    # do, the console twin is the sure way to its output there (same code, same libraries, same start)
    desk = cli if sys.platform == "win32" else gui
    failures: list[str] = []
    work = Path(tempfile.mkdtemp(prefix="krm-dist-check-"))
    try:
        # a hermetic environment: no settings, caches or database of the person running the check
        env = {k: v for k, v in os.environ.items() if k not in {"KRM_DB", "KRM_HOLIDAY_CACHE"}}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            HOME=str(work / "home"),
            XDG_CONFIG_HOME=str(work / "config"),
            XDG_CACHE_HOME=str(work / "cache"),
            XDG_DATA_HOME=str(work / "data"),
            APPDATA=str(work / "appdata"),
            LOCALAPPDATA=str(work / "localappdata"),
        )
        for name in ("home", "config", "cache", "data", "appdata", "localappdata"):
            (work / name).mkdir()
        db = str(work / "krm.sqlite3")
        no_cache = dict(env, KRM_HOLIDAY_CACHE="off")
        built_cache = dict(env, KRM_HOLIDAY_CACHE=str(work / "holidays-built.json"))
        source_cache = dict(env, KRM_HOLIDAY_CACHE=str(work / "holidays-source.json"))
        source = source_command()

        try:
            # what the built program must do, holiday cache off: every holiday comes from the bundled package
            run([str(cli), "--db", db, "init", "--profile", "luebeck"], no_cache, "init")
            run([str(cli), "--db", db, "demo", "--cases", str(args.cases), "--seed", "9"], no_cache, "demo")
            checked = last_json(run([str(cli), "--db", db, "check"], no_cache, "check")[0], "check")
            if checked.get("ok") is not True:
                raise CheckFailed(f"check: {checked}")
            exported = run([str(cli), "--db", db, "export", "--out", str(work / "cases.jsonl")], no_cache, "export")
            ref = json.loads((work / "cases.jsonl").read_text(encoding="utf-8").splitlines()[0])["ref"]
            letter = work / "letter.pdf"
            letter_args = ["letter", "--case", ref, "--type", "verfuegungsblatt", "--out", str(letter)]
            run([str(cli), "--db", db, *letter_args], no_cache, "letter")
            if not letter.read_bytes().startswith(b"%PDF"):
                raise CheckFailed("letter: keine PDF-Datei")
            # Karfreitag and Ostermontag 2027 fall in the term
            deadline_args = "deadlines --profile braunschweig --kind beschwerde --channel email --received 2027-03-24"
            deadline_args = deadline_args.split()
            built_due = last_json(run([str(cli), *deadline_args], no_cache, "deadlines")[0], "deadlines")
            source_due = last_json(run([*source, *deadline_args], no_cache, "deadlines (source)")[0], "deadlines")
            if built_due != source_due:
                raise CheckFailed(f"deadlines: built {built_due} != source {source_due}")
            figures = last_json(run([str(desk), "--db", db, "--self-test"], no_cache, "self-test")[0], "self-test")
            if set(figures) != SELF_TEST_KEYS:
                raise CheckFailed(f"self-test: {figures}")
            print(f"built program: init, demo ({args.cases} cases), check, export ({exported[0].strip()}), letter,")
            print(f"  deadlines (= source: {built_due}), self-test without holiday cache {figures}: ok")

            # the start ratio: the same self-test, built and from source, in turns (a warm-up run each first)
            built_runs: list[float] = []
            source_runs: list[float] = []
            built_figures: list[dict] = []
            run([str(desk), "--db", db, "--self-test"], built_cache, "self-test (warm-up)")
            run([*source, "--db", db, "--self-test"], source_cache, "self-test from source (warm-up)")
            for _ in range(repeat):
                out, wall = run([str(desk), "--db", db, "--self-test"], built_cache, "self-test")
                built_figures.append(last_json(out, "self-test"))
                built_runs.append(wall)
                source_runs.append(run([*source, "--db", db, "--self-test"], source_cache, "self-test from source")[1])
        except CheckFailed as exc:
            failures.append(str(exc))
            built_runs = source_runs = []
    finally:
        shutil.rmtree(work, ignore_errors=True)

    missing = modules_not_bundled(args.work)
    if missing:
        failures.append(f"modules of krm_desktop not in the bundle: {', '.join(missing)}")
    else:
        print("every module of krm_desktop is in the bundle (found by PyInstaller's analysis)")

    total, files, parts = bundle_size(args.dist)
    print(f"bundle {args.dist}: {total / 1e6:.1f} MB ({total / 2**20:.1f} MiB), {len(files)} files")
    print("largest parts:")
    for size, part in parts[:8]:
        print(f"  {size / 1e6:7.1f} MB  {part}")
    print("largest files:")
    for size, name in files[:5]:
        print(f"  {size / 1e6:7.1f} MB  {name}")
    if total > args.max_mb * 1e6:
        failures.append(f"bundle {total / 1e6:.1f} MB > {args.max_mb:.0f} MB")

    summary: dict[str, object] = {"bundle_mb": round(total / 1e6, 1)}
    if built_runs and source_runs:
        built, from_source = statistics.median(built_runs), statistics.median(source_runs)
        ratio = built / from_source
        print(f"self-test wall time, median of {repeat}: built {built:.2f} s, source {from_source:.2f} s")
        print(
            "  built", " ".join(f"{t:.2f}" for t in built_runs), "| source", " ".join(f"{t:.2f}" for t in source_runs)
        )
        startup = statistics.median(f["startup_ms"] for f in built_figures)
        first_rows = statistics.median(f["first_rows_ms"] for f in built_figures)
        print(f"  the built program's own figures (median): startup_ms {startup:.0f}, first_rows_ms {first_rows:.0f}")
        print(f"start ratio (built / source): {ratio:.2f} (budget {args.max_ratio})")
        summary.update(built_s=round(built, 3), source_s=round(from_source, 3), start_ratio=round(ratio, 2))
        if ratio > args.max_ratio:
            failures.append(f"start ratio {ratio:.2f} > {args.max_ratio}")
    summary["ok"] = not failures
    print(json.dumps(summary))
    for failure in failures:
        print(f"dist_check FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
