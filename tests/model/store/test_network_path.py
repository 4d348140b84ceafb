"""A database on a network path is recognised (UNC, mapped drive, cifs/nfs/sshfs mount), the status bar says
so, and such a file never runs in WAL mode."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path, PurePosixPath

import pytest

from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.network_path import (
    DRIVE_REMOTE,
    STATUS_NETWORK,
    Mount,
    locate,
    location_status,
    mount_of,
    parse_mountinfo,
    read_mounts,
    unc_share,
)
from tests import factories as f
from tests.conftest import make_store

pytestmark = pytest.mark.sqlite_only
MOUNTINFO = "\n".join(
    [
        "22 27 0:21 / /proc rw,relatime - proc proc rw",
        "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard",
        "40 27 0:50 / /mnt/buero rw,relatime shared:7 - cifs //fs01.jobcenter.local/krm rw,vers=3.1.1",
        r"41 40 0:51 / /mnt/buero/lokal\040kopie rw,relatime - ext4 /dev/sdb1 rw",
        "42 27 0:52 / /srv/nfs rw,relatime master:3 - nfs4 nas:/export/krm rw,vers=4.2",
        "43 27 0:53 / /home/bgf/fern rw,nosuid - fuse.sshfs bgf@server:/daten rw,user_id=1000",
        "kaputte zeile",
    ]
)


def test_mountinfo_is_parsed_with_escapes_and_optional_fields() -> None:
    mounts = parse_mountinfo(MOUNTINFO)
    assert [(m.point, m.fstype, m.source) for m in mounts] == [
        ("/proc", "proc", "proc"),
        ("/", "ext4", "/dev/vda"),
        ("/mnt/buero", "cifs", "//fs01.jobcenter.local/krm"),
        ("/mnt/buero/lokal kopie", "ext4", "/dev/sdb1"),
        ("/srv/nfs", "nfs4", "nas:/export/krm"),
        ("/home/bgf/fern", "fuse.sshfs", "bgf@server:/daten"),
    ]


def test_the_longest_mount_point_wins_and_prefixes_match_whole_names() -> None:
    mounts = parse_mountinfo(MOUNTINFO)
    assert mount_of(PurePosixPath("/mnt/buero/krm.sqlite3"), mounts).fstype == "cifs"
    assert mount_of(PurePosixPath("/mnt/buero/lokal kopie/krm.sqlite3"), mounts).fstype == "ext4"
    assert mount_of(PurePosixPath("/mnt/bueroalt/krm.sqlite3"), mounts).point == "/"


@pytest.mark.parametrize(
    ("path", "network", "how", "share"),
    [
        ("/mnt/buero/BGF/krm.sqlite3", True, "cifs", "//fs01.jobcenter.local/krm"),
        ("/srv/nfs/krm.sqlite3", True, "nfs4", "nas:/export/krm"),
        ("/home/bgf/fern/krm.sqlite3", True, "fuse.sshfs", "bgf@server:/daten"),
        ("/mnt/buero/lokal kopie/krm.sqlite3", False, "lokal", ""),
        ("/home/bgf/krm.sqlite3", False, "lokal", ""),
    ],
)
def test_linux_mounts(path: str, network: bool, how: str, share: str) -> None:
    found = locate(path, platform="linux", mounts=parse_mountinfo(MOUNTINFO))
    assert (found.network, found.how, found.share) == (network, how, share)


@pytest.mark.parametrize(
    ("path", "share"),
    [
        (r"\\fs01\krm\BGF\krm.sqlite3", r"\\fs01\krm"),
        ("//fs01/krm/krm.sqlite3", r"\\fs01\krm"),
        (r"\\?\UNC\fs01.jobcenter.local\krm$\krm.sqlite3", r"\\fs01.jobcenter.local\krm$"),
        (r"\\?\C:\Daten\krm.sqlite3", None),
        (r"\\.\C:\krm.sqlite3", None),
        (r"C:\Daten\krm.sqlite3", None),
    ],
)
def test_unc_paths(path: str, share: str | None) -> None:
    assert unc_share(path) == share
    for platform in ("win32", "linux"):
        found = locate(path, platform=platform, mounts=[], drive_type=lambda _root: 3)
        assert found.network == (share is not None)
        if share:
            assert (found.how, found.share) == ("unc", share)


def test_mapped_network_drive_on_windows() -> None:
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return DRIVE_REMOTE if root.upper() == "Z:\\" else 3  # 3: a fixed disk

    mapped = locate(r"z:\KRM\krm.sqlite3", platform="win32", drive_type=drive_type)
    assert (mapped.network, mapped.how, mapped.share) == (True, "netzlaufwerk", "Laufwerk Z:")
    assert not locate(r"C:\Users\bgf\krm.sqlite3", platform="win32", drive_type=drive_type).network
    assert asked == ["z:\\", "C:\\"]


def test_on_this_machine_a_temporary_folder_is_local(tmp_path: Path) -> None:
    assert read_mounts(), "the mount table of this Linux system is readable"
    assert not locate(tmp_path / "krm.sqlite3").network
    assert sys.platform != "win32" or not locate(r"C:\Windows").network


def test_status_bar_text_on_a_network_path(store) -> None:
    mounts = [Mount("/", "ext4", "/dev/vda"), Mount(str(store.path.parent), "cifs", "//fs01/krm")]
    text, tooltip = location_status(store, platform="linux", mounts=mounts)
    assert text == STATUS_NETWORK == "Netzlaufwerk: gemeinsame Datei, nur Rollback-Journal"
    assert "//fs01/krm" in tooltip and "WAL" in tooltip and "PostgreSQL" in tooltip
    assert location_status(store, platform="linux", mounts=[Mount("/", "ext4", "/dev/vda")]) is None


def _journal_mode(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        con.close()


def test_a_database_on_a_network_path_never_runs_in_wal_mode(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    mounts = [Mount("/", "ext4", "/dev/vda"), Mount(str(share), "cifs", "//fs01/krm")]
    path = share / "krm.sqlite3"
    assert locate(path, platform="linux", mounts=mounts).network
    store = make_store(path)
    f.register()
    store.close()
    # Another program (a DB browser, an old tool) switched the file to WAL; WAL sticks in the file's header.
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode = wal").fetchone()[0] == "wal"
    con.close()
    assert _journal_mode(path) == "wal"

    store = open_store(str(path))
    try:
        assert store.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
        f.register()  # a write: still the rollback journal, no -wal file next to the database
        assert location_status(store, platform="linux", mounts=mounts) is not None
        assert store.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        store.close()
    assert _journal_mode(path) == "delete"
    assert not path.with_name(path.name + "-wal").exists()


def test_the_status_check_turns_wal_back_on_an_open_connection(store) -> None:
    """The second guard: should a connection ever be in WAL on a share, the status check switches it back."""
    mounts = [Mount(str(store.path.parent), "nfs", "nas:/krm")]
    assert store.db.execute_sql("PRAGMA journal_mode = wal").fetchone()[0] == "wal"
    location_status(store, platform="linux", mounts=mounts)
    assert store.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
