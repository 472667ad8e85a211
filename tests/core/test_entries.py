"""Entries: the rules enforced as they arrive, stable numbers, quotas and participation."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from fest_desktop.errors import ValidationError
from fest_desktop.registration.competitions import (
    CompetitionInfo,
    add_competition,
    get_competition,
    update_competition,
)
from fest_desktop.registration.entries import (
    EntryDraft,
    EntryInfo,
    LateEntryError,
    create_entry,
    delete_entries,
    list_entries,
    restore_entries,
    update_entry,
)
from fest_desktop.registration.kinds import EntryStatus
from fest_desktop.registration.presets import add_preset
from fest_desktop.registration.quotas import participation_summary, quota_overview, quota_warnings
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import delete_students
from fest_desktop.storage.database import Database
from tests.core.school_fixture import SmallSchool, make_small_school

BEFORE_DEADLINE = dt.date(2026, 4, 20)


@pytest.fixture
def small(db: Database, festival: FestivalInfo) -> SmallSchool:
    return make_small_school(db, festival)


def painting(db: Database, festival_id: int) -> CompetitionInfo:
    return add_preset(
        db, festival_id, "科技创新绘画比赛"
    ).value  # quota 2–3, deadline 2026-04-30 (5月1日 is a holiday)


def enter(
    db: Database, small: SmallSchool, competition_id: int, class_name: str, *authors: str, **fields: object
) -> EntryInfo:
    draft = EntryDraft(
        competition_id,
        small.class_ids[class_name],
        author_ids=tuple(small.student_ids[a] for a in authors),
        **fields,  # type: ignore[arg-type]
    )
    return create_entry(db, small.festival_id, draft, today=BEFORE_DEADLINE).value


def test_an_entry_gets_the_next_number_of_its_competition(db: Database, small: SmallSchool) -> None:
    paint = painting(db, small.festival_id)
    first = enter(
        db, small, paint.id, "三年级(1)班", "张子涵", title="未来城市", subtype="水彩画", advisor="马老师"
    )
    second = enter(db, small, paint.id, "三年级(2)班", "刘欣怡", title="太空农场")
    assert (first.code, second.code) == ("HH-0001", "HH-0002")
    assert first.author_names == "张子涵" and first.ages == "11" and first.status_text == "已报名"
    assert [e.title for e in list_entries(db, small.festival_id)] == ["未来城市", "太空农场"]


def test_numbers_are_never_reused_after_deletes_and_survive_a_prefix_change(
    db: Database, small: SmallSchool
) -> None:
    paint = painting(db, small.festival_id)
    codes = [enter(db, small, paint.id, "三年级(1)班", name).code for name in ("张子涵", "李梓轩", "王一诺")]
    assert codes == ["HH-0001", "HH-0002", "HH-0003"]
    third = list_entries(db, small.festival_id)[2]
    delete_entries(db, [third.id])
    assert enter(db, small, paint.id, "三年级(1)班", "曾浩然").code == "HH-0004"
    update_competition(db, dataclasses.replace(get_competition(db, paint.id), code_prefix="KH"))
    assert enter(db, small, paint.id, "三年级(2)班", "刘欣怡").code == "KH-0005"
    assert [e.code for e in list_entries(db, small.festival_id)] == [
        "HH-0001",
        "HH-0002",
        "HH-0004",
        "KH-0005",
    ]


def test_a_prefix_given_back_does_not_collide_with_old_numbers(db: Database, small: SmallSchool) -> None:
    paint = painting(db, small.festival_id)
    enter(db, small, paint.id, "三年级(1)班", "张子涵")
    update_competition(db, dataclasses.replace(get_competition(db, paint.id), code_prefix="KH"))
    other = add_competition(db, small.festival_id, CompetitionInfo(0, "科幻画", code_prefix="HH")).value
    assert enter(db, small, other.id, "三年级(1)班", "张子涵").code == "HH-0002"


def test_over_the_quota_is_refused_naming_class_count_and_quota(db: Database, small: SmallSchool) -> None:
    paint = painting(db, small.festival_id)
    for name in ("张子涵", "李梓轩", "王一诺"):
        enter(db, small, paint.id, "三年级(1)班", name)
    with pytest.raises(
        ValidationError, match=r"三年级\(1\)班「科技创新绘画比赛」已报 3 件，名额为每班 2–3 件，不能再报"
    ):
        enter(db, small, paint.id, "三年级(1)班", "曾浩然")
    assert len(list_entries(db, small.festival_id)) == 3
    # Another class still has its own places.
    enter(db, small, paint.id, "三年级(2)班", "刘欣怡")


def test_a_disqualified_entry_frees_its_place_and_taking_it_back_is_checked(
    db: Database, small: SmallSchool
) -> None:
    paint = painting(db, small.festival_id)
    entries = [enter(db, small, paint.id, "三年级(1)班", n) for n in ("张子涵", "李梓轩", "王一诺")]
    update_entry(db, entries[0].id, dataclasses.replace(entries[0].draft(), status=EntryStatus.DISQUALIFIED))
    enter(db, small, paint.id, "三年级(1)班", "曾浩然")
    with pytest.raises(ValidationError, match="已报 3 件"):
        update_entry(
            db, entries[0].id, dataclasses.replace(entries[0].draft(), status=EntryStatus.REGISTERED)
        )
    # Editing an entry that already holds its place is no new entry.
    kept = update_entry(db, entries[1].id, dataclasses.replace(entries[1].draft(), title="磁悬浮列车")).value
    assert kept.title == "磁悬浮列车" and kept.code == entries[1].code


def test_under_the_minimum_is_a_warning_per_class(db: Database, small: SmallSchool) -> None:
    paint = painting(db, small.festival_id)
    enter(db, small, paint.id, "三年级(1)班", "张子涵")
    enter(db, small, paint.id, "三年级(2)班", "刘欣怡")
    enter(db, small, paint.id, "三年级(2)班", "杨诗琪")
    cells = {(c.class_name, c.competition_id): c for c in quota_overview(db, small.festival_id)}
    assert cells[("三年级(1)班", paint.id)].state == "under"
    assert cells[("三年级(2)班", paint.id)].state == "complete"
    assert cells[("一年级(1)班", paint.id)].state == "missing"
    warnings = quota_warnings(db, small.festival_id)
    assert "三年级(1)班「科技创新绘画比赛」只报了 1 件，名额为每班 2–3 件。" in warnings
    assert "一年级(1)班「科技创新绘画比赛」只报了 0 件，名额为每班 2–3 件。" in warnings
    assert not any("三年级(2)班" in line for line in warnings)


def test_a_grade_that_may_not_enter_is_refused(db: Database, small: SmallSchool) -> None:
    plane = add_preset(db, small.festival_id, "手抛飞机").value
    with pytest.raises(ValidationError, match=r"一年级\(1\)班不能参加「手抛飞机」（限三年级至初三）"):
        enter(db, small, plane.id, "一年级(1)班", "吴可馨")
    cells = {(c.class_name, c.competition_id): c.state for c in quota_overview(db, small.festival_id)}
    assert cells[("一年级(1)班", plane.id)] == "ineligible"


def test_a_student_enters_a_competition_once(db: Database, small: SmallSchool) -> None:
    paint = painting(db, small.festival_id)
    first = enter(db, small, paint.id, "三年级(1)班", "张子涵")
    with pytest.raises(
        ValidationError, match=f"张子涵已报作品 {first.code}，「科技创新绘画比赛」每人最多 1 件。"
    ):
        enter(db, small, paint.id, "三年级(1)班", "张子涵")
    # The same student may enter another competition.
    making = add_preset(db, small.festival_id, "小制作").value
    enter(db, small, making.id, "三年级(1)班", "张子涵")


def test_the_making_competition_takes_two_works_per_student_as_the_plan_says(
    db: Database, small: SmallSchool
) -> None:
    making = add_preset(db, small.festival_id, "小制作").value
    assert making.works_per_student == 2 and "创意设计" in making.subtypes
    first = enter(db, small, making.id, "三年级(1)班", "张子涵", subtype="小制作")
    second = enter(db, small, making.id, "三年级(1)班", "张子涵", subtype="创意设计")
    with pytest.raises(ValidationError) as refused:
        enter(db, small, making.id, "三年级(1)班", "张子涵")
    assert refused.value.message == (
        f"张子涵已报作品 {first.code}、作品 {second.code}，「科技创新小制作与小发明」每人最多 2 件。"
    )
    one = update_competition(db, dataclasses.replace(making, works_per_student=1)).value
    assert one.works_per_student == 1
    with pytest.raises(ValidationError, match="每人可报的作品数应在 1 到 10 件之间"):
        update_competition(db, dataclasses.replace(making, works_per_student=0))


def test_authors_must_be_of_the_entrys_class_and_fit_the_team(db: Database, small: SmallSchool) -> None:
    paint = painting(db, small.festival_id)
    with pytest.raises(ValidationError, match=r"「刘欣怡」是三年级\(2\)班的学生，不在三年级\(1\)班"):
        enter(db, small, paint.id, "三年级(1)班", "刘欣怡")
    with pytest.raises(ValidationError, match="个人项目，每件作品只填一名作者（填了 2 名）"):
        enter(db, small, paint.id, "三年级(1)班", "张子涵", "李梓轩")
    with pytest.raises(ValidationError, match="请填写作者"):
        enter(db, small, paint.id, "三年级(1)班")
    quiz = add_preset(db, small.festival_id, "知识竞赛").value
    with pytest.raises(ValidationError, match="每队最多 3 人（填了 4 名）"):
        enter(db, small, quiz.id, "三年级(1)班", "张子涵", "李梓轩", "王一诺", "曾浩然")
    team = enter(db, small, quiz.id, "三年级(1)班", "张子涵", "李梓轩", "王一诺")
    assert team.author_names == "张子涵、李梓轩、王一诺"
    assert list_entries(db, small.festival_id) == [team]


def test_a_class_competition_takes_no_typed_entries(db: Database, small: SmallSchool) -> None:
    board = add_preset(db, small.festival_id, "科普板报").value
    with pytest.raises(ValidationError, match="班级集体项目，每个班的作品已自动登记"):
        enter(db, small, board.id, "三年级(1)班")
    entry = next(e for e in list_entries(db, small.festival_id) if e.class_name == "三年级(1)班")
    titled = update_entry(
        db, entry.id, dataclasses.replace(entry.draft(), title="探索星空", advisor="班主任")
    ).value
    assert titled.title == "探索星空"
    with pytest.raises(ValidationError, match="不填作者"):
        update_entry(
            db, entry.id, dataclasses.replace(entry.draft(), author_ids=(small.student_ids["张子涵"],))
        )


def test_after_the_deadline_only_with_confirmation_and_marked_late(db: Database, small: SmallSchool) -> None:
    paint = painting(db, small.festival_id)
    draft = EntryDraft(paint.id, small.class_ids["三年级(1)班"], author_ids=(small.student_ids["张子涵"],))
    after = dt.date(2026, 5, 12)
    with pytest.raises(LateEntryError, match="截止日期 2026-04-30 已过"):
        create_entry(db, small.festival_id, draft, today=after)
    assert list_entries(db, small.festival_id) == []
    late = create_entry(db, small.festival_id, draft, today=after, allow_late=True).value
    assert late.late and late.status_text == "已报名（逾期）"
    on_the_day = dataclasses.replace(draft, author_ids=(small.student_ids["李梓轩"],))
    assert not create_entry(db, small.festival_id, on_the_day, today=dt.date(2026, 4, 30)).value.late


def test_the_competition_of_an_entry_cannot_change(db: Database, small: SmallSchool) -> None:
    paint = painting(db, small.festival_id)
    making = add_preset(db, small.festival_id, "小制作").value
    entry = enter(db, small, paint.id, "三年级(1)班", "张子涵")
    with pytest.raises(ValidationError, match="不能改比赛项目"):
        update_entry(db, entry.id, dataclasses.replace(entry.draft(), competition_id=making.id))


def test_undo_of_a_delete_gives_the_entry_its_own_number_back(db: Database, small: SmallSchool) -> None:
    paint = painting(db, small.festival_id)
    entry = enter(db, small, paint.id, "三年级(1)班", "张子涵", title="未来城市")
    delete_entries(db, [entry.id])
    [restored] = restore_entries(db, small.festival_id, [entry]).value
    assert dataclasses.replace(restored, id=entry.id) == entry


def test_a_deleted_student_leaves_the_entry(db: Database, small: SmallSchool) -> None:
    quiz = add_preset(db, small.festival_id, "知识竞赛").value
    enter(db, small, quiz.id, "三年级(1)班", "张子涵", "李梓轩")
    delete_students(db, [small.student_ids["李梓轩"]])
    assert list_entries(db, small.festival_id)[0].author_names == "张子涵"


def test_participation_counts_students_once_and_skips_disqualified(db: Database, small: SmallSchool) -> None:
    paint = painting(db, small.festival_id)
    making = add_preset(db, small.festival_id, "小制作").value
    enter(db, small, paint.id, "三年级(1)班", "张子涵")
    enter(db, small, making.id, "三年级(1)班", "张子涵")
    out = enter(db, small, paint.id, "三年级(1)班", "李梓轩")
    update_entry(db, out.id, dataclasses.replace(out.draft(), status=EntryStatus.DISQUALIFIED))
    summary = {row.class_name: row for row in participation_summary(db, small.festival_id)}
    first = summary["三年级(1)班"]
    assert (first.student_count, first.entry_count, first.participant_count) == (6, 2, 1)
    assert first.share == pytest.approx(1 / 6)
    assert summary["一年级(1)班"].entry_count == 0


def test_a_class_board_is_guided_by_its_head_teacher_by_default(db: Database, small: SmallSchool) -> None:
    from fest_desktop.school.people import add_teacher
    from fest_desktop.school.structure import update_class

    wang = add_teacher(db, small.festival_id, "王老师", "语文").value
    update_class(db, small.class_ids["三年级(1)班"], 1, wang.id)
    board = add_preset(db, small.festival_id, "科普板报").value
    advisors = {
        e.class_name: e.advisor for e in list_entries(db, small.festival_id) if e.competition_id == board.id
    }
    assert advisors["三年级(1)班"] == "王老师"
    li = add_teacher(db, small.festival_id, "李老师", "数学").value
    update_class(db, small.class_ids["三年级(1)班"], 1, li.id)  # a new 班主任 takes the board over
    advisors = {
        e.class_name: e.advisor for e in list_entries(db, small.festival_id) if e.competition_id == board.id
    }
    assert advisors["三年级(1)班"] == "李老师"
