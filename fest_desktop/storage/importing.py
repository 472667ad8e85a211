"""What every import shares: the lines of its preview (new, changed field by field, unchanged, left as
it is, refused) and its commit, which plans again inside the transaction that writes, refuses, backs up
and writes, so that what is written is what was checked and what the teacher was shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol, TypeVar

from sqlalchemy.orm import Session

from fest_desktop.files.workbooks import ImportRefused, Problem
from fest_desktop.storage.backups import backup_before
from fest_desktop.storage.database import Database
from fest_desktop.storage.kinds import RowOutcome
from fest_desktop.values import quoted


@dataclass(frozen=True)
class FieldChange:
    """One field of a record an import changes, as it is and as it will be."""

    field: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.field}：{quoted(self.before, 40) or '（空）'} → {quoted(self.after, 40) or '（空）'}"


def field_changes(fields: Iterable[tuple[str, object, object]]) -> tuple[FieldChange, ...]:
    """The (field, before, after) that differ, as text."""
    return tuple(
        FieldChange(name, _text(before), _text(after)) for name, before, after in fields if before != after
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class PreviewLine(NamedTuple):
    """One line of an import's preview: what happens to a row (or to a record the file left out),
    where it is (the file, for an import of several, then sheet and row), what it is, and the fields
    it changes or the reasons it is refused (a named tuple: a large import has thousands)."""

    outcome: RowOutcome
    where: str
    subject: str
    details: tuple[str, ...] = ()
    file: str = ""

    def __str__(self) -> str:
        place = (f"「{self.file}」" if self.file else "") + self.where
        details = "；".join(self.details)
        if self.outcome == RowOutcome.REFUSED:
            # The reason first, as every problem of a file is told, then what the row says.
            what = details + (f"（{self.subject}）" if self.subject else "")
        else:
            what = "　".join(part for part in (self.subject, details) if part)
        return f"{place}：{what}" if place else what


def problem_line(problem: Problem) -> PreviewLine:
    where = str(Problem(problem.sheet, problem.row, problem.column, "")).removesuffix("：")
    return PreviewLine(RowOutcome.REFUSED, where, "", (problem.reason,), problem.file)


class ImportPlan(Protocol):
    """What an import's plan offers its commit: the problems that refuse it, and what it writes."""

    @property
    def problems(self) -> Sequence[Problem]: ...

    def effect(self) -> object:
        """What committing writes, comparable with the effect of another plan of the same rows."""
        ...


PlanT = TypeVar("PlanT", bound=ImportPlan)


class RefusedPlan(ImportRefused):
    """The plan made inside the commit's transaction has problems; nothing was written. plan is that
    plan, whose lines say where and why."""

    def __init__(self, message: str, plan: object) -> None:
        super().__init__(message)
        self.plan = plan


class PlanChanged(RefusedPlan):
    """The festival changed between the preview the teacher confirmed and the commit, so the import
    would now do something else; nothing was written. plan is what it would do now."""


@dataclass(frozen=True)
class ImportWords:
    """How an import speaks of itself in its refusals and its backup."""

    action: str  # 导入报名表: names the backup made before the write
    problems: str  # 报名表有 {0} 处问题，未导入任何作品。
    changed: str  # what to say when the festival changed since the preview


def commit_plan(
    db: Database,
    plan_in: Callable[[Session], PlanT],
    write: Callable[[Session, PlanT], None],
    words: ImportWords,
    *,
    previewed: PlanT | None = None,
    check: Callable[[PlanT], None] | None = None,
) -> PlanT:
    """Plan again inside the one transaction that writes, refuse while any problem remains or when the
    plan is no longer the one previewed (when a preview was shown), run check (a question the teacher
    answered, such as a late entry), back up the file, and write. Returns the plan written."""
    if previewed is not None and previewed.problems:
        raise ImportRefused(words.problems.format(len(previewed.problems)))
    with db.session() as session:
        plan = plan_in(session)
        if plan.problems:
            message = words.problems.format(len(plan.problems))
            if previewed is None:
                raise RefusedPlan(message, plan)
            raise PlanChanged(f"{words.changed}{message}", plan)
        if previewed is not None and plan.effect() != previewed.effect():
            raise PlanChanged(words.changed + "请看新的预览，确认后再导入。", plan)
        if check is not None:
            check(plan)
        backup_before(db, words.action)
        write(session, plan)
        return plan
