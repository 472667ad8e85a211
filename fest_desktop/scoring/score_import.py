"""Judges' paper sheets, the fallback when scores are not typed in on the spot: a printable PDF per
judge, and an .xlsx score sheet that, filled in, imports back all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.errors import FestError
from fest_desktop.files.workbooks import (
    FORMULA_WITHOUT_VALUE,
    Header,
    ImportRefused,
    Problem,
    WorkbookData,
    WorkbookFileError,
    data_rows,
    find_header,
    hidden_sheet_note,
    read_workbook,
    unheaded_sheet_note,
)
from fest_desktop.registration.competitions import CompetitionInfo, CriterionInfo, competition_row
from fest_desktop.registration.kinds import Judging
from fest_desktop.school.classnames import ClassNameError, parse_class
from fest_desktop.scoring.entering import (
    ScoreCell,
    finalised_refusal,
    parse_points,
    scoring_refusals,
    write_scores,
)
from fest_desktop.scoring.judge_keys import issue_keys
from fest_desktop.scoring.judges import JudgeInfo
from fest_desktop.scoring.opening import judging_refusal, open_early_in
from fest_desktop.scoring.paper_sheets import FIXED_COLUMNS
from fest_desktop.scoring.sheet import ScoringEntry, ScoringSheet, judged_of, sheet_of
from fest_desktop.storage.backups import backup_before
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Competition, Entry, Judge
from fest_desktop.values import clean_text


@dataclass(frozen=True)
class PlannedScore:
    sheet: str
    row: int
    competition_id: int
    entry_id: int
    judge_name: str
    criterion_id: int
    value: float | None
    old_value: float | None


@dataclass
class ScoreImport:
    """What importing the score sheets would do: scores new and changed, judges to add, and problems."""

    scores: list[PlannedScore] = field(default_factory=list)
    unchanged: int = 0
    new_judges: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def new(self) -> int:
        return sum(1 for s in self.scores if s.old_value is None)

    @property
    def changed(self) -> int:
        return sum(1 for s in self.scores if s.old_value is not None)

    def summary(self) -> str:
        text = f"新录入 {self.new} 个分数，修改 {self.changed} 个，{self.unchanged} 个与已录入的相同"
        if self.new_judges:
            text += f"；新增评委 {'、'.join(name for _, name in self.new_judges)}"
        return text + "".join(f"；{note}" for note in self.skipped_sheets) + "。"


class _Context:
    """The festival's judged competitions with their sheets, looked up by name as rows arrive."""

    def __init__(self, session: Session, festival_id: int, open_early: bool = False) -> None:
        self.session = session
        self.competitions = {c.name: c for c in judged_of(session, festival_id)}
        rows = {c.id: competition_row(session, c.id) for c in self.competitions.values()}
        self.finalised = {cid for cid, row in rows.items() if finalised_refusal(session, row)}
        # Competitions whose judging has not opened: refused, unless this import opens them early.
        self.not_open = {
            cid: refusal
            for cid, row in rows.items()
            if not open_early and (refusal := judging_refusal(row, doing="导入成绩"))
        }
        self.sheets: dict[int, ScoringSheet] = {}
        self.codes: dict[int, dict[str, ScoringEntry]] = {}

    def sheet(self, competition: CompetitionInfo) -> ScoringSheet:
        if competition.id not in self.sheets:
            sheet = sheet_of(self.session, competition.id)
            self.sheets[competition.id] = sheet
            self.codes[competition.id] = {entry.code: entry for entry in sheet.entries}
        return self.sheets[competition.id]


def _score_header(rows: Sequence[Sequence[object]]) -> Header | None:
    return find_header(
        rows, FIXED_COLUMNS, lambda keys: {"competition", "judge"} <= keys and bool(keys & {"code", "class"})
    )


def _plan(
    session: Session,
    festival_id: int,
    path: Path,
    workbook: WorkbookData,
    add_judges: bool,
    open_early: bool = False,
) -> ScoreImport:
    plan = ScoreImport()
    plan.skipped_sheets.extend(hidden_sheet_note(title) for title in workbook.hidden)
    context = _Context(session, festival_id, open_early)
    seen: dict[tuple[int, int, str, int], tuple[str, int]] = {}
    for sheet in workbook.sheets:
        rows = sheet.rows
        header = _score_header(rows)
        if header is None:
            plan.skipped_sheets.append(unheaded_sheet_note(sheet.title, "评分表"))
            continue
        columns = {
            clean_text(value): position
            for position, value in enumerate(rows[header.row - 1])
            if clean_text(value)
        }
        for number, cells in data_rows(rows, header):

            def computed(position: int, title: str = sheet.title, row: int = number) -> bool:
                return workbook.formula_without_value(title, row, position)

            _plan_row(
                context,
                plan,
                sheet.title,
                number,
                cells,
                columns,
                header,
                seen,
                add_judges,
                computed,
            )
    if not plan.scores and not plan.unchanged and not plan.problems:
        raise WorkbookFileError(
            f"「{path.name}」里没有找到评分表：需要“比赛项目”“评委”和“作品编号”（或“班级”）列，再加每个评分项一列。"
        )
    return plan


def preview_score_import(db: Database, festival_id: int, path: Path, add_judges: bool = False) -> ScoreImport:
    """Read filled-in score sheets and check every row, writing nothing."""
    workbook = read_workbook(path)
    with db.session() as session:
        return _plan(session, festival_id, path, workbook, add_judges)


def _plan_row(
    context: _Context,
    plan: ScoreImport,
    sheet_name: str,
    number: int,
    cells: Sequence[object],
    columns: dict[str, int],
    header: Header,
    seen: dict[tuple[int, int, str, int], tuple[str, int]],
    add_judges: bool,
    computed: Callable[[int], bool],
) -> None:
    def problem(column: str, reason: str) -> None:
        plan.problems.append(Problem(sheet_name, number, column, reason))

    competition_name = clean_text(header.cell(cells, "competition"))
    competition = context.competitions.get(competition_name)
    if competition is None:
        matches = [
            c for name, c in context.competitions.items() if competition_name and competition_name in name
        ]
        competition = matches[0] if len(matches) == 1 else None
    if competition is None:
        problem("比赛项目", f"没有评分项目「{competition_name}」。")
        return
    if competition.judging != Judging.RUBRIC:
        problem("比赛项目", f"「{competition.name}」按测量成绩排名，不用评委评分表。")
        return
    sheet = context.sheet(competition)
    entry = _find_entry(
        sheet,
        context.codes[competition.id],
        clean_text(header.cell(cells, "code")),
        clean_text(header.cell(cells, "class")),
    )
    if isinstance(entry, str):
        problem("作品编号", entry)
        return
    judge_name = clean_text(header.cell(cells, "judge"))
    judge = next((j for j in sheet.judges if j.name == judge_name), None)
    if not judge_name:
        problem("评委", "没有填评委。")
        return
    if judge is None:
        if not add_judges:
            problem(
                "评委",
                f"「{judge_name}」不在「{competition.name}」的评委组中（要一并添加评委，请选“添加新评委”）。",
            )
            return
        if (competition.id, judge_name) not in plan.new_judges:
            plan.new_judges.append((competition.id, judge_name))
        judge = JudgeInfo(0, competition.id, judge_name)
    if sheet.blocked(entry, judge):
        problem("评委", f"评委「{judge_name}」回避本班（{entry.class_name}），不给本班作品打分。")
        return
    if competition.locked:
        problem("比赛项目", f"「{competition.name}」的成绩已锁定，请先解锁再导入。")
        return
    if competition.id in context.finalised:
        problem("比赛项目", f"「{competition.name}」的获奖名单已定稿，成绩不能再改；请先撤销定稿再导入。")
        return
    if competition.id in context.not_open:
        problem("比赛项目", context.not_open[competition.id])
        return
    typed: list[tuple[CriterionInfo, object, int]] = []
    for criterion in competition.criteria:
        position = columns.get(criterion.name)
        if position is None:
            if not criterion.is_deduction:  # a sheet may leave the deduction columns out
                problem(criterion.name, f"缺少评分项「{criterion.name}」这一列。")
                return
            continue
        typed.append((criterion, cells[position] if position < len(cells) else None, position))
    blanks = [(criterion, position) for criterion, value, position in typed if not clean_text(value)]
    for criterion, position in blanks:
        # A formula another program wrote reads as blank: never taken for a row not yet scored.
        if computed(position):
            problem(criterion.name, FORMULA_WITHOUT_VALUE)
            return
    if not any(clean_text(value) for criterion, value, _position in typed if not criterion.is_deduction):
        return  # a row the judge has not scored yet
    values: list[tuple[int, float | None]] = []
    for criterion, cell, _position in typed:
        try:
            value = parse_points(cell, criterion)
        except FestError as exc:
            problem(criterion.name, exc.message)
            return
        if value is None and not criterion.is_deduction:
            problem(criterion.name, f"「{criterion.name}」没有填分数。")
            return
        values.append((criterion.id, value))
    key = (competition.id, entry.id, judge_name, 0)
    if key in seen:
        earlier_sheet, earlier_row = seen[key]
        problem(
            "评委",
            f"评委「{judge_name}」给 {entry.label} 的分数已在工作表「{earlier_sheet}」第{earlier_row}行出现过。",
        )
        return
    seen[key] = (sheet_name, number)
    for criterion_id, value in values:
        old = sheet.cell(entry.id, judge.id, criterion_id).value if judge.id else None
        if old == value:
            plan.unchanged += value is not None
        else:
            plan.scores.append(
                PlannedScore(
                    sheet_name, number, competition.id, entry.id, judge_name, criterion_id, value, old
                )
            )


def _find_entry(
    sheet: ScoringSheet, codes: dict[str, ScoringEntry], code: str, class_name: str
) -> ScoringEntry | str:
    if code:
        entry = codes.get(code.upper())
        return entry or f"「{sheet.competition.name}」没有编号为「{code}」的作品（或已取消资格）。"
    if not class_name:
        return "没有填作品编号或班级。"
    try:
        ref = parse_class(class_name)
    except ClassNameError as exc:
        return str(exc)
    if ref.level is None:
        return f"班级「{class_name}」没有写年级，请写成“三年级(2)班”或填作品编号。"
    candidates = [e for e in sheet.entries if (e.level, e.class_number) == (ref.level, ref.number)]
    if len(candidates) != 1:
        if not candidates:
            return f"「{sheet.competition.name}」没有{class_name}的作品。"
        return f"{class_name}在「{sheet.competition.name}」有 {len(candidates)} 件作品，请填作品编号。"
    return candidates[0]


def commit_score_import(
    db: Database,
    festival_id: int,
    path: Path,
    add_judges: bool = False,
    station: str = "",
    open_early: bool = False,
) -> ScoreImport:
    """Import the score sheets in one transaction, after a backup, or nothing when any row has a problem.
    open_early opens judging of the competitions imported into whose day has not come (logged)."""
    workbook = read_workbook(path)
    with db.session() as session:
        plan = _plan(session, festival_id, path, workbook, add_judges, open_early)
        if not plan.ok:
            raise ImportRefused(f"评分表有 {len(plan.problems)} 处问题，没有导入任何分数。")
        backup_before(db, "导入评分表")
        _write(session, plan, station or f"导入 {path.name}", open_early)
        return plan


def _write(session: Session, plan: ScoreImport, station: str, open_early: bool) -> None:
    added = []
    for competition_id, name in plan.new_judges:
        competition = session.get(Competition, competition_id)
        assert competition is not None
        added.append(Judge(name=name, position=len(competition.judges) + 1))
        competition.judges.append(added[-1])
    issue_keys(session, added)
    by_competition: dict[int, list[PlannedScore]] = {}
    for planned in plan.scores:
        by_competition.setdefault(planned.competition_id, []).append(planned)
    entry_ids = {planned.entry_id for planned in plan.scores}
    existing = set(session.scalars(select(Entry.id).where(Entry.id.in_(entry_ids))))
    for competition_id, planned_scores in by_competition.items():
        competition = session.get(Competition, competition_id)
        criteria = {criterion.id for criterion in competition.criteria} if competition else set()
        if (
            competition is None
            or not {p.entry_id for p in planned_scores} <= existing
            or not {p.criterion_id for p in planned_scores} <= criteria
        ):
            raise FestError("导入期间作品或评分项被删除了，没有导入任何分数，请重新导入。")
        if open_early and judging_refusal(competition):
            open_early_in(session, competition, station)
        entries = session.scalars(select(Entry).where(Entry.id.in_({p.entry_id for p in planned_scores})))
        refusals = scoring_refusals(session, competition, entries.all())
        if refusals:
            raise ImportRefused(next(iter(refusals.values())) + "没有导入任何分数。")
        judges = {judge.name: judge.id for judge in competition.judges}
        write_scores(
            session,
            competition,
            [ScoreCell(p.entry_id, judges[p.judge_name], p.criterion_id, p.value) for p in planned_scores],
            station,
        )


def import_score_file(
    db: Database,
    festival_id: int,
    path: Path,
    *,
    dry_run: bool = False,
    add_judges: bool = False,
    station: str = "",
    open_early: bool = False,
) -> ScoreImport:
    """Check a filled-in score workbook and, unless dry_run or a row has a problem, import it whole
    after a backup, in one transaction; returns the plan, whose problems say why nothing was written.
    A competition whose judging has not opened is a problem, unless open_early opens it (logged)."""
    workbook = read_workbook(path)
    with db.session() as session:
        plan = _plan(session, festival_id, path, workbook, add_judges, open_early)
        if not dry_run and plan.ok:
            backup_before(db, "导入评分表")
            _write(session, plan, station or f"导入 {path.name}", open_early)
        return plan
