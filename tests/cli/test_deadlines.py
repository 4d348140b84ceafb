"""`krm-desktop deadlines`: JSON on stdout, exit 2 for unknown codes and bad dates."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from krm_desktop.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["deadlines", *args])
    except SystemExit as exc:  # argparse refuses bad usage by exiting
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def args(profile: str, received: str, kind: str = "beschwerde", channel: str = "brief", *extra: str) -> list[str]:
    return ["--profile", profile, "--kind", kind, "--channel", channel, "--received", received, *extra]


@pytest.mark.parametrize(
    ("profile", "received", "ack_due", "final_due"),
    [
        ("luebeck", "2026-11-02", "2026-11-05", "2026-11-16"),
        ("luebeck", "2026-12-22", "2026-12-29", "2027-01-05"),  # 24.12. closed
        ("osnabrueck", "2025-10-17", "2025-10-22", "2025-11-03"),  # Reformationstag in NI
        ("schwaebisch-hall", "2025-10-17", "2025-10-22", "2025-10-31"),  # ... not in BW
        ("schwaebisch-hall", "2026-05-21", "2026-05-27", "2026-06-05"),  # Whit Monday, Corpus Christi
        ("berlin-pankow", "2027-03-04", "2027-03-10", "2027-03-19"),  # Frauentag
        ("berlin-pankow", "2026-11-07", "2026-11-11", "2026-11-20"),  # received on a Saturday
        ("braunschweig", "2026-11-02", "2026-11-09", "2026-11-23"),  # not yet acknowledged
        ("braunschweig", "2026-03-20", "2026-03-27", "2026-04-10"),
    ],
)
def test_deadlines_per_profile(
    capsys: pytest.CaptureFixture[str], profile: str, received: str, ack_due: str, final_due: str
) -> None:
    code, out, err = run(capsys, *args(profile, received))
    assert code == 0
    assert err == ""
    assert json.loads(out) == {"ack_due": ack_due, "final_due": final_due, "gf_due": None}
    assert out.endswith("\n") and out.count("\n") == 1


@pytest.mark.parametrize(
    ("ack_sent", "final_due"),
    [
        ("2026-11-04", "2026-11-18"),
        ("2026-11-02", "2026-11-16"),  # acknowledged on the day of receipt
        ("2026-12-11", "2026-12-28"),  # 25.12. and the weekend
    ],
)
def test_braunschweig_counts_from_the_ack_sent(
    capsys: pytest.CaptureFixture[str], ack_sent: str, final_due: str
) -> None:
    code, out, _ = run(capsys, *args("braunschweig", "2026-11-02", "beschwerde", "email", "--ack-sent", ack_sent))
    assert code == 0
    assert json.loads(out) == {"ack_due": "2026-11-09", "final_due": final_due, "gf_due": None}


def test_ack_sent_is_ignored_where_the_answer_counts_from_receipt(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *args("luebeck", "2026-11-02", "beschwerde", "brief", "--ack-sent", "2026-11-03"))
    assert code == 0
    assert json.loads(out) == {"ack_due": "2026-11-05", "final_due": "2026-11-16", "gf_due": None}


@pytest.mark.parametrize(("kind", "channel"), [("meinungskarte", "meinungskarte"), ("lob", "meinungskarte")])
def test_meinungskarte_has_no_clock(capsys: pytest.CaptureFixture[str], kind: str, channel: str) -> None:
    code, out, _ = run(capsys, *args("luebeck", "2026-11-02", kind, channel))
    assert code == 0
    assert json.loads(out) == {"ack_due": None, "final_due": None, "gf_due": None}


def test_petition_prints_the_office_dates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *args("berlin-pankow", "2026-04-03", "petition", "online"))
    assert code == 0
    # Pankow sends the petitioner no acknowledgement (profile setting petitioner_ack): no ack_due
    assert json.loads(out) == {"ack_due": None, "final_due": "2026-04-20", "gf_due": "2026-04-07"}


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (args("hamburg", "2026-11-02"), "Unbekanntes Dienststellenprofil „hamburg“"),
        (args("luebeck", "2026-11-02", "widerspruch"), "Unbekannte Anliegensart „widerspruch“"),
        (args("luebeck", "2026-11-02", "beschwerde", "fax"), "Unbekannter Eingangsweg „fax“"),
        (args("luebeck", "02.11.2026"), "„02.11.2026“ ist kein Datum im Format JJJJ-MM-TT"),
        (args("luebeck", "2026-02-30"), "„2026-02-30“ ist kein Datum im Format JJJJ-MM-TT"),
        (args("luebeck", "morgen"), "„morgen“ ist kein Datum"),
        (args("braunschweig", "2026-11-02", "beschwerde", "brief", "--ack-sent", "2026-13-01"), "„2026-13-01“"),
        (args("braunschweig", "2026-11-02", "beschwerde", "brief", "--ack-sent", "2026-11-01"), "--ack-sent liegt vor"),
        (["--profile", "luebeck", "--kind", "beschwerde", "--channel", "brief"], "--received"),
        (["--kind", "beschwerde", "--channel", "brief", "--received", "2026-11-02"], "--profile P"),
    ],
)
def test_bad_usage_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], words: str
) -> None:
    monkeypatch.delenv("KRM_DB", raising=False)
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert "Falscher Aufruf" in err
    assert words in err


def test_as_a_real_command() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "krm_desktop", "deadlines", *args("schwaebisch-hall", "2026-01-02")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"ack_due": "2026-01-08", "final_due": "2026-01-16", "gf_due": None}
    bad = subprocess.run(
        [sys.executable, "-m", "krm_desktop", "deadlines", *args("luebeck", "2026-11-31")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stdout == ""
