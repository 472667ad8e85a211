"""A competition's panel of judges, and who stands aside for which class (回避)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.registration.competitions import competition_row
from fest_desktop.school.classnames import class_display_name
from fest_desktop.scoring.judge_keys import issue_keys
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import Competition, Grade, Judge, SchoolClass, Score, Teacher
from fest_desktop.values import JUDGE_NAME, clean_name


@dataclass(frozen=True)
class JudgeInfo:
    """A judge of a competition's panel; class_id marks the class the judge belongs to (回避)."""

    id: int
    competition_id: int
    name: str
    teacher_id: int | None = None
    class_id: int | None = None
    class_name: str = ""


def _class_names(session: Session, festival_id: int) -> dict[int, str]:
    return {
        class_id: class_display_name(grade, number)
        for class_id, grade, number in session.execute(
            select(SchoolClass.id, Grade.name, SchoolClass.number)
            .join(Grade, SchoolClass.grade_id == Grade.id)
            .where(SchoolClass.festival_id == festival_id)
        )
    }


def judge_infos(session: Session, competition: Competition) -> list[JudgeInfo]:
    names = _class_names(session, competition.festival_id)
    return [
        JudgeInfo(j.id, j.competition_id, j.name, j.teacher_id, j.class_id, names.get(j.class_id or 0, ""))
        for j in competition.judges
    ]


def judge_row(session: Session, judge_id: int) -> Judge:
    """The judge's row, or NotFoundError when the judge has left the panel (in another window, say)."""
    return fetch(session, Judge, judge_id, "这位评委已不在评委组中。")


def list_judges(db: Database, competition_id: int) -> list[JudgeInfo]:
    with db.session() as session:
        return judge_infos(session, competition_row(session, competition_id))


def _check_judge(session: Session, competition: Competition, judge: JudgeInfo) -> str:
    name = clean_name(judge.name)
    if not name:
        raise ValidationError("评委的姓名不能为空。")
    try:
        JUDGE_NAME.check(name)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    if any(j.name == name and j.id != judge.id for j in competition.judges):
        raise ValidationError(f"「{competition.name}」的评委组里已经有「{name}」。")
    if judge.teacher_id is not None:
        teacher = session.get(Teacher, judge.teacher_id)
        if teacher is None or teacher.festival_id != competition.festival_id:
            raise NotFoundError("这位老师已不在名册中。")
    if judge.class_id is not None:
        school_class = session.get(SchoolClass, judge.class_id)
        if school_class is None or school_class.festival_id != competition.festival_id:
            raise NotFoundError("这个班级已不存在。")
    return name


def add_judge(
    db: Database, competition_id: int, name: str, teacher_id: int | None = None, class_id: int | None = None
) -> Done[JudgeInfo]:
    """Put a judge on the panel: a teacher of the roster (teacher_id) or an outside name."""
    with db.session() as session:
        competition = competition_row(session, competition_id)
        clean = _check_judge(session, competition, JudgeInfo(0, competition_id, name, teacher_id, class_id))
        judge = Judge(
            name=clean, teacher_id=teacher_id, class_id=class_id, position=len(competition.judges) + 1
        )
        competition.judges.append(judge)
        issue_keys(session, [judge])
        return Done(
            next(j for j in judge_infos(session, competition) if j.id == judge.id),
            Changed.COMPETITIONS | Changed.PHONES,
        )


def update_judge(db: Database, info: JudgeInfo) -> Done[JudgeInfo]:
    """Rename a judge or change the class they belong to; their scores stay."""
    with db.session() as session:
        judge = judge_row(session, info.id)
        competition = competition_row(session, judge.competition_id)
        judge.name = _check_judge(session, competition, info)
        judge.teacher_id = info.teacher_id
        judge.class_id = info.class_id
        session.flush()
        return Done(
            next(j for j in judge_infos(session, competition) if j.id == judge.id),
            Changed.COMPETITIONS | Changed.PHONES,
        )


def remove_judges(db: Database, judge_ids: Sequence[int]) -> Done[None]:
    """Take judges off the panel, all or none; refused once one has scores, which must not vanish
    unseen."""
    with db.session() as session:
        for judge_id in judge_ids:
            judge = session.get(Judge, judge_id)
            if judge is None:
                continue
            scored = session.scalar(
                select(func.count()).where(Score.judge_id == judge_id, Score.value.is_not(None))
            )
            if scored:
                raise ValidationError(
                    f"评委「{judge.name}」已录入 {scored} 个分数，不能移出评委组。如确需移出，请先清空这些分数。"
                )
            session.delete(judge)
    return Done(None, Changed.COMPETITIONS | Changed.PHONES)


def stand_aside_reason(
    judge_name: str,
    judge_class_id: int | None,
    judge_teacher_id: int | None,
    class_id: int | None,
    head_teacher_id: int | None,
    author_teacher_id: int | None = None,
) -> str:
    """Why a judge does not score an entry (they belong to its class, are its 班主任, or wrote it, in a
    competition for teachers), or "" when they may."""
    if class_id is not None and judge_class_id == class_id:
        return f"评委「{judge_name}」属于本班，回避本班作品。"
    if judge_teacher_id is not None and judge_teacher_id == head_teacher_id:
        return f"评委「{judge_name}」是本班班主任，回避本班作品。"
    if judge_teacher_id is not None and judge_teacher_id == author_teacher_id:
        return f"评委「{judge_name}」是这件作品的作者，回避自己的作品。"
    return ""
