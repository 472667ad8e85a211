"""The rules a competition's settings obey (check_competition) and how they read in words: the quota,
the grades that may enter, how a measured competition ranks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fest_desktop.errors import ValidationError
from fest_desktop.registration.kinds import (
    Combine,
    CriterionKind,
    Judging,
    Outcome,
    Participation,
    RankingGroup,
)
from fest_desktop.school.classnames import chinese_numeral, grade_name
from fest_desktop.values import (
    CATEGORY,
    COMPETITION_NAME,
    CRITERION_NAME,
    RESPONSIBLE,
    SUBTYPE,
    limit_problems,
    quoted,
)

if TYPE_CHECKING:
    from fest_desktop.registration.competitions import CompetitionInfo

PREFIX_PATTERN = re.compile(r"[A-Z][A-Z0-9]{0,5}")


MAX_WORKS_PER_STUDENT = 10


def measured_ranking_text(unit: str, higher_is_better: bool, attempts: int) -> str:
    """How a measured competition ranks, in plain words: 取两次中用时最短的一次排名, 按得分排名."""
    if unit in ("秒", "分钟") and not higher_is_better:
        best, single = "用时最短", "按用时排名，用时短者在前"
    elif unit in ("米", "厘米") and higher_is_better:
        best, single = "最远", "按距离排名，远者在前"
    elif unit == "分" and higher_is_better:
        best, single = "得分最高", "按得分排名"
    else:
        best = "成绩最好"
        single = (
            f"按成绩排名（{unit + '，' if unit else ''}{'越大越好' if higher_is_better else '越小越好'}）"
        )
    if attempts <= 1:
        return single
    times = "两" if attempts == 2 else chinese_numeral(attempts)
    return f"取{times}次中{best}的一次排名"


def quota_text(quota_min: int | None, quota_max: int | None, unit: str = "件") -> str:
    """每班 3–5 件, 每班 1 队, 每班至少 2 件, 每班最多 3 件 or 不限名额."""
    if quota_min and quota_max:
        return (
            f"每班 {quota_min} {unit}" if quota_min == quota_max else f"每班 {quota_min}–{quota_max} {unit}"
        )
    if quota_max:
        return f"每班最多 {quota_max} {unit}"
    if quota_min:
        return f"每班至少 {quota_min} {unit}"
    return "不限名额"


def eligibility_text(levels: Sequence[int]) -> str:
    """全校, or the grades by name, with runs written as 三年级至初三."""
    if not levels:
        return "全校"
    ordered = sorted(levels)
    runs: list[list[int]] = []
    for level in ordered:
        if runs and level == runs[-1][-1] + 1:
            runs[-1].append(level)
        else:
            runs.append([level])
    parts = [
        grade_name(run[0]) if len(run) == 1 else f"{grade_name(run[0])}至{grade_name(run[-1])}"
        for run in runs
    ]
    return "、".join(parts)


def check_competition(info: CompetitionInfo) -> None:
    """A competition's settings as the rules allow them, else the first rule broken, in words."""
    if not info.name.strip():
        raise ValidationError("比赛项目的名称不能为空。")
    for problem in limit_problems(
        (
            (COMPETITION_NAME, info.name),
            (CATEGORY, info.category),
            (RESPONSIBLE, info.responsible),
            *((SUBTYPE, subtype) for subtype in info.subtypes),
            *((CRITERION_NAME, criterion.name) for criterion in info.criteria),
        )
    ):
        raise ValidationError(problem)
    if not PREFIX_PATTERN.fullmatch(info.code_prefix):
        raise ValidationError(
            f"编号前缀「{quoted(info.code_prefix)}」不合适：请用 1–6 个大写字母或数字，以字母开头，例如 XZ。"
        )
    for field, choices in (
        (info.participation, Participation),
        (info.judging, Judging),
        (info.combine, Combine),
        (info.ranking_group, RankingGroup),
        (info.outcome, Outcome),
    ):
        if field not in choices.__members__.values():
            raise ValidationError(f"「{field}」不是可选的设置。")
    for bound in (info.quota_min, info.quota_max):
        if bound is not None and bound < 0:
            raise ValidationError("名额不能是负数。")
    if info.quota_min is not None and info.quota_max is not None and info.quota_min > info.quota_max:
        raise ValidationError(f"名额下限 {info.quota_min} 大于上限 {info.quota_max}。")
    if (
        info.window_start is not None
        and info.participation == Participation.CLASS
        and (info.deadline is None or info.window_start > info.deadline)
    ):
        raise ValidationError(
            f"「{info.name}」的制作与检查开始日期 {info.window_start:%Y-%m-%d} 要早于它的截止日期。"
        )
    if not 1 <= info.works_per_student <= MAX_WORKS_PER_STUDENT:
        raise ValidationError(f"每人可报的作品数应在 1 到 {MAX_WORKS_PER_STUDENT} 件之间。")
    if info.participation == Participation.TEAM and info.team_size < 2:
        raise ValidationError("团队项目每队至少 2 人。")
    if not 1 <= info.attempts <= 10:
        raise ValidationError("测量项目的试次数应在 1 到 10 之间。")
    if info.trim_min_judges < 3:
        raise ValidationError("去掉最高分和最低分至少需要 3 位评委。")
    bad_levels = [level for level in info.eligible_levels if not 1 <= level <= 12]
    if bad_levels:
        raise ValidationError(f"年级 {bad_levels[0]} 不存在。")
    names = [c.name.strip() for c in info.criteria]
    for criterion, name in zip(info.criteria, names, strict=True):
        if not name:
            raise ValidationError("评分项的名称不能为空。")
        if names.count(name) > 1:
            raise ValidationError(f"评分项「{name}」重复了。")
        if not criterion.max_points > 0:
            raise ValidationError(f"评分项「{name}」的满分应大于 0。")
        if not criterion.step > 0 or criterion.step > criterion.max_points:
            raise ValidationError(f"评分项「{name}」的计分步长应大于 0 且不超过满分。")
        if criterion.kind not in CriterionKind.__members__.values():
            raise ValidationError(f"「{criterion.kind}」不是评分项的类型。")
    if not 1 <= info.outlier_percent <= 100:
        raise ValidationError("偏离提示的界限应在 1% 到 100% 之间。")
