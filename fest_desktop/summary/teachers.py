"""The teachers' own contests in figures (经验论文评比, 科技活动方案): counted apart from the pupils' works,
whose participation, classes and grades they are no part of."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from fest_desktop.awards.kinds import ListKey, competition_list_key
from fest_desktop.awards.lists import AwardInfo
from fest_desktop.registration.competitions import CompetitionInfo
from fest_desktop.registration.entries import EntryInfo
from fest_desktop.registration.kinds import EntryStatus


@dataclass(frozen=True)
class TeacherContest:
    """A competition for teachers (经验论文评比), counted apart from the pupils' works: its works, the
    teachers who wrote them, how far judging has got, its awards by level."""

    name: str
    entries: int
    teachers: int
    judged: int
    scored: bool
    awards: dict[str, int]
    final: bool = False


def teacher_contest(
    competition: CompetitionInfo,
    entries: list[EntryInfo],
    awards: list[AwardInfo],
    final: set[ListKey],
    judging: tuple[int, bool],
) -> TeacherContest:
    """A competition for teachers in figures, its judging counted as the pupils' competitions' are."""
    mine = [e for e in entries if e.competition_id == competition.id and e.status != EntryStatus.DISQUALIFIED]
    judged, scored = judging
    return TeacherContest(
        name=competition.name,
        entries=len(mine),
        teachers=len({e.teacher_id for e in mine if e.teacher_id is not None}),
        judged=judged,
        scored=scored,
        awards=dict(Counter(a.level for a in awards if a.competition_id == competition.id)),
        final=competition_list_key(competition.id) in final,
    )
