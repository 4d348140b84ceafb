"""Who is working: the login name of this workstation's user, recorded with every change."""

from __future__ import annotations

import os

LOGIN_VARIABLES = ("LOGNAME", "USER", "LNAME", "USERNAME")  # getpass.getuser's order


def acting_user() -> str:
    """The login name; "unbekannt" where the system has none (some service contexts)."""
    for variable in LOGIN_VARIABLES:  # (getpass itself, with termios, costs a millisecond at every start)
        if value := os.environ.get(variable):
            return value
    try:  # getpass.getuser's last resort, without getpass (and termios) itself
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, AttributeError):
        return "unbekannt"
