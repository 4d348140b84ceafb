"""A file is written whole or not at all: the earlier file stays when writing fails, no temporary file is left."""

from __future__ import annotations

from pathlib import Path

import pytest

from krm_desktop.model.store.files import replacing, write_file
from tests.file_limit import file_size_limit


def test_a_complete_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "a.jsonl"
    target.write_text("alt\n", encoding="utf-8")
    with replacing(target, text=True, newline="\n") as handle:
        handle.write("neu: Jördis\n")
    assert target.read_bytes() == "neu: Jördis\n".encode()
    write_file(tmp_path / "b.pdf", b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "b.pdf"]


def test_an_error_midway_leaves_the_earlier_file_and_no_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "a.jsonl"
    target.write_text("alt\n", encoding="utf-8")
    with pytest.raises(RuntimeError), replacing(target, text=True) as handle:
        handle.write("halb …")
        raise RuntimeError("the reader failed")
    with file_size_limit(1000), pytest.raises(OSError):
        write_file(target, b"x" * 5000)
    assert target.read_text(encoding="utf-8") == "alt\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.jsonl"]
