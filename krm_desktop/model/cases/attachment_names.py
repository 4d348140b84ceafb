"""Attachment file names under Windows' rules: the one list of file types that run code, and the safe base name
a stored name is reduced to before anything is written to disk.

A name in the database cannot be trusted: anyone with the shared file can write `../`, an absolute path, a device
name (`CON`, `NUL.pdf`) or a name ending in a dot or space into it. Windows drops trailing dots and spaces
(`setup.exe.` is `setup.exe`), opens a device for `com1.txt` in any folder, and runs a `.lnk` or `.hta` it is
asked to open. Pure functions; no file is touched here.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

MAX_NAME = 150  # Windows paths end at 260 characters: the name has to fit into a temporary or a chosen folder
FALLBACK = "Anlage"

# File types Windows runs (or lets run code) when asked to open them: refused when added, never opened by the
# program, only saved. One list for the whole program.
RUNS_CODE = frozenset(
    [
        ".exe",
        ".com",
        ".bat",
        ".cmd",
        ".msi",
        ".msp",
        ".mst",
        ".msc",
        ".scr",
        ".pif",
        ".cpl",
        ".dll",
        ".ocx",
        ".sys",
        ".drv",
        ".cab",
        ".js",
        ".jse",
        ".vbs",
        ".vbe",
        ".vb",
        ".wsf",
        ".wsh",
        ".ws",
        ".wsc",
        ".sct",
        ".ps1",
        ".ps1xml",
        ".ps2",
        ".ps2xml",
        ".psc1",
        ".psc2",
        ".psd1",
        ".psm1",
        ".msh",
        ".msh1",
        ".msh2",
        ".mshxml",
        ".msh1xml",
        ".msh2xml",
        ".hta",
        ".chm",
        ".hlp",
        ".lnk",
        ".url",
        ".scf",
        ".reg",
        ".inf",
        ".ins",
        ".isp",
        ".appref-ms",
        ".settingcontent-ms",
        ".library-ms",
        ".search-ms",
        ".searchconnector-ms",
        ".application",
        ".appx",
        ".appxbundle",
        ".msix",
        ".msixbundle",
        ".gadget",
        ".xbap",
        ".jar",
        ".jnlp",
        ".iso",
        ".img",
        ".vhd",
        ".vhdx",
        ".diagcab",
        ".website",
        ".xll",
        ".ade",
        ".adp",
        ".mde",
        ".mda",
        ".accde",
        ".shb",
        ".shs",
        ".sh",
        ".app",
        ".py",
        ".pyw",
        ".pyz",
        ".rb",
        ".pl",
    ]
)
# Device names Windows opens in any folder, with any extension, in any case (COM¹²³ and LPT¹²³ too).
_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]]
)
_FORBIDDEN = frozenset('<>:"/\\|?*')
_DRIVE = re.compile(r"^[A-Za-z]:")
_TRAILING = " ."


def _bad_character(char: str) -> bool:
    # Control characters, and format characters such as the right-to-left override that hides ".exe".
    return char in _FORBIDDEN or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")


def is_device_name(name: str) -> bool:
    """True for CON, nul.pdf, Com1.txt, "LPT1 .eml": Windows would open a device instead of a file."""
    return name.split(".", 1)[0].rstrip(" ").upper() in _DEVICES


def safe_name(stored: str) -> str:
    """The base name a stored attachment name may be written to disk under: no folder part, no drive, no
    character Windows forbids, no device name, no trailing dot or space, at most MAX_NAME characters."""
    name = re.split(r"[/\\]", stored)[-1]
    name = _DRIVE.sub("", name)
    name = "".join("_" if _bad_character(char) else char for char in name)
    name = name.strip(" ").rstrip(_TRAILING)
    if name in ("", ".", ".."):
        return FALLBACK
    if is_device_name(name):
        name = f"_{name}"
    if len(name) > MAX_NAME:
        suffix = PurePath(name).suffix
        suffix = suffix if len(suffix) < 20 else ""
        name = name[: MAX_NAME - len(suffix)].rstrip(_TRAILING) + suffix
    return name


def code_suffix(name: str) -> str | None:
    """The file type (".exe") when Windows would run this name's file, else None."""
    suffix = PurePath(safe_name(name)).suffix.lower()
    return suffix if suffix in RUNS_CODE else None


def runs_code(name: str) -> bool:
    return code_suffix(name) is not None
