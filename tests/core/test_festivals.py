"""Festivals: creating, switching, editing, copying last year's set-up, phases."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from fest_desktop.errors import ValidationError
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.school.festivals import (
    FestivalInfo,
    add_phase,
    current_festival,
    delete_festival,
    delete_phases,
    edition_from_name,
    list_festivals,
    list_phases,
    phases_on,
    set_current_festival,
    update_festival,
    update_phase,
)
from fest_desktop.school.people import StudentInfo, add_teacher, list_students, list_teachers, save_student
from fest_desktop.school.school_days import is_school_day
from fest_desktop.school.structure import add_class, list_classes
from fest_desktop.storage.database import Database


def test_a_new_festival_becomes_current_and_reads_its_edition_from_the_name(db: Database) -> None:
    first = create_festival(db, "第九届科技节", "一中", dt.date(2025, 4, 1), dt.date(2025, 4, 30)).value
    second = create_festival(db, "第十届科技节", "一中", dt.date(2026, 4, 1), dt.date(2026, 4, 30)).value
    assert second.edition == 10
    assert current_festival(db) == second
    assert [f.id for f in list_festivals(db)] == [second.id, first.id]
    set_current_festival(db, first.id)
    assert current_festival(db) == dataclasses.replace(first, is_current=True)


def test_the_title_joins_school_and_festival_name_once(festival: FestivalInfo) -> None:
    assert festival.title == "启明实验学校第十届校园科技节"
    assert dataclasses.replace(festival, name="启明实验学校科技节").title == "启明实验学校科技节"


@pytest.mark.parametrize(
    ("name", "school_name", "start", "end", "message"),
    [
        ("", "一中", dt.date(2026, 4, 1), dt.date(2026, 4, 2), "名称"),
        ("科技节", " ", dt.date(2026, 4, 1), dt.date(2026, 4, 2), "学校"),
        ("科技节", "一中", dt.date(2026, 4, 2), dt.date(2026, 4, 1), "早于"),
    ],
)
def test_bad_festival_details_are_refused(
    db: Database, name: str, school_name: str, start: dt.date, end: dt.date, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        create_festival(db, name, school_name, start, end)
    assert list_festivals(db) == []


def test_editing_details_is_saved_and_validated(db: Database, festival: FestivalInfo) -> None:
    edited = update_festival(db, dataclasses.replace(festival, theme="体验生活，健康成长")).value
    assert current_festival(db) == edited
    assert edited.theme == "体验生活，健康成长"
    with pytest.raises(ValidationError):
        update_festival(db, dataclasses.replace(festival, end_date=dt.date(2026, 1, 1)))
    assert current_festival(db) == edited


def clear_phases(db: Database, festival: FestivalInfo) -> None:
    """The plans' phases a new festival gets, removed: these tests set their own."""
    for phase in list_phases(db, festival.id):
        delete_phases(db, [phase.id])


def test_a_new_festival_gets_the_plans_four_phases_and_a_copy_keeps_their_proportions(
    db: Database, festival: FestivalInfo
) -> None:
    phases = [(p.name, p.start_date, p.end_date) for p in list_phases(db, festival.id)]
    assert [name for name, _, _ in phases] == ["宣传动员", "准备", "展评", "总结"]
    # 4月11日 2026 is a Saturday: the festival's first school day opens it; it ends on Monday 5月11日.
    assert phases[0][1] == dt.date(2026, 4, 13) and phases[-1][2] == festival.end_date
    assert all(later[1] == earlier[2] + dt.timedelta(days=1) for earlier, later in itertools.pairwise(phases))
    assert all(is_school_day(first) for _name, first, _last in phases)  # each phase begins on a school day
    assert phases[0][2] == dt.date(2026, 4, 14)  # 4.11–14 宣传动员, as the plan has it
    half = create_festival(
        db,
        "第十一届校园科技节",
        "启明实验学校",
        dt.date(2027, 4, 1),
        dt.date(2027, 4, 16),
        copy_setup_from=festival.id,
    ).value
    copied = list_phases(db, half.id)
    assert [p.name for p in copied] == ["宣传动员", "准备", "展评", "总结"]
    assert (
        half.start_date <= copied[0].start_date <= copied[0].end_date and copied[-1].end_date == half.end_date
    )
    assert (copied[1].end_date - copied[1].start_date) > (copied[0].end_date - copied[0].start_date)


def test_a_copy_of_last_years_setup_brings_structure_and_shifted_phases_but_no_students(
    db: Database, festival: FestivalInfo
) -> None:
    clear_phases(db, festival)
    add_phase(db, festival.id, "宣传动员", dt.date(2026, 4, 11), dt.date(2026, 4, 14))
    add_phase(db, festival.id, "准备", dt.date(2026, 4, 15), dt.date(2026, 5, 7))
    head = add_teacher(db, festival.id, "林老师", "科学").value
    add_teacher(db, festival.id, "黄老师", "美术")
    three_two = add_class(db, festival.id, 3, 2, head.id).value
    add_class(db, festival.id, 7, 1)
    save_student(db, festival.id, StudentInfo(0, three_two.id, "张小明"))

    copy = create_festival(
        db,
        "第十一届校园科技节",
        "启明实验学校",
        dt.date(2027, 4, 10),
        dt.date(2027, 5, 10),
        copy_setup_from=festival.id,
    ).value

    assert copy.is_current and copy.edition == 11
    phases = list_phases(db, copy.id)
    # Shifted, then each opened on its first school day: 4月10日 2027 is a Saturday.
    assert [(p.name, p.start_date, p.end_date) for p in phases] == [
        ("宣传动员", dt.date(2027, 4, 12), dt.date(2027, 4, 13)),
        ("准备", dt.date(2027, 4, 14), dt.date(2027, 5, 6)),
    ]
    classes = list_classes(db, copy.id)
    assert [(c.name, c.head_teacher_name, c.section) for c in classes] == [
        ("三年级(2)班", "林老师", "小学"),
        ("初一(1)班", "", "初中"),
    ]
    assert {t.name for t in list_teachers(db, copy.id)} == {"林老师", "黄老师"}
    assert classes[0].head_teacher_id != head.id
    assert list_students(db, copy.id) == []
    assert len(list_students(db, festival.id)) == 1


def test_deleting_the_current_festival_makes_another_current(db: Database, festival: FestivalInfo) -> None:
    other = create_festival(db, "第九届科技节", "一中", dt.date(2025, 4, 1), dt.date(2025, 4, 30)).value
    delete_festival(db, other.id)
    current = current_festival(db)
    assert current is not None and current.id == festival.id


def test_phases_may_overlap_and_must_end_after_they_start(db: Database, festival: FestivalInfo) -> None:
    clear_phases(db, festival)
    a = add_phase(db, festival.id, "准备", dt.date(2026, 4, 15), dt.date(2026, 5, 7)).value
    b = add_phase(db, festival.id, "展评", dt.date(2026, 5, 1), dt.date(2026, 5, 11)).value
    assert phases_on(list_phases(db, festival.id), dt.date(2026, 5, 3)) == [a, b]
    with pytest.raises(ValidationError, match="早于"):
        update_phase(db, dataclasses.replace(a, end_date=dt.date(2026, 4, 1)))
    delete_phases(db, [a.id])
    assert list_phases(db, festival.id) == [b]


@pytest.mark.parametrize(
    ("name", "edition"), [("第十届校园科技节", 10), ("第3届科技节", 3), ("科技节", None)]
)
def test_edition_from_name(name: str, edition: int | None) -> None:
    assert edition_from_name(name) == edition
