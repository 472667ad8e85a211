"""Scoring: refused values, the 班主任 standing aside, double entry, undo, locking, the audit log,
results from the stored scores, and no acknowledged score lost when the process is killed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fest_desktop.errors import ValidationError
from fest_desktop.registration.competitions import list_competitions, update_competition
from fest_desktop.registration.entries import EntryDraft, create_entry, list_entries, update_entry
from fest_desktop.registration.kinds import EntryStatus
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.entering import enter_attempt, enter_score, set_locked, undo_change
from fest_desktop.scoring.judges import list_judges, remove_judges, update_judge
from fest_desktop.scoring.log import competition_log, entry_log, scoring_stamp
from fest_desktop.scoring.sheet import load_sheet
from fest_desktop.storage.database import Database, open_database
from tests.conftest import PROJECT_ROOT
from tests.core.scoring_fixture import Board, make_board, score_all, sheet


@pytest.fixture
def board(db: Database, festival: FestivalInfo) -> Board:
    return make_board(db, festival)


def test_a_score_is_stored_and_logged(db: Database, board: Board) -> None:
    entry = board.entry_ids["三年级(2)班"]
    change = enter_score(
        db, entry, board.judge("李老师"), board.criterion("主题突出"), "18", station="一号机"
    ).value
    assert change is not None and (change.old_value, change.new_value) == (None, 18)
    enter_score(db, entry, board.judge("李老师"), board.criterion("主题突出"), "１９", station="一号机")
    log = entry_log(db, entry)
    assert [(c.what, c.old_value, c.new_value, c.station) for c in log] == [
        ("李老师 · 主题突出", None, 18, "一号机"),
        ("李老师 · 主题突出", 18, 19, "一号机"),
    ]
    assert sheet(db, board).cell(entry, board.judge("李老师"), board.criterion("主题突出")).value == 19
    # the same value again is no change
    assert enter_score(db, entry, board.judge("李老师"), board.criterion("主题突出"), 19).value is None


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("21", "满分 20 分，填的 21 超出了"),
        ("-1", "不能是负数"),
        ("十八", "「十八」不是数字"),
        ("18.3", "按 1 分一档计分"),
    ],
)
def test_refused_values_are_never_stored(db: Database, board: Board, typed: str, reason: str) -> None:
    entry = board.entry_ids["三年级(2)班"]
    with pytest.raises(ValidationError, match=reason):
        enter_score(db, entry, board.judge("李老师"), board.criterion("主题突出"), typed)
    assert entry_log(db, entry) == []
    assert sheet(db, board).cells == {}


def test_a_half_point_step_accepts_halves(db: Database, board: Board) -> None:
    criteria = tuple(
        dataclasses.replace(c, step=0.5) if c.name == "内容科学" else c for c in board.competition.criteria
    )
    update_competition(db, dataclasses.replace(board.competition, criteria=criteria))
    entry = board.entry_ids["三年级(2)班"]
    enter_score(db, entry, board.judge("李老师"), board.criterion("内容科学"), "27.5")
    with pytest.raises(ValidationError, match=r"0\.5 分一档"):
        enter_score(db, entry, board.judge("李老师"), board.criterion("内容科学"), "27.2")
    # as a Chinese input method types it: the ideographic full stop and full-width digits
    change = enter_score(db, entry, board.judge("李老师"), board.criterion("内容科学"), "２６。５").value
    assert change is not None and change.new_value == 26.5


def test_the_head_teacher_does_not_score_their_class(db: Database, board: Board) -> None:
    own = board.entry_ids["三年级(1)班"]
    with pytest.raises(ValidationError, match="是本班班主任"):
        enter_score(db, own, board.judge("王老师"), board.criterion("主题突出"), 18)
    # the other four complete the board; the final uses them alone
    for judge, points in zip(
        ("李老师", "陈老师", "刘老师", "赵老师"),
        ([18, 27, 17, 13, 12], [16, 25, 18, 12, 13], [19, 28, 16, 14, 12], [17, 26, 17, 12, 14]),
        strict=True,
    ):
        score_all(db, board, "三年级(1)班", judge, points)
    result = next(r for r in sheet(db, board).results() if r.entry.class_name == "三年级(1)班")
    assert result.complete and result.missing_judges == ()
    # 4 judges < 5: plain mean of 87, 84, 89, 86 = 86.5
    assert result.final == 86.5
    assert [j.blocked for j in result.judges] == [True, False, False, False, False]


def test_a_judge_marked_as_belonging_to_a_class_stands_aside(db: Database, board: Board) -> None:
    judge = next(j for j in board.judges if j.name == "赵老师")
    update_judge(db, dataclasses.replace(judge, class_id=board.small.class_ids["三年级(2)班"]))
    with pytest.raises(ValidationError, match="属于本班"):
        enter_score(db, board.entry_ids["三年级(2)班"], judge.id, board.criterion("主题突出"), 18)


def test_trimmed_mean_with_five_judges_and_a_deduction(db: Database, board: Board) -> None:
    for judge, points in zip(
        ("王老师", "李老师", "陈老师", "刘老师", "赵老师"),
        (
            [18, 27, 17, 13, 12],
            [16, 25, 18, 12, 13],
            [19, 28, 16, 14, 12],
            [17, 26, 17, 12, 14],
            [20, 30, 20, 15, 15],
        ),
        strict=True,
    ):
        score_all(db, board, "三年级(2)班", judge, points)
    entry = board.entry_ids["三年级(2)班"]
    enter_score(db, entry, board.judge("赵老师"), board.criterion("刊头超过版面1/4"), 5)
    result = next(r for r in sheet(db, board).results() if r.entry.id == entry)
    totals = {j.judge_name: j.total for j in result.judges}
    assert totals == {"王老师": 87, "李老师": 84, "陈老师": 89, "刘老师": 86, "赵老师": 95}
    # 95 and 84 dropped: (87 + 89 + 86) / 3 = 87.33
    assert result.final == 87.33 and result.rank == 1
    assert {j.judge_name: j.dropped for j in result.judges if j.dropped} == {
        "赵老师": "high",
        "李老师": "low",
    }


def test_missing_scores_show_who_has_not_scored_and_rank_only_provisionally(
    db: Database, board: Board
) -> None:
    score_all(db, board, "三年级(2)班", "李老师", [18, 27, 17, 13, 12])
    for judge in ("王老师", "陈老师", "刘老师", "赵老师"):
        score_all(db, board, "一年级(1)班", judge, [15, 20, 15, 10, 10])
    score_all(db, board, "一年级(1)班", "李老师", [15, 20, 15, 10, 10])
    current = sheet(db, board)
    results = {r.entry.class_name: r for r in current.results()}
    partial = results["三年级(2)班"]
    assert not partial.complete and partial.rank is None and partial.final == 87
    assert partial.missing_judges == ("王老师", "陈老师", "刘老师", "赵老师")
    assert results["一年级(1)班"].rank == 1
    provisional = {r.entry.class_name: r.rank for r in current.results(provisional=True)}
    assert provisional == {"三年级(2)班": 1, "一年级(1)班": 2, "三年级(1)班": None}
    assert current.progress() == (1, 3)
    assert current.judge_progress(board.judge("李老师")) == (2, 3)
    assert current.judge_progress(board.judge("王老师")) == (1, 2)  # stands aside for 三年级(1)班


def test_an_outlying_judge_is_flagged_not_changed(db: Database, board: Board) -> None:
    for judge in ("王老师", "李老师", "陈老师", "刘老师"):
        score_all(db, board, "三年级(2)班", judge, [18, 27, 17, 13, 12])
    score_all(db, board, "三年级(2)班", "赵老师", [10, 15, 10, 5, 5])
    result = next(r for r in sheet(db, board).results() if r.entry.class_name == "三年级(2)班")
    assert [j.judge_name for j in result.judges if j.outlier] == ["赵老师"]
    assert next(j.total for j in result.judges if j.judge_name == "赵老师") == 45


def test_tie_break_criteria_order_equal_finals(db: Database, board: Board) -> None:
    update_competition(db, dataclasses.replace(board.competition, tie_break=(board.criterion("内容科学"),)))
    for judge in ("李老师", "陈老师", "刘老师", "赵老师"):
        score_all(db, board, "三年级(2)班", judge, [20, 25, 15, 10, 10])  # 80, content 25
        score_all(db, board, "一年级(1)班", judge, [15, 30, 15, 10, 10])  # 80, content 30
    score_all(db, board, "三年级(2)班", "王老师", [20, 25, 15, 10, 10])
    score_all(db, board, "一年级(1)班", "王老师", [15, 30, 15, 10, 10])
    ranks = {r.entry.class_name: r.rank for r in sheet(db, board).results()}
    assert ranks["一年级(1)班"] == 1 and ranks["三年级(2)班"] == 2


def test_double_entry_counts_only_where_both_passes_agree(db: Database, board: Board) -> None:
    update_competition(db, dataclasses.replace(board.competition, double_entry=True))
    entry = board.entry_ids["三年级(2)班"]
    judge, first, second = board.judge("李老师"), board.criterion("主题突出"), board.criterion("内容科学")
    enter_score(db, entry, judge, first, 18)
    assert sheet(db, board).cell_state(entry, judge, first) == "pending"
    enter_score(db, entry, judge, first, 18, check_pass=True)
    enter_score(db, entry, judge, second, 27)
    enter_score(db, entry, judge, second, 24, check_pass=True)
    current = sheet(db, board)
    assert current.cell_state(entry, judge, first) == "ok"
    assert current.cell_state(entry, judge, second) == "conflict"
    for name in ("版面设计", "书写美观", "创新特色"):
        for check in (False, True):
            enter_score(db, entry, judge, board.criterion(name), 10, check_pass=check)
    current = sheet(db, board)
    assert current.judge_total(entry, judge) is None  # the conflict keeps it from counting
    assert next(r for r in current.results() if r.entry.id == entry).conflicts == 1
    enter_score(db, entry, judge, second, 27, check_pass=True)  # the paper said 27
    assert sheet(db, board).judge_total(entry, judge) == 75


def test_the_second_pass_needs_double_entry(db: Database, board: Board) -> None:
    with pytest.raises(ValidationError, match="没有开启双人核对"):
        enter_score(
            db,
            board.entry_ids["三年级(2)班"],
            board.judge("李老师"),
            board.criterion("主题突出"),
            18,
            check_pass=True,
        )


def test_undo_puts_the_previous_value_back(db: Database, board: Board) -> None:
    entry, judge, criterion = (
        board.entry_ids["三年级(2)班"],
        board.judge("李老师"),
        board.criterion("主题突出"),
    )
    enter_score(db, entry, judge, criterion, 18)
    second = enter_score(db, entry, judge, criterion, 8).value
    assert second is not None
    undone = undo_change(db, second.id).value
    assert undone is not None and undone.new_value == 18
    assert sheet(db, board).cell(entry, judge, criterion).value == 18
    with pytest.raises(ValidationError, match="之后又被改过"):
        undo_change(db, second.id)


def test_locked_results_refuse_changes_until_unlocked_with_a_reason(db: Database, board: Board) -> None:
    entry, judge, criterion = (
        board.entry_ids["三年级(2)班"],
        board.judge("李老师"),
        board.criterion("主题突出"),
    )
    enter_score(db, entry, judge, criterion, 18)
    set_locked(db, board.competition.id, True, station="一号机")
    with pytest.raises(ValidationError, match="已锁定"):
        enter_score(db, entry, judge, criterion, 19)
    with pytest.raises(ValidationError, match="写明原因"):
        set_locked(db, board.competition.id, False)
    set_locked(db, board.competition.id, False, reason="李老师更正誊写错误", station="一号机")
    enter_score(db, entry, judge, criterion, 19)
    log = competition_log(db, board.competition.id)
    assert [(c.action, c.what) for c in log[1:3]] == [
        ("lock", "锁定成绩"),
        ("unlock", "解锁成绩：李老师更正誊写错误"),
    ]


def test_a_disqualified_entry_is_not_scored(db: Database, board: Board) -> None:
    entry = board.entry_ids["三年级(2)班"]
    info = next(e for e in list_entries(db, board.small.festival_id) if e.id == entry)
    update_entry(db, entry, dataclasses.replace(info.draft(), status=EntryStatus.DISQUALIFIED))
    with pytest.raises(ValidationError, match="已取消资格"):
        enter_score(db, entry, board.judge("李老师"), board.criterion("主题突出"), 18)
    assert entry not in {e.id for e in sheet(db, board).entries}


def test_a_judge_with_scores_stays_on_the_panel(db: Database, board: Board) -> None:
    score_all(db, board, "三年级(2)班", "李老师", [18, 27, 17, 13, 12])
    with pytest.raises(ValidationError, match="已录入 5 个分数"):
        remove_judges(db, [board.judge("赵老师"), board.judge("李老师")])
    assert "赵老师" in [j.name for j in list_judges(db, board.competition.id)]  # all or none
    remove_judges(db, [board.judge("赵老师")])
    assert [j.name for j in list_judges(db, board.competition.id)] == [
        "王老师",
        "李老师",
        "陈老师",
        "刘老师",
    ]


def test_a_criterion_with_scores_is_not_deleted_or_cut_below_them(db: Database, board: Board) -> None:
    enter_score(db, board.entry_ids["三年级(2)班"], board.judge("李老师"), board.criterion("主题突出"), 18)
    kept = tuple(c for c in board.competition.criteria if c.name != "主题突出")
    with pytest.raises(ValidationError, match="已有 1 个分数，不能删除"):
        update_competition(db, dataclasses.replace(board.competition, criteria=kept))
    lowered = tuple(
        dataclasses.replace(c, max_points=15) if c.name == "主题突出" else c
        for c in board.competition.criteria
    )
    with pytest.raises(ValidationError, match="满分不能改成 15"):
        update_competition(db, dataclasses.replace(board.competition, criteria=lowered))


def test_measured_attempts_take_the_best(db: Database, festival: FestivalInfo) -> None:
    board = make_board(db, festival)
    race = add_preset(db, festival.id, "四驱车竞速").value  # 2 attempts, seconds, lower is better
    fast = create_entry(
        db,
        festival.id,
        EntryDraft(
            race.id, board.small.class_ids["三年级(1)班"], author_ids=(board.small.student_ids["张子涵"],)
        ),
        today=festival.start_date,
    ).value
    slow = create_entry(
        db,
        festival.id,
        EntryDraft(
            race.id, board.small.class_ids["三年级(2)班"], author_ids=(board.small.student_ids["刘欣怡"],)
        ),
        today=festival.start_date,
    ).value
    enter_attempt(db, fast.id, 1, "8.31秒")
    enter_attempt(db, fast.id, 2, "7.95")
    enter_attempt(db, slow.id, 1, "8.02")
    with pytest.raises(ValidationError, match="只有 2 次"):
        enter_attempt(db, slow.id, 3, "7.5")
    with pytest.raises(ValidationError, match="应大于 0"):
        enter_attempt(db, slow.id, 2, "0")
    results = {r.entry.id: r for r in load_sheet(db, race.id).results(provisional=True)}
    assert results[fast.id].final == 7.95 and results[fast.id].complete and results[fast.id].rank == 1
    assert results[slow.id].final == 8.02 and not results[slow.id].complete and results[slow.id].rank == 2


def test_the_stamp_grows_with_every_change(db: Database, board: Board) -> None:
    before = scoring_stamp(db, board.small.festival_id)
    enter_score(db, board.entry_ids["三年级(2)班"], board.judge("李老师"), board.criterion("主题突出"), 18)
    after = scoring_stamp(db, board.small.festival_id)
    assert after > before
    set_locked(db, board.competition.id, True)
    assert scoring_stamp(db, board.small.festival_id) > after


def test_a_new_festival_copies_rubric_tie_breaks(db: Database, board: Board) -> None:
    from fest_desktop.new_festival.creating import create_festival

    update_competition(db, dataclasses.replace(board.competition, tie_break=(board.criterion("内容科学"),)))
    copy = create_festival(
        db,
        "第十一届校园科技节",
        "启明实验学校",
        dt.date(2027, 4, 10),
        dt.date(2027, 5, 10),
        copy_setup_from=board.small.festival_id,
    ).value
    copied = next(c for c in list_competitions(db, copy.id) if c.name == "科普板报比赛")
    assert [next(c.name for c in copied.criteria if c.id == i) for i in copied.tie_break] == ["内容科学"]
    assert [d.name for d in copied.deductions] == ["刊头超过版面1/4", "错别字", "逾期未完成"]


SCORER = """
import sys
from fest_desktop.scoring.entering import enter_score
from fest_desktop.storage.database import open_database
db = open_database(sys.argv[1])
entry, criterion = int(sys.argv[2]), int(sys.argv[3])
judges = [int(j) for j in sys.argv[4].split(",")]
n = 0
while True:
    for judge in judges:
        n += 1
        value = n % 20 + 1
        enter_score(db, entry, judge, criterion, value, station="killed")
        print(judge, value, flush=True)
"""


def test_no_acknowledged_score_is_lost_when_the_process_is_killed(db: Database, board: Board) -> None:
    judges = [j.id for j in board.judges if j.name != "王老师"]
    entry, criterion = board.entry_ids["三年级(2)班"], board.criterion("主题突出")
    process = subprocess.Popen(
        [sys.executable, "-c", SCORER, db.location, str(entry), str(criterion), ",".join(map(str, judges))],
        stdout=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
    )
    assert process.stdout is not None
    acknowledged: list[tuple[int, float]] = []
    while len(acknowledged) < 40:
        judge, value = process.stdout.readline().split()
        acknowledged.append((int(judge), float(value)))
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    db.close()
    reopened = open_database(db.location)
    try:
        logged = [(c.judge_id, c.new_value) for c in entry_log(reopened, entry)]
        # Every score it said was stored is there, in order; at most one more made it before the kill.
        assert logged[: len(acknowledged)] == acknowledged
        assert len(logged) <= len(acknowledged) + 1
        stored = load_sheet(reopened, board.competition.id)
        for judge in judges:
            last = [value for who, value in logged if who == judge][-1]
            assert stored.cell(entry, judge, criterion).value == last
    finally:
        reopened.close()


def test_a_rubric_without_criteria_cannot_be_scored_and_is_never_awarded(
    db: Database, board: Board, tmp_path: Path
) -> None:
    from fest_desktop.awards.assignment import assign_awards
    from fest_desktop.awards.lists import list_awards
    from fest_desktop.errors import FestError
    from fest_desktop.scoring.paper_sheets import write_judge_sheets_pdf, write_score_workbook

    empty = update_competition(db, dataclasses.replace(board.competition, criteria=())).value
    assert "还没有计分的评分项" in empty.unscorable_reason
    results = sheet(db, board).results(provisional=True)
    assert results and all(not r.complete and r.final is None and r.rank is None for r in results)
    report = assign_awards(db, board.small.festival_id).value
    assert "科普板报比赛：还没有计分的评分项，不评奖。" in report.skipped
    assert list_awards(db, board.small.festival_id) == []
    for write in (
        lambda: write_judge_sheets_pdf(db, board.small.festival_id, board.competition.id, tmp_path / "s.pdf"),
        lambda: write_score_workbook(db, board.competition.id, tmp_path / "s.xlsx"),
    ):
        with pytest.raises(FestError, match="还没有计分的评分项"):
            write()
