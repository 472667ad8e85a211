"""When judging opens: a competition's works are in on its deadline, a class's board is judged from its
inspection day (or from the start of its making-and-inspection window). Before that a score typed,
imported or sent from a phone, a run of the award rules and a 定稿 are refused with the date named,
unless the operator opened judging early (提前开始评审), which the audit log keeps with who and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.registration.competitions import CompetitionInfo, competition_row
from fest_desktop.registration.kinds import Participation, deadline_word
from fest_desktop.school.school_days import day_off
from fest_desktop.scoring.kinds import ChangeAction
from fest_desktop.scoring.log import default_station, log_change
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Competition
from fest_desktop.values import month_day


@dataclass(frozen=True)
class Opening:
    """The day a competition's judging opens and what happens on it (交稿截止, 检查日 …); day None
    when the competition names no date. opened_at: judging was opened early then, by opened_by."""

    competition: str
    day: dt.date | None
    what: str
    opened_at: dt.datetime | None = None
    opened_by: str = ""

    def is_open(self, today: dt.date) -> bool:
        return self.day is None or today >= self.day or self.opened_at is not None

    @property
    def when(self) -> str:
        """12月20日（交稿截止）."""
        return "" if self.day is None else f"{month_day(self.day)}（{self.what}）"


def opening_of(competition: Competition) -> Opening:
    """When judging of the competition opens: a class's board on its inspection day, else at the start
    of its window; works when they are in, on the deadline."""
    opened = (competition.judging_opened_at, competition.judging_opened_by)
    if competition.participation == Participation.CLASS:
        if competition.judging_date is not None:
            return Opening(competition.name, competition.judging_date, "检查日", *opened)
        if competition.window_start is not None:
            return Opening(competition.name, competition.window_start, "制作与检查开始", *opened)
    word = deadline_word(competition.participation, competition.judging)
    return Opening(competition.name, competition.deadline, word, *opened)


def judging_refusal(competition: Competition, today: dt.date | None = None, doing: str = "录入成绩") -> str:
    """Why the competition may not be judged yet (doing: 录入成绩, 评奖, 定稿), naming the day judging
    opens; "" when it may."""
    opening = opening_of(competition)
    if opening.is_open(today or dt.date.today()):
        return ""
    return (
        f"「{competition.name}」的评审从{opening.when}开始，现在还不能{doing}。"
        "如确需提前评审：在「作品报名 → 比赛项目」中点“提前开始评审…”，命令行加 --open-early（会记入修改记录）。"
    )


def open_early_in(session: Session, competition: Competition, station: str) -> None:
    """Record that judging of the competition was opened before its day, with who and when, in the
    audit log; nothing when it is open already."""
    if competition.judging_opened_at is not None:
        return
    station = station or default_station()
    opening = opening_of(competition)
    competition.judging_opened_at = dt.datetime.now().replace(microsecond=0)
    competition.judging_opened_by = station[:60]
    log_change(
        session,
        competition,
        None,
        ChangeAction.OPEN_EARLY,
        f"提前开始评审（原定{opening.when or '无日期'}）",
        None,
        None,
        station,
    )


def open_judging_early(db: Database, competition_id: int, *, station: str = "") -> Done[Opening]:
    """提前开始评审: scores, the award rules and 定稿 are accepted before the competition's day from
    now on; the log keeps who opened it and when."""
    with db.session() as session:
        competition = competition_row(session, competition_id)
        open_early_in(session, competition, station)
        return Done(opening_of(competition), Changed.COMPETITIONS | Changed.SCORES)


def competition_days_off(competition: CompetitionInfo) -> list[str]:
    """The competition's deadline and judging day that fall on a weekend or holiday, as the competition
    page marks them: "交稿截止（5月1日）：5月1日是劳动节假期"."""
    found = []
    for what, day in (
        (competition.deadline_word, competition.deadline),
        ("评审日", competition.judging_date),
    ):
        off = day_off(day) if day is not None else None
        if day is not None and off is not None:
            found.append(f"{what}（{month_day(day)}）：{off.message}")
    return found


def judging_opening(db: Database, competition_id: int) -> Opening:
    """When the competition's judging opens, and whether it was opened early."""
    with db.session() as session:
        return opening_of(competition_row(session, competition_id))
