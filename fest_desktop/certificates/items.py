"""What a laid-out sheet is made of, in millimetres from the paper's top left corner: runs of text,
pictures, QR squares, rules, vector shapes and groups (a design). Painted by ReportLab into PDFs
(`drawing`) and by QPainter onto printers and previews (the window's `printing`)."""

from __future__ import annotations

from dataclasses import dataclass, field

PT = 25.4 / 72  # millimetres per point
BLACK = "#000000"


@dataclass(frozen=True)
class TextRun:
    """Text in one font on one line: x is where it starts, baseline how far down the line sits (mm);
    size is in points; font is the name `fonts.font_file` knows the file of."""

    x: float
    baseline: float
    text: str
    font: str
    size: float
    colour: str = BLACK


@dataclass(frozen=True)
class Picture:
    """An image stretched to its box (a scanned background, the school's seal). multiply: laid over
    what is under it as ink is (a seal over the school's name and the date leaves them readable)."""

    x: float
    y: float
    width: float
    height: float
    data: bytes = field(repr=False)
    multiply: bool = False


@dataclass(frozen=True)
class Squares:
    """A square grid of count × count modules of cell mm from (x, y), row after row in modules ("1"
    filled, "0" not): a QR code."""

    x: float
    y: float
    cell: float
    count: int
    modules: str = field(repr=False)
    colour: str = BLACK


@dataclass(frozen=True)
class Rule:
    """A straight line of a width in mm."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str = BLACK


# A path's steps, in mm: ("M", (x, y)) move, ("L", (x, y)) line, ("C", (x1, y1, x2, y2, x, y)) a
# cubic curve, ("Z", ()) close the figure.
Step = tuple[str, tuple[float, ...]]
CLOSE: Step = ("Z", ())


@dataclass(frozen=True)
class Shape:
    """A vector figure: its outline drawn with a pen of width mm (none when stroke is ""), filled when
    fill is a colour; the even-odd rule decides what a figure inside a figure fills."""

    steps: tuple[Step, ...]
    stroke: str = BLACK
    width: float = 0.3
    fill: str = ""


@dataclass(frozen=True)
class Group:
    """Items drawn together from (x, y), in a box of width × height mm: a certificate's design. The same
    key draws the same items, so a PDF holds them once and every page refers to them."""

    key: str
    x: float
    y: float
    width: float
    height: float
    items: tuple[Item, ...]


Item = TextRun | Picture | Squares | Rule | Shape | Group


@dataclass(frozen=True)
class Sheet:
    """One sheet of paper as it prints: its size in mm, what is on it, and how many certificates."""

    width: float
    height: float
    items: tuple[Item, ...]
    certificates: int = 0
