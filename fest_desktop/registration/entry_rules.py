"""The rules an entry obeys (eligibility, authors, how many works a student may enter, quotas), checked against
what a festival already holds, for one entry typed or every row of an import."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fest_desktop.registration.competitions import CompetitionInfo
from fest_desktop.registration.kinds import EntryStatus, Participation
from fest_desktop.school.classnames import class_display_name
from fest_desktop.storage.model import Entry, EntryAuthor, Grade, SchoolClass
from fest_desktop.values import quoted


@dataclass(frozen=True)
class RosterClass:
    id: int
    level: int
    number: int
    name: str


@dataclass(frozen=True)
class StudentRef:
    id: int
    class_id: int
    name: str
    age: int | None


@dataclass(frozen=True)
class TeacherRef:
    """The teacher who wrote a work of a competition for teachers."""

    id: int
    name: str


class EntryRules:
    """What is already entered in a festival, so that each new or changed entry can be checked.

    Used for one entry typed in the window and for every row of an import, where rows accepted earlier
    in the same file count as entered (record()).
    """

    def __init__(self, session: Session, festival_id: int) -> None:
        self.classes = {
            c.id: c
            for c in (
                RosterClass(class_id, level, number, class_display_name(grade, number))
                for class_id, level, number, grade in session.execute(
                    select(SchoolClass.id, Grade.level, SchoolClass.number, Grade.name)
                    .join(Grade, SchoolClass.grade_id == Grade.id)
                    .where(SchoolClass.festival_id == festival_id)
                )
            )
        }
        self.counts: Counter[tuple[int, int | None]] = Counter()
        # Each student's works per competition: (entry id, how a message names it), as many as the
        # competition allows.
        self.entered_by: dict[tuple[int, int], list[tuple[int, str]]] = {}
        for competition_id, class_id, count in session.execute(
            select(Entry.competition_id, Entry.class_id, func.count())
            .where(Entry.festival_id == festival_id, Entry.status != EntryStatus.DISQUALIFIED)
            .group_by(Entry.competition_id, Entry.class_id)
        ):
            self.counts[(competition_id, class_id)] = count
        # Through the connection, not the ORM: a large festival's thousands of authors, for every check.
        for competition_id, student_id, entry_id, code, title in session.connection().execute(
            select(Entry.competition_id, EntryAuthor.student_id, Entry.id, Entry.code, Entry.title)
            .join(EntryAuthor, EntryAuthor.entry_id == Entry.id)
            .where(Entry.festival_id == festival_id)
        ):
            self.entered_by.setdefault((competition_id, student_id), []).append(
                (entry_id, work_label(title, code))
            )
        # The same for the teachers of the competitions for teachers.
        self.written_by: dict[tuple[int, int | None], list[tuple[int, str]]] = {}
        for competition_id, teacher_id, entry_id, code, title in session.execute(
            select(Entry.competition_id, Entry.teacher_id, Entry.id, Entry.code, Entry.title).where(
                Entry.festival_id == festival_id, Entry.teacher_id.is_not(None)
            )
        ):
            self.written_by.setdefault((competition_id, teacher_id), []).append(
                (entry_id, work_label(title, code))
            )

    def problems(
        self,
        competition: CompetitionInfo,
        class_id: int | None,
        authors: Sequence[StudentRef],
        *,
        entry_id: int = 0,
        counted: bool = True,
        counted_before: bool = False,
        class_before: int | None = 0,
        teacher: TeacherRef | None = None,
    ) -> list[str]:
        """Every rule the entry breaks, as messages; entry_id, counted_before and class_before
        describe the stored entry being changed, whose own place must not count against it. A
        competition for teachers takes a teacher and no class; any other takes a class and pupils."""
        if competition.is_for_teachers:
            return self._teacher_problems(competition, class_id, authors, teacher, entry_id)
        if teacher is not None:
            return [f"「{competition.name}」是学生的比赛，作者应是学生，不能是老师{teacher.name}。"]
        school_class = self.classes.get(class_id) if class_id is not None else None
        if school_class is None:
            return ["请选择班级。" if class_id is None else "所选班级不在本届科技节中。"]
        found: list[str] = []
        if not competition.accepts_level(school_class.level):
            found.append(
                f"{school_class.name}不能参加「{competition.name}」（限{competition.eligibility_text}）。"
            )
        if competition.is_class_competition:
            if authors:
                found.append(f"「{competition.name}」是班级集体项目，不填作者。")
        elif not authors:
            found.append("请填写作者。")
        elif competition.participation == Participation.INDIVIDUAL and len(authors) > 1:
            found.append(
                f"「{competition.name}」是个人项目，每件作品只填一名作者（填了 {len(authors)} 名）。"
            )
        elif len(authors) > competition.team_size:
            found.append(
                f"「{competition.name}」每队最多 {competition.team_size} 人（填了 {len(authors)} 名）。"
            )
        seen: set[int] = set()
        for author in authors:
            if author.id in seen:
                found.append(f"作者「{author.name}」填了两次。")
                continue
            seen.add(author.id)
            if author.class_id != class_id:
                other = self.classes.get(author.class_id)
                where = other.name if other else "其他班级"
                found.append(f"「{author.name}」是{where}的学生，不在{school_class.name}。")
            earlier = [e for e in self.entered_by.get((competition.id, author.id), []) if e[0] != entry_id]
            if len(earlier) >= competition.works_per_student:
                works = "、".join(label for _, label in earlier)
                found.append(
                    f"{author.name}已报{works}，「{competition.name}」每人最多 {competition.works_per_student} 件。"
                )
        if counted and competition.quota_max is not None:
            already = self.counts[(competition.id, class_id)]
            if counted_before and class_before == class_id:
                already -= 1
            if already + 1 > competition.quota_max:
                found.append(
                    f"{school_class.name}「{competition.name}」已报 {already} {competition.entry_unit}，"
                    f"名额为{competition.quota_text}，不能再报。"
                )
        return found

    def _teacher_problems(
        self,
        competition: CompetitionInfo,
        class_id: int | None,
        authors: Sequence[StudentRef],
        teacher: TeacherRef | None,
        entry_id: int,
    ) -> list[str]:
        found: list[str] = []
        if class_id is not None:
            found.append(f"「{competition.name}」是教师比赛，作品不属于任何班级，不填班级。")
        if authors:
            found.append(f"「{competition.name}」是教师比赛，作者应是老师，不能是学生。")
        if teacher is None:
            found.append("请填写作者老师。")
            return found
        earlier = [e for e in self.written_by.get((competition.id, teacher.id), []) if e[0] != entry_id]
        if len(earlier) >= competition.works_per_student:
            works = "、".join(label for _, label in earlier)
            found.append(
                f"{teacher.name}老师已报{works}，「{competition.name}」每人最多 {competition.works_per_student} 件。"
            )
        return found

    def record(
        self,
        competition_id: int,
        class_id: int | None,
        author_ids: Iterable[int],
        entry_id: int,
        label: str,
        teacher_id: int | None = None,
    ) -> None:
        """Count an entry accepted earlier in the same import; label names it in messages."""
        self.counts[(competition_id, class_id)] += 1
        for student_id in author_ids:
            self.entered_by.setdefault((competition_id, student_id), []).append((entry_id, label))
        if teacher_id is not None:
            self.written_by.setdefault((competition_id, teacher_id), []).append((entry_id, label))


def work_label(title: str, code: str) -> str:
    """A work as a message names it: 「简易潜望镜」(XZ-0001), or 作品 XZ-0001 when it has no title; code
    may be where an imported row is, for a work not yet numbered."""
    return f"「{quoted(title)}」({code})" if title else f"作品 {code}"
