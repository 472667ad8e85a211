"""The figures as tables, (title, header, rows): the tab shows each behind its chart, the report prints
them and the workbook has a sheet for each, so all three show the same numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fest_desktop.practice.progress import ClassProgress, GradeProgress
from fest_desktop.summary.figures import SummaryFigures, counted_text


@dataclass(frozen=True)
class FigureTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]

    def as_text(self) -> str:
        """Tab-separated, header first: what 复制 puts on the clipboard for a spreadsheet."""
        lines = [self.header, *self.rows]
        return "\n".join("\t".join(str(value) for value in line) for line in lines)


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> FigureTable:
    return FigureTable(title, tuple(header), tuple(tuple(row) for row in rows))


def percent(share: float) -> str:
    return f"{share:.0%}"


def overview_table(figures: SummaryFigures) -> FigureTable:
    """This festival's headline, with last year's beside it when the file holds it."""
    now, before = figures.headline, figures.previous
    lines: list[tuple[str, object, object]] = [
        ("参加班级", now.classes_taking_part, before.classes_taking_part if before else ""),
        ("全校学生", now.students, before.students if before else ""),
        ("参加学生", now.participants, before.participants if before else ""),
        ("参与率", percent(now.share), percent(before.share) if before else ""),
        ("作品", counted_text(now.entries_by_unit), counted_text(before.entries_by_unit) if before else ""),
        *(
            (
                level,
                counted_text(now.awards_by_unit.get(level, {})),
                counted_text(before.awards_by_unit.get(level, {})) if before else "",
            )
            for level in figures.levels
        ),
        (recommended_label(figures), now.recommended, before.recommended if before else ""),
    ]
    if before is None:
        return _table("总体情况", ["项目", "本届"], [line[:2] for line in lines])
    return _table("总体情况", ["项目", "本届", f"上届（{before.festival}）"], lines)


def recommended_label(figures: SummaryFigures) -> str:
    """推荐参加 and the first contest above the school the school named (else 上级比赛)."""
    return f"推荐参加{figures.higher_levels[0] if figures.higher_levels else '上级比赛'}"


def grade_table(figures: SummaryFigures) -> FigureTable:
    return _table(
        "各年级参与情况",
        ["年级", "学部", "班级数", "学生数", "参加学生", "参与率", "作品数"],
        [
            [g.grade, g.section, g.classes, g.students, g.participants, percent(g.share), g.entries]
            for g in figures.grades
        ],
    )


def class_table(figures: SummaryFigures) -> FigureTable:
    return _table(
        "各班参与情况",
        ["班级", "学生数", "参加学生", "参与率", "作品数", "至少应报"],
        [
            [c.class_name, c.students, c.participants, percent(c.share), c.entries, c.quota]
            for c in figures.classes
        ],
    )


def sections_of(figures: SummaryFigures) -> list[str]:
    """The sections that sent entries, in the school's order (the classes' order)."""
    seen = dict.fromkeys(c.section for c in figures.classes)
    return [s for s in seen if any(s in c.by_section for c in figures.competitions)]


def competition_table(figures: SummaryFigures) -> FigureTable:
    sections = sections_of(figures)
    return _table(
        "各项目作品与评审",
        ["比赛项目", "作品", *sections, "逾期", "取消资格", "已评完", "定稿", *figures.levels],
        [
            [
                c.name,
                f"{c.entries} {c.unit}",
                *(c.by_section.get(s, 0) for s in sections),
                c.late,
                c.disqualified,
                f"{c.judged}/{c.entries}" if c.scored else "不评分",
                "是" if c.final else "否",
                *(c.awards.get(level, 0) for level in figures.levels),
            ]
            for c in figures.competitions
        ],
    )


def judges_table(figures: SummaryFigures) -> FigureTable:
    """For the organisers only: who scores high or low against the panel."""
    return _table(
        "评委打分偏差",
        ["比赛项目", "评委", "评过的作品", "与评委平均分相差"],
        [[j.competition, j.judge, j.entries, f"{j.difference:+.2f}"] for j in figures.judges],
    )


def grade_awards_table(figures: SummaryFigures) -> FigureTable:
    return _table(
        "各年级获奖",
        ["年级", *figures.levels],
        [
            [g.grade, *(figures.awards_by_grade.get(g.grade, {}).get(lv, 0) for lv in figures.levels)]
            for g in figures.grades
        ],
    )


def class_awards_table(figures: SummaryFigures) -> FigureTable:
    return _table(
        "各班获奖",
        ["班级", *figures.levels, "合计"],
        [
            [
                c.class_name,
                *(figures.awards_by_class.get(c.class_name, {}).get(lv, 0) for lv in figures.levels),
                sum(figures.awards_by_class.get(c.class_name, {}).values()),
            ]
            for c in figures.classes
        ],
    )


def named_awards_table(figures: SummaryFigures) -> FigureTable:
    return _table(
        "集体奖、优秀组织奖与科技辅导员奖",
        ["奖项", "等级", "获奖者", "学部或项目"],
        [[a.kind, a.level_text, a.recipient, a.detail] for a in figures.named_awards],
    )


def points_ranking_table(figures: SummaryFigures) -> FigureTable:
    totals = [p for _name, p in figures.points]
    # Equal points share a place: 1, 1, 3 …
    return _table(
        "班级考核积分",
        ["名次", "班级", "积分"],
        [[1 + sum(t > p for t in totals), name, f"{p:g}"] for name, p in figures.points],
    )


def recommended_table(figures: SummaryFigures) -> FigureTable:
    return _table(
        f"{recommended_label(figures)}的作品",
        ["编号", "比赛项目", "作品题目", "学部", "班级", "作者", "个人/团体", "本届奖项", "上级比赛结果"],
        [
            [
                w.code,
                w.competition,
                w.title,
                w.section,
                w.class_name,
                w.authors,
                "团体" if w.team else "个人",
                w.level,
                w.higher_result,
            ]
            for w in figures.recommended
        ],
    )


def higher_levels_table(figures: SummaryFigures) -> FigureTable:
    """Each contest above the school, lowest first, with the recommended works that obtained a result there."""
    return _table(
        "各级上级比赛",
        ["上级比赛", "取得结果的作品"],
        [[level, figures.higher_counts.get(level, 0)] for level in figures.higher_levels],
    )


def practice_items_table(figures: SummaryFigures) -> FigureTable:
    """Each 科普实践 item: who should do it, who has."""
    items = figures.practice.items if figures.practice else []
    return _table(
        "科普实践（各项目）",
        ["实践项目", "参加年级", "应完成", "已完成", "完成率"],
        [[i.name, i.levels_text, i.tally.of, i.tally.done, percent(i.tally.share)] for i in items],
    )


def _practice_items(figures: SummaryFigures) -> list[str]:
    return [i.name for i in figures.practice.items] if figures.practice else []


def practice_grades_table(figures: SummaryFigures) -> FigureTable:
    """The share of each grade's pupils who have done each item (— where the grade does not do it)."""
    grades = figures.practice.grades if figures.practice else []
    return _practice_table("科普实践（各年级）", "年级", figures, [(g.grade, g) for g in grades])


def practice_classes_table(figures: SummaryFigures) -> FigureTable:
    """The share of each class's pupils who have done each item (— where its grade does not do it)."""
    classes = figures.practice.classes if figures.practice else []
    return _practice_table("科普实践（各班）", "班级", figures, [(c.class_name, c) for c in classes])


def _practice_table(
    title: str, heading: str, figures: SummaryFigures, rows: list[tuple[str, GradeProgress | ClassProgress]]
) -> FigureTable:
    names = _practice_items(figures)
    return _table(
        title,
        [heading, "学生数", *names, "合计"],
        [
            [
                name,
                row.pupils,
                *(percent(row.items[n].share) if n in row.items else "—" for n in names),
                percent(row.total.share),
            ]
            for name, row in rows
        ],
    )


def teacher_contests_table(figures: SummaryFigures) -> FigureTable:
    """The teachers' own contests, counted apart from the pupils' works."""
    return _table(
        "教师比赛",
        ["比赛项目", "作品", "参加教师", "已评完", "定稿", *figures.levels],
        [
            [
                t.name,
                t.entries,
                t.teachers,
                f"{t.judged}/{t.entries}" if t.scored else "不评分",
                "是" if t.final else "否",
                *(t.awards.get(level, 0) for level in figures.levels),
            ]
            for t in figures.teacher_contests
        ],
    )


def recommended_counts_table(figures: SummaryFigures) -> FigureTable:
    return section_counts_table(figures.recommended_by_section)


def section_counts_table(counts: dict[str, dict[str, int]]) -> FigureTable:
    """Recommended works by section and by individual or team, as district forms count them."""
    return _table(
        "推荐作品统计",
        ["学部", "个人", "团体", "合计"],
        [[s, c["个人"], c["团体"], c["个人"] + c["团体"]] for s, c in counts.items()],
    )


def report_tables(figures: SummaryFigures) -> list[FigureTable]:
    """Every table the report and the workbook print, in order (the judges' spread is not among
    them: it is for the organisers' eyes only)."""
    return [
        overview_table(figures),
        grade_table(figures),
        class_table(figures),
        competition_table(figures),
        grade_awards_table(figures),
        class_awards_table(figures),
        named_awards_table(figures),
        points_ranking_table(figures),
        recommended_table(figures),
        recommended_counts_table(figures),
        higher_levels_table(figures),
        practice_items_table(figures),
        practice_grades_table(figures),
        practice_classes_table(figures),
        teacher_contests_table(figures),
    ]
