"""Registration on the large school with 3,000 entries: import time against openpyxl's own read of the
file, and the time the entries table takes to filter and search.

Run: python tests/benchmarks/bench_entries.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from fest_desktop.registration.competitions import CompetitionInfo, add_competition, list_competitions
from fest_desktop.registration.presets import MAIN_PRESETS, add_preset
from fest_desktop.school.people import list_students
from fest_desktop.school.structure import list_classes
from fest_desktop.storage.database import Database, open_database
from tests.benchmarks.large_school import make_large_school

ENTRY_COUNT = 3000
# A competition without a quota takes what the presets' quotas leave, so that the file holds 3,000 rows.
OPEN_COMPETITION = CompetitionInfo(0, "科普征文", code_prefix="ZW", subtypes=("征文",))


def set_up_competitions(db: Database, festival_id: int) -> None:
    for preset in MAIN_PRESETS:
        add_preset(db, festival_id, preset.name)
    add_competition(db, festival_id, OPEN_COMPETITION)


def write_entries_workbook(db: Database, festival_id: int, path: Path) -> int:
    """3,000 rows: every class up to each competition's maximum, its board's title, the rest as essays."""
    from openpyxl import Workbook

    competitions = list_competitions(db, festival_id)
    students: dict[int, list[str]] = {}
    for student in list_students(db, festival_id):
        names = students.setdefault(student.class_id, [])
        if student.name not in names:  # a name twice in one class could not be told apart in a file
            names.append(student.name)
    rows: list[list[object]] = []
    classes = list_classes(db, festival_id)
    used: dict[tuple[int, int], int] = {}
    for school_class in classes:
        for competition in competitions:
            if not competition.accepts_level(school_class.level) or competition.name == OPEN_COMPETITION.name:
                continue
            if competition.is_class_competition:
                rows.append([competition.name, "", f"{school_class.name}的板报", "", school_class.name, ""])
                continue
            for _ in range(competition.quota_max or 0):
                team = competition.team_size if competition.participation == "team" else 1
                start = used.get((school_class.id, competition.id), 0)
                authors = students[school_class.id][start : start + team]
                used[(school_class.id, competition.id)] = start + team
                rows.append(
                    [
                        competition.name,
                        "",
                        f"作品{len(rows):04d}",
                        "、".join(authors),
                        school_class.name,
                        "教师001",
                    ]
                )
    position = 0
    while len(rows) < ENTRY_COUNT:
        school_class = classes[position % len(classes)]
        index = position // len(classes)
        rows.append(
            [
                "科普征文",
                "征文",
                f"征文{position:04d}",
                students[school_class.id][index],
                school_class.name,
                "",
            ]
        )
        position += 1
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("作品")
    sheet.append(["比赛项目", "作品类型", "作品题目", "作者", "班级", "指导老师"])
    for row in rows[:ENTRY_COUNT]:
        sheet.append(row)
    workbook.save(path)
    return min(len(rows), ENTRY_COUNT)


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def openpyxl_read(path: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    for sheet in workbook.worksheets:
        for _row in sheet.iter_rows(values_only=True):
            pass
    workbook.close()


def bench_import(folder: Path, template: Path, workbook: Path, count: int, runs: int) -> Path:
    """The import as the command line runs it (read once, then plan and write in one transaction) and
    as the window does (read once and the preview's plan, then, once the teacher confirms, the commit,
    which plans again inside the transaction that writes), each against openpyxl's own read of the
    file measured in the same run."""
    from fest_desktop.registration.entry_files import read_entry_files
    from fest_desktop.registration.entry_import import commit_entry_import, plan_entry_import
    from fest_desktop.school.festivals import current_festival

    Timing = tuple[float, float]  # wall clock, this process's CPU

    def timed(action: Callable[[], object]) -> Timing:
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        return time.perf_counter() - wall, time.process_time() - cpu

    def command_line(db: Database, festival_id: int) -> dict[str, Timing]:
        def run() -> None:
            files = read_entry_files([workbook])
            assert commit_entry_import(db, festival_id, files, allow_late=True).value.ok

        return {"command line: read, check, save": timed(run)}

    def window(db: Database, festival_id: int) -> dict[str, Timing]:
        files = read_entry_files([workbook])  # outside the timing, as openpyxl's read is its baseline
        previewed = []
        preview = timed(
            lambda: previewed.append(plan_entry_import(db, festival_id, read_entry_files([workbook])))
        )
        commit = timed(
            lambda: commit_entry_import(db, festival_id, files, previewed=previewed[0], allow_late=True)
        )
        return {
            "window: read and preview": preview,
            "window: save on 导入": commit,
            "window: both": (preview[0] + commit[0], preview[1] + commit[1]),
        }

    target = folder / "imported.db"

    def imported(flow: Callable[[Database, int], dict[str, Timing]]) -> dict[str, Timing]:
        shutil.copy(template, target)
        db = open_database(target)
        festival = current_festival(db)
        assert festival is not None
        try:
            return flow(db, festival.id)
        finally:
            db.close()

    # Each run measures openpyxl's read and both imports back to back, so that every ratio compares
    # figures taken under the same load of the machine.
    reads: list[Timing] = []
    figures: dict[str, list[Timing]] = {}
    for _ in range(runs):
        reads.append(timed(lambda: openpyxl_read(workbook)))
        for flow in (command_line, window):
            for label, timing in imported(flow).items():
                figures.setdefault(label, []).append(timing)
    print(f"entries import of a {count}-row workbook (median of {runs}, each run against its own read):")
    print(f"  openpyxl read-only read              {statistics.median(w for w, _c in reads) * 1000:7.0f} ms")
    for label, timings in figures.items():
        wall = statistics.median(w for w, _c in timings)
        ratio = statistics.median(w / r for (w, _c), (r, _rc) in zip(timings, reads, strict=True))
        cpu = statistics.median(c / rc for (_w, c), (_r, rc) in zip(timings, reads, strict=True))
        target_note = "   (target ≤ 2)" if label.startswith("command line") else ""
        print(f"  {label:<37}{wall * 1000:7.0f} ms   ratio {ratio:5.2f} (CPU {cpu:4.2f}){target_note}")
    return target


def bench_filter(database: Path, runs: int) -> None:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from fest_desktop.registration.competitions import list_competitions
    from fest_desktop.school.festivals import current_festival
    from ui.operations import Runner
    from ui.registration.tab import EntriesPage

    # The offscreen platform says at every show that it cannot resize windows natively; not news here.
    qInstallMessageHandler(
        lambda _mode, _context, message: None if "plugin does not support" in message else print(message)
    )
    app = QApplication.instance() or QApplication([])
    db = open_database(database)
    festival = current_festival(db)
    assert festival is not None
    page = EntriesPage(db, Runner())
    page.resize(1280, 760)
    page.show_festival(festival.id, list_competitions(db, festival.id))
    page.show()
    app.processEvents()
    total = page.table.model.rowCount()
    some_author = next(e for e in page.table.model.rows() if e.authors).authors[0].name

    def set_competition() -> None:
        page.competition_filter.setCurrentIndex(2)
        app.processEvents()
        page.competition_filter.setCurrentIndex(0)
        app.processEvents()

    def set_class() -> None:
        page.class_filter.setCurrentIndex(5)
        app.processEvents()
        page.class_filter.setCurrentIndex(0)
        app.processEvents()

    def search(text: str) -> Callable[[], None]:
        def run() -> None:
            page.search.setText(text)
            app.processEvents()
            page.search.clear()
            app.processEvents()

        return run

    from fest_desktop.school.pinyin import initial_letters

    initials = "".join(sorted(letters)[0] for letters in initial_letters(some_author))
    print(f"entries table with {total} entries, each figure one filter set and cleared (median of {runs}):")
    for label, action in (
        ("by competition", set_competition),
        ("by class", set_class),
        (f"search 「{some_author[:2]}」", search(some_author[:2])),
        (f"search pinyin {initials}", search(initials)),
        ("search number ZW-0100", search("ZW-0100")),
    ):
        elapsed = median_time(action, runs) / 2  # each run sets the filter and clears it
        print(f"  {label:<30} {elapsed * 1000:7.1f} ms   (target < 50 ms)")
    started = time.perf_counter()
    page.reload()
    app.processEvents()
    print(f"  reload of all {total} entries      {(time.perf_counter() - started) * 1000:7.1f} ms")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        template = folder / "large-school.db"
        db = open_database(template)
        festival = make_large_school(db)
        set_up_competitions(db, festival.id)
        workbook = folder / "entries.xlsx"
        count = write_entries_workbook(db, festival.id, workbook)
        db.close()
        imported = bench_import(folder, template, workbook, count, args.runs)
        bench_filter(imported, args.runs)


if __name__ == "__main__":
    main()
