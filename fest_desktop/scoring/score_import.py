"""Judges' score sheets filled in on paper or in Excel, imported back: read once, planned row by row (a
row is one judge's scores of one work, known by its number), previewed with every score new or changed
(before → after), then committed whole or not at all."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
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
from fest_desktop.registration.competitions import CompetitionInfo, CriterionInfo
from fest_desktop.registration.kinds import Judging
from fest_desktop.school.classnames import ClassNameError, parse_class
from fest_desktop.scoring.entering import (
    ScoreCell,
    finalised_refusal,
    scoring_refusals,
    write_scores,
)
from fest_desktop.scoring.judge_keys import issue_keys
from fest_desktop.scoring.judges import JudgeInfo
from fest_desktop.scoring.opening import judging_refusal, open_early_in
from fest_desktop.scoring.paper_sheets import FIXED_COLUMNS
from fest_desktop.scoring.points import parse_points
from fest_desktop.scoring.sheet import ScoringEntry, ScoringSheet, judged_of, sheet_of
from fest_desktop.storage.database import Database
from fest_desktop.storage.importing import (
    FieldChange,
    ImportWords,
    PreviewLine,
    commit_plan,
    field_changes,
    problem_line,
)
from fest_desktop.storage.kinds import RowOutcome
from fest_desktop.storage.model import Competition, Entry, Judge
from fest_desktop.values import JUDGE_NAME, clean_text, limit_problems, quoted

WORDS = ImportWords(
    action="导入评分表",
    problems="评分表有 {0} 处问题，没有导入任何分数。",
    changed="预览之后，成绩或评委组有了变化（可能另一个窗口、电脑或评委的手机刚刚录入过），没有导入任何分数。",
)


@dataclass(frozen=True)
class ScoreFile:
    """A score workbook as read, once, from its file."""

    name: str
    workbook: WorkbookData


def read_score_file(path: Path) -> ScoreFile:
    """Read a filled-in score workbook; a missing or unreadable file is refused. Touches no database."""
    return ScoreFile(path.name, read_workbook(path))


@dataclass(frozen=True)
class PlannedScore:
    competition_id: int
    entry_id: int
    judge_name: str
    criterion_id: int
    value: float | None
    old_value: float | None


@dataclass(frozen=True)
class ScoreRow:
    """One judge's scores of one work as a row of the sheet gives them: the cells it changes (before →
    after) and how many it repeats."""

    sheet: str
    row: int
    competition: str
    entry: str
    judge: str
    scores: tuple[PlannedScore, ...]
    changes: tuple[FieldChange, ...]
    unchanged: int

    @property
    def outcome(self) -> RowOutcome:
        if not self.scores:
            return RowOutcome.UNCHANGED
        if all(score.old_value is None for score in self.scores) and not self.unchanged:
            return RowOutcome.NEW
        return RowOutcome.CHANGED


@dataclass
class ScoreImport:
    """What importing the score sheets would do: each row's scores new and changed, judges to add, and
    problems."""

    file: ScoreFile
    rows: list[ScoreRow] = field(default_factory=list)
    new_judges: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def scores(self) -> list[PlannedScore]:
        return [score for row in self.rows for score in row.scores]

    @property
    def new(self) -> int:
        return sum(1 for s in self.scores if s.old_value is None)

    @property
    def changed(self) -> int:
        return sum(1 for s in self.scores if s.old_value is not None)

    @property
    def unchanged(self) -> int:
        return sum(row.unchanged for row in self.rows)

    def summary(self) -> str:
        text = f"新录入 {self.new} 个分数，修改 {self.changed} 个，{self.unchanged} 个与已录入的相同"
        if self.new_judges:
            text += f"；新增评委 {'、'.join(name for _, name in self.new_judges)}"
        return text + "".join(f"；{note}" for note in self.skipped_sheets) + "。"

    def lines(self) -> list[PreviewLine]:
        """Every row by what the import does with it, and every problem."""
        return [
            *(problem_line(problem) for problem in self.problems),
            *(
                PreviewLine(
                    row.outcome,
                    f"工作表「{row.sheet}」第{row.row}行",
                    f"{row.entry} · 评委{row.judge}",
                    tuple(str(change) for change in row.changes),
                )
                for row in self.rows
            ),
        ]

    def effect(self) -> object:
        return (tuple(self.scores), tuple(self.new_judges))


class _Context:
    """The festival's judged competitions with their sheets, looked up by name as rows arrive."""

    def __init__(self, session: Session, festival_id: int, open_early: bool = False) -> None:
        self.session = session
        self.open_early = open_early
        self.competitions = {c.name: c for c in judged_of(session, festival_id)}
        self.refusals: dict[int, str] = {}
        self.sheets: dict[int, ScoringSheet] = {}
        self.codes: dict[int, dict[str, ScoringEntry]] = {}

    def sheet(self, competition: CompetitionInfo) -> ScoringSheet:
        if competition.id not in self.sheets:
            sheet = sheet_of(self.session, competition.id)
            self.sheets[competition.id] = sheet
            self.codes[competition.id] = {entry.code: entry for entry in sheet.entries}
            self.refusals[competition.id] = score_refusal(self.session, competition.id, self.open_early)
        return self.sheets[competition.id]


def score_refusal(session: Session, competition_id: int, open_early: bool = False) -> str:
    """Why no score of the competition may be written now (locked, its list finalised, its judging not
    open yet unless this import opens it early), read as the desk reads it; "" when they may. The commit
    plans inside its write transaction, and writes through scoring_refusals there."""
    competition = session.get(Competition, competition_id)
    if competition is None:
        return "这个比赛项目已不存在（可能已被删除）。"
    if competition.locked:
        return f"「{competition.name}」的成绩已锁定，请先解锁再导入。"
    if finalised_refusal(session, competition):
        return f"「{competition.name}」的获奖名单已定稿，成绩不能再改；请先撤销定稿再导入。"
    return "" if open_early else judging_refusal(competition, doing="导入成绩")


def _score_header(rows: Sequence[Sequence[object]]) -> Header | None:
    return find_header(
        rows, FIXED_COLUMNS, lambda keys: {"competition", "judge"} <= keys and bool(keys & {"code", "class"})
    )


def _plan(
    session: Session, festival_id: int, file: ScoreFile, add_judges: bool, open_early: bool = False
) -> ScoreImport:
    workbook = file.workbook
    plan = ScoreImport(file)
    plan.skipped_sheets.extend(hidden_sheet_note(title) for title in workbook.hidden)
    context = _Context(session, festival_id, open_early)
    seen: dict[tuple[int, int, str], tuple[str, int]] = {}
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

            _plan_row(context, plan, sheet.title, number, cells, columns, header, seen, add_judges, computed)
    if not plan.rows and not plan.problems:
        raise WorkbookFileError(
            f"「{file.name}」里没有找到评分表：需要“比赛项目”“评委”和“作品编号”（或“班级”）列，再加每个评分项一列。"
        )
    return plan


def _plan_row(
    context: _Context,
    plan: ScoreImport,
    sheet_name: str,
    number: int,
    cells: Sequence[object],
    columns: dict[str, int],
    header: Header,
    seen: dict[tuple[int, int, str], tuple[str, int]],
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
        problem("比赛项目", f"没有评分项目「{quoted(competition_name)}」。")
        return
    if competition.judging != Judging.RUBRIC:
        problem("比赛项目", f"「{competition.name}」按测量成绩排名，不用评委评分表。")
        return
    sheet = context.sheet(competition)
    refusal = context.refusals[competition.id]
    if refusal:
        problem("比赛项目", refusal)
        return
    code = clean_text(header.cell(cells, "code"))
    entry = _find_entry(sheet, context.codes[competition.id], code, clean_text(header.cell(cells, "class")))
    if isinstance(entry, str):
        problem("作品编号" if code else "班级", entry)
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
                f"「{quoted(judge_name)}」不在「{competition.name}」的评委组中（要一并添加，请在命令后加 --add-judges）。",
            )
            return
        for reason in limit_problems(((JUDGE_NAME, judge_name),)):
            problem("评委", reason)
            return
        if (competition.id, judge_name) not in plan.new_judges:
            plan.new_judges.append((competition.id, judge_name))
        judge = JudgeInfo(0, competition.id, judge_name)
    if sheet.blocked(entry, judge):
        problem("评委", f"评委「{judge_name}」回避本班（{entry.class_name}），不给本班作品打分。")
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
    for criterion, value, position in typed:
        # A formula another program wrote reads as blank: never taken for a row not yet scored.
        if not clean_text(value) and computed(position):
            problem(criterion.name, FORMULA_WITHOUT_VALUE)
            return
    if not any(clean_text(value) for criterion, value, _position in typed if not criterion.is_deduction):
        return  # a row the judge has not scored yet
    values: list[tuple[CriterionInfo, float | None]] = []
    for criterion, cell, _position in typed:
        try:
            value = parse_points(cell, criterion)
        except FestError as exc:
            problem(criterion.name, exc.message)
            return
        if value is None and not criterion.is_deduction:
            problem(criterion.name, f"「{criterion.name}」没有填分数。")
            return
        values.append((criterion, value))
    key = (competition.id, entry.id, judge_name)
    if key in seen:
        earlier_sheet, earlier_row = seen[key]
        problem(
            "评委",
            f"评委「{judge_name}」给 {entry.label} 的分数已在工作表「{earlier_sheet}」第{earlier_row}行出现过。",
        )
        return
    seen[key] = (sheet_name, number)
    scores, unchanged, pairs = [], 0, []
    for criterion, value in values:
        old = sheet.cell(entry.id, judge.id, criterion.id).value if judge.id else None
        if old == value:
            unchanged += value is not None
            continue
        scores.append(PlannedScore(competition.id, entry.id, judge_name, criterion.id, value, old))
        pairs.append((criterion.name, old, value))
    plan.rows.append(
        ScoreRow(
            sheet_name,
            number,
            competition.name,
            entry.label,
            judge_name,
            tuple(scores),
            field_changes(pairs),
            unchanged,
        )
    )


def _find_entry(
    sheet: ScoringSheet, codes: dict[str, ScoringEntry], code: str, class_name: str
) -> ScoringEntry | str:
    """The work a row scores: by its number; a class competition's work also by its class, since the
    class is the work. A number and a class that disagree are refused."""
    class_ref = None
    if class_name:
        try:
            class_ref = parse_class(class_name)
        except ClassNameError as exc:
            if not code:
                return str(exc)
    if code:
        entry = codes.get(code.upper())
        if entry is None:
            return f"「{sheet.competition.name}」没有编号为「{quoted(code)}」的作品（或已取消资格）。"
        if (
            class_ref is not None
            and class_ref.level is not None
            and (class_ref.level, class_ref.number)
            != (
                entry.level,
                entry.class_number,
            )
        ):
            return f"作品 {entry.code} 是{entry.class_name}的，表中却写着{quoted(class_name)}：请核对编号和班级。"
        return entry
    if class_ref is None:
        return "没有填作品编号。"
    if not sheet.competition.is_class_competition:
        return f"「{sheet.competition.name}」的作品要按作品编号填（一个班可能有几件作品）。"
    if class_ref.level is None:
        return f"班级「{quoted(class_name)}」没有写年级，请写成“三年级(2)班”或填作品编号。"
    candidates = [
        e for e in sheet.entries if (e.level, e.class_number) == (class_ref.level, class_ref.number)
    ]
    if len(candidates) != 1:
        if not candidates:
            return f"「{sheet.competition.name}」没有{quoted(class_name)}的作品。"
        return (
            f"{quoted(class_name)}在「{sheet.competition.name}」有 {len(candidates)} 件作品，请填作品编号。"
        )
    return candidates[0]


def plan_score_import(
    db: Database, festival_id: int, file: ScoreFile, *, add_judges: bool = False, open_early: bool = False
) -> ScoreImport:
    """Check every row of a score workbook read by read_score_file; writes nothing. open_early: a
    competition whose judging has not opened is no problem, the commit opens it early."""
    with db.session() as session:
        return _plan(session, festival_id, file, add_judges, open_early)


def commit_score_import(
    db: Database,
    festival_id: int,
    file: ScoreFile,
    *,
    previewed: ScoreImport | None = None,
    add_judges: bool = False,
    station: str = "",
    open_early: bool = False,
) -> Done[ScoreImport]:
    """Plan the sheet again inside one transaction (every check of the desk made there) and write every
    score with its audit line after a backup, or nothing: refused while any row has a problem, or when
    the plan is no longer the one previewed. open_early opens judging of the competitions imported into
    whose day has not come (logged)."""
    plan = commit_plan(
        db,
        lambda session: _plan(session, festival_id, file, add_judges, open_early),
        lambda session, planned: _write(session, planned, station or f"导入 {file.name}", open_early),
        WORDS,
        previewed=previewed,
    )
    changes = Changed.SCORES | (Changed.COMPETITIONS if plan.new_judges else Changed.NOTHING)
    return Done(plan, changes)


def _write(session: Session, plan: ScoreImport, station: str, open_early: bool = False) -> None:
    competitions = {
        c.id: c
        for c in session.scalars(
            select(Competition).where(
                Competition.id.in_(
                    {c for c, _ in plan.new_judges} | {score.competition_id for score in plan.scores}
                )
            )
        )
    }
    added = []
    for competition_id, name in plan.new_judges:
        competition = competitions[competition_id]
        added.append(Judge(name=name, position=len(competition.judges) + 1))
        competition.judges.append(added[-1])
    issue_keys(session, added)
    by_competition: dict[int, list[PlannedScore]] = {}
    for planned in plan.scores:
        by_competition.setdefault(planned.competition_id, []).append(planned)
    for competition_id, planned_scores in by_competition.items():
        competition = competitions[competition_id]
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
