"""The day a mail was received in the office: its date in Europe/Berlin (sent 23:30 UTC on 31 May = 1 June)."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from krm_desktop.model.validation import EARLIEST

OFFICE_ZONE = "Europe/Berlin"


@cache
def office_zone() -> tzinfo:
    try:
        return ZoneInfo(OFFICE_ZONE)
    except ZoneInfoNotFoundError:  # Windows without the tzdata package: dateutil carries its own copy
        from dateutil import tz

        zone = tz.gettz(OFFICE_ZONE)
        if zone is None:
            raise
        return zone


def office_day(moment: datetime) -> date:
    """The day in Europe/Berlin; a moment without zone (a mail's "-0000") is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(office_zone()).date()


def received_day(moment: datetime | None, *, today: date) -> tuple[date | None, str | None]:
    """(the day, None) or (None, a German problem) for the received field."""
    if moment is None:
        return None, "Die E-Mail nennt kein lesbares Datum. Bitte das Eingangsdatum eintragen."
    try:
        day = office_day(moment)
    except (OverflowError, ValueError):  # a year 1 or 9999 that no zone arithmetic reaches
        return None, "Das Datum der E-Mail ist nicht lesbar. Bitte das Eingangsdatum eintragen."
    if day > today:
        return None, (
            f"Die E-Mail ist auf den {day:%d.%m.%Y} datiert, einen Tag in der Zukunft (Uhr des Absenders falsch "
            "gestellt?). Bitte das Eingangsdatum prüfen und eintragen."
        )
    if day < EARLIEST:
        return None, (
            f"Die E-Mail ist auf den {day:%d.%m.%Y} datiert; das kann nicht stimmen. Bitte das Eingangsdatum "
            "prüfen und eintragen."
        )
    return day, None
