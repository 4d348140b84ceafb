"""Where the KRM database lives: a SQLite file, or a PostgreSQL server named by a URL.

`postgresql://user:password@host:port/database` (DESIGN.md §2). User and password are percent-encoded in the URL
(`server_url` does it), so any character may occur in them. What the program shows of a server database never
contains the password (`describe_target`).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

SERVER_SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAddress:
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    password: str = ""


def is_server_url(target: str) -> bool:
    return target.split("://", 1)[0].lower() in SERVER_SCHEMES and "://" in target


def parse_server_url(url: str) -> ServerAddress:
    """The parts of a postgresql:// URL (missing parts empty, the port 5432 when none is given)."""
    parts = urlsplit(url)
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:  # not a number, or out of range
        port = 0
    return ServerAddress(
        host=parts.hostname or "",
        port=port,
        database=unquote(parts.path.lstrip("/")),
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
    )


def server_url(address: ServerAddress) -> str:
    user = quote(address.user, safe="")
    login = f"{user}:{quote(address.password, safe='')}@" if address.password else (f"{user}@" if user else "")
    host = f"[{address.host}]" if ":" in address.host else address.host  # an IPv6 address
    return f"postgresql://{login}{host}:{address.port}/{quote(address.database, safe='')}"


def describe_target(target: str) -> str:
    """What the window and the messages show: the file, or `PostgreSQL user@host:port/database` (no password)."""
    if "://" not in target:
        return target
    if not is_server_url(target):  # some other URL: shown without its password
        parts = urlsplit(target)
        if parts.password is None:
            return target
        netloc = parts.netloc.rsplit("@", 1)[1]
        return urlunsplit(parts._replace(netloc=f"{parts.username}@{netloc}"))
    address = parse_server_url(target)
    user = f"{address.user}@" if address.user else ""
    return f"PostgreSQL {user}{address.host or 'localhost'}:{address.port}/{address.database}"


def address_problems(host: str, port: str, database: str, user: str) -> dict[str, str]:
    """German messages per field of a server address as typed in the form; empty when it can be used."""
    problems: dict[str, str] = {}
    if not host.strip():
        problems["host"] = "Bitte den Datenbankserver angeben (Name oder IP-Adresse)."
    elif any(c in host for c in " /@?#"):
        problems["host"] = "Der Servername darf keine Leerzeichen und keines der Zeichen / @ ? # enthalten."
    if not port.strip().isdigit() or not 1 <= int(port.strip()) <= 65535:
        problems["port"] = "Der Port ist eine Zahl von 1 bis 65535 (PostgreSQL üblicherweise 5432)."
    if not database.strip():
        problems["database"] = "Bitte den Namen der Datenbank auf dem Server angeben."
    if not user.strip():
        problems["user"] = "Bitte den Benutzernamen für den Datenbankserver angeben."
    return problems
