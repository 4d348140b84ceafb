"""`krm-desktop --db X profile export --out F.json` / `profile import --in F.json`: the office profile as a file.

export prints {"exported": path, "profile": code, "format_version": n}; import prints {"imported": path,
"profile": code, "label": name, "version": stored version} and names every bad key in German on stderr (exit 1,
nothing changed). Stored deadlines of open cases do not move; the Einstellungen recompute them on request.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from krm_desktop.cli.common import EXIT_OK, EXIT_REFUSED, UsageError, emit, run_on_store, say
from krm_desktop.model.errors import RefusedError, ValidationError

MAX_FILE_BYTES = 1_000_000


def add_profile_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "profile", help="Dienststellenprofil (Fristen, Schließtage, Löschregeln, Berichte) als Datei aus- oder einlesen"
    )
    actions = parser.add_subparsers(dest="profile_action", required=True, parser_class=type(parser))
    export = actions.add_parser("export", help="das Profil dieser Datenbank in eine JSON-Datei schreiben")
    export.add_argument("--out", required=True, type=Path, help="Zieldatei, z. B. profil.json")
    imported = actions.add_parser("import", help="das Profil dieser Datenbank durch das der Datei ersetzen")
    imported.add_argument("--in", dest="infile", required=True, type=Path, help="Profildatei (JSON)")
    return parser


def cmd_profile(args: argparse.Namespace) -> int:
    if args.profile_action == "export":
        if args.out.is_dir():
            raise UsageError(f"{args.out} ist ein Ordner; --out nennt die Datei, z. B. {args.out / 'profil.json'}.")
        if not args.out.parent.is_dir():
            raise UsageError(f"den Ordner {args.out.parent} gibt es nicht.")
        return run_on_store(args, lambda store: _export(args.out))
    if not args.infile.is_file():
        raise UsageError(f"Die Datei {args.infile} gibt es nicht.")
    return run_on_store(args, lambda store: _import(args.infile), write=True)


def _export(out: Path) -> int:
    from krm_desktop.model.exchange.profile_file import FORMAT_VERSION, export_profile
    from krm_desktop.model.office.profiles import load_profile
    from krm_desktop.model.store.files import write_file

    profile = load_profile()
    try:
        write_file(out, export_profile(profile).encode("utf-8"))
    except OSError as exc:
        raise RefusedError(f"Die Datei {out} lässt sich nicht schreiben: {exc.strerror or exc}.") from exc
    say(f"Dienststellenprofil „{profile.label}“ nach {out} ausgegeben.")
    emit({"exported": str(out), "profile": profile.code, "format_version": FORMAT_VERSION})
    return EXIT_OK


def _import(infile: Path) -> int:
    from krm_desktop.model.exchange.profile_file import import_profile
    from krm_desktop.model.office.profiles import profile_version

    if infile.stat().st_size > MAX_FILE_BYTES:
        say(f"Die Datei {infile} ist viel zu groß für eine Profildatei (mehr als 1 MB). Es wurde nichts geändert.")
        return EXIT_REFUSED
    raw = infile.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        say(f"Die Datei {infile} ist keine Profildatei (kein UTF-8-Text). Es wurde nichts geändert.")
        return EXIT_REFUSED
    version = profile_version()
    if version == 0:
        say("Diese Datenbank hat noch kein Dienststellenprofil; bitte zuerst mit „init“ einrichten.")
        return EXIT_REFUSED
    try:
        profile = import_profile(text, version)
    except ValidationError as exc:
        for message in exc.errors.values():  # each names its key in the file
            say(message)
        say(f"Die Profildatei {infile} wurde nicht übernommen; es wurde nichts geändert.")
        return EXIT_REFUSED
    say(
        f"Dienststellenprofil „{profile.label}“ aus {infile} übernommen. Gespeicherte Fristen offener Fälle bleiben; "
        "neu berechnen lassen sie sich in den Einstellungen (Fristen und Regeln)."
    )
    emit({"imported": str(infile), "profile": profile.code, "label": profile.label, "version": profile_version()})
    return EXIT_OK
