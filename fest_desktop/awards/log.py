"""The log of awards: every rule run, change by hand, 推荐 and 定稿, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import AwardAction
from fest_desktop.scoring.log import default_station
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import AwardChange


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class AwardChangeInfo:
    id: int
    action: AwardAction
    subject: str
    old_level: str
    new_level: str
    reason: str
    station: str
    changed_at: dt.datetime

    @property
    def action_text(self) -> str:
        return self.action.label


def log_award_change(
    session: Session,
    festival_id: int,
    action: AwardAction,
    subject: str,
    *,
    award_id: int | None = None,
    old: str = "",
    new: str = "",
    reason: str = "",
    station: str = "",
) -> None:
    session.add(
        AwardChange(
            festival_id=festival_id,
            award_id=award_id,
            action=action,
            subject=subject[:200],
            old_level=old,
            new_level=new,
            reason=reason,
            station=station or default_station(),
            changed_at=now(),
        )
    )


def award_log(db: Database, festival_id: int) -> list[AwardChangeInfo]:
    """Every rule run, manual change, 推荐 and 定稿 of the festival, newest first."""
    with db.session() as session:
        return [
            AwardChangeInfo(
                row.id,
                row.action,
                row.subject,
                row.old_level,
                row.new_level,
                row.reason,
                row.station,
                row.changed_at,
            )
            for row in session.scalars(
                select(AwardChange)
                .where(AwardChange.festival_id == festival_id)
                .order_by(AwardChange.id.desc())
            )
        ]
