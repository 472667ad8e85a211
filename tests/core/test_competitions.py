"""Competitions: presets, rules checked when set up, class competitions, copying to next year."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.registration.competition_rules import eligibility_text, quota_text
from fest_desktop.registration.competitions import (
    CompetitionInfo,
    CriterionInfo,
    add_competition,
    delete_competition,
    list_competitions,
    update_competition,
)
from fest_desktop.registration.entries import list_entries
from fest_desktop.registration.kinds import Participation
from fest_desktop.registration.presets import PRESETS, add_preset, find_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.pinyin import matches_initials, suggest_prefix
from fest_desktop.storage.database import Database
from tests.core.importing import roster_imported
from tests.core.school_fixture import make_small_school


def test_the_catalogue_holds_the_competitions_of_the_school_plans() -> None:
    names = [p.name for p in PRESETS]
    for wanted in ("小制作", "科普板报", "绘画", "小论文", "电脑作品", "知识竞赛", "手抛飞机"):
        assert any(wanted in name for name in names), wanted
    making = find_preset("小制作").competition
    assert (making.quota_min, making.quota_max) == (3, 5)
    assert [c.name for c in making.criteria] == ["科技含量", "创新性", "实用性", "美观性"]
    painting = find_preset("科技创新绘画比赛").competition
    assert [c.name for c in painting.criteria] == ["想象力", "科学性", "绘画水平", "真实性"]
    board = find_preset("科普板报").competition
    assert board.is_class_competition and (board.quota_min, board.quota_max) == (1, 1)
    assert board.max_total == 100
    assert next((d.name, d.step, d.max_points) for d in board.deductions) == ("刊头超过版面1/4", 5, 5)
    plane = find_preset("手抛飞机").competition
    assert plane.judging == "measured" and plane.attempts == 3 and plane.higher_is_better
    assert len({p.competition.code_prefix for p in PRESETS}) == len(PRESETS)


def test_an_unknown_preset_names_the_choices() -> None:
    with pytest.raises(NotFoundError, match="可选：科技创新小制作与小发明"):
        find_preset("跳绳")


def test_adding_a_preset_sets_its_deadline_from_the_festival(db: Database, festival: FestivalInfo) -> None:
    added = add_preset(db, festival.id, "科技创新小制作与小发明").value
    assert added.deadline == festival.end_date - dt.timedelta(days=13)
    stored = list_competitions(db, festival.id)
    assert [c.name for c in stored] == ["科技创新小制作与小发明"]
    assert stored[0].criteria[0] == CriterionInfo(
        "科技含量", 25.0, 1.0, "运用声、光、电、磁、机械等科学原理", stored[0].criteria[0].id
    )


def test_adding_a_preset_twice_is_refused(db: Database, festival: FestivalInfo) -> None:
    add_preset(db, festival.id, "手抛飞机")
    with pytest.raises(ValidationError, match="已经有名为「手抛飞机」"):
        add_preset(db, festival.id, "手抛飞机")


def test_a_class_competition_creates_one_numbered_entry_per_eligible_class(
    db: Database, festival: FestivalInfo
) -> None:
    make_small_school(db, festival)
    board = add_preset(db, festival.id, "科普板报").value
    assert board.entry_count == 3
    entries = list_entries(db, festival.id)
    assert sorted(e.class_name for e in entries) == ["一年级(1)班", "三年级(1)班", "三年级(2)班"]
    assert sorted(e.code for e in entries) == ["BB-0001", "BB-0002", "BB-0003"]
    assert all(not e.authors for e in entries)


def test_narrowing_then_widening_eligibility_adds_the_missing_class_entries(
    db: Database, festival: FestivalInfo
) -> None:
    make_small_school(db, festival)
    info = dataclasses.replace(find_preset("科普板报").competition, eligible_levels=(3,))
    board = add_competition(db, festival.id, info).value
    assert board.entry_count == 2
    widened = update_competition(db, dataclasses.replace(board, eligible_levels=())).value
    assert widened.entry_count == 3
    assert sorted(e.code for e in list_entries(db, festival.id)) == ["BB-0001", "BB-0002", "BB-0003"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": " "}, "名称不能为空"),
        ({"code_prefix": "xz"}, "编号前缀「xz」不合适"),
        ({"quota_min": 5, "quota_max": 3}, "下限 5 大于上限 3"),
        ({"quota_min": -1}, "不能是负数"),
        ({"participation": "team", "team_size": 1}, "至少 2 人"),
        ({"criteria": (CriterionInfo("创新性", 10), CriterionInfo("创新性", 10))}, "「创新性」重复"),
        ({"criteria": (CriterionInfo("创新性", 0),)}, "满分应大于 0"),
        ({"criteria": (CriterionInfo("创新性", 10, step=0),)}, "步长"),
        ({"eligible_levels": (13,)}, "年级 13 不存在"),
    ],
)
def test_bad_rules_are_refused_and_nothing_is_stored(
    db: Database, festival: FestivalInfo, change: dict[str, object], message: str
) -> None:
    info = dataclasses.replace(CompetitionInfo(0, "航模", code_prefix="HM"), **change)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=message):
        add_competition(db, festival.id, info)
    assert list_competitions(db, festival.id) == []


def test_a_prefix_already_used_is_refused(db: Database, festival: FestivalInfo) -> None:
    add_preset(db, festival.id, "手抛飞机")
    with pytest.raises(ValidationError, match="「SP」已被「手抛飞机」使用"):
        add_competition(db, festival.id, CompetitionInfo(0, "纸飞机", code_prefix="SP"))


def test_criteria_are_edited_in_place_so_their_ids_stay(db: Database, festival: FestivalInfo) -> None:
    painting = add_preset(db, festival.id, "绘画").value
    first = painting.criteria[0]
    edited = dataclasses.replace(
        painting,
        criteria=(
            dataclasses.replace(first, max_points=40),
            *painting.criteria[2:],
            CriterionInfo("构图", 10),
        ),
    )
    saved = update_competition(db, edited).value
    assert saved.criteria[0].id == first.id and saved.criteria[0].max_points == 40
    assert [c.name for c in saved.criteria] == ["想象力", "绘画水平", "真实性", "构图"]


def test_participation_cannot_change_once_there_are_entries(db: Database, festival: FestivalInfo) -> None:
    make_small_school(db, festival)
    board = add_preset(db, festival.id, "科普板报").value
    with pytest.raises(ValidationError, match="不能再改参赛方式"):
        update_competition(db, dataclasses.replace(board, participation=Participation.INDIVIDUAL))


def test_deleting_a_competition_deletes_its_entries(db: Database, festival: FestivalInfo) -> None:
    make_small_school(db, festival)
    board = add_preset(db, festival.id, "科普板报").value
    delete_competition(db, board.id)
    assert list_competitions(db, festival.id) == []
    assert list_entries(db, festival.id) == []


def test_a_new_festival_copies_competitions_and_criteria_but_not_entries(
    db: Database, festival: FestivalInfo
) -> None:
    make_small_school(db, festival)
    add_preset(db, festival.id, "科普板报")
    add_preset(db, festival.id, "科技创新绘画比赛")
    next_year = create_festival(
        db,
        "第十一届校园科技节",
        "启明实验学校",
        dt.date(2027, 4, 10),
        dt.date(2027, 5, 10),
        copy_setup_from=festival.id,
    ).value
    copied = list_competitions(db, next_year.id)
    assert [c.name for c in copied] == ["科普板报比赛", "科技创新绘画比赛"]
    # Ten days before the end is 5月1日 2026, brought to the school day before; shifted 364 days.
    assert copied[1].deadline == dt.date(2027, 4, 29)
    assert [c.name for c in copied[1].criteria] == ["想象力", "科学性", "绘画水平", "真实性"]
    # The board's class entries are remade for the copied classes, numbered from 1 again.
    assert sorted(e.code for e in list_entries(db, next_year.id)) == ["BB-0001", "BB-0002", "BB-0003"]
    assert len(list_entries(db, festival.id)) == 3


def test_texts_a_teacher_reads() -> None:
    assert quota_text(3, 5) == "每班 3–5 件"
    assert quota_text(1, 1) == "每班 1 件"
    assert quota_text(1, 1, "队") == "每班 1 队"
    assert quota_text(None, 3) == "每班最多 3 件"
    assert quota_text(2, None) == "每班至少 2 件"
    assert quota_text(None, None) == "不限名额"
    assert eligibility_text((3, 4, 5, 6, 7, 8, 9)) == "三年级至初三"
    assert eligibility_text((1, 3, 4)) == "一年级、三年级至四年级"
    assert find_preset("四驱车").competition.judging_text == "取两次中用时最短的一次排名"
    assert find_preset("手抛飞机").competition.judging_text == "取三次中最远的一次排名"
    assert find_preset("知识竞赛").competition.judging_text == "按得分排名"


def test_pinyin_initials_find_names_whatever_the_reading_of_a_surname() -> None:
    assert matches_initials("zzh", "张子涵")
    assert matches_initials("ZZ", "张子涵")
    assert matches_initials("zzh", "曾子涵") and matches_initials("czh", "曾子涵")
    assert not matches_initials("zzhx", "张子涵")
    assert not matches_initials("lzh", "张子涵")
    assert not matches_initials("张", "张子涵")
    assert suggest_prefix("科普板报", set()) == "KP"
    assert suggest_prefix("科普板报", {"KP", "KP2"}) == "KP3"


def test_a_class_added_later_gets_its_board_entry(
    db: Database, festival: FestivalInfo, tmp_path: object
) -> None:
    from fest_desktop.school.structure import add_class
    from tests.conftest import write_workbook

    make_small_school(db, festival)
    add_preset(db, festival.id, "科普板报")
    add_class(db, festival.id, 3, 3)
    roster = write_workbook(tmp_path / "r.xlsx", {"花名册": [("班级", "姓名"), ("四年级(1)班", "新同学")]})
    assert roster_imported(db, festival.id, roster).ok
    boards = {e.class_name: e.code for e in list_entries(db, festival.id)}
    assert (boards["三年级(3)班"], boards["四年级(1)班"]) == ("BB-0004", "BB-0005")
    assert len(boards) == 5


def test_quotas_are_counted_in_the_plans_units(db: Database, festival: FestivalInfo) -> None:
    make_small_school(db, festival)
    board = add_preset(db, festival.id, "科普板报").value
    quiz = add_preset(db, festival.id, "知识竞赛").value
    paint = add_preset(db, festival.id, "科技创新绘画比赛").value
    assert (board.quota_text, quiz.quota_text, paint.quota_text) == ("每班 1 期", "每班 1 队", "每班 2–3 件")


def test_deductions_are_listed_with_their_rule() -> None:
    board = find_preset("科普板报").competition
    assert board.criteria_text.endswith(
        "扣分项：刊头超过版面1/4扣5分；错别字每处扣1分，最多扣5分；逾期未完成扣10分"
    )
    assert board.criteria_text.startswith("评分项：主题突出 20 分、内容科学 30 分")
