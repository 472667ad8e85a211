"""The 科技节总结报告: a cover, the figures with their charts drawn as vectors in the bundled font, the
named awards, the 推荐 works and the teacher's 总结 (PDF, A4); and the same tables as a workbook with
one sheet per table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fest_desktop.errors import ValidationError
from fest_desktop.files.pdf import (
    build_document,
    closing_block,
    document_styles,
    fitted_widths,
    heavy,
    register_chinese_font,
    register_title_font,
    ruled_table,
    wrap_text,
)
from fest_desktop.files.workbooks import put_row, save_workbook, sheet_title
from fest_desktop.storage.database import Database
from fest_desktop.summary.figures import SummaryFigures, figures_of
from fest_desktop.summary.tables import report_tables
from fest_desktop.summary.text import awards_sentence, draft_summary, entries_phrase, summary_text_of

# Award levels in the charts, best first: warm to cool, readable in grey when printed.
LEVEL_COLOURS = ("#c0392b", "#e67e22", "#f1c40f", "#3498db", "#16a085", "#8e44ad")


def write_summary_report(db: Database, festival_id: int, path: Path) -> None:
    """The 科技节总结报告 as .pdf or .xlsx, with the saved 总结 (else the first draft from the figures)."""
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError(f"总结报告只能保存为 .pdf 或 .xlsx，不能是「{path.suffix or path.name}」。")
    with db.session() as session:
        figures = figures_of(session, festival_id)
        summary = summary_text_of(session, festival_id) or draft_summary(figures)
    if suffix == ".pdf":
        _write_pdf(path, figures, summary)
    else:
        _write_xlsx(path, figures, summary)


def _write_xlsx(path: Path, figures: SummaryFigures, summary: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    first = workbook.active
    first.title = "总结"
    put_row(first, [f"{figures.festival.title}总结"])
    first["A1"].font = Font(size=14, bold=True)
    for paragraph in summary.splitlines():
        put_row(first, [paragraph])
        first.cell(row=first.max_row, column=1).alignment = Alignment(wrap_text=True)
    first.column_dimensions["A"].width = 100
    used = {first.title}
    for table in report_tables(figures):
        sheet = workbook.create_sheet(sheet_title(table.title, used))
        for values in (table.header, *table.rows):
            put_row(sheet, list(values))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column_cells in sheet.iter_cols():
            longest = max(len(str(c.value if c.value is not None else "")) for c in column_cells)
            sheet.column_dimensions[column_cells[0].column_letter].width = min(max(8, longest * 2 + 2), 40)
        sheet.freeze_panes = "A2"
    save_workbook(workbook, path)


def _write_pdf(path: Path, figures: SummaryFigures, summary: str) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    styles = document_styles()
    font = register_chinese_font()
    cover_title = ParagraphStyle(
        "cover", fontName=register_title_font(), fontSize=30, leading=44, alignment=1
    )
    heading = ParagraphStyle(
        "heading", fontName=font, fontSize=14, leading=22, spaceBefore=8, spaceAfter=4, keepWithNext=1
    )
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=19, firstLineIndent=22, wordWrap="CJK")
    festival = figures.festival
    width = A4[0] - 24 * mm
    story: list[Any] = [
        Spacer(1, 60 * mm),
        Paragraph(escape(festival.school_name), styles["title"]),
        Spacer(1, 8 * mm),
        Paragraph(heavy(f"{festival.name}总结报告"), cover_title),
        Spacer(1, 10 * mm),
    ]
    if festival.theme:
        story.append(Paragraph(escape(f"主题：{festival.theme}"), styles["title"]))
    story += [
        Spacer(1, 6 * mm),
        Paragraph(
            f"{festival.start_date.year}年{festival.start_date.month}月{festival.start_date.day}日 — "
            f"{festival.end_date.year}年{festival.end_date.month}月{festival.end_date.day}日",
            styles["subtitle"],
        ),
        PageBreak(),
        Paragraph("一、总结", heading),
        *(Paragraph(escape(p), body) for p in summary.splitlines() if p.strip()),
        Paragraph("二、参与情况", heading),
        Paragraph(
            escape(
                f"参加班级 {figures.headline.classes_taking_part} 个，参加学生 {figures.headline.participants} 人，"
                f"参与率 {figures.headline.share:.0%}；{entries_phrase(figures.headline)}，"
                f"{awards_sentence(figures.headline, figures.levels)}。"
            ),
            body,
        ),
        bar_chart(
            "各年级参与率（%）",
            [g.grade for g in figures.grades],
            [("参与率", [round(g.share * 100) for g in figures.grades])],
            width,
        ),
        bar_chart(
            "各项目作品数",
            [c.name for c in figures.competitions],
            [("作品", [c.entries for c in figures.competitions])],
            width,
        ),
        *(
            [
                bar_chart(
                    "科普实践各项目完成率（%）",
                    [item.name for item in figures.practice.items],
                    [("完成率", [round(item.tally.share * 100) for item in figures.practice.items])],
                    width,
                )
            ]
            if figures.practice and figures.practice.items
            else []
        ),
        Paragraph("三、获奖情况", heading),
        bar_chart(
            "各年级获奖（按等级）",
            [g.grade for g in figures.grades],
            [
                (level, [figures.awards_by_grade.get(g.grade, {}).get(level, 0) for g in figures.grades])
                for level in figures.levels
            ],
            width,
            stacked=True,
        ),
    ]
    if figures.previous is not None:
        previous = figures.previous
        story.append(
            bar_chart(
                "与上届比较",
                ["参加学生", "作品", *figures.levels],
                [
                    (
                        "上届",
                        [
                            previous.participants,
                            previous.entries,
                            *(previous.awards.get(lv, 0) for lv in figures.levels),
                        ],
                    ),
                    (
                        "本届",
                        [
                            figures.headline.participants,
                            figures.headline.entries,
                            *(figures.headline.awards.get(lv, 0) for lv in figures.levels),
                        ],
                    ),
                ],
                width,
            )
        )
    story.append(Paragraph("四、统计表", heading))
    for table in report_tables(figures):
        if not table.rows:
            continue
        rows = [[str(v) for v in table.header], *([str(v) for v in row] for row in table.rows)]
        story += [
            Paragraph(escape(table.title), styles["subtitle"]),
            Spacer(1, 2 * mm),
            ruled_table(rows, fitted_widths(rows, width)),
            Spacer(1, 5 * mm),
        ]
    story.append(closing_block(festival.school_name, dt.date.today()))
    build_document(path, story, A4, f"{festival.title}总结报告", festival.school_name)


def category_labels(
    categories: Sequence[str], chart_width: float, font: str, size: float
) -> tuple[list[str], int, bool]:
    """The categories as a chart's labels: each whole, wrapped to at most three lines within its bar's
    share of the width (科技创新小制作 / 比赛); tilted only when even that does not fit. With the
    number of lines and whether they are tilted."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = chart_width / max(1, len(categories)) - 4
    wrapped = [wrap_text(name, font, size, room) for name in categories]
    if all(len(lines) <= 3 for lines in wrapped) and all(
        stringWidth(line, font, size) <= room for lines in wrapped for line in lines
    ):
        return (
            ["\n".join(lines) for lines in wrapped],
            max((len(lines) for lines in wrapped), default=1),
            False,
        )
    return list(categories), 1, True


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    width: float,
    *,
    stacked: bool = False,
    height: float = 190,
) -> Any:
    """A bar chart drawn by ReportLab as vectors, labelled in the bundled font, with a legend when it
    has more than one series."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    font = register_chinese_font()
    drawing = Drawing(width, height)
    drawing.add(String(width / 2, height - 14, title, fontName=font, fontSize=11, textAnchor="middle"))
    chart = VerticalBarChart()
    chart.width = width - (150 if len(series) > 1 else 60)
    _names, lines, tilted = category_labels(categories, chart.width, font, 8)
    # Room under the bars for the labels: their lines, or a tilted line's reach.
    below = 24 + (36 if tilted else 10 * lines)
    chart.x, chart.y = 36, below
    chart.height = height - below - 30
    chart.data = [list(values) or [0] for _name, values in series]
    names, lines, tilted = category_labels(categories, chart.width, font, 8)
    chart.categoryAxis.categoryNames = names or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.leading = 9.5
    chart.categoryAxis.labels.angle = 30 if tilted else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if tilted else "n"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max((sum(col) if stacked else max(col, default=0)) for col in zip(*chart.data, strict=True))
    chart.valueAxis.valueMax = max(1, top * 1.15)
    if stacked:
        chart.categoryAxis.style = "stacked"
    for index in range(len(series)):
        chart.bars[index].fillColor = colors.HexColor(LEVEL_COLOURS[index % len(LEVEL_COLOURS)])
        chart.bars[index].strokeColor = None
    chart.barLabels.fontName = font
    if not stacked and len(series) == 1:
        chart.barLabels.fontSize = 7
        chart.barLabelFormat = "%d"
        chart.barLabels.nudge = 6
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = width - 100, height - 40
        legend.fontName = font
        legend.fontSize = 9
        legend.columnMaximum = 10
        legend.colorNamePairs = [
            (colors.HexColor(LEVEL_COLOURS[i % len(LEVEL_COLOURS)]), name)
            for i, (name, _v) in enumerate(series)
        ]
        drawing.add(legend)
    return drawing
