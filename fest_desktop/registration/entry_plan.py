"""What an entries import will do, row by row: new works, changes of registered ones (each field before →
after), rows unchanged, works a returned form left out, and every problem; its preview lines, and what
committing it writes, to tell a plan that is no longer the one previewed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from fest_desktop.files.workbooks import Problem
from fest_desktop.registration.competitions import CompetitionInfo
from fest_desktop.registration.entries import EntryDraft
from fest_desktop.registration.entry_files import EntryFiles, EntryRow, FormSheet
from fest_desktop.storage.importing import FieldChange, PreviewLine, problem_line
from fest_desktop.storage.kinds import RowOutcome
from fest_desktop.values import quoted

TITLE_FIELD = "作品题目"


class PlannedEntry(NamedTuple):
    """A row that passed every check, what it writes and, for a registered work, what it changes (a
    named tuple, like the rows it is made from)."""

    row: EntryRow
    competition: CompetitionInfo
    class_name: str
    draft: EntryDraft
    authors: tuple[str, ...] = ()
    entry_id: int = 0
    code: str = ""
    changes: tuple[FieldChange, ...] = ()
    # What the row says that was not applied (an old form's row repeating a registered work).
    note: str = ""

    @property
    def subject(self) -> str:
        """The work as the preview names it: number, competition, title (as registered, for a change),
        authors (or class)."""
        title = next((c.before for c in self.changes if c.field == TITLE_FIELD), self.draft.title)
        who = "、".join(self.authors) or self.class_name
        shown = f"「{quoted(title)}」" if title else ""
        return " ".join(part for part in (self.code, self.competition.name, shown, who) if part)


@dataclass(frozen=True)
class KeptEntry:
    """A registered work of a class whose returned form does not list it: left as it is."""

    code: str
    competition: str
    title: str
    authors: str
    form: FormSheet


@dataclass
class EntryImport:
    """What committing will do (new, changed, unchanged works, works a form left out), every problem,
    and the warnings."""

    files: EntryFiles
    problems: list[Problem] = field(default_factory=list)
    new: list[PlannedEntry] = field(default_factory=list)
    changed: list[PlannedEntry] = field(default_factory=list)
    unchanged: list[PlannedEntry] = field(default_factory=list)
    kept: list[KeptEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    late: list[PlannedEntry] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return self.files.sources

    @property
    def skipped_sheets(self) -> list[str]:
        return self.files.skipped_sheets

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        kept = f"，表中没有而保持不变 {len(self.kept)} 件" if self.kept else ""
        return (
            f"新作品 {len(self.new)} 件，修改 {len(self.changed)} 件，已登记且不变 {len(self.unchanged)} 件{kept}，"
            f"逾期 {len(self.late)} 件，问题 {len(self.problems)} 处"
            + "".join(f"；{note}" for note in self.skipped_sheets)
        )

    def lines(self) -> list[PreviewLine]:
        """Every row and every work left out, as the preview lists them."""
        late = {id(planned) for planned in self.late}
        rows = {(row.file, row.sheet, row.row): row for row in self.files.rows}

        def refused(problem: Problem) -> PreviewLine:
            line = problem_line(problem)
            row = rows.get((problem.file, problem.sheet, problem.row))
            return line if row is None else line._replace(subject=_row_subject(row))

        return [
            *(refused(problem) for problem in self.problems),
            *(
                PreviewLine(
                    RowOutcome.NEW, p.row.in_sheet, p.subject, ("逾期",) if id(p) in late else (), p.row.file
                )
                for p in self.new
            ),
            *(
                PreviewLine(
                    RowOutcome.CHANGED,
                    p.row.in_sheet,
                    p.subject,
                    tuple(str(c) for c in p.changes),
                    p.row.file,
                )
                for p in self.changed
            ),
            *(
                PreviewLine(
                    RowOutcome.UNCHANGED, p.row.in_sheet, p.subject, (p.note,) if p.note else (), p.row.file
                )
                for p in self.unchanged
            ),
            *(
                PreviewLine(
                    RowOutcome.KEPT,
                    f"工作表「{k.form.sheet}」",
                    " ".join(
                        part
                        for part in (
                            k.code,
                            k.competition,
                            f"「{quoted(k.title)}」" * bool(k.title),
                            k.authors,
                        )
                        if part
                    ),
                    ("报名表中没有这件作品，保持不变；要删除它，请在“作品报名”中删除",),
                    k.form.file,
                )
                for k in self.kept
            ),
        ]

    def effect(self) -> object:
        """What committing writes, to tell whether a later plan of the same rows would write the same."""
        return (
            tuple((p.row.file, p.row.sheet, p.row.row, p.draft) for p in self.new),
            tuple((p.entry_id, p.draft, p.changes) for p in self.changed),
            tuple((p.row.file, p.row.sheet, p.row.row) for p in self.late),
        )


def _row_subject(row: EntryRow) -> str:
    """A row as the preview names it when it cannot be imported: what it says."""
    title = f"「{quoted(row.title)}」" if row.title else ""
    who = quoted("、".join(row.authors)) or quoted(row.class_text)
    return " ".join(part for part in (quoted(row.code), quoted(row.competition), title, who) if part)
