"""The office documents as an office expects them: 第 X 页 共 Y 页 on every page of a longer PDF and
none on a single page; the issuing body, the date and 盖章 at the foot of the 公示 and the 总结报告;
table cells never broken inside a number or a date; columns fitted to what they hold; the title in the
heavy face; chart labels wrapped, never cut."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.kinds import competition_list_key
from fest_desktop.awards.notices import write_notice_pdf
from fest_desktop.files.pdf import (
    TITLE_PDF_FONT,
    build_document,
    cell_lines,
    closing_block,
    document_styles,
    fitted_widths,
    heavy,
    register_chinese_font,
    ruled_table,
)
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from fest_desktop.summary.report import category_labels
from tests.core.award_fixture import Throws, make_throws
from tests.pdf_checks import fonts, page_count, page_text

FOOT = re.compile(r"第 (\d+) 页\s*共 (\d+) 页")


def document(path: Path, rows: int) -> Path:
    table = [["序号", "日期", "活动内容"], *([str(n), "11月9日–11月11日", "科普讲座"] for n in range(rows))]
    story = [
        Paragraph(heavy("启明实验学校第十届校园科技节活动安排表"), document_styles()["title"]),
        ruled_table(table, fitted_widths(table, A4[0] - 70)),
        closing_block("启明实验学校", dt.date(2026, 5, 8)),
    ]
    build_document(path, story, A4, "活动安排表", "启明实验学校")
    return path


def test_every_page_of_a_longer_document_is_numbered_and_a_single_page_is_not(tmp_path: Path) -> None:
    long = document(tmp_path / "long.pdf", 120)
    pages = page_count(long)
    assert pages >= 3
    for index in range(pages):
        found = FOOT.search(page_text(long, index))
        assert found is not None and found.groups() == (str(index + 1), str(pages)), index
    short = document(tmp_path / "short.pdf", 3)
    assert page_count(short) == 1 and FOOT.search(page_text(short, 0)) is None
    assert all(fonts(long).values())
    assert any(TITLE_PDF_FONT in name for name in fonts(long))  # the title in the heavy face
    # The issuing body and date end the document, once, on its last page.
    last = page_text(long, pages - 1)
    assert "单位（盖章）：" in last and "启明实验学校科技节组委会" in last and "2026年5月8日" in last
    assert all("单位（盖章）" not in page_text(long, index) for index in range(pages - 1))


def test_a_cell_breaks_between_dates_and_numbers_never_inside_one() -> None:
    font = register_chinese_font()
    narrow = stringWidth("11月11日–", font, 9) + 1
    assert cell_lines("11月9日–11月11日", font, 9, narrow) == ["11月9日–", "11月11日"]
    assert cell_lines("14:00–15:30", font, 9, stringWidth("14:00–", font, 9) + 1) == ["14:00–", "15:30"]
    assert cell_lines("2026年5月8日至5月12日", font, 9, stringWidth("2026年5月8日至", font, 9) + 1) == [
        "2026年5月8日至",
        "5月12日",
    ]
    assert cell_lines("成绩 10.19 秒", font, 9, stringWidth("10.19", font, 9)) == ["成绩", "10.19", "秒"]
    # No line of running text left with one character: 制作与 / 检查, not 制作与检 / 查.
    assert cell_lines("制作与检查", font, 9, stringWidth("制作与检", font, 9) + 1) == ["制作与", "检查"]
    # An award list of names still breaks between the names.
    assert cell_lines("谢宇航、李梓轩、王一诺", font, 9, stringWidth("谢宇航、李", font, 9)) == [
        "谢宇航、",
        "李梓轩、",
        "王一诺",
    ]


def test_columns_are_fitted_to_what_they_hold() -> None:
    font = register_chinese_font()
    rows = [
        ["组别", "奖项", "获奖者", "作品"],
        ["一年级", "一等奖", "欧阳子涵、司马相如、诸葛明亮", "用废旧纸盒做的自动浇花器"],
        ["一年级", "二等奖", "王芳", "未来的城市"],
    ]
    total = 400.0
    widths = fitted_widths(rows, total)
    assert sum(widths) == pytest.approx(total)
    # Whatever a column must keep whole fits: the longest name, a level, the heading.
    assert widths[2] >= stringWidth("司马相如、", font, 9) + 12
    assert widths[1] >= stringWidth("一等奖", font, 9) + 12
    # Room enough for everything on one line: no column wraps while another stands half empty.
    wide = fitted_widths(rows, 1000.0)
    for column in range(4):
        longest = max(stringWidth(row[column], font, 9) for row in rows)
        assert wide[column] >= longest + 12


def test_chart_labels_are_wrapped_whole_and_tilted_only_when_they_must() -> None:
    font = register_chinese_font()
    names = ["科技创新小制作与小发明", "科普板报比赛", "科技小论文与观察日记", "电脑作品", "手抛飞机"]
    labels, lines, tilted = category_labels(names, 420, font, 8)
    assert not tilted and lines >= 2
    assert [label.replace("\n", "") for label in labels] == names  # nothing cut, no …
    grades = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二", "初三"]
    labels, lines, tilted = category_labels(grades, 420, font, 8)
    assert labels == grades and lines == 1 and not tilted  # room to spare: level, one line
    many = [f"科技创新小制作比赛第{n}组" for n in range(30)]
    assert category_labels(many, 420, font, 8)[2]  # thirty names cannot stand side by side


@pytest.fixture
def throws(db: Database, festival: FestivalInfo) -> Throws:
    made = make_throws(db, festival, {"张子涵": "王芳", "李梓轩": "", "刘欣怡": ""})
    made.throw(db, {"张子涵": 20, "李梓轩": 18, "刘欣怡": 17})
    assign_awards(db, festival.id)
    finalise(db, festival.id, competition_list_key(made.competition.id), confirmed=True)
    return made


def test_the_notice_ends_with_the_issuing_body_the_date_and_the_seal(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    path = tmp_path / "公示.pdf"
    write_notice_pdf(db, throws.festival_id, path)
    text = page_text(path, page_count(path) - 1)
    assert "单位（盖章）：" in text and "启明实验学校科技节组委会" in text
    today = dt.date.today()
    assert f"{today.year}年{today.month}月{today.day}日" in text  # the day it was finalised, posted
    assert any(TITLE_PDF_FONT in name for name in fonts(path))
