"""A work keeps its identity through every form and import: known by its number, a pupil's second work
is a new work and never a change of the first, a work left off a form stays, an old form without
numbers comes back safely, and every change is shown (before → after) before it is written."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fest_desktop.registration.class_forms import write_class_forms
from fest_desktop.registration.entries import EntryDraft, EntryInfo, create_entry, list_entries, update_entry
from fest_desktop.registration.entry_files import read_entry_files
from fest_desktop.registration.entry_import import commit_entry_import, plan_entry_import
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from fest_desktop.storage.importing import PlanChanged
from fest_desktop.storage.kinds import RowOutcome
from tests.conftest import PROJECT_ROOT, write_workbook
from tests.core.school_fixture import SmallSchool, make_small_school

TODAY = dt.date(2026, 4, 20)
OLD_FORM_HEADER = ("比赛项目", "作品类型", "作品题目", "作者", "指导老师", "家长", "备注")


@pytest.fixture
def small(db: Database, festival: FestivalInfo) -> SmallSchool:
    school = make_small_school(db, festival)
    making = add_preset(db, festival.id, "小制作").value  # two works per pupil
    painting = add_preset(db, festival.id, "科技创新绘画比赛").value  # one work per pupil
    add_preset(db, festival.id, "科普板报")
    for competition, class_name, author, title in (
        (making.id, "三年级(1)班", "张子涵", "简易潜望镜"),
        (making.id, "三年级(1)班", "李梓轩", "声控小夜灯"),
        (painting.id, "三年级(1)班", "王一诺", "未来城市"),
        (painting.id, "三年级(1)班", "曾浩然", "月球基地"),
        (painting.id, "三年级(2)班", "刘欣怡", "太空电梯"),
    ):
        draft = EntryDraft(
            competition,
            school.class_ids[class_name],
            title=title,
            author_ids=(school.student_ids[author],),
            advisor="马老师",
        )
        create_entry(db, festival.id, draft, today=TODAY)
    return school


def works(db: Database, festival_id: int) -> dict[str, EntryInfo]:
    return {entry.code: entry for entry in list_entries(db, festival_id)}


def form_rows(path: Path) -> tuple[object, int]:
    """The form's sheet and the row of its header."""
    workbook = load_workbook(path)
    sheet = workbook["报名表"]
    return workbook, next(cell.row for cell in sheet["A"] if cell.value == "作品编号")


def old_form(path: Path, class_name: str, rows: list[tuple[object, ...]]) -> Path:
    """A form handed out before forms carried numbers: the class above the header, no 作品编号."""
    return write_workbook(path, {"报名表": [("班级", class_name), (), OLD_FORM_HEADER, *rows]})


def test_forms_out_and_back_keep_every_work_and_change_only_what_was_changed(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    before = works(db, small.festival_id)
    write_class_forms(db, small.festival_id, tmp_path)
    form = tmp_path / "三年级(1)班-作品报名表.xlsx"
    workbook, header = form_rows(form)
    sheet = workbook["报名表"]
    listed = {
        sheet.cell(row, 1).value: row for row in range(header + 1, header + 8) if sheet.cell(row, 1).value
    }
    # The form lists the class's works with their numbers, titles, authors, types and advisors.
    assert {code: sheet.cell(row, 4).value or "" for code, row in listed.items()} == {
        code: entry.title for code, entry in before.items() if entry.class_name == "三年级(1)班"
    }
    assert (
        sheet.cell(listed["XZ-0001"], 5).value == "张子涵"
        and sheet.cell(listed["XZ-0001"], 6).value == "马老师"
    )
    sheet.cell(listed["XZ-0002"], 4, "光控小夜灯")  # a title corrected on a numbered row
    sheet.delete_rows(listed["HH-0002"])  # a row removed
    first_empty = header + len(listed)
    for column, value in enumerate(("", "科技创新小制作与小发明", "小制作", "易拉罐风车", "张子涵"), start=1):
        sheet.cell(first_empty, column, value or None)  # a second work by a pupil who has one
    workbook.save(form)
    handed_back = old_form(
        tmp_path / "旧报名表.xlsx",
        "三年级(2)班",
        [
            ("科普板报比赛",),
            ("科技创新绘画比赛", "", "太空电梯", "刘欣怡", "马老师"),  # equal to her registered work
            ("科技创新小制作与小发明", "小发明", "水火箭", "杨诗琪"),
            ("科技创新小制作与小发明", "小制作", "磁悬浮笔架", "刘欣怡"),
        ],
    )

    files = read_entry_files([form, handed_back])
    preview = plan_entry_import(db, small.festival_id, files, TODAY)
    assert preview.ok, [str(p) for p in preview.problems]
    lines = preview.lines()
    by_outcome = {outcome: [line for line in lines if line.outcome == outcome] for outcome in RowOutcome}
    assert [line.subject for line in by_outcome[RowOutcome.NEW]] == [
        "科技创新小制作与小发明 「易拉罐风车」 张子涵",
        "科技创新小制作与小发明 「水火箭」 杨诗琪",
        "科技创新小制作与小发明 「磁悬浮笔架」 刘欣怡",
    ]
    [changed] = by_outcome[RowOutcome.CHANGED]
    assert changed.subject.startswith("XZ-0002 ") and changed.details == (
        "作品题目：声控小夜灯 → 光控小夜灯",
    )
    assert str(changed) == (
        f"「三年级(1)班-作品报名表.xlsx」工作表「报名表」第{listed['XZ-0002']}行：XZ-0002 科技创新小制作与小发明 「声控小夜灯」 李梓轩　"
        "作品题目：声控小夜灯 → 光控小夜灯"
    )
    [kept] = by_outcome[RowOutcome.KEPT]
    assert kept.subject == "HH-0002 科技创新绘画比赛 「月球基地」 曾浩然"
    unchanged = {line.subject.split()[0] for line in by_outcome[RowOutcome.UNCHANGED]}
    boards = {
        code for code, e in before.items() if code.startswith("BB-") and e.class_name.startswith("三年级")
    }
    assert unchanged == {"XZ-0001", "HH-0001", "HH-0003"} | boards

    commit_entry_import(db, small.festival_id, files, previewed=preview, today=TODAY)
    after = works(db, small.festival_id)
    assert set(before) < set(after)  # every registered work is still there
    for code, entry in before.items():
        expected = entry if code != "XZ-0002" else EntryInfo(**{**entry.__dict__, "title": "光控小夜灯"})
        assert after[code] == expected
    new = {entry.title: entry for code, entry in after.items() if code not in before}
    assert set(new) == {"易拉罐风车", "水火箭", "磁悬浮笔架"}
    assert new["易拉罐风车"].author_names == "张子涵" and new["易拉罐风车"].code == "XZ-0003"


def test_an_old_form_never_turns_a_pupil_s_second_work_into_a_change_of_her_first(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    before = works(db, small.festival_id)
    path = old_form(
        tmp_path / "旧报名表.xlsx", "三年级(2)班", [("科技创新绘画比赛", "", "海底城市", "刘欣怡")]
    )
    plan = plan_entry_import(db, small.festival_id, read_entry_files([path]), TODAY)
    assert [p.reason for p in plan.problems] == [
        "刘欣怡已报「太空电梯」(HH-0003)，「科技创新绘画比赛」每人最多 1 件。"
    ]
    assert not plan.changed and not plan.new
    assert works(db, small.festival_id) == before


def test_a_row_repeating_a_work_with_other_details_changes_nothing_and_says_so(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    path = old_form(
        tmp_path / "旧报名表.xlsx",
        "三年级(2)班",
        [("科技创新绘画比赛", "油画", "太空电梯", "刘欣怡", "孙老师")],
    )
    plan = plan_entry_import(db, small.festival_id, read_entry_files([path]), TODAY)
    [same] = plan.unchanged
    assert same.code == "HH-0003" and "作品类型、指导老师与登记的不同，没有改动" in same.note
    assert not plan.changed and not plan.new


def test_a_number_that_does_not_exist_or_is_another_competition_s_is_refused(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    path = write_workbook(
        tmp_path / "numbers.xlsx",
        {
            "作品": [
                ("作品编号", "比赛项目", "作品题目", "作者", "班级"),
                ("XZ-0099", "科技创新小制作与小发明", "不存在", "张子涵", "三年级(1)班"),
                ("HH-0001", "科技创新小制作与小发明", "错项目", "王一诺", "三年级(1)班"),
            ]
        },
    )
    plan = plan_entry_import(db, small.festival_id, read_entry_files([path]), TODAY)
    assert [(p.row, p.column, p.reason) for p in plan.problems] == [
        (2, "作品编号", "作品编号「XZ-0099」不存在；新作品请把编号留空"),
        (3, "作品编号", "作品编号 HH-0001 属于「科技创新绘画比赛」"),
    ]


def test_a_change_made_at_the_desk_after_the_preview_stops_the_import(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    path = write_workbook(
        tmp_path / "numbers.xlsx",
        {
            "作品": [
                ("作品编号", "比赛项目", "作品题目", "作者", "班级"),
                ("XZ-0002", "科技创新小制作与小发明", "光控小夜灯", "李梓轩", "三年级(1)班"),
            ]
        },
    )
    files = read_entry_files([path])
    preview = plan_entry_import(db, small.festival_id, files, TODAY)
    assert [str(c) for c in preview.changed[0].changes] == ["作品题目：声控小夜灯 → 光控小夜灯"]
    # Meanwhile the work is corrected at the desk: the import would now overwrite another title.
    stored = works(db, small.festival_id)["XZ-0002"]
    update_entry(db, stored.id, EntryDraft(**{**stored.draft().__dict__, "title": "声控小台灯"}))
    with pytest.raises(PlanChanged, match="预览之后") as changed:
        commit_entry_import(db, small.festival_id, files, previewed=preview, today=TODAY)
    assert works(db, small.festival_id)["XZ-0002"].title == "声控小台灯"
    fresh = changed.value.plan
    assert [str(c) for c in fresh.changed[0].changes] == ["作品题目：声控小台灯 → 光控小夜灯"]  # type: ignore[attr-defined]
    commit_entry_import(db, small.festival_id, files, previewed=fresh, today=TODAY)  # type: ignore[arg-type]
    assert works(db, small.festival_id)["XZ-0002"].title == "光控小夜灯"


IMPORT_STOPPED_AFTER_WRITING = """
import sys
from pathlib import Path

from fest_desktop.registration import entry_import
from fest_desktop.registration.entry_files import read_entry_files
from fest_desktop.storage.database import open_database

location, festival_id, path = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
write = entry_import._write


def written_then_wait(session, festival, plan):
    write(session, festival, plan)
    session.flush()
    print("written", flush=True)  # every row written, the transaction not yet committed
    sys.stdin.readline()


entry_import._write = written_then_wait
entry_import.commit_entry_import(open_database(location), festival_id, read_entry_files([path]), allow_late=True)
"""


def test_an_import_killed_before_its_commit_leaves_the_festival_as_it_was(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    before = works(db, small.festival_id)
    write_class_forms(db, small.festival_id, tmp_path)
    form = tmp_path / "三年级(1)班-作品报名表.xlsx"
    workbook, header = form_rows(form)
    sheet = workbook["报名表"]
    sheet.cell(header + 1, 4, "改过的题目")
    for column, value in enumerate(("", "科技创新小制作与小发明", "小制作", "易拉罐风车", "张子涵"), start=1):
        sheet.cell(header + 8, column, value or None)
    workbook.save(form)
    with subprocess.Popen(
        [sys.executable, "-c", IMPORT_STOPPED_AFTER_WRITING, db.location, str(small.festival_id), str(form)],
        cwd=PROJECT_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        said = child.stdout.readline()
        os.kill(child.pid, signal.SIGKILL)
    assert said == "written\n"
    assert works(db, small.festival_id) == before
