"""The festival's calendar: events, the competitions' deadlines and judging days shown with them,
clash detection, and the printed, spreadsheet and iCalendar schedules."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.calendar.kinds import (
    AudiencePart,
    ClassAudience,
    EventKind,
    GradeAudience,
    SectionAudience,
)
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.registration.kinds import deadline_word
from fest_desktop.school.classnames import class_display_name, section_for_level
from fest_desktop.school.festivals import festival_row
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import Competition, Event, Grade, Phase, SchoolClass
from fest_desktop.values import (
    EVENT_TITLE,
    NOTES,
    PLACE,
    RESPONSIBLE,
    clean_text,
    limit_problems,
    month_day,
    quoted,
)

WHOLE_SCHOOL = "全校"


DERIVED_IDS_FROM = -1  # derived items (deadlines, judging days) have negative ids


@dataclass(frozen=True)
class EventInfo:
    """An event, or a competition's deadline, a board's making-and-inspection window or a judging day
    (source "deadline" / "window" / "judging", negative
    id, not editable here). start_time None means all day; end_date is the last day (inclusive)."""

    id: int
    title: str
    kind: EventKind
    start_date: dt.date
    end_date: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    responsible: str = ""
    audience: tuple[AudiencePart, ...] = ()
    notes: str = ""
    phase_id: int | None = None
    keep_clash: bool = False
    source: str = ""
    competition_id: int | None = None
    audience_text: str = WHOLE_SCHOOL
    levels: frozenset[int] = frozenset()  # grade levels it concerns; empty means the whole school

    @property
    def all_day(self) -> bool:
        return self.start_time is None

    @property
    def is_derived(self) -> bool:
        return bool(self.source)

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def colour(self) -> str:
        return self.kind.colour

    @property
    def days(self) -> list[dt.date]:
        return [
            self.start_date + dt.timedelta(days=n) for n in range((self.end_date - self.start_date).days + 1)
        ]

    @property
    def time_text(self) -> str:
        if self.start_time is None:
            return "全天"
        end = f"–{self.end_time:%H:%M}" if self.end_time else ""
        return f"{self.start_time:%H:%M}{end}"

    @property
    def date_text(self) -> str:
        text = month_day(self.start_date)
        if self.end_date != self.start_date:
            text += f"–{month_day(self.end_date)}"
        return text

    def occupies(self, day: dt.date) -> bool:
        return self.start_date <= day <= self.end_date

    def minutes(self) -> tuple[int, int]:
        """When it takes place on each of its days, in minutes after midnight: the whole day, or
        from its start to its end time."""
        if self.start_time is None:
            return 0, 24 * 60
        end_time = self.end_time or self.start_time
        start = self.start_time.hour * 60 + self.start_time.minute
        return start, max(end_time.hour * 60 + end_time.minute, start + 1)

    def matches(self, kinds: set[EventKind] | None, place: str | None, levels: set[int] | None) -> bool:
        """The calendar's filters: kinds shown, a place, the grades of an audience."""
        if kinds is not None and self.kind not in kinds:
            return False
        if place is not None and self.place != place:
            return False
        return levels is None or not self.levels or bool(self.levels & levels)


class Audience:
    """The school's sections, grades and classes, to read and name an event's audience."""

    def __init__(self, session: Session, festival_id: int) -> None:
        self.classes: dict[int, tuple[int, str]] = {}
        self.grades: dict[int, str] = {}
        for class_id, level, grade, number in session.execute(
            select(SchoolClass.id, Grade.level, Grade.name, SchoolClass.number)
            .join(Grade, SchoolClass.grade_id == Grade.id)
            .where(SchoolClass.festival_id == festival_id)
        ):
            self.classes[class_id] = (level, class_display_name(grade, number))
        for level, name in session.execute(
            select(Grade.level, Grade.name).where(Grade.festival_id == festival_id)
        ):
            self.grades[level] = name

    def describe(self, parts: Sequence[AudiencePart]) -> tuple[str, frozenset[int]]:
        """(the audience in words, the grade levels it concerns); a class since deleted is left out."""
        names, levels = [], set()
        for part in parts:
            match part:
                case SectionAudience(section):
                    names.append(section)
                    levels |= {level for level in range(1, 13) if section_for_level(level) == section}
                case GradeAudience(level):
                    names.append(self.grades.get(level, f"{level}年级"))
                    levels.add(level)
                case ClassAudience(class_id) if class_id in self.classes:
                    level, name = self.classes[class_id]
                    names.append(name)
                    levels.add(level)
        return "、".join(names) or WHOLE_SCHOOL, frozenset(levels)


def _info(event: Event, audience: Audience) -> EventInfo:
    text, levels = audience.describe(event.audience)
    return EventInfo(
        id=event.id,
        title=event.title,
        kind=event.kind,
        start_date=event.start_date,
        end_date=event.end_date,
        start_time=event.start_time,
        end_time=event.end_time,
        place=event.place,
        responsible=event.responsible,
        audience=event.audience,
        notes=event.notes,
        phase_id=event.phase_id,
        keep_clash=event.keep_clash,
        audience_text=text,
        levels=levels,
    )


def _derived(session: Session, festival_id: int) -> list[EventInfo]:
    """The competitions' deadlines and judging days, read afresh so they follow every change."""
    found = []
    competitions = session.scalars(
        select(Competition).where(Competition.festival_id == festival_id).order_by(Competition.position)
    )
    for competition in competitions:
        windowed = competition.window_start is not None and competition.deadline is not None
        word = deadline_word(competition.participation, competition.judging, windowed=windowed)
        for offset, (first, day, what, kind, source) in enumerate(
            (
                (
                    competition.window_start if windowed else competition.deadline,
                    competition.deadline,
                    word,
                    EventKind.CONTEST,
                    "window" if windowed else "deadline",
                ),
                (competition.judging_date, competition.judging_date, "评审", EventKind.JUDGING, "judging"),
            )
        ):
            if first is not None and day is not None:
                found.append(
                    EventInfo(
                        DERIVED_IDS_FROM - 2 * competition.id - offset,
                        f"「{competition.name}」{what}",
                        kind,
                        first,
                        day,
                        responsible=competition.responsible,
                        source=source,
                        competition_id=competition.id,
                    )
                )
    return found


def sort_key(event: EventInfo) -> tuple[dt.date, bool, dt.time, str]:
    return (event.start_date, not event.all_day, event.start_time or dt.time(0), event.title)


def list_events(db: Database, festival_id: int, *, derived: bool = True) -> list[EventInfo]:
    """The festival's events with (unless derived=False) the competitions' deadlines and judging
    days, in date and time order."""
    with db.session() as session:
        return events_of(session, festival_id, derived=derived)


def events_of(session: Session, festival_id: int, *, derived: bool = True) -> list[EventInfo]:
    """list_events within a session."""
    audience = Audience(session, festival_id)
    events = [
        _info(event, audience)
        for event in session.scalars(select(Event).where(Event.festival_id == festival_id))
    ]
    if derived:
        events.extend(_derived(session, festival_id))
    return sorted(events, key=sort_key)


def _check(info: EventInfo) -> None:
    if not clean_text(info.title):
        raise ValidationError("活动内容不能为空。")
    for problem in limit_problems(
        ((EVENT_TITLE, info.title), (PLACE, info.place), (RESPONSIBLE, info.responsible), (NOTES, info.notes))
    ):
        raise ValidationError(problem)
    title = quoted(info.title.strip())
    if info.kind not in EventKind.__members__.values():
        raise ValidationError(f"活动类别「{quoted(str(info.kind))}」不存在。")
    if info.end_date < info.start_date:
        raise ValidationError(
            f"「{title}」的结束日期 {info.end_date:%Y-%m-%d} 早于开始日期 {info.start_date:%Y-%m-%d}。"
        )
    if (info.start_time is None) != (info.end_time is None):
        raise ValidationError(f"「{title}」请同时填写开始和结束时间，或设为全天。")
    if info.start_time is not None and info.end_time is not None and info.end_time <= info.start_time:
        raise ValidationError(
            f"「{title}」的结束时间 {info.end_time:%H:%M} 不晚于开始时间 {info.start_time:%H:%M}。"
        )
    if any(isinstance(part, GradeAudience) and not 1 <= part.level <= 12 for part in info.audience):
        raise ValidationError(f"「{info.title}」的参加对象里有不存在的年级。")


def _apply(event: Event, info: EventInfo) -> None:
    # Only trimmed: Chinese punctuation in titles (：（）) must stay full-width.
    event.title = info.title.strip()
    event.kind = info.kind
    event.start_date = info.start_date
    event.end_date = info.end_date
    event.start_time = info.start_time
    event.end_time = info.end_time
    event.place = info.place.strip()
    event.responsible = info.responsible.strip()
    event.audience = info.audience
    event.notes = info.notes.strip()
    event.phase_id = info.phase_id
    event.keep_clash = info.keep_clash


def _event_row(session: Session, event_id: int) -> Event:
    return fetch(session, Event, event_id, "这个活动已被删除。")


def _stored(session: Session, event: Event) -> EventInfo:
    session.flush()
    return _info(event, Audience(session, event.festival_id))


def add_event(db: Database, festival_id: int, info: EventInfo) -> Done[EventInfo]:
    """Store a new event."""
    with db.session() as session:
        return Done(_insert(session, festival_id, info), Changed.CALENDAR)


def _insert(session: Session, festival_id: int, info: EventInfo) -> EventInfo:
    _check(info)
    festival_row(session, festival_id)
    _check_phase(session, festival_id, info.phase_id)
    event = Event(festival_id=festival_id)
    _apply(event, info)
    session.add(event)
    return _stored(session, event)


def update_event(db: Database, info: EventInfo) -> Done[EventInfo]:
    """Save an edited event."""
    if info.is_derived:
        raise ValidationError("比赛的截止日期和评审日在“作品报名 → 比赛项目”中修改。")
    _check(info)
    with db.session() as session:
        event = _event_row(session, info.id)
        _check_phase(session, event.festival_id, info.phase_id)
        _apply(event, info)
        return Done(_stored(session, event), Changed.CALENDAR)


def _check_phase(session: Session, festival_id: int, phase_id: int | None) -> None:
    if phase_id is not None:
        phase = session.get(Phase, phase_id)
        if phase is None or phase.festival_id != festival_id:
            raise ValidationError("所选的阶段已不存在。")


def move_event(db: Database, event_id: int, start_date: dt.date) -> Done[EventInfo]:
    """Move an event to start on another day, keeping its length and times (drag in the month view)."""
    with db.session() as session:
        event = _event_row(session, event_id)
        length = event.end_date - event.start_date
        event.start_date, event.end_date = start_date, start_date + length
        return Done(_stored(session, event), Changed.CALENDAR)


def duplicate_event(db: Database, festival_id: int, event_id: int) -> Done[EventInfo]:
    """A copy of an event, titled （副本）, to adjust."""
    with db.session() as session:
        source = _info(_event_row(session, event_id), Audience(session, festival_id))
        return Done(
            _insert(session, festival_id, dataclasses.replace(source, id=0, title=f"{source.title}（副本）")),
            Changed.CALENDAR,
        )


def delete_event(db: Database, event_id: int) -> Done[EventInfo | None]:
    """Delete an event; returns it so that the delete can be undone (restore_event)."""
    with db.session() as session:
        event = session.get(Event, event_id)
        if event is None:
            return Done(None, Changed.NOTHING)
        gone = _info(event, Audience(session, event.festival_id))
        session.delete(event)
        return Done(gone, Changed.CALENDAR)


def restore_event(db: Database, festival_id: int, info: EventInfo) -> Done[EventInfo]:
    """Put a deleted event back (撤销删除)."""
    with db.session() as session:
        phases = set(session.scalars(select(Phase.id).where(Phase.festival_id == festival_id)))
        phase_id = info.phase_id if info.phase_id in phases else None
        return Done(
            _insert(session, festival_id, dataclasses.replace(info, id=0, phase_id=phase_id)),
            Changed.CALENDAR,
        )
