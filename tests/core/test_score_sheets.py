"""Judges' paper sheets: the PDF, and the .xlsx that goes out blank and comes back filled in."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from fest_desktop.files.workbooks import ImportRefused, WorkbookFileError
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.entering import enter_score, set_locked
from fest_desktop.scoring.judges import list_judges
from fest_desktop.scoring.log import entry_log
from fest_desktop.scoring.paper_sheets import write_judge_sheets_pdf, write_score_workbook
from fest_desktop.scoring.score_import import commit_score_import, plan_score_import, read_score_file
from fest_desktop.storage.database import Database
from fest_desktop.storage.importing import PlanChanged
from fest_desktop.storage.kinds import RowOutcome
from tests.conftest import write_workbook
from tests.core.scoring_fixture import Board, make_board, score_all, sheet
from tests.pdf_checks import fonts, page_count, page_text

BOARD_HEADER = (
    "比赛项目",
    "作品编号",
    "班级",
    "评委",
    "主题突出",
    "内容科学",
    "版面设计",
    "书写美观",
    "创新特色",
)


@pytest.fixture
def board(db: Database, festival: FestivalInfo) -> Board:
    return make_board(db, festival)


def test_the_pdf_has_a_page_per_judge_with_the_rubric_and_fonts_embedded(
    db: Database, board: Board, tmp_path: Path
) -> None:
    path = tmp_path / "sheets.pdf"
    assert write_judge_sheets_pdf(db, board.small.festival_id, board.competition.id, path) == 5
    assert page_count(path) == 5
    assert fonts(path) and all(fonts(path).values())
    first = page_text(path, 0)
    for text in ("科普板报比赛评分表", "王老师", "主题突出", "满分20", "三年级(2)班", "回避", "评委签名"):
        assert text in first, text
    assert "回避" not in page_text(path, 1)  # 李老师 is nobody's 班主任


def test_the_workbook_round_trips_filled_in_scores(db: Database, board: Board, tmp_path: Path) -> None:
    score_all(db, board, "三年级(2)班", "李老师", [18, 27, 17, 13, 12])
    path = tmp_path / "scores.xlsx"
    assert write_score_workbook(db, board.competition.id, path) == 5
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["王老师", "李老师", "陈老师", "刘老师", "赵老师"]
    assert workbook["王老师"].max_row == 2 + 2  # stands aside for 三年级(1)班
    li = workbook["李老师"]
    rows = {row[2]: row for row in li.iter_rows(min_row=3, values_only=True)}
    assert rows["三年级(2)班"][5:10] == (18, 27, 17, 13, 12)
    # 陈老师 fills in her sheet on paper; the office types it in
    chen = workbook["陈老师"]
    for row in chen.iter_rows(min_row=3):
        for cell, value in zip(row[5:10], (16, 25, 18, 12, 13), strict=True):
            cell.value = value
    workbook.save(path)
    plan = plan_score_import(db, board.small.festival_id, read_score_file(path))
    assert plan.ok and plan.new == 15 and plan.unchanged == 5
    assert sheet(db, board).judge_total(board.entry_ids["一年级(1)班"], board.judge("陈老师")) is None
    commit_score_import(db, board.small.festival_id, read_score_file(path), station="测试")
    stored = sheet(db, board)
    for class_name in ("三年级(1)班", "三年级(2)班", "一年级(1)班"):
        assert stored.judge_total(board.entry_ids[class_name], board.judge("陈老师")) == 84
    log = entry_log(db, board.entry_ids["一年级(1)班"])
    assert {c.station for c in log} == {"测试"} and len(log) == 5


def test_rows_by_class_and_every_problem_with_its_place(db: Database, board: Board, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "typed.xlsx",
        {
            "板报": [
                BOARD_HEADER,
                ("科普板报比赛", "", "三年级(2)班", "李老师", 18, 27, 17, 13, 12),
                ("科普板报比赛", "", "三年级(2)班", "孙老师", 18, 27, 17, 13, 12),
                ("科普板报比赛", "", "三年级(1)班", "王老师", 18, 27, 17, 13, 12),
                ("科普板报比赛", "", "一年级(1)班", "陈老师", 25, 27, 17, 13, 12),
                ("科普板报比赛", "BB-0099", "", "陈老师", 18, 27, 17, 13, 12),
                ("科普板报比赛", "", "一年级(1)班", "刘老师", 18, "", 17, 13, 12),
                ("科普板报比赛", "", "三年级(2)班", "李老师", 18, 27, 17, 13, 12),
            ]
        },
    )
    plan = plan_score_import(db, board.small.festival_id, read_score_file(path))
    problems = [(p.row, p.column, p.reason) for p in plan.problems]
    assert problems[0][:2] == (3, "评委") and "「孙老师」不在「科普板报比赛」的评委组中" in problems[0][2]
    assert problems[1][:2] == (4, "评委") and "回避本班" in problems[1][2]
    assert problems[2][:2] == (5, "主题突出") and "满分 20 分，填的 25 超出了" in problems[2][2]
    assert problems[3][:2] == (6, "作品编号") and "BB-0099" in problems[3][2]
    assert problems[4][:2] == (7, "内容科学") and "没有填分数" in problems[4][2]
    assert problems[5][:2] == (8, "评委") and "第2行出现过" in problems[5][2]
    assert len(problems) == 6
    with pytest.raises(ImportRefused):
        commit_score_import(db, board.small.festival_id, read_score_file(path))
    assert sheet(db, board).cells == {}  # all or nothing


def test_an_unknown_judge_is_added_when_asked(db: Database, board: Board, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "guest.xlsx",
        {"Sheet1": [BOARD_HEADER, ("科普板报", "", "三年级(2)班", "孙教授", 18, 27, 17, 13, 12)]},
    )
    plan = commit_score_import(db, board.small.festival_id, read_score_file(path), add_judges=True).value
    assert plan.new_judges == [(board.competition.id, "孙教授")]
    judges = list_judges(db, board.competition.id)
    assert judges[-1].name == "孙教授"
    assert sheet(db, board).judge_total(board.entry_ids["三年级(2)班"], judges[-1].id) == 87


def test_a_locked_competition_refuses_the_import(db: Database, board: Board, tmp_path: Path) -> None:
    set_locked(db, board.competition.id, True)
    path = write_workbook(
        tmp_path / "late.xlsx",
        {"Sheet1": [BOARD_HEADER, ("科普板报比赛", "", "三年级(2)班", "李老师", 18, 27, 17, 13, 12)]},
    )
    plan = plan_score_import(db, board.small.festival_id, read_score_file(path))
    assert [p.reason for p in plan.problems] == ["「科普板报比赛」的成绩已锁定，请先解锁再导入。"]


def test_a_workbook_without_score_columns_is_refused(db: Database, board: Board, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "roster.xlsx", {"花名册": [("班级", "姓名"), ("三年级(1)班", "张子涵")]})
    with pytest.raises(WorkbookFileError, match="没有找到评分表"):
        plan_score_import(db, board.small.festival_id, read_score_file(path))


def test_a_finalised_list_refuses_the_import(db: Database, board: Board, tmp_path: Path) -> None:
    from fest_desktop.awards.assignment import assign_awards
    from fest_desktop.awards.finalising import finalise
    from fest_desktop.awards.kinds import competition_list_key

    for class_name in board.entry_ids:
        for judge in ("王老师", "李老师", "陈老师", "刘老师", "赵老师"):
            if not (judge == "王老师" and class_name == "三年级(1)班"):
                score_all(db, board, class_name, judge, [18, 27, 17, 13, 12])
    assign_awards(db, board.small.festival_id)
    finalise(db, board.small.festival_id, competition_list_key(board.competition.id), confirmed=True)
    path = write_workbook(
        tmp_path / "late.xlsx",
        {"Sheet1": [BOARD_HEADER, ("科普板报比赛", "", "三年级(2)班", "李老师", 19, 27, 17, 13, 12)]},
    )
    plan = plan_score_import(db, board.small.festival_id, read_score_file(path))
    assert [p.reason for p in plan.problems] == [
        "「科普板报比赛」的获奖名单已定稿，成绩不能再改；请先撤销定稿再导入。"
    ]


def test_each_score_a_row_changes_is_shown_before_after_and_a_change_since_stops_the_import(
    db: Database, board: Board, tmp_path: Path
) -> None:
    score_all(db, board, "三年级(2)班", "李老师", [18, 27, 17, 13, 12])
    path = write_workbook(
        tmp_path / "typed.xlsx",
        {"Sheet1": [BOARD_HEADER, ("科普板报比赛", "", "三年级(2)班", "李老师", 19, 27, 17, 13, 12)]},
    )
    file = read_score_file(path)
    preview = plan_score_import(db, board.small.festival_id, file)
    [line] = preview.lines()
    assert (line.outcome, line.details) == (RowOutcome.CHANGED, ("主题突出：18 → 19",))
    assert line.where == "工作表「Sheet1」第2行" and line.subject.endswith("· 评委李老师")
    # The same cell typed at the desk meanwhile: the import would overwrite what the preview did not show.
    criterion = board.competition.score_criteria[0]
    enter_score(db, board.entry_ids["三年级(2)班"], board.judge("李老师"), criterion.id, 20)
    with pytest.raises(PlanChanged):
        commit_score_import(db, board.small.festival_id, file, previewed=preview)
    assert (
        sheet(db, board).cell(board.entry_ids["三年级(2)班"], board.judge("李老师"), criterion.id).value == 20
    )


def test_a_number_and_a_class_that_disagree_are_refused(db: Database, board: Board, tmp_path: Path) -> None:
    code = next(e.code for e in sheet(db, board).entries if e.class_name == "三年级(2)班")
    path = write_workbook(
        tmp_path / "typed.xlsx",
        {"Sheet1": [BOARD_HEADER, ("科普板报比赛", code, "三年级(1)班", "李老师", 19, 27, 17, 13, 12)]},
    )
    plan = plan_score_import(db, board.small.festival_id, read_score_file(path))
    assert [p.reason for p in plan.problems] == [
        f"作品 {code} 是三年级(2)班的，表中却写着三年级(1)班：请核对编号和班级。"
    ]
