"""A native crash leaves its trace in the log folder, and the next start knows the program stopped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fest_desktop.storage.crashes import CRASH_LOG_NAME, watch_for_crashes
from tests.conftest import PROJECT_ROOT

CRASHING_WINDOW = """
import faulthandler, sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from fest_desktop.storage.crashes import watch_for_crashes
watch = watch_for_crashes(Path(sys.argv[1]))
print("started", flush=True)
faulthandler._sigsegv()  # what a fault inside Qt does to the process
"""


def test_a_native_crash_is_traced_and_said_at_the_next_start(tmp_path: Path) -> None:
    crashed = subprocess.run(
        [sys.executable, "-c", CRASHING_WINDOW, str(tmp_path), str(PROJECT_ROOT)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert crashed.returncode != 0 and crashed.stdout == "started\n"
    trace = (tmp_path / CRASH_LOG_NAME).read_text(encoding="utf-8")
    assert "Segmentation fault" in trace and "<string>" in trace  # the Python stack of the crash

    watch = watch_for_crashes(tmp_path)
    try:
        assert len(watch.previous) == 1
        assert watch.previous[0].traced and watch.previous[0].crash_log == tmp_path / CRASH_LOG_NAME
    finally:
        watch.close()
    again = watch_for_crashes(tmp_path)  # said once: the next start after a normal close says nothing
    try:
        assert again.previous == ()
    finally:
        again.close()


def test_a_window_killed_without_a_trace_is_still_said_and_a_running_one_is_not(tmp_path: Path) -> None:
    killed = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CRASHING_WINDOW.replace("faulthandler._sigsegv()", "input()"),
            str(tmp_path),
            str(PROJECT_ROOT),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert killed.stdout is not None and killed.stdout.readline() == "started\n"
    running = watch_for_crashes(tmp_path)  # a second window while the first still runs
    try:
        assert running.previous == ()
    finally:
        running.close()
    killed.kill()  # the task manager, or the power
    killed.communicate(timeout=30)
    watch = watch_for_crashes(tmp_path)
    try:
        assert len(watch.previous) == 1 and not watch.previous[0].traced
    finally:
        watch.close()


def test_a_folder_that_cannot_be_written_leaves_the_program_running_untraced(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    watch = watch_for_crashes(blocked)
    assert watch.previous == ()
    watch.close()
