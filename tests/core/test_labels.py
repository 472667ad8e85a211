"""Entry labels: eight to a page, the Chinese font embedded, a QR code that reads back the number."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from fest_desktop.errors import FestError
from fest_desktop.files.pdf import register_chinese_font, wrap_text
from fest_desktop.registration.competitions import list_competitions
from fest_desktop.registration.entries import EntryDraft, create_entry
from fest_desktop.registration.labels import LABELS_PER_PAGE, write_labels
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from tests.core.school_fixture import SmallSchool, make_small_school
from tests.pdf_checks import fonts, page_count, page_text, render_page


@pytest.fixture
def small(db: Database, festival: FestivalInfo) -> SmallSchool:
    school = make_small_school(db, festival)
    add_preset(db, festival.id, "科普板报")
    making = add_preset(db, festival.id, "小制作").value
    for name, class_name in (
        ("张子涵", "三年级(1)班"),
        ("李梓轩", "三年级(1)班"),
        ("王一诺", "三年级(1)班"),
        ("刘欣怡", "三年级(2)班"),
        ("杨诗琪", "三年级(2)班"),
        ("赵俊杰", "三年级(2)班"),
        ("黄思远", "三年级(2)班"),
        ("吴可馨", "一年级(1)班"),
    ):
        draft = EntryDraft(
            making.id,
            school.class_ids[class_name],
            subtype="小发明",
            title=f"{name}的发明",
            author_ids=(school.student_ids[name],),
            advisor="马老师",
        )
        create_entry(db, festival.id, draft, today=dt.date(2026, 4, 12))
    return school


def test_labels_fill_pages_of_eight_with_the_font_embedded(
    db: Database, small: SmallSchool, tmp_path: Path
) -> None:
    path = tmp_path / "labels.pdf"
    count = write_labels(db, small.festival_id, path)
    assert count == 8  # the eight inventions: a class's board has nothing to stick a label on
    assert page_count(path) == math.ceil(count / LABELS_PER_PAGE) == 1
    assert fonts(path) and all(fonts(path).values()), fonts(path)
    text = page_text(path, 0)
    for words in ("作品编号", "XZ-0001", "作品类型", "小发明", "指导老师"):
        assert words in text.replace(" ", "").replace("　", ""), words
    boards = next(c for c in list_competitions(db, small.festival_id) if c.code_prefix == "BB")
    assert write_labels(db, small.festival_id, path, competition_id=boards.id) == 3  # asked for by name
    assert "班级集体" in page_text(path, 0).replace(" ", "")


def test_the_qr_code_reads_back_the_entry_number(
    db: Database, small: SmallSchool, tmp_path: Path, qapp: object
) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    path = tmp_path / "labels.pdf"
    making = next(c for c in list_competitions(db, small.festival_id) if c.code_prefix == "XZ")
    write_labels(db, small.festival_id, path, competition_id=making.id)
    decoded = sorted(code.text for code in zxingcpp.read_barcodes(render_page(path, 0)))
    assert decoded == [f"XZ-{n:04d}" for n in range(1, 9)]


def test_labels_of_one_class_only(db: Database, small: SmallSchool, tmp_path: Path) -> None:
    assert (
        write_labels(db, small.festival_id, tmp_path / "one.pdf", class_id=small.class_ids["一年级(1)班"])
        == 1  # its invention; its board has no label
    )


def test_no_entries_no_labels(db: Database, festival: FestivalInfo, tmp_path: Path) -> None:
    with pytest.raises(FestError, match="没有可打印标签的作品"):
        write_labels(db, festival.id, tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_chinese_wraps_at_any_character_within_the_width() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = register_chinese_font()
    text = "未来的城市会飞的房子和会说话的树木一起生活在云端"
    lines = wrap_text(text, font, 11, 100)
    assert "".join(lines) == text and len(lines) > 1
    assert all(stringWidth(line, font, 11) <= 100 for line in lines)


def test_a_table_cell_breaks_between_names_and_never_inside_one() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from fest_desktop.files.pdf import cell_lines, register_chinese_font

    font = register_chinese_font()
    narrow = stringWidth("谢宇航、李", font, 9)
    assert cell_lines("谢宇航、李梓轩、王一诺", font, 9, narrow) == ["谢宇航、", "李梓轩、", "王一诺"]
    assert cell_lines("10.19 秒", font, 9, stringWidth("10.19", font, 9)) == ["10.19", "秒"]
    long_title = "一个很长很长的作品题目没有任何分隔"
    assert "".join(cell_lines(long_title, font, 9, stringWidth("一个很长", font, 9))) == long_title
