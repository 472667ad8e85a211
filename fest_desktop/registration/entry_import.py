"""Entries in Excel: class registration forms out and back in, any entries sheet in, the 分类造册 register out.

An import is read, then planned against the database (every problem with file, sheet, row and
column), then committed in one transaction, which plans again so that nothing stale is written."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from fest_desktop.files.workbooks import (
    FORMULA_WITHOUT_VALUE,
    ImportRefused,
    Problem,
    data_rows,
    find_header,
    hidden_sheet_note,
    read_workbook,
    unheaded_sheet_note,
)
from fest_desktop.registration.competitions import CompetitionInfo, competition_info
from fest_desktop.registration.entries import EntryDraft, LateEntryError, draft_text_problems, is_late
from fest_desktop.registration.entry_rules import EntryRules, StudentRef
from fest_desktop.registration.kinds import EntryStatus
from fest_desktop.registration.quotas import quota_state
from fest_desktop.school.classnames import ClassNameError, parse_class
from fest_desktop.storage.backups import backup_before
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Base, Competition, Entry, EntryAuthor, Student
from fest_desktop.storage.numbering import claim_entry_code
from fest_desktop.values import clean_name, clean_text, normalize

HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "competition": ("比赛项目", "比赛", "项目", "参赛项目", "比赛名称", "项目名称"),
    "subtype": ("作品类型", "类型", "作品类别", "类别"),
    "title": ("作品题目", "题目", "作品名称", "作品名", "作品标题"),
    "authors": ("作者", "作者姓名", "姓名", "学生姓名", "参赛学生", "参赛选手"),
    "class": ("班级", "作者班级", "所在班级", "班别"),
    "advisor": ("指导老师", "指导教师", "辅导老师", "辅导教师"),
    "parent": ("家长", "家长姓名", "合作家长"),
    "notes": ("备注", "说明"),
    "code": ("作品编号", "编号"),
    "status": ("状态", "报名状态"),
}


COLUMN_TITLES = {
    "competition": "比赛项目",
    "subtype": "作品类型",
    "title": "作品题目",
    "authors": "作者",
    "class": "班级",
    "advisor": "指导老师",
    "parent": "家长",
    "notes": "备注",
    "code": "作品编号",
    "status": "状态",
}


FORM_COLUMNS = ("competition", "subtype", "title", "authors", "advisor", "parent", "notes")


HEADER_SEARCH_ROWS = 40


NAME_SEPARATORS = re.compile(r"[、,，;；/]+")
# The sheet of the class forms that holds their drop-down lists (hidden).
OPTIONS_SHEET = "选项"


STATUS_BY_LABEL = {status.label: status for status in EntryStatus}


def _is_entry_header(keys: set[str]) -> bool:
    return "competition" in keys and ("authors" in keys or "title" in keys)


@dataclass(frozen=True)
class EntryRow:
    """One entry as read from a file, before it is matched against the festival."""

    file: str
    sheet: str
    row: int
    competition: str
    class_text: str
    authors: tuple[str, ...] = ()
    title: str = ""
    subtype: str = ""
    advisor: str = ""
    parent: str = ""
    notes: str = ""
    code: str = ""
    status: str = ""

    @property
    def where(self) -> str:
        return f"「{self.file}」工作表「{self.sheet}」第{self.row}行"


@dataclass
class EntryFiles:
    """Rows read from one or several workbooks, with the problems found in the files themselves."""

    sources: list[str] = field(default_factory=list)
    rows: list[EntryRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)


def _form_class(rows: Sequence[Sequence[object]]) -> str:
    """The class written above the header of a registration form: 班级 | 三年级(2)班, or 班级：三年级(2)班."""
    for cells in rows:
        texts = [clean_text(c) for c in cells]
        for position, text in enumerate(texts):
            label = normalize(text)
            inline = re.fullmatch(r"班级[:：](.+)", label)
            if inline:
                return inline.group(1)
            if label.rstrip(":：") == "班级":
                following = [t for t in texts[position + 1 :] if t]
                if following:
                    return following[0]
    return ""


def read_entry_files(paths: Iterable[Path]) -> EntryFiles:
    """Read entries from workbooks (class forms, registers, any sheet with 比赛项目 and 作者 or 作品题目)."""
    found = EntryFiles()
    for path in paths:
        found.sources.append(str(path))
        _read_workbook(path, found)
    return found


def _read_workbook(path: Path, found: EntryFiles) -> None:
    workbook = read_workbook(path)
    # The class forms keep their drop-down lists on a hidden sheet of their own: not worth a word.
    found.skipped_sheets.extend(
        hidden_sheet_note(title, path.name) for title in workbook.hidden if title != OPTIONS_SHEET
    )
    headed = 0
    unheaded: list[str] = []
    for sheet in workbook.sheets:
        rows = sheet.rows
        if not any(clean_text(value) for cells in rows for value in cells):
            continue
        header = find_header(rows, HEADER_SYNONYMS, _is_entry_header, HEADER_SEARCH_ROWS)
        if header is None:
            unheaded.append(sheet.title)
            continue
        headed += 1
        form_class = _form_class(rows[: header.row - 1])
        for number, cells in data_rows(rows, header):
            computed = [
                key
                for key in ("competition", "title", "authors", "class")
                if not clean_text(header.cell(cells, key))
                and key in header.columns
                and workbook.formula_without_value(sheet.title, number, header.columns[key])
            ]
            if computed:
                found.problems.append(
                    Problem(sheet.title, number, COLUMN_TITLES[computed[0]], FORMULA_WITHOUT_VALUE, path.name)
                )
                continue
            found.rows.append(_read_row(path.name, sheet.title, number, cells, header, form_class))
    if headed == 0:
        first = unheaded[0] if unheaded else (workbook.sheets[0].title if workbook.sheets else "")
        reason = (
            "找不到表头：前40行中没有同时含“比赛项目”和“作者”（或“作品题目”）的行"
            if unheaded
            else "工作簿是空的，没有作品"
        )
        found.problems.append(Problem(first, 0, "", reason, path.name))
    else:
        found.skipped_sheets.extend(unheaded_sheet_note(title, "作品", path.name) for title in unheaded)


def split_names(text: str) -> tuple[str, ...]:
    """The authors written in one cell: separated by 、 , ， ; ； or /, or by spaces between Chinese
    names (张子涵 李梓轩); a name written in letters keeps its space (Anna Lee)."""
    names: list[str] = []
    for part in NAME_SEPARATORS.split(clean_text(text)):
        if re.search(r"[\u2e80-\u9fff]", part):
            names.extend(clean_name(piece) for piece in part.split())
        elif part.strip():
            names.append(clean_name(part))
    return tuple(name for name in names if name)


def _read_row(
    file: str, sheet: str, number: int, cells: Sequence[object], header: Any, form_class: str
) -> EntryRow:
    def text(key: str) -> str:
        return clean_text(header.cell(cells, key))

    authors = split_names(text("authors"))
    return EntryRow(
        file=file,
        sheet=sheet,
        row=number,
        competition=text("competition"),
        class_text=text("class") or form_class,
        authors=authors,
        title=text("title"),
        subtype=text("subtype"),
        advisor=text("advisor"),
        parent=text("parent"),
        notes=text("notes"),
        code=text("code"),
        status=text("status"),
    )


@dataclass(frozen=True)
class PlannedEntry:
    """A row that passed every check, and what it will write."""

    row: EntryRow
    competition: CompetitionInfo
    class_name: str
    draft: EntryDraft
    entry_id: int = 0
    code: str = ""


@dataclass
class EntryImport:
    """What committing will do (new, changed, unchanged entries), every problem, and the warnings."""

    sources: list[str]
    problems: list[Problem] = field(default_factory=list)
    new: list[PlannedEntry] = field(default_factory=list)
    changed: list[PlannedEntry] = field(default_factory=list)
    unchanged: list[PlannedEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)
    late: list[PlannedEntry] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return (
            f"新作品 {len(self.new)} 件，更新 {len(self.changed)} 件，已登记且不变 {len(self.unchanged)} 件，"
            f"逾期 {len(self.late)} 件，问题 {len(self.problems)} 处"
            + "".join(f"；{note}" for note in self.skipped_sheets)
        )


class _Festival:
    """The festival's competitions, classes, students and entries, loaded once for a whole import."""

    def __init__(self, session: Session, festival_id: int) -> None:
        self.competitions = {
            c.id: competition_info(c)
            for c in session.scalars(select(Competition).where(Competition.festival_id == festival_id))
        }
        self.rules = EntryRules(session, festival_id)
        self.class_by_place = {(c.level, c.number): c for c in self.rules.classes.values()}
        self.students_by_name: dict[str, list[StudentRef]] = {}
        for student in session.execute(
            select(Student.id, Student.class_id, Student.name, Student.age).where(
                Student.festival_id == festival_id
            )
        ):
            self.students_by_name.setdefault(student.name, []).append(StudentRef(*student))
        self.entries = {
            e.id: e for e in session.scalars(select(Entry).where(Entry.festival_id == festival_id))
        }
        self.entry_by_code = {e.code: e for e in self.entries.values()}
        self.authors: dict[int, tuple[int, ...]] = {}
        for entry_id, student_id in session.execute(
            select(EntryAuthor.entry_id, EntryAuthor.student_id)
            .join(Entry, EntryAuthor.entry_id == Entry.id)
            .where(Entry.festival_id == festival_id)
            .order_by(EntryAuthor.entry_id, EntryAuthor.position)
        ):
            self.authors[entry_id] = (*self.authors.get(entry_id, ()), student_id)
        self._competition_cache: dict[str, CompetitionInfo | str] = {}
        self.entry_by_authors: dict[tuple[int, int | None, frozenset[int]], Entry] = {}
        for entry in self.entries.values():
            key = (entry.competition_id, entry.class_id, frozenset(self.authors.get(entry.id, ())))
            self.entry_by_authors.setdefault(key, entry)

    def find_competition(self, text: str) -> CompetitionInfo | str:
        """The competition a cell names (its full name, or a part only one name contains), or why not."""
        if text not in self._competition_cache:
            self._competition_cache[text] = self._match_competition(text)
        return self._competition_cache[text]

    def _match_competition(self, text: str) -> CompetitionInfo | str:
        wanted = normalize(text)
        named = [(normalize(c.name), c) for c in self.competitions.values()]
        by_name = [c for name, c in named if name == wanted]
        if not by_name:
            by_name = [c for name, c in named if wanted and (wanted in name or name in wanted)]
        if len(by_name) == 1:
            return by_name[0]
        names = "、".join(c.name for c in sorted(self.competitions.values(), key=lambda c: c.id))
        if by_name:
            return f"「{text}」可以指好几个比赛项目：{'、'.join(c.name for c in by_name)}，请写全名"
        return f"本届科技节没有比赛项目「{text}」（现有：{names or '无'}）"

    def stored_draft(self, entry: Entry) -> EntryDraft:
        return EntryDraft(
            competition_id=entry.competition_id,
            class_id=entry.class_id,
            subtype=entry.subtype,
            title=entry.title,
            author_ids=self.authors.get(entry.id, ()),
            advisor=entry.advisor,
            parent_name=entry.parent_name,
            notes=entry.notes,
            status=entry.status,
        )


def _plan(session: Session, festival_id: int, files: EntryFiles, today: dt.date) -> EntryImport:
    plan = EntryImport(
        sources=list(files.sources), problems=list(files.problems), skipped_sheets=list(files.skipped_sheets)
    )
    festival = _Festival(session, festival_id)
    first_row: dict[tuple[int, int, frozenset[int] | str], EntryRow] = {}
    for row in files.rows:
        _plan_row(festival, row, plan, first_row, today)
    _quota_warnings(festival, plan)
    return plan


def _plan_row(
    festival: _Festival,
    row: EntryRow,
    plan: EntryImport,
    first_row: dict[tuple[int, int, frozenset[int] | str], EntryRow],
    today: dt.date,
) -> None:
    def problem(key: str, reason: str) -> None:
        plan.problems.append(Problem(row.sheet, row.row, COLUMN_TITLES.get(key, ""), reason, row.file))

    before = len(plan.problems)
    competition: CompetitionInfo | None = None
    if not row.competition:
        problem("competition", "比赛项目为空（如果用了合并单元格，请取消合并并在每一行填上比赛项目）")
    else:
        match = festival.find_competition(row.competition)
        if isinstance(match, str):
            problem("competition", match)
        else:
            competition = match

    school_class = None
    if not row.class_text:
        problem("class", "班级为空（如果用了合并单元格，请取消合并并在每一行填上班级）")
    else:
        try:
            ref = parse_class(row.class_text)
        except ClassNameError as exc:
            problem("class", str(exc))
        else:
            if ref.level is None:
                problem("class", f"班级「{row.class_text}」没有写年级，请写成“三年级(2)班”的形式")
            else:
                school_class = festival.class_by_place.get((ref.level, ref.number))
                if school_class is None:
                    problem("class", f"班级「{row.class_text}」不在本届科技节的班级中")

    status = EntryStatus.REGISTERED
    if row.status:
        label = row.status.removesuffix("（逾期）").removesuffix("(逾期)")
        if label not in STATUS_BY_LABEL:
            problem("status", f"状态「{row.status}」应为{'、'.join(s.label for s in EntryStatus)}之一")
        else:
            status = STATUS_BY_LABEL[label]
    if competition is None or school_class is None or len(plan.problems) > before:
        return

    if competition.subtypes and row.subtype and row.subtype not in competition.subtypes:
        problem(
            "subtype",
            f"作品类型「{row.subtype}」不是「{competition.name}」的类型（可选：{'、'.join(competition.subtypes)}）",
        )

    authors: list[StudentRef] = []
    for name in row.authors:
        candidates = festival.students_by_name.get(name, [])
        in_class = [s for s in candidates if s.class_id == school_class.id]
        if len(in_class) > 1:
            problem(
                "authors",
                f"{school_class.name}有 {len(in_class)} 名学生叫「{name}」，请在系统中直接登记这件作品",
            )
        elif in_class:
            authors.append(in_class[0])
        elif candidates:
            authors.append(candidates[0])  # the rules name the student's own class
        else:
            problem("authors", f"花名册中没有学生「{name}」")
    if len(plan.problems) > before:
        return

    author_ids = tuple(a.id for a in authors)
    stored = _stored_entry(festival, row, competition, school_class.id, author_ids, problem)
    if len(plan.problems) > before:
        return
    key: tuple[int, int, frozenset[int] | str] = (
        competition.id,
        school_class.id,
        row.code or (frozenset(author_ids) if not competition.is_class_competition else ""),
    )
    twin = first_row.get(key)
    if twin is not None:
        problem("", f"与{twin.where}是同一件作品，重复了")
        return
    first_row[key] = row

    draft = EntryDraft(
        competition_id=competition.id,
        class_id=school_class.id,
        subtype=row.subtype or (stored.subtype if stored else ""),
        title=row.title or (stored.title if stored else ""),
        author_ids=author_ids,
        advisor=row.advisor or (stored.advisor if stored else ""),
        parent_name=row.parent or (stored.parent_name if stored else ""),
        notes=row.notes or (stored.notes if stored else ""),
        status=status if row.status or stored is None else stored.status,
    )
    found = festival.rules.problems(
        competition,
        school_class.id,
        authors,
        entry_id=stored.id if stored else -row.row,
        counted=draft.status != EntryStatus.DISQUALIFIED,
        counted_before=stored is not None and stored.status != EntryStatus.DISQUALIFIED,
        class_before=stored.class_id if stored else 0,
    )
    found += draft_text_problems(draft)
    for reason in found:
        problem("", reason)
    if found:
        return

    planned = PlannedEntry(
        row, competition, school_class.name, draft, stored.id if stored else 0, stored.code if stored else ""
    )
    if stored is None:
        festival.rules.record(competition.id, school_class.id, author_ids, -row.row, f"{row.where}")
        plan.new.append(planned)
        if is_late(competition, today):
            plan.late.append(planned)
    elif festival.stored_draft(stored) == draft:
        plan.unchanged.append(planned)
    else:
        if stored.status == EntryStatus.DISQUALIFIED and draft.status != EntryStatus.DISQUALIFIED:
            festival.rules.record(competition.id, school_class.id, (), stored.id, stored.code)
        plan.changed.append(planned)


def _stored_entry(
    festival: _Festival,
    row: EntryRow,
    competition: CompetitionInfo,
    class_id: int,
    author_ids: tuple[int, ...],
    problem: Any,
) -> Entry | None:
    """The entry this row is about: by its number, the class's entry of a class competition, or its authors."""
    if row.code:
        entry = festival.entry_by_code.get(row.code)
        if entry is None:
            problem("code", f"作品编号 {row.code} 不存在；新作品请把编号留空")
        elif entry.competition_id != competition.id:
            problem("code", f"作品编号 {row.code} 属于「{festival.competitions[entry.competition_id].name}」")
        return entry
    if competition.is_class_competition:
        key = (competition.id, class_id, frozenset[int]())
        return festival.entry_by_authors.get(key)
    return festival.entry_by_authors.get((competition.id, class_id, frozenset(author_ids)))


def _quota_warnings(festival: _Festival, plan: EntryImport) -> None:
    """Classes of this import still below a competition's minimum once it is in."""
    touched = sorted(
        {
            (p.competition.id, p.draft.class_id)
            for p in [*plan.new, *plan.changed, *plan.unchanged]
            if p.draft.class_id is not None
        },
        key=lambda key: (festival.rules.classes[key[1]].level, festival.rules.classes[key[1]].number, key[0]),
    )
    for competition_id, class_id in touched:
        competition = festival.competitions[competition_id]
        school_class = festival.rules.classes[class_id]
        count = festival.rules.counts[(competition_id, class_id)]
        if quota_state(competition, school_class.level, count).short_of:
            plan.warnings.append(
                f"{school_class.name}「{competition.name}」导入后共 {count} 件，少于名额（{competition.quota_text}）"
            )


def preview_entry_import(
    db: Database, festival_id: int, files: EntryFiles, today: dt.date | None = None
) -> EntryImport:
    """What importing these rows would do, and every problem; writes nothing."""
    with db.session() as session:
        return _plan(session, festival_id, files, today or dt.date.today())


def commit_entry_import(
    db: Database,
    festival_id: int,
    files: EntryFiles,
    *,
    today: dt.date | None = None,
    allow_late: bool = False,
) -> EntryImport:
    """Plan again against the stored festival and write everything in one transaction, or nothing."""
    with db.session() as session:
        plan = _plan(session, festival_id, files, today or dt.date.today())
        if not plan.ok:
            raise ImportRefused(f"报名表有 {len(plan.problems)} 处问题，未导入任何作品。请改正后重新导入。")
        _check_late(plan, allow_late)
        backup_before(db, "导入报名表")
        _write(session, festival_id, plan)
        return plan


def _check_late(plan: EntryImport, allow_late: bool) -> None:
    if plan.late and not allow_late:
        names = "、".join(sorted({p.competition.name for p in plan.late}))
        raise LateEntryError(
            f"有 {len(plan.late)} 件作品报的项目已过截止日期（{names}）。确认后仍可导入，这些作品会标记为“逾期”。"
        )


def _write(session: Session, festival_id: int, plan: EntryImport) -> None:
    late_rows = {id(p) for p in plan.late}
    competitions = {
        c.id: c for c in session.scalars(select(Competition).where(Competition.festival_id == festival_id))
    }
    taken = set(session.scalars(select(Entry.code).where(Entry.festival_id == festival_id)))
    values = []
    for planned in plan.new:
        competition = competitions[planned.competition.id]
        code = claim_entry_code(competition, taken)
        draft = planned.draft
        values.append(
            {
                "festival_id": festival_id,
                "competition_id": competition.id,
                "class_id": draft.class_id,
                "code": code,
                "subtype": draft.subtype,
                "title": draft.title,
                "advisor": draft.advisor,
                "parent_name": draft.parent_name,
                "notes": draft.notes,
                "status": draft.status,
                "late": id(planned) in late_rows,
            }
        )
    if values:
        # Core inserts on the tables: the ORM's bulk path costs more than the rows themselves here.
        entry_table = Base.metadata.tables[Entry.__tablename__]
        author_table = Base.metadata.tables[EntryAuthor.__tablename__]
        new_ids = session.scalars(
            insert(entry_table).returning(entry_table.c.id, sort_by_parameter_order=True), values
        ).all()
        authors = [
            {"entry_id": entry_id, "student_id": student_id, "position": position}
            for entry_id, planned in zip(new_ids, plan.new, strict=True)
            for position, student_id in enumerate(planned.draft.author_ids)
        ]
        if authors:
            session.execute(insert(author_table), authors)
    if plan.changed:
        # In bulk by primary key: a whole class's forms re-imported touch every board entry.
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


def import_entry_files(
    db: Database,
    festival_id: int,
    paths: Iterable[Path],
    *,
    dry_run: bool = False,
    allow_late: bool = False,
    today: dt.date | None = None,
) -> EntryImport:
    """Read, plan and (unless dry_run or there are problems) commit entries from workbooks after a
    backup, in one transaction; returns the plan, whose problems say why nothing was written."""
    files = read_entry_files(paths)
    with db.session() as session:
        plan = _plan(session, festival_id, files, today or dt.date.today())
        if not dry_run and plan.ok:
            _check_late(plan, allow_late)
            backup_before(db, "导入报名表")
            _write(session, festival_id, plan)
        return plan
