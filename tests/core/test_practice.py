"""科普实践: items per festival, each class's checklist ticked in the window or on its sheet (read, planned
before → after, written whole or not at all), progress per item, grade and class, 班级考核 points."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fest_desktop.awards.points import PRACTICE_POINTS, class_points
from fest_desktop.changes import Changed
from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.practice.checklist import Mark, class_checklist, set_marks
from fest_desktop.practice.items import (
    PLAN_ITEMS,
    PracticeItemInfo,
    add_item,
    add_plan_items,
    list_items,
    move_item,
    remove_item,
    update_item,
)
from fest_desktop.practice.progress import practice_progress, progress_json
from fest_desktop.practice.sheet import (
    commit_practice_import,
    plan_practice_import,
    read_practice_file,
    write_practice_sheets,
)
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import StudentInfo, save_student
from fest_desktop.storage.backups import list_backups
from fest_desktop.storage.database import Database
from tests.conftest import write_workbook
from tests.core.school_fixture import SmallSchool, make_small_school

DAY = dt.date(2026, 4, 20)


@pytest.fixture
def school(db: Database, festival: FestivalInfo) -> SmallSchool:
    made = make_small_school(db, festival)
    add_plan_items(db, festival.id)
    return made


def item_ids(db: Database, festival_id: int) -> dict[str, int]:
    return {i.name: i.id for i in list_items(db, festival_id)}


def test_the_plans_items_are_added_once_and_edited(db: Database, school: SmallSchool) -> None:
    assert [i.name for i in list_items(db, school.festival_id)] == list(PLAN_ITEMS)
    assert add_plan_items(db, school.festival_id).changes == Changed.NOTHING  # all there already
    visit = next(i for i in list_items(db, school.festival_id) if i.name.startswith("参观"))
    saved = update_item(db, dataclasses.replace(visit, name=" 参观科技馆 ", levels=(3, 4, 5), points=2)).value
    assert (saved.name, saved.levels_text, saved.points) == ("参观科技馆", "三年级至五年级", 2.0)
    with pytest.raises(ValidationError, match="已经有名为「看一部科普影片」的实践项目"):
        add_item(db, school.festival_id, PracticeItemInfo(0, "看一部科普影片"))
    with pytest.raises(ValidationError, match=r"实践项目名称「.*」太长：最多 50 个字"):
        add_item(db, school.festival_id, PracticeItemInfo(0, "长" * 51))
    with pytest.raises(ValidationError, match="年级 13 不存在"):
        add_item(db, school.festival_id, PracticeItemInfo(0, "种一盆植物", (13,)))
    with pytest.raises(ValidationError, match="班级考核分应在 0 到 100 之间"):
        add_item(db, school.festival_id, PracticeItemInfo(0, "种一盆植物", points=1e400))
    moved = move_item(db, saved.id, -10).value
    assert moved[0].name == "参观科技馆"


def test_a_class_ticks_its_pupils_for_the_items_of_its_grade(db: Database, school: SmallSchool) -> None:
    ids = item_ids(db, school.festival_id)
    visit = next(i for i in list_items(db, school.festival_id) if i.name.startswith("参观"))
    update_item(db, dataclasses.replace(visit, levels=(3,)))
    first_grade = class_checklist(db, school.class_ids["一年级(1)班"])
    assert visit.id not in {i.id for i in first_grade.items}  # 一年级 does not visit
    third = school.class_ids["三年级(1)班"]
    column = [
        Mark(school.student_ids[name], ids["看一部科普影片"], True) for name in ("张子涵", "李梓轩", "王一诺")
    ]
    done = set_marks(db, third, column, today=DAY)
    assert done.changes == Changed.PRACTICE
    assert done.value.done_count(ids["看一部科普影片"]) == 3
    # Ticking again changes nothing; unticking one leaves the others.
    set_marks(db, third, column, today=DAY)
    after = set_marks(db, third, [Mark(school.student_ids["李梓轩"], ids["看一部科普影片"], False)]).value
    assert after.done_count(ids["看一部科普影片"]) == 2
    # A pupil of another class, or an item the grade does not do: refused, and nothing written.
    with pytest.raises(ValidationError, match="所选学生已不在三年级\\(1\\)班"):
        set_marks(
            db,
            third,
            [
                Mark(school.student_ids["曾浩然"], ids["看一部科普影片"], True),
                Mark(school.student_ids["刘欣怡"], ids["看一部科普影片"], True),
            ],
        )
    with pytest.raises(ValidationError, match="所在年级不做这个实践项目"):
        set_marks(db, school.class_ids["一年级(1)班"], [Mark(school.student_ids["吴可馨"], visit.id, True)])
    assert class_checklist(db, third).done_count(ids["看一部科普影片"]) == 2


def test_progress_per_item_grade_and_class_and_the_points_it_earns(db: Database, school: SmallSchool) -> None:
    ids = item_ids(db, school.festival_id)
    book = ids["读一本科普读物并写读后感"]
    update_item(
        db, dataclasses.replace(next(i for i in list_items(db, school.festival_id) if i.id == book), points=4)
    )
    third = school.class_ids["三年级(1)班"]
    set_marks(db, third, [Mark(school.student_ids[n], book, True) for n in ("张子涵", "李梓轩", "王一诺")])
    progress = practice_progress(db, school.festival_id)
    by_class = {c.class_name: c for c in progress.classes}
    assert (
        by_class["三年级(1)班"].items["读一本科普读物并写读后感"].done,
        by_class["三年级(1)班"].pupils,
    ) == (3, 6)
    grades = {g.grade: g for g in progress.grades}
    assert grades["三年级"].items["读一本科普读物并写读后感"].text == "3/10（30%）"
    item = next(i for i in progress.items if i.name == "读一本科普读物并写读后感")
    assert (item.tally.done, item.tally.of) == (3, 12)
    as_json = progress_json(progress)
    assert as_json["items"][0] == {
        "name": "读一本科普读物并写读后感",
        "grades": "全校",
        "points": 4.0,
        "done": 3,
        "of": 12,
        "share": 0.25,
    }
    # Half the class has read its book: half the item's 4 points, in the 班级考核 table and its total.
    points = {row.class_name: row for row in class_points(db, school.festival_id)}
    assert points["三年级(1)班"].points == {PRACTICE_POINTS: 2.0}
    assert points["三年级(1)班"].total == 2.0 and points["三年级(2)班"].total == 0


def test_removing_an_item_takes_its_marks_after_a_backup(db: Database, school: SmallSchool) -> None:
    ids = item_ids(db, school.festival_id)
    set_marks(
        db, school.class_ids["一年级(1)班"], [Mark(school.student_ids["吴可馨"], ids["看一部科普影片"], True)]
    )
    assert remove_item(db, ids["看一部科普影片"]).value == "看一部科普影片"
    if db.is_file:  # a server's backups are its administrator's business
        assert [b.reason for b in list_backups(Path(db.location))] == ["删除实践项目前"]
    assert "看一部科普影片" not in item_ids(db, school.festival_id)
    with pytest.raises(NotFoundError):
        remove_item(db, ids["看一部科普影片"])


def test_the_class_sheet_goes_out_and_comes_back_with_changes_shown_before_after(
    db: Database, school: SmallSchool, tmp_path: Path
) -> None:
    ids = item_ids(db, school.festival_id)
    third = school.class_ids["三年级(1)班"]
    set_marks(db, third, [Mark(school.student_ids["张子涵"], ids["看一部科普影片"], True)])
    path = tmp_path / "三年级(1)班-科普实践.xlsx"
    assert write_practice_sheets(db, school.festival_id, [third], path) == 6
    sheet = load_workbook(path)["三年级(1)班"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:2] == ("班级", "三年级(1)班")
    assert rows[3][:4] == ("序号", "学号", "姓名", "读一本科普读物并写读后感")
    header = list(rows[3])
    zhang = next(r for r in rows if r[2] == "张子涵")
    assert zhang[header.index("看一部科普影片")] == "✓"
    # The 班主任 ticks in Excel the ways teachers do: ✓, 是, 1; and unticks 张子涵's film.
    sheet.cell(row=5 + 0, column=4).value = "是"
    for row in range(5, 11):
        if sheet.cell(row=row, column=3).value == "张子涵":
            sheet.cell(row=row, column=header.index("看一部科普影片") + 1).value = None
        if sheet.cell(row=row, column=3).value == "李梓轩":
            sheet.cell(row=row, column=header.index("讲一位科学家的故事") + 1).value = 1
    sheet.parent.save(path)
    read = read_practice_file(path)
    plan = plan_practice_import(db, school.festival_id, read)
    assert plan.ok, plan.problems
    changes = {(c.pupil, c.item): (c.before_text, c.after_text) for c in plan.changes}
    first_pupil = rows[4][2]
    assert changes == {
        (first_pupil, "读一本科普读物并写读后感"): ("未完成", "✓"),
        ("张子涵", "看一部科普影片"): ("✓", "未完成"),
        ("李梓轩", "讲一位科学家的故事"): ("未完成", "✓"),
    }
    assert class_checklist(db, third).done_count(ids["看一部科普影片"]) == 1  # the preview wrote nothing
    done = commit_practice_import(db, school.festival_id, read)
    assert done.changes == Changed.PRACTICE
    checklist = class_checklist(db, third)
    assert checklist.done_count(ids["看一部科普影片"]) == 0
    assert checklist.done_count(ids["讲一位科学家的故事"]) == 1
    # The same file again changes nothing.
    again = commit_practice_import(db, school.festival_id, read_practice_file(path)).value
    assert (again.changes, again.unchanged) == ([], 30)


def test_a_sheet_with_any_problem_is_refused_whole(db: Database, school: SmallSchool, tmp_path: Path) -> None:
    ids = item_ids(db, school.festival_id)
    path = write_workbook(
        tmp_path / "实践表.xlsx",
        {
            "三年级(1)班": [
                ["班级", "三年级(1)班"],
                ["序号", "学号", "姓名", "看一部科普影片", "种一盆植物"],
                [1, "", "张子涵", "✓", ""],
                [2, "", "李梓轩", "做了一半", ""],
                [3, "", "刘欣怡", "✓", ""],
                [4, "", "张子涵", "", ""],
                [5, "", "王一诺", "", "✓"],
            ],
            "Sheet2": [["班级：四年级(9)班"], ["姓名", "看一部科普影片"], ["某某", "✓"]],
        },
    )
    plan = plan_practice_import(db, school.festival_id, read_practice_file(path))
    problems = sorted(str(p) for p in plan.problems)
    assert problems == sorted(
        [
            "工作表「三年级(1)班」第2行「种一盆植物」列：没有实践项目「种一盆植物」（三年级(1)班要做的：读一本科普读物并写读后感、看一部科普影片、讲一位科学家的故事、参观一处科普教育基地、写一篇科普小征文）",
            "工作表「三年级(1)班」第4行「看一部科普影片」列：「做了一半」看不懂：完成填 ✓（或“是”、1），没完成留空",
            "工作表「三年级(1)班」第5行「姓名」列：三年级(1)班的花名册中没有学生「刘欣怡」",
            "工作表「三年级(1)班」第6行「姓名」列：「张子涵」在第3行已经有了，重复了",
            "工作表「Sheet2」「班级」列：班级「四年级(9)班」不在本届科技节的班级中",
        ]
    )
    assert class_checklist(db, school.class_ids["三年级(1)班"]).done_count(ids["看一部科普影片"]) == 0


def test_twins_are_told_apart_by_their_student_number(
    db: Database, school: SmallSchool, tmp_path: Path
) -> None:
    ids = item_ids(db, school.festival_id)
    third = school.class_ids["三年级(1)班"]
    for number in ("2018001", "2018002"):
        save_student(db, school.festival_id, StudentInfo(0, third, "陈思", student_number=number))
    path = write_workbook(
        tmp_path / "双胞胎.xlsx",
        {"三年级(1)班": [["班级", "三年级(1)班"], ["学号", "姓名", "看一部科普影片"], ["", "陈思", "✓"]]},
    )
    plan = plan_practice_import(db, school.festival_id, read_practice_file(path))
    assert [p.reason for p in plan.problems] == ["三年级(1)班有 2 名学生叫「陈思」，请填学号"]
    path = write_workbook(
        tmp_path / "双胞胎.xlsx",
        {
            "三年级(1)班": [
                ["班级", "三年级(1)班"],
                ["学号", "姓名", "看一部科普影片"],
                ["2018002", "陈思", "✓"],
                ["2018001", "张子涵", ""],
            ]
        },
    )
    plan = plan_practice_import(db, school.festival_id, read_practice_file(path))
    assert [p.reason for p in plan.problems] == ["学号 2018001 是「陈思」的，不是「张子涵」"]
    path = write_workbook(
        tmp_path / "双胞胎.xlsx",
        {
            "三年级(1)班": [
                ["班级", "三年级(1)班"],
                ["学号", "姓名", "看一部科普影片"],
                ["2018002", "陈思", "✓"],
            ]
        },
    )
    commit_practice_import(db, school.festival_id, read_practice_file(path))
    done = [p.student_number for p in class_checklist(db, third).pupils if ids["看一部科普影片"] in p.done]
    assert done == ["2018002"]


def test_a_new_year_starts_with_last_years_items_but_no_marks(db: Database, school: SmallSchool) -> None:
    ids = item_ids(db, school.festival_id)
    set_marks(
        db, school.class_ids["一年级(1)班"], [Mark(school.student_ids["吴可馨"], ids["看一部科普影片"], True)]
    )
    nextyear = create_festival(
        db,
        "第十一届校园科技节",
        "启明实验学校",
        dt.date(2027, 4, 10),
        dt.date(2027, 5, 10),
        copy_setup_from=school.festival_id,
    ).value
    copied = list_items(db, nextyear.id)
    assert [i.name for i in copied] == list(PLAN_ITEMS)
    assert all(i.marks == 0 for i in copied)
