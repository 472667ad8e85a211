"""Festivals and their phases: list, edit, switch, delete (a new one is made by new_festival)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.changes import EVERYTHING, Changed, Done
from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.school.classnames import chinese_number
from fest_desktop.storage.backups import backup_before
from fest_desktop.storage.database import Database, delete_row, fetch
from fest_desktop.storage.model import Festival, Phase, Setting
from fest_desktop.values import FESTIVAL_NAME, PHASE_NAME, SCHOOL_NAME, THEME, limit_problems

CURRENT_FESTIVAL_KEY = "current_festival_id"
STANDARD_PHASES = ("宣传动员", "准备", "展评", "总结")


@dataclass(frozen=True)
class FestivalInfo:
    id: int
    name: str
    edition: int | None
    theme: str
    school_name: str
    start_date: dt.date
    end_date: dt.date
    is_current: bool = False

    @property
    def title(self) -> str:
        """The heading printed on schedules and notices: 启明实验学校第十届校园科技节."""
        return f"{self.school_name}{self.name}" if self.school_name not in self.name else self.name


@dataclass(frozen=True)
class PhaseInfo:
    id: int
    name: str
    start_date: dt.date
    end_date: dt.date


def edition_from_name(name: str) -> int | None:
    """The edition written in a festival's name: 第十届校园科技节 → 10."""
    match = re.search(r"第([0-9一二两三四五六七八九十]+)届", name)
    if match is None:
        return None
    return chinese_number(match.group(1))


def check_festival_fields(name: str, school_name: str, start: dt.date, end: dt.date, theme: str = "") -> None:
    if not name.strip():
        raise ValidationError("科技节名称不能为空。")
    if not school_name.strip():
        raise ValidationError("学校名称不能为空。")
    for problem in limit_problems(((FESTIVAL_NAME, name), (SCHOOL_NAME, school_name), (THEME, theme))):
        raise ValidationError(problem)
    if end < start:
        raise ValidationError(f"结束日期 {end:%Y-%m-%d} 早于开始日期 {start:%Y-%m-%d}。")


def festival_info(festival: Festival, current_id: int | None) -> FestivalInfo:
    return FestivalInfo(
        id=festival.id,
        name=festival.name,
        edition=festival.edition,
        theme=festival.theme,
        school_name=festival.school_name,
        start_date=festival.start_date,
        end_date=festival.end_date,
        is_current=festival.id == current_id,
    )


def current_festival_id(session: Session) -> int | None:
    value = session.get(Setting, CURRENT_FESTIVAL_KEY)
    if value is not None and session.get(Festival, int(value.value)) is not None:
        return int(value.value)
    # No valid choice stored: the most recently started festival is the natural one.
    return session.scalars(
        select(Festival.id).order_by(Festival.start_date.desc(), Festival.id.desc())
    ).first()


def festival_row(session: Session, festival_id: int, *, for_update: bool = False) -> Festival:
    """The festival's row, or NotFoundError when it has been deleted (in another window, say);
    for_update locks it for the rest of the transaction on a server (SELECT … FOR UPDATE)."""
    festival = session.get(Festival, festival_id, with_for_update=for_update, populate_existing=for_update)
    if festival is None:
        raise NotFoundError(f"找不到编号为 {festival_id} 的科技节（可能已被删除）。")
    return festival


def list_festivals(db: Database) -> list[FestivalInfo]:
    """All festivals in the file, newest first."""
    with db.session() as session:
        current = current_festival_id(session)
        festivals = session.scalars(select(Festival).order_by(Festival.start_date.desc(), Festival.id.desc()))
        return [festival_info(festival, current) for festival in festivals]


def current_festival(db: Database) -> FestivalInfo | None:
    with db.session() as session:
        current = current_festival_id(session)
        return None if current is None else festival_info(festival_row(session, current), current)


def festival_of(session: Session, festival_id: int) -> FestivalInfo:
    """get_festival within a session."""
    return festival_info(festival_row(session, festival_id), current_festival_id(session))


def get_festival(db: Database, festival_id: int) -> FestivalInfo:
    """One festival by id; NotFoundError when it has been deleted."""
    with db.session() as session:
        return festival_info(festival_row(session, festival_id), current_festival_id(session))


def set_current_festival(db: Database, festival_id: int) -> Done[FestivalInfo]:
    with db.session() as session:
        festival = festival_row(session, festival_id)
        session.merge(Setting(key=CURRENT_FESTIVAL_KEY, value=str(festival.id)))
        return Done(festival_info(festival, festival.id), EVERYTHING)


def update_festival(db: Database, info: FestivalInfo) -> Done[FestivalInfo]:
    """Save edited festival details; the id and is_current of info are not changed by this."""
    check_festival_fields(info.name, info.school_name, info.start_date, info.end_date, info.theme)
    with db.session() as session:
        festival = festival_row(session, info.id)
        festival.name = info.name.strip()
        festival.school_name = info.school_name.strip()
        festival.theme = info.theme.strip()
        festival.edition = info.edition
        festival.start_date = info.start_date
        festival.end_date = info.end_date
        return Done(festival_info(festival, current_festival_id(session)), Changed.FESTIVAL)


def delete_festival(db: Database, festival_id: int) -> Done[None]:
    """Delete a festival with everything in it, after a backup of the file; another becomes current."""
    backup_before(db, "删除科技节")
    with db.session() as session:
        session.delete(festival_row(session, festival_id))
        stored = session.get(Setting, CURRENT_FESTIVAL_KEY)
        if stored is not None and stored.value == str(festival_id):
            session.delete(stored)
    return Done(None, EVERYTHING)


def list_phases(db: Database, festival_id: int) -> list[PhaseInfo]:
    with db.session() as session:
        phases = session.scalars(
            select(Phase).where(Phase.festival_id == festival_id).order_by(Phase.start_date, Phase.id)
        )
        return [PhaseInfo(p.id, p.name, p.start_date, p.end_date) for p in phases]


def _check_phase(name: str, start: dt.date, end: dt.date) -> None:
    if not name.strip():
        raise ValidationError("阶段名称不能为空。")
    for problem in limit_problems(((PHASE_NAME, name),)):
        raise ValidationError(problem)
    if end < start:
        raise ValidationError(f"阶段「{name}」的结束日期早于开始日期。")


def add_phase(
    db: Database, festival_id: int, name: str, start_date: dt.date, end_date: dt.date
) -> Done[PhaseInfo]:
    _check_phase(name, start_date, end_date)
    with db.session() as session:
        festival_row(session, festival_id)
        phase = Phase(festival_id=festival_id, name=name.strip(), start_date=start_date, end_date=end_date)
        session.add(phase)
        session.flush()
        return Done(PhaseInfo(phase.id, phase.name, phase.start_date, phase.end_date), Changed.FESTIVAL)


def update_phase(db: Database, info: PhaseInfo) -> Done[PhaseInfo]:
    _check_phase(info.name, info.start_date, info.end_date)
    with db.session() as session:
        phase = fetch(session, Phase, info.id, "这个阶段已被删除。")
        phase.name = info.name.strip()
        phase.start_date = info.start_date
        phase.end_date = info.end_date
        return Done(PhaseInfo(phase.id, phase.name, phase.start_date, phase.end_date), Changed.FESTIVAL)


def delete_phases(db: Database, phase_ids: Sequence[int]) -> Done[None]:
    with db.session() as session:
        for phase_id in phase_ids:
            delete_row(session, Phase, phase_id)
    return Done(None, Changed.FESTIVAL)


def phases_on(phases: list[PhaseInfo], day: dt.date) -> list[PhaseInfo]:
    """The phases running on a day (phases may overlap)."""
    return [phase for phase in phases if phase.start_date <= day <= phase.end_date]
