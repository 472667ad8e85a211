"""One user action, one transaction: the workflows a teacher runs each commit once, so two stations on
one festival never see half of an action, and a refused action leaves nothing behind."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.changes import award_entry, change_award
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.kinds import competition_list_key
from fest_desktop.awards.lists import list_awards
from fest_desktop.certificates.batch import Progress, print_batch, to_file
from fest_desktop.certificates.items import Sheet
from fest_desktop.certificates.jobs import certificate_jobs
from fest_desktop.certificates.templates import list_templates, template_for
from fest_desktop.errors import ValidationError
from fest_desktop.registration.entry_files import read_entry_files
from fest_desktop.registration.entry_import import commit_entry_import, plan_entry_import
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.roster import commit_roster_import, plan_roster_import
from fest_desktop.school.roster_files import read_roster
from fest_desktop.scoring.entering import enter_score
from fest_desktop.scoring.log import entry_log
from fest_desktop.scoring.score_import import commit_score_import, plan_score_import, read_score_file
from fest_desktop.storage.database import Database
from tests.conftest import write_workbook
from tests.core.award_fixture import Throws, make_throws
from tests.core.importing import entries_imported, roster_imported, scores_imported
from tests.core.school_fixture import make_small_school
from tests.core.scoring_fixture import make_board


@contextmanager
def transactions(db: Database) -> Iterator[list[int]]:
    """Counts the database transactions begun inside the block (reads included)."""
    begun: list[int] = []

    def count(_connection: object) -> None:
        begun.append(1)

    event.listen(db.engine, "begin", count)
    try:
        yield begun
    finally:
        event.remove(db.engine, "begin", count)


@pytest.fixture
def throws(db: Database, festival: FestivalInfo) -> Throws:
    made = make_throws(db, festival, {"张子涵": "王芳", "李梓轩": "", "刘欣怡": "", "吴可馨": ""})
    made.throw(db, {"张子涵": 20, "李梓轩": 18, "刘欣怡": 17, "吴可馨": 9})
    return made


def test_assigning_every_list_is_one_transaction(db: Database, throws: Throws) -> None:
    with transactions(db) as begun:
        report = assign_awards(db, throws.festival_id).value
    assert len(begun) == 1
    assert report.assigned  # the competition, the collective awards, 优秀组织奖 and 辅导员奖 all ran


def test_finalise_and_a_change_by_hand_are_one_transaction_each(db: Database, throws: Throws) -> None:
    assign_awards(db, throws.festival_id)
    award = list_awards(db, throws.festival_id, competition_list_key(throws.competition.id))[0]
    with transactions(db) as begun:
        change_award(db, award.id, "二等奖", "复核")
    assert len(begun) == 1
    with transactions(db) as begun:
        finalise(db, throws.festival_id, competition_list_key(throws.competition.id), confirmed=True)
    assert len(begun) == 1


def test_an_award_by_hand_refused_leaves_no_placeholder(db: Database, throws: Throws) -> None:
    entry_id = throws.entry_ids["吴可馨"]
    with transactions(db) as begun, pytest.raises(ValidationError, match="原因"):
        award_entry(db, entry_id, "一等奖", "  ")
    assert len(begun) == 1
    assert list_awards(db, throws.festival_id) == []
    with transactions(db) as begun:
        award_entry(db, entry_id, "一等奖", "特别奖励")
    assert len(begun) == 1


def test_a_certificate_batch_numbers_in_one_transaction_and_records_in_another(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    assign_awards(db, throws.festival_id)
    finalise(db, throws.festival_id, competition_list_key(throws.competition.id), confirmed=True)
    jobs = certificate_jobs(db, throws.festival_id)
    template = template_for(list_templates(db, throws.festival_id), "student")
    begun_when_delivered = []

    def deliver(sheets: Sequence[Sheet], progress: Progress) -> None:
        begun_when_delivered.append(len(begun))
        to_file(tmp_path / "c.pdf")(sheets, progress)

    with transactions(db) as begun:
        printed = print_batch(db, throws.festival_id, template, jobs, deliver).value
    # The numbers are committed before the file is drawn; the prints are recorded once it is out.
    assert begun_when_delivered == [1] and len(begun) == 2 and len(printed.jobs) == len(jobs)


def test_a_score_typed_is_one_transaction(db: Database, festival: FestivalInfo) -> None:
    board = make_board(db, festival)
    criterion = board.competition.score_criteria[0]
    with transactions(db) as begun:
        enter_score(db, board.entry_ids["三年级(2)班"], board.judge("李老师"), criterion.id, 18)
    assert len(begun) == 1


def test_a_roster_import_is_one_transaction(db: Database, festival: FestivalInfo, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "roster.xlsx",
        {"花名册": [["年级", "班级", "姓名"], ["三年级", "1", "张子涵"], ["三年级", "2", "李梓轩"]]},
    )
    with transactions(db) as begun:
        preview = roster_imported(db, festival.id, path)
    assert preview.ok and len(preview.new_students) == 2
    assert len(begun) == 1
    # The window: the file read once, its preview one transaction that reads, the commit one that writes.
    file = read_roster(path)
    with transactions(db) as begun:
        shown = plan_roster_import(db, festival.id, file)
        commit_roster_import(db, festival.id, file, previewed=shown)
    assert len(begun) == 2 and shown.unchanged_count == 2


def test_an_entries_import_is_one_transaction_and_its_preview_one_more(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    make_small_school(db, festival)
    add_preset(db, festival.id, "科技创新绘画比赛")
    path = write_workbook(
        tmp_path / "entries.xlsx",
        {
            "作品": [
                ["比赛项目", "作品题目", "作者", "班级"],
                ["科技创新绘画比赛", "未来的城市", "张子涵", "三年级(1)班"],
            ]
        },
    )
    with transactions(db) as begun:
        plan = entries_imported(db, festival.id, [path], allow_late=True)
    assert plan.ok and len(plan.new) == 1
    assert len(begun) == 1
    # The window: the preview reads, the commit plans again and writes.
    files = read_entry_files([path])
    with transactions(db) as begun:
        preview = plan_entry_import(db, festival.id, files)
        commit_entry_import(db, festival.id, files, previewed=preview, allow_late=True)
    assert len(begun) == 2 and len(preview.unchanged) == 1


def test_a_score_import_is_one_transaction_and_logs_every_cell(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    board = make_board(db, festival)
    criteria = board.competition.criteria
    header = ["比赛项目", "班级", "评委", *(c.name for c in criteria)]

    def sheet_with(points: float) -> Path:
        row = [points if not c.is_deduction else None for c in criteria]
        return write_workbook(
            tmp_path / f"scores-{points:g}.xlsx",
            {"李老师": [header, [board.competition.name, "三年级(2)班", "李老师", *row]]},
        )

    with transactions(db) as begun:
        first = scores_imported(db, festival.id, sheet_with(12))
    assert first.ok and first.new == len(board.competition.score_criteria)
    assert len(begun) == 1
    file = read_score_file(sheet_with(13))
    with transactions(db) as begun:
        shown = plan_score_import(db, festival.id, file)
        second = commit_score_import(db, festival.id, file, previewed=shown).value
    assert len(begun) == 2
    assert second.changed == len(board.competition.score_criteria) and second.new == 0
    log = entry_log(db, board.entry_ids["三年级(2)班"])
    assert [(line.old_value, line.new_value) for line in log] == [(None, 12.0)] * 5 + [(12.0, 13.0)] * 5
    assert {line.what for line in log} == {f"李老师 · {c.name}" for c in board.competition.score_criteria}


def test_a_column_ticked_and_a_practice_sheet_imported_are_one_transaction_each(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    from fest_desktop.practice.checklist import Mark, class_checklist, set_marks
    from fest_desktop.practice.items import add_plan_items
    from fest_desktop.practice.sheet import commit_practice_import, read_practice_file

    school = make_small_school(db, festival)
    add_plan_items(db, festival.id)
    third = school.class_ids["三年级(1)班"]
    checklist = class_checklist(db, third)
    column = [Mark(p.student_id, checklist.items[0].id, True) for p in checklist.pupils]
    with transactions(db) as begun:
        set_marks(db, third, column)
    assert len(begun) == 1
    path = write_workbook(
        tmp_path / "实践表.xlsx",
        {
            "三年级(1)班": [
                ["班级", "三年级(1)班"],
                ["姓名", "看一部科普影片"],
                ["张子涵", "✓"],
                ["李梓轩", "✓"],
            ]
        },
    )
    read = read_practice_file(path)
    with transactions(db) as begun:
        plan = commit_practice_import(db, festival.id, read).value
    assert plan.ok and len(plan.changes) == 2 and len(begun) == 1
