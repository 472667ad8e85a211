"""A new festival: blank (with the plans' four phases over its dates), or as a copy of an earlier year's set-up (structure, competitions, award
rules, certificate templates, 科普实践 items and the contests above the school), made current in the same transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from fest_desktop.awards.higher import copy_higher_levels
from fest_desktop.awards.rules import copy_award_setup
from fest_desktop.certificates.templates import add_default_templates, copy_templates
from fest_desktop.changes import EVERYTHING, Changed, Done
from fest_desktop.new_festival.phases import plan_phases, stretched_phases
from fest_desktop.practice.items import copy_items
from fest_desktop.registration.competitions import copy_competitions
from fest_desktop.school.festivals import (
    CURRENT_FESTIVAL_KEY,
    FestivalInfo,
    check_festival_fields,
    current_festival_id,
    edition_from_name,
    festival_info,
    festival_row,
)
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Festival, Grade, Phase, SchoolClass, Section, Setting, Teacher


def create_festival(
    db: Database,
    name: str,
    school_name: str,
    start_date: dt.date,
    end_date: dt.date,
    *,
    theme: str = "",
    edition: int | None = None,
    copy_setup_from: int | None = None,
    make_current: bool = True,
) -> Done[FestivalInfo]:
    """Create a festival, optionally copying an earlier one's set-up (not its roster), and make it current."""
    check_festival_fields(name, school_name, start_date, end_date, theme)
    with db.session() as session:
        festival = Festival(
            name=name.strip(),
            school_name=school_name.strip(),
            theme=theme.strip(),
            edition=edition if edition is not None else edition_from_name(name),
            start_date=start_date,
            end_date=end_date,
        )
        session.add(festival)
        session.flush()
        if copy_setup_from is not None:
            _copy_setup(session, festival_row(session, copy_setup_from), festival)
        else:
            for phase_name, first, last in plan_phases(start_date, end_date):
                session.add(Phase(festival_id=festival.id, name=phase_name, start_date=first, end_date=last))
            add_default_templates(session, festival.id)
        if make_current:
            session.merge(Setting(key=CURRENT_FESTIVAL_KEY, value=str(festival.id)))
        return Done(
            festival_info(festival, festival.id if make_current else current_festival_id(session)),
            EVERYTHING if make_current else Changed.FESTIVAL,
        )


def _copy_setup(session: Session, source: Festival, target: Festival) -> None:
    """Copy phases (stretched to the new dates) and competitions (dates shifted), sections, grades, classes, teachers, and the
    award rules and certificate templates.

    Students, entries, scores, awards and certificates belong to one year and are not copied.
    """
    shift = target.start_date - source.start_date
    kept = [(phase.name, phase.start_date, phase.end_date) for phase in source.phases]
    for phase_name, first, last in stretched_phases(
        kept, source.start_date, source.end_date, target.start_date, target.end_date
    ):
        session.add(Phase(festival_id=target.id, name=phase_name, start_date=first, end_date=last))
    new_teacher_ids: dict[int, int] = {}
    for teacher in source.teachers:
        copy = Teacher(festival_id=target.id, name=teacher.name, subject=teacher.subject)
        session.add(copy)
        session.flush()
        new_teacher_ids[teacher.id] = copy.id
    for section in source.sections:
        new_section = Section(festival_id=target.id, name=section.name, position=section.position)
        session.add(new_section)
        session.flush()
        for grade in section.grades:
            new_grade = Grade(
                festival_id=target.id, section_id=new_section.id, level=grade.level, name=grade.name
            )
            session.add(new_grade)
            session.flush()
            for school_class in grade.classes:
                head = school_class.head_teacher_id
                session.add(
                    SchoolClass(
                        festival_id=target.id,
                        grade_id=new_grade.id,
                        number=school_class.number,
                        head_teacher_id=new_teacher_ids.get(head) if head is not None else None,
                    )
                )
    session.flush()
    copy_competitions(session, source.id, target, shift)
    session.flush()
    copy_award_setup(session, source, target)
    copy_templates(session, source.id, target.id)
    copy_items(session, source.id, target.id)
    copy_higher_levels(session, source.id, target.id)
