"""The award lists (获奖名单) and the awards in them as the screens, notices and certificates show
them; which lists are finalised (定稿)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import (
    ADVISOR_TITLE,
    SHORTLIST_LEVEL,
    AwardKind,
    ListKey,
    competition_list_key,
    list_key_of,
)
from fest_desktop.awards.levels import levels_of
from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.registration.competitions import competitions_of
from fest_desktop.registration.entries import higher_results_text
from fest_desktop.school.classnames import class_display_name
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import (
    Award,
    AwardNotice,
    Competition,
    Entry,
    EntryAuthor,
    Grade,
    HigherLevel,
    HigherResult,
    SchoolClass,
    Section,
    Student,
    Teacher,
)
from fest_desktop.values import clean_text

_NAME_SEPARATORS = re.compile(r"[、，,/；;\s]+")


def advisor_names(text: str) -> list[str]:
    """The teachers named in an entry's 指导老师 field: "王芳、李强" is two."""
    return [name for name in _NAME_SEPARATORS.split(clean_text(text)) if name]


def _section_names(session: Session, festival_id: int) -> list[str]:
    return list(
        session.scalars(
            select(Section.name).where(Section.festival_id == festival_id).order_by(Section.position)
        )
    )


@dataclass(frozen=True)
class AwardList:
    """A 获奖名单 that is finalised as one: a competition's, the collective awards, the 优秀组织奖
    or the 科技辅导员奖."""

    key: ListKey
    title: str
    kind: AwardKind
    competition_id: int | None = None


def award_lists(db: Database, festival_id: int) -> list[AwardList]:
    """The festival's award lists: one per competition, then 集体奖, 优秀组织奖 and 科技辅导员奖."""
    with db.session() as session:
        return award_lists_of(session, festival_id)


def award_lists_of(session: Session, festival_id: int) -> list[AwardList]:
    """award_lists within a session."""
    lists = [
        AwardList(competition_list_key(c.id), c.name, AwardKind.ENTRY, c.id)
        for c in competitions_of(session, festival_id)
    ]
    lists += [
        AwardList(list_key_of(kind, None), kind.label, kind) for kind in AwardKind if kind != AwardKind.ENTRY
    ]
    return lists


def find_award_list(db: Database, festival_id: int, name: str) -> AwardList:
    """The list of that name (a competition, 集体奖, 优秀组织奖, 科技辅导员奖) or the only one containing it."""
    with db.session() as session:
        return find_list(session, festival_id, name)


def find_list(session: Session, festival_id: int, name: str) -> AwardList:
    """find_award_list within a session."""
    lists = award_lists_of(session, festival_id)
    wanted = clean_text(name)
    matches = [a for a in lists if a.title == wanted] or [a for a in lists if wanted and wanted in a.title]
    if len(matches) != 1:
        raise NotFoundError(f"没有唯一名为「{name}」的获奖名单。可选：{'、'.join(a.title for a in lists)}")
    return matches[0]


@dataclass(frozen=True)
class NoticeInfo:
    list_key: ListKey
    fingerprint: str
    finalised_at: dt.datetime


def notices(db: Database, festival_id: int) -> dict[ListKey, NoticeInfo]:
    """The finalised lists, by list key."""
    with db.session() as session:
        return notices_of(session, festival_id)


def notices_of(session: Session, festival_id: int) -> dict[ListKey, NoticeInfo]:
    """notices within a session."""
    return {
        row.list_key: NoticeInfo(row.list_key, row.fingerprint, row.finalised_at)
        for row in session.scalars(select(AwardNotice).where(AwardNotice.festival_id == festival_id))
    }


def notice_row(session: Session, festival_id: int, list_key: ListKey) -> AwardNotice | None:
    return session.scalar(
        select(AwardNotice).where(AwardNotice.festival_id == festival_id, AwardNotice.list_key == list_key)
    )


def is_final(session: Session, festival_id: int, list_key: ListKey) -> bool:
    return notice_row(session, festival_id, list_key) is not None


def refuse_if_final(session: Session, festival_id: int, list_key: ListKey) -> None:
    if is_final(session, festival_id, list_key):
        raise ValidationError("这份获奖名单已定稿，不能再改。如确需修改，请先撤销定稿并写明原因。")


@dataclass(frozen=True)
class Recipient:
    """Who a certificate is for: a student (student_id), the teacher who wrote a work (teacher_id), or
    else the class or the advisor named."""

    name: str
    student_id: int | None = None
    teacher_id: int | None = None


@dataclass(frozen=True)
class AwardInfo:
    """An award with what the list, the notice and the certificates print of it. level "" is an
    award withdrawn by hand (kept to remember the decision)."""

    id: int
    kind: AwardKind
    list_key: ListKey
    level: str
    auto_level: str
    manual: bool
    reason: str
    group: str = ""
    rank: int | None = None
    score: float | None = None
    competition_id: int | None = None
    competition: str = ""
    entry_id: int | None = None
    code: str = ""
    title: str = ""
    class_id: int | None = None
    class_name: str = ""
    level_order: int = 0
    class_order: tuple[int, int] = (0, 0)
    teacher: str = ""
    advisor: str = ""
    recipients: tuple[Recipient, ...] = ()
    recommended: bool = False
    higher_result: str = ""
    # An advisor award: what the teacher's students won that it counts (advised_text).
    advised_text: str = ""

    @property
    def recipient_text(self) -> str:
        return "、".join(r.name for r in self.recipients)

    @property
    def award_name(self) -> str:
        """The award as a certificate and the notice name it: 一等奖, 优秀组织奖, 科技辅导员奖（一等奖）."""
        if self.kind == AwardKind.ADVISOR:
            return f"{ADVISOR_TITLE}（{self.level}）"
        return self.level

    @property
    def subject(self) -> str:
        """The award's subject in one line, as the log keeps it."""
        if self.kind == AwardKind.ENTRY:
            return f"{self.competition} {self.code} {self.class_name} {self.recipient_text}".strip()
        if self.kind == AwardKind.ADVISOR:
            return f"{ADVISOR_TITLE} {self.teacher} {self.competition}".strip()
        return f"{self.kind.label} {self.class_name}"

    @property
    def rule_note(self) -> str:
        """Why the level differs from the rules' result, for the list's 说明 column."""
        if not self.manual:
            return ""
        rule = self.auto_level or "无"
        return f"手动：{self.reason}（规则结果：{rule}）"


def class_rows(session: Session, festival_id: int) -> dict[int, tuple[str, str, int, int, int]]:
    """class id → (name, section, section position, level, number)."""
    return {
        class_id: (class_display_name(grade, number), section, position, level, number)
        for class_id, grade, number, section, position, level in session.execute(
            select(
                SchoolClass.id, Grade.name, SchoolClass.number, Section.name, Section.position, Grade.level
            )
            .join(Grade, SchoolClass.grade_id == Grade.id)
            .join(Section, Grade.section_id == Section.id)
            .where(SchoolClass.festival_id == festival_id)
        )
    }


def award_infos(session: Session, festival_id: int, rows: Iterable[Award]) -> list[AwardInfo]:
    rows = list(rows)
    classes = class_rows(session, festival_id)
    levels = [level.name for level in levels_of(session, festival_id)]
    competitions = dict(
        session.execute(
            select(Competition.id, Competition.name).where(Competition.festival_id == festival_id)
        ).all()
    )
    entry_ids = [row.entry_id for row in rows if row.entry_id is not None]
    entries = (
        {entry.id: entry for entry in session.scalars(select(Entry).where(Entry.id.in_(entry_ids)))}
        if entry_ids
        else {}
    )
    authors: dict[int, list[Recipient]] = defaultdict(list)
    if entry_ids:
        for entry_id, student_id, name in session.execute(
            select(EntryAuthor.entry_id, Student.id, Student.name)
            .join(Student, EntryAuthor.student_id == Student.id)
            .where(EntryAuthor.entry_id.in_(entry_ids))
            .order_by(EntryAuthor.entry_id, EntryAuthor.position)
        ):
            authors[entry_id].append(Recipient(name, student_id))
        for entry_id, teacher_id, name in session.execute(
            select(Entry.id, Teacher.id, Teacher.name)
            .join(Teacher, Entry.teacher_id == Teacher.id)
            .where(Entry.id.in_(entry_ids))
        ):
            authors[entry_id].append(Recipient(name, teacher_id=teacher_id))
    higher: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if entry_ids:
        for entry_id, level_name, result in session.execute(
            select(HigherResult.entry_id, HigherLevel.name, HigherResult.result)
            .join(HigherLevel, HigherResult.level_id == HigherLevel.id)
            .where(HigherResult.entry_id.in_(entry_ids))
            .order_by(HigherResult.entry_id, HigherLevel.position)
        ):
            higher[entry_id].append((level_name, result))
    advised = _advised(session, festival_id) if any(r.kind == AwardKind.ADVISOR for r in rows) else {}
    found = []
    for row in rows:
        entry = entries.get(row.entry_id) if row.entry_id is not None else None
        class_id = entry.class_id if entry is not None else row.class_id
        class_name, _section, _position, level, number = (
            classes.get(class_id, ("", "", 0, 0, 0)) if class_id else ("", "", 0, 0, 0)
        )
        if row.kind == AwardKind.ADVISOR:
            recipients: tuple[Recipient, ...] = (Recipient(row.teacher),)
        elif entry is not None and authors.get(entry.id):
            recipients = tuple(authors[entry.id])
        else:
            recipients = (Recipient(class_name),)
        level_name = row.level
        found.append(
            AwardInfo(
                row.id,
                row.kind,
                list_key_of(row.kind, row.competition_id),
                row.level,
                row.auto_level,
                row.manual,
                row.reason,
                row.group_name,
                row.rank,
                row.score,
                row.competition_id,
                competitions.get(row.competition_id, "") if row.competition_id else "",
                row.entry_id,
                entry.code if entry else "",
                entry.title if entry else "",
                class_id,
                class_name,
                levels.index(level_name) if level_name in levels else len(levels),
                (level, number),
                row.teacher,
                entry.advisor if entry else "",
                recipients,
                entry.recommended if entry else False,
                higher_results_text(higher.get(entry.id, [])) if entry else "",
                advised_text(
                    [
                        (name, level)
                        for competition_id, name, level in advised.get(row.teacher, ())
                        if row.competition_id is None or competition_id == row.competition_id
                    ],
                    levels,
                    row.level,
                )
                if row.kind == AwardKind.ADVISOR
                else "",
            )
        )
    return found


def _advised(session: Session, festival_id: int) -> dict[str, list[tuple[int | None, str, str]]]:
    """teacher → (competition id, name, level) of every prize their students' works won, competitions in
    their order: what a 科技辅导员奖 names. A 初评's 入选 is no prize."""
    found: dict[str, list[tuple[int | None, str, str]]] = defaultdict(list)
    for competition_id, name, level, advisor in session.execute(
        select(Award.competition_id, Competition.name, Award.level, Entry.advisor)
        .join(Entry, Award.entry_id == Entry.id)
        .join(Competition, Award.competition_id == Competition.id)
        .where(
            Award.festival_id == festival_id,
            Award.kind == AwardKind.ENTRY,
            Award.level.not_in(("", SHORTLIST_LEVEL)),
        )
        .order_by(Competition.position, Competition.id)
    ):
        for teacher in advisor_names(advisor):
            found[teacher].append((competition_id, name, level))
    return found


def advised_text(advised: Sequence[tuple[str, str]], levels: Sequence[str], level: str) -> str:
    """What an advisor's students won, competitions in their order and prizes best first:
    参加科技小论文与观察日记、手抛飞机获一等奖2项、二等奖1项; one prize alone: 参加手抛飞机获一等奖."""
    names = "、".join(dict.fromkeys(name for name, _level in advised))
    where = f"参加{names}" if names else ""
    if len(advised) <= 1:
        return f"{where}获{advised[0][1] if advised else level}"
    order = {name: position for position, name in enumerate(levels)}
    counts = sorted(
        Counter(level for _name, level in advised).items(), key=lambda i: order.get(i[0], len(order))
    )
    return f"{where}获" + "、".join(f"{name}{count}项" for name, count in counts)


def list_awards(
    db: Database,
    festival_id: int,
    list_key: ListKey | None = None,
    *,
    level: str | None = None,
    class_id: int | None = None,
    include_withdrawn: bool = True,
) -> list[AwardInfo]:
    """The festival's awards, list by list in display order (competitions first), best level and
    rank first within a group; filtered by list, level and class when given."""
    with db.session() as session:
        return awards_of(
            session,
            festival_id,
            list_key,
            level=level,
            class_id=class_id,
            include_withdrawn=include_withdrawn,
        )


def awards_of(
    session: Session,
    festival_id: int,
    list_key: ListKey | None = None,
    *,
    level: str | None = None,
    class_id: int | None = None,
    include_withdrawn: bool = True,
) -> list[AwardInfo]:
    """list_awards within a session."""
    order = {a.key: index for index, a in enumerate(award_lists_of(session, festival_id))}
    sections = {name: index for index, name in enumerate(_section_names(session, festival_id))}
    awards = award_infos(
        session, festival_id, session.scalars(select(Award).where(Award.festival_id == festival_id))
    )
    grades = _group_order(awards, sections)
    chosen = [
        a
        for a in awards
        if (list_key is None or a.list_key == list_key)
        and (level is None or a.level == level)
        and (class_id is None or a.class_id == class_id)
        and (include_withdrawn or a.level)
    ]
    chosen.sort(
        key=lambda a: (
            order.get(a.list_key, len(order)),
            grades.get(a.group, 0),
            a.level == "",
            a.level_order,
            a.rank if a.rank is not None else 10**6,
            a.class_order,
            a.code,
            a.teacher,
        )
    )
    return chosen


def _group_order(awards: Sequence[AwardInfo], sections: dict[str, int]) -> dict[str, int]:
    """Groups in school order: sections by position, grades by their class levels."""
    order: dict[str, int] = {}
    for award in awards:
        if award.group in sections:
            order[award.group] = sections[award.group] * 100
        elif award.group:
            order.setdefault(award.group, award.class_order[0])
    return order


def award_by_entry(db: Database, festival_id: int) -> dict[int, str]:
    """entry id → its level, for every entry award that counts (results --json uses it)."""
    with db.session() as session:
        return {
            entry_id: level
            for entry_id, level in session.execute(
                select(Award.entry_id, Award.level).where(
                    Award.festival_id == festival_id, Award.kind == AwardKind.ENTRY, Award.level != ""
                )
            )
            if entry_id is not None
        }


def recommended_entries(db: Database, festival_id: int) -> set[int]:
    with db.session() as session:
        return set(
            session.scalars(
                select(Entry.id).where(Entry.festival_id == festival_id, Entry.recommended.is_(True))
            )
        )
