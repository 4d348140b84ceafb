"""What the office sets per Bereich (DOMAIN.md §2): whether the LGF gets a copy (Pankow: Bereiche 71, 72, 75, 76, 77
and 7BGF). The Bereiche themselves are the names the teams carry (`staff.area_names`)."""

from __future__ import annotations

from dataclasses import dataclass

from krm_desktop.model.store.settings import get_setting, put_setting
from krm_desktop.model.store.transactions import write_transaction

AREAS_KEY = "areas"


@dataclass(frozen=True)
class AreaFlags:
    lgf_cc: bool = False  # the Leitung der Geschäftsführungsebene receives a copy of the cases of this Bereich


def area_flags() -> dict[str, AreaFlags]:
    """The flags of every Bereich that has any set."""
    stored = get_setting(AREAS_KEY, {}) or {}
    return {str(area): AreaFlags(lgf_cc=bool(flags.get("lgf_cc"))) for area, flags in stored.items()}


def flags_of(area: str) -> AreaFlags:
    return area_flags().get(" ".join(area.split()), AreaFlags())


def save_area_flags(area: str, flags: AreaFlags) -> None:
    """Set one Bereich's flags, leaving the others as another desk may just have stored them."""
    area = " ".join(area.split())
    with write_transaction():
        stored = {name: {"lgf_cc": f.lgf_cc} for name, f in area_flags().items()}
        if flags == AreaFlags():
            stored.pop(area, None)
        else:
            stored[area] = {"lgf_cc": flags.lgf_cc}
        put_setting(AREAS_KEY, stored)
