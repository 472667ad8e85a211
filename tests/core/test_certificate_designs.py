"""The built-in certificate designs: laid out for the paper without distortion, drawn once per PDF,
fields placed in the design's text area, text that fits (or is reported), the seal over the issuer
as ink, the two ways of writing the date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from fest_desktop.certificates.batch import batch_notes
from fest_desktop.certificates.designs import draw_design, text_area
from fest_desktop.certificates.drawing import certificates_pdf, prepare_seal
from fest_desktop.certificates.items import Group, Picture, Shape, TextRun
from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.kinds import DateStyle, DesignKind, TemplateKind
from fest_desktop.certificates.layout import fit_problems, lay_out_certificates
from fest_desktop.certificates.templates import (
    TemplateInfo,
    apply_design,
    default_templates,
    paper_size,
    template_for,
)

PAPERS = {
    "A4 横向": paper_size("A4", True),
    "A4 纵向": paper_size("A4", False),
    "A3 横向": paper_size("A3", True),
    "A5 纵向": paper_size("A5", False),
    "自定义 260×180": (260.0, 180.0),
}


def job_for(kind: TemplateKind, name: str = "张子涵", **values: str) -> CertificateJob:
    """A certificate as the register would hand it over, with the values the fields read."""
    filled = {
        "姓名": name,
        "班级": "三年级(2)班",
        "获奖": "科技创新绘画比赛三年级组一等奖",
        "学校": "启明实验学校",
        "科技节": "第十届校园科技节",
        "作者": name,
        "证书编号": "KJJ2026-0001",
        **values,
    }
    return CertificateJob(
        1, 1, kind, name, "三年级(2)班", "entry:1", "一等奖", filled, dt.date(2026, 12, 2), "KJJ2026-0001"
    )


def on_paper(kind: TemplateKind, design: DesignKind, size: tuple[float, float]) -> TemplateInfo:
    template = dataclasses.replace(
        template_for(default_templates(), kind),
        width_mm=size[0],
        height_mm=size[1],
        landscape=size[0] > size[1],
    )
    return apply_design(template, design)


def shape_points(shape: Shape) -> list[tuple[float, float]]:
    points = []
    for _operation, numbers in shape.steps:
        points += list(zip(numbers[0::2], numbers[1::2], strict=True))
    return points


@pytest.mark.parametrize("design", list(DesignKind))
@pytest.mark.parametrize("paper", list(PAPERS))
def test_a_design_is_laid_out_for_its_paper_not_stretched(design: DesignKind, paper: str) -> None:
    width, height = PAPERS[paper]
    shapes = [item for item in draw_design(design, width, height) if isinstance(item, Shape)]
    assert shapes
    points = [point for shape in shapes for point in shape_points(shape)]
    # Everything on the paper, and the border close to its edges on all four sides.
    assert all(-0.01 <= x <= width + 0.01 and -0.01 <= y <= height + 0.01 for x, y in points)
    reach = min(width, height) * 0.08
    assert min(x for x, _ in points) < reach and max(x for x, _ in points) > width - reach
    assert min(y for _, y in points) < reach and max(y for _, y in points) > height - reach
    # The ornaments keep their proportions: the widest pen is the same on every size, scaled with the
    # short side, never stretched one way.
    scale = min(width, height) / 210
    widest = max(shape.width for shape in shapes if shape.stroke)
    assert widest == pytest.approx(max(s.width for s in draw_design(design, 297, 210) if s.stroke) * scale)  # type: ignore[union-attr]


def test_the_fret_border_holds_whole_motifs_on_every_side() -> None:
    for width, height in PAPERS.values():
        unit = 6 * min(width, height) / 210
        steps = [item for item in draw_design(DesignKind.MONO, width, height) if isinstance(item, Shape)]
        motifs = [shape for shape in steps if len(shape.steps) == 7]  # one 回 of the running band
        assert len(motifs) > 40
        lengths = {
            round(abs(b[0] - a[0]) + abs(b[1] - a[1]), 3) for a, b in (shape_points(m)[1:3] for m in motifs)
        }
        # Each motif is its nominal width give or take what makes a whole number fit the side.
        assert all(0.8 * unit * 0.86 <= length <= 1.25 * unit * 0.86 for length in lengths)


@pytest.mark.parametrize("kind", list(TemplateKind))
@pytest.mark.parametrize("paper", ["A4 横向", "A4 纵向", "A3 横向"])
def test_every_field_of_a_design_sits_in_its_text_area(kind: TemplateKind, paper: str) -> None:
    width, height = PAPERS[paper]
    template = on_paper(kind, DesignKind.FORMAL, (width, height))
    left, top, right, bottom = text_area(width, height)
    for item in template.fields:
        if item.name in ("证书编号", "二维码"):  # small, at the foot, between the corner ornaments
            assert top < item.y_mm < height - 14 * min(width, height) / 210
            continue
        assert left - 0.1 <= item.x_mm and item.x_mm + item.width_mm <= right + 0.1, item.name
        assert top - 0.1 <= item.y_mm <= bottom, item.name
    assert template.field("标题").colour == "#B71C1C"


@pytest.mark.parametrize(
    "name", ["王芳", "张子涵", "欧阳子涵", "司马相如琪", "Anna Lee", "阿卜杜热合曼·买买提"]
)
def test_names_of_any_length_stay_in_their_line(name: str) -> None:
    template = on_paper(TemplateKind.STUDENT, DesignKind.FORMAL, PAPERS["A4 横向"])
    job = job_for(TemplateKind.STUDENT, name)
    assert fit_problems(template, [job]) == []
    greeting = template.field("称呼")
    sheet = lay_out_certificates(template, [job])[0]
    runs = [item for item in sheet.items if isinstance(item, TextRun) and name[:2] in item.text]
    assert runs and all(run.x >= greeting.x_mm - 0.01 for run in runs)


def test_a_team_of_twenty_in_the_body_wraps_and_steps_down_within_its_box() -> None:
    template = on_paper(TemplateKind.STUDENT, DesignKind.FORMAL, PAPERS["A4 横向"])
    body = template.field("正文")
    template = template.with_field(
        dataclasses.replace(body, text="　　{作者}在{科技节}中荣获{获奖}。特发此证，以资鼓励。")
    )
    team = "、".join(f"{surname}子涵" for surname in "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高")
    job = job_for(TemplateKind.STUDENT, "王子涵", 作者=team)
    assert fit_problems(template, [job]) == []
    sheet = lay_out_certificates(template, [job])[0]
    body_runs = [item for item in sheet.items if isinstance(item, TextRun) and item.baseline > body.y_mm]
    assert body_runs[0].size < body.size  # stepped down to fit
    body_bottom = body.y_mm + body.height_mm
    lines = sorted({round(run.baseline, 2) for run in body_runs if run.baseline < body_bottom + 2})
    assert lines[-1] <= body_bottom + 1


def test_text_that_cannot_fit_is_reported_before_printing_naming_the_certificate() -> None:
    template = on_paper(TemplateKind.STUDENT, DesignKind.FORMAL, PAPERS["A4 横向"])
    long_school = "某某省某某市某某区某某街道某某社区" * 4 + "实验学校"
    job = job_for(TemplateKind.STUDENT, 学校=long_school)
    problems = fit_problems(template, [job])
    assert problems and problems[0].startswith("KJJ2026-0001：「落款」的内容太长")
    assert problems[0] in batch_notes(template, [job])


def test_no_line_starts_with_a_punctuation_mark() -> None:
    template = on_paper(TemplateKind.STUDENT, DesignKind.FORMAL, PAPERS["A4 纵向"])
    job = job_for(TemplateKind.STUDENT)
    sheet = lay_out_certificates(template, [job])[0]
    starts = {}
    for item in sheet.items:
        if isinstance(item, TextRun):
            starts.setdefault(round(item.baseline, 2), item.text)
    assert all(not re.match(r"[，。、；：？！）」』”]", text) for text in starts.values()), starts


def seal_png() -> bytes:
    """A red seal scanned on white paper."""
    image = Image.new("RGB", (100, 100), (255, 255, 255))
    for x in range(100):
        for y in range(100):
            if (x - 50) ** 2 + (y - 50) ** 2 < 40**2:
                image.putpixel((x, y), (200, 20, 30))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_the_seal_s_white_becomes_transparent_and_its_ink_stays() -> None:
    prepared = Image.open(io.BytesIO(prepare_seal(seal_png())))
    assert prepared.mode == "RGBA"
    assert prepared.getpixel((2, 2))[3] == 0  # the paper
    assert prepared.getpixel((50, 50)) == (200, 20, 30, 255)  # the ink


def test_the_seal_lies_over_the_issuer_and_the_date_as_ink(tmp_path: Path) -> None:
    template = dataclasses.replace(
        on_paper(TemplateKind.STUDENT, DesignKind.FORMAL, PAPERS["A4 横向"]), seal=prepare_seal(seal_png())
    )
    job = job_for(TemplateKind.STUDENT)
    sheet = lay_out_certificates(template, [job])[0]
    [seal] = [item for item in sheet.items if isinstance(item, Picture)]
    assert seal.multiply and seal.width == pytest.approx(42)
    issuer = [
        item
        for item in sheet.items
        if isinstance(item, TextRun) and item.text in ("启明实验学校", "二〇二六年十二月二日")
    ]
    assert len(issuer) == 2
    centre = seal.x + seal.width / 2
    for run in issuer:  # the seal's centre over each line, as documents are stamped
        assert seal.y <= run.baseline <= seal.y + seal.height
        assert run.x < centre < run.x + len(run.text) * run.size * 25.4 / 72
    path = tmp_path / "seal.pdf"
    path.write_bytes(certificates_pdf(template, [job]))
    states = PdfReader(path).pages[0]["/Resources"]["/ExtGState"]
    assert any(state.get_object().get("/BM") == "/Multiply" for state in states.values())
    without = dataclasses.replace(
        template, fields=tuple(dataclasses.replace(f, visible=f.name != "印章") for f in template.fields)
    )
    assert not [item for item in lay_out_certificates(without, [job])[0].items if isinstance(item, Picture)]


@pytest.mark.parametrize(
    ("style", "written"), [(DateStyle.CHINESE, "二〇二六年十二月二日"), (DateStyle.DIGITS, "2026年12月2日")]
)
def test_the_date_is_written_as_the_template_says(style: DateStyle, written: str) -> None:
    template = dataclasses.replace(
        on_paper(TemplateKind.STUDENT, DesignKind.MONO, PAPERS["A4 横向"]), date_style=style
    )
    sheet = lay_out_certificates(template, [job_for(TemplateKind.STUDENT)])[0]
    assert written in [item.text for item in sheet.items if isinstance(item, TextRun)]


def test_a_design_is_drawn_once_per_pdf_and_left_out_when_overprinting(tmp_path: Path) -> None:
    template = on_paper(TemplateKind.STUDENT, DesignKind.FORMAL, PAPERS["A4 横向"])
    jobs = [job_for(TemplateKind.STUDENT, name) for name in ("王芳", "李梓轩", "刘欣怡")]
    path = tmp_path / "three.pdf"
    path.write_bytes(certificates_pdf(template, jobs))
    forms = set()
    for page in PdfReader(path).pages:
        placed = page["/Resources"]["/XObject"]
        forms |= {x.idnum for x in placed.values() if x.get_object()["/Subtype"] == "/Form"}
    assert len(forms) == 1  # one design object, placed on each of the three pages
    overprint = lay_out_certificates(template, jobs, with_background=False)
    assert not [item for sheet in overprint for item in sheet.items if isinstance(item, Group)]


def photo_of_a_seal(paper: tuple[int, int, int], ink: tuple[int, int, int]) -> bytes:
    """A seal photographed by a phone: on paper of some shade, darker towards one side (the phone's
    shadow), with a little noise, the ink a dull red."""
    import random

    from PIL import ImageDraw

    rng = random.Random(7)
    image = Image.new("RGB", (300, 300), paper)
    draw = ImageDraw.Draw(image)
    for y in range(300):
        shade = 0.8 + 0.2 * y / 300
        draw.line([(0, y), (300, y)], fill=tuple(round(c * shade) for c in paper))
    draw.ellipse((40, 40, 260, 260), outline=ink, width=14)
    draw.regular_polygon((150, 150, 40), 5, fill=ink)
    for _ in range(3000):
        x, y = rng.randrange(300), rng.randrange(300)
        r, g, b = image.getpixel((x, y))  # type: ignore[misc]
        n = rng.randint(-8, 8)
        image.putpixel((x, y), (r + n, g + n, b + n))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.mark.parametrize(
    ("paper", "ink"),
    [((150, 150, 150), (120, 25, 30)), ((205, 195, 165), (165, 45, 40)), ((95, 95, 100), (90, 20, 25))],
    ids=["grey paper", "yellowed paper", "dim photo"],
)
def test_a_seal_photographed_on_grey_paper_keeps_its_red_and_loses_the_paper(
    paper: tuple[int, int, int], ink: tuple[int, int, int]
) -> None:
    prepared = Image.open(io.BytesIO(prepare_seal(photo_of_a_seal(paper, ink)))).convert("RGBA")
    pixels = prepared.load()
    # The paper, light or in shadow, is gone: no grey square around the seal.
    for x, y in ((5, 5), (295, 5), (5, 295), (295, 295), (150, 20), (100, 150)):
        assert pixels[x, y][3] == 0, (x, y, pixels[x, y])
    paper_left = sum(1 for x in range(0, 300, 3) for y in range(0, 300, 3) if pixels[x, y][3] > 0)
    ink_ring = [pixels[150, 46], pixels[46, 150], pixels[150, 150]]
    for red, green, blue, alpha in ink_ring:
        assert alpha == 255
        assert red > 170 and red - max(green, blue) > 110  # red as a seal is, lifted off the grey
    assert paper_left < 0.25 * 100 * 100  # the ring and the star, not the page
