"""The calendar from the command line: add, list with clashes, and export by the file's extension."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar
from openpyxl import load_workbook

from tests.cli.conftest import run
from tests.pdf_checks import fonts


def test_events_added_listed_with_clashes_and_exported(festival_db: Path, tmp_path: Path) -> None:
    for title, time, place in (("科普讲座", "14:00-15:00", "报告厅"), ("科技影片", "14:30-16:00", "报告厅")):
        result = run(
            "calendar",
            "add",
            title,
            "--date",
            "2026-04-20",
            "--time",
            time,
            "--kind",
            "讲座",
            "--place",
            place,
            "--db",
            festival_db,
        )
        assert result.returncode == 0, result.stderr
    listing = run("calendar", "list", "--db", festival_db)
    assert "冲突：「科普讲座」与「科技影片」同时使用报告厅" in listing.stdout
    rows = json.loads(run("calendar", "list", "--json", "--db", festival_db).stdout)
    assert [(r["title"], r["time"], r["kind"]) for r in rows] == [
        ("科普讲座", "14:00–15:00", "讲座"),
        ("科技影片", "14:30–16:00", "讲座"),
    ]
    for suffix in ("pdf", "xlsx", "ics"):
        path = tmp_path / f"活动安排表.{suffix}"
        result = run("calendar", "export", path, "--db", festival_db)
        assert result.returncode == 0 and "已导出 2 项活动" in result.stdout, result.stderr
    assert all(fonts(tmp_path / "活动安排表.pdf").values())
    assert [
        r[4]  # after 序号, 日期, 星期, 时间
        for r in load_workbook(tmp_path / "活动安排表.xlsx").active.iter_rows(min_row=3, values_only=True)
    ] == ["科普讲座", "科技影片"]
    summaries = [
        str(e["summary"])
        for e in Calendar.from_ical((tmp_path / "活动安排表.ics").read_bytes()).walk("VEVENT")
    ]
    assert summaries == ["科普讲座", "科技影片"]


def test_bad_input_names_what_is_wrong(festival_db: Path, tmp_path: Path) -> None:
    bad_kind = run("calendar", "add", "讲座", "--date", "2026-04-20", "--kind", "跳舞", "--db", festival_db)
    assert bad_kind.returncode == 2 and "活动类别「跳舞」不存在" in bad_kind.stderr
    backwards = run(
        "calendar", "add", "讲座", "--date", "2026-04-20", "--time", "10:00-09:00", "--db", festival_db
    )
    assert backwards.returncode == 2 and "不晚于开始时间" in backwards.stderr
    wrong = run("calendar", "export", tmp_path / "x.docx", "--db", festival_db)
    assert wrong.returncode == 2 and "可导出为 .pdf" in wrong.stderr
