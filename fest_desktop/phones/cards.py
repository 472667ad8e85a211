"""评委扫码卡: one card per judge, six to an A4 page, with the judge's private link as a QR code and
the PIN for typing the address by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fest_desktop.errors import FestError
from fest_desktop.files.pdf import draw_qr_code, write_cut_sheets
from fest_desktop.phones.addresses import page_url
from fest_desktop.phones.links import JudgeLinkInfo, links_in
from fest_desktop.registration.competitions import competition_row
from fest_desktop.school.festivals import festival_of
from fest_desktop.storage.database import Database

COLUMNS, ROWS = 2, 3
MARGIN_MM = 8.0


def write_cards(db: Database, competition_id: int, path: Path, address: str, port: int) -> int:
    """The competition's judges' cards for a server at address:port; returns the number of cards."""
    with db.session() as session:
        competition = competition_row(session, competition_id)
        festival = festival_of(session, competition.festival_id)
        heading = f"{festival.school_name}{festival.name}"
        links = links_in(session, competition_id)
    if not links:
        raise FestError("这个比赛项目还没有评委：请先在「评委组…」里添加评委。")
    draw_cards(path, heading, links, page_url(address, port))
    return len(links)


def draw_cards(path: Path, heading: str, links: list[JudgeLinkInfo], base: str) -> None:
    write_cut_sheets(
        path,
        f"{heading} 评委扫码卡",
        heading,
        links,
        COLUMNS,
        ROWS,
        MARGIN_MM,
        lambda canvas, font, link, x, y, w, h: _card(canvas, font, heading, link, base, x, y, w, h),
    )


def _card(
    canvas: Any,
    font: str,
    heading: str,
    link: JudgeLinkInfo,
    base: str,
    x: float,
    y: float,
    w: float,
    h: float,
) -> None:
    from reportlab.lib.units import mm

    pad = 6 * mm
    top = y + h - pad
    canvas.setFillGray(0.35)
    canvas.setFont(font, 8)
    canvas.drawString(x + pad, top - 6, f"{heading} · 手机评分")
    canvas.setFillColorRGB(0.7, 0.15, 0.12)
    canvas.setFont(font, 14)
    canvas.drawString(x + pad, top - 24, link.competition)
    canvas.setFillGray(0)
    canvas.setFont(font, 20)
    canvas.drawString(x + pad, top - 50, f"评委：{link.judge_name}")
    qr = 44 * mm
    draw_qr_code(canvas, link.url(base), x + w - pad - qr, y + pad, qr)
    canvas.setFont(font, 9)
    canvas.setFillGray(0.35)
    canvas.drawString(x + pad, top - 74, "评分码")
    canvas.setFillGray(0)
    canvas.setFont(font, 22)
    canvas.drawString(x + pad, top - 98, link.pin_text)
    canvas.setFillGray(0.25)
    lines = [
        "用微信或手机浏览器",
        "扫右边的码即可评分。",
        "也可打开：",
        base,
        "再输入评分码。",
        "卡片丢失请告知管理员",
        "作废重发。",
    ]
    for number, line in enumerate(lines):
        canvas.setFont(font, 7.5 if line == base else 8.5)
        canvas.drawString(x + pad, y + pad + (len(lines) - 1 - number) * 11, line)
