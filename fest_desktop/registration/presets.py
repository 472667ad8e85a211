"""The competitions the school plans describe, ready to add with dates counted from the festival's end."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import NotFoundError
from fest_desktop.registration.competitions import CompetitionInfo, CriterionInfo, insert_competition
from fest_desktop.registration.kinds import Combine, CriterionKind, Judging, Participation, RankingGroup
from fest_desktop.school.festivals import festival_row
from fest_desktop.school.school_days import school_day_by
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Competition


@dataclass(frozen=True)
class Preset:
    """A competition as the school plans describe it; the deadline and the judging day are counted
    back from the festival's end."""

    competition: CompetitionInfo
    days_before_end: int | None
    description: str
    judging_days_before_end: int | None = None
    # A class board's making-and-inspection window opens this many days before the end.
    window_days_before_end: int | None = None
    # The rules the plans do not give, which are this program's suggestion (名额, 截止日期, 评分项 …).
    suggested: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.competition.name

    @property
    def suggestion_text(self) -> str:
        """What of the preset is the program's suggestion rather than the plans' word, or ""."""
        return f"计划未写明、由本软件建议：{'、'.join(self.suggested)}" if self.suggested else ""


def _criteria(*items: tuple[str, float, str]) -> tuple[CriterionInfo, ...]:
    return tuple(CriterionInfo(name, points, description=description) for name, points, description in items)


def _deduction(name: str, per_case: float, cap: float) -> CriterionInfo:
    return CriterionInfo(
        name, cap, per_case, f"每处扣{per_case:g}分，最多扣{cap:g}分", kind=CriterionKind.DEDUCTION
    )


# Works are handed in ten days before the festival ends, so that judging and the ceremony come after.
WORKS_DUE_DAYS_BEFORE_END = 10


# The competitions of the 科技节 plans themselves, which the demo festival holds.
MAIN_PRESETS: tuple[Preset, ...] = (
    Preset(
        CompetitionInfo(
            0,
            "科技创新小制作与小发明",
            category="科技制作",
            code_prefix="XZ",
            # The plan that names these three competitions ends with 个人优秀奖若干名.
            merit_award=True,
            parent_allowed=True,
            # 每位学生可独立或与家长共同制作1至2件; a design on paper (创意设计) counts too.
            works_per_student=2,
            quota_min=3,
            quota_max=5,
            subtypes=("小制作", "小发明", "创意设计"),
            combine=Combine.TRIMMED,
            ranking_group=RankingGroup.SECTION,
            responsible="各部主任",
            criteria=_criteria(
                ("科技含量", 25, "运用声、光、电、磁、机械等科学原理"),
                ("创新性", 25, "构思新颖，有自己的创意"),
                ("实用性", 25, "弥补生活、学习用品的不足，实用、多功能"),
                ("美观性", 25, "做工精细，外形美观；提倡利用废旧物品"),
            ),
        ),
        13,
        "学生独立或与家长共同制作，每班择优选送 3–5 件；作品贴注作品类型、题目、班级、姓名、年龄。",
    ),
    Preset(
        CompetitionInfo(
            0,
            "科普板报比赛",
            category="科普宣传",
            code_prefix="BB",
            participation=Participation.CLASS,
            quota_min=1,
            quota_max=1,
            combine=Combine.TRIMMED,
            ranking_group=RankingGroup.SECTION,
            responsible="教务处",
            criteria=(
                *_criteria(
                    ("主题突出", 20, "紧扣科技节主题"),
                    ("内容科学", 30, "内容准确、科学，有时代感"),
                    ("版面设计", 20, "布局合理，图文搭配"),
                    ("书写美观", 15, "字迹工整，色彩协调"),
                    ("创新特色", 15, "形式新颖，有班级特色"),
                ),
                _deduction("刊头超过版面1/4", 5, 5),
                _deduction("错别字", 1, 5),
                _deduction("逾期未完成", 10, 10),
            ),
        ),
        7,
        "以各班教室内的板报为板面集体创作，每班一块；制作与检查时间内评委现场打分。",
        7,
        14,
    ),
    Preset(
        CompetitionInfo(
            0,
            "科技创新绘画比赛",
            category="绘画",
            code_prefix="HH",
            merit_award=True,
            quota_min=2,
            quota_max=3,
            subtypes=(
                "油画",
                "国画",
                "水粉画",
                "水彩画",
                "钢笔画",
                "蜡笔画",
                "剪纸画",
                "粘贴画",
                "电脑画",
                "综合技法画",
            ),
            ranking_group=RankingGroup.GRADE,
            responsible="各部美术组",
            criteria=_criteria(
                ("想象力", 25, "大胆想象未来科技"),
                ("科学性", 25, "想象有科学依据"),
                ("绘画水平", 30, "设计、色彩、技巧"),
                ("真实性", 20, "必须自己原创，不得临摹或抄袭"),
            ),
        ),
        WORKS_DUE_DAYS_BEFORE_END,
        "每班选送 2–3 件，8开纸，绘画形式不限；各年级各设一、二、三等奖若干名。",
    ),
    Preset(
        CompetitionInfo(
            0,
            "科技小论文与观察日记",
            category="科技写作",
            code_prefix="LW",
            merit_award=True,
            quota_min=1,
            quota_max=3,
            subtypes=("科技小论文", "观察日记", "科普童话", "科普幻想"),
            ranking_group=RankingGroup.SECTION,
            responsible="各部主任",
            criteria=_criteria(
                ("科学性", 30, "观察、实验真实，结论有依据"),
                ("创新性", 25, "选题新颖，有自己的发现"),
                ("真实性", 25, "本人原创"),
                ("文字表达", 20, "条理清楚，语句通顺"),
            ),
        ),
        WORKS_DUE_DAYS_BEFORE_END,
        "通过实验、栽培、饲养写观察日记，或查阅资料写科技小论文，体裁不限。",
    ),
    Preset(
        CompetitionInfo(
            0,
            "电脑作品",
            category="信息技术",
            code_prefix="DN",
            eligible_levels=(3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
            quota_max=3,
            subtypes=("电脑绘画", "电脑动画", "网页", "电子报刊"),
            ranking_group=RankingGroup.SECTION,
            responsible="信息技术组",
            criteria=_criteria(
                ("主题与创意", 30, "紧扣主题，构思新颖"),
                ("科学性", 25, "内容准确"),
                ("技术水平", 25, "软件运用熟练"),
                ("艺术表现", 20, "画面、版式美观"),
            ),
        ),
        WORKS_DUE_DAYS_BEFORE_END,
        "电脑绘画、动画、网页、电子报刊，每班最多 3 件。",
    ),
    Preset(
        CompetitionInfo(
            0,
            "科技知识竞赛",
            category="知识竞赛",
            code_prefix="ZS",
            participation=Participation.TEAM,
            team_size=3,
            quota_min=1,
            quota_max=1,
            judging=Judging.MEASURED,
            measure_unit="分",
            ranking_group=RankingGroup.GRADE,
            responsible="科学组",
        ),
        # Teams are named a week before the end, the quiz is held three days before it.
        6,
        "每班一队（最多3人）：一、二年级口答、抢答，三年级起笔试；按得分排名。",
        3,
    ),
    Preset(
        CompetitionInfo(
            0,
            "手抛飞机",
            category="科技模型",
            code_prefix="SP",
            eligible_levels=(3, 4, 5, 6, 7, 8, 9),
            quota_min=1,
            quota_max=3,
            judging=Judging.MEASURED,
            attempts=3,
            measure_unit="米",
            ranking_group=RankingGroup.SECTION,
            responsible="科学组",
        ),
        5,
        "留空距离计成绩，每人投掷 3 次取最远。",
        5,
    ),
    Preset(
        CompetitionInfo(
            0,
            "四驱车竞速",
            category="科技模型",
            code_prefix="SQ",
            eligible_levels=(3, 4, 5, 6, 7, 8, 9),
            quota_max=2,
            judging=Judging.MEASURED,
            attempts=2,
            measure_unit="秒",
            higher_is_better=False,
            ranking_group=RankingGroup.SECTION,
            responsible="科学组",
        ),
        5,
        "赛道计时，每车 2 次取最快。",
        5,
    ),
)


# The rest of the competitions the plans name: 科技小报, 科幻画, 科学小构思 and 讲科学家故事 by grade in
# "年级 作品类 活动类"; 标本 in "十一月份：举办标本制作比赛"; 科普征文 in "科普“征文”辅导：语文老师". Their
# rules are the plans' where they give them, else marked as suggested.
PAINTING_CRITERIA = _criteria(
    ("想象力", 25, "大胆想象未来科技"),
    ("科学性", 25, "想象有科学依据"),
    ("绘画水平", 30, "设计、色彩、技巧"),
    ("真实性", 20, "必须自己原创，不得临摹或抄袭他人作品"),
)
MORE_PRESETS: tuple[Preset, ...] = (
    Preset(
        CompetitionInfo(
            0,
            "科技小报（手抄报）",
            category="科普宣传",
            code_prefix="SB",
            eligible_levels=(3, 4, 5),
            quota_max=3,
            ranking_group=RankingGroup.GRADE,
            responsible="少先队",
            criteria=_criteria(
                ("主题鲜明", 25, "紧扣科技节主题"),
                ("内容科学", 30, "内容准确，有科学性"),
                ("版面设计", 25, "布局合理，图文并茂"),
                ("书写美观", 20, "字迹工整，色彩协调"),
            ),
        ),
        WORKS_DUE_DAYS_BEFORE_END,
        "班级、学校科技小报评比：每人制作一份科技手抄报（三至五年级）；小报辅导由少先队负责。",
        suggested=("名额", "截止日期", "评分项"),
    ),
    Preset(
        CompetitionInfo(
            0,
            "科幻画",
            category="绘画",
            code_prefix="KH",
            eligible_levels=(1, 2, 3, 4, 5),
            quota_max=3,
            subtypes=("卡通画", "素描画", "国画"),
            ranking_group=RankingGroup.GRADE,
            responsible="美术组",
            criteria=PAINTING_CRITERIA,
        ),
        WORKS_DUE_DAYS_BEFORE_END,
        "看科技影片，绘制一幅科学幻想画，可以是卡通画、素描画、国画等；各班分别选出 3 幅作品上交到学校。",
        suggested=("截止日期", "评分项的分值"),
    ),
    Preset(
        CompetitionInfo(
            0,
            "科学小构思",
            category="科技制作",
            code_prefix="GS",
            eligible_levels=(1, 2),
            quota_max=3,
            ranking_group=RankingGroup.GRADE,
            responsible="科学组",
            criteria=_criteria(
                ("创意新颖", 40, "想法是自己的，有新意"),
                ("科学合理", 30, "符合科学道理"),
                ("表达清楚", 30, "画得、说得让人看得懂"),
            ),
        ),
        WORKS_DUE_DAYS_BEFORE_END,
        "提出一项科学小创意，用图画或文字写出自己的构思（一、二年级）。",
        suggested=("名额", "截止日期", "评分项"),
    ),
    Preset(
        CompetitionInfo(
            0,
            "标本制作比赛",
            category="科学考察",
            code_prefix="BZ",
            eligible_levels=(3, 4, 5),
            quota_max=3,
            subtypes=("植物标本", "昆虫标本", "动物标本"),
            ranking_group=RankingGroup.GRADE,
            responsible="科学组",
            criteria=_criteria(
                ("科学性", 30, "鉴定准确，标签写明名称、采集地点和日期"),
                ("制作工艺", 30, "处理得当，保存完好"),
                ("完整美观", 20, "形态完整，布局美观"),
                ("创新性", 20, "取材或制作有新意"),
            ),
        ),
        WORKS_DUE_DAYS_BEFORE_END,
        "举办标本制作比赛：观察动植物，采集并制作标本（三至五年级）。",
        suggested=("名额", "截止日期", "作品类型", "评分项"),
    ),
    Preset(
        CompetitionInfo(
            0,
            "讲科学家故事",
            category="科普宣传",
            code_prefix="JG",
            eligible_levels=(1, 2),
            quota_min=1,
            quota_max=2,
            ranking_group=RankingGroup.GRADE,
            responsible="语文组",
            criteria=_criteria(
                ("故事内容", 40, "科学家的事迹真实、准确"),
                ("语言表达", 30, "普通话标准，生动流畅"),
                ("仪表台风", 20, "自然大方"),
                ("时间把握", 10, "3 分钟左右"),
            ),
        ),
        7,
        "读科学故事书，收集、讲述科学家的故事；评委现场打分（一、二年级）。",
        judging_days_before_end=5,
        suggested=("名额", "日期", "评分项"),
    ),
    Preset(
        CompetitionInfo(
            0,
            "科普征文",
            category="科技写作",
            code_prefix="ZW",
            quota_max=3,
            subtypes=("科普小征文", "科普读物读后感", "创新作文"),
            ranking_group=RankingGroup.SECTION,
            responsible="语文组",
            criteria=_criteria(
                ("主题鲜明", 25, "围绕科技节主题"),
                ("内容科学", 30, "知识准确，有自己的思考"),
                ("语言表达", 25, "条理清楚，语句通顺"),
                ("创新性", 20, "立意新颖"),
            ),
        ),
        WORKS_DUE_DAYS_BEFORE_END,
        "写一篇科普小征文，也可以是科普读物的读后感；科普“征文”辅导由语文老师负责。",
        suggested=("名额", "截止日期", "评分项"),
    ),
)
# The teachers' own contests: "开展“如何组织指导中小学生开展科技创新活动”经验论文评比"; the county contest's
# 教师组 "科技活动方案".
TEACHER_PRESETS: tuple[Preset, ...] = (
    Preset(
        CompetitionInfo(
            0,
            "经验论文评比",
            category="教师",
            code_prefix="JY",
            participation=Participation.TEACHER,
            ranking_group=RankingGroup.SCHOOL,
            responsible="教务处",
            criteria=_criteria(
                ("选题意义", 20, "围绕如何组织指导中小学生开展科技创新活动"),
                ("实践经验", 35, "来自自己的辅导实践，做法具体"),
                ("科学性", 25, "观点正确，论据充分"),
                ("文字表达", 20, "结构清楚，语言通顺"),
            ),
        ),
        WORKS_DUE_DAYS_BEFORE_END,
        "开展“如何组织指导中小学生开展科技创新活动”经验论文评比，教师每人一篇。",
        suggested=("截止日期", "评分项", "每人篇数"),
    ),
    Preset(
        CompetitionInfo(
            0,
            "科技活动方案",
            category="教师",
            code_prefix="FA",
            participation=Participation.TEACHER,
            ranking_group=RankingGroup.SCHOOL,
            responsible="教务处",
            criteria=_criteria(
                ("目标明确", 20, "活动目标具体、适合学生"),
                ("内容科学", 25, "内容准确，有科学性"),
                ("可操作性", 25, "步骤、分工、时间安排可行"),
                ("创新性", 20, "形式新颖"),
                ("文字表达", 10, "条理清楚"),
            ),
        ),
        WORKS_DUE_DAYS_BEFORE_END,
        "教师组“科技活动方案”：学校组委会初评，选出优秀方案参加上级比赛。",
        suggested=("截止日期", "评分项", "每人篇数"),
    ),
)
PRESETS = (*MAIN_PRESETS, *MORE_PRESETS, *TEACHER_PRESETS)


def find_preset(name: str) -> Preset:
    """The preset of that Chinese name (a unique part of the name is enough)."""
    wanted = name.strip()
    exact = [p for p in PRESETS if p.name == wanted]
    partial = [p for p in PRESETS if wanted and wanted in p.name]
    matches = exact or partial
    if len(matches) != 1:
        names = "、".join(p.name for p in PRESETS)
        raise NotFoundError(f"没有名为「{name}」的预设比赛项目。可选：{names}")
    return matches[0]


class PresetDates(NamedTuple):
    deadline: dt.date | None
    judging: dt.date | None
    window_start: dt.date | None


def preset_dates(preset: Preset, start: dt.date, end: dt.date) -> PresetDates:
    """The preset's deadline, judging day and window for a festival from start to end: counted back
    from the end, never before the start; the judging never before the deadline, or, for a board
    with its making-and-inspection window, inside the window — however short the festival. Each is a
    school day: one that falls on a weekend or holiday is brought forward to the school day before."""

    def back(days: int | None) -> dt.date | None:
        return None if days is None else max(start, end - dt.timedelta(days=days))

    deadline = back(preset.days_before_end)
    window_start = back(preset.window_days_before_end)
    if window_start is not None and deadline is not None:
        window_start = min(window_start, deadline)
    judging = back(preset.judging_days_before_end)
    if judging is not None:
        floor = window_start if window_start is not None else deadline
        judging = max(judging, floor or start)
        if window_start is not None and deadline is not None:
            judging = min(judging, deadline)

    def school_day(day: dt.date | None) -> dt.date | None:
        # The same for every date, and order-keeping: the judging stays after the deadline.
        return None if day is None else school_day_by(day, start)

    return PresetDates(school_day(deadline), school_day(judging), school_day(window_start))


def add_preset(db: Database, festival_id: int, preset_name: str) -> Done[CompetitionInfo]:
    """Add a competition from the preset catalogue, its deadline counted from the festival's end."""
    preset = find_preset(preset_name)
    with db.session() as session:
        festival = festival_row(session, festival_id)
        dates = preset_dates(preset, festival.start_date, festival.end_date)
        prefixes = set(
            session.scalars(select(Competition.code_prefix).where(Competition.festival_id == festival_id))
        )
        prefix = preset.competition.code_prefix
        suffix = 2
        while prefix in prefixes:
            prefix, suffix = f"{preset.competition.code_prefix}{suffix}", suffix + 1
        return Done(
            insert_competition(
                session,
                festival_id,
                dataclasses.replace(
                    preset.competition,
                    deadline=dates.deadline,
                    judging_date=dates.judging,
                    window_start=dates.window_start,
                    code_prefix=prefix,
                ),
            ),
            Changed.COMPETITIONS | Changed.ENTRIES,
        )
