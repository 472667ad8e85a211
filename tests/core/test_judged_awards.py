"""Awards only from what was judged: lists that count other lists wait for all of them, only a judged
work is recommended, 定稿 asks to confirm the surprises, one 科技辅导员奖 per teacher naming what the
students won, 优秀奖 for the judged works left without a prize, 班级考核 points beside the prizes, and
certificates dated by the 颁奖典礼."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.changes import award_entry, set_recommended
from fest_desktop.awards.finalising import SurprisesToConfirm, finalise, surprises, waiting_for
from fest_desktop.awards.kinds import (
    ADVISOR_LIST,
    CLASS_LIST,
    AwardAction,
    AwardKind,
    PointSource,
    RuleMode,
    competition_list_key,
)
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.lists import list_awards
from fest_desktop.awards.log import award_log
from fest_desktop.awards.point_sources import point_rules, set_point_rules
from fest_desktop.awards.points import class_points
from fest_desktop.awards.rules import RuleKey, effective_rules, set_rules
from fest_desktop.calendar.events import EventInfo, add_event
from fest_desktop.calendar.kinds import EventKind
from fest_desktop.certificates.jobs import certificate_jobs
from fest_desktop.errors import ValidationError
from fest_desktop.registration.competitions import CompetitionInfo, add_competition, update_competition
from fest_desktop.registration.entries import EntryDraft, list_entries, update_entry
from fest_desktop.registration.kinds import EntryStatus, Outcome
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from tests.core.award_fixture import Throws, add_throws, make_throws

ADVISORS = {"张子涵": "王芳", "李梓轩": "王芳", "王一诺": "李强", "刘欣怡": "", "吴可馨": "", "孙浩宇": ""}


@pytest.fixture
def throws(db: Database, festival: FestivalInfo) -> Throws:
    return make_throws(db, festival, ADVISORS)


def throw_all(db: Database, throws: Throws) -> None:
    throws.throw(db, {name: 20.0 - i for i, name in enumerate(ADVISORS)})


def test_a_list_counting_other_lists_waits_for_every_one_of_them(
    db: Database, festival: FestivalInfo, throws: Throws
) -> None:
    bridges = add_throws(
        db, festival, throws.class_ids, throws.student_ids, {"陈雨桐": "王芳"}, name="纸桥承重", prefix="ZQ"
    )
    # Nobody entered it, or it is a 初评 whose 入选 counts for nothing: neither is waited for.
    add_competition(db, festival.id, CompetitionInfo(0, "科普征文", code_prefix="ZW"))
    add_competition(
        db, festival.id, CompetitionInfo(0, "电脑作品初评", code_prefix="CP", outcome=Outcome.SHORTLIST)
    )
    throw_all(db, throws)
    assign_awards(db, festival.id)
    finalise(db, festival.id, competition_list_key(throws.competition.id), confirmed=True)
    # 纸桥承重 has no award at all (nothing thrown yet): the collective list still waits for it.
    assert waiting_for(db, festival.id, CLASS_LIST) == ["纸桥承重"]
    for key in (CLASS_LIST, ADVISOR_LIST):
        with pytest.raises(ValidationError, match="还有 1 个比赛项目未定稿：纸桥承重。"):
            finalise(db, festival.id, key, confirmed=True)
    bridges.throw(db, {"陈雨桐": 3})
    assign_awards(db, festival.id)
    finalise(db, festival.id, competition_list_key(bridges.competition.id), confirmed=True)
    assert waiting_for(db, festival.id, CLASS_LIST) == []
    assert finalise(db, festival.id, ADVISOR_LIST, confirmed=True).value.fingerprint


def test_only_a_judged_work_is_recommended(db: Database, throws: Throws) -> None:
    unjudged = throws.entry_ids["张子涵"]
    with pytest.raises(ValidationError, match="还没有评完（没有成绩），不能推荐"):
        set_recommended(db, unjudged, True)
    assert not any(a.recommended for a in list_awards(db, throws.festival_id))
    throws.throw(db, {"张子涵": 18})
    set_recommended(db, unjudged, True)  # it has a result now
    # A work given an award by hand counts as judged too.
    by_hand = throws.entry_ids["李梓轩"]
    award_entry(db, by_hand, "一等奖", "现场演示后评委补评")
    set_recommended(db, by_hand, True)
    assert {e.id for e in list_entries(db, throws.festival_id) if e.recommended} == {unjudged, by_hand}


def test_定稿_asks_to_confirm_a_group_where_all_win_and_logs_the_confirmation(
    db: Database, festival: FestivalInfo
) -> None:
    three = make_throws(db, festival, {"张子涵": "", "李梓轩": "", "王一诺": ""})
    three.throw(db, {"张子涵": 20, "李梓轩": 18, "王一诺": 15})
    assign_awards(db, festival.id)  # 10/20/30 %, at least one place each: all three win
    key = competition_list_key(three.competition.id)
    expected = "手抛飞机 全校：3 件都获奖（一等奖1、二等奖1、三等奖1）"
    assert surprises(db, festival.id, key) == [expected]
    with pytest.raises(SurprisesToConfirm, match="定稿前请先确认") as refused:
        finalise(db, festival.id, key)
    assert refused.value.surprises == [expected]
    finalise(db, festival.id, key, confirmed=True)
    confirmation = next(c for c in award_log(db, festival.id) if c.action == AwardAction.CONFIRM)
    assert confirmation.reason == expected and confirmation.station


def test_a_tie_that_gives_more_places_than_the_rule_is_a_surprise_until_adjusted(
    db: Database, festival: FestivalInfo
) -> None:
    made = make_throws(db, festival, {"张子涵": "", "李梓轩": "", "王一诺": "", "刘欣怡": "", "吴可馨": ""})
    rule = [LevelRule("一等奖", RuleMode.COUNT, 1), LevelRule("二等奖", RuleMode.COUNT, 1)]
    set_rules(db, festival.id, RuleKey(AwardKind.ENTRY, made.competition.id), rule)
    made.throw(db, {"张子涵": 20, "李梓轩": 20, "王一诺": 15, "刘欣怡": 12, "吴可馨": 10})
    report = assign_awards(db, festival.id).value
    assert any("一等奖 1名 → 2名" in line for line in report.lines())
    key = competition_list_key(made.competition.id)
    assert surprises(db, festival.id, key) == [
        "手抛飞机 全校：并列使一等奖 1名 → 2名",
        "手抛飞机 全校：并列使二等奖 1名 → 0名",
    ]
    # The teacher settles it by hand: one of the two gets 二等奖; nothing is left to confirm.
    second = next(a for a in list_awards(db, festival.id) if a.recipient_text == "李梓轩")
    award_entry(db, made.entry_ids["李梓轩"], "二等奖", "抽签决定名次")
    assert second.level == "一等奖" and surprises(db, festival.id, key) == []
    finalise(db, festival.id, key)


def test_one_科技辅导员奖_per_teacher_names_the_competitions_and_the_prizes(
    db: Database, festival: FestivalInfo, throws: Throws
) -> None:
    bridges = add_throws(
        db, festival, throws.class_ids, throws.student_ids, {"陈雨桐": "王芳"}, name="纸桥承重", prefix="ZQ"
    )
    throw_all(db, throws)
    bridges.throw(db, {"陈雨桐": 3})
    assign_awards(db, festival.id)
    wang = [a for a in list_awards(db, festival.id) if a.kind == AwardKind.ADVISOR and a.teacher == "王芳"]
    # 张子涵 一等奖, 李梓轩 二等奖 in 手抛飞机; 陈雨桐 一等奖 in 纸桥承重 (alone in its group).
    assert [(a.level, a.advised_text) for a in wang] == [
        ("一等奖", "参加手抛飞机、纸桥承重获一等奖2项、二等奖1项")
    ]
    finalise(db, festival.id, competition_list_key(throws.competition.id), confirmed=True)
    finalise(db, festival.id, competition_list_key(bridges.competition.id), confirmed=True)
    finalise(db, festival.id, ADVISOR_LIST, confirmed=True)
    jobs = [j for j in certificate_jobs(db, festival.id) if j.recipient == "王芳"]
    assert len(jobs) == 1
    assert jobs[0].values["获奖"] == "辅导学生参加手抛飞机、纸桥承重获一等奖2项、二等奖1项"


def test_优秀奖_goes_to_the_judged_works_left_without_a_prize_where_the_plan_says_so(
    db: Database, festival: FestivalInfo, throws: Throws
) -> None:
    key = RuleKey(AwardKind.ENTRY, throws.competition.id)
    assert [r.level for r in effective_rules(db, festival.id, key)] == ["一等奖", "二等奖", "三等奖"]
    update_competition(db, dataclasses.replace(throws.competition, merit_award=True))
    assert effective_rules(db, festival.id, key)[-1] == LevelRule("优秀奖", RuleMode.REST)
    throws.throw(db, {"张子涵": 20, "李梓轩": 18, "王一诺": 15, "刘欣怡": 12, "吴可馨": 10})  # 孙浩宇 not yet
    assign_awards(db, festival.id)
    assert "还有 1 件作品未评完" in " ".join(assign_awards(db, festival.id).value.skipped)
    throws.throw(db, {"孙浩宇": 9})
    assign_awards(db, festival.id)
    levels = {a.recipient_text: a.level for a in list_awards(db, festival.id) if a.kind == AwardKind.ENTRY}
    # 6 works: 10 % → 1, 20 % → 1, 30 % → 2, and the two left 优秀奖.
    assert list(levels.values()).count("优秀奖") == 2 and levels["孙浩宇"] == "优秀奖"
    # 优秀奖 for the rest is not "every work wins a prize".
    assert surprises(db, festival.id, competition_list_key(throws.competition.id)) == []
    # A rule with 优秀奖 anywhere but last is refused.
    with pytest.raises(ValidationError, match="只能排在最后"):
        set_rules(
            db, festival.id, key, [LevelRule("优秀奖", RuleMode.REST), LevelRule("一等奖", RuleMode.COUNT, 1)]
        )


def test_班级考核_counts_the_works_handed_in_and_the_quotas_met(
    db: Database, festival: FestivalInfo, throws: Throws
) -> None:
    assert point_rules(db, festival.id) == {PointSource.WORKS: 0.0, PointSource.QUOTAS: 0.0}
    update_competition(db, dataclasses.replace(throws.competition, quota_min=2))
    for entry in list_entries(db, festival.id):
        if entry.author_names in ("张子涵", "李梓轩", "刘欣怡"):
            draft = EntryDraft(
                entry.competition_id,
                entry.class_id,
                author_ids=tuple(a.student_id for a in entry.authors),
                advisor=entry.advisor,
                status=EntryStatus.RECEIVED,
            )
            update_entry(db, entry.id, draft)
    set_point_rules(db, festival.id, {PointSource.WORKS: 1, PointSource.QUOTAS: 2.5})
    lines = {line.class_name: line for line in class_points(db, festival.id)}
    # 三年级(1)班: 张子涵, 李梓轩 received, and its 3 works meet the quota of 2; 三年级(2)班: 1 received,
    # quota not met; 一年级(1)班 and 初一(1)班 have one work each, not received, quota not met.
    assert lines["三年级(1)班"].sources == {"上交作品": 2.0, "完成名额": 2.5}
    assert lines["三年级(2)班"].sources == {"上交作品": 1.0}
    assert lines["初一(1)班"].sources == {} and lines["三年级(1)班"].total == 4.5
    with pytest.raises(ValidationError, match="考核分要在 0 到"):
        set_point_rules(db, festival.id, {PointSource.WORKS: -1})
    with pytest.raises(ValidationError):
        set_point_rules(db, festival.id, {PointSource.WORKS: 1e400})


def test_certificates_are_dated_by_the_颁奖典礼_unless_a_batch_says_otherwise(
    db: Database, festival: FestivalInfo, throws: Throws
) -> None:
    throw_all(db, throws)
    assign_awards(db, festival.id)
    finalise(db, festival.id, competition_list_key(throws.competition.id), confirmed=True)
    assert {job.day for job in certificate_jobs(db, festival.id)} == {festival.end_date}

    def ceremony(title: str, day: dt.date) -> None:
        add_event(db, festival.id, EventInfo(0, title, EventKind.CEREMONY, day, day))

    ceremony("科技节闭幕式", dt.date(2026, 5, 8))
    assert {job.day for job in certificate_jobs(db, festival.id)} == {dt.date(2026, 5, 8)}
    ceremony("科技节颁奖典礼", dt.date(2026, 5, 7))
    jobs = certificate_jobs(db, festival.id)
    assert {job.day for job in jobs} == {dt.date(2026, 5, 7)}
    assert jobs[0].values["日期"] == "二〇二六年五月七日"
    batch = certificate_jobs(db, festival.id, day=dt.date(2026, 5, 12))
    assert {job.values["日期"] for job in batch} == {"二〇二六年五月十二日"}
