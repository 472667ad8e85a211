"""Backups of the large-school file: 100 classes, 5,000 students, 3,000 entries, the boards of 100
classes scored by 12 judges (6,000 scores).

Measures, in one run, next to a plain copy of the same file (the least any backup can cost):
  - an automatic backup (SQLite's online backup into the backups folder, then rotation);
  - the check a restore makes of a file (PRAGMA quick_check, tables, revision);
  - a restore of that backup into the open file (with the backup of the data before it);
  - opening the file, which runs the integrity check.

Run: python tests/benchmarks/bench_backup.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from fest_desktop.storage import backups
from fest_desktop.storage.database import open_database
from tests.benchmarks.bench_entries import set_up_competitions, write_entries_workbook
from tests.benchmarks.bench_scoring import score_boards
from tests.benchmarks.large_school import make_large_school
from tests.core.importing import entries_imported


def timed(action: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def line(label: str, samples: list[float], baseline: list[float] | None = None) -> str:
    median = statistics.median(samples)
    text = f"  {label:<38}{median * 1000:8.1f} ms"
    if baseline is not None:
        text += f"   ratio {median / statistics.median(baseline):5.2f}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.db"
        db = open_database(path, keep_backups=100)
        festival_id = make_large_school(db).id
        set_up_competitions(db, festival_id)
        workbook = Path(folder) / "entries.xlsx"
        write_entries_workbook(db, festival_id, workbook)
        assert entries_imported(db, festival_id, [workbook], allow_late=True).ok
        score_boards(db, festival_id)
        for old in backups.list_backups(path):  # the one the import made
            old.path.unlink()
        db.engine.dispose()  # the WAL checkpointed into the file, as after a day's work
        size = path.stat().st_size
        copy_target = Path(folder) / "plain-copy.db"
        plain = timed(lambda: shutil.copyfile(path, copy_target), runs)
        made = timed(lambda: backups.make_backup(db, backups.MANUAL), runs)
        latest = backups.list_backups(path)[0].path
        checked = timed(lambda: backups.check_backup_file(latest), runs)
        restored = timed(lambda: backups.restore_backup(db, latest), runs)
        db.close()
        opened = timed(lambda: open_database(path).close(), runs)
        print(f"backups of the large-school file ({size / 1024 / 1024:.1f} MB, median of {runs}):")
        print(line("plain file copy (baseline)", plain))
        print(line("automatic backup (online, rotated)", made, plain))
        print(line("check of a backup before restoring", checked, plain))
        print(line("restore (with the backup before it)", restored, plain))
        print(line("open with the integrity check", opened, plain))


if __name__ == "__main__":
    main()
