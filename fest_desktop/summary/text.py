"""The 总结 the teacher writes, saved with the festival, and its first draft filled in from the figures."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import AwardKind
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.practice.progress import progress_json
from fest_desktop.school.festivals import festival_row
from fest_desktop.storage.database import Database
from fest_desktop.summary.figures import Headline, SummaryFigures, counted_text

SUMMARY_TEXT_LIMIT = 5000


def summary_text(db: Database, festival_id: int) -> str:
    with db.session() as session:
        return summary_text_of(session, festival_id)


def summary_text_of(session: Session, festival_id: int) -> str:
    """The 总结 the teacher wrote ("" before they write one)."""
    return festival_row(session, festival_id).summary_text


def save_summary_text(db: Database, festival_id: int, text: str) -> Done[None]:
    """Keep the teacher's 总结 with the festival."""
    if len(text) > SUMMARY_TEXT_LIMIT:
        raise ValidationError(f"总结最多 {SUMMARY_TEXT_LIMIT} 个字，现在有 {len(text)} 个。")
    with db.session() as session:
        festival_row(session, festival_id).summary_text = text
    return Done(None, Changed.SUMMARY)


# What each unit counts, for a sentence that names several: 作品 300 件、板报 24 期、参赛队 19 队.
UNIT_NOUNS = {"件": "作品", "期": "板报", "队": "参赛队"}


def entries_phrase(headline: Headline) -> str:
    """收到作品 300 件、板报 24 期、参赛队 19 队: each kind of entry in its own unit."""
    parts = [
        f"{UNIT_NOUNS.get(unit, '作品')} {count} {unit}" for unit, count in headline.entries_by_unit.items()
    ]
    return "收到" + ("、".join(parts) or "作品 0 件")


def awards_sentence(headline: Headline, levels: list[str]) -> str:
    """评出一等奖 30 件、3 期、2 队；二等奖 …, in the levels' order, each counted in its units (a board
    is 期, a quiz team 队, not 件)."""
    parts = [
        f"{level} {counted_text(headline.awards_by_unit.get(level, {}))}"
        for level in levels
        if headline.awards.get(level)
    ]
    several = any(len(headline.awards_by_unit.get(level, {})) > 1 for level in levels)
    return "评出" + ("；" if several else "、").join(parts) if parts else "奖项尚未评出"


def draft_summary(figures: SummaryFigures) -> str:
    """A first draft of the 总结 from the figures, for the teacher to rewrite."""
    headline = figures.headline
    festival = figures.festival
    theme = f"以“{festival.theme}”为主题，" if festival.theme else ""
    lines = [
        f"{festival.title}{theme}于{festival.start_date.year}年{festival.start_date.month}月{festival.start_date.day}日至{festival.end_date.month}月{festival.end_date.day}日举行。"
        f"本届科技节共有 {headline.classes_taking_part} 个班级、{headline.participants} 名学生参加"
        f"（全校学生 {headline.students} 人，参与率 {headline.share:.0%}），"
        f"{entries_phrase(headline)}，{awards_sentence(headline, figures.levels)}。"
    ]
    busiest = sorted(figures.competitions, key=lambda c: -c.entries)[:3]
    if busiest and busiest[0].entries:
        lines.append(
            "参与最踊跃的项目是"
            + "、".join(f"{c.name}（{c.entries} {c.unit}）" for c in busiest if c.entries)
            + "。"
        )
    collective = [a for a in figures.named_awards if a.kind == AwardKind.CLASS.label]
    best = [a.recipient for a in collective if a.level == figures.levels[0]]
    if collective and all(a.final for a in collective) and best:
        lines.append(f"获得集体{figures.levels[0]}的班级：" + "、".join(best) + "。")
    elif collective:
        lines.append("集体奖尚未定稿，待各比赛项目评完定稿后公布。")
    practice = figures.practice
    if practice is not None and practice.items:
        done = "、".join(
            f"{item.name}{item.tally.share:.0%}（{item.tally.done}/{item.tally.of} 人）"
            for item in practice.items
        )
        lines.append(f"全校开展科普实践活动，完成情况：{done}。")
    if headline.recommended:
        first = figures.higher_levels[0] if figures.higher_levels else "上级比赛"
        # A tally per level, not a sum: one work that went up two levels counts at each.
        reached = "，".join(
            f"{level} {figures.higher_counts[level]} 件"
            for level in figures.higher_levels
            if figures.higher_counts.get(level)
        )
        lines.append(
            f"学校推荐 {headline.recommended} 件优秀作品参加{first}"
            + (f"，各级比赛取得成绩的作品：{reached}" if reached else "")
            + "。"
        )
    for contest in figures.teacher_contests:
        if contest.entries:
            lines.append(
                f"教师{contest.name}收到 {contest.entries} 件作品（{contest.teachers} 位老师参加）"
                + (
                    "，评出"
                    + "、".join(
                        f"{lv} {contest.awards[lv]} 件" for lv in figures.levels if contest.awards.get(lv)
                    )
                    if contest.awards
                    else ""
                )
                + "。"
            )
    if figures.silent_classes:
        lines.append("尚未参加任何比赛的班级：" + "、".join(figures.silent_classes) + "，下届需加强动员。")
    previous = figures.previous
    if previous is not None:
        # Works with works: a board or a quiz team is not a 件.
        works, before = headline.entries_by_unit.get("件", 0), previous.entries_by_unit.get("件", 0)
        change = works - before
        trend = f"多 {change} 件" if change > 0 else (f"少 {-change} 件" if change < 0 else "持平")
        lines.append(f"与上届（{previous.festival}）相比，作品数{trend}。")
    return "\n".join(lines)


def figures_json(figures: SummaryFigures) -> dict[str, Any]:
    """The figures as `summary stats --json` prints them: the same numbers the tab and the report show,
    with each share as a fraction."""

    def with_share(row: Any) -> dict[str, Any]:
        return {**dataclasses.asdict(row), "share": round(row.share, 4)}

    return {
        "festival": {
            "title": figures.festival.title,
            "theme": figures.festival.theme,
            "start": figures.festival.start_date.isoformat(),
            "end": figures.festival.end_date.isoformat(),
        },
        "headline": with_share(figures.headline),
        "previous": with_share(figures.previous) if figures.previous else None,
        "levels": figures.levels,
        "classes": [with_share(c) for c in figures.classes],
        "grades": [with_share(g) for g in figures.grades],
        "silent_classes": figures.silent_classes,
        "competitions": [
            {**dataclasses.asdict(c), "judging_share": round(c.judging_share, 4)}
            for c in figures.competitions
        ],
        "judges": [dataclasses.asdict(j) for j in figures.judges],
        "awards_by_grade": figures.awards_by_grade,
        "awards_by_class": figures.awards_by_class,
        "named_awards": [dataclasses.asdict(a) for a in figures.named_awards],
        "points": [{"class": name, "points": points} for name, points in figures.points],
        "recommended": [dataclasses.asdict(w) for w in figures.recommended],
        "recommended_by_section": figures.recommended_by_section,
        "higher_levels": [
            {"name": level, "results": figures.higher_counts.get(level, 0)} for level in figures.higher_levels
        ],
        "teacher_contests": [dataclasses.asdict(t) for t in figures.teacher_contests],
        "practice": progress_json(figures.practice) if figures.practice else None,
    }
