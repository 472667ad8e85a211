"""A score workbook at district scale: about 7,000 judged rows (36,000 scores) from five judges per
competition on the large school's 3,000 entries, imported whole; the time against openpyxl's own
read-only read of the same file, and how long a station typing a score during the import waits.

Run: python tests/benchmarks/bench_score_import.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from fest_desktop.registration.competitions import list_competitions
from fest_desktop.registration.kinds import Judging
from fest_desktop.school.people import list_teachers
from fest_desktop.scoring.judges import add_judge
from fest_desktop.scoring.sheet import load_sheet
from fest_desktop.storage.database import Database, open_database
from tests.benchmarks.bench_entries import (
    median_time,
    openpyxl_read,
    set_up_competitions,
    write_entries_workbook,
)
from tests.benchmarks.large_school import make_large_school
from tests.core.importing import entries_imported, scores_imported

ROOT = Path(__file__).resolve().parents[2]
JUDGES_PER_COMPETITION = 5
ROW_TARGET = 7000

# Another station types a score every 50 ms until told to stop, and says how long each one took.
OTHER_STATION = """
import select, sys, time
from fest_desktop.errors import FestError
from fest_desktop.scoring.entering import enter_score
from fest_desktop.storage.database import open_database
db = open_database(sys.argv[1])
entry, judge, criterion = (int(part) for part in sys.argv[2:5])
print("ready", flush=True)
number = 0
while not select.select([sys.stdin], [], [], 0.05)[0]:
    started = time.perf_counter()
    try:
        enter_score(db, entry, judge, criterion, number % 2, station="二号机")
        print(f"saved {time.perf_counter() - started:.3f}", flush=True)
    except FestError as exc:
        print(f"refused {time.perf_counter() - started:.3f} {exc.message}", flush=True)
    number += 1
"""


def set_up(db: Database, folder: Path) -> int:
    """The large school's 3,000 entries, five judges on judged competitions until they make about
    7,000 rows; returns the festival."""
    festival = make_large_school(db)
    set_up_competitions(db, festival.id)
    entries = folder / "entries.xlsx"
    write_entries_workbook(db, festival.id, entries)
    plan = entries_imported(db, festival.id, [entries], allow_late=True)
    assert plan.ok, plan.problems[:3]
    teachers = list_teachers(db, festival.id)
    rows = 0
    for competition in list_competitions(db, festival.id):
        if competition.judging != Judging.RUBRIC or rows >= ROW_TARGET:
            continue
        for teacher in teachers[:JUDGES_PER_COMPETITION]:
            add_judge(db, competition.id, teacher.name, teacher_id=teacher.id)
        rows += len(load_sheet(db, competition.id).entries) * JUDGES_PER_COMPETITION
    return festival.id


def write_scores(db: Database, festival_id: int, path: Path) -> tuple[int, int]:
    """Every judge's sheet filled in, as the judges would hand them back; returns (rows, scores)."""
    from openpyxl import Workbook

    rng = random.Random(7)
    workbook = Workbook(write_only=True)
    rows = scores = 0
    for competition in list_competitions(db, festival_id):
        sheet = load_sheet(db, competition.id)
        if competition.judging != Judging.RUBRIC or not sheet.judges:
            continue
        for position, judge in enumerate(sheet.judges, start=1):
            worksheet = workbook.create_sheet(f"{competition.code_prefix}-{position}")
            worksheet.append(
                ["比赛项目", "作品编号", "班级", "评委", *(c.name for c in competition.criteria)]
            )
            for entry in sheet.entries:
                if sheet.blocked(entry, judge):
                    continue
                points = [
                    rng.randint(0, int(c.max_points / c.step)) * c.step if not c.is_deduction else 0
                    for c in competition.criteria
                ]
                worksheet.append([competition.name, entry.code, entry.class_name, judge.name, *points])
                rows += 1
                scores += len(points)
    workbook.save(path)
    return rows, scores


def station_during_import(database: Path, festival_id: int, workbook: Path) -> str:
    """Import while another process types scores into another competition; what that station saw."""

    db = open_database(database)
    judged = [c for c in list_competitions(db, festival_id) if c.judging == Judging.RUBRIC]
    sheet = load_sheet(db, judged[0].id)
    entry, judge, criterion = sheet.entries[0], sheet.judges[0], sheet.competition.criteria[0]
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_STATION, str(database), str(entry.id), str(judge.id), str(criterion.id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert other.stdin is not None and other.stdout is not None
    other.stdout.readline()
    time.sleep(0.3)
    scores_imported(db, festival_id, workbook)
    time.sleep(0.3)
    answers, _ = other.communicate("stop\n")
    db.close()
    waits = [float(line.split()[1]) for line in answers.splitlines()]
    refused = [line for line in answers.splitlines() if line.startswith("refused")]
    text = f"{len(waits)} scores typed, longest wait {max(waits) * 1000:.0f} ms"
    return text + (f", {len(refused)} refused: {refused[0]}" if refused else ", none refused")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        template = folder / "large-school.db"
        db = open_database(template)
        festival_id = set_up(db, folder)
        workbook = folder / "scores.xlsx"
        rows, scores = write_scores(db, festival_id, workbook)
        db.close()

        read = median_time(lambda: openpyxl_read(workbook), args.runs)
        times = []
        target = folder / "imported.db"
        for _ in range(args.runs):
            shutil.copy(template, target)
            db = open_database(target)
            started = time.perf_counter()
            plan = scores_imported(db, festival_id, workbook)
            times.append(time.perf_counter() - started)
            assert plan.ok and plan.new == scores - plan.unchanged, plan.problems[:3]
            db.close()
        imported = statistics.median(times)
        shutil.copy(template, target)
        answer = station_during_import(target, festival_id, workbook)

    print(f"score import of {rows} rows, {scores} scores (median of {args.runs}):")
    print(f"  openpyxl read-only read          {read * 1000:7.0f} ms")
    print(f"  import (read, check, save)       {imported * 1000:7.0f} ms")
    print(f"  ratio                            {imported / read:7.2f}   (target ≤ 3)")
    print(f"  another station typing every 50 ms during the import: {answer}")


if __name__ == "__main__":
    main()
