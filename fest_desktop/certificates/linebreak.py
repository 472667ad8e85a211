"""Chinese typesetting of certificate text: brackets written full-width among Chinese, and line
breaking: where a line may end and how good each end is (never before a closing mark or after an
opening one, not inside a name, a number or an award such as 一年级组一等奖, gladly after ，。、 and
before 荣获), and the best lines of a paragraph, chosen whole so that no line is left ragged for
nothing and the last line never holds a lone character."""

from __future__ import annotations

import re
from collections.abc import Sequence

from fest_desktop.files.pdf import is_chinese_character

# Marks Chinese typesetting never puts at the start of a line (行首禁则); at the end of a line they
# may hang past the margin, as they do in print.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—%,.;:?!)]}·")
# Marks never left at the end of a line (行尾禁则).
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
# After these a line ends well.
GOOD_END = frozenset("，。、；：？！")
# Before these a line starts well: the award comes on a line of its own.
GOOD_START = ("荣获", "获得", "被评为", "特发此")
# A group and a level read as one: 三年级组一等奖, 小学组集体二等奖, 高中组特等奖, 优秀组织奖.
AWARD = re.compile(
    r"(?:(?:[一二三四五六七八九十]+|\d+)年级组|[小初高]中组|小学组|初中组|高中组|[初高][一二三]组)?"
    r"(?:集体)?(?:[一二三四五六七八九十特]等奖|优秀(?:组织|科技辅导员)?奖|入选)"
)
# Numbers, dates in figures and words in letters stay whole.
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-:/_]*")
# Words of a certificate's wording that read badly broken (竞 / 赛): broken only when nothing better is.
WORDS = re.compile(
    r"比赛|竞赛|大赛|展评|评比|科技|科普|科学|创新|小发明|发明|小制作|制作|绘画|小论文|论文|征文|作品|学校|小学|中学|年级|班级|"
    r"学生|老师|荣获|获得|辅导|组织|优秀|鼓励|此证|此状|实验|活动|知识|电脑|机器人|人工智能|综合|实践|技能"
)

# What ending a line at a place costs (added to how much room the line leaves unused).
GOOD = 0.0
ANY = 8.0  # between two characters of running text
IN_PHRASE = 16.0  # inside a competition's name, between its words
IN_WORD = 30.0  # inside a word such as 竞赛: when the line would otherwise be left half empty
INSIDE = 400.0  # inside a name, a number or an award: only when the line has no other place
NEVER = 1e6  # before a closing mark or after an opening one: only a line too narrow for anything


def break_costs(
    text: str, whole: Sequence[tuple[int, int]] = (), phrases: Sequence[tuple[int, int]] = ()
) -> list[float]:
    """costs[i]: what ending a line after text[i] costs, for i below len(text) - 1. whole: the
    (start, end) spans that should not be broken (a name, a class, the school); phrases: spans broken
    only when that saves a line left half empty (a competition's name); awards, numbers and words in
    letters are found in the text itself."""
    count = len(text)
    costs = [ANY] * max(0, count - 1)
    for start, end in phrases:
        for index in range(max(0, start), min(end, count) - 1):
            costs[index] = IN_PHRASE
    spans = list(whole)
    spans += [m.span() for m in AWARD.finditer(text)]
    spans += [m.span() for m in WORD.finditer(text)]
    for start, end in spans:
        for index in range(max(0, start), min(end, count) - 1):
            costs[index] = max(costs[index], INSIDE)
    for found in WORDS.finditer(text):
        for index in range(found.start(), found.end() - 1):
            costs[index] = max(costs[index], IN_WORD)
    for index in range(count - 1):
        char, following = text[index], text[index + 1]
        if following in NO_LINE_START or char in NO_LINE_END:
            costs[index] = NEVER
        elif costs[index] < INSIDE and (
            char in GOOD_END or char.isspace() or text.startswith(GOOD_START, index + 1)
        ):
            costs[index] = GOOD
    return costs


def _hanging(text: str, start: int, end: int) -> int:
    """Where the line text[start:end] stops counting: closing marks and spaces at its end hang."""
    while end > start + 1 and (text[end - 1] in NO_LINE_START or text[end - 1].isspace()):
        end -= 1
    return end


def best_lines(
    text: str, widths: Sequence[float], costs: Sequence[float], width: float
) -> list[tuple[int, int]]:
    """The lines of one paragraph as (start, end) in text, no wider than width (closing marks may hang
    past it), chosen over the whole paragraph: each line's unused room and the cost of where it ends
    add up to the least; the last line may be short but holds at least two characters when the
    paragraph can give them. A space that would start a line is left out."""
    count = len(text)
    if count == 0:
        return [(0, 0)]
    prefix = [0.0]
    for advance in widths:
        prefix.append(prefix[-1] + advance)
    infinity = float("inf")
    best = [infinity] * (count + 1)
    came_from = [0] * (count + 1)
    best[0] = 0.0
    for end in range(1, count + 1):
        counted = _hanging(text, 0, end)
        for start in range(end - 1, -1, -1):
            stop = max(counted, start + 1)
            used = prefix[stop] - prefix[start]
            if used > width and end - start > 1:
                break
            if best[start] == infinity:
                continue
            if end < count:
                # A mark hanging past the margin still fills the line to the eye.
                room = max(0.0, width - (prefix[end] - prefix[start])) / width
                cost = best[start] + costs[end - 1] + 100 * room * room
            else:
                cost = best[start] + _last_line_cost(text[start:end])
            if cost < best[end]:
                best[end], came_from[end] = cost, start
    lines: list[tuple[int, int]] = []
    end = count
    while end > 0:
        start = came_from[end]
        lines.append((start, end))
        end = start
    lines.reverse()
    return [
        lines[0],
        *((start + len(text[start:end]) - len(text[start:end].lstrip(" ")), end) for start, end in lines[1:]),
    ]


def _last_line_cost(line: str) -> float:
    """A last line of one character (with its full stop) is a widow; of two or three, a little short."""
    letters = sum(1 for char in line if char not in NO_LINE_START and not char.isspace())
    if letters <= 1:
        return 1000.0
    return 8.0 if letters <= 3 else 0.0


_BRACKETED = re.compile(r"\(([^()]*)\)")


def full_width_brackets(text: str) -> str:
    """Brackets among Chinese written full-width, as Chinese print has them: 三年级(3)班 → 三年级（3）班;
    brackets among letters (Anna Lee (US)) stay as they are. The text keeps its length."""

    def bracket(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if any(is_chinese_character(char) for char in (before, after, *match.group(1))):
            return f"（{match.group(1)}）"
        return match.group(0)

    return _BRACKETED.sub(bracket, text)
