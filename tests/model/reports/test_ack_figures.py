"""The reports' acknowledgement figures per office: an oral reaction has an acknowledgement clock only where the
office acknowledges oral ones too (Lübeck); a case where the KRM decided „Eingangsbestätigung entfällt" (Pankow,
e-mails) is counted apart, neither late nor on time."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.reports.figures import compute_figures
from krm_desktop.model.reports.periods import Period
from tests import factories as f

RECEIVED = date(2026, 11, 2)  # a Monday; every acknowledgement is due by Thursday 05.11.2026 (3 AT)
NOVEMBER = Period(2026, quarter=4)


def deadline_figures() -> tuple[int, int, int, int]:
    d = compute_figures(NOVEMBER, today=f.TODAY).deadlines
    return d.ack_clock, d.ack_counted, d.ack_on_time, d.ack_waived


def register_oral_and_written() -> None:
    """A letter left unacknowledged (late), a telephone call and a visit."""
    for channel in ("brief", "telefon", "persoenlich"):
        f.register(channel=channel, received=RECEIVED)


@pytest.mark.parametrize("store", ["osnabrueck", "schwaebisch-hall", "berlin-pankow"], indirect=True)
def test_oral_reactions_are_not_counted_where_only_written_ones_are_acknowledged(store) -> None:
    register_oral_and_written()
    assert deadline_figures() == (1, 1, 0, 0)  # only the letter: late


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_braunschweig_counts_written_reactions_only(store) -> None:
    register_oral_and_written()
    assert deadline_figures() == (1, 1, 0, 0)  # the letter's week ended on 09.11.2026


@pytest.mark.parametrize("store", ["luebeck"], indirect=True)
def test_luebeck_acknowledges_oral_reactions_too(store) -> None:
    register_oral_and_written()
    assert deadline_figures() == (3, 3, 0, 0)


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_waived_acknowledgements_are_counted_apart(store) -> None:
    register_oral_and_written()
    on_time = f.register(channel="email", received=RECEIVED)
    f.act(cases.acknowledge, on_time, sent_on=date(2026, 11, 4))
    waived = f.register(channel="email", received=RECEIVED)
    f.act(cases.waive_acknowledgement, waived, decided_on=date(2026, 11, 3), reason="Antwort folgt sofort.")
    late_waived = f.register(channel="email", received=RECEIVED)  # decided after the acknowledgement was due
    f.act(cases.waive_acknowledgement, late_waived, decided_on=date(2026, 11, 10), reason="Antwort folgt sofort.")
    # the letter (late) and the acknowledged e-mail (on time); both waived e-mails apart, neither late nor on time
    assert deadline_figures() == (2, 2, 1, 2)
    d = compute_figures(NOVEMBER, today=f.TODAY).deadlines
    assert d.ack_on_time_pct == 50.0
    assert d.ack_running == 0


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_a_waived_case_still_counts_for_its_answer(store) -> None:
    waived = f.register(channel="email", received=RECEIVED)
    f.act(cases.waive_acknowledgement, waived, decided_on=RECEIVED, reason="Antwort folgt sofort.")
    d = compute_figures(NOVEMBER, today=f.TODAY).deadlines
    assert (d.answer_clock, d.answer_counted, d.answer_on_time) == (1, 1, 0)  # due 16.11.2026, not answered
