"""Awards from results: rules by count and share per group, ties, incomplete competitions left alone,
manual changes with reasons surviving a re-run, 定稿, collective and 优秀组织奖 awards per section,
科技辅导员奖, 推荐 and the log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.changes import (
    award_entry,
    change_award,
    find_entry_award_target,
    revert_award,
    set_recommended,
)
from fest_desktop.awards.finalising import current_fingerprint, finalise, reopen
from fest_desktop.awards.kinds import AdvisorRule, AwardKind, CollectiveBasis, RuleMode, competition_list_key
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.levels import (
    AwardSettings,
    LevelInfo,
    award_levels,
    award_settings,
    set_award_levels,
    update_award_settings,
)
from fest_desktop.awards.lists import award_lists, list_awards, recommended_entries
from fest_desktop.awards.log import award_log
from fest_desktop.awards.points import class_points
from fest_desktop.awards.rules import RuleKey, effective_rules, set_rules
from fest_desktop.certificates.kinds import TemplateKind
from fest_desktop.errors import ValidationError
from fest_desktop.registration.kinds import RankingGroup
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.entering import enter_attempt
from fest_desktop.storage.database import Database
from tests.core.award_fixture import Throws, add_throws, make_throws

ADVISORS = {
    "张子涵": "王芳",
    "李梓轩": "王芳、李强",
    "王一诺": "李强",
    "曾浩然": "",
    "刘欣怡": "陈静",
    "杨诗琪": "",
    "吴可馨": "陈静",
    "孙浩宇": "",
}
THREE_LEVELS = [
    LevelRule("一等奖", RuleMode.COUNT, 1),
    LevelRule("二等奖", RuleMode.COUNT, 2),
    LevelRule("三等奖", RuleMode.COUNT, 2),
]


@pytest.fixture
def throws(db: Database, festival: FestivalInfo) -> Throws:
    made = make_throws(db, festival, ADVISORS)
    set_rules(db, festival.id, RuleKey(AwardKind.ENTRY, made.competition.id), THREE_LEVELS)
    return made


def levels(db: Database, festival_id: int, kind: str = "entry") -> dict[str, str]:
    found = {}
    for award in list_awards(db, festival_id):
        if award.kind == kind and award.level:
            found[award.teacher or award.recipient_text] = award.level
    return found


def throw_all(db: Database, throws: Throws, **changed: float) -> None:
    distances = {name: 20.0 - i for i, name in enumerate(ADVISORS)}  # 张子涵 20 … 孙浩宇 13
    distances.update(changed)
    throws.throw(db, distances)


def test_levels_by_count_with_a_tie_at_the_boundary(db: Database, throws: Throws) -> None:
    throw_all(db, throws, 王一诺=19.0)  # ties 李梓轩 for second place
    report = assign_awards(db, throws.festival_id).value
    assert levels(db, throws.festival_id) == {
        "张子涵": "一等奖",
        "李梓轩": "二等奖",
        "王一诺": "二等奖",
        "曾浩然": "三等奖",
        "刘欣怡": "三等奖",
    }
    assert "手抛飞机：一等奖 1、二等奖 2、三等奖 2" in report.lines()


def test_a_tie_that_outgrows_a_count_is_put_to_the_organiser(db: Database, throws: Throws) -> None:
    throw_all(db, throws, 曾浩然=18.0)  # ties 王一诺 for third place: 二等奖 "2名" would be given to 3
    report = assign_awards(db, throws.festival_id).value
    assert [level for name, level in levels(db, throws.festival_id).items() if level == "二等奖"] == [
        "二等奖"
    ] * 3
    assert any(
        line.startswith("需要决定：手抛飞机") and "并列使二等奖 2名 → 3名" in line for line in report.lines()
    ), report.lines()


def test_levels_by_share_in_each_group(db: Database, festival: FestivalInfo) -> None:
    made = make_throws(db, festival, ADVISORS, ranking_group=RankingGroup.SECTION)
    # 小学 has 7 entries, 初中 1: 30% of 7 is 2.1 → 2, of 1 is 0.3 → 0; the 初中 group gets its own rule
    set_rules(
        db,
        festival.id,
        RuleKey(AwardKind.ENTRY, made.competition.id),
        [LevelRule("一等奖", RuleMode.PERCENT, 30)],
    )
    set_rules(
        db,
        festival.id,
        RuleKey(AwardKind.ENTRY, made.competition.id, "初中"),
        [LevelRule("二等奖", RuleMode.COUNT, 1)],
    )
    throw_all(db, made)
    assert levels(db, festival.id) == {}
    assign_awards(db, festival.id)
    assert levels(db, festival.id) == {"张子涵": "一等奖", "李梓轩": "一等奖", "孙浩宇": "二等奖"}
    groups = {a.recipient_text: a.group for a in list_awards(db, festival.id)}
    assert groups["孙浩宇"] == "初中" and groups["张子涵"] == "小学"


def test_a_competition_still_being_judged_is_left_alone(db: Database, throws: Throws) -> None:
    throws.throw(db, {"张子涵": 20.0, "李梓轩": 19.0})
    report = assign_awards(db, throws.festival_id, "手抛飞机").value
    assert report.skipped == ["手抛飞机：还有 6 件作品未评完，未评奖。"]
    assert list_awards(db, throws.festival_id) == []


def test_a_manual_change_needs_a_reason_and_survives_a_rerun(db: Database, throws: Throws) -> None:
    throw_all(db, throws)
    assign_awards(db, throws.festival_id)
    second = next(a for a in list_awards(db, throws.festival_id) if a.recipient_text == "李梓轩")
    with pytest.raises(ValidationError, match="原因"):
        change_award(db, second.id, "一等奖", "  ")
    change_award(db, second.id, "一等奖", "复核测量：19.6 米记成了 19 米", station="一号机")
    # an award given by hand to an entry the rules left out
    late = find_entry_award_target(db, throws.festival_id, "FJ-0008")
    award_entry(db, late, "优秀奖", "现场表现突出")
    report = assign_awards(db, throws.festival_id).value
    now = levels(db, throws.festival_id)
    assert now["李梓轩"] == "一等奖" and now["孙浩宇"] == "优秀奖" and now["张子涵"] == "一等奖"
    assert any("李梓轩：一等奖（规则结果：二等奖）" in line for line in report.kept_manual)
    changed = next(a for a in list_awards(db, throws.festival_id) if a.recipient_text == "李梓轩")
    assert changed.rule_note == "手动：复核测量：19.6 米记成了 19 米（规则结果：二等奖）"
    log = award_log(db, throws.festival_id)
    manual = [c for c in log if c.action == "manual"]
    assert [(c.old_level, c.new_level, c.reason) for c in manual] == [
        ("", "优秀奖", "现场表现突出"),
        ("二等奖", "一等奖", "复核测量：19.6 米记成了 19 米"),
    ]
    assert manual[1].station == "一号机"
    revert_award(db, changed.id)
    assert levels(db, throws.festival_id)["李梓轩"] == "二等奖"


def test_withdrawing_an_award_by_hand_keeps_it_withdrawn(db: Database, throws: Throws) -> None:
    throw_all(db, throws)
    assign_awards(db, throws.festival_id)
    first = next(a for a in list_awards(db, throws.festival_id) if a.level == "一等奖")
    change_award(db, first.id, "", "作品非本人制作")
    assign_awards(db, throws.festival_id)
    assert "张子涵" not in levels(db, throws.festival_id)
    with pytest.raises(ValidationError, match="没有「特等奖」"):
        change_award(db, first.id, "特等奖", "试试")


def test_finalising_freezes_the_list_and_its_fingerprint_shows_a_change(db: Database, throws: Throws) -> None:
    throw_all(db, throws)
    assign_awards(db, throws.festival_id)
    key = competition_list_key(throws.competition.id)
    notice = finalise(db, throws.festival_id, key, confirmed=True).value
    assert current_fingerprint(db, throws.festival_id, key) == notice.fingerprint
    some = list_awards(db, throws.festival_id, key)[0]
    with pytest.raises(ValidationError, match="已定稿"):
        change_award(db, some.id, "三等奖", "改")
    with pytest.raises(ValidationError, match="已定稿"):
        set_rules(db, throws.festival_id, RuleKey(AwardKind.ENTRY, throws.competition.id), THREE_LEVELS[:1])
    report = assign_awards(db, throws.festival_id, "手抛飞机").value
    assert report.skipped == ["手抛飞机：已定稿，未改动。"]
    with pytest.raises(ValidationError, match="原因"):
        reopen(db, throws.festival_id, key, "")
    reopen(db, throws.festival_id, key, "家长反映测量有误")
    change_award(db, some.id, "三等奖", "复核")
    assert current_fingerprint(db, throws.festival_id, key) != notice.fingerprint
    actions = [c.action for c in award_log(db, throws.festival_id)][:3]
    assert actions == ["manual", "unfinalise", "finalise"]


def test_a_finalised_list_protects_the_scores_it_was_made_from(db: Database, throws: Throws) -> None:
    throw_all(db, throws)
    assign_awards(db, throws.festival_id)
    key = competition_list_key(throws.competition.id)
    finalise(db, throws.festival_id, key, confirmed=True)
    entry = throws.entry_ids["张子涵"]
    with pytest.raises(ValidationError, match=r"已定稿，成绩不能再改.*撤销定稿"):
        enter_attempt(db, entry, 1, 25)
    reopen(db, throws.festival_id, key, "测量有误")
    assert enter_attempt(db, entry, 1, 25).value is not None


def test_a_finalised_list_that_no_longer_matches_its_results_says_so_on_screen_and_paper(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    import dataclasses

    from fest_desktop.awards.assignment import OUT_OF_DATE, out_of_date_lists
    from fest_desktop.awards.notices import write_notice_xlsx
    from fest_desktop.registration.entries import list_entries, update_entry
    from fest_desktop.registration.kinds import EntryStatus

    throw_all(db, throws)
    assign_awards(db, throws.festival_id)
    key = competition_list_key(throws.competition.id)
    finalise(db, throws.festival_id, key, confirmed=True)
    assert out_of_date_lists(db, throws.festival_id) == {}
    winner = next(e for e in list_entries(db, throws.festival_id) if e.id == throws.entry_ids["张子涵"])
    update_entry(db, winner.id, dataclasses.replace(winner.draft(), status=EntryStatus.DISQUALIFIED))
    assert out_of_date_lists(db, throws.festival_id) == {key: OUT_OF_DATE}
    path = tmp_path / "公示.xlsx"
    write_notice_xlsx(db, throws.festival_id, path, [key])
    from openpyxl import load_workbook

    status = load_workbook(path).active["A2"].value
    assert "校验码" in status and OUT_OF_DATE in status


def test_collective_awards_per_section_from_points(db: Database, throws: Throws) -> None:
    throw_all(db, throws)
    set_award_levels(
        db,
        throws.festival_id,
        [LevelInfo("一等奖", 5), LevelInfo("二等奖", 3), LevelInfo("三等奖", 2)],
    )
    set_rules(
        db,
        throws.festival_id,
        RuleKey(AwardKind.CLASS, None, "小学"),
        [LevelRule("一等奖", RuleMode.COUNT, 1)],
    )
    assign_awards(db, throws.festival_id)
    # 三年级(1)班: 一等 5 + 二等 3 + 二等 3 + 三等 2 = 13; 三年级(2)班: 三等 2; 初一(1)班: none
    points = class_points(db, throws.festival_id)
    assert {p.class_name: p.total for p in points if p.total} == {"三年级(1)班": 13, "三年级(2)班": 2}
    assert levels(db, throws.festival_id, "class") == {"三年级(1)班": "一等奖"}
    collective = next(a for a in list_awards(db, throws.festival_id) if a.kind == "class")
    assert (collective.group, collective.rank, collective.score) == ("小学", 1, 13)


def test_collective_awards_wait_for_the_competitions_they_count(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from fest_desktop.awards.kinds import CLASS_LIST
    from fest_desktop.awards.notices import write_notice_xlsx

    throw_all(db, throws)
    set_rules(
        db,
        throws.festival_id,
        RuleKey(AwardKind.CLASS, None, "小学"),
        [LevelRule("一等奖", RuleMode.COUNT, 1)],
    )
    assign_awards(db, throws.festival_id)
    with pytest.raises(ValidationError, match="还有 1 个比赛项目未定稿：手抛飞机。请先把它们评完并定稿"):
        finalise(db, throws.festival_id, CLASS_LIST, confirmed=True)
    path = tmp_path / "集体奖.xlsx"
    write_notice_xlsx(db, throws.festival_id, path, [CLASS_LIST])
    assert "暂定：依据的手抛飞机尚未定稿" in load_workbook(path).active["A2"].value
    finalise(db, throws.festival_id, competition_list_key(throws.competition.id), confirmed=True)
    with db.session() as session:  # the list's key as files have always stored it
        stored = session.scalars(text("SELECT list_key FROM award_notice")).all()
    assert stored == [f"c:{throws.competition.id}"]
    assert finalise(db, throws.festival_id, CLASS_LIST, confirmed=True).value.fingerprint
    write_notice_xlsx(db, throws.festival_id, path, [CLASS_LIST])
    heading = [cell.value for cell in load_workbook(path).active[3]]
    assert "积分" in heading and not {"编号", "作品", "指导老师", "成绩"} & set(heading)  # nothing empty


def test_collective_awards_from_a_competition_s_finals(db: Database, festival: FestivalInfo) -> None:
    made = make_throws(db, festival, {"张子涵": "", "刘欣怡": "", "吴可馨": "", "孙浩宇": ""})
    update_award_settings(
        db,
        festival.id,
        AwardSettings(collective_basis=CollectiveBasis(made.competition.id)),
    )
    made.throw(db, {"张子涵": 10, "刘欣怡": 12, "吴可馨": 12, "孙浩宇": 3})
    assign_awards(db, festival.id)
    # 小学: 一等奖1名、二等奖2名 by default; 三年级(2)班 and 一年级(1)班 tie for first: both 一等奖
    assert levels(db, festival.id, "class") == {
        "三年级(2)班": "一等奖",
        "一年级(1)班": "一等奖",
        "三年级(1)班": "二等奖",
        "初一(1)班": "一等奖",
    }


def test_organisation_award_needs_the_share_taking_part(db: Database, throws: Throws) -> None:
    throw_all(db, throws)
    update_award_settings(db, throws.festival_id, AwardSettings(organisation_min_share=60))
    assign_awards(db, throws.festival_id)
    # 三年级(1)班 4 of 6 take part (67%), 三年级(2)班 2 of 4, 一年级(1)班 1 of 2, 初一(1)班 1 of 3
    assert levels(db, throws.festival_id, "organisation") == {"三年级(1)班": "优秀组织奖"}
    update_award_settings(db, throws.festival_id, AwardSettings(organisation_min_share=50))
    assign_awards(db, throws.festival_id)
    # three 小学 classes qualify now; two places per section by default, by points: 13, 2, 0
    assert set(levels(db, throws.festival_id, "organisation")) == {"三年级(1)班", "三年级(2)班"}


def test_advisors_get_their_best_student_s_level_once_per_competition(db: Database, throws: Throws) -> None:
    throw_all(db, throws)
    update_award_settings(db, throws.festival_id, AwardSettings(advisor_rule=AdvisorRule.PER_COMPETITION))
    assign_awards(db, throws.festival_id)
    # 王芳: 张子涵 一等, 李梓轩 二等; 李强: 李梓轩 二等, 王一诺 二等; 陈静: 刘欣怡 三等
    assert levels(db, throws.festival_id, "advisor") == {"王芳": "一等奖", "李强": "二等奖", "陈静": "三等奖"}
    from fest_desktop.awards.notices import notice_rows
    from fest_desktop.certificates.placeholders import award_phrase

    wang = next(a for a in list_awards(db, throws.festival_id) if a.kind == "advisor" and a.teacher == "王芳")
    # 被评为优秀科技辅导员 on the certificate; both of her students' prizes named.
    assert award_phrase(wang) == "辅导学生参加手抛飞机获一等奖1项、二等奖1项"
    [row] = [r for r in notice_rows([wang])]
    assert "参加手抛飞机获一等奖1项、二等奖1项" in row  # the notice says for what
    settings = AwardSettings(advisor_rule=AdvisorRule.PER_COMPETITION, advisor_min_level="二等奖")
    update_award_settings(db, throws.festival_id, settings)
    assign_awards(db, throws.festival_id)
    assert levels(db, throws.festival_id, "advisor") == {"王芳": "一等奖", "李强": "二等奖"}


def test_advisor_awards_for_the_whole_festival(db: Database, festival: FestivalInfo, throws: Throws) -> None:
    second = add_throws(
        db,
        festival,
        throws.class_ids,
        throws.student_ids,
        {"陈雨桐": "陈静", "周宇航": ""},
        name="纸桥承重",
        prefix="ZQ",
    )
    set_rules(
        db,
        festival.id,
        RuleKey(AwardKind.ENTRY, second.competition.id),
        [LevelRule("一等奖", RuleMode.COUNT, 1)],
    )
    throw_all(db, throws)
    second.throw(db, {"陈雨桐": 5, "周宇航": 4})
    update_award_settings(db, festival.id, AwardSettings(advisor_rule=AdvisorRule.PER_COMPETITION))
    assign_awards(db, festival.id)
    per_competition = [
        (a.teacher, a.competition, a.level) for a in list_awards(db, festival.id) if a.kind == "advisor"
    ]
    assert ("陈静", "手抛飞机", "三等奖") in per_competition and (
        "陈静",
        "纸桥承重",
        "一等奖",
    ) in per_competition
    update_award_settings(db, festival.id, AwardSettings(advisor_rule="festival"))
    assign_awards(db, festival.id)
    assert [
        (a.teacher, a.level)
        for a in list_awards(db, festival.id)
        if a.kind == "advisor" and a.teacher == "陈静"
    ] == [("陈静", "一等奖")]
    # One certificate naming both competitions and what the teacher's students won in them.
    [chen] = [a for a in list_awards(db, festival.id) if a.kind == "advisor" and a.teacher == "陈静"]
    assert chen.advised_text == "参加手抛飞机、纸桥承重获一等奖1项、三等奖1项"


def test_recommendation_is_a_logged_flag(db: Database, throws: Throws) -> None:
    entry = throws.entry_ids["张子涵"]
    throws.throw(db, {"张子涵": 20})  # judged: it has a result
    set_recommended(db, entry, True)
    assert recommended_entries(db, throws.festival_id) == {entry}
    set_recommended(db, entry, False)
    assert recommended_entries(db, throws.festival_id) == set()
    assert [c.new_level for c in award_log(db, throws.festival_id)] == ["取消推荐", "推荐"]


def test_rules_are_checked(db: Database, throws: Throws) -> None:
    key = RuleKey(AwardKind.ENTRY, throws.competition.id)
    for rules, message in (
        ([LevelRule("特等奖", RuleMode.COUNT, 1)], "没有「特等奖」"),
        ([LevelRule("一等奖", RuleMode.PERCENT, 120)], "比例"),
        ([LevelRule("一等奖", RuleMode.COUNT, 1.5)], "整数"),
        ([LevelRule("二等奖", RuleMode.COUNT, 1), LevelRule("一等奖", RuleMode.COUNT, 1)], "从高到低"),
        (
            [LevelRule("一等奖", RuleMode.PERCENT, 60), LevelRule("二等奖", RuleMode.PERCENT, 50)],
            "超过了 100%",
        ),
    ):
        with pytest.raises(ValidationError, match=message):
            set_rules(db, throws.festival_id, key, rules)
    with pytest.raises(ValidationError, match="还在评奖规则"):
        set_award_levels(db, throws.festival_id, [LevelInfo("二等奖", 3)])


def test_a_new_year_copies_the_award_rules_settings_and_templates(
    db: Database, festival: FestivalInfo, throws: Throws
) -> None:
    import dataclasses
    import datetime as dt

    from fest_desktop.certificates.templates import list_templates, save_template, template_for
    from fest_desktop.new_festival.creating import create_festival

    levels = [LevelInfo("一等奖", 6), LevelInfo("二等奖", 4), LevelInfo("三等奖", 2)]
    set_award_levels(db, festival.id, levels)
    update_award_settings(
        db,
        festival.id,
        AwardSettings(collective_basis=CollectiveBasis(throws.competition.id), certificate_prefix="QM{年}-"),
    )
    student = template_for(list_templates(db, festival.id), "student")
    save_template(db, festival.id, dataclasses.replace(student, name="本校证书", offset_x_mm=-1.5))
    throw_all(db, throws)
    assign_awards(db, festival.id)

    nextyear = create_festival(
        db,
        "第十一届校园科技节",
        "启明实验学校",
        dt.date(2027, 4, 10),
        dt.date(2027, 5, 10),
        copy_setup_from=festival.id,
    ).value
    copied = next(c for c in award_lists(db, nextyear.id) if c.title == "手抛飞机")
    assert award_levels(db, nextyear.id) == levels
    assert effective_rules(db, nextyear.id, RuleKey(AwardKind.ENTRY, copied.competition_id)) == THREE_LEVELS
    settings = award_settings(db, nextyear.id)
    assert settings.collective_basis == CollectiveBasis(copied.competition_id)
    assert settings.certificate_prefix == "QM{年}-"
    templates = list_templates(db, nextyear.id)
    assert "本校证书" in [t.name for t in templates] and len(templates) == len(TemplateKind)
    assert list_awards(db, nextyear.id) == []


def test_the_notice_says_when_it_is_posted() -> None:
    from fest_desktop.awards.notices import posting_period

    assert posting_period(dt.date(2026, 5, 8)) == "公示时间：5月8日至5月12日"


def test_measured_results_carry_their_unit_on_screen_and_on_the_notice(db: Database, throws: Throws) -> None:
    from fest_desktop.awards.notices import notice_rows
    from fest_desktop.scoring.sheet import load_sheet

    throw_all(db, throws)
    results = load_sheet(db, throws.competition.id).results()
    assert results[0].final_text == f"20.00 {throws.competition.measure_unit}"
    assign_awards(db, throws.festival_id)
    first = next(a for a in list_awards(db, throws.festival_id) if a.level == "一等奖" and a.kind == "entry")
    [row] = notice_rows([first], {throws.competition.id: throws.competition.measure_unit})
    assert f"20.00 {throws.competition.measure_unit}" in row
