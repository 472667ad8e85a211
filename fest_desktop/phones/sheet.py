"""A judge's sheet as the phone shows it: the entries they score in walking order (those they stand
aside from left out), each criterion's maximum and step, their own points so far, their progress."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.phones.conflicts import conflicts_of
from fest_desktop.phones.links import EVERY_LINK, Scope, open_link
from fest_desktop.phones.submissions import HANDED_IN, waiting_text
from fest_desktop.registration.competitions import CriterionInfo, competition_row
from fest_desktop.scoring.entering import scoring_refusals
from fest_desktop.scoring.points import PointsWords
from fest_desktop.scoring.sheet import sheet_of
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Entry


@dataclass(frozen=True)
class PhoneEntry:
    """An entry on a judge's phone: the points the judge has given it per criterion id."""

    id: int
    code: str
    class_name: str
    title: str
    authors: str
    group: str
    points: dict[int, float | None]
    done: bool
    # Why this entry cannot be scored now ("" when it can): locked, finalised, disqualified.
    closed: str = ""
    # The judge's values that differ from the desk's, waiting for the operator: criterion id →
    # (the desk's value, the phone's).
    conflicts: dict[int, tuple[float | None, float | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class PhoneSheet:
    judge_id: int
    judge_name: str
    competition_id: int
    competition: str
    locked: bool
    handed_in: bool
    criteria: tuple[CriterionInfo, ...]
    entries: tuple[PhoneEntry, ...]
    # Why no entry can be scored now ("" when some can): the competition locked or finalised.
    closed: str = ""

    @property
    def progress(self) -> tuple[int, int]:
        """(entries finished, entries this judge scores)."""
        return sum(entry.done for entry in self.entries), len(self.entries)

    def as_json(self) -> dict[str, object]:
        """What the page reads: plain JSON types, criterion ids as strings (JSON object keys)."""
        done, total = self.progress
        return {
            "judge": {"id": self.judge_id, "name": self.judge_name},
            "competition": {"id": self.competition_id, "name": self.competition},
            "locked": self.locked,
            "handed_in": self.handed_in,
            # Why the judge can change nothing now, in the words the server refuses with.
            "closed": HANDED_IN if self.handed_in else self.closed,
            "criteria": [
                {
                    "id": c.id,
                    "name": c.name,
                    "max": c.max_points,
                    "step": c.step,
                    "deduction": c.is_deduction,
                    "description": c.description,
                    "rule": PointsWords(c).rule,
                    "most_cases": PointsWords(c).most_cases,
                    "words": PointsWords(c).templates(),
                }
                for c in self.criteria
            ],
            "entries": [
                {
                    "id": e.id,
                    "code": e.code,
                    "class_name": e.class_name,
                    "title": e.title,
                    "authors": e.authors,
                    "group": e.group,
                    "points": {str(cid): value for cid, value in e.points.items()},
                    "done": e.done,
                    "closed": e.closed,
                    "conflicts": {
                        str(cid): {"desk": desk, "phone": phone, "text": waiting_text(desk, phone)}
                        for cid, (desk, phone) in e.conflicts.items()
                    },
                }
                for e in self.entries
            ],
            "progress": [done, total],
        }


def phone_sheet_in(session: Session, secret: str, scope: Scope = EVERY_LINK) -> PhoneSheet:
    """phone_sheet within a session."""
    link, judge = open_link(session, secret, scope)
    sheet = sheet_of(session, judge.competition_id)
    info = next(j for j in sheet.judges if j.id == judge.id)
    competition = competition_row(session, judge.competition_id)
    rows = session.scalars(select(Entry).where(Entry.competition_id == competition.id)).all()
    closed = scoring_refusals(session, competition, rows, writing=False)
    conflicts: dict[int, dict[int, tuple[float | None, float | None]]] = {}
    for conflict in conflicts_of(session, competition.festival_id, competition.id, judge.id):
        conflicts.setdefault(conflict.entry_id, {})[conflict.criterion_id] = (
            conflict.desk_value,
            conflict.phone_value,
        )
    entries = tuple(
        PhoneEntry(
            entry.id,
            entry.code,
            entry.class_name,
            entry.title,
            entry.authors,
            entry.group,
            {c.id: sheet.cell(entry.id, judge.id, c.id).value for c in sheet.competition.criteria},
            sheet.judge_total(entry.id, judge.id) is not None,
            closed.get(entry.id, ""),
            conflicts.get(entry.id, {}),
        )
        for entry in sheet.entries
        if not sheet.blocked(entry, info)
    )
    reasons = {entry.closed for entry in entries}
    return PhoneSheet(
        judge.id,
        judge.name,
        sheet.competition.id,
        sheet.competition.name,
        sheet.competition.locked,
        link.handed_in,
        tuple(sheet.competition.criteria),
        entries,
        reasons.pop() if len(reasons) == 1 else "",
    )


def phone_sheet(db: Database, secret: str, scope: Scope = EVERY_LINK) -> PhoneSheet:
    """The sheet the link's judge scores from the phone; LinkRefused when the link opens nothing."""
    with db.session() as session:
        return phone_sheet_in(session, secret, scope)
