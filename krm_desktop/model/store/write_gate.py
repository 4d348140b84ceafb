"""Writes wait while the start-up check of the database file is still running, and never reach a damaged file.

The full check (`file_check.check_database_file`, SQLite's quick_check) reads every page: some 0.4 s on
100,000 cases. The program shows the list first and runs the check beside it (ui.start_check); a save in
that time waits for the verdict (`write_transaction` calls `wait_for_verdict`), and once the check has found
damage every save is refused with its German message, so the damaged file stays as it was.
"""

from __future__ import annotations

import threading

from krm_desktop.model.errors import StoreError

WAIT_S = 30.0  # the longest a save waits for the check (a slow network drive); then it is refused

CHECKING_TOO_LONG = (
    "Die Datenbank wird noch geprüft (Start-Prüfung). Es wurde nichts gespeichert; Ihre Eingaben sind noch da. "
    "Bitte in einem Moment erneut speichern."
)


class WritesRefused(StoreError):
    """The database may not be written to: it is damaged, or its check has not finished in time."""


class WriteGate:
    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()
        self._refusal: str | None = None

    def hold(self) -> None:
        """The check starts: saves wait from now on."""
        self._refusal = None
        self._open.clear()

    def release(self) -> None:
        """The check found the file sound."""
        self._refusal = None
        self._open.set()

    def refuse(self, message: str) -> None:
        """The check found damage: every save is refused with `message` (German) until `release`."""
        self._refusal = message
        self._open.set()

    @property
    def refusal(self) -> str | None:
        return self._refusal

    @property
    def checking(self) -> bool:
        return not self._open.is_set()

    def wait_for_verdict(self, timeout_s: float = WAIT_S) -> None:
        if not self._open.wait(timeout_s):
            raise WritesRefused(CHECKING_TOO_LONG)
        if self._refusal is not None:
            raise WritesRefused(self._refusal)


gate = WriteGate()  # one database per process
