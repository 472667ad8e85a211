"""科普实践 against what a school's PCs do to it: the program killed while ticks are stored or a sheet is
imported, files that are not practice sheets, pages of text pasted into a cell, a burst of ticks."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fest_desktop.files.workbooks import WorkbookFileError
from fest_desktop.practice.checklist import Mark, class_checklist, set_marks
from fest_desktop.practice.items import add_plan_items
from fest_desktop.practice.sheet import plan_practice_import, read_practice_file, write_practice_sheets
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import StudentInfo, save_student
from fest_desktop.school.structure import add_class
from fest_desktop.storage.database import Database, open_database
from tests.conftest import PROJECT_ROOT, write_workbook
from tests.core.school_fixture import SmallSchool, make_small_school


@pytest.fixture
def school(db: Database, festival: FestivalInfo) -> SmallSchool:
    made = make_small_school(db, festival)
    add_plan_items(db, festival.id)
    return made


TICKER = """
import sys
from fest_desktop.practice.checklist import Mark, set_marks
from fest_desktop.storage.database import open_database
db = open_database(sys.argv[1])
class_id = int(sys.argv[2])
for cell in sys.argv[3].split(","):
    student, item = map(int, cell.split(":"))
    set_marks(db, class_id, [Mark(student, item, True)])
    print(student, item, flush=True)  # told only once it is stored
"""


def test_no_stored_tick_is_lost_when_the_program_is_killed(db: Database, school: SmallSchool) -> None:
    third = school.class_ids["三年级(1)班"]
    checklist = class_checklist(db, third)
    cells = [f"{p.student_id}:{i.id}" for p in checklist.pupils for i in checklist.items]
    assert len(cells) == 30
    process = subprocess.Popen(
        [sys.executable, "-c", TICKER, db.location, str(third), ",".join(cells)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
    )
    assert process.stdout is not None
    told = {tuple(map(int, process.stdout.readline().split())) for _ in range(20)}
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    db.close()
    reopened = open_database(db.location)
    try:
        done = {(p.student_id, item) for p in class_checklist(reopened, third).pupils for item in p.done}
        # Every tick it said was stored is there; at most the one in flight made it too.
        assert told <= done and len(done) <= len(told) + 1
    finally:
        reopened.close()


IMPORTER = """
import sys
from pathlib import Path
from fest_desktop.practice.sheet import commit_practice_import, read_practice_file
from fest_desktop.storage.database import open_database
db = open_database(sys.argv[1])
read = read_practice_file(Path(sys.argv[2]))
print("read", flush=True)
commit_practice_import(db, 1, read)
print("done", flush=True)
"""


def test_an_import_killed_half_way_leaves_all_or_nothing(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    add_plan_items(db, festival.id)
    classes = []
    for number in range(1, 9):
        school_class = add_class(db, festival.id, 5, number).value
        classes.append(school_class.id)
        for n in range(40):
            save_student(db, festival.id, StudentInfo(0, school_class.id, f"学生{number}-{n}"))
    path = tmp_path / "全校.xlsx"
    write_practice_sheets(db, festival.id, classes, path)
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(min_row=5, min_col=4):
            for cell in row:
                cell.value = "✓"
    workbook.save(path)
    process = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, db.location, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "read"
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    db.close()
    reopened = open_database(db.location)
    try:
        ticked = sum(len(p.done) for class_id in classes for p in class_checklist(reopened, class_id).pupils)
        assert ticked in (0, 8 * 40 * 5)
    finally:
        reopened.close()


def test_files_that_are_not_practice_sheets_are_refused_with_what_to_do(
    db: Database, school: SmallSchool, tmp_path: Path
) -> None:
    fake = tmp_path / "实践表.xlsx"
    fake.write_bytes(b"%PDF-1.4 not a workbook")
    with pytest.raises(WorkbookFileError, match="不是 Excel 工作簿"):
        read_practice_file(fake)
    old = tmp_path / "实践表.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(WorkbookFileError, match=r"另存为” \.xlsx"):
        read_practice_file(old)
    roster = write_workbook(
        tmp_path / "花名册.xlsx", {"名单": [["年级", "班级", "学号"], ["三年级", "1", "001"]]}
    )
    plan = plan_practice_import(db, school.festival_id, read_practice_file(roster))
    assert [p.reason for p in plan.problems] == ["找不到实践表：没有一个工作表的表头含“姓名”"]


def test_a_page_of_text_in_a_cell_is_quoted_short(db: Database, school: SmallSchool, tmp_path: Path) -> None:
    pasted = "读后感" * 5000
    path = write_workbook(
        tmp_path / "实践表.xlsx",
        {
            "三年级(1)班": [
                ["班级", "三年级(1)班"],
                ["姓名", "看一部科普影片", pasted],
                ["张子涵", pasted, ""],
                [pasted, "✓", ""],
            ]
        },
    )
    plan = plan_practice_import(db, school.festival_id, read_practice_file(path))
    assert len(plan.problems) == 3
    assert all(len(str(problem)) < 200 for problem in plan.problems)
    assert not any(p.done for p in class_checklist(db, school.class_ids["三年级(1)班"]).pupils)


def test_a_burst_of_ticks_lands_whole(db: Database, school: SmallSchool) -> None:
    third = school.class_ids["三年级(1)班"]
    checklist = class_checklist(db, third)
    for _ in range(3):
        everything = [Mark(p.student_id, i.id, True) for p in checklist.pupils for i in checklist.items]
        assert set_marks(db, third, everything).value.done_count(checklist.items[0].id) == 6
        assert (
            set_marks(db, third, [Mark(m.student_id, m.item_id, False) for m in everything]).value.done_count(
                checklist.items[0].id
            )
            == 0
        )
    # The same cell asked twice in one burst counts once: the last word wins.
    pupil, item = checklist.pupils[0].student_id, checklist.items[0].id
    assert (
        set_marks(db, third, [Mark(pupil, item, True), Mark(pupil, item, True)]).value.done_count(item) == 1
    )
