"""Deadlines under a kind's own rule and the channels that start the acknowledgement clock.

Dates by hand: Schleswig-Holstein (Lübeck) in November 2026 has no public holiday; 2026-11-02 is a Monday.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from krm_desktop.model.office.profiles import CALENDAR, FROM_ACK_SENT, PRESETS, WORKING, ClockRule, KindRule
from krm_desktop.model.time.deadlines import Deadlines, compute_deadlines
from tests.profile_edits import with_kind_rule

D = date.fromisoformat
LUEBECK = PRESETS["luebeck"]
MONDAY = D("2026-11-02")


def test_a_kinds_own_rule_replaces_the_defaults_for_that_kind_only() -> None:
    profile = with_kind_rule(LUEBECK, "petition", KindRule(ClockRule(5, WORKING), ClockRule(30, CALENDAR)))
    assert compute_deadlines(profile, "petition", "brief", MONDAY) == Deadlines(
        D("2026-11-09"), D("2026-12-02"), D("2026-11-02")
    )
    # other kinds keep 3 Arbeitstage / 14 Kalendertage
    assert compute_deadlines(profile, "beschwerde", "brief", MONDAY) == Deadlines(D("2026-11-05"), D("2026-11-16"))
    assert compute_deadlines(LUEBECK, "petition", "brief", MONDAY) == Deadlines(
        D("2026-11-05"), D("2026-11-16"), D("2026-11-02")
    )


def test_a_channel_outside_the_ack_channels_runs_no_acknowledgement_clock() -> None:
    written = dataclasses.replace(LUEBECK, ack_channels=("brief", "email", "online"))
    assert compute_deadlines(written, "beschwerde", "telefon", MONDAY) == Deadlines(None, D("2026-11-16"))
    assert compute_deadlines(written, "beschwerde", "persoenlich", MONDAY) == Deadlines(None, D("2026-11-16"))
    assert compute_deadlines(written, "beschwerde", "email", MONDAY) == Deadlines(D("2026-11-05"), D("2026-11-16"))
    assert compute_deadlines(LUEBECK, "beschwerde", "telefon", MONDAY) == Deadlines(D("2026-11-05"), D("2026-11-16"))


def test_the_kinds_channels_win_over_the_default_channels() -> None:
    no_ack_for_petitions = with_kind_rule(LUEBECK, "petition", KindRule(LUEBECK.ack, LUEBECK.final, ()))
    assert compute_deadlines(no_ack_for_petitions, "petition", "brief", MONDAY) == Deadlines(
        None, D("2026-11-16"), D("2026-11-02")
    )
    only_phone = with_kind_rule(LUEBECK, "lob", KindRule(LUEBECK.ack, LUEBECK.final, ("telefon",)))
    assert compute_deadlines(only_phone, "lob", "telefon", MONDAY).ack_due == D("2026-11-05")
    assert compute_deadlines(only_phone, "lob", "brief", MONDAY).ack_due is None


def test_an_answer_clock_from_the_sending_starts_at_receipt_when_no_acknowledgement_is_due() -> None:
    rule = KindRule(ClockRule(7, CALENDAR), ClockRule(14, CALENDAR, FROM_ACK_SENT), ("brief",))
    profile = with_kind_rule(LUEBECK, "beschwerde", rule)
    # by letter: from the acknowledgement's due date (09.11.), from its sending once sent
    assert compute_deadlines(profile, "beschwerde", "brief", MONDAY) == Deadlines(D("2026-11-09"), D("2026-11-23"))
    assert compute_deadlines(profile, "beschwerde", "brief", MONDAY, ack_sent=D("2026-11-04")).final_due == D(
        "2026-11-18"
    )
    # by phone: no acknowledgement, the answer is due 14 days after receipt
    assert compute_deadlines(profile, "beschwerde", "telefon", MONDAY) == Deadlines(None, D("2026-11-16"))


def test_presets_acknowledge_written_reactions_and_luebeck_oral_ones_too() -> None:
    for code in ("osnabrueck", "schwaebisch-hall", "berlin-pankow"):
        assert compute_deadlines(PRESETS[code], "beschwerde", "telefon", MONDAY).ack_due is None
        assert compute_deadlines(PRESETS[code], "beschwerde", "brief", MONDAY).ack_due == D("2026-11-05")
    # Braunschweig: an oral complaint is answered 14 days after receipt, a letter 14 days after the ack's due date
    assert compute_deadlines(PRESETS["braunschweig"], "beschwerde", "persoenlich", MONDAY) == Deadlines(
        None, D("2026-11-16")
    )
    assert compute_deadlines(PRESETS["braunschweig"], "beschwerde", "online", MONDAY) == Deadlines(
        D("2026-11-09"), D("2026-11-23")
    )
    assert compute_deadlines(LUEBECK, "beschwerde", "persoenlich", MONDAY).ack_due == D("2026-11-05")
