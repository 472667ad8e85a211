"""The festival's data model: SQLAlchemy 2.0 typed tables, dialect-neutral (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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
