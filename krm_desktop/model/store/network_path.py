"""Where the database file lies: on this computer or on a network share.

SQLite's locking over SMB/NFS is only as good as the server's lock implementation, and WAL needs shared
memory between the processes, which machines sharing a file do not have. A database on a network path
therefore runs with the rollback journal only (db.py never enables WAL; `ensure_rollback_journal` turns a
file someone else switched to WAL back), and the status bar says so.

Recognised as network paths:
- UNC paths (`\\\\server\\share\\…`, `//server/share/…`, `\\\\?\\UNC\\server\\share\\…`);
- on Windows, drive letters mapped to a share (GetDriveTypeW == DRIVE_REMOTE);
- on Linux, files below a cifs/smb/nfs/sshfs/… mount (the mount table `/proc/self/mountinfo`, longest
  mount point that contains the file).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from krm_desktop.model.store.connection import Store

DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive
MOUNTINFO = Path("/proc/self/mountinfo")
NETWORK_FILESYSTEMS = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "ncpfs",
        "afs",
        "coda",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "9p",
        "davfs",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.s3fs",
    }
)
STATUS_NETWORK = "Netzlaufwerk: gemeinsame Datei, nur Rollback-Journal"
STATUS_LOCAL = "Lokale Datei"
_UNC = re.compile(r"^(?:[\\/]{2}\?[\\/]UNC[\\/]|[\\/]{2}(?![?.][\\/]))([^\\/]+)[\\/]+([^\\/]+)", re.IGNORECASE)
_OCTAL = re.compile(r"\\([0-7]{3})")


@dataclass(frozen=True)
class Mount:
    point: str  # where it is mounted (an absolute POSIX path)
    fstype: str  # e.g. "ext4", "cifs", "fuse.sshfs"
    source: str  # e.g. "/dev/sda1", "//server/share", "server:/export"


@dataclass(frozen=True)
class Location:
    network: bool
    how: str  # "lokal" | "unc" | "netzlaufwerk" | a file system type such as "cifs"
    share: str = ""  # the server and share (or mount source) when on the network

    def status_text(self) -> str:
        """The status bar's words for this location."""
        return STATUS_NETWORK if self.network else STATUS_LOCAL

    def explanation(self) -> str:
        """The longer German text (tooltip) for the status bar."""
        if not self.network:
            return "Die Datenbank liegt auf diesem Computer."
        where = f" ({self.share})" if self.share else ""
        return (
            f"Die Datenbank liegt auf einem Netzlaufwerk{where}. Mehrere Arbeitsplätze können sie gemeinsam "
            "nutzen; Änderungen werden in kurzen Schreibvorgängen mit Rollback-Journal gespeichert (der "
            "WAL-Modus funktioniert nicht über mehrere Rechner und bleibt aus). Arbeiten regelmäßig mehr als "
            "drei, vier Plätze gleichzeitig, ist eine PostgreSQL-Datenbank die bessere Wahl – bitte die IT fragen."
        )


LOCAL = Location(False, "lokal")


def unc_share(path: str) -> str | None:
    """`\\\\server\\share` of a UNC path, else None."""
    match = _UNC.match(path)
    return f"\\\\{match.group(1)}\\{match.group(2)}" if match else None


def _unescape(field: str) -> str:
    # mountinfo writes space, tab, newline and backslash as octal escapes (\040 …)
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts of a /proc/<pid>/mountinfo text (see proc(5)); lines that do not parse are left out."""
    mounts = []
    for line in text.splitlines():
        fields = line.split(" ")
        try:
            separator = fields.index("-", 6)
            point = _unescape(fields[4])
            fstype, source = fields[separator + 1], _unescape(fields[separator + 2])
        except (ValueError, IndexError):
            continue
        mounts.append(Mount(point, fstype, source))
    return mounts


def read_mounts(source: Path = MOUNTINFO) -> list[Mount]:
    try:
        return parse_mountinfo(source.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def mount_of(path: PurePosixPath, mounts: Sequence[Mount]) -> Mount | None:
    """The mount with the longest mount point containing the path (the last one mounted there wins)."""
    best: Mount | None = None
    for mount in mounts:
        point = PurePosixPath(mount.point)
        if (path == point or point in path.parents) and (
            best is None or len(point.parts) >= len(PurePosixPath(best.point).parts)
        ):
            best = mount
    return best


def _windows_drive_type(root: str) -> int:
    import ctypes

    windll: Any = getattr(ctypes, "windll", None)  # only on Windows
    if windll is None:
        return 0
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def _existing(path: Path) -> Path:
    """The path with symbolic links resolved as far as it exists (a new database file does not exist yet)."""
    try:
        return path.resolve()
    except OSError:
        return Path(os.path.abspath(path))


def locate(
    path: str | Path,
    *,
    platform: str | None = None,
    mounts: Sequence[Mount] | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> Location:
    """Where the file lies. `mounts` (Linux) and `drive_type` (Windows) replace the system's answers in tests."""
    platform = sys.platform if platform is None else platform
    text = str(path)
    share = unc_share(text)
    if share:
        return Location(True, "unc", share)
    native = platform == sys.platform  # tests ask about other systems: their paths are taken as written
    if platform == "win32":
        windows = PureWindowsPath(str(_existing(Path(text))) if native else text)
        share = unc_share(str(windows))  # a path that resolved to a share
        if share:
            return Location(True, "unc", share)
        if windows.drive:
            root = windows.drive + "\\"
            if (drive_type or _windows_drive_type)(root) == DRIVE_REMOTE:
                return Location(True, "netzlaufwerk", f"Laufwerk {windows.drive.upper()}")
        return LOCAL
    if platform.startswith("linux"):
        target = PurePosixPath(str(_existing(Path(text))) if native else text)
        mount = mount_of(target, read_mounts() if mounts is None else mounts)
        if mount is not None and mount.fstype.lower() in NETWORK_FILESYSTEMS:
            return Location(True, mount.fstype, mount.source)
    return LOCAL


def location_status(store: Store, **system: Any) -> tuple[str, str] | None:
    """(status bar text, tooltip) for a database file on a network path, None for a local file or a server.

    On the network the journal mode is checked as well (and switched back from WAL, see the module).
    `system`: the mount table or drive type of `locate`, for tests."""
    if store.path is None:
        return None
    location = locate(store.path, **system)
    if not location.network:
        return None
    if not store.read_only:
        ensure_rollback_journal(store.db)
    return location.status_text(), location.explanation()


def ensure_rollback_journal(db: Any) -> str:
    """Switch an open SQLite connection (a peewee database) from WAL back to the rollback journal; return the
    journal mode now in force. (Another tool may have set WAL in the file; on a share that breaks locking.)"""
    mode = str(db.execute_sql("PRAGMA journal_mode").fetchone()[0]).lower()
    if mode == "wal":
        mode = str(db.execute_sql("PRAGMA journal_mode = delete").fetchone()[0]).lower()
    return mode
