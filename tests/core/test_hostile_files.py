"""Files under hostile input: nothing planted in the workbooks the app writes, nothing half-written,
and the workbooks it reads taken for what they hold (a stray far cell, formulas without a value,
hidden sheets, names too long or with spaces inside)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from fest_desktop.awards.notices import (
    write_class_points,
    write_name_check,
    write_notice_pdf,
    write_notice_xlsx,
)
from fest_desktop.calendar.schedule_files import export_schedule
from fest_desktop.certificates.batch import Progress, print_batch, to_file
from fest_desktop.certificates.drawing import paint_pdf
from fest_desktop.certificates.items import Sheet
from fest_desktop.certificates.jobs import certificate_jobs
from fest_desktop.certificates.templates import list_templates, template_for
from fest_desktop.demo.festival import create_demo_festival
from fest_desktop.demo.sample_form import write_import_sample
from fest_desktop.errors import FestError, ValidationError
from fest_desktop.files.saving import write_bytes, write_with
from fest_desktop.files.workbooks import FORMULA_WITHOUT_VALUE, hidden_sheet_note, read_workbook
from fest_desktop.registration.class_forms import write_class_forms
from fest_desktop.registration.competitions import list_competitions
from fest_desktop.registration.kinds import Judging
from fest_desktop.registration.presets import add_preset
from fest_desktop.registration.register import export_register
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import list_students, save_student
from fest_desktop.school.roster_files import export_roster
from fest_desktop.scoring.judges import add_judge
from fest_desktop.scoring.paper_sheets import write_score_workbook
from fest_desktop.scoring.sheet import load_sheet
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Award, Competition, Entry, EntryAuthor, Event, Judge, Student, Teacher
from fest_desktop.values import ADVISOR_NAMES, PERSON_NAME, TITLE
from tests.conftest import PROJECT_ROOT, write_workbook
from tests.core.importing import entries_imported, roster_imported, scores_imported
from tests.core.school_fixture import make_small_school
from tests.core.scoring_fixture import Board, make_board
from tests.pdf_checks import page_count

# What a hostile or careless hand puts into a name: Excel would run each of these if written as a formula.
PLANTED = {
    "student": '=HYPERLINK("http://example.invalid","点我")',
    "teacher": "+1+1",
    "title": "-2+3",
    "judge": "@SUM(1,2)",
    "event": "=1+1",
    "competition": "=CMD|' /C calc'!A0",
}


@pytest.fixture
def demo(db: Database) -> FestivalInfo:
    return create_demo_festival(db, dt.date(2026, 5, 1))


def plant(db: Database, festival_id: int) -> None:
    """The planted texts where every export shows them: an awarded entry's title, its first author and
    its advisor, a judge of a judged competition, an event and that competition's name."""
    with db.session() as session:
        award = session.scalars(
            select(Award).where(
                Award.festival_id == festival_id, Award.entry_id.is_not(None), Award.level != ""
            )
        ).first()
        assert award is not None and award.entry_id is not None
        entry = session.get(Entry, award.entry_id)
        assert entry is not None
        entry.title = PLANTED["title"]
        entry.advisor = PLANTED["teacher"]
        author = session.scalars(select(EntryAuthor).where(EntryAuthor.entry_id == entry.id)).first()
        assert author is not None
        session.execute(
            update(Student).where(Student.id == author.student_id).values(name=PLANTED["student"])
        )
        teacher = session.scalars(select(Teacher).where(Teacher.festival_id == festival_id)).first()
        assert teacher is not None
        teacher.name = PLANTED["teacher"]
        judge = session.scalars(
            select(Judge).join(Competition).where(Competition.festival_id == festival_id)
        ).first()
        assert judge is not None
        judge.name = PLANTED["judge"]
        session.execute(
            update(Competition)
            .where(Competition.id == judge.competition_id)
            .values(name=PLANTED["competition"])
        )
        event = session.scalars(select(Event).where(Event.festival_id == festival_id)).first()
        assert event is not None
        event.title = PLANTED["event"]


def every_export(db: Database, festival: FestivalInfo, folder: Path) -> list[Path]:
    judged = next(
        c
        for c in list_competitions(db, festival.id)
        if c.judging == Judging.RUBRIC and load_sheet(db, c.id).judges
    )
    written = [
        folder / "花名册.xlsx",
        folder / "分类造册.xlsx",
        folder / "日程.xlsx",
        folder / "评分表.xlsx",
        folder / "公示.xlsx",
        folder / "班级考核.xlsx",
        folder / "样表.xlsx",
    ]
    export_roster(db, festival.id, written[0])
    export_register(db, festival.id, written[1])
    export_schedule(db, festival.id, written[2])
    write_score_workbook(db, judged.id, written[3])
    write_notice_xlsx(db, festival.id, written[4])
    write_class_points(db, festival.id, written[5])
    write_import_sample(db, festival.id, written[6])
    return written + write_class_forms(db, festival.id, folder / "报名表")


def cells(path: Path) -> list[Any]:
    workbook = load_workbook(path)  # formulas as formulas, not their values
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def test_no_workbook_the_app_writes_holds_a_formula(db: Database, demo: FestivalInfo, tmp_path: Path) -> None:
    plant(db, demo.id)
    written = every_export(db, demo, tmp_path)
    found: set[str] = set()
    for path in written:
        for cell in cells(path):
            assert cell.data_type != "f", f"{path.name}!{cell.coordinate} = {cell.value!r}"
            if isinstance(cell.value, str):
                found.update(text for text in PLANTED.values() if text in cell.value)
    # Every planted text reached some file, as text: the check above looked at them.
    assert found == set(PLANTED.values())


def test_a_failed_write_leaves_the_file_that_was_there(tmp_path: Path) -> None:
    target = tmp_path / "公示.pdf"
    target.write_bytes(b"the good PDF of yesterday")

    def half_then_fail(handle: Any) -> None:
        handle.write(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    with pytest.raises(FestError, match="No space left"):
        write_with(target, half_then_fail)
    assert target.read_bytes() == b"the good PDF of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["公示.pdf"]


def test_a_write_killed_half_way_leaves_the_file_that_was_there(tmp_path: Path) -> None:
    target = tmp_path / "奖状.pdf"
    target.write_bytes(b"the good PDF of yesterday")
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from fest_desktop.files.saving import write_with\n"
            "def slow(handle):\n"
            "    handle.write(b'%PDF-1.4 ' * 100000); handle.flush()\n"
            "    print('half', flush=True); time.sleep(60)\n"
            "write_with(Path(sys.argv[1]), slow)\n",
            str(target),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == "half"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    assert target.read_bytes() == b"the good PDF of yesterday"


def test_a_certificate_batch_that_fails_keeps_the_old_pdf_and_its_numbers_for_the_next(
    db: Database, demo: FestivalInfo, tmp_path: Path
) -> None:
    target = tmp_path / "奖状.pdf"
    target.write_bytes(b"the good PDF of yesterday")
    jobs = certificate_jobs(db, demo.id)[:3]
    template = template_for(list_templates(db, demo.id), "student")

    def drawn_then_disk_full(sheets: Sequence[Sheet], progress: Progress) -> None:
        def fail(handle: Any) -> None:
            paint_pdf(handle, sheets, title="证书", progress=progress)
            raise OSError(28, "No space left on device")

        write_with(target, fail)

    with pytest.raises(FestError, match="未打印完成"):
        print_batch(db, demo.id, template, jobs, drawn_then_disk_full)
    assert target.read_bytes() == b"the good PDF of yesterday"
    issued = certificate_jobs(db, demo.id)[:3]
    assert all(job.number and not job.print_count for job in issued)
    printed = print_batch(db, demo.id, template, jobs, to_file(target)).value
    assert page_count(target) == 3
    assert [job.number for job in printed.jobs] == [job.number for job in issued] == printed.resumed


def test_write_bytes_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "日程.ics"
    target.write_bytes(b"old")
    write_bytes(target, b"new calendar")
    assert target.read_bytes() == b"new calendar"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["日程.ics"]


def roster_workbook(path: Path, rows: list[list[object]], **extra_sheets: list[list[object]]) -> Path:
    return write_workbook(path, {"花名册": [["年级", "班级", "姓名", "性别"], *rows], **extra_sheets})


def test_a_stray_cell_far_away_is_not_read_cell_by_cell(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    path = roster_workbook(tmp_path / "花名册.xlsx", [["三年级", "三年级(1)班", "王小明", "男"]])
    workbook = load_workbook(path)
    workbook["花名册"]["XFD1048576"] = "x"
    workbook.save(path)
    read = read_workbook(path)
    # Rows as long as their last filled cell: the far cell's row alone is wide, not a billion cells.
    assert sum(len(row) for row in read.sheets[0].rows) < 16384 + 100
    preview = roster_imported(db, festival.id, path)
    assert preview.ok and [s.name for s in list_students(db, festival.id)] == ["王小明"]


def with_formula(path: Path, sheet: str, coordinate: str, formula: str) -> Path:
    """The workbook with a formula cell and no cached value, as programs other than Excel write them."""
    workbook = load_workbook(path)
    workbook[sheet][coordinate] = formula
    workbook.save(path)
    return path


def test_a_roster_formula_without_value_is_named_not_taken_for_blank(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    path = roster_workbook(
        tmp_path / "花名册.xlsx",
        [["三年级", "三年级(1)班", "王小明", "男"], ["三年级", "三年级(1)班", "", "女"]],
    )
    with_formula(path, "花名册", "C3", '="李"&"小红"')
    preview = roster_imported(db, festival.id, path, dry_run=True)
    assert [(p.sheet, p.row, p.column, p.reason) for p in preview.problems] == [
        ("花名册", 3, "姓名", FORMULA_WITHOUT_VALUE)
    ]
    assert "在 Excel 中打开并保存" in FORMULA_WITHOUT_VALUE


def test_an_entry_formula_without_value_is_named(db: Database, demo: FestivalInfo, tmp_path: Path) -> None:
    student = list_students(db, demo.id)[0]
    path = write_workbook(
        tmp_path / "报名.xlsx",
        {
            "作品": [
                ["比赛项目", "作品题目", "作者", "班级"],
                ["科技创新绘画比赛", "", student.name, student.class_name],
            ]
        },
    )
    with_formula(path, "作品", "B2", "=A1")
    plan = entries_imported(db, demo.id, [path], dry_run=True, allow_late=True)
    assert any(p.row == 2 and p.reason == FORMULA_WITHOUT_VALUE for p in plan.problems), plan.problems


@pytest.fixture
def board(db: Database, festival: FestivalInfo) -> Board:
    return make_board(db, festival)


def score_file(path: Path, board: Board, points: list[object], judge: str = "李老师") -> Path:
    """One judge's row of points for the first class's board."""
    criteria = [c.name for c in board.competition.criteria]
    class_name = next(iter(board.entry_ids))
    return write_workbook(
        path,
        {
            judge: [
                ["比赛项目", "班级", "评委", *criteria],
                [board.competition.name, class_name, judge, *points],
            ]
        },
    )


def test_a_score_formula_without_value_is_reported_not_skipped(
    db: Database, festival: FestivalInfo, board: Board, tmp_path: Path
) -> None:
    criteria = board.competition.criteria
    points: list[object] = [5 for c in criteria if not c.is_deduction] + [
        0 for c in criteria if c.is_deduction
    ]
    points[0] = None
    path = score_file(tmp_path / "评分.xlsx", board, points)
    with_formula(path, "李老师", "D2", "=4+1")
    plan = scores_imported(db, festival.id, path)
    assert [(p.row, p.column, p.reason) for p in plan.problems] == [
        (2, criteria[0].name, FORMULA_WITHOUT_VALUE)
    ]
    assert plan.new == 0


def hide(path: Path, title: str) -> Path:
    workbook = load_workbook(path)
    workbook[title].sheet_state = "hidden"
    workbook.save(path)
    return path


def test_hidden_sheets_are_left_out_of_every_import_and_said(
    db: Database, festival: FestivalInfo, board: Board, tmp_path: Path
) -> None:
    roster = roster_workbook(
        tmp_path / "花名册.xlsx",
        [["三年级", "三年级(1)班", "王小明", "男"]],
        旧名单=[["年级", "班级", "姓名", "性别"], ["三年级", "三年级(1)班", "张旧生", "女"]],
    )
    preview = roster_imported(db, festival.id, hide(roster, "旧名单"), dry_run=True)
    assert [r.name for r in preview.file.rows] == ["王小明"]
    assert preview.skipped_sheets == [hidden_sheet_note("旧名单")]
    assert hidden_sheet_note("旧名单") in preview.summary()

    criteria = board.competition.criteria
    points = [5 for c in criteria if not c.is_deduction] + [0 for c in criteria if c.is_deduction]
    scores = score_file(tmp_path / "评分.xlsx", board, points)
    workbook = load_workbook(scores)
    extra = workbook.copy_worksheet(workbook["李老师"])
    extra.title = "草稿"
    extra["D2"] = 1
    workbook.save(scores)
    plan = scores_imported(db, festival.id, hide(scores, "草稿"), dry_run=True)
    assert plan.ok and plan.new == len(criteria)
    assert plan.skipped_sheets == [hidden_sheet_note("草稿")]
    assert hidden_sheet_note("草稿") in plan.summary()


def test_hidden_sheets_of_an_entries_file_are_said(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    make_small_school(db, festival)
    add_preset(db, festival.id, "科技创新绘画比赛")
    header = ["比赛项目", "作品题目", "作者", "班级"]
    path = write_workbook(
        tmp_path / "报名.xlsx",
        {
            "作品": [header, ["科技创新绘画比赛", "月球上的家", "张子涵", "三年级(1)班"]],
            "草稿": [header, ["科技创新绘画比赛", "草稿", "李梓轩", "三年级(1)班"]],
        },
    )
    plan = entries_imported(db, festival.id, [hide(path, "草稿")], dry_run=True, allow_late=True)
    assert plan.ok, plan.problems
    assert [planned.draft.title for planned in plan.new] == ["月球上的家"]
    assert plan.skipped_sheets == [hidden_sheet_note("草稿", "报名.xlsx")]
    assert hidden_sheet_note("草稿", "报名.xlsx") in plan.summary()


def test_names_and_titles_longer_than_allowed_are_refused_where_they_come_in(
    db: Database, demo: FestivalInfo, board_free_judged: int, tmp_path: Path
) -> None:
    long_name = "王" * (PERSON_NAME.longest + 1)
    roster = roster_workbook(tmp_path / "花名册.xlsx", [["三年级", "三年级(1)班", long_name, "男"]])
    preview = roster_imported(db, demo.id, roster, dry_run=True)
    assert len(preview.problems) == 1 and "姓名" in preview.problems[0].reason
    assert f"最多 {PERSON_NAME.longest} 个字" in preview.problems[0].reason

    student = list_students(db, demo.id)[0]
    with pytest.raises(ValidationError, match="太长"):
        save_student(db, demo.id, dataclasses.replace(student, name=long_name))

    entries = write_workbook(
        tmp_path / "报名.xlsx",
        {
            "作品": [
                ["比赛项目", "作品题目", "作者", "班级"],
                ["科技创新绘画比赛", "题" * (TITLE.longest + 1), student.name, student.class_name],
            ]
        },
    )
    plan = entries_imported(db, demo.id, [entries], dry_run=True, allow_late=True)
    assert any("作品题目" in p.reason and "太长" in p.reason for p in plan.problems), plan.problems

    with pytest.raises(ValidationError, match="太长"):
        add_judge(db, board_free_judged, "评" * 31)


@pytest.fixture
def board_free_judged(db: Database, demo: FestivalInfo) -> int:
    return next(c.id for c in list_competitions(db, demo.id) if c.judging == Judging.RUBRIC)


def test_every_pdf_holds_the_longest_allowed_values(db: Database, demo: FestivalInfo, tmp_path: Path) -> None:
    with db.session() as session:
        awarded = session.scalars(
            select(Award.entry_id).where(
                Award.festival_id == demo.id, Award.entry_id.is_not(None), Award.level != ""
            )
        ).all()
        for entry_id in awarded[:5]:
            session.execute(
                update(Entry)
                .where(Entry.id == entry_id)
                .values(title="长" * TITLE.longest, advisor="师" * ADVISOR_NAMES.longest)
            )
            student_id = session.scalars(
                select(EntryAuthor.student_id).where(EntryAuthor.entry_id == entry_id)
            ).first()
            session.execute(
                update(Student).where(Student.id == student_id).values(name="名" * PERSON_NAME.longest)
            )
    write_notice_pdf(db, demo.id, tmp_path / "公示.pdf")
    write_name_check(db, demo.id, tmp_path / "核对.pdf")
    assert page_count(tmp_path / "公示.pdf") >= 1 and page_count(tmp_path / "核对.pdf") >= 1


def test_a_long_name_is_set_smaller_to_stay_in_its_box(
    db: Database, demo: FestivalInfo, tmp_path: Path
) -> None:
    from pypdf import PdfReader
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from fest_desktop.certificates.drawing import MM
    from fest_desktop.files.pdf import PDF_FONT

    template = template_for(list_templates(db, demo.id), "student")
    job = certificate_jobs(db, demo.id)[0]
    name = "名" * PERSON_NAME.longest
    long_job = dataclasses.replace(job, recipient=name, values={**job.values, "姓名": name})
    field = next(f for f in template.fields if "{姓名}" in f.text and not f.wrap)
    path = tmp_path / "奖状.pdf"
    print_batch(db, demo.id, template, [long_job], to_file(path))
    drawn: list[tuple[str, float, float, float]] = []

    def visit(text: str, _cm: Any, tm: Any, font: Any, size: float) -> None:
        if name[:5] in text:
            drawn.append((text, tm[4], tm[0] * size, size))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    assert drawn, "the name was not found on the certificate"
    text, x, size, _ = drawn[0]
    left = (template.offset_x_mm + field.x_mm) * MM
    right = left + field.width_mm * MM
    assert size < field.size
    assert left - 0.5 <= x and x + stringWidth(text.strip(), PDF_FONT, size) <= right + 0.5


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Anna Lee", "Anna Lee"),
        ("  Anna   Lee ", "Anna Lee"),
        ("王　芳", "王芳"),
        (" 欧阳 小明 ", "欧阳小明"),
        ("Ｌｉ　Ｍｉｎｇ", "Li Ming"),
    ],
)
def test_spaces_inside_names_are_kept_and_padding_removed(
    db: Database, festival: FestivalInfo, tmp_path: Path, typed: str, kept: str
) -> None:
    roster = roster_workbook(tmp_path / "花名册.xlsx", [["三年级", "三年级(1)班", typed, "男"]])
    roster_imported(db, festival.id, roster)
    assert [s.name for s in list_students(db, festival.id)] == [kept]


def test_a_file_held_open_for_a_moment_is_replaced_after_a_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fest_desktop.files import saving

    target = tmp_path / "名单.xlsx"
    target.write_bytes(b"old")
    real_replace = os.replace
    refusals = [PermissionError(13, "in use"), PermissionError(13, "in use")]

    def held_twice(source: Any, destination: Any) -> None:
        if refusals:
            raise refusals.pop()
        real_replace(source, destination)

    monkeypatch.setattr(saving.os, "replace", held_twice)
    monkeypatch.setattr(saving.time, "sleep", lambda _seconds: None)
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and refusals == []

    monkeypatch.setattr(saving.os, "replace", lambda *_args: (_ for _ in ()).throw(PermissionError(13, "x")))
    with pytest.raises(FestError, match="PDF 阅读器或 Excel 中打开"):
        write_bytes(target, b"newer")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["名单.xlsx"]


def test_an_old_backup_held_open_does_not_stop_an_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fest_desktop.files import saving
    from fest_desktop.new_festival.creating import create_festival
    from fest_desktop.storage.backups import list_backups, make_backup
    from fest_desktop.storage.database import open_database

    db = open_database(tmp_path / "festival.db", keep_backups=1)
    festival = create_festival(
        db, "第十届校园科技节", "启明实验学校", dt.date(2026, 4, 11), dt.date(2026, 5, 11)
    ).value
    make_backup(db, "手动")
    held = list_backups(Path(db.location))[0].path
    real_unlink = Path.unlink

    def antivirus(path: Path, missing_ok: bool = False) -> None:
        if path == held:
            raise PermissionError(13, "being scanned")
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", antivirus)
    monkeypatch.setattr(saving.time, "sleep", lambda _seconds: None)
    roster = roster_workbook(tmp_path / "花名册.xlsx", [["三年级", "三年级(1)班", "王小明", "男"]])
    assert roster_imported(db, festival.id, roster).ok
    assert held.exists() and len(list_backups(Path(db.location))) == 2
    db.close()
