"""The entries import, one operation for the window and the command line: the rows read once from the
workbooks (entry_files.read_entry_files), planned (entry_matching, the plan of entry_plan) for the
preview or --dry-run, then committed whole or not at all after a backup, planned again inside the
transaction that writes."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.registration.entries import LateEntryError
from fest_desktop.registration.entry_files import EntryFiles
from fest_desktop.registration.entry_matching import plan_rows
from fest_desktop.registration.entry_plan import EntryImport
from fest_desktop.storage.database import Database
from fest_desktop.storage.importing import ImportWords, commit_plan
from fest_desktop.storage.model import Base, Competition, Entry, EntryAuthor
from fest_desktop.storage.numbering import claim_entry_codes

WORDS = ImportWords(
    action="导入报名表",
    problems="报名表有 {0} 处问题，未导入任何作品。请改正后重新导入。",
    changed="预览之后，本届的作品登记有了变化（可能另一个窗口或电脑刚刚修改过），没有导入任何作品。",
)


def plan_entry_import(
    db: Database, festival_id: int, files: EntryFiles, today: dt.date | None = None
) -> EntryImport:
    """What importing the rows read would do, row by row, and every problem; writes nothing."""
    with db.session() as session:
        return plan_rows(session, festival_id, files, today or dt.date.today())


def commit_entry_import(
    db: Database,
    festival_id: int,
    files: EntryFiles,
    *,
    previewed: EntryImport | None = None,
    allow_late: bool = False,
    today: dt.date | None = None,
) -> Done[EntryImport]:
    """Plan the rows again in one transaction and write them after a backup, or nothing: refused while
    any row has a problem, when the plan is no longer the one previewed (previewed, the plan the teacher
    confirmed), and, for works after their competition's deadline, unless allow_late (they are marked
    逾期)."""
    day = today or dt.date.today()
    plan = commit_plan(
        db,
        lambda session: plan_rows(session, festival_id, files, day),
        lambda session, planned: _write(session, festival_id, planned),
        WORDS,
        previewed=previewed,
        check=lambda planned: _check_late(planned, allow_late),
    )
    return Done(plan, Changed.ENTRIES)


def _check_late(plan: EntryImport, allow_late: bool) -> None:
    if plan.late and not allow_late:
        raise LateEntryError(late_question(plan))


def late_question(plan: EntryImport) -> str:
    """What to ask before works after their competition's deadline are imported."""
    names = "、".join(sorted({p.competition.name for p in plan.late}))
    return (
        f"有 {len(plan.late)} 件作品报的项目已过截止日期（{names}）。确认后仍可导入，这些作品会标记为“逾期”。"
    )


def _write(session: Session, festival_id: int, plan: EntryImport) -> None:
    late_rows = {id(p) for p in plan.late}
    competitions = {
        c.id: c for c in session.scalars(select(Competition).where(Competition.festival_id == festival_id))
    }
    taken = set(session.scalars(select(Entry.code).where(Entry.festival_id == festival_id)))
    values = []
    wanted = Counter(planned.competition.id for planned in plan.new)
    numbers = {
        competition_id: iter(claim_entry_codes(competitions[competition_id], taken, count))
        for competition_id, count in wanted.items()
    }
    codes = []
    for planned in plan.new:
        competition = competitions[planned.competition.id]
        draft = planned.draft
        codes.append(next(numbers[competition.id]))
        values.append(
            {
                "festival_id": festival_id,
                "competition_id": competition.id,
                "class_id": draft.class_id,
                "code": codes[-1],
                "subtype": draft.subtype,
                "title": draft.title,
                "advisor": draft.advisor,
                "parent_name": draft.parent_name,
                "notes": draft.notes,
                "status": draft.status,
                "late": id(planned) in late_rows,
                "recommended": False,
                "description": "",
                "higher_result": "",
            }
        )
    if values:
        # One executemany on the table, the new ids then read by their numbers: RETURNING in the
        # order given would insert row by row, and the ORM's bulk path costs more than the rows.
        entry_table = Base.metadata.tables[Entry.__tablename__]
        author_table = Base.metadata.tables[EntryAuthor.__tablename__]
        _insert_many(session, entry_table, values)
        ids_by_code = {
            code: entry_id
            for code, entry_id in session.connection().execute(
                select(Entry.code, Entry.id).where(Entry.festival_id == festival_id)
            )
        }
        authors = [
            {"entry_id": ids_by_code[code], "student_id": student_id, "position": position}
            for code, planned in zip(codes, plan.new, strict=True)
            for position, student_id in enumerate(planned.draft.author_ids)
        ]
        if authors:
            _insert_many(session, author_table, authors)
    if plan.changed:
        session.execute(
            update(Entry),
            [
                {
                    "id": p.entry_id,
                    "class_id": p.draft.class_id,
                    "subtype": p.draft.subtype,
                    "title": p.draft.title,
                    "advisor": p.draft.advisor,
                    "parent_name": p.draft.parent_name,
                    "notes": p.draft.notes,
                    "status": p.draft.status,
                }
                for p in plan.changed
            ],
        )
        changed_ids = [p.entry_id for p in plan.changed]
        session.execute(delete(EntryAuthor).where(EntryAuthor.entry_id.in_(changed_ids)))
        authors = [
            {"entry_id": p.entry_id, "student_id": student_id, "position": position}
            for p in plan.changed
            for position, student_id in enumerate(p.draft.author_ids)
        ]
        if authors:
            session.execute(insert(EntryAuthor), authors)


def _insert_many(session: Session, table: Table, rows: Sequence[Mapping[str, object]]) -> None:
    """Rows of plain values (text, numbers, booleans), every column but the key given, inserted by one
    executemany of the database driver: SQLAlchemy's own executemany prepares each row's parameters
    in Python, which for a large import costs more than the rows themselves."""
    connection = session.connection()
    statement = insert(table).compile(dialect=connection.dialect, column_keys=list(rows[0]))
    if statement.positional:
        order = statement.positiontup or []
        connection.exec_driver_sql(statement.string, [tuple(row[key] for key in order) for row in rows])
    else:
        connection.exec_driver_sql(statement.string, list(rows))
