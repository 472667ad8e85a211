"""A scored competition for the scoring tests: the board competition of the small school, judged
by a panel of five, one of whom is the 班主任 of 三年级(1)班."""

from __future__ import annotations

from dataclasses import dataclass

from fest_desktop.registration.competitions import CompetitionInfo
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import add_teacher
from fest_desktop.school.structure import update_class
from fest_desktop.scoring.entering import enter_score
from fest_desktop.scoring.judges import JudgeInfo, add_judge, list_judges
from fest_desktop.scoring.sheet import ScoringSheet, load_sheet
from fest_desktop.storage.database import Database
from tests.core.school_fixture import SmallSchool, make_small_school

JUDGE_NAMES = ("王老师", "李老师", "陈老师", "刘老师", "赵老师")


@dataclass
class Board:
    small: SmallSchool
    competition: CompetitionInfo
    judges: list[JudgeInfo]
    entry_ids: dict[str, int]  # by class name

    def criterion(self, name: str) -> int:
        return next(c.id for c in self.competition.criteria if c.name == name)

    def judge(self, name: str) -> int:
        return next(j.id for j in self.judges if j.name == name)


def make_board(db: Database, festival: FestivalInfo) -> Board:
    small = make_small_school(db, festival)
    head = add_teacher(db, festival.id, "王老师", "科学").value
    update_class(db, small.class_ids["三年级(1)班"], 1, head.id)
    competition = add_preset(db, festival.id, "科普板报比赛").value
    add_judge(db, competition.id, "王老师", teacher_id=head.id)
    for name in JUDGE_NAMES[1:]:
        add_judge(db, competition.id, name)
    sheet = load_sheet(db, competition.id)
    return Board(
        small,
        competition,
        list_judges(db, competition.id),
        {entry.class_name: entry.id for entry in sheet.entries},
    )


def score_all(db: Database, board: Board, class_name: str, judge: str, points: list[float]) -> None:
    """One judge's five criterion scores for a class's board, in the rubric's order."""
    for criterion, value in zip(board.competition.score_criteria, points, strict=True):
        enter_score(db, board.entry_ids[class_name], board.judge(judge), criterion.id, value)


def sheet(db: Database, board: Board) -> ScoringSheet:
    return load_sheet(db, board.competition.id)
