"""A board-inspection day run by the window itself, to show that the program stays up and small.

`--soak MINUTES --soak-report FILE` opens the 现场评分 tab on the boards, the projector board at
1920×1080 and the phones' server, then types a score every second as the desk does and looks at the
统计与总结 now and then, until the minutes are over. The judges' phones are another process
(tests/benchmarks/soak_inspection_day.py), which reads the server's port and the judges' links from
FILE.links.json. The report holds the memory, the Python objects and the board's repaint times; the
built program runs the same, so what is checked is what a school runs.
"""

from __future__ import annotations

import collections
import gc
import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from fest_desktop.files.saving import write_bytes
from ui.main_window import MainWindow
from ui.scoring.grid import BY_JUDGE

BOARD_COMPETITION = "科普板报比赛"
DESK_JUDGES = 5  # the desk types for the competition's first judges; the phones are the others
SUMMARY_EVERY = 60.0  # seconds between two looks at 统计与总结
REPAINT_EVERY = 2.0  # seconds between two timed repaints of the board


@dataclass
class Figures:
    """What the run measured; written to the report as JSON."""

    started: float = field(default_factory=time.monotonic)
    rss: list[tuple[float, int]] = field(default_factory=list)  # (seconds, bytes)
    objects_warm: int = 0
    types_warm: collections.Counter[str] = field(default_factory=collections.Counter)
    repaint_ms: list[float] = field(default_factory=list)
    desk_scores: int = 0
    desk_refused: list[str] = field(default_factory=list)
    summary_looks: int = 0


def _slope(samples: list[tuple[float, int]]) -> float:
    """Bytes per second by least squares: the steady growth, not one sample's noise."""
    if len(samples) < 2:
        return 0.0
    mean_at = statistics.fmean(at for at, _rss in samples)
    mean_rss = statistics.fmean(rss for _at, rss in samples)
    spread = sum((at - mean_at) ** 2 for at, _rss in samples)
    return sum((at - mean_at) * (rss - mean_rss) for at, rss in samples) / spread if spread else 0.0


def _object_types() -> collections.Counter[str]:
    gc.collect()
    return collections.Counter(type(o).__name__ for o in gc.get_objects())


class InspectionDaySoak(QObject):
    """Drives the loaded window through an inspection day for `minutes`, then writes the report and quits."""

    def __init__(self, window: MainWindow, minutes: float, report: Path) -> None:
        super().__init__(window)
        self.window = window
        self.seconds = minutes * 60
        self.report = report
        self.figures = Figures()
        self.process = psutil.Process()
        # Memory is counted from here: the caches filled, the phones' burst taken, every sheet loaded.
        self.warm_after = min(300.0, max(120.0, self.seconds / 5), self.seconds / 2)
        self.cell = 0
        self.last_summary = 0.0
        self.last_repaint = 0.0
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._every_second)

    def start(self) -> None:
        scoring = self.window.show_scoring()
        scoring.select_competition(BOARD_COMPETITION)
        board = scoring.open_leaderboard()
        if board is None:
            raise RuntimeError(f"「{BOARD_COMPETITION}」没有可以显示的排行榜")
        board.resize(1920, 1080)
        panel = scoring.open_phones()
        if panel is None:
            raise RuntimeError("手机评分面板没有打开")
        panel.start_server()
        if not panel.serving:
            raise RuntimeError("手机评分服务没有开启")
        links = [
            {"judge": link.judge_name, "judge_id": link.judge_id, "secret": link.secret}
            for link in panel.links
        ]
        write_bytes(
            self.report.with_name(self.report.name + ".links.json"),
            json.dumps({"port": panel.port.value(), "links": links}, ensure_ascii=False).encode(),
        )
        panel.hide()
        self._sample_memory()
        self.tick.start()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.figures.started

    def _every_second(self) -> None:
        elapsed = self.elapsed
        if not self.figures.objects_warm and elapsed >= self.warm_after:
            self.figures.types_warm = _object_types()
            self.figures.objects_warm = sum(self.figures.types_warm.values())
            self._sample_memory()
        self._type_a_score()
        if elapsed - self.last_repaint >= REPAINT_EVERY:
            self.last_repaint = elapsed
            self._time_repaint()
        if elapsed - self.last_summary >= SUMMARY_EVERY:
            self.last_summary = elapsed
            self._look_at_summary()
        if len(self.figures.rss) < 2 or elapsed - self.figures.rss[-1][0] >= 10:
            self._sample_memory()
        if elapsed >= self.seconds:
            self.tick.stop()
            self._finish()

    def _sample_memory(self) -> None:
        self.figures.rss.append((self.elapsed, self.process.memory_info().rss))

    def _type_a_score(self) -> None:
        """The next cell of a desk judge's sheet, typed as the grid's editor hands it over."""
        scoring = self.window.show_scoring()
        sheet = scoring.sheet
        if sheet is None or not sheet.judges:
            return
        if scoring.grid_model.layout_kind != BY_JUDGE:
            scoring.by_judge.click()
        judge_row = (self.cell // 200) % min(DESK_JUDGES, scoring.chooser.count())
        if scoring.chooser.currentIndex() != judge_row:
            scoring.chooser.setCurrentIndex(judge_row)
            scoring.chooser.activated.emit(judge_row)
        model = scoring.grid_model
        cells = [
            (row, column)
            for row in range(model.rowCount())
            for column in range(model.columnCount())
            if (key := model.key(model.index(row, column))) is not None and key.criterion_id
        ]
        if not cells:
            return
        row, column = cells[self.cell % len(cells)]
        self.cell += 1
        key = model.key(model.index(row, column))
        assert key is not None
        criterion = next(c for c in sheet.competition.criteria if c.id == key.criterion_id)
        value = max(0.0, criterion.max_points - criterion.step * (self.cell % 4))
        if model.setData(model.index(row, column), f"{value:g}"):
            self.figures.desk_scores += 1
        elif scoring.message.text():
            self.figures.desk_refused.append(scoring.message.text())

    def _time_repaint(self) -> None:
        board = self.window.show_scoring().leaderboard
        if board is None:
            return
        began = time.perf_counter()
        board.repaint()
        self.figures.repaint_ms.append((time.perf_counter() - began) * 1000)

    def _look_at_summary(self) -> None:
        summary = self.window.show_summary()
        summary.refresh()
        QApplication.processEvents()
        self.figures.summary_looks += 1
        self.window.show_scoring()

    def _finish(self) -> None:
        figures = self.figures
        types_end = _object_types()
        warm_at, warm_rss = next(
            ((at, rss) for at, rss in figures.rss if at >= self.warm_after), figures.rss[0]
        )
        self._sample_memory()
        end_at, end_rss = figures.rss[-1]
        hours = max(end_at - warm_at, 1.0) / 3600
        steady = [(at, rss) for at, rss in figures.rss if at >= warm_at]
        growth = types_end.copy()
        growth.subtract(figures.types_warm)
        repaints = sorted(figures.repaint_ms)
        report = {
            "survived": True,
            "minutes": round(end_at / 60, 2),
            "rss_start_mb": round(figures.rss[0][1] / 2**20, 1),
            "rss_warm_mb": round(warm_rss / 2**20, 1),
            "rss_end_mb": round(end_rss / 2**20, 1),
            "warm_after_minutes": round(warm_at / 60, 1),
            "rss_growth_mb_per_hour": round(_slope(steady) * 3600 / 2**20, 1),
            "rss_by_minute_mb": [
                round(rss / 2**20, 1) for at, rss in figures.rss if int(at) % 60 < 10 or at == end_at
            ],
            "objects_warm": figures.objects_warm,
            "objects_end": sum(types_end.values()),
            "objects_growth_per_hour": round((sum(types_end.values()) - figures.objects_warm) / hours),
            "objects_growing_most": [[name, count] for name, count in growth.most_common(5) if count > 0],
            "repaint_ms_median": round(statistics.median(repaints), 1) if repaints else None,
            "repaint_ms_p95": round(repaints[int(len(repaints) * 0.95)], 1) if repaints else None,
            "repaints": len(repaints),
            "desk_scores": figures.desk_scores,
            "desk_refused": figures.desk_refused[:5],
            "summary_looks": figures.summary_looks,
        }
        write_bytes(self.report, json.dumps(report, ensure_ascii=False, indent=1).encode())
        scoring = self.window.show_scoring()
        if scoring.phones is not None:
            scoring.phones.stop_server()
        QApplication.quit()
