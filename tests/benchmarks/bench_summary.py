"""统计与总结 at school scale: 100 classes, 5,000 students, 3,000 entries with results and awards, and
last year's festival of the same size in the same file. Measures the tab shown (figures counted, charts
and tables filled, painted) and the 总结报告 written as PDF and as xlsx.

Run: python tests/benchmarks/bench_summary.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import insert, select

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.registration.kinds import Judging
from fest_desktop.storage.database import Database, open_database
from fest_desktop.storage.model import Attempt, Competition, Entry
from tests.benchmarks.bench_entries import median_time, set_up_competitions, write_entries_workbook
from tests.benchmarks.large_school import make_large_school
from tests.core.importing import entries_imported


def fill_festival(db: Database, folder: Path, name: str, start: dt.date, seed: int) -> int:
    """A large-school festival with 3,000 entries, every measured one given a result, awards given and
    fifty works recommended; returns its id."""
    festival = make_large_school(db, name, start)
    set_up_competitions(db, festival.id)
    workbook = folder / f"{seed}.xlsx"
    write_entries_workbook(db, festival.id, workbook)
    plan = entries_imported(db, festival.id, [workbook], allow_late=True)
    assert plan.ok, plan.problems[:3]
    rng = random.Random(seed)
    with db.session() as session:
        measured = session.scalars(
            select(Competition.id).where(
                Competition.festival_id == festival.id, Competition.judging == Judging.MEASURED
            )
        ).all()
        entry_ids = session.scalars(select(Entry.id).where(Entry.competition_id.in_(measured))).all()
        session.execute(
            insert(Attempt),
            [
                {"entry_id": entry_id, "number": number, "value": round(rng.uniform(5, 30), 2)}
                for entry_id in entry_ids
                for number in (1, 2)
            ],
        )
        for entry in session.scalars(select(Entry).where(Entry.festival_id == festival.id).limit(50)):
            entry.recommended = True
            entry.description = "作品说明：" + entry.title
    assign_awards(db, festival.id)
    return festival.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from fest_desktop.summary.figures import summary_figures
    from fest_desktop.summary.report import write_summary_report
    from ui.operations import Runner
    from ui.summary.tab import SummaryTab

    qInstallMessageHandler(
        lambda _mode, _context, message: None if "plugin does not support" in message else print(message)
    )
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        db = open_database(folder / "summary.db")
        fill_festival(db, folder, "第九届校园科技节", dt.date(2025, 4, 12), 9)
        festival_id = fill_festival(db, folder, "第十届校园科技节", dt.date(2026, 4, 11), 10)
        figures = summary_figures(db, festival_id)
        assert figures.previous is not None
        print(
            f"统计与总结 of {figures.headline.entries} entries, {figures.headline.students} students, "
            f"{len(figures.classes)} classes, {sum(figures.headline.awards.values())} awards, "
            f"last year's festival in the file (median of {runs}):"
        )
        counted = median_time(lambda: summary_figures(db, festival_id), runs)
        print(f"  figures counted                  {counted * 1000:7.0f} ms")

        def counted_on_the_worker(tab: SummaryTab) -> None:
            while tab.runner.busy:
                tab.runner.wait_for_done()
                app.processEvents()

        def show_tab() -> None:
            tab = SummaryTab(db, Runner())
            tab.resize(1280, 700)
            tab.show_festival(festival_id)
            tab.show()
            app.processEvents()
            counted_on_the_worker(tab)
            tab.deleteLater()

        shown = median_time(show_tab, runs)
        print(f"  tab shown (counted, drawn)       {shown * 1000:7.0f} ms   (target < 300 ms)")
        tab = SummaryTab(db, Runner())
        tab.show_festival(festival_id)
        tab.show()
        counted_on_the_worker(tab)
        again = median_time(lambda: (tab.refresh(), counted_on_the_worker(tab)), runs)
        print(f"  tab counted again (刷新)          {again * 1000:7.0f} ms   (target < 300 ms)")
        pdf = median_time(lambda: write_summary_report(db, festival_id, folder / "总结.pdf"), runs)
        print(f"  report written, PDF              {pdf * 1000:7.0f} ms   (target < 2000 ms)")
        xlsx = median_time(lambda: write_summary_report(db, festival_id, folder / "总结.xlsx"), runs)
        print(f"  report written, xlsx             {xlsx * 1000:7.0f} ms   (target < 2000 ms)")
        db.close()


if __name__ == "__main__":
    main()
