"""What the command line names as people write them: a competition, a class, and one entry with its
authors or its teacher, each name found exactly once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.registration.competitions import CompetitionInfo, competition_info
from fest_desktop.registration.entries import EntryDraft, EntryInfo, check_draft, register_in
from fest_desktop.school.classnames import ClassNameError, parse_class
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Competition, Grade, SchoolClass, Student, Teacher
from fest_desktop.values import clean_name, normalize


def create_entry_by_names(
    db: Database,
    festival_id: int,
    competition_name: str,
    title: str,
    *,
    class_text: str = "",
    authors: Sequence[str] = (),
    teacher: str = "",
    subtype: str = "",
    advisor: str = "",
    today: dt.date | None = None,
    allow_late: bool = False,
) -> EntryInfo:
    """Register one entry named as a teacher writes it on the command line: the competition by (part
    of) its name, a pupil's work by its class and its authors' names, a teacher's work by the
    teacher's name; every name must be found once."""
    with db.session() as session:
        competition = _named_competition(session, festival_id, competition_name)
        class_id: int | None = None
        author_ids: tuple[int, ...] = ()
        teacher_id: int | None = None
        if competition.is_for_teachers:
            if class_text or authors:
                raise ValidationError(
                    f"「{competition.name}」是教师比赛：用 --teacher 写作者老师的姓名，不填班级和学生。"
                )
            teacher_id = _named_teacher(session, festival_id, teacher)
        else:
            if teacher:
                raise ValidationError(f"「{competition.name}」是学生的比赛，作者应是学生（用 --author）。")
            class_id = _named_class(session, festival_id, class_text)
            author_ids = tuple(_named_student(session, class_id, name) for name in authors)
        draft = EntryDraft(
            competition_id=competition.id,
            class_id=class_id,
            subtype=subtype,
            title=title,
            author_ids=author_ids,
            advisor=advisor,
            teacher_id=teacher_id,
        )
        check_draft(draft)
        return register_in(session, festival_id, draft, today or dt.date.today(), allow_late)


def _named_competition(session: Session, festival_id: int, name: str) -> CompetitionInfo:
    wanted = normalize(name)
    competitions = [
        competition_info(c)
        for c in session.scalars(
            select(Competition).where(Competition.festival_id == festival_id).order_by(Competition.position)
        )
    ]
    matches = [c for c in competitions if normalize(c.name) == wanted] or [
        c for c in competitions if wanted and wanted in normalize(c.name)
    ]
    if len(matches) != 1:
        names = "、".join(c.name for c in competitions) or "无"
        raise NotFoundError(f"没有唯一名为「{name}」的比赛项目。现有：{names}")
    return matches[0]


def _named_teacher(session: Session, festival_id: int, name: str) -> int:
    wanted = clean_name(name)
    if not wanted:
        raise ValidationError("请写作者老师的姓名。")
    ids = session.scalars(
        select(Teacher.id).where(Teacher.festival_id == festival_id, Teacher.name == wanted)
    ).all()
    if len(ids) != 1:
        raise NotFoundError(
            f"教师名单中有 {len(ids)} 位「{wanted}」老师，请在窗口中登记这件作品。"
            if ids
            else f"教师名单中没有「{wanted}」老师：请先在「学校与设置 → 教师」中添加。"
        )
    return ids[0]


def _named_class(session: Session, festival_id: int, text: str) -> int:
    try:
        ref = parse_class(text)
    except ClassNameError as exc:
        raise ValidationError(str(exc)) from None
    class_id = (
        None
        if ref.level is None
        else session.scalar(
            select(SchoolClass.id)
            .join(Grade, SchoolClass.grade_id == Grade.id)
            .where(
                SchoolClass.festival_id == festival_id,
                Grade.level == ref.level,
                SchoolClass.number == ref.number,
            )
        )
    )
    if class_id is None:
        raise NotFoundError(f"本届科技节没有班级「{text}」，请写成“三年级(2)班”的形式。")
    return class_id


def _named_student(session: Session, class_id: int, name: str) -> int:
    wanted = clean_name(name)
    ids = session.scalars(
        select(Student.id).where(Student.class_id == class_id, Student.name == wanted)
    ).all()
    if len(ids) != 1:
        raise NotFoundError(
            f"本班有 {len(ids)} 名学生叫「{wanted}」，请在窗口中登记这件作品。"
            if ids
            else f"本班花名册中没有学生「{wanted}」。"
        )
    return ids[0]


def find_competition(db: Database, festival_id: int, name: str) -> int:
    """The id of the competition named (a part only one name contains is enough)."""
    with db.session() as session:
        return _named_competition(session, festival_id, name).id


def find_class(db: Database, festival_id: int, text: str) -> int:
    """The id of the class written as schools write it (三年级(2)班, 三（2）班, 初一3班)."""
    with db.session() as session:
        return _named_class(session, festival_id, text)
