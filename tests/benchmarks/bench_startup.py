"""Start-up and roster-import benchmark on the large school, each next to a baseline of the same run.

Prints: time from process start to the main window shown, for the app on the large-school file and for
a bare PySide6 QMainWindow script (ratio; target ≤ 1.5), and to the festival loaded into the window
(the file opened, the heading and the tab on screen filled: the first thing a teacher can use; the
other tabs are built when first shown) against the same baseline (target ≤ 3); and roster import of
the 5,000-student workbook against openpyxl alone reading it in read-only mode (ratio; target ≤ 2).
Run: python tests/benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
print("shown", flush=True)
print("ready", flush=True)
"""

# The real start-up path of main.py, in its own import order; once ui.main_window is loaded, its window
# is told to report when it is shown and when the festival is loaded.
APP_WINDOW = """
import importlib.machinery, sys
sys.path.insert(0, {root!r})

def instrument(module):
    from PySide6.QtWidgets import QApplication
    show, attach = module.MainWindow.show, module.MainWindow.attach
    def show_and_report(self):
        show(self)
        QApplication.processEvents()
        print("shown", flush=True)
    def attach_and_report(self, db, festival):
        attach(self, db, festival)
        QApplication.processEvents()
        print("ready", flush=True)
        QApplication.quit()
    module.MainWindow.show = show_and_report
    module.MainWindow.attach = attach_and_report

class InstrumentMainWindow:
    def find_spec(self, name, path, target=None):
        if name != "ui.main_window":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        execute = spec.loader.exec_module
        spec.loader.exec_module = lambda module: (execute(module), instrument(module))
        return spec

sys.meta_path.insert(0, InstrumentMainWindow())
import main
main.main(["--db", {db!r}])
"""


def time_until_shown(script: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from process start to the window shown, and to the window loaded."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    lines = []
    for expected in ("shown", "ready"):
        line = process.stdout.readline().strip()
        lines.append(time.perf_counter() - started)
        if line != expected:
            raise RuntimeError(f"expected the window to report {expected!r}, got {line!r}")
    process.wait(timeout=60)
    return lines[0], lines[1]


def bench_startup(db_path: Path, runs: int) -> None:
    # Measured as installed: pip and the built program carry compiled bytecode, so the project is
    # compiled once here and the runs may read (and write) .pyc files even where the environment
    # says not to write them.
    compileall.compile_dir(str(ROOT / "fest_desktop"), quiet=1)
    compileall.compile_dir(str(ROOT / "ui"), quiet=1)
    compileall.compile_file(str(ROOT / "main.py"), quiet=1)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"} | {
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")
    }
    app_script = APP_WINDOW.format(root=str(ROOT), db=str(db_path))
    time_until_shown(app_script, env)  # warm the file cache for both
    bare, app_shown, app_ready = [], [], []
    for _ in range(runs):
        bare.append(time_until_shown(BARE_WINDOW, env)[0])
        shown, ready = time_until_shown(app_script, env)
        app_shown.append(shown)
        app_ready.append(ready)
    bare_median = statistics.median(bare)
    shown_median, ready_median = statistics.median(app_shown), statistics.median(app_ready)
    print(f"start-up on the large school (median of {runs}):")
    print(f"  bare PySide6 QMainWindow shown   {bare_median * 1000:7.0f} ms")
    print(f"  科技节 window shown               {shown_median * 1000:7.0f} ms")
    print(f"  ratio                            {shown_median / bare_median:7.2f}   (target ≤ 1.5)")
    print(
        f"  科技节 festival loaded            {ready_median * 1000:7.0f} ms   (ratio {ready_median / bare_median:.2f}; target ≤ 3)"
    )


def bench_roster_import(folder: Path, runs: int) -> None:
    from openpyxl import load_workbook

    from fest_desktop.new_festival.creating import create_festival
    from fest_desktop.storage.database import open_database
    from tests.benchmarks.large_school import STUDENT_COUNT, write_large_roster
    from tests.core.importing import roster_imported

    workbook_path = write_large_roster(folder / "large-roster.xlsx")
    read_times, import_times = [], []
    for run in range(runs):
        started = time.perf_counter()
        workbook = load_workbook(workbook_path, read_only=True, data_only=True)
        rows = sum(1 for sheet in workbook.worksheets for _ in sheet.iter_rows(values_only=True))
        workbook.close()
        read_times.append(time.perf_counter() - started)

        db = open_database(folder / f"import-{run}.db")
        import datetime as dt

        festival = create_festival(
            db, "第十届校园科技节", "大型实验学校", dt.date(2026, 4, 11), dt.date(2026, 5, 11)
        ).value
        started = time.perf_counter()
        preview = roster_imported(db, festival.id, workbook_path)
        import_times.append(time.perf_counter() - started)
        db.close()
        if not preview.ok or len(preview.new_students) != STUDENT_COUNT or rows != STUDENT_COUNT + 1:
            raise RuntimeError(f"import went wrong: {preview.summary()}")
    read_median, import_median = statistics.median(read_times), statistics.median(import_times)
    print(f"roster import of {STUDENT_COUNT} students (median of {runs}):")
    print(f"  openpyxl read-only read    {read_median * 1000:7.0f} ms")
    print(f"  import (read, check, save) {import_median * 1000:7.0f} ms")
    print(f"  ratio                      {import_median / read_median:7.2f}   (target ≤ 2)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from fest_desktop.storage.database import open_database
    from tests.benchmarks.large_school import make_large_school

    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        db_path = folder / "large-school.db"
        db = open_database(db_path)
        make_large_school(db)
        db.close()
        bench_startup(db_path, args.runs)
        bench_roster_import(folder, args.runs)


if __name__ == "__main__":
    main()
