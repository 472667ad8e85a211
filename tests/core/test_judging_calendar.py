"""School days and the opening of judging: weekends, statutory holidays and 调休 days; a competition's
dates on days off marked; scores, imports, award runs and 定稿 refused before the competition's day
unless judging was opened early (logged), through the desk, the import and the phone server."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.kinds import competition_list_key
from fest_desktop.calendar.clashes import find_clashes
from fest_desktop.calendar.events import list_events
from fest_desktop.errors import ValidationError
from fest_desktop.phones.links import Scope, judge_links
from fest_desktop.phones.server import phone_app
from fest_desktop.registration.competitions import get_competition, update_competition
from fest_desktop.registration.presets import PRESETS, preset_dates
from fest_desktop.school.festivals import FestivalInfo, PhaseInfo
from fest_desktop.school.school_days import (
    day_off,
    holidays_known,
    is_school_day,
    school_day_by,
    unknown_years_note,
)
from fest_desktop.scoring.entering import enter_attempt, enter_score
from fest_desktop.scoring.log import competition_log
from fest_desktop.scoring.opening import competition_days_off, judging_opening, open_judging_early
from fest_desktop.storage.database import Database
from tests.conftest import write_workbook
from tests.core.award_fixture import Throws, make_throws
from tests.core.importing import scores_imported
from tests.core.scoring_fixture import Board, make_board

TODAY = dt.date.today()
AHEAD = TODAY + dt.timedelta(days=15)


def test_weekends_and_statutory_holidays_are_days_off_and_调休_days_school_days() -> None:
    labour_day = day_off(dt.date(2026, 5, 1))
    assert labour_day is not None and labour_day.message == "5月1日是劳动节假期"
    assert day_off(dt.date(2026, 10, 5)).reason == "国庆节假期"  # type: ignore[union-attr]
    assert day_off(dt.date(2026, 12, 5)).message == "12月5日是星期六"  # type: ignore[union-attr]
    # Saturday 9 May 2026 is a working day in exchange for the 五一 holiday: school is on.
    assert dt.date(2026, 5, 9).weekday() == 5 and is_school_day(dt.date(2026, 5, 9))
    assert is_school_day(dt.date(2026, 5, 6))
    # Beyond the years the library knows, only weekends, and the calendar says so.
    far = 2099
    assert not holidays_known(far) and is_school_day(dt.date(far, 5, 1)) is (dt.date(far, 5, 1).weekday() < 5)
    assert unknown_years_note([2026, far]) == f"{far}年的法定节假日和调休安排本程序还不知道，只标出了周末。"
    assert unknown_years_note([2026]) == ""
    # Brought forward to a school day, never before the first day allowed.
    assert school_day_by(dt.date(2026, 5, 4), dt.date(2026, 4, 1)) == dt.date(2026, 4, 30)
    assert school_day_by(dt.date(2026, 4, 11), dt.date(2026, 4, 11)) == dt.date(2026, 4, 13)


def test_a_deadline_judging_day_or_phase_end_on_a_day_off_is_marked(
    db: Database, festival: FestivalInfo
) -> None:
    board = make_board(db, festival).competition
    update_competition(
        db, dataclasses.replace(board, window_start=None, deadline=dt.date(2026, 5, 1), judging_date=None)
    )
    painting = update_competition(
        db,
        dataclasses.replace(
            get_competition(db, board.id), judging_date=dt.date(2026, 5, 9)
        ),  # 调休 Saturday: a school day
    ).value
    phases = [PhaseInfo(1, "展评", dt.date(2026, 5, 2), dt.date(2026, 5, 8))]
    clashes = [c for c in find_clashes(list_events(db, festival.id), festival, phases) if c.kind == "day_off"]
    assert [c.message for c in clashes] == [
        "「科普板报比赛」完成截止（5月1日）：5月1日是劳动节假期。",
        "「展评」阶段开始于5月2日：5月2日是劳动节假期。",
    ]
    assert clashes[0].event_ids and not clashes[1].event_ids  # the phase names no event to open
    assert competition_days_off(painting) == ["完成截止（5月1日）：5月1日是劳动节假期"]


def test_presets_put_their_dates_on_school_days() -> None:
    # The plan's own dates: 4月11日 to 5月11日, with the 五一 holiday before the end.
    for year in (2025, 2026):
        for preset in PRESETS:
            dates = preset_dates(preset, dt.date(year, 4, 11), dt.date(year, 5, 11))
            for day in dates:
                assert day is None or is_school_day(day), (preset.name, day)
            if dates.judging is not None and dates.window_start is None and dates.deadline is not None:
                assert dates.judging >= dates.deadline


@pytest.fixture
def throws(db: Database, festival: FestivalInfo) -> Throws:
    made = make_throws(db, festival, {"张子涵": "王芳", "李梓轩": "", "刘欣怡": ""})
    update_competition(db, dataclasses.replace(made.competition, deadline=AHEAD))
    return made


def test_a_score_before_the_deadline_is_refused_with_the_date_until_judging_is_opened_early(
    db: Database, throws: Throws
) -> None:
    entry = throws.entry_ids["张子涵"]
    when = f"{AHEAD.month}月{AHEAD.day}日（交稿截止）"
    with pytest.raises(ValidationError, match=f"评审从{when}开始，现在还不能录入成绩"):
        enter_attempt(db, entry, 1, 20)
    with pytest.raises(ValidationError, match="评奖"):
        assign_awards(db, throws.festival_id, throws.competition.name)
    # Run over every competition, one not open yet is left alone and said so.
    report = assign_awards(db, throws.festival_id).value
    assert any(f"评审从{when}开始，现在还不能评奖" in line for line in report.skipped)
    opened = open_judging_early(db, throws.competition.id, station="教务处电脑")
    assert opened.value.opened_by == "教务处电脑" and opened.value.is_open(TODAY)
    enter_attempt(db, entry, 1, 20)
    log = competition_log(db, throws.competition.id)
    early = [line for line in log if line.action == "open"]
    assert len(early) == 1 and early[0].station == "教务处电脑" and when in early[0].what
    assert judging_opening(db, throws.competition.id).opened_at is not None
    open_judging_early(db, throws.competition.id, station="另一台电脑")  # once is enough
    assert [line.station for line in competition_log(db, throws.competition.id) if line.action == "open"] == [
        "教务处电脑"
    ]


def test_the_award_run_and_定稿_of_a_competition_not_yet_open(db: Database, throws: Throws) -> None:
    key = competition_list_key(throws.competition.id)
    with pytest.raises(ValidationError, match="现在还不能定稿"):
        finalise(db, throws.festival_id, key)
    # Opened early and refused all the same (nothing to finalise): the opening goes with the refusal.
    with pytest.raises(ValidationError, match="还没有获奖者"):
        finalise(db, throws.festival_id, key, open_early=True)
    assert competition_log(db, throws.competition.id) == []
    with pytest.raises(ValidationError, match="提前开始评审要指定一个比赛项目"):
        assign_awards(db, throws.festival_id, open_early=True)
    # Opened early by the run itself: the log says so, and the run goes through.
    report = assign_awards(db, throws.festival_id, throws.competition.name, open_early=True).value
    assert not any("评审从" in line for line in report.skipped)
    assert [line.action for line in competition_log(db, throws.competition.id)] == ["open"]


def test_a_board_opens_on_its_inspection_day(db: Database, festival: FestivalInfo) -> None:
    board = make_board(db, festival)
    inspection = TODAY + dt.timedelta(days=3)
    update_competition(
        db,
        dataclasses.replace(
            board.competition,
            window_start=TODAY - dt.timedelta(days=3),
            judging_date=inspection,
            deadline=inspection + dt.timedelta(days=2),
        ),
    )
    criterion = board.competition.score_criteria[0]
    with pytest.raises(ValidationError, match=f"{inspection.month}月{inspection.day}日（检查日）"):
        enter_score(db, board.entry_ids["三年级(2)班"], board.judge("李老师"), criterion.id, 10)
    # Without an inspection day, the start of its making-and-inspection window opens it: today.
    update_competition(db, dataclasses.replace(get_competition(db, board.competition.id), judging_date=None))
    assert enter_score(db, board.entry_ids["三年级(2)班"], board.judge("李老师"), criterion.id, 10).value


def test_an_import_before_the_day_is_refused_naming_it_and_goes_through_opened_early(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    board = make_board(db, festival)
    update_competition(db, dataclasses.replace(board.competition, judging_date=AHEAD, deadline=AHEAD))
    names = [c.name for c in board.competition.score_criteria]
    path = write_workbook(
        tmp_path / "评分表.xlsx",
        {
            "李老师": [
                ["比赛项目", "班级", "评委", *names],
                ["科普板报比赛", "三年级(2)班", "李老师", *[5] * len(names)],
                ["科普板报比赛", "一年级(1)班", "李老师", *[6] * len(names)],
            ]
        },
    )
    refused = scores_imported(db, festival.id, path)
    assert [p.column for p in refused.problems] == ["比赛项目", "比赛项目"]
    assert (
        f"评审从{AHEAD.month}月{AHEAD.day}日（检查日）开始，现在还不能导入成绩" in refused.problems[0].reason
    )
    assert not [line for line in competition_log(db, board.competition.id) if line.action == "score"]
    done = scores_imported(db, festival.id, path, open_early=True)
    assert done.ok and done.new == 2 * len(names)
    actions = [line.action for line in competition_log(db, board.competition.id)]
    assert actions.count("open") == 1 and actions.count("score") == done.new


def test_the_phone_server_refuses_a_score_before_the_inspection_day(
    db: Database, festival: FestivalInfo
) -> None:
    board = make_board(db, festival)
    update_competition(db, dataclasses.replace(board.competition, judging_date=AHEAD, deadline=AHEAD))
    client = TestClient(phone_app(db, Scope(competition_id=board.competition.id)))
    secret = next(
        link.secret for link in judge_links(db, board.competition.id) if link.judge_name == "李老师"
    )
    body = _phone_body(board, "三年级(2)班")
    refused = client.post(f"/api/j/{secret}/scores", json=body)
    assert refused.status_code == 422
    assert f"评审从{AHEAD.month}月{AHEAD.day}日（检查日）开始" in refused.json()["error"]
    assert not [line for line in competition_log(db, board.competition.id) if line.action == "score"]
    open_judging_early(db, board.competition.id)
    accepted = client.post(f"/api/j/{secret}/scores", json={**body, "id": "after-opening"})
    assert accepted.status_code == 200 and accepted.json()["stored"] == len(board.competition.score_criteria)


def _phone_body(board: Board, entry: str) -> dict[str, object]:
    points = {str(c.id): c.max_points for c in board.competition.score_criteria}
    return {"id": "before-opening", "entry": board.entry_ids[entry], "points": points, "base": {}}
