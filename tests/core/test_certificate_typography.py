"""A certificate set as a 奖状 is: Chinese line breaking over long names and competitions (no line
starting with a closing mark or ending with an opening one, names and awards whole, no lone last
character, a break before 荣获 preferred), full-width brackets in class names, the name emphasised in
the heavy title face, and the QR code that reads back whatever it holds."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from PIL import Image

from fest_desktop.certificates.fonts import font_chain
from fest_desktop.certificates.kinds import DesignKind, TemplateKind
from fest_desktop.certificates.layout import EMPHASIS, field_pieces, lay_out_certificates, text_lines
from fest_desktop.certificates.linebreak import NO_LINE_END, NO_LINE_START, full_width_brackets
from fest_desktop.certificates.templates import (
    TITLE_FONT_LABEL,
    TemplateInfo,
    apply_design,
    default_templates,
    paper_size,
    template_for,
)
from fest_desktop.files.qr import qr_modules
from tests.core.test_certificate_designs import job_for

NAMES = ("王芳", "欧阳子涵", "龘靐齉爩", "阿卜杜热合曼·买买提", "Anna Lee", "司马相如琪")
COMPETITIONS = (
    "科技创新绘画比赛",
    "科普板报比赛",
    "青少年科技创新大赛暨机器人与人工智能综合实践竞赛",  # 24 characters
    "第三十九届全国青少年科技创新大赛校内选拔赛机器人综合技能",  # 27
    "“我心中的未来城市”科幻画与科技创新小制作小发明综合展评活动",  # 30, with quotation marks
)
GROUPS = ("一年级组", "三年级组", "小学组", "初中组", "")
LEVELS = ("一等奖", "二等奖", "三等奖", "优秀奖")


def template_on(kind: TemplateKind, landscape: bool) -> TemplateInfo:
    width, height = paper_size("A4", landscape)
    template = dataclasses.replace(
        template_for(default_templates(), kind), width_mm=width, height_mm=height, landscape=landscape
    )
    return apply_design(template, DesignKind.FORMAL)


def body_lines(template: TemplateInfo, values: dict[str, str]) -> list[str]:
    body = template.field("正文")
    return text_lines(body, field_pieces(body, values)).texts


def values_of(name: str, competition: str, group: str, level: str) -> dict[str, str]:
    award = f"{competition}{group}{level}"
    return {
        "姓名": name,
        "获奖": award,
        "比赛": competition,
        "组别": group,
        "奖项": level,
        "学校": "启明实验学校",
        "科技节": "第十届校园科技节",
    }


@pytest.mark.parametrize("landscape", [True, False])
def test_no_forbidden_break_over_long_names_and_competitions(landscape: bool) -> None:
    template = template_on(TemplateKind.STUDENT, landscape)
    seen = 0
    for name, competition, group, level in itertools.product(NAMES, COMPETITIONS, GROUPS, LEVELS):
        values = values_of(name, competition, group, level)
        lines = body_lines(template, values)
        where = f"{competition}{group}{level}: {lines}"
        assert len(lines) >= 2, where
        for line in lines[1:]:
            assert line and line[0] not in NO_LINE_START, where
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END, where
        # The group and the level read as one, on one line: 一年级组一等奖, never 一 / 年级组一等奖.
        assert any(f"{group}{level}" in line for line in lines), where
        # So do the school and the festival: never 在启明 / 实验学校.
        assert any("启明实验学校" in line for line in lines), where
        assert any("第十届校园科技节" in line for line in lines), where
        last = [char for char in lines[-1] if char not in NO_LINE_START]
        assert len(last) >= 2, where  # no lone last character (奖。)
        greeting = template.field("称呼")
        assert text_lines(greeting, field_pieces(greeting, values)).texts == [f"{name}同学："]
        seen += 1
    assert seen == len(NAMES) * len(COMPETITIONS) * len(GROUPS) * len(LEVELS)


def test_a_team_of_names_breaks_between_names_never_inside_one() -> None:
    template = template_on(TemplateKind.STUDENT, True)
    body = dataclasses.replace(template.field("正文"), text="　　{作者}在{科技节}中荣获{获奖}。")
    team = ["欧阳子涵", "司马相如", "诸葛明亮", "上官婉儿", "慕容复兴", "东方不败", "令狐冲天", "独孤求败"]
    values = {"作者": "、".join(team), "科技节": "第十届校园科技节", "获奖": "科普板报比赛小学组一等奖"}
    lines = text_lines(body, field_pieces(body, values)).texts
    assert len(lines) >= 2
    for name in team:
        assert any(name in line for line in lines), (name, lines)


def test_a_competition_s_name_is_broken_only_to_save_a_half_empty_line_and_then_between_words() -> None:
    fits = body_lines(
        template_on(TemplateKind.STUDENT, True),
        values_of("谢语嫣", "科技小论文与观察日记", "三年级组", "一等奖"),
    )
    assert any("科技小论文与观察日记三年级组一等奖" in line for line in fits), (
        fits
    )  # not 科技小论文 / 与观察日记
    longer = "科技创新小制作与小发明综合展评"
    broken = body_lines(
        template_on(TemplateKind.STUDENT, False), values_of("谢语嫣", longer, "三年级组", "一等奖")
    )
    assert not any(longer in line for line in broken), broken  # too long for the line: it must break
    assert not any(line.endswith("综") for line in broken), broken  # …小发明综合 / 展评, never 综 / 合


def test_a_break_before_荣获_is_preferred() -> None:
    template = template_on(TemplateKind.STUDENT, True)
    lines = body_lines(template, values_of("王芳", "", "小学组集体", "一等奖"))
    # The line could hold 荣获 too, but the award then reads on a line of its own.
    assert lines[0].endswith("中，") and lines[1].startswith("荣获小学组集体一等奖"), lines


def test_class_names_print_with_full_width_brackets() -> None:
    assert full_width_brackets("三年级(3)班") == "三年级（3）班"
    assert full_width_brackets("初一(12)班、三年级(2)班") == "初一（12）班、三年级（2）班"
    assert full_width_brackets("Anna Lee (US)") == "Anna Lee (US)"
    assert len(full_width_brackets("三(2)班")) == len("三(2)班")
    template = template_on(TemplateKind.CLASS, True)
    job = job_for(TemplateKind.CLASS, "三年级(3)班", 班级="三年级(3)班")
    text = "".join(run.text for run in lay_out_certificates(template, [job])[0].items if hasattr(run, "text"))
    assert "三年级（3）班" in text and "(" not in text and ")" not in text


def test_the_name_is_emphasised_in_the_title_face() -> None:
    template = template_on(TemplateKind.STUDENT, True)
    greeting = template.field("称呼")
    title = font_chain(TITLE_FONT_LABEL).primary
    runs = [
        item for item in lay_out_certificates(template, [job_for(TemplateKind.STUDENT, "张子涵")])[0].items
    ]
    name = next(run for run in runs if getattr(run, "text", "") == "张子涵")
    after = next(run for run in runs if getattr(run, "text", "") == "同学：")
    assert name.font == title and name.size == pytest.approx(greeting.size * EMPHASIS)  # type: ignore[union-attr]
    assert after.font != title and after.size == pytest.approx(greeting.size)  # type: ignore[union-attr]
    assert after.baseline == pytest.approx(name.baseline)  # type: ignore[union-attr]
    assert after.x > name.x  # type: ignore[union-attr]
    # A name the title face lacks a character of stays in one face, the field's own, still larger.
    rare = lay_out_certificates(template, [job_for(TemplateKind.STUDENT, "龘靐齉爩")])[0].items
    drawn = [run for run in rare if getattr(run, "text", "") and run.text in "龘靐齉爩"]
    assert drawn and all(run.font != title for run in drawn)  # type: ignore[union-attr]
    assert template.field("标题").font == TITLE_FONT_LABEL and 60 <= template.field("标题").size <= 90
    assert 20 <= template.field("正文").size <= 26


def test_the_award_phrase_of_every_kind_keeps_its_level_whole() -> None:
    from fest_desktop.certificates.linebreak import AWARD

    for phrase in ("三年级组一等奖", "小学组集体二等奖", "高中组特等奖", "初中组优秀奖", "优秀组织奖"):
        found = AWARD.search(phrase)
        assert found is not None and found.group() == phrase


def qr_image(text: str, scale: int = 4) -> Image.Image:
    count, cells = qr_modules(text)
    quiet = 4
    image = Image.new("L", ((count + 2 * quiet) * scale,) * 2, 255)
    for row, column in cells:
        image.paste(
            0,
            (
                (column + quiet) * scale,
                (row + quiet) * scale,
                (column + quiet + 1) * scale,
                (row + quiet + 1) * scale,
            ),
        )
    return image


@pytest.mark.parametrize("length", [1, 17, 40, 90, 200, 420, 800])
def test_the_qr_code_reads_back_whatever_it_holds(length: int) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    text = ("KJJ2026-0001|欧阳子涵|青少年科技创新大赛一年级组一等奖|7" * 30)[:length]
    decoded = zxingcpp.read_barcode(qr_image(text))
    assert decoded is not None and decoded.text == text


def test_the_title_face_is_bundled_small_with_its_licence_and_holds_gb_2312() -> None:
    from reportlab.pdfbase import pdfmetrics

    from fest_desktop.files.pdf import register_title_font
    from fest_desktop.resources import title_font_path

    path = title_font_path()
    assert path.stat().st_size < 4_000_000
    licence = (path.parent / "OFL-NotoSerifCJK.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and path.name in licence
    has = pdfmetrics.getFont(register_title_font()).face.charToGlyph
    hanzi = []
    for high in range(0xB0, 0xF8):  # GB 2312's 汉字 rows
        for low in range(0xA1, 0xFF):
            try:
                hanzi.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    assert len(hanzi) == 6763 and all(ord(char) in has for char in hanzi)


def test_a_template_s_texts_have_limits() -> None:
    from fest_desktop.certificates.templates import check_template
    from fest_desktop.errors import ValidationError

    template = template_on(TemplateKind.STUDENT, True)
    body = template.field("正文")
    with pytest.raises(ValidationError, match="内容最多 300 个字"):
        check_template(template.with_field(dataclasses.replace(body, text="在" * 301)))
    with pytest.raises(ValidationError, match="最多 50 个字"):
        check_template(dataclasses.replace(template, name="学" * 51))
    assert check_template(template.with_field(dataclasses.replace(body, text="在" * 300)))


def test_a_text_too_long_for_any_qr_code_is_refused_with_a_message() -> None:
    from fest_desktop.errors import ValidationError
    from fest_desktop.files.qr import qr_matrix

    assert qr_matrix("证" * 770)[0] == 177  # the largest version holds 2,331 bytes: 770 characters
    with pytest.raises(ValidationError, match="二维码的内容太长"):
        qr_matrix("证" * 1000)
