"""Roster import and export: real-world layouts, every kind of bad workbook, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fest_desktop.files.workbooks import ImportRefused, WorkbookFileError
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import list_students
from fest_desktop.school.roster import commit_roster_import, plan_roster_import
from fest_desktop.school.roster_files import export_roster, read_roster
from fest_desktop.school.structure import list_classes, list_grades
from fest_desktop.storage.database import Database
from fest_desktop.storage.kinds import RowOutcome
from tests.conftest import write_workbook
from tests.core.importing import roster_imported

HEADER = ["学部", "年级", "班级", "姓名", "性别", "学号", "出生日期", "年龄"]


def class_counts(db: Database, festival_id: int) -> dict[str, int]:
    return {c.name: c.student_count for c in list_classes(db, festival_id)}


def test_a_roster_with_real_world_variants_imports(
    tmp_path: Path, db: Database, festival: FestivalInfo
) -> None:
    path = write_workbook(
        tmp_path / "roster.xlsx",
        {
            "全校": [
                ["启明实验学校2026学年学生花名册"],
                [],
                ["年 级", "班级名称", "学生姓名", "性别", "学籍号", "出生年月", "年龄（岁）"],
                ["三年级", "三年级(2)班", "张小明", "男", 2023001, dt.datetime(2017, 3, 2), 9],
                ["三年级", "三（2）班", "李 华", "女", "2023002", "2017年5月1日", "9岁"],
                ["3年级", "3年级1班", "王芳", "女", "", "2017/6/30", ""],
                ["初一", "初一(3)班", "赵强", "男", "2020001", "20130912", 12],
                ["高二", "高二3班", "钱多多", "", "", "", ""],
                ["", "", "", "", "", "", ""],
            ]
        },
    )
    preview = roster_imported(db, festival.id, path)
    assert preview.problems == []
    assert preview.new_grades == ["三年级", "初一", "高二"]
    assert class_counts(db, festival.id) == {
        "三年级(1)班": 1,
        "三年级(2)班": 2,
        "初一(3)班": 1,
        "高二(3)班": 1,
    }
    students = {s.name: s for s in list_students(db, festival.id)}
    assert students["李华"].birth_date == dt.date(2017, 5, 1)
    assert students["李华"].age == 9
    assert students["张小明"].student_number == "2023001"
    assert students["赵强"].birth_date == dt.date(2013, 9, 12)
    assert [g.section for g in list_grades(db, festival.id)] == ["小学", "初中", "高中"]


def test_one_sheet_per_grade_takes_the_grade_from_the_sheet_name(
    tmp_path: Path, db: Database, festival: FestivalInfo
) -> None:
    path = write_workbook(
        tmp_path / "by-grade.xlsx",
        {
            "三年级": [["班级", "姓名"], ["1", "张一"], ["(2)班", "张二"]],
            "初二": [["班级", "姓名"], ["3班", "李三"]],
            "Sheet3": [],
        },
    )
    preview = roster_imported(db, festival.id, path)
    assert preview.ok, preview.problems
    assert class_counts(db, festival.id) == {"三年级(1)班": 1, "三年级(2)班": 1, "初二(3)班": 1}


def test_reimporting_the_same_roster_changes_nothing(
    tmp_path: Path, db: Database, festival: FestivalInfo
) -> None:
    path = write_workbook(
        tmp_path / "r.xlsx", {"s": [HEADER, ["小学", "三年级", "2", "张小明", "男", "", "", 9]]}
    )
    roster_imported(db, festival.id, path)
    again = roster_imported(db, festival.id, path)
    assert (len(again.new_students), len(again.changed_students), again.unchanged_count) == (0, 0, 1)
    assert len(list_students(db, festival.id)) == 1


def test_export_writes_the_layout_import_reads(tmp_path: Path, db: Database, festival: FestivalInfo) -> None:
    source = write_workbook(
        tmp_path / "in.xlsx",
        {
            "s": [
                HEADER,
                ["小学", "三年级", "2", "张小明", "男", "2023001", dt.datetime(2017, 3, 2), 9],
                ["初中", "初一", "3", "赵强", "女", "", "", ""],
            ]
        },
    )
    roster_imported(db, festival.id, source)
    exported = tmp_path / "out.xlsx"
    assert export_roster(db, festival.id, exported) == 2
    rows = read_roster(exported)
    assert rows.problems == []
    assert [(r.class_name, r.name, r.gender, r.student_number, r.birth_date, r.age) for r in rows.rows] == [
        ("三年级(2)班", "张小明", "男", "2023001", dt.date(2017, 3, 2), 9),
        ("初一(3)班", "赵强", "女", "", None, None),
    ]
    assert roster_imported(db, festival.id, exported).unchanged_count == 2


def problems_of(tmp_path: Path, db: Database, festival: FestivalInfo, rows: list[list[object]]) -> list[str]:
    path = write_workbook(tmp_path / "bad.xlsx", {"花名册": rows})
    preview = roster_imported(db, festival.id, path)
    assert list_students(db, festival.id) == []
    assert list_classes(db, festival.id) == []
    return [str(problem) for problem in preview.problems]


def test_missing_columns_are_reported_for_the_sheet(
    tmp_path: Path, db: Database, festival: FestivalInfo
) -> None:
    problems = problems_of(tmp_path, db, festival, [["学号", "性别"], ["1", "男"]])
    assert problems == ["工作表「花名册」：找不到表头：前10行中没有同时含“姓名”和“班级”（或“年级”）的行"]


def test_an_empty_workbook_is_reported(tmp_path: Path, db: Database, festival: FestivalInfo) -> None:
    assert problems_of(tmp_path, db, festival, []) == ["工作表「花名册」：工作簿是空的，没有学生数据"]


def test_one_bad_row_means_nothing_is_imported(tmp_path: Path, db: Database, festival: FestivalInfo) -> None:
    problems = problems_of(
        tmp_path,
        db,
        festival,
        [
            HEADER,
            ["小学", "三年级", "2", "张小明", "男", "", "", ""],
            ["小学", "三年级", "甲班", "李华", "女", "", "", ""],
        ],
    )
    assert problems == [
        "工作表「花名册」第3行「班级」列：无法识别班级「甲班」，请写成“三年级(2)班”“初一(3)班”或只写班号“2”"
    ]


def test_every_problem_row_is_named_with_its_reason(
    tmp_path: Path, db: Database, festival: FestivalInfo
) -> None:
    problems = problems_of(
        tmp_path,
        db,
        festival,
        [
            HEADER,
            ["小学", "三年级", "2", "张小明", "男", "A1", "", ""],
            ["小学", "三年级", "2", "张小明", "男", "", "", ""],  # same name, same class, no number
            ["小学", "四年级", "3", "王五", "男", "A1", "", ""],  # number already used in another class
            ["小学", "2023级", "3", "赵六", "男", "", "", ""],
            ["初中", "三年级", "1", "孙七", "男", "", "", ""],
            ["小学", "三年级", "", "周八", "男", "", "", ""],
            ["小学", "三年级", "1", "", "男", "", "", ""],
            ["小学", "三年级", "1", "吴九", "中", "", "", ""],
            ["小学", "三年级", "1", "郑十", "女", "", "2017-02-30", "十"],
            ["小学", "四年级", "三年级(1)班", "冯一", "女", "", "", ""],
        ],
    )
    assert problems == [
        "工作表「花名册」第5行「年级」列：无法识别年级「2023级」，请写成“三年级”“初一”“高二”等形式",
        "工作表「花名册」第6行「学部」列：学部「初中」与年级「三年级」不一致",
        "工作表「花名册」第7行「班级」列：班级为空（如果用了合并单元格，请取消合并并在每一行填上班级）",
        "工作表「花名册」第8行「姓名」列：姓名为空",
        "工作表「花名册」第9行「性别」列：性别「中」应为“男”或“女”",
        "工作表「花名册」第10行「出生日期」列：日期「2017-02-30」不存在",
        "工作表「花名册」第10行「年龄」列：年龄「十」不是整数",
        "工作表「花名册」第11行「班级」列：班级「三年级(1)班」与年级「四年级」不一致",
        "工作表「花名册」第3行「姓名」列：三年级(2)班的「张小明」与工作表「花名册」第2行重复；如果确实是同名的两名学生，请填写学号加以区分",
        "工作表「花名册」第4行「学号」列：学号 A1 与工作表「花名册」第2行（三年级(2)班的张小明）重复",
    ]


def test_two_students_of_the_same_name_are_fine_with_numbers(
    tmp_path: Path, db: Database, festival: FestivalInfo
) -> None:
    path = write_workbook(
        tmp_path / "twins.xlsx",
        {
            "s": [
                HEADER,
                ["小学", "三年级", "2", "张伟", "男", "1", "", ""],
                ["小学", "三年级", "2", "张伟", "男", "2", "", ""],
            ]
        },
    )
    assert roster_imported(db, festival.id, path).ok
    assert class_counts(db, festival.id) == {"三年级(2)班": 2}


def test_a_student_already_in_another_class_is_a_problem(
    tmp_path: Path, db: Database, festival: FestivalInfo
) -> None:
    first = write_workbook(
        tmp_path / "a.xlsx", {"s": [HEADER, ["小学", "三年级", "1", "张小明", "男", "S1", "", ""]]}
    )
    roster_imported(db, festival.id, first)
    second = write_workbook(
        tmp_path / "b.xlsx", {"s": [HEADER, ["小学", "三年级", "2", "张小明", "男", "S1", "", ""]]}
    )
    preview = roster_imported(db, festival.id, second)
    assert [str(p) for p in preview.problems] == [
        "工作表「s」第2行「学号」列：学号 S1 在系统中属于三年级(1)班的「张小明」，花名册中却在三年级(2)班：一名学生不能同时在两个班"
    ]
    assert class_counts(db, festival.id) == {"三年级(1)班": 1}


def test_a_dry_run_writes_nothing(tmp_path: Path, db: Database, festival: FestivalInfo) -> None:
    path = write_workbook(
        tmp_path / "r.xlsx", {"s": [HEADER, ["小学", "三年级", "2", "张小明", "男", "", "", ""]]}
    )
    preview = roster_imported(db, festival.id, path, dry_run=True)
    assert preview.ok and len(preview.new_students) == 1 and preview.new_classes == ["三年级(2)班"]
    assert list_classes(db, festival.id) == []


def test_a_preview_with_problems_cannot_be_committed(
    tmp_path: Path, db: Database, festival: FestivalInfo
) -> None:
    path = write_workbook(
        tmp_path / "r.xlsx",
        {
            "s": [
                HEADER,
                ["小学", "三年级", "2", "张小明", "男", "", "", ""],
                ["小学", "三年级", "2", "", "", "", "", ""],
            ]
        },
    )
    file = read_roster(path)
    preview = plan_roster_import(db, festival.id, file)
    with pytest.raises(ImportRefused, match="1 处问题"):
        commit_roster_import(db, festival.id, file, previewed=preview)
    assert list_students(db, festival.id) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("roster.xlsx", b"this is not a zip", "不是 Excel 工作簿"),
        ("roster.csv", "姓名,班级\n张三,1\n".encode(), "不是 Excel 工作簿"),
        ("roster.xls", b"\xd0\xcf\x11\xe0old excel", "另存为"),
    ],
)
def test_files_that_are_not_xlsx_are_refused(
    tmp_path: Path, db: Database, festival: FestivalInfo, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(WorkbookFileError, match=message):
        roster_imported(db, festival.id, path)
    assert list_classes(db, festival.id) == []


def test_a_missing_file_is_reported(tmp_path: Path, db: Database, festival: FestivalInfo) -> None:
    with pytest.raises(WorkbookFileError, match="找不到文件"):
        roster_imported(db, festival.id, tmp_path / "nowhere.xlsx")


def test_a_pupil_is_known_by_the_student_number_and_never_merged_with_another_by_name_alone(
    tmp_path: Path, db: Database, festival: FestivalInfo
) -> None:
    first = write_workbook(
        tmp_path / "a.xlsx",
        {
            "s": [
                HEADER,
                ["小学", "三年级", "1", "张晓明", "男", "S1", "", ""],
                ["小学", "三年级", "1", "王芳", "女", "", "2017-06-30", ""],
                ["小学", "三年级", "1", "李华", "", "", "", ""],
                ["小学", "三年级", "1", "赵强", "男", "S4", "", ""],
            ]
        },
    )
    assert roster_imported(db, festival.id, first).ok
    again = write_workbook(
        tmp_path / "b.xlsx",
        {
            "s": [
                HEADER,
                ["小学", "三年级", "1", "张小明", "男", "S1", "", ""],  # a name corrected, known by 学号
                ["小学", "三年级", "1", "王芳", "女", "S2", "", ""],  # her 学号 given at last
                ["小学", "三年级", "1", "李华", "女", "", "", ""],  # a gender filled in
                ["小学", "三年级", "1", "赵强", "男", "S5", "", ""],  # another 赵强, told apart by 学号
            ]
        },
    )
    plan = roster_imported(db, festival.id, again, dry_run=True)
    assert plan.ok, [str(p) for p in plan.problems]
    assert [(line.outcome, line.subject, line.details) for line in plan.lines()] == [
        (RowOutcome.NEW, "三年级(1)班 赵强", ("男", "S5")),
        (RowOutcome.CHANGED, "三年级(1)班 张小明", ("姓名：张晓明 → 张小明",)),
        (RowOutcome.CHANGED, "三年级(1)班 王芳", ("学号：（空） → S2",)),
        (RowOutcome.CHANGED, "三年级(1)班 李华", ("性别：（空） → 女",)),
    ]
    assert sorted(s.name for s in list_students(db, festival.id)) == ["张晓明", "李华", "王芳", "赵强"]
    roster_imported(db, festival.id, again)
    stored = sorted((s.name, s.gender, s.student_number) for s in list_students(db, festival.id))
    assert stored == [
        ("张小明", "男", "S1"),
        ("李华", "女", ""),
        ("王芳", "女", "S2"),
        ("赵强", "男", "S4"),
        ("赵强", "男", "S5"),
    ]
    # The same roster again changes nothing.
    assert roster_imported(db, festival.id, again, dry_run=True).unchanged_count == 4


def test_a_row_that_contradicts_the_pupil_of_that_name_is_refused(
    tmp_path: Path, db: Database, festival: FestivalInfo
) -> None:
    first = write_workbook(
        tmp_path / "a.xlsx", {"s": [HEADER, ["小学", "三年级", "1", "王芳", "女", "", "2017-06-30", ""]]}
    )
    roster_imported(db, festival.id, first)
    other = write_workbook(
        tmp_path / "b.xlsx", {"s": [HEADER, ["小学", "三年级", "1", "王芳", "男", "", "2016-01-02", ""]]}
    )
    plan = roster_imported(db, festival.id, other)
    assert [str(p) for p in plan.problems] == [
        "工作表「s」第2行「姓名」列：三年级(1)班已有「王芳」（女，2017-06-30），与本行（男，2016-01-02）不一致："
        "如果是同名的另一名学生，请填写学号加以区分；如果是同一名学生，请先在“学生”中改正"
    ]
    [stored] = list_students(db, festival.id)
    assert (stored.gender, stored.birth_date) == ("女", dt.date(2017, 6, 30))
