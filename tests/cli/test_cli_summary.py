"""summary from the command line on the demo festival, in real processes: the figures as JSON (the same
the window shows), the 总结报告 and the district list in a saved template's columns."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from fest_desktop.storage.database import open_database
from fest_desktop.summary.figures import summary_figures
from fest_desktop.summary.text import figures_json
from tests.cli.conftest import run
from tests.pdf_checks import fonts, page_text


def test_stats_report_and_district_list(tmp_path: Path) -> None:
    db_path = tmp_path / "demo.db"
    assert run("demo", "--db", db_path).returncode == 0
    printed = run("summary", "stats", "--json", "--db", db_path)
    assert printed.returncode == 0, printed.stderr
    stats = json.loads(printed.stdout)
    db = open_database(db_path)
    from fest_desktop.school.festivals import current_festival

    festival = current_festival(db)
    assert festival is not None
    assert stats == json.loads(json.dumps(figures_json(summary_figures(db, festival.id)), ensure_ascii=False))
    db.close()
    headline = stats["headline"]
    assert headline["entries"] == sum(c["entries"] for c in stats["competitions"])
    assert headline["participants"] == sum(c["participants"] for c in stats["classes"])
    draft = run("summary", "stats", "--db", db_path)
    # The demo's works in 件, its class boards in 期 and its quiz teams in 队, never all as 件.
    units = headline["entries_by_unit"]
    assert set(units) == {"件", "期", "队"} and sum(units.values()) == headline["entries"]
    assert f"收到作品 {units['件']} 件、板报 {units['期']} 期、参赛队 {units['队']} 队" in draft.stdout

    report = tmp_path / "总结.pdf"
    written = run("summary", "report", report, "--db", db_path)
    assert written.returncode == 0, written.stderr
    assert all(fonts(report).values()) and "总结报告" in page_text(report, 0).replace(" ", "")

    saved = run(
        "summary", "template-save", "城南区", "--columns", "序号、作品题目,作者，说明", "--db", db_path
    )
    assert saved.returncode == 0, saved.stderr
    bad = run("summary", "template-save", "城北区", "--columns", "序号,电话", "--db", db_path)
    assert bad.returncode == 2 and "没有「电话」这一列" in bad.stderr
    listing = tmp_path / "上报表.xlsx"
    district = run("summary", "district", listing, "--template", "城南区", "--db", db_path)
    assert district.returncode == 0, district.stderr
    sheet = load_workbook(listing)["推荐作品"]
    assert [c.value for c in sheet[2]] == ["序号", "作品题目", "作者", "说明"]
    assert sheet.max_row - 2 == headline["recommended"]
    missing = run("summary", "district", listing, "--template", "城北区", "--db", db_path)
    assert missing.returncode == 2 and "可选：默认、城南区" in missing.stderr
