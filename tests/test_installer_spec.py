"""installer.spec without building: it is run with stand-ins for PyInstaller's Analysis, PYZ, EXE and COLLECT."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer.spec"


class _Target:
    """Records what the spec passes; Analysis answers with empty tables like a build that found nothing."""

    made: list[_Target]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.binaries: list[tuple[str, str, str]] = []
        self.datas: list[tuple[str, str, str]] = []
        self.pure: list[tuple[str, str, str]] = []
        self.scripts: list[tuple[str, str, str]] = []
        self.made.append(self)


class _Recorded:
    def __init__(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.name, self.args, self.kwargs = name, args, kwargs

    @classmethod
    def named(cls, name: str) -> Any:
        return lambda *args, **kwargs: cls(name, *args, **kwargs)


def _run_spec(tmp_path: Path, platform: str) -> dict[str, Any]:
    made: list[_Target] = []
    kinds = {name: type(name, (_Target,), {"made": made}) for name in ("Analysis", "PYZ", "EXE", "COLLECT")}
    namespace: dict[str, Any] = {
        "__name__": "__main__",
        "__file__": str(SPEC),
        "SPECPATH": str(ROOT),
        "workpath": str(tmp_path / "build"),
        "DISTPATH": str(tmp_path / "dist"),
        **kinds,
    }
    real = sys.platform
    sys.platform = platform  # the spec decides Windows or not by sys.platform
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        sys.platform = real
    namespace["_made"] = made
    return namespace


def _one(spec: dict[str, Any], kind: str) -> list[Any]:
    return [t for t in spec["_made"] if type(t).__name__ == kind]


@pytest.fixture(scope="module")
def windows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _run_spec(tmp_path_factory.mktemp("win"), "win32")


@pytest.fixture(scope="module")
def linux(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _run_spec(tmp_path_factory.mktemp("linux"), "linux")


def test_name_and_version_come_from_pyproject(windows: dict[str, Any]) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert windows["NAME"] == project["name"] == "krm-desktop"
    assert windows["VERSION"] == project["version"]
    names = [exe.kwargs["name"] for exe in _one(windows, "EXE")]
    assert names == ["krm-desktop", "krm-desktop-cli"]
    assert _one(windows, "COLLECT")[0].kwargs["name"] == "krm-desktop"


def test_version_resource_is_written_at_build_time(windows: dict[str, Any]) -> None:
    version = windows["VERSION"]
    numbers = windows["version_tuple"](version)
    for exe in _one(windows, "EXE"):
        text = Path(exe.kwargs["version"]).read_text(encoding="utf-8")
        assert f"filevers={numbers}" in text
        assert f"StringStruct('ProductVersion', '{version}')" in text
        assert f"StringStruct('OriginalFilename', '{exe.kwargs['name']}.exe')" in text
        # PyInstaller eval()s the file with its version-info classes; stand-ins that keep their arguments will do
        names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo")
        built = eval(text, {name: _Recorded.named(name) for name in (*names, "VarStruct")})
        assert built.name == "VSVersionInfo" and built.kwargs["ffi"].kwargs["filevers"] == numbers
        strings = dict(s.args for s in built.kwargs["kids"][0].args[0][0].args[1])
        assert strings["FileVersion"] == version and strings["InternalName"] == exe.kwargs["name"]
    assert windows["version_tuple"]("1.2rc1") == (1, 2, 0, 0)
    assert windows["version_tuple"]("2.10.3.4.5") == (2, 10, 3, 4)


def test_one_folder_gui_without_console_and_a_console_cli(windows: dict[str, Any], linux: dict[str, Any]) -> None:
    gui, cli = _one(windows, "EXE")
    assert gui.kwargs["console"] is False
    assert cli.kwargs["console"] is True
    for exe in (gui, cli):
        assert exe.kwargs["exclude_binaries"] is True  # onedir: the libraries go to COLLECT, not into the exe
        assert exe.kwargs["upx"] is False
        assert Path(exe.kwargs["icon"]).is_file()
        assert Path(exe.kwargs["icon"]).suffix == ".ico"
    collect = _one(windows, "COLLECT")[0]
    assert collect.kwargs["upx"] is False
    assert gui in collect.args and cli in collect.args
    # elsewhere console changes nothing: one executable, krm-desktop-cli is a link made after COLLECT
    (only,) = _one(linux, "EXE")
    assert only.kwargs["console"] is False and only.kwargs["upx"] is False


def test_unused_modules_are_excluded(windows: dict[str, Any]) -> None:
    excludes = set(_one(windows, "Analysis")[0].kwargs["excludes"])
    for name in ("tkinter", "_tkinter", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtDesigner"):
        assert name in excludes
    for prefix in ("PySide6.QtWebEngine", "PySide6.Qt3D", "PySide6.QtMultimedia"):
        assert any(name.startswith(prefix) for name in excludes), prefix
    used = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtPrintSupport", "PIL", "PIL.Image"}
    assert not used & excludes


def test_resources_and_holiday_data_are_bundled(windows: dict[str, Any]) -> None:
    analysis = _one(windows, "Analysis")[0]
    datas = dict((dest, Path(src)) for src, dest in analysis.kwargs["datas"])
    assert datas["resources"] == ROOT / "resources"
    assert (ROOT / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert any((ROOT / "resources" / "text_blocks").glob("*.json"))
    mo = datas["holidays/locale/de/LC_MESSAGES"]
    assert mo.name == "DE.mo" and mo.is_file()
    hidden = analysis.kwargs["hiddenimports"]
    assert hidden == ["holidays.countries.germany"]  # our own modules are found by the analysis (dist_check)
    assert analysis.args[0] == [str(ROOT / "krm_desktop" / "__main__.py")]


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtbase_fr.qm", False),
        ("PySide6/translations/qt_de.qm", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so", False),
        ("PySide6/plugins/imageformats/qjpeg.dll", True),
        ("PySide6/plugins/imageformats/qtiff.dll", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("resources/fonts/DejaVuSans.ttf", True),
    ],
)
def test_qt_files_kept_or_dropped(windows: dict[str, Any], dest: str, kept: bool) -> None:
    assert windows["keep"](dest) is kept


def test_links_to_dropped_files_go_too(windows: dict[str, Any]) -> None:
    entries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ]
    assert windows["drop_dangling_links"](entries, []) == entries[:2]
