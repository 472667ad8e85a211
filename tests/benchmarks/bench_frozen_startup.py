"""Start of the built program (dist/fest-desktop, made by packaging/build.py) next to `python main.py`,
in the same run: process start to the window shown with the demo festival loaded, then quit
(--quit-when-loaded).

"Cold" runs drop the system's file cache first (Linux, as root), as after switching the PC on; when
that is not allowed the figures are of warm starts only and say so. The ratio is frozen / python.

Run: python tests/benchmarks/bench_frozen_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "dist" / "fest-desktop" / ("fest-desktop.exe" if sys.platform == "win32" else "fest-desktop")


def drop_file_cache() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def start_to_quit(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    if not FROZEN.exists():
        print(f"{FROZEN} is missing: build it first with  python packaging/build.py --no-archive")
        return 1
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "festival.db"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(database)], check=True)
        commands = {
            "frozen": [str(FROZEN), "--db", str(database), "--quit-when-loaded"],
            "python": [sys.executable, str(ROOT / "main.py"), "--db", str(database), "--quit-when-loaded"],
        }
        for command in commands.values():
            start_to_quit(command, env)  # the backup at first open is made here, not in a measured run
        cold: dict[str, list[float]] = {name: [] for name in commands}
        warm: dict[str, list[float]] = {name: [] for name in commands}
        can_drop = True
        for _ in range(runs):
            for name, command in commands.items():
                can_drop = drop_file_cache() and can_drop
                cold[name].append(start_to_quit(command, env))
                warm[name].append(start_to_quit(command, env))
    print(f"start to the demo festival shown, then quit (median of {runs}):")
    kinds = [("cold", cold), ("warm", warm)] if can_drop else [("warm", warm)]
    if not can_drop:
        print("  (the file cache could not be dropped here: warm starts only)")
    for kind, times in kinds:
        frozen, python = statistics.median(times["frozen"]), statistics.median(times["python"])
        print(f"  {kind}  built program   {frozen * 1000:7.0f} ms")
        print(f"  {kind}  python main.py  {python * 1000:7.0f} ms")
        print(f"  {kind}  ratio           {frozen / python:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
