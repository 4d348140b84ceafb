"""The command line as a person types it: `run(*args)` gives the exit code, the JSON on stdout and stderr."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from krm_desktop.cli.main import main

Run = Callable[..., tuple[int, Any, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def run_cli(*args: str) -> tuple[int, Any, str]:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse refuses bad usage by exiting
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, (json.loads(out) if out.strip() else None), err

    return run_cli
