"""The festival's data model: SQLAlchemy 2.0 typed tables, dialect-neutral (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from fest_desktop.awards.kinds import (
    BY_POINTS,
    AdvisorRule,
    AwardAction,
    AwardKind,
    CollectiveBasis,
    ListKey,
    PointSource,
    RuleMode,
)
from fest_desktop.calendar.kinds import AudiencePart, EventKind, read_audience, spell_audience
from fest_desktop.certificates.kinds import DateStyle, DesignKind, TemplateKind
from fest_desktop.phones.kinds import Outcome as SubmissionOutcome
from fest_desktop.registration.kinds import (
    Combine,
    CriterionKind,
    EntryStatus,
    Judging,
    Outcome,
    Participation,
    RankingGroup,
)
from fest_desktop.scoring.kinds import ChangeAction
from fest_desktop.storage.columns import Spelled, vocabulary

# Named constraints keep Alembic migrations stable across SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Setting(Base):
    """Per-file key/value state, such as which festival is current."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Festival(Base):
    """One school's science & technology week, for example 第十届校园科技节."""

    __tablename__ = "festival"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    edition: Mapped[int | None] = mapped_column(Integer)
    theme: Mapped[str] = mapped_column(String(200), default="")
    school_name: Mapped[str] = mapped_column(String(100))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    # Awards: the date certificates bear (None: the 颁奖典礼 or 闭幕式 on the calendar, else the
    # festival's last day) and how they are numbered;
    # next_certificate only grows, so a number is never given twice.
    award_date: Mapped[dt.date | None] = mapped_column(Date)
    certificate_prefix: Mapped[str] = mapped_column(String(30), default="KJJ{年}-")
    certificate_digits: Mapped[int] = mapped_column(Integer, default=4)
    next_certificate: Mapped[int] = mapped_column(Integer, default=1)
    # The class total collective awards rank by: the 班级考核 points of all awards won, or the class's
    # final in one competition (the board).
    collective_basis: Mapped[CollectiveBasis] = mapped_column(
        Spelled(CollectiveBasis.parse, str, String(30)), default=BY_POINTS
    )
    # 优秀组织奖: the share of a class's students who must take part, in percent.
    organisation_min_share: Mapped[int] = mapped_column(Integer, default=60)
    # 科技辅导员奖: "competition" (one per teacher and competition), "festival" (one per teacher) or
    # "none"; only for a best student's award at advisor_min_level or better ("" = any level).
    advisor_rule: Mapped[AdvisorRule] = mapped_column(
        vocabulary(AdvisorRule, 12), default=AdvisorRule.PER_TEACHER
    )
    advisor_min_level: Mapped[str] = mapped_column(String(20), default="")
    # A level given by share (10 %) keeps at least one place in a group that can fill it: the winner
    # of a group of three is not left with 二等奖.
    share_keeps_one_place: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    # The 总结 the teacher writes in 统计与总结 (a first draft is offered from the figures).
    summary_text: Mapped[str] = mapped_column(Text, default="", server_default="")

    phases: Mapped[list[Phase]] = relationship(
        back_populates="festival", cascade="all, delete-orphan", order_by="Phase.start_date"
    )
    sections: Mapped[list[Section]] = relationship(
        back_populates="festival", cascade="all, delete-orphan", order_by="Section.position"
    )
    teachers: Mapped[list[Teacher]] = relationship(back_populates="festival", cascade="all, delete-orphan")


class Phase(Base):
    """A stage of the festival (宣传动员, 准备, 展评, 总结); phases may overlap."""

    __tablename__ = "phase"

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)

    festival: Mapped[Festival] = relationship(back_populates="phases")


class Section(Base):
    """A school section (学部): 小学, 初中 or 高中."""

    __tablename__ = "section"
    __table_args__ = (UniqueConstraint("festival_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)

    festival: Mapped[Festival] = relationship(back_populates="sections")
    grades: Mapped[list[Grade]] = relationship(
        back_populates="section", cascade="all, delete-orphan", order_by="Grade.level"
    )


class Grade(Base):
    """A year group; level runs through the whole school: 一年级 = 1 … 初一 = 7 … 高三 = 12."""

    __tablename__ = "grade"
    __table_args__ = (UniqueConstraint("festival_id", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(20))

    section: Mapped[Section] = relationship(back_populates="grades")
    classes: Mapped[list[SchoolClass]] = relationship(
        back_populates="grade", cascade="all, delete-orphan", order_by="SchoolClass.number"
    )


class SchoolClass(Base):
    """A class (班级), numbered within its grade: 三年级(2)班 is grade 3, number 2."""

    __tablename__ = "school_class"
    __table_args__ = (UniqueConstraint("grade_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    grade_id: Mapped[int] = mapped_column(ForeignKey("grade.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    head_teacher_id: Mapped[int | None] = mapped_column(ForeignKey("teacher.id", ondelete="SET NULL"))

    grade: Mapped[Grade] = relationship(back_populates="classes")
    head_teacher: Mapped[Teacher | None] = relationship()
    students: Mapped[list[Student]] = relationship(
        back_populates="school_class", cascade="all, delete-orphan"
    )


class Teacher(Base):
    """A teacher of the school: 班主任, 指导老师, judge or responsible person."""

    __tablename__ = "teacher"

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    subject: Mapped[str] = mapped_column(String(50), default="")

    festival: Mapped[Festival] = relationship(back_populates="teachers")


class Student(Base):
    """A student of the festival's roster."""

    __tablename__ = "student"

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("school_class.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    gender: Mapped[str] = mapped_column(String(2), default="")
    student_number: Mapped[str] = mapped_column(String(40), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    age: Mapped[int | None] = mapped_column(Integer)

    school_class: Mapped[SchoolClass] = relationship(back_populates="students")


class Competition(Base):
    """A competition of the festival (科技创新绘画, 科普板报 …) with its rules of entry and judging.

    The enumerated fields hold the codes of fest_desktop.competitions (participation: individual /
    team / class; judging: rubric / measured / none; combine: mean / trimmed; ranking_group:
    grade / section / school).
    """

    __tablename__ = "competition"
    __table_args__ = (UniqueConstraint("festival_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(50), default="")
    code_prefix: Mapped[str] = mapped_column(String(8))
    participation: Mapped[Participation] = mapped_column(
        vocabulary(Participation, 12), default=Participation.INDIVIDUAL
    )
    team_size: Mapped[int] = mapped_column(Integer, default=1)
    # How many works one student may enter in this competition (the plans allow 1–2 小制作).
    works_per_student: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    parent_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Grade levels that may enter, as "3,4,5"; empty means every grade.
    eligible_levels: Mapped[str] = mapped_column(String(60), default="")
    quota_min: Mapped[int | None] = mapped_column(Integer)
    quota_max: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    # Sub-types one per line: 小制作 / 小发明, 油画 / 国画 …
    subtypes: Mapped[str] = mapped_column(Text, default="")
    judging: Mapped[Judging] = mapped_column(vocabulary(Judging, 12), default=Judging.RUBRIC)
    combine: Mapped[Combine] = mapped_column(vocabulary(Combine, 12), default=Combine.MEAN)
    trim_min_judges: Mapped[int] = mapped_column(Integer, default=5)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    measure_unit: Mapped[str] = mapped_column(String(10), default="")
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True)
    ranking_group: Mapped[RankingGroup] = mapped_column(
        vocabulary(RankingGroup, 12), default=RankingGroup.GRADE
    )
    responsible: Mapped[str] = mapped_column(String(50), default="")
    # Entry numbers are never reused: this only grows, whatever is deleted.
    next_number: Mapped[int] = mapped_column(Integer, default=1)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Scoring: scores typed twice from paper count only where both passes agree.
    double_entry: Mapped[bool] = mapped_column(Boolean, default=False)
    # Criterion ids, comma-joined, compared in order when finals are equal; empty: ties share a rank.
    tie_break: Mapped[str] = mapped_column(String(200), default="")
    # A judge's total further than this share of the maximum from the panel's median is flagged.
    outlier_percent: Mapped[int] = mapped_column(Integer, default=15)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    # The day the judges meet (板报检查日); shown on the calendar with the deadline.
    judging_date: Mapped[dt.date | None] = mapped_column(Date)
    # A class board is made and inspected in a window (比赛时间 4.21——4.28) ending on the deadline.
    window_start: Mapped[dt.date | None] = mapped_column(Date)
    # prizes: levels by the award rules; shortlist: a 初评 that selects works (入选) to recommend.
    outcome: Mapped[Outcome] = mapped_column(
        vocabulary(Outcome, 12), default=Outcome.PRIZES, server_default=Outcome.PRIZES.value
    )
    # Judging opens when the works are in (scoring.opening); the operator may open it earlier
    # (提前开始评审): when, and from which station.
    judging_opened_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    judging_opened_by: Mapped[str] = mapped_column(String(60), default="", server_default="")
    # The default award rules add 优秀奖 for every judged work without a prize (个人优秀奖若干名).
    merit_award: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="competition", cascade="all, delete-orphan", order_by="Criterion.position"
    )
    judges: Mapped[list[Judge]] = relationship(cascade="all, delete-orphan", order_by="Judge.position")


class Criterion(Base):
    """One judging criterion of a competition (科技含量, 想象力 …) with its maximum points, or a
    deduction item (扣分项, kind "deduction"): max_points is then its cap and step the points per case."""

    __tablename__ = "criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    max_points: Mapped[float] = mapped_column(Float)
    step: Mapped[float] = mapped_column(Float, default=1.0)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[CriterionKind] = mapped_column(vocabulary(CriterionKind, 10), default=CriterionKind.SCORE)

    competition: Mapped[Competition] = relationship(back_populates="criteria")


class Entry(Base):
    """A work entered in a competition by a class, or by a teacher (teacher_id) in a competition for
    teachers, which has no class; code (XZ-0012) is given once and never changes."""

    __tablename__ = "entry"
    __table_args__ = (UniqueConstraint("festival_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"), index=True)
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    # The author of a teacher's work (经验论文, 科技活动方案): one teacher, as the plans' contests ask.
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("teacher.id", ondelete="SET NULL"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    subtype: Mapped[str] = mapped_column(String(30), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    advisor: Mapped[str] = mapped_column(String(50), default="")
    parent_name: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[EntryStatus] = mapped_column(vocabulary(EntryStatus, 12), default=EntryStatus.REGISTERED)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    # 推荐参加上级比赛
    recommended: Mapped[bool] = mapped_column(Boolean, default=False)
    # 说明: a short description of the work, for the list sent up with the recommended ones.
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())

    authors: Mapped[list[EntryAuthor]] = relationship(
        cascade="all, delete-orphan", order_by="EntryAuthor.position"
    )


class EntryAuthor(Base):
    """A student who made an entry; a team entry has several, a class entry none."""

    __tablename__ = "entry_author"

    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class HigherLevel(Base):
    """A contest above the school that works are recommended to, in the order a work goes up (镇第十三届
    科技节 → 城口县第二届科技创新大赛 → 市青少年科技创新大赛), named by the school for each festival."""

    __tablename__ = "higher_level"
    __table_args__ = (UniqueConstraint("festival_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(Integer, default=0)


class HigherResult(Base):
    """What a recommended work obtained at one higher level it reached (一等奖, 入选 …)."""

    __tablename__ = "higher_result"

    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True)
    level_id: Mapped[int] = mapped_column(
        ForeignKey("higher_level.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    result: Mapped[str] = mapped_column(String(30))


class PracticeItem(Base):
    """A 科普实践 every pupil of the festival (or of some grades) does: 读一本科普读物并写读后感 …
    eligible_levels as a competition's ("3,4,5"; empty: every grade); points are the 班级考核 points a
    class earns when all its pupils have done it (in proportion otherwise); competition_id is where a
    pupil's written work (读后感, 征文) is entered by default."""

    __tablename__ = "practice_item"
    __table_args__ = (UniqueConstraint("festival_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    position: Mapped[int] = mapped_column(Integer, default=0)
    eligible_levels: Mapped[str] = mapped_column(String(60), default="")
    points: Mapped[float] = mapped_column(Float, default=0.0)
    competition_id: Mapped[int | None] = mapped_column(ForeignKey("competition.id", ondelete="SET NULL"))


class PracticeMark(Base):
    """A pupil has done a practice item (the 班主任 ticked it); no row means not yet."""

    __tablename__ = "practice_mark"

    item_id: Mapped[int] = mapped_column(ForeignKey("practice_item.id", ondelete="CASCADE"), primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    marked_on: Mapped[dt.date] = mapped_column(Date)


class Judge(Base):
    """A judge on a competition's panel: a teacher of the roster or an outside name. A judge linked to
    a teacher who is a class's 班主任, or marked as belonging to a class, does not score that class."""

    __tablename__ = "judge"

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("teacher.id", ondelete="SET NULL"))
    class_id: Mapped[int | None] = mapped_column(ForeignKey("school_class.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Score(Base):
    """One judge's points on one criterion of one entry. check_value is the second, blind pass of a
    double entry; the cell counts when it equals value (or always when double entry is off)."""

    __tablename__ = "score"
    __table_args__ = (UniqueConstraint("entry_id", "judge_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"), index=True)
    value: Mapped[float | None] = mapped_column(Float)
    check_value: Mapped[float | None] = mapped_column(Float)


class Attempt(Base):
    """One measured attempt of an entry (a throw's distance, a run's time)."""

    __tablename__ = "attempt"
    __table_args__ = (UniqueConstraint("entry_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)


class ScoreChange(Base):
    """The audit log of scoring: every score or attempt changed, and every lock and unlock. Names are
    copied so the log still reads after a judge or entry is deleted. Its growing id is also the stamp
    other windows and PCs poll to see that scores changed."""

    __tablename__ = "score_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    competition_id: Mapped[int | None] = mapped_column(
        ForeignKey("competition.id", ondelete="SET NULL"), index=True
    )
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entry.id", ondelete="SET NULL"), index=True)
    action: Mapped[ChangeAction] = mapped_column(vocabulary(ChangeAction, 10))
    judge_id: Mapped[int | None] = mapped_column(Integer)
    criterion_id: Mapped[int | None] = mapped_column(Integer)
    attempt: Mapped[int | None] = mapped_column(Integer)
    check_pass: Mapped[bool] = mapped_column(Boolean, default=False)
    what: Mapped[str] = mapped_column(String(200), default="")
    old_value: Mapped[float | None] = mapped_column(Float)
    new_value: Mapped[float | None] = mapped_column(Float)
    station: Mapped[str] = mapped_column(String(60), default="")
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Event(Base):
    """An activity of the festival's calendar: one or several days, all day or from start to end time
    on each of them. audience is empty for the whole school, else the sections, grades and classes it
    is for. keep_clash records that the teacher accepted a clash deliberately."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    phase_id: Mapped[int | None] = mapped_column(ForeignKey("phase.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[EventKind] = mapped_column(vocabulary(EventKind, 12), default=EventKind.OTHER)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(100), default="")
    responsible: Mapped[str] = mapped_column(String(100), default="")
    audience: Mapped[tuple[AudiencePart, ...]] = mapped_column(
        Spelled(read_audience, spell_audience, Text()), default=()
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    keep_clash: Mapped[bool] = mapped_column(Boolean, default=False)


class AwardLevel(Base):
    """An award level of the festival in order of merit (一等奖 first) with the points it brings
    its class in the 班级考核 table."""

    __tablename__ = "award_level"
    __table_args__ = (UniqueConstraint("festival_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    points: Mapped[float] = mapped_column(Float, default=0.0)


class ClassPointRule(Base):
    """The 班级考核 points a class earns from one source besides its prizes (awards.points.PointSource:
    each work handed in, each competition whose quota it met …)."""

    __tablename__ = "class_point_rule"
    __table_args__ = (UniqueConstraint("festival_id", "source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    source: Mapped[PointSource] = mapped_column(vocabulary(PointSource, 20))
    points: Mapped[float] = mapped_column(Float, default=0.0)


class AwardRule(Base):
    """How many of a group receive a level: amount entries (mode "count") or amount percent of the
    group (mode "percent"). scope "entry" rules belong to a competition; "class" rules are the
    collective awards and "organisation" the 优秀组织奖, by section. group_name "" is every group."""

    __tablename__ = "award_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    scope: Mapped[AwardKind] = mapped_column(vocabulary(AwardKind, 12), default=AwardKind.ENTRY)
    competition_id: Mapped[int | None] = mapped_column(
        ForeignKey("competition.id", ondelete="CASCADE"), index=True
    )
    group_name: Mapped[str] = mapped_column(String(20), default="")
    level: Mapped[str] = mapped_column(String(20))
    mode: Mapped[RuleMode] = mapped_column(vocabulary(RuleMode, 8), default=RuleMode.COUNT)
    amount: Mapped[float] = mapped_column(Float, default=0.0)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Award(Base):
    """An award of one subject: an entry (kind "entry"), a class ("class" collective award,
    "organisation" 优秀组织奖) or an advisor teacher ("advisor", by name, per competition or for the
    festival). auto_level is what the rules gave at their last run; level is what counts. A manual
    award keeps its level when the rules run again; level "" is no award."""

    __tablename__ = "award"

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    kind: Mapped[AwardKind] = mapped_column(vocabulary(AwardKind, 12))
    competition_id: Mapped[int | None] = mapped_column(
        ForeignKey("competition.id", ondelete="CASCADE"), index=True
    )
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"), index=True)
    class_id: Mapped[int | None] = mapped_column(ForeignKey("school_class.id", ondelete="CASCADE"))
    teacher: Mapped[str] = mapped_column(String(50), default="")
    group_name: Mapped[str] = mapped_column(String(20), default="")
    rank: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    auto_level: Mapped[str] = mapped_column(String(20), default="")
    level: Mapped[str] = mapped_column(String(20), default="")
    manual: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")


class AwardChange(Base):
    """The log of awards: rule runs, manual changes with their reasons, 推荐, 定稿 and its undoing.
    The subject is copied so the line still reads after the award is gone."""

    __tablename__ = "award_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    award_id: Mapped[int | None] = mapped_column(ForeignKey("award.id", ondelete="SET NULL"))
    action: Mapped[AwardAction] = mapped_column(vocabulary(AwardAction, 12))
    subject: Mapped[str] = mapped_column(String(200), default="")
    old_level: Mapped[str] = mapped_column(String(20), default="")
    new_level: Mapped[str] = mapped_column(String(20), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    station: Mapped[str] = mapped_column(String(60), default="")
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AwardNotice(Base):
    """A finalised (定稿) award list: a competition's ("c:<id>"), the collective awards ("class") or
    the 优秀组织奖 ("organisation"), with the fingerprint of its awards at that moment."""

    __tablename__ = "award_notice"
    __table_args__ = (UniqueConstraint("festival_id", "list_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    list_key: Mapped[ListKey] = mapped_column(Spelled(ListKey.parse, str, String(20)))
    fingerprint: Mapped[str] = mapped_column(String(20))
    finalised_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CertificateTemplate(Base):
    """A certificate layout for one kind of recipient (student, class, teacher, organisation): the
    sheet, the slots of a multi-up sheet, the 套打 background or a built-in design and the offsets,
    and the fields as JSON."""

    __tablename__ = "certificate_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    kind: Mapped[TemplateKind] = mapped_column(vocabulary(TemplateKind, 12))
    paper: Mapped[str] = mapped_column(String(12), default="A4")
    landscape: Mapped[bool] = mapped_column(Boolean, default=True)
    width_mm: Mapped[float] = mapped_column(Float)
    height_mm: Mapped[float] = mapped_column(Float)
    columns: Mapped[int] = mapped_column(Integer, default=1)
    rows: Mapped[int] = mapped_column(Integer, default=1)
    date_style: Mapped[DateStyle] = mapped_column(vocabulary(DateStyle, 10), default=DateStyle.CHINESE)
    background: Mapped[bytes | None] = mapped_column(LargeBinary)
    print_background: Mapped[bool] = mapped_column(Boolean, default=True)
    offset_x_mm: Mapped[float] = mapped_column(Float, default=0.0)
    offset_y_mm: Mapped[float] = mapped_column(Float, default=0.0)
    seal: Mapped[bytes | None] = mapped_column(LargeBinary)
    fields: Mapped[str] = mapped_column(Text, default="[]")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # A built-in design (certificates.designs) drawn under the fields like a background; None for none.
    design: Mapped[DesignKind | None] = mapped_column(vocabulary(DesignKind, 20))


class Certificate(Base):
    """A certificate issued: its number is given once at the first print and kept on reprints.
    Recipient and wording are copied so the register still reads if the award is later withdrawn."""

    __tablename__ = "certificate"
    __table_args__ = (UniqueConstraint("festival_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    festival_id: Mapped[int] = mapped_column(ForeignKey("festival.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(40))
    award_id: Mapped[int | None] = mapped_column(ForeignKey("award.id", ondelete="SET NULL"), index=True)
    student_id: Mapped[int | None] = mapped_column(ForeignKey("student.id", ondelete="SET NULL"))
    recipient: Mapped[str] = mapped_column(String(100))
    class_name: Mapped[str] = mapped_column(String(30), default="")
    award_text: Mapped[str] = mapped_column(String(200), default="")
    print_count: Mapped[int] = mapped_column(Integer, default=0)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_printed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class JudgeLink(Base):
    """A judge's private link for scoring from a phone: the secret the link carries (and its hash,
    by which a request finds it), the short PIN for typing the address by hand, and whether the judge
    has handed the sheet in (提交并锁定: the phone may no longer change it)."""

    __tablename__ = "judge_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="CASCADE"), unique=True)
    secret: Mapped[str] = mapped_column(String(64))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    pin: Mapped[str] = mapped_column(String(8), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    handed_in: Mapped[bool] = mapped_column(Boolean, default=False)


class PhoneSubmission(Base):
    """A submission from a phone under the id the phone made for it: a submission sent twice (the
    answer lost on a flaky network) is stored once and answered as the first time; content is the
    digest of what it held, so the same id with other points is refused rather than taken for it."""

    __tablename__ = "phone_submission"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="CASCADE"), index=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
    outcome: Mapped[SubmissionOutcome] = mapped_column(vocabulary(SubmissionOutcome, 12))
    # How many of its values differ from the desk's and wait for the operator (told again on a resend).
    conflicts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    content: Mapped[str] = mapped_column(String(64), default="", server_default="")


class ScoreConflict(Base):
    """A phone's points that differ from what the desk typed for the same judge, entry and criterion:
    kept apart for the operator to choose, never written over the desk's."""

    __tablename__ = "score_conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"))
    phone_value: Mapped[float | None] = mapped_column(Float)
    desk_value: Mapped[float | None] = mapped_column(Float)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
    address: Mapped[str] = mapped_column(String(60), default="")


class DistrictTemplate(Base):
    """The columns, in order, of one district's 推荐作品上报表; shared by every festival of the file."""

    __tablename__ = "district_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    # Column names one per line, from fest_desktop.summary.district.DISTRICT_COLUMNS.
    columns: Mapped[str] = mapped_column(Text)
