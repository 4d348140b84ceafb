"""The Einstellungen window and its pages on the test's database, as the main window would open them."""

from __future__ import annotations

from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.store.connection import Store
from krm_desktop.ui.context import WindowContext
from tests import factories as f


def context_for(store: Store, *, read_only: bool = False) -> WindowContext:
    return WindowContext(store, f.TODAY, f.USER, load_profile(), read_only=read_only)
