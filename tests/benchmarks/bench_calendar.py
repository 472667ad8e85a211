"""The calendar with 500 events on the large school: the time to rebuild the month view after a
filter change (filter, recompute what is shown, repaint), the agenda's rebuild, and the clash check.

Run: python tests/benchmarks/bench_calendar.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import insert

from fest_desktop.calendar.clashes import find_clashes
from fest_desktop.calendar.kinds import EventKind, read_audience
from fest_desktop.school.festivals import current_festival
from fest_desktop.storage.database import Database, open_database
from fest_desktop.storage.model import Event
from tests.benchmarks.large_school import make_large_school

EVENT_COUNT = 500
PLACES = (
    "报告厅",
    "体育馆",
    "操场",
    "科学室",
    "图书馆",
    "美术室",
    "计算机房",
    "阶梯教室",
    "各班教室",
    "科技馆",
)


def add_events(db: Database, festival_id: int, start: dt.date, days: int) -> None:
    rng = random.Random(5)
    kinds = [kind.value for kind in EventKind]
    rows = []
    for number in range(EVENT_COUNT):
        first = start + dt.timedelta(days=rng.randrange(days))
        timed = rng.random() < 0.8
        hour = rng.randint(8, 16)
        rows.append(
            {
                "festival_id": festival_id,
                "title": f"活动{number:03d}",
                "kind": rng.choice(kinds),
                "start_date": first,
                "end_date": first + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2))),
                "start_time": dt.time(hour) if timed else None,
                "end_time": dt.time(hour + 1) if timed else None,
                "place": rng.choice(PLACES),
                "responsible": f"教师{rng.randrange(150):03d}",
                "audience": read_audience(rng.choice(("", "g:3", "g:7,g:8", "s:小学"))),
                "notes": "",
                "keep_clash": False,
            }
        )
    with db.session() as session:
        session.execute(insert(Event), rows)


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.1f} ms (max {max(samples) * 1000:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs

    from PySide6.QtWidgets import QApplication

    from ui.calendar.tab import AGENDA, MONTH, CalendarTab
    from ui.operations import Runner

    folder = Path(tempfile.mkdtemp())
    try:
        db = open_database(folder / "large.db")
        make_large_school(db)
        festival = current_festival(db)
        assert festival is not None
        add_events(db, festival.id, festival.start_date, (festival.end_date - festival.start_date).days + 1)

        app = QApplication.instance() or QApplication([])
        started = time.perf_counter()
        tab = CalendarTab(db, Runner())
        tab.resize(1280, 760)
        tab.anchor = festival.start_date
        tab.show_festival(festival.id)
        tab.show()
        app.processEvents()
        load = time.perf_counter() - started

        clashes = []
        for _ in range(runs):
            begun = time.perf_counter()
            find_clashes(tab.events, festival, tab.phases)
            clashes.append(time.perf_counter() - begun)

        def filtered(view: int) -> list[float]:
            tab.show_view(view)
            samples = []
            choices = list(range(tab.kind_filter.count()))
            for run in range(runs):
                tab.kind_filter.setCurrentIndex(choices[run % len(choices)])
                begun = time.perf_counter()
                tab.apply_filters()
                tab.views.currentWidget().repaint()
                samples.append(time.perf_counter() - begun)
            return samples

        month = filtered(MONTH)
        agenda = filtered(AGENDA)
        print(
            f"{len(tab.events)} calendar items ({EVENT_COUNT} events) on the large school ({len(tab.clashes)} clashes)"
        )
        print(f"open the tab (load, clashes, side panel, first paint):  {load * 1000:7.1f} ms")
        print(f"clash check of all events:                               {median_ms(clashes)}")
        print(f"filter change → month view rebuilt and repainted:        {median_ms(month)}")
        print(f"filter change → agenda rebuilt and repainted:            {median_ms(agenda)}")
        print("(a visible pause starts at about 100 ms)")
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
