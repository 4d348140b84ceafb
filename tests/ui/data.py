"""Cases in every due state on the fixed TODAY (Friday 20.11.2026, Lübeck: Eingangsbestätigung in 3 AT,
Antwort in 14 Kalendertagen), registered through the real services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from krm_desktop.model.cases import services as cases
from krm_desktop.model.store.entities import Case, Team
from tests import factories as f


@dataclass
class DueCases:
    team: Team
    overdue: Case  # ack due 05.11.
    due_today: Case  # ack due 20.11.
    due_soon: Case  # ack due 23.11. (next working day)
    on_track: Case  # ack due 25.11.
    no_clock: Case  # anonymous: no clocks
    closed: Case  # a Meinungskarte, closed 02.03.2026
    last_year: Case  # received 2025, closed


def make_due_cases() -> DueCases:
    team = f.team("Team 411 Leistung")
    other = f.team("Eingangszone", area="Bereich 10")
    overdue = f.register(
        received=date(2026, 11, 2),
        subject="Wartezeit Weiterbewilligung",
        description="Seit sechs Wochen keine Entscheidung.",
        person=f.person("Olga Öztürk", customer_no="111A111111", bg_no="11111BG1111111"),
        team_id=team.id,
    )
    due_today = f.register(
        received=date(2026, 11, 17),
        subject="Termin verpasst",
        description="Der Kunde schreibt: 50% Kürzung ohne Anhörung!",
        person=f.person("Hans Müller", customer_no="222B222222", bg_no="22222BG2222222"),
        team_id=other.id,
        channel="email",
    )
    due_soon = f.register(
        received=date(2026, 11, 18),
        subject="Unterlagen doppelt angefordert",
        description="Kontoauszug_2026 fehlt angeblich; Aktenzeichen a_b.",
        person=f.person("Anna Zimmermann", customer_no="333C333333", bg_no="33333BG3333333"),
        concerns=[("beschwerde", None), ("lob", None)],
    )
    on_track = f.register(
        received=date(2026, 11, 20),
        kind="lob",
        channel="online",
        subject="Dank für schnelle Hilfe",
        description="Sie schreibt O'Brien sei sehr freundlich gewesen.",
        person=f.person("Bernd Adler", customer_no="444D444444", bg_no="44444BG4444444"),
        team_id=team.id,
    )
    no_clock = f.register(
        received=date(2026, 11, 10),
        subject="Anonymer Hinweis",
        description="Ohne Absender.",
        person=None,
        channel="online",
    )
    closed = f.register(
        kind="meinungskarte",
        channel="meinungskarte",
        person=None,
        received=date(2026, 3, 1),
        subject="Karte Wartebereich",
        description="Mehr Sitzplätze, bitte.",
    )
    cases.close(closed.id, version=1, closed_on=date(2026, 3, 2), today=f.TODAY, user=f.USER)
    last_year = f.register(
        kind="meinungskarte",
        channel="meinungskarte",
        person=None,
        received=date(2025, 6, 3),
        subject="Karte 2025",
        description="Freundliches Personal.",
    )
    cases.close(last_year.id, version=1, closed_on=date(2025, 6, 4), today=f.TODAY, user=f.USER)
    return DueCases(team, overdue, due_today, due_soon, on_track, no_clock, Case.get_by_id(closed.id), last_year)
