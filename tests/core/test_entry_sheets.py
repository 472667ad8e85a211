"""Entries in Excel: class forms round trip, generic sheets, bad workbooks, the register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fest_desktop.files.workbooks import ImportRefused, WorkbookFileError
from fest_desktop.registration.class_forms import write_class_forms
from fest_desktop.registration.competitions import list_competitions
from fest_desktop.registration.entries import EntryDraft, LateEntryError, create_entry, list_entries
from fest_desktop.registration.entry_files import read_entry_files
from fest_desktop.registration.entry_import import commit_entry_import, plan_entry_import
from fest_desktop.registration.presets import add_preset, find_preset
from fest_desktop.registration.register import export_register
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from tests.conftest import write_workbook
from tests.core.importing import entries_imported
from tests.core.school_fixture import SmallSchool, make_small_school

TODAY = dt.date(2026, 4, 20)
HEADER = ("比赛项目", "作品类型", "作品题目", "作者", "班级", "指导老师")


@pytest.fixture
def small(db: Database, festival: FestivalInfo) -> SmallSchool:
    school = make_small_school(db, festival)
    add_preset(db, festival.id, "科技创新绘画比赛")  # 2–3 per class, all grades
    add_preset(db, festival.id, "知识竞赛")  # one team of up to 3 per class
    add_preset(db, festival.id, "科普板报")  # one board per class, created at once
    add_preset(db, festival.id, "手抛飞机")  # 三年级 and up
    return school


def sheet_file(tmp_path: Path, *rows: tuple[object, ...], name: str = "entries.xlsx") -> Path:
    return write_workbook(tmp_path / name, {"作品": [HEADER, *rows]})


def reasons(plan: object) -> list[str]:
    return [str(p) for p in plan.problems]  # type: ignore[attr-defined]


def test_class_forms_carry_competitions_quotas_and_drop_downs(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    paths = write_class_forms(db, small.festival_id, tmp_path / "forms")
    assert sorted(p.name for p in paths) == [
        "一年级(1)班-作品报名表.xlsx",
        "三年级(1)班-作品报名表.xlsx",
        "三年级(2)班-作品报名表.xlsx",
    ]
    workbook = load_workbook(tmp_path / "forms" / "一年级(1)班-作品报名表.xlsx")
    sheet = workbook["报名表"]
    texts = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert ["班级", "一年级(1)班"] in [row[:2] for row in texts]
    assert ["科技创新绘画比赛", "个人", "每班 2–3 件", "2026-04-30"] in [row[:4] for row in texts]
    # 手抛飞机 is for 三年级 and up, so the 一年级 form does not offer it.
    assert not any("手抛飞机" in str(cell) for row in texts for cell in row)
    assert workbook["选项"].sheet_state == "hidden"
    students = [c.value for c in workbook["选项"]["B"] if c.value]
    assert students == ["吴可馨", "徐天佑"]
    formulas = {dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert "='选项'!$A$1:$A$3" in formulas and "='选项'!$B$1:$B$2" in formulas


def fill_form(path: Path, rows: list[tuple[object, ...]]) -> None:
    """Fill the empty rows under the form's registered works, as a head teacher would in Excel: a new
    work's row leaves 作品编号 empty."""
    workbook = load_workbook(path)
    sheet = workbook["报名表"]
    header = next(cell.row for cell in sheet["A"] if cell.value == "作品编号")
    row = header + 1
    while sheet.cell(row, 2).value:  # the works already registered, the class's board among them
        row += 1
    for values in rows:
        for column, value in enumerate(values, start=2):
            sheet.cell(row, column, value)
        row += 1
    workbook.save(path)


def test_filled_forms_import_back_several_at_once(db: Database, small: SmallSchool, tmp_path: Path) -> None:
    paths = write_class_forms(db, small.festival_id, tmp_path)
    first = tmp_path / "三年级(1)班-作品报名表.xlsx"
    second = tmp_path / "三年级(2)班-作品报名表.xlsx"
    fill_form(
        first,
        [
            ("科技创新绘画比赛", "水彩画", "未来城市", "张子涵", "马老师"),
            ("科技创新绘画比赛", "国画", "月球基地", "李梓轩"),
        ],
    )
    fill_form(second, [("知识竞赛", "", "", "刘欣怡、杨诗琪 赵俊杰")])
    plan = entries_imported(db, small.festival_id, [first, second], today=TODAY)
    assert plan.ok, reasons(plan)
    assert (len(plan.new), len(plan.changed)) == (3, 0)
    # The board each class has from the start is listed on its form with its number, and unchanged.
    boards = {e.class_name: e.code for e in list_entries(db, small.festival_id) if e.code.startswith("BB-")}
    assert [(p.code, p.row.file) for p in plan.unchanged] == [
        (boards["三年级(1)班"], "三年级(1)班-作品报名表.xlsx"),
        (boards["三年级(2)班"], "三年级(2)班-作品报名表.xlsx"),
    ]
    stored = {e.title or e.author_names: e for e in list_entries(db, small.festival_id) if e.authors}
    assert stored["未来城市"].subtype == "水彩画" and stored["未来城市"].advisor == "马老师"
    assert stored["未来城市"].class_name == "三年级(1)班"
    assert stored["刘欣怡、杨诗琪、赵俊杰"].code == "ZS-0001"
    assert len(paths) == 3


def test_a_generic_sheet_imports_and_warns_of_classes_below_the_minimum(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    path = sheet_file(
        tmp_path,
        ("科技创新绘画比赛", "油画", "太空电梯", "刘欣怡", "三年级(2)班", "孙老师"),
        ("科技创新绘画", "", "海底城市", "杨诗琪", "三(2)班", ""),
        ("绘画", "", "火星家园", "张子涵", "3年级1班", ""),
    )
    plan = entries_imported(db, small.festival_id, [path], today=TODAY)
    assert plan.ok, reasons(plan)
    assert len(plan.new) == 3
    assert plan.warnings == ["三年级(1)班「科技创新绘画比赛」导入后共 1 件，少于名额（每班 2–3 件）"]


def test_importing_the_same_file_again_changes_nothing_and_an_edit_needs_the_number(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    path = sheet_file(tmp_path, ("科技创新绘画比赛", "油画", "太空电梯", "刘欣怡", "三年级(2)班", ""))
    entries_imported(db, small.festival_id, [path], today=TODAY)
    again = entries_imported(db, small.festival_id, [path], today=TODAY)
    assert (len(again.new), len(again.changed), len(again.unchanged)) == (0, 0, 1)
    # Without its number, another title by the same pupil is another work: refused, naming hers.
    edited = sheet_file(tmp_path, ("科技创新绘画比赛", "水彩画", "太空电梯站", "刘欣怡", "三年级(2)班", ""))
    refused = entries_imported(db, small.festival_id, [edited], today=TODAY)
    assert reasons(refused) == [
        "「entries.xlsx」工作表「作品」第2行：刘欣怡已报「太空电梯」(HH-0001)，「科技创新绘画比赛」每人最多 1 件。"
    ]
    # With it, the row is that work, and the preview says what changes.
    numbered = write_workbook(
        tmp_path / "numbered.xlsx",
        {
            "作品": [
                ("作品编号", *HEADER),
                ("HH-0001", "科技创新绘画比赛", "水彩画", "太空电梯站", "刘欣怡", "三年级(2)班", ""),
            ]
        },
    )
    change = entries_imported(db, small.festival_id, [numbered], today=TODAY)
    assert (len(change.new), len(change.changed)) == (0, 1)
    assert [str(c) for c in change.changed[0].changes] == [
        "作品类型：油画 → 水彩画",
        "作品题目：太空电梯 → 太空电梯站",
    ]
    [entry] = [e for e in list_entries(db, small.festival_id) if e.authors]
    assert (entry.title, entry.subtype, entry.code) == ("太空电梯站", "水彩画", "HH-0001")


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        (("跳绳比赛", "", "", "刘欣怡", "三年级(2)班", ""), "比赛项目", "本届科技节没有比赛项目「跳绳比赛」"),
        (("科技创新绘画比赛", "", "", "李白", "三年级(2)班", ""), "作者", "花名册中没有学生「李白」"),
        (
            ("科技创新绘画比赛", "", "", "张子涵", "三年级(2)班", ""),
            "",
            "「张子涵」是三年级(1)班的学生，不在三年级(2)班",
        ),
        (
            ("科技创新绘画比赛", "", "", "刘欣怡", "五年级(9)班", ""),
            "班级",
            "班级「五年级(9)班」不在本届科技节的班级中",
        ),
        (("科技创新绘画比赛", "", "", "刘欣怡", "2班", ""), "班级", "没有写年级"),
        (
            ("科技创新绘画比赛", "素描", "", "刘欣怡", "三年级(2)班", ""),
            "作品类型",
            "作品类型「素描」不是「科技创新绘画比赛」的类型",
        ),
        (
            ("手抛飞机", "", "", "吴可馨", "一年级(1)班", ""),
            "",
            "一年级(1)班不能参加「手抛飞机」（限三年级至初三）",
        ),
        (("科技创新绘画比赛", "", "画", "", "三年级(2)班", ""), "", "请填写作者"),
        (("", "", "画", "刘欣怡", "三年级(2)班", ""), "比赛项目", "比赛项目为空"),
    ],
)
def test_each_bad_row_is_reported_with_where_and_what(
    db: Database, small: SmallSchool, tmp_path: Path, row: tuple[object, ...], column: str, reason: str
) -> None:
    good = ("科技创新绘画比赛", "", "好作品", "黄思远", "三年级(2)班", "")
    path = sheet_file(tmp_path, good, row)
    before = list_entries(db, small.festival_id)
    plan = entries_imported(db, small.festival_id, [path], today=TODAY)
    assert len(plan.problems) == 1
    problem = plan.problems[0]
    assert (problem.file, problem.sheet, problem.row, problem.column) == ("entries.xlsx", "作品", 3, column)
    assert reason in problem.reason
    assert str(problem).startswith("「entries.xlsx」工作表「作品」第3行")
    # One bad row: nothing is imported, not even the good one.
    assert list_entries(db, small.festival_id) == before


def test_over_quota_twice_in_the_file_and_a_second_work_too_many_are_problems(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    path = sheet_file(
        tmp_path,
        ("科技创新绘画比赛", "", "一", "张子涵", "三年级(1)班", ""),
        ("科技创新绘画比赛", "", "二", "李梓轩", "三年级(1)班", ""),
        ("科技创新绘画比赛", "", "三", "王一诺", "三年级(1)班", ""),
        ("科技创新绘画比赛", "", "四", "曾浩然", "三年级(1)班", ""),
        ("科技创新绘画比赛", "", "一", "张子涵", "三年级(1)班", ""),
        ("科技创新绘画比赛", "", "五", "张子涵", "三年级(1)班", ""),
    )
    plan = plan_entry_import(db, small.festival_id, read_entry_files([path]), TODAY)
    assert [(p.row, p.reason) for p in plan.problems] == [
        (5, "三年级(1)班「科技创新绘画比赛」已报 3 件，名额为每班 2–3 件，不能再报。"),
        (6, "与「entries.xlsx」工作表「作品」第2行是同一件作品，重复了"),
        (7, "张子涵已报「一」(「entries.xlsx」工作表「作品」第2行)，「科技创新绘画比赛」每人最多 1 件。"),
        (7, "三年级(1)班「科技创新绘画比赛」已报 3 件，名额为每班 2–3 件，不能再报。"),
    ]


def test_merged_cells_blank_rows_and_a_title_row(db: Database, small: SmallSchool, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "三年级报名"
    sheet.append(["三年级作品汇总"])
    sheet.append(list(HEADER))
    sheet.append(["科技创新绘画比赛", "", "一", "张子涵", "三年级(1)班", ""])
    sheet.append([])
    sheet.append(["科技创新绘画比赛", "", "二", "李梓轩", None, ""])
    sheet.merge_cells("E3:E5")
    workbook.save(tmp_path / "merged.xlsx")
    plan = entries_imported(db, small.festival_id, [tmp_path / "merged.xlsx"], today=TODAY)
    assert [(p.row, p.column) for p in plan.problems] == [(5, "班级")]
    assert "合并单元格" in plan.problems[0].reason


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0", "旧版 Excel 格式"),
        ("notes.xlsx", b"just text", "不是 Excel 工作簿"),
        ("list.csv", b"a,b", "不是 Excel 工作簿"),
    ],
)
def test_a_file_that_is_not_a_workbook_is_refused(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(WorkbookFileError, match=message):
        read_entry_files([tmp_path / name])
    with pytest.raises(WorkbookFileError, match="找不到文件"):
        read_entry_files([tmp_path / "missing.xlsx"])


def test_a_sheet_without_the_columns_is_a_problem(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "roster.xlsx", {"花名册": [("班级", "姓名"), ("三年级(1)班", "张子涵")]})
    files = read_entry_files([path])
    assert [str(p) for p in files.problems] == [
        "「roster.xlsx」工作表「花名册」：找不到表头：前40行中没有同时含“比赛项目”和“作者”（或“作品题目”）的行"
    ]


def test_after_the_deadline_the_import_needs_confirmation_and_marks_late(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    path = sheet_file(tmp_path, ("科技创新绘画比赛", "", "迟到的画", "刘欣怡", "三年级(2)班", ""))
    files = read_entry_files([path])
    after = dt.date(2026, 5, 20)
    with pytest.raises(LateEntryError, match="1 件作品报的项目已过截止日期（科技创新绘画比赛）"):
        commit_entry_import(db, small.festival_id, files, today=after)
    assert not [e for e in list_entries(db, small.festival_id) if e.authors]
    commit_entry_import(db, small.festival_id, files, today=after, allow_late=True)
    [entry] = [e for e in list_entries(db, small.festival_id) if e.authors]
    assert entry.late


def test_commit_checks_again_what_changed_since_the_preview(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    path = sheet_file(tmp_path, ("科技创新绘画比赛", "", "一", "张子涵", "三年级(1)班", ""))
    files = read_entry_files([path])
    assert plan_entry_import(db, small.festival_id, files, TODAY).ok
    paint = find_preset("绘画").name
    paint_id = next(c.id for c in list_competitions(db, small.festival_id) if c.name == paint)
    # Meanwhile the class fills its places in the window.
    for name in ("李梓轩", "王一诺", "曾浩然"):
        draft = EntryDraft(paint_id, small.class_ids["三年级(1)班"], author_ids=(small.student_ids[name],))
        create_entry(db, small.festival_id, draft, today=TODAY)
    with pytest.raises(ImportRefused, match="1 处问题"):
        commit_entry_import(db, small.festival_id, files, today=TODAY)
    assert len([e for e in list_entries(db, small.festival_id) if e.authors]) == 3


def test_the_register_has_a_sheet_per_competition_and_imports_back_unchanged(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    path = sheet_file(
        tmp_path,
        ("科技创新绘画比赛", "油画", "太空电梯", "刘欣怡", "三年级(2)班", "孙老师"),
        ("知识竞赛", "", "", "张子涵、李梓轩", "三年级(1)班", ""),
    )
    entries_imported(db, small.festival_id, [path], today=TODAY)
    register = tmp_path / "register.xlsx"
    assert export_register(db, small.festival_id, register) == 5
    workbook = load_workbook(register)
    assert workbook.sheetnames == ["参与情况", "科技创新绘画比赛", "科技知识竞赛", "科普板报比赛", "手抛飞机"]
    paint = list(workbook["科技创新绘画比赛"].iter_rows(values_only=True))
    assert "分类造册（共 1 件）" in paint[0][0]
    assert paint[2][:9] == (
        1,
        "HH-0001",
        "科技创新绘画比赛",
        "油画",
        "太空电梯",
        "三年级(2)班",
        "刘欣怡",
        "11",
        "孙老师",
    )
    summary = {row[0]: row for row in workbook["参与情况"].iter_rows(min_row=3, values_only=True)}
    assert summary["三年级(1)班"][1:4] == (6, 2, 2)
    again = entries_imported(db, small.festival_id, [register], today=TODAY)
    assert again.ok, reasons(again)
    assert (len(again.new), len(again.changed), len(again.unchanged)) == (0, 0, 5)
