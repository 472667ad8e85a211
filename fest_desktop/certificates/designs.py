"""The built-in certificate designs: borders and ornaments drawn as vectors by the project's own code,
laid out for the page they are on (a border's motifs are counted to fit each side, never stretched),
and the place of each field within the design."""

from __future__ import annotations

import math

from fest_desktop.certificates.items import CLOSE, Item, Shape, Step
from fest_desktop.certificates.kinds import DesignKind

GOLD = "#B8862E"
DEEP_RED = "#B71C1C"
CINNABAR = "#C0392B"
INK = "#1A1A1A"

TITLE_COLOURS = {DesignKind.FORMAL: DEEP_RED, DesignKind.COLOUR: CINNABAR, DesignKind.MONO: INK}

KAPPA = 0.5523  # a quarter circle as one cubic curve


def _rect(x: float, y: float, width: float, height: float) -> list[Step]:
    return [
        ("M", (x, y)),
        ("L", (x + width, y)),
        ("L", (x + width, y + height)),
        ("L", (x, y + height)),
        CLOSE,
    ]


def _circle(cx: float, cy: float, r: float) -> list[Step]:
    k = KAPPA * r
    return [
        ("M", (cx + r, cy)),
        ("C", (cx + r, cy + k, cx + k, cy + r, cx, cy + r)),
        ("C", (cx - k, cy + r, cx - r, cy + k, cx - r, cy)),
        ("C", (cx - r, cy - k, cx - k, cy - r, cx, cy - r)),
        ("C", (cx + k, cy - r, cx + r, cy - k, cx + r, cy)),
        CLOSE,
    ]


def _spiral(cx: float, cy: float, radius: float, start: float, quarters: int, shrink: float) -> list[Step]:
    """A curl: quarter arcs turning inwards around (cx, cy), each shrink times the one before; start is
    the angle (degrees) of its outer end, and the curl turns the way the angle grows."""
    angle = math.radians(start)
    r = radius
    steps: list[Step] = [("M", (cx + r * math.cos(angle), cy + r * math.sin(angle)))]
    for _ in range(quarters):
        nxt = angle + math.pi / 2
        r2 = r * shrink
        x0, y0 = cx + r * math.cos(angle), cy + r * math.sin(angle)
        x3, y3 = cx + r2 * math.cos(nxt), cy + r2 * math.sin(nxt)
        steps.append(
            (
                "C",
                (
                    x0 - KAPPA * r * math.sin(angle),
                    y0 + KAPPA * r * math.cos(angle),
                    x3 + KAPPA * r2 * math.sin(nxt),
                    y3 - KAPPA * r2 * math.cos(nxt),
                    x3,
                    y3,
                ),
            )
        )
        angle, r = nxt, r2
    return steps


def _placed(steps: list[Step], x: float, y: float, scale: float, flip_x: bool, flip_y: bool) -> list[Step]:
    """Steps drawn in a unit box moved to (x, y), scaled and mirrored (for the four corners)."""
    sx, sy = (-scale if flip_x else scale), (-scale if flip_y else scale)
    placed: list[Step] = []
    for step in steps:
        operation, numbers = step
        moved: list[float] = []
        for index in range(0, len(numbers), 2):
            moved += [x + numbers[index] * sx, y + numbers[index + 1] * sy]
        placed.append((operation, tuple(moved)))
    return placed


def _cloud() -> list[list[Step]]:
    """祥云: a large curl with two smaller ones and a trailing tail, in a unit box pointing right and
    down from the corner (0, 0)."""
    return [
        _spiral(0.42, 0.42, 0.30, 180, 6, 0.78),
        _spiral(0.95, 0.30, 0.19, 90, 5, 0.75),
        _spiral(0.30, 0.95, 0.19, 270, 5, 0.75),
        [
            ("M", (0.12, 0.42)),
            ("C", (0.12, 0.08, 0.50, 0.02, 0.78, 0.10)),
            ("C", (1.05, 0.18, 1.25, 0.10, 1.45, 0.02)),
        ],
        [
            ("M", (0.42, 0.12)),
            ("C", (0.08, 0.12, 0.02, 0.50, 0.10, 0.78)),
            ("C", (0.18, 1.05, 0.10, 1.25, 0.02, 1.45)),
        ],
    ]


def _corner_clouds(left: float, top: float, right: float, bottom: float, size: float) -> list[list[Step]]:
    shapes = []
    for x, y, flip_x, flip_y in (
        (left, top, False, False),
        (right, top, True, False),
        (left, bottom, False, True),
        (right, bottom, True, True),
    ):
        shapes += [_placed(part, x, y, size, flip_x, flip_y) for part in _cloud()]
    return shapes


def _vine(x0: float, x1: float, y: float, amplitude: float) -> list[list[Step]]:
    """卷草: a wave from x0 to x1 along y, a small curl at each crest, as many waves as fit."""
    length = x1 - x0
    count = max(2, round(length / (amplitude * 5)))
    wave = length / count
    line: list[Step] = [("M", (x0, y))]
    curls: list[list[Step]] = []
    for index in range(count):
        start = x0 + index * wave
        up = -amplitude if index % 2 == 0 else amplitude
        line.append(("C", (start + wave * 0.35, y + up, start + wave * 0.65, y + up, start + wave, y)))
        crest = start + wave / 2
        curls.append(_spiral(crest, y + up * 1.25, amplitude * 0.45, 90 if up < 0 else 270, 5, 0.7))
    return [line, *curls]


def _fret_unit(u: float) -> list[tuple[float, float]]:
    """One unit of 回纹 in (along, across) from the band's outer edge: a squared spiral."""
    return [
        (0, u),
        (0, 0),
        (0.86 * u, 0),
        (0.86 * u, 0.72 * u),
        (0.3 * u, 0.72 * u),
        (0.3 * u, 0.36 * u),
        (0.58 * u, 0.36 * u),
    ]


def _fret_band(x: float, y: float, width: float, height: float, unit: float) -> list[list[Step]]:
    """回纹 running round a rectangle in a band unit wide inside its edge: each side holds a whole
    number of units (their size adjusted a little to fit), a 回 at each corner."""
    shapes: list[list[Step]] = []

    def side(length: float, to_page: tuple[float, float, float, float, float, float]) -> None:
        # to_page: (origin x, origin y, along→x, along→y, across→x, across→y)
        ox, oy, ax, ay, cx, cy = to_page
        count = max(1, round(length / unit))
        u = length / count

        def point(a: float, c: float) -> tuple[float, float]:
            return ox + a * ax + c * cx, oy + a * ay + c * cy

        for index in range(count):
            pattern = [point(index * u + a * (u / unit), c) for a, c in _fret_unit(unit)]
            shapes.append([("M", pattern[0]), *(("L", (px, py)) for px, py in pattern[1:])])
        shapes.append([("M", point(0, unit)), ("L", point(length, unit))])

    inner_w, inner_h = width - 2 * unit, height - 2 * unit
    side(inner_w, (x + unit, y, 1, 0, 0, 1))
    side(inner_w, (x + width - unit, y + height, -1, 0, 0, -1))
    side(inner_h, (x + width, y + unit, 0, 1, -1, 0))
    side(inner_h, (x, y + height - unit, 0, -1, 1, 0))
    for cx, cy in (
        (x, y),
        (x + width - unit, y),
        (x, y + height - unit),
        (x + width - unit, y + height - unit),
    ):
        shapes.append(_rect(cx, cy, unit, unit))
        shapes.append(_rect(cx + unit * 0.3, cy + unit * 0.3, unit * 0.4, unit * 0.4))
    return shapes


def _scale(width: float, height: float) -> float:
    """How large ornaments are: 1 on A4 (either way up), larger on A3, smaller on A5."""
    return min(width, height) / 210


def _formal(width: float, height: float) -> list[Item]:
    s = _scale(width, height)
    margin, band = 8 * s, 2.4 * s
    outer = _rect(margin, margin, width - 2 * margin, height - 2 * margin)
    inner = _rect(margin + band, margin + band, width - 2 * (margin + band), height - 2 * (margin + band))
    rule = margin + band + 3.2 * s
    items: list[Item] = [
        Shape(tuple(outer + inner), stroke="", fill=GOLD),
        Shape(tuple(_rect(rule, rule, width - 2 * rule, height - 2 * rule)), stroke=GOLD, width=0.5 * s),
    ]
    corner = rule + 2.5 * s
    for steps in _corner_clouds(corner, corner, width - corner, height - corner, 16 * s):
        items.append(Shape(tuple(steps), stroke=GOLD, width=0.7 * s))
    return items


def _colour(width: float, height: float) -> list[Item]:
    s = _scale(width, height)
    margin = 7 * s
    # Red and gold as a 奖状 is, in lines only: no fill over the page, little ink.
    items: list[Item] = [
        Shape(
            tuple(_rect(margin, margin, width - 2 * margin, height - 2 * margin)),
            stroke=CINNABAR,
            width=1.4 * s,
        ),
    ]
    second = margin + 2.6 * s
    items.append(
        Shape(
            tuple(_rect(second, second, width - 2 * second, height - 2 * second)), stroke=GOLD, width=0.45 * s
        )
    )
    corner = second + 2.5 * s
    for steps in _corner_clouds(corner, corner, width - corner, height - corner, 15 * s):
        items.append(Shape(tuple(steps), stroke=CINNABAR, width=0.8 * s))
    reach = corner + 24 * s
    for y in (second + 7 * s, height - second - 7 * s):
        for steps in _vine(reach, width - reach, y, 2.6 * s):
            items.append(Shape(tuple(steps), stroke=GOLD, width=0.55 * s))
    return items


def _mono(width: float, height: float) -> list[Item]:
    s = _scale(width, height)
    margin, unit = 8 * s, 6 * s
    items: list[Item] = [
        Shape(tuple(steps), stroke=INK, width=0.45 * s)
        for steps in _fret_band(margin, margin, width - 2 * margin, height - 2 * margin, unit)
    ]
    rule = margin + unit + 2.5 * s
    items.append(
        Shape(tuple(_rect(rule, rule, width - 2 * rule, height - 2 * rule)), stroke=INK, width=0.25 * s)
    )
    return items


def draw_design(design: DesignKind, width: float, height: float) -> list[Item]:
    """The design's items for a certificate of width × height mm, from its top left corner."""
    match design:
        case DesignKind.FORMAL:
            return _formal(width, height)
        case DesignKind.COLOUR:
            return _colour(width, height)
        case DesignKind.MONO:
            return _mono(width, height)


def text_area(width: float, height: float) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of where text goes inside every design's border (mm)."""
    inset = 26 * _scale(width, height)
    return inset, inset, width - inset, height - inset


def placements(width: float, height: float) -> dict[str, dict[str, float]]:
    """Where each field of the default templates goes within the text area, and how large it is: a
    title of 72 pt (on A4) in the upper fifth, the greeting and the body of 26 and 24 pt filling the
    middle, the issuer and the date at the lower right under the seal."""
    left, top, right, bottom = text_area(width, height)
    w, h, s = right - left, bottom - top, _scale(width, height)
    landscape = width >= height
    seal = min(42 * s, 0.3 * min(w, h))
    issuer_x, issuer_y = (left + 0.56 * w, top + 0.78 * h) if landscape else (left + 0.40 * w, top + 0.80 * h)
    issuer_w = (0.42 if landscape else 0.58) * w
    greeting_y, body_y, body_h = (
        (top + 0.27 * h, top + 0.41 * h, 0.34 * h)
        if landscape
        else (top + 0.24 * h, top + 0.33 * h, 0.42 * h)
    )
    return {
        "标题": {"x_mm": left, "y_mm": top + 0.01 * h, "width_mm": w, "size": 72 * s},
        "称呼": {"x_mm": left + 0.04 * w, "y_mm": greeting_y, "width_mm": 0.92 * w, "size": 26 * s},
        "正文": {
            "x_mm": left + 0.04 * w,
            "y_mm": body_y,
            "width_mm": 0.92 * w,
            "size": 24 * s,
            "height_mm": body_h,
        },
        "落款": {"x_mm": issuer_x, "y_mm": issuer_y, "width_mm": issuer_w, "size": 22 * s},
        "日期": {"x_mm": issuer_x, "y_mm": issuer_y + 0.09 * h, "width_mm": issuer_w, "size": 20 * s},
        "印章": {
            "x_mm": issuer_x + issuer_w / 2 - seal / 2,
            "y_mm": issuer_y + 0.065 * h - seal / 2,
            "width_mm": seal,
        },
        # Small, at the foot, clear of the corner ornaments.
        "证书编号": {"x_mm": left + 16 * s, "y_mm": bottom, "width_mm": 0.4 * w, "size": 9 * s},
        # Under the date, clear of it and of the corner ornament.
        "二维码": {"x_mm": right - 34 * s, "y_mm": bottom - 8 * s, "width_mm": 16 * s},
    }
