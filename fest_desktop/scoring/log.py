"""The audit log of scoring, and the stamp other windows and PCs poll to see that scores changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import platform
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fest_desktop.scoring.kinds import ChangeAction
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Competition, Entry, ScoreChange


def default_station() -> str:
    """The name this PC writes into the audit log."""
    return platform.node() or "本机"


@dataclass(frozen=True)
class ScoreChangeInfo:
    """One line of the audit log. action is score, attempt, lock, unlock or open (judging opened early)."""

    id: int
    competition_id: int | None
    entry_id: int | None
    action: ChangeAction
    what: str
    old_value: float | None
    new_value: float | None
    station: str
    changed_at: dt.datetime
    judge_id: int | None = None
    criterion_id: int | None = None
    attempt: int | None = None
    check_pass: bool = False

    @property
    def action_text(self) -> str:
        return self.action.label


CHANGE_COLUMNS = tuple(field.name for field in dataclasses.fields(ScoreChangeInfo))


def change_info(row: ScoreChange) -> ScoreChangeInfo:
    return ScoreChangeInfo(
        row.id,
        row.competition_id,
        row.entry_id,
        row.action,
        row.what,
        row.old_value,
        row.new_value,
        row.station,
        row.changed_at,
        row.judge_id,
        row.criterion_id,
        row.attempt,
        row.check_pass,
    )


def entry_log(db: Database, entry_id: int) -> list[ScoreChangeInfo]:
    """Every change of the entry's scores, oldest first."""
    with db.session() as session:
        rows = session.scalars(
            select(ScoreChange).where(ScoreChange.entry_id == entry_id).order_by(ScoreChange.id)
        )
        return [change_info(row) for row in rows]


def competition_log(db: Database, competition_id: int) -> list[ScoreChangeInfo]:
    """Every change of the competition's scores, locks and unlocks, oldest first."""
    with db.session() as session:
        rows = session.scalars(
            select(ScoreChange).where(ScoreChange.competition_id == competition_id).order_by(ScoreChange.id)
        )
        return [change_info(row) for row in rows]


def scoring_stamp(db: Database, festival_id: int) -> int:
    """A number that grows with every score, attempt, lock or unlock committed to the festival, by
    this process or any other on the same database: windows poll it to know when to redraw."""
    with db.session() as session:
        return (
            session.scalar(select(func.max(ScoreChange.id)).where(ScoreChange.festival_id == festival_id))
            or 0
        )


def changes_since(
    db: Database, festival_id: int, stamp: int, limit: int = 1000
) -> list[ScoreChangeInfo] | None:
    """The festival's changes after stamp, oldest first, for a window to catch up without reloading;
    None when there are more than limit (reloading is then quicker)."""
    columns = [getattr(ScoreChange, name) for name in CHANGE_COLUMNS]
    with db.session() as session:
        # Plain rows rather than ORM objects: thirty phones can commit hundreds of changes a second.
        rows = session.execute(
            select(*columns)
            .where(ScoreChange.festival_id == festival_id, ScoreChange.id > stamp)
            .order_by(ScoreChange.id)
            .limit(limit + 1)
        ).all()
    if len(rows) > limit:
        return None
    return [ScoreChangeInfo(**{**row._asdict(), "check_pass": bool(row.check_pass)}) for row in rows]


def log_change(
    session: Session,
    competition: Competition,
    entry: Entry | None,
    action: ChangeAction,
    what: str,
    old: float | None,
    new: float | None,
    station: str,
    **keys: int | bool | None,
) -> ScoreChange:
    change = ScoreChange(
        festival_id=competition.festival_id,
        competition_id=competition.id,
        entry_id=entry.id if entry else None,
        action=action,
        what=what,
        old_value=old,
        new_value=new,
        station=station,
        changed_at=dt.datetime.now().replace(microsecond=0),
        **keys,
    )
    session.add(change)
    session.flush()
    return change
