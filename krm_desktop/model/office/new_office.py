"""Creating a new office database: profile, letterhead defaults."""

from __future__ import annotations

from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import OfficeProfile, has_profile, preset, save_profile
from krm_desktop.model.office.settings import LETTERHEAD_KEY
from krm_desktop.model.store.settings import put_setting
from krm_desktop.model.store.transactions import write_transaction
from krm_desktop.model.validation import text_problem


def initialise_office(profile_code: str, office_name: str | None = None) -> OfficeProfile:
    """Give a fresh database its office profile (a preset, editable later) and letterhead name."""
    profile = preset(profile_code)
    name = (office_name or profile.label).strip()
    problem = text_problem(name, "Name der Dienststelle", max_len=200, multiline=False)
    if problem or not name:
        raise ValidationError({"office_name": problem or "Bitte den Namen der Dienststelle angeben."})
    with write_transaction():
        if has_profile():
            raise RefusedError("Diese Datenbank ist bereits eingerichtet; das Profil ändern Sie in den Einstellungen.")
        save_profile(profile, expected_version=0)
        put_setting(LETTERHEAD_KEY, {"office_name": name})
    return profile
