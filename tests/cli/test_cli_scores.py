"""Judges, score sheets and results from the command line, in real processes."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from tests.cli.conftest import run
from tests.conftest import write_workbook
from tests.pdf_checks import fonts, page_count


def board_db(festival_db: Path, tmp_path: Path) -> Path:
    roster = write_workbook(
        tmp_path / "roster.xlsx",
        {
            "花名册": [
                ("班级", "姓名"),
                ("三年级(1)班", "张子涵"),
                ("三年级(2)班", "刘欣怡"),
                ("四年级(1)班", "王一诺"),
            ]
        },
    )
    for command in (
        ("roster", "import", roster),
        ("competitions", "add", "科普板报比赛"),
        ("judges", "add", "王老师", "李老师", "陈老师", "--competition", "板报"),
    ):
        result = run(*command, "--db", festival_db)
        assert result.returncode == 0, result.stderr
    return festival_db


def test_sheets_filled_in_import_back_and_give_results(festival_db: Path, tmp_path: Path) -> None:
    db = board_db(festival_db, tmp_path)
    pdf, xlsx = tmp_path / "sheets.pdf", tmp_path / "sheets.xlsx"
    assert run("scores", "sheets", pdf, "--competition", "板报", "--db", db).returncode == 0
    assert page_count(pdf) == 3 and all(fonts(pdf).values())
    result = run("scores", "sheets", xlsx, "--competition", "板报", "--db", db)
    assert result.returncode == 0 and "3 位评委的评分表" in result.stdout

    workbook = load_workbook(xlsx)
    points = {"三年级(1)班": (18, 27, 17, 13, 12), "三年级(2)班": (16, 25, 18, 12, 13)}
    for judge in ("王老师", "李老师", "陈老师"):
        for row in workbook[judge].iter_rows(min_row=3):
            for cell, value in zip(row[5:10], points.get(str(row[2].value), ()), strict=False):
                cell.value = value
    workbook.save(xlsx)

    dry = run("scores", "import", xlsx, "--dry-run", "--db", db)
    assert dry.returncode == 0, dry.stderr
    assert "检查通过（试运行，未写入）：新录入 30 个分数" in dry.stdout
    assert json.loads(run("results", "--json", "--db", db).stdout)[0]["final"] is None

    assert run("scores", "import", xlsx, "--db", db).returncode == 0
    results = json.loads(run("results", "--competition", "板报", "--json", "--db", db).stdout)
    assert [(r["class"], r["rank"], r["final"], r["complete"]) for r in results] == [
        ("三年级(1)班", 1, 87.0, True),
        ("三年级(2)班", 2, 84.0, True),
        ("四年级(1)班", None, None, False),
    ]
    assert set(results[0]) >= {
        "competition",
        "group",
        "rank",
        "code",
        "class",
        "title",
        "authors",
        "judges",
        "final",
        "complete",
    }
    assert results[0]["group"] == "小学" and len(results[0]["judges"]) == 3
    text = run("results", "--db", db).stdout
    assert "第1名" in text and "87.00" in text and "（未评完）" in text


def test_a_bad_score_sheet_names_sheet_row_and_reason(festival_db: Path, tmp_path: Path) -> None:
    db = board_db(festival_db, tmp_path)
    path = write_workbook(
        tmp_path / "bad.xlsx",
        {
            "评分": [
                ("比赛项目", "班级", "评委", "主题突出", "内容科学", "版面设计", "书写美观", "创新特色"),
                ("科普板报比赛", "三年级(1)班", "王老师", 18, 27, 17, 13, 12),
                ("科普板报比赛", "三年级(2)班", "孙教授", 18, 27, 17, 13, 12),
            ]
        },
    )
    result = run("scores", "import", path, "--db", db)
    assert result.returncode == 2
    assert "工作表「评分」第3行「评委」列：「孙教授」不在「科普板报比赛」的评委组中" in result.stderr
    assert "未导入任何分数" in result.stderr
    assert json.loads(run("results", "--json", "--db", db).stdout)[0]["final"] is None
    added = run("scores", "import", path, "--add-judges", "--db", db)
    assert added.returncode == 0 and "新增评委 孙教授" in added.stdout


def test_results_of_an_unknown_competition_list_the_choices(festival_db: Path, tmp_path: Path) -> None:
    db = board_db(festival_db, tmp_path)
    result = run("results", "--competition", "跳绳", "--db", db)
    assert result.returncode == 2 and "可选：科普板报比赛" in result.stderr
