"""Competitions, entries and labels from the command line, in real processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fest_desktop.registration.entries import list_entries
from fest_desktop.school.festivals import current_festival
from fest_desktop.storage.backups import list_backups
from fest_desktop.storage.database import open_database
from tests.cli.conftest import run
from tests.conftest import write_workbook
from tests.pdf_checks import fonts, page_count


@pytest.fixture
def school_db(festival_db: Path, tmp_path: Path) -> Path:
    roster = write_workbook(
        tmp_path / "roster.xlsx",
        {
            "花名册": [
                ("班级", "姓名", "年龄"),
                ("三年级(1)班", "张子涵", 9),
                ("三年级(1)班", "李梓轩", 9),
                ("三年级(2)班", "刘欣怡", 9),
            ]
        },
    )
    assert run("roster", "import", roster, "--db", festival_db).returncode == 0
    return festival_db


def test_presets_are_listed_without_a_database() -> None:
    result = run("competitions", "presets")
    assert result.returncode == 0, result.stderr
    assert "科技创新小制作与小发明　个人，可与家长合作　每班 3–5 件" in result.stdout
    assert "评分项：科技含量 25 分、创新性 25 分、实用性 25 分、美观性 25 分" in result.stdout


def test_add_presets_and_list_them_as_json(school_db: Path) -> None:
    board = run("competitions", "add", "科普板报比赛", "--db", school_db)
    assert board.returncode == 0, board.stderr
    assert "已为 2 个班建立作品" in board.stdout
    assert run("competitions", "add", "科技创新绘画比赛", "--db", school_db).returncode == 0
    listing = run("competitions", "list", "--db", school_db, "--json")
    assert listing.returncode == 0, listing.stderr
    data = json.loads(listing.stdout)
    assert [c["name"] for c in data] == ["科普板报比赛", "科技创新绘画比赛"]
    paint = data[1]
    assert paint["kind"] == "individual" and paint["quota"] == {"min": 2, "max": 3, "text": "每班 2–3 件"}
    assert (
        paint["deadline"] == "2026-04-30" and paint["judging"] == "rubric" and paint["works_per_student"] == 1
    )
    assert paint["criteria"][0] == {"name": "想象力", "kind": "score", "max": 25.0, "step": 1.0}
    assert data[0]["entries"] == 2 and data[0]["kind"] == "class"
    deductions = [c for c in data[0]["criteria"] if c["kind"] == "deduction"]
    assert deductions and all(c["name"] in {"刊头超过版面1/4", "错别字", "逾期未完成"} for c in deductions)


def test_an_unknown_preset_is_refused_with_the_choices(school_db: Path) -> None:
    result = run("competitions", "add", "跳绳", "--db", school_db)
    assert result.returncode == 2
    assert "没有名为「跳绳」的预设比赛项目" in result.stderr and "手抛飞机" in result.stderr


def test_forms_import_export_and_labels(school_db: Path, tmp_path: Path) -> None:
    assert run("competitions", "add", "科技创新绘画比赛", "--db", school_db).returncode == 0
    forms = run("entries", "forms", tmp_path / "forms", "--db", school_db)
    assert forms.returncode == 0, forms.stderr
    assert "已为 2 个班生成报名表" in forms.stdout
    form = tmp_path / "forms" / "三年级(1)班-作品报名表.xlsx"
    workbook = load_workbook(form)
    sheet = workbook["报名表"]
    header = next(c.row for c in sheet["A"] if c.value == "作品编号")
    sheet.cell(header + 1, 2, "科技创新绘画比赛")
    sheet.cell(header + 1, 4, "未来城市")
    sheet.cell(header + 1, 5, "张子涵")
    workbook.save(form)

    dry = run("entries", "import", form, "--dry-run", "--allow-late", "--db", school_db)
    assert dry.returncode == 0, dry.stderr
    assert "检查通过（试运行，未写入）：新作品 1 件" in dry.stdout
    assert "提醒：三年级(1)班「科技创新绘画比赛」导入后共 1 件，少于名额（每班 2–3 件）" in dry.stdout
    db = open_database(school_db)
    festival = current_festival(db)
    assert festival is not None and list_entries(db, festival.id) == []

    done = run("entries", "import", form, "--allow-late", "--db", school_db)
    assert done.returncode == 0, done.stderr
    assert next(b.reason for b in list_backups(school_db)) == "导入报名表前"
    [entry] = list_entries(db, festival.id)
    assert (entry.code, entry.title, entry.author_names) == ("HH-0001", "未来城市", "张子涵")

    # The forms sent out again list the work with its number: a corrected title is a change of it, a
    # new row a new work, and the dry run lists both before anything is written.
    assert run("entries", "forms", tmp_path / "again", "--db", school_db).returncode == 0
    form = tmp_path / "again" / "三年级(1)班-作品报名表.xlsx"
    workbook = load_workbook(form)
    sheet = workbook["报名表"]
    assert [c.value for c in sheet[header + 1]][:5] == [
        "HH-0001",
        "科技创新绘画比赛",
        None,
        "未来城市",
        "张子涵",
    ]
    sheet.cell(header + 1, 4, "未来之城")
    for column, value in ((2, "科技创新绘画比赛"), (4, "月球基地"), (5, "李梓轩")):
        sheet.cell(header + 2, column, value)
    workbook.save(form)
    second = run("entries", "import", form, "--dry-run", "--allow-late", "--db", school_db)
    assert second.returncode == 0, second.stderr
    assert "修改（1）：\n  「三年级(1)班-作品报名表.xlsx」工作表「报名表」" in second.stdout
    assert "HH-0001 科技创新绘画比赛 「未来城市」 张子涵　作品题目：未来城市 → 未来之城" in second.stdout
    assert "新增（1）：" in second.stdout and "「月球基地」 李梓轩" in second.stdout
    assert [e.title for e in list_entries(db, festival.id)] == ["未来城市"]

    register = run("entries", "export", tmp_path / "register.xlsx", "--db", school_db)
    assert register.returncode == 0 and "已把 1 件作品的分类造册导出" in register.stdout
    labels = run("labels", tmp_path / "labels.pdf", "--class", "三年级(1)班", "--db", school_db)
    assert labels.returncode == 0, labels.stderr
    assert page_count(tmp_path / "labels.pdf") == 1 and all(fonts(tmp_path / "labels.pdf").values())
    db.close()


def test_a_bad_entries_file_exits_2_naming_the_rows(school_db: Path, tmp_path: Path) -> None:
    assert run("competitions", "add", "科技创新绘画比赛", "--db", school_db).returncode == 0
    bad = write_workbook(
        tmp_path / "bad.xlsx",
        {
            "作品": [
                ("比赛项目", "作品题目", "作者", "班级"),
                ("科技创新绘画比赛", "画", "王五", "三年级(1)班"),
                ("跳绳", "", "张子涵", "三年级(1)班"),
            ]
        },
    )
    result = run("entries", "import", bad, "--db", school_db)
    assert result.returncode == 2
    assert "「bad.xlsx」工作表「作品」第2行「作者」列：花名册中没有学生「王五」" in result.stderr
    assert "第3行「比赛项目」列：本届科技节没有比赛项目「跳绳」" in result.stderr
    assert "2 处问题，未导入任何作品" in result.stderr
    not_a_workbook = tmp_path / "x.xlsx"
    not_a_workbook.write_text("hello")
    refused = run("entries", "import", not_a_workbook, "--db", school_db)
    assert (
        refused.returncode == 2
        and "不是 Excel 工作簿" in refused.stderr
        and "Traceback" not in refused.stderr
    )


def test_a_dry_run_with_a_refused_row_still_lists_what_the_others_would_do(
    school_db: Path, tmp_path: Path
) -> None:
    assert run("competitions", "add", "科技创新绘画比赛", "--db", school_db).returncode == 0
    form = write_workbook(
        tmp_path / "form.xlsx",
        {
            "作品": [
                ("比赛项目", "作品题目", "作者", "班级"),
                ("科技创新绘画比赛", "未来城市", "张子涵", "三年级(1)班"),
                ("科技创新绘画比赛", "画", "王五", "三年级(1)班"),
            ]
        },
    )
    tried = run("entries", "import", form, "--dry-run", "--allow-late", "--db", school_db)
    assert tried.returncode == 2
    assert "新增（1）：" in tried.stdout and "「未来城市」 张子涵" in tried.stdout
    assert "第3行「作者」列：花名册中没有学生「王五」" in tried.stderr and "未导入任何作品" in tried.stderr
    refused = run("entries", "import", form, "--allow-late", "--db", school_db)
    assert refused.returncode == 2 and "新增" not in refused.stdout and "王五" in refused.stderr
    db = open_database(school_db)
    festival = current_festival(db)
    assert festival is not None and list_entries(db, festival.id) == []
    db.close()


def test_a_late_import_needs_the_flag(school_db: Path, tmp_path: Path) -> None:
    assert run("competitions", "add", "科技创新绘画比赛", "--db", school_db).returncode == 0
    late = write_workbook(
        tmp_path / "late.xlsx",
        {"作品": [("比赛项目", "作者", "班级"), ("科技创新绘画比赛", "刘欣怡", "三年级(2)班")]},
    )
    # The festival ended in May 2026; today is later, so its deadline has passed.
    result = run("entries", "import", late, "--db", school_db)
    assert result.returncode == 2 and "已过截止日期" in result.stderr
    assert run("entries", "import", late, "--allow-late", "--db", school_db).returncode == 0
