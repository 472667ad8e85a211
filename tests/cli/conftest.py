"""The CLI run as scripts run it: a real process of main.py, and a festival file made by it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def festival_db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    result = run(
        "festival",
        "create",
        "第十届校园科技节",
        "--school",
        "启明实验学校",
        "--start",
        "2026-04-11",
        "--end",
        "2026-05-11",
        "--theme",
        "探究身边的科学",
        "--db",
        path,
    )
    assert result.returncode == 0, result.stderr
    assert "已创建科技节「启明实验学校第十届校园科技节」" in result.stdout
    return path
