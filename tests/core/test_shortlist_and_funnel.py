"""A competition judged as a 初评 (works 入选, then 推荐) and the funnel to the higher level: the 说明 of
a work, the register and labels of the recommended works only, and the result each later obtained."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.changes import award_entry, entry_levels, set_recommended
from fest_desktop.awards.higher import HigherLevelInfo, record_higher_result, set_higher_levels
from fest_desktop.awards.kinds import SHORTLIST_LEVEL, AwardAction, AwardKind
from fest_desktop.awards.lists import list_awards
from fest_desktop.awards.log import award_log
from fest_desktop.awards.points import class_points
from fest_desktop.awards.rules import RuleKey, effective_rules
from fest_desktop.errors import FestError, ValidationError
from fest_desktop.registration.competitions import update_competition
from fest_desktop.registration.entries import list_entries, set_description
from fest_desktop.registration.kinds import Judging, Outcome
from fest_desktop.registration.labels import write_labels
from fest_desktop.registration.register import export_register
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from tests.core.award_fixture import Throws, make_throws
from tests.pdf_checks import page_text

AUTHORS = {"张子涵": "王芳", "李梓轩": "王芳", "王一诺": "", "曾浩然": "", "刘欣怡": "陈静", "孙浩宇": ""}


@pytest.fixture
def shortlist(db: Database, festival: FestivalInfo) -> Throws:
    made = make_throws(db, festival, AUTHORS)
    made.competition = update_competition(
        db, dataclasses.replace(made.competition, outcome=Outcome.SHORTLIST)
    ).value
    made.throw(db, {name: 20.0 - i for i, name in enumerate(AUTHORS)})  # 张子涵 20 … 孙浩宇 15
    return made


def selected(db: Database, festival_id: int) -> dict[str, str]:
    return {a.recipient_text: a.level for a in list_awards(db, festival_id) if a.kind == AwardKind.ENTRY}


def test_a_shortlist_selects_works_instead_of_giving_prizes(db: Database, shortlist: Throws) -> None:
    key = RuleKey(AwardKind.ENTRY, shortlist.competition.id)
    assert [(r.level, r.amount) for r in effective_rules(db, shortlist.festival_id, key)] == [
        (SHORTLIST_LEVEL, 30)
    ]
    assign_awards(db, shortlist.festival_id)
    # 30 % of 6 works is 1.8, rounded to 2: the best two are 入选, and nobody gets a 一等奖.
    assert selected(db, shortlist.festival_id) == {"张子涵": SHORTLIST_LEVEL, "李梓轩": SHORTLIST_LEVEL}
    # 入选 is the only level a work of a 初评 may be given by hand …
    subject, levels = entry_levels(db, shortlist.entry_ids["王一诺"])
    assert levels == [SHORTLIST_LEVEL] and "手抛飞机" in subject
    with pytest.raises(ValidationError, match="没有「一等奖」这个奖项等级。可选：入选"):
        award_entry(db, shortlist.entry_ids["王一诺"], "一等奖", "评委建议")
    award_entry(db, shortlist.entry_ids["王一诺"], SHORTLIST_LEVEL, "评委建议补选")
    assert selected(db, shortlist.festival_id)["王一诺"] == SHORTLIST_LEVEL
    # … and a selection earns neither 班级考核 points nor a 科技辅导员奖 for 王芳.
    assert all(row.total == 0 for row in class_points(db, shortlist.festival_id))
    assert not [a for a in list_awards(db, shortlist.festival_id) if a.kind == AwardKind.ADVISOR]


def test_only_a_selected_work_of_a_shortlist_can_be_recommended(db: Database, shortlist: Throws) -> None:
    assign_awards(db, shortlist.festival_id)
    with pytest.raises(ValidationError, match="是初评：作品 FJ-0006 还没有入选，请先选为入选，再推荐"):
        set_recommended(db, shortlist.entry_ids["孙浩宇"], True)
    set_recommended(db, shortlist.entry_ids["张子涵"], True)
    assert [e.code for e in list_entries(db, shortlist.festival_id) if e.recommended] == ["FJ-0001"]


def test_the_funnel_to_the_county(db: Database, shortlist: Throws, tmp_path: Path) -> None:
    assign_awards(db, shortlist.festival_id)
    chosen = shortlist.entry_ids["张子涵"]
    with pytest.raises(ValidationError, match="还没有设置上级比赛"):
        record_higher_result(db, chosen, None, "一等奖")
    set_higher_levels(db, shortlist.festival_id, [HigherLevelInfo(0, "县青少年科技创新大赛")])
    with pytest.raises(ValidationError, match="FJ-0001 没有推荐参加上级比赛，不能记录上级比赛结果"):
        record_higher_result(db, chosen, None, "一等奖")
    with pytest.raises(FestError, match="还没有推荐参加上级比赛的作品"):
        export_register(db, shortlist.festival_id, tmp_path / "none.xlsx", recommended_only=True)
    assert not (tmp_path / "none.xlsx").exists()
    set_recommended(db, chosen, True)
    set_description(db, shortlist.festival_id, "fj-0001", "  折纸机翼加配重，滑翔距离更远。 ")
    with pytest.raises(ValidationError, match=r"作品说明.*最多 200 个字，填了 201 个"):
        set_description(db, shortlist.festival_id, "FJ-0001", "长" * 201)

    register = tmp_path / "推荐作品造册.xlsx"
    assert export_register(db, shortlist.festival_id, register, recommended_only=True) == 1
    sheet = load_workbook(register)["手抛飞机"]
    header = [c.value for c in sheet[2]]
    assert header[-2:] == ["说明", "上级比赛结果"]
    row = dict(zip(header, [c.value for c in sheet[3]], strict=True))
    assert row["作品编号"] == "FJ-0001" and row["说明"] == "折纸机翼加配重，滑翔距离更远。"
    assert str(sheet["A1"].value).endswith("推荐作品造册（共 1 件）")

    labels = tmp_path / "推荐作品标签.pdf"
    assert write_labels(db, shortlist.festival_id, labels, recommended_only=True) == 1
    text = page_text(labels, 0)
    assert "FJ-0001" in text and "折纸机翼加配重" in text and "FJ-0002" not in text

    record_higher_result(db, chosen, None, " 一等奖 ")
    assert next(a for a in list_awards(db, shortlist.festival_id) if a.entry_id == chosen).higher_result == (
        "县青少年科技创新大赛一等奖"
    )
    with pytest.raises(
        ValidationError, match="已记录「县青少年科技创新大赛」的结果，请先清除上级比赛结果再取消推荐"
    ):
        set_recommended(db, chosen, False)
    line = award_log(db, shortlist.festival_id)[0]
    assert (line.action, line.new_level, line.reason) == (
        AwardAction.HIGHER_RESULT,
        "一等奖",
        "县青少年科技创新大赛",
    )
    export_register(db, shortlist.festival_id, register, recommended_only=True)
    assert load_workbook(register)["手抛飞机"]["M3"].value == "县青少年科技创新大赛一等奖"


def test_a_shortlist_without_scores_is_chosen_by_hand(db: Database, festival: FestivalInfo) -> None:
    made = make_throws(db, festival, AUTHORS)
    update_competition(
        db, dataclasses.replace(made.competition, outcome=Outcome.SHORTLIST, judging=Judging.NONE)
    )
    assert "手抛飞机" not in assign_awards(db, festival.id).value.assigned
    award_entry(db, made.entry_ids["刘欣怡"], SHORTLIST_LEVEL, "美术组推荐")
    assign_awards(db, festival.id)
    assert selected(db, festival.id) == {"刘欣怡": SHORTLIST_LEVEL}
