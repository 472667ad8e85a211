"""现场评分 as the office types it in: the keyboard, refused values, standing aside, double entry,
undo, locking, paper sheets, and the projector leaderboard — also fed by another process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QAbstractAnimation, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from fest_desktop.registration.competitions import get_competition, update_competition
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.entering import enter_score
from fest_desktop.scoring.log import competition_log, entry_log
from fest_desktop.scoring.paper_sheets import write_score_workbook
from fest_desktop.scoring.sheet import load_sheet
from fest_desktop.storage.database import Database
from fest_desktop.storage.kinds import RowOutcome
from tests.conftest import PROJECT_ROOT
from tests.core.scoring_fixture import Board, make_board, score_all, sheet
from tests.ui.conftest import settled
from ui.operations import Runner
from ui.scoring.grid import BY_JUDGE, CONFLICT_BRUSH
from ui.scoring.leaderboard import MIN_ROW_HEIGHT
from ui.scoring.tab import UNDO_DEPTH, ScoringTab
from ui.scoring.watcher import ScoreWatcher


@pytest.fixture
def board(db: Database, festival: FestivalInfo) -> Board:
    return make_board(db, festival)


@pytest.fixture
def tab(qtbot: QtBot, db: Database, board: Board, shown: dict[str, list[str]], tmp_path: Path) -> ScoringTab:
    festival_id = board.small.festival_id
    widget = ScoringTab(db, Runner(), ScoreWatcher(db, festival_id), tmp_path / "preferences.json")
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show_festival(board.small.festival_id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def choose_judge(tab: ScoringTab, name: str) -> None:
    tab.chooser.setCurrentIndex(tab.chooser.findText(f"评委：{name}"))
    tab.chooser.activated.emit(tab.chooser.currentIndex())


def open_editor(tab: ScoringTab) -> QLineEdit:
    """The cell editor being typed in (closed ones linger hidden until deleted)."""
    editors = [e for e in tab.grid.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def type_in(qtbot: QtBot, tab: ScoringTab, text: str) -> None:
    """Type into the current cell as a teacher does: the first key opens the editor, Enter commits."""
    qtbot.keyClicks(tab.grid, text[0])
    editor = open_editor(tab)
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def row_of(tab: ScoringTab, class_name: str) -> int:
    return next(i for i, e in enumerate(tab.sheet.entries) if e.class_name == class_name)  # type: ignore[union-attr]


def test_scores_typed_by_keyboard_are_stored_and_refused_ones_never(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board
) -> None:
    choose_judge(tab, "李老师")
    row = row_of(tab, "三年级(2)班")
    tab.grid.setCurrentIndex(tab.grid_model.index(row, 0))
    type_in(qtbot, tab, "18")
    assert tab.grid.currentIndex().column() == 1  # Enter moved on to 内容科学
    type_in(qtbot, tab, "35")
    code = tab.sheet.entry(board.entry_ids["三年级(2)班"]).code  # type: ignore[union-attr]
    # A refusal names the entry and looks like one: red and marked, not the confirmation's green.
    assert tab.message.text() == f"⚠ {code} 三年级(2)班：「内容科学」满分 30 分，填的 35 超出了。"
    assert tab.message.objectName() == "errorText"
    assert tab.grid.currentIndex().column() == 1  # stays for retyping
    editor = open_editor(tab)
    assert editor.selectedText() == "35"
    qtbot.keyClicks(editor, "27")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    type_in(qtbot, tab, "abc")
    assert "不是数字" in tab.message.text()
    stored = sheet(db, board)
    entry = board.entry_ids["三年级(2)班"]
    assert stored.cell(entry, board.judge("李老师"), board.criterion("主题突出")).value == 18
    assert stored.cell(entry, board.judge("李老师"), board.criterion("内容科学")).value == 27
    assert stored.cell(entry, board.judge("李老师"), board.criterion("版面设计")).value is None
    assert [c.new_value for c in entry_log(db, entry)] == [18, 27]
    assert tab.grid_model.index(row, 1).data() == "27"
    tab._message_timer.timeout.emit()  # the message's time is up: a stale one is not left behind
    assert tab.message.text() == ""


def test_tab_moves_across_and_the_last_column_wraps_to_the_next_row(
    qtbot: QtBot, tab: ScoringTab, board: Board
) -> None:
    choose_judge(tab, "李老师")
    last = len(board.competition.criteria) - 1
    tab.grid.setCurrentIndex(tab.grid_model.index(0, last))
    qtbot.keyClicks(tab.grid, "0")  # nothing deducted
    qtbot.keyClick(open_editor(tab), Qt.Key.Key_Tab)
    assert (tab.grid.currentIndex().row(), tab.grid.currentIndex().column()) == (1, 0)


def test_the_head_teacher_cells_are_blocked_and_skipped(qtbot: QtBot, tab: ScoringTab, board: Board) -> None:
    choose_judge(tab, "王老师")
    own = row_of(tab, "三年级(1)班")
    assert tab.grid_model.index(own, 0).data() == "回避"
    assert not tab.grid_model.flags(tab.grid_model.index(own, 0)) & Qt.ItemFlag.ItemIsEditable
    before = tab.grid_model.index(own - 1, len(board.competition.criteria) - 1) if own else None
    if before is not None:
        assert tab.grid.next_cell(before).row() == own + 1


def test_progress_markers_and_the_live_ranking(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board
) -> None:
    for judge in ("李老师", "陈老师", "刘老师", "赵老师"):
        score_all(db, board, "三年级(1)班", judge, [18, 27, 17, 13, 12])
    score_all(db, board, "三年级(2)班", "李老师", [10, 20, 10, 10, 10])
    tab.watcher.check_now()  # type: ignore[union-attr]
    assert tab.progress.text().startswith("已完成 1/3")
    choose_judge(tab, "陈老师")
    marker = tab.grid_model.index(row_of(tab, "三年级(2)班"), tab.grid_model.columnCount() - 1).data()
    assert marker == "缺 4 位：王老师、陈老师、刘老师、赵老师"
    rows = tab.results_model.rows()
    assert (rows[0].entry.class_name, rows[0].rank, rows[0].final_text) == ("三年级(1)班", 1, "87.00")
    tab.provisional.setChecked(True)
    assert [r.rank for r in tab.results_model.rows()][:2] == [1, 2]


def test_by_entry_layout_and_undo(qtbot: QtBot, tab: ScoringTab, db: Database, board: Board) -> None:
    tab.by_entry.click()
    tab.chooser.setCurrentIndex(tab.chooser.findData(board.entry_ids["一年级(1)班"]))
    tab.chooser.activated.emit(tab.chooser.currentIndex())
    assert [tab.grid_model.headerData(i, Qt.Orientation.Vertical) for i in range(5)] == [
        "王老师",
        "李老师",
        "陈老师",
        "刘老师",
        "赵老师",
    ]
    tab.grid.setCurrentIndex(tab.grid_model.index(2, 0))  # 陈老师, 主题突出
    type_in(qtbot, tab, "15")
    type_in(qtbot, tab, "22")
    tab.undo_last()
    entry = board.entry_ids["一年级(1)班"]
    stored = sheet(db, board)
    assert stored.cell(entry, board.judge("陈老师"), board.criterion("内容科学")).value is None
    assert stored.cell(entry, board.judge("陈老师"), board.criterion("主题突出")).value == 15
    assert "已撤销" in tab.message.text()


def test_a_day_of_typing_keeps_only_the_latest_scores_to_undo(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board
) -> None:
    tab.by_entry.click()
    tab.chooser.setCurrentIndex(tab.chooser.findData(board.entry_ids["一年级(1)班"]))
    tab.chooser.activated.emit(tab.chooser.currentIndex())
    for number in range(UNDO_DEPTH + 5):
        tab.grid.setCurrentIndex(tab.grid_model.index(2, 0))
        type_in(qtbot, tab, str(10 + number % 2))
    assert len(tab.undo_stack) == UNDO_DEPTH
    tab.undo_last()  # the latest still comes first: the last 10 typed goes back to the 11 before it
    entry = board.entry_ids["一年级(1)班"]
    assert sheet(db, board).cell(entry, board.judge("陈老师"), board.criterion("主题突出")).value == 11


def test_double_entry_turns_differences_red(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board
) -> None:
    stored = get_competition(db, board.competition.id)
    update_competition(db, stored.__class__(**{**stored.__dict__, "double_entry": True}))
    tab.reload_competitions()
    assert tab.pass_box.isVisible()
    choose_judge(tab, "李老师")
    row = row_of(tab, "三年级(2)班")
    tab.grid.setCurrentIndex(tab.grid_model.index(row, 0))
    type_in(qtbot, tab, "18")
    tab.pass_box.setCurrentIndex(1)
    tab.pass_box.activated.emit(1)
    assert tab.grid_model.index(row, 0).data() == ""  # blind: the first pass is not shown
    tab.grid.setCurrentIndex(tab.grid_model.index(row, 0))
    type_in(qtbot, tab, "16")
    assert tab.grid_model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) == CONFLICT_BRUSH
    assert "第一遍 18，第二遍 16" in tab.grid_model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_locked_results_are_read_only_until_unlocked(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.lock_button.click()
    assert get_competition(db, board.competition.id).locked
    choose_judge(tab, "李老师")
    assert not tab.grid_model.flags(tab.grid_model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert tab.lock_button.text() == "解锁成绩…"
    monkeypatch.setattr("ui.scoring.tab.QInputDialog.getText", lambda *_a, **_k: ("更正誊写错误", True))
    tab.lock_button.click()
    assert not get_competition(db, board.competition.id).locked
    assert competition_log(db, board.competition.id)[-1].what == "解锁成绩：更正誊写错误"


def test_a_filled_in_sheet_imports_through_the_tab(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board, tmp_path: Path
) -> None:
    path = tmp_path / "scores.xlsx"
    write_score_workbook(db, board.competition.id, path)
    workbook = load_workbook(path)
    for row in workbook["赵老师"].iter_rows(min_row=3):
        for cell, value in zip(row[5:10], (15, 25, 15, 10, 10), strict=True):
            cell.value = value
    workbook.save(path)
    tab.import_sheets(path)
    settled(qtbot, tab.runner)
    dialog = tab.sheet_files.import_dialog
    assert dialog is not None and dialog.import_button.isEnabled()
    assert "新录入 15 个分数" in dialog.summary.text()
    lines = dialog.shown_lines()
    assert len(lines) == 3 and {line.outcome for line in lines} == {RowOutcome.NEW}
    assert lines[0].details[0].startswith("主题突出：（空） → 15")
    assert sheet(db, board).judge_progress(board.judge("赵老师")) == (0, 3)  # nothing written yet
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    assert sheet(db, board).judge_progress(board.judge("赵老师")) == (3, 3)


SCORE_FROM_ANOTHER_PROCESS = """
import sys
from fest_desktop.scoring.entering import enter_score
from fest_desktop.storage.database import open_database
db = open_database(sys.argv[1])
entry = int(sys.argv[2])
for judge in sys.argv[3].split(","):
    for criterion, points in zip(sys.argv[4].split(","), (20, 25, 15, 10, 10)):
        enter_score(db, entry, int(judge), int(criterion), points, station="二号机")
"""


def test_the_leaderboard_follows_scores_from_another_process(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board
) -> None:
    for judge in ("王老师", "李老师", "陈老师", "刘老师", "赵老师"):
        score_all(db, board, "一年级(1)班", judge, [15, 20, 15, 10, 10])  # 70
    tab.watcher.check_now()  # type: ignore[union-attr]
    leaderboard = tab.open_leaderboard()
    assert leaderboard is not None
    qtbot.addWidget(leaderboard)
    first = leaderboard.rows[board.entry_ids["一年级(1)班"]]
    assert first.rank.text() == "1" and first.score.text() == "70.00"
    # The board drawn for the size its window took on the screen (rows are put, not slid, after a resize).
    qtbot.waitUntil(lambda: leaderboard.placed_for == leaderboard.stage.size())
    judges = ",".join(str(board.judge(n)) for n in ("李老师", "陈老师", "刘老师", "赵老师"))
    criteria = ",".join(str(c.id) for c in board.competition.score_criteria)
    subprocess.run(
        [
            sys.executable,
            "-c",
            SCORE_FROM_ANOTHER_PROCESS,
            db.location,
            str(board.entry_ids["三年级(1)班"]),
            judges,
            criteria,
        ],
        cwd=PROJECT_ROOT,
        check=True,
        timeout=60,
    )
    # 三年级(1)班 now leads with 80 from four judges (王老师 stands aside): no signal was sent from
    # that process, the board saw it in the database.
    qtbot.waitUntil(
        lambda: (
            leaderboard.rows.get(board.entry_ids["三年级(1)班"]) is not None
            and leaderboard.rows[board.entry_ids["三年级(1)班"]].rank.text() == "1"
        ),
        timeout=5000,
    )
    assert leaderboard.rows[board.entry_ids["三年级(1)班"]].score.text() == "80.00"
    moved = leaderboard.rows[board.entry_ids["一年级(1)班"]]
    assert moved.rank.text() == "2"
    assert moved.animation.state() == QAbstractAnimation.State.Running  # it slides down to its new place
    qtbot.waitUntil(lambda: moved.animation.state() == QAbstractAnimation.State.Stopped, timeout=3000)
    assert moved.y() > leaderboard.rows[board.entry_ids["三年级(1)班"]].y()


def test_leaderboard_options_hide_hold_and_reveal(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board
) -> None:
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
    tab.watcher.check_now()  # type: ignore[union-attr]
    leaderboard = tab.open_leaderboard()
    assert leaderboard is not None
    qtbot.addWidget(leaderboard)
    tab.board.hide_scores.setChecked(True)
    row = leaderboard.rows[board.entry_ids["三年级(2)班"]]
    assert row.rank.text() == "1" and not row.score.isVisible()
    tab.board.hold.setChecked(True)
    assert leaderboard.pages.currentWidget() is leaderboard.notice and tab.board.hold.text() == "公布"
    tab.board.hold.setChecked(False)
    assert leaderboard.pages.currentWidget() is leaderboard.stage
    tab.board.reveal.setChecked(True)
    card = leaderboard.reveal_card
    assert "三年级(2)班" in card.text() and "87" in card.text() and "<s" not in card.text()
    tab.board.next_step.click()
    assert card.text().count("<s") == 2  # 95 and 84 struck through
    tab.board.next_step.click()
    assert "87.33 分　第1名" in card.text()
    tab.close_leaderboard()
    assert tab.leaderboard is None and not tab.board.isVisible()


def test_the_screen_is_kept_on_while_the_board_is_shown(
    qtbot: QtBot, tab: ScoringTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.scoring import keep_awake

    states: list[int] = []
    monkeypatch.setattr(keep_awake, "_windows_execution_state", lambda: states.append)
    leaderboard = tab.open_leaderboard()
    assert leaderboard is not None
    qtbot.addWidget(leaderboard)
    display_on = keep_awake.ES_CONTINUOUS | keep_awake.ES_DISPLAY_REQUIRED | keep_awake.ES_SYSTEM_REQUIRED
    assert states == [display_on]
    tab.close_leaderboard()
    assert states == [display_on, keep_awake.ES_CONTINUOUS]


def test_measured_attempts_are_typed_in_a_row_and_the_best_counts(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board, festival: FestivalInfo
) -> None:
    from fest_desktop.registration.entries import EntryDraft, create_entry

    planes = add_preset(db, festival.id, "手抛飞机").value  # 3 attempts, metres, longest counts
    thrown = create_entry(
        db,
        festival.id,
        EntryDraft(
            planes.id, board.small.class_ids["三年级(1)班"], author_ids=(board.small.student_ids["张子涵"],)
        ),
        today=festival.start_date,
    ).value
    tab.reload_competitions()
    tab.select_competition("手抛飞机")
    assert not tab.by_judge.isVisible() and tab.grid_model.columnCount() == 4
    tab.grid.setCurrentIndex(tab.grid_model.index(0, 0))
    type_in(qtbot, tab, "12.5")
    qtbot.keyClicks(tab.grid, "1")
    open_editor(tab).insert("4.2米")  # QTest types ASCII only
    qtbot.keyClick(open_editor(tab), Qt.Key.Key_Return)
    type_in(qtbot, tab, "-3")
    assert "应大于 0" in tab.message.text() or "不合理" in tab.message.text()
    assert tab.grid_model.index(0, 3).data() == "14.2 米"
    results = load_sheet(db, planes.id).results(provisional=True)
    assert (results[0].entry.id, results[0].final, results[0].complete) == (thrown.id, 14.2, False)


def _limit_storage(db: Database, pragma: str) -> None:
    """Every connection from now on gets the pragma: the file behaves as a full disk or a read-only one."""
    from sqlalchemy import event

    def limit(connection: Any, _record: Any) -> None:
        if pragma == "full":
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages}")
        else:
            connection.execute("PRAGMA query_only = 1")

    db.engine.dispose()
    event.listen(db.engine, "connect", limit)
    db.lifted = lambda: (db.engine.dispose(), event.remove(db.engine, "connect", limit))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fault", "message"),
    [("full", "磁盘已满，本次修改没有保存"), ("read-only", "数据库文件是只读的，本次修改没有保存")],
)
def test_a_full_disk_or_read_only_file_is_told_and_nothing_is_corrupted(
    qtbot: QtBot,
    tab: ScoringTab,
    db: Database,
    board: Board,
    shown: dict[str, list[str]],
    fault: str,
    message: str,
) -> None:
    from sqlalchemy import text

    from fest_desktop.errors import FestError

    entry, judge = board.entry_ids["三年级(2)班"], board.judge("李老师")
    _limit_storage(db, fault)
    stored = 0
    if fault == "full":  # fill the last free space of the file with real scores, as a long day does
        with pytest.raises(FestError, match="磁盘已满"):
            for stored in range(1, 10_000):
                enter_score(db, entry, board.judge("陈老师"), board.criterion("书写美观"), stored % 15)
        acknowledged = (stored - 1) % 15
    choose_judge(tab, "李老师")
    tab.grid.setCurrentIndex(tab.grid_model.index(row_of(tab, "三年级(2)班"), 0))
    type_in(qtbot, tab, "18")
    told = [*shown["errors"], tab.message.text()]
    assert any(message in text_shown for text_shown in told), told
    assert tab.isVisible()
    assert sheet(db, board).cell(entry, judge, board.criterion("主题突出")).value is None
    db.lifted()  # type: ignore[attr-defined]
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA quick_check")).scalar() == "ok"
    if fault == "full":
        assert (
            sheet(db, board).cell(entry, board.judge("陈老师"), board.criterion("书写美观")).value
            == acknowledged
        )
    editor = open_editor(tab)  # the refused value waits, selected, for Enter once the disk is fixed
    assert editor.selectedText() == "18"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert sheet(db, board).cell(entry, judge, board.criterion("主题突出")).value == 18


def test_the_grid_and_the_ranking_follow_the_qt_model_contract(
    tab: ScoringTab, db: Database, board: Board, qtmodeltester: object
) -> None:
    for judge in ("李老师", "陈老师"):
        score_all(db, board, "三年级(1)班", judge, [18, 27, 17, 13, 12])
    tab.watcher.check_now()  # type: ignore[union-attr]
    check = qtmodeltester.check  # type: ignore[attr-defined]
    choose_judge(tab, "陈老师")
    check(tab.grid_model)
    tab.by_entry.click()
    tab.chooser.setCurrentIndex(tab.chooser.findData(board.entry_ids["三年级(1)班"]))
    tab.chooser.activated.emit(tab.chooser.currentIndex())
    check(tab.grid_model)
    check(tab.results_model)
    tab.grid_model.show(None, BY_JUDGE)  # nothing to score
    check(tab.grid_model)


def test_a_competition_without_criteria_says_so_and_stays_said(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board
) -> None:
    import dataclasses

    update_competition(db, dataclasses.replace(board.competition, criteria=()))
    tab.show_festival(board.small.festival_id)
    assert "还没有计分的评分项" in tab.message.text() and tab.message.objectName() == "errorText"
    assert not tab._message_timer.isActive()


def test_the_board_pages_through_a_long_group_and_hides_partial_figures(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board
) -> None:
    score_all(db, board, "三年级(2)班", "李老师", [15, 20, 15, 10, 10])  # one judge of five
    tab.watcher.check_now()  # type: ignore[union-attr]
    leaderboard = tab.open_leaderboard()
    assert leaderboard is not None
    qtbot.addWidget(leaderboard)
    # A stage with room for two rows of the three classes. The title above it is as tall as the fonts of
    # this PC make it (its type is the same for any window under 400 pixels high), so the window's
    # height follows from the stage's.
    two_rows = 36 + 2 * MIN_ROW_HEIGHT + MIN_ROW_HEIGHT // 2
    leaderboard.resize(900, 300)

    def stage_of_two_rows() -> bool:
        leaderboard.layout().activate()  # a change of the title's type resizes the stage now
        if leaderboard.stage.height() != two_rows:
            leaderboard.resize(900, leaderboard.height() - leaderboard.stage.height() + two_rows)
            return False
        return leaderboard.placed_for == leaderboard.stage.size() and leaderboard.page_count == 2

    qtbot.waitUntil(stage_of_two_rows, timeout=3000)
    heading = leaderboard.headings["小学"]
    assert heading.text() == "小学　第 1/2 页"
    shown = {e for e, row in leaderboard.rows.items() if row.isVisible()}
    qtbot.waitUntil(
        lambda: all(
            r.animation.state() == QAbstractAnimation.State.Stopped for r in leaderboard.rows.values()
        ),
        timeout=3000,
    )
    stage = leaderboard.stage.height()
    bottoms = [row.geometry().bottom() for row in leaderboard.rows.values() if row.isVisible()]
    assert max(bottoms) < stage, (bottoms, stage)  # the last row whole, not cut
    leaderboard.next_page()
    assert heading.text() == "小学　第 2/2 页"
    shown_next = {e for e, row in leaderboard.rows.items() if row.isVisible()}
    assert shown | shown_next == set(board.entry_ids.values()) and not shown & shown_next  # every class, once
    partial = leaderboard.rows[board.entry_ids["三年级(2)班"]]
    if not partial.isVisible():
        leaderboard.next_page()
    assert partial.isVisible()
    assert partial.score.text() == "" and partial.progress.text() == "评分中 1/5"
    tab.board.show_partial.setChecked(True)
    assert partial.score.text() == "70.00"
    assert leaderboard.hint.isVisible() and "F11" in leaderboard.hint.text()  # a window, not full screen
    tab.close_leaderboard()


def test_enter_and_tab_on_a_cell_move_on_and_skip_an_empty_deduction_with_one_key(
    qtbot: QtBot, tab: ScoringTab, board: Board
) -> None:
    choose_judge(tab, "李老师")
    tab.grid.setFocus()
    criteria = [c.name for c in tab.sheet.competition.criteria]  # type: ignore[union-attr]
    first_deduction = next(i for i, c in enumerate(tab.sheet.competition.criteria) if c.is_deduction)  # type: ignore[union-attr]
    tab.grid.setCurrentIndex(tab.grid_model.index(0, first_deduction))
    qtbot.keyClick(tab.grid, Qt.Key.Key_Return)
    assert tab.grid.currentIndex().column() == first_deduction + 1, criteria  # skipped with one key
    assert tab.grid.state() != tab.grid.State.EditingState
    qtbot.keyClick(tab.grid, Qt.Key.Key_Tab)
    assert tab.grid.hasFocus()  # Tab stays in the grid
    assert (tab.grid.currentIndex().row(), tab.grid.currentIndex().column()) != (0, first_deduction + 1)
    qtbot.keyClick(tab.grid, Qt.Key.Key_Backtab)
    assert (tab.grid.currentIndex().row(), tab.grid.currentIndex().column()) == (0, first_deduction + 1)


def test_a_deduction_heading_shows_its_whole_rule(tab: ScoringTab) -> None:
    model = tab.grid_model
    criteria = tab.sheet.competition.criteria  # type: ignore[union-attr]
    column = next(i for i, c in enumerate(criteria) if c.name == "刊头超过版面1/4")
    title = model.headerData(column, Qt.Orientation.Horizontal)
    assert title == "刊头超过版面1/4\n至多扣5"
    # Drawn whole in its narrow column, on as many lines as it takes, the heading row tall enough.
    header = tab.grid.horizontalHeader()
    shown, height = header.wrapped(column)
    assert shown.replace("\n", "") == title.replace("\n", "") and shown.count("\n") >= 2
    assert header.height() >= height
    tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("刊头超过版面1/4：扣5分/处，最多扣5分。填扣去的分数")


def following_sheets(tab: ScoringTab) -> list[Any]:
    """The sheets that still follow the watcher (each one read again at every score another PC sends)."""
    assert tab.watcher is not None
    import gc

    import shiboken6

    from ui.scoring.live_sheet import LiveSheet

    return [
        o
        for o in gc.get_objects()
        if isinstance(o, LiveSheet) and shiboken6.isValid(o) and o.watcher is tab.watcher and o.users > 0
    ]


def test_showing_the_tab_again_keeps_one_sheet_following_the_scores(
    qtbot: QtBot, tab: ScoringTab, db: Database, board: Board
) -> None:
    first = tab.live
    for _ in range(20):  # a teacher looking at another tab and coming back, all day long
        tab.hide()
        tab.show()
    assert tab.live is first and following_sheets(tab) == [first]
    score_all(db, board, "三年级(2)班", "李老师", [15, 20, 15, 10, 10])  # another PC scores
    tab.watcher.check_now()  # type: ignore[union-attr]
    assert first is not None
    assert first.sheet.judge_total(board.entry_ids["三年级(2)班"], board.judge("李老师")) == 70


def test_a_sheet_left_by_the_tab_lives_as_long_as_the_board_showing_it(
    qtbot: QtBot, tab: ScoringTab, board: Board
) -> None:
    leaderboard = tab.open_leaderboard()
    assert leaderboard is not None
    shown = tab.live
    tab.select_competition("另一个比赛")  # the tab leaves the boards: nothing is chosen
    assert tab.live is None
    assert shown is not None and following_sheets(tab) == [shown]  # the board still shows the ranking
    tab.close_leaderboard()
    assert following_sheets(tab) == []


def test_quitting_with_the_board_open_leaves_no_error(
    qtbot: QtBot, db: Database, board: Board, tmp_path: Path
) -> None:
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    festival_id = board.small.festival_id
    widget = ScoringTab(db, Runner(), ScoreWatcher(db, festival_id), tmp_path / "preferences.json")
    widget.show()  # a tab reads its festival once it is on screen
    widget.show_festival(board.small.festival_id)
    leaderboard = widget.open_leaderboard()
    assert leaderboard is not None
    widget.deleteLater()  # the main window goes first, as it may when the program quits
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leaderboard.close()  # its destroyed signal must not reach the deleted tab
    qtbot.waitUntil(lambda: not shiboken6.isValid(leaderboard))
