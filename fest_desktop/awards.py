"""Awards (奖项): levels and their points, rules per competition and group, automatic assignment
from the results, manual changes with reasons, 推荐 flags, finalising a list (定稿) with its
fingerprint, and the log of it all. The rules themselves are pure functions in award_rules.py."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fest_desktop import award_rules
from fest_desktop.award_rules import LevelRule
from fest_desktop.classnames import class_display_name
from fest_desktop.competitions import CompetitionInfo, list_competitions
from fest_desktop.db import Database, fetch
from fest_desktop.entries import participation_summary
from fest_desktop.errors import FestError, NotFoundError, ValidationError
from fest_desktop.model import (
    Award,
    AwardChange,
    AwardLevel,
    AwardNotice,
    AwardRule,
    Competition,
    Entry,
    EntryAuthor,
    Festival,
    Grade,
    SchoolClass,
    Section,
    Student,
)
from fest_desktop.scoring import default_station, load_sheet
from fest_desktop.values import clean_text

DEFAULT_LEVELS = (("一等奖", 5.0), ("二等奖", 3.0), ("三等奖", 2.0), ("优秀奖", 1.0))
# "各年级各设一、二、三等奖若干名": a share of each group until the school says otherwise.
DEFAULT_ENTRY_RULES = (
    LevelRule("一等奖", "percent", 10),
    LevelRule("二等奖", "percent", 20),
    LevelRule("三等奖", "percent", 30),
)
# The plans' collective awards: 小学、初中 一等奖1名、二等奖2名；高中 一等奖1名、二等奖2名、三等奖5名.
DEFAULT_COLLECTIVE_RULES = {
    "小学": (LevelRule("一等奖", "count", 1), LevelRule("二等奖", "count", 2)),
    "初中": (LevelRule("一等奖", "count", 1), LevelRule("二等奖", "count", 2)),
    "高中": (
        LevelRule("一等奖", "count", 1),
        LevelRule("二等奖", "count", 2),
        LevelRule("三等奖", "count", 5),
    ),
}
ORGANISATION_LEVEL = "优秀组织奖"
DEFAULT_ORGANISATION_RULE = LevelRule(ORGANISATION_LEVEL, "count", 2)
ADVISOR_TITLE = "科技辅导员奖"
ADVISOR_RULES = {
    "competition": "每位老师每个比赛项目一项",
    "festival": "每位老师一项（取最好）",
    "none": "不设",
}
KINDS = {"entry": "作品奖", "class": "集体奖", "organisation": ORGANISATION_LEVEL, "advisor": ADVISOR_TITLE}
CLASS_LIST, ORGANISATION_LIST, ADVISOR_LIST = "class", "organisation", "advisor"
ACTIONS = {
    "rules": "按规则评奖",
    "manual": "手动调整",
    "revert": "恢复规则结果",
    "recommend": "推荐",
    "finalise": "定稿",
    "unfinalise": "撤销定稿",
}
_NAME_SEPARATORS = re.compile(r"[、，,/；;\s]+")


def competition_list_key(competition_id: int) -> str:
    return f"c:{competition_id}"


def list_key_of(kind: str, competition_id: int | None) -> str:
    """Which award list (定稿 unit) an award belongs to."""
    if kind == "entry":
        assert competition_id is not None
        return competition_list_key(competition_id)
    return {"class": CLASS_LIST, "organisation": ORGANISATION_LIST}.get(kind, ADVISOR_LIST)


def advisor_names(text: str) -> list[str]:
    """The teachers named in an entry's 指导老师 field: "王芳、李强" is two."""
    return [name for name in _NAME_SEPARATORS.split(clean_text(text)) if name]


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


# ---------------------------------------------------------------- levels and settings


@dataclass(frozen=True)
class LevelInfo:
    name: str
    points: float


def _levels(session: Session, festival_id: int) -> list[LevelInfo]:
    rows = session.scalars(
        select(AwardLevel).where(AwardLevel.festival_id == festival_id).order_by(AwardLevel.position)
    ).all()
    if not rows:
        return [LevelInfo(name, points) for name, points in DEFAULT_LEVELS]
    return [LevelInfo(row.name, row.points) for row in rows]


def award_levels(db: Database, festival_id: int) -> list[LevelInfo]:
    """The festival's award levels, best first, with their 班级考核 points."""
    with db.session() as session:
        return _levels(session, festival_id)


def set_award_levels(db: Database, festival_id: int, levels: Sequence[LevelInfo]) -> list[LevelInfo]:
    """Replace the levels; a level still named by a rule or an award cannot be removed."""
    cleaned = [LevelInfo(clean_text(level.name), float(level.points)) for level in levels]
    names = [level.name for level in cleaned]
    if not cleaned:
        raise ValidationError("至少要有一个奖项等级。")
    if any(not name for name in names):
        raise ValidationError("奖项名称不能为空。")
    if len(set(names)) != len(names):
        raise ValidationError("奖项名称不能重复。")
    if ORGANISATION_LEVEL in names:
        raise ValidationError(f"「{ORGANISATION_LEVEL}」是单独的奖项，不必列为等级。")
    if any(level.points < 0 for level in cleaned):
        raise ValidationError("考核分不能为负数。")
    with db.session() as session:
        used = set(
            session.scalars(
                select(AwardRule.level).where(
                    AwardRule.festival_id == festival_id, AwardRule.scope != "organisation"
                )
            )
        ) | set(
            session.scalars(
                select(Award.level).where(Award.festival_id == festival_id, Award.kind != "organisation")
            )
        )
        dropped = sorted(used - set(names) - {""})
        if dropped:
            raise ValidationError(f"「{'、'.join(dropped)}」还在评奖规则或获奖名单中使用，不能删除。")
        session.execute(delete(AwardLevel).where(AwardLevel.festival_id == festival_id))
        for position, level in enumerate(cleaned):
            session.add(
                AwardLevel(festival_id=festival_id, name=level.name, points=level.points, position=position)
            )
    return cleaned


@dataclass(frozen=True)
class AwardSettings:
    """The festival-wide award settings: what collective awards rank by, the 优秀组织奖 and
    科技辅导员奖 rules, the certificates' date and their numbering."""

    collective_basis: str = "points"
    organisation_min_share: int = 60
    advisor_rule: str = "competition"
    advisor_min_level: str = ""
    certificate_prefix: str = "KJJ{年}-"
    certificate_digits: int = 4
    award_date: dt.date | None = None

    @property
    def basis_competition_id(self) -> int | None:
        kind, _, value = self.collective_basis.partition(":")
        return int(value) if kind == "competition" and value.isdigit() else None


def _settings(festival: Festival) -> AwardSettings:
    return AwardSettings(
        festival.collective_basis,
        festival.organisation_min_share,
        festival.advisor_rule,
        festival.advisor_min_level,
        festival.certificate_prefix,
        festival.certificate_digits,
        festival.award_date,
    )


def award_settings(db: Database, festival_id: int) -> AwardSettings:
    with db.session() as session:
        return _settings(fetch(session, Festival, festival_id, "这个科技节已被删除。"))


def update_award_settings(db: Database, festival_id: int, settings: AwardSettings) -> AwardSettings:
    """Store the settings after checking each: a basis competition of this festival, a share between
    0 and 100, a known advisor rule and level, a prefix and 1–8 digits."""
    if not 0 <= settings.organisation_min_share <= 100:
        raise ValidationError("优秀组织奖的参与率要在 0 到 100 之间。")
    if settings.advisor_rule not in ADVISOR_RULES:
        raise ValidationError(f"未知的科技辅导员奖规则「{settings.advisor_rule}」。")
    if not 1 <= settings.certificate_digits <= 8:
        raise ValidationError("证书编号的序号位数要在 1 到 8 之间。")
    prefix = clean_text(settings.certificate_prefix)
    if len(prefix) > 30:
        raise ValidationError("证书编号前缀最多 30 个字符。")
    with db.session() as session:
        festival = fetch(session, Festival, festival_id, "这个科技节已被删除。")
        basis = settings.basis_competition_id
        if settings.collective_basis != "points" and (
            basis is None or session.get(Competition, basis) is None
        ):
            raise ValidationError("集体奖依据的比赛项目不存在。")
        levels = [level.name for level in _levels(session, festival_id)]
        if settings.advisor_min_level and settings.advisor_min_level not in levels:
            raise ValidationError(f"没有「{settings.advisor_min_level}」这个奖项等级。")
        festival.collective_basis = settings.collective_basis
        festival.organisation_min_share = settings.organisation_min_share
        festival.advisor_rule = settings.advisor_rule
        festival.advisor_min_level = settings.advisor_min_level
        festival.certificate_prefix = prefix
        festival.certificate_digits = settings.certificate_digits
        festival.award_date = settings.award_date
        return _settings(festival)


# ---------------------------------------------------------------- rules


@dataclass(frozen=True)
class RuleKey:
    """Whose rule: a competition's entries ("entry"), collective ("class") or 优秀组织奖
    ("organisation") awards; group "" applies to every group without its own rule."""

    scope: str
    competition_id: int | None = None
    group: str = ""


def _stored_rules(session: Session, festival_id: int) -> dict[RuleKey, list[LevelRule]]:
    rules: dict[RuleKey, list[LevelRule]] = defaultdict(list)
    for row in session.scalars(
        select(AwardRule).where(AwardRule.festival_id == festival_id).order_by(AwardRule.position)
    ):
        key = RuleKey(row.scope, row.competition_id, row.group_name)
        rules[key].append(LevelRule(row.level, row.mode, row.amount))
    return rules


def _section_names(session: Session, festival_id: int) -> list[str]:
    return list(
        session.scalars(
            select(Section.name).where(Section.festival_id == festival_id).order_by(Section.position)
        )
    )


def rules_for(stored: dict[RuleKey, list[LevelRule]], key: RuleKey) -> list[LevelRule]:
    """A group's rule: its own, else its scope's rule for every group, else the default."""
    for candidate in (key, RuleKey(key.scope, key.competition_id, "")):
        if candidate in stored:
            return stored[candidate]
    if key.scope == "organisation":
        return [DEFAULT_ORGANISATION_RULE]
    if key.scope == "class":
        return list(DEFAULT_COLLECTIVE_RULES.get(key.group, DEFAULT_COLLECTIVE_RULES["小学"]))
    return list(DEFAULT_ENTRY_RULES)


def effective_rules(db: Database, festival_id: int, key: RuleKey) -> list[LevelRule]:
    with db.session() as session:
        return rules_for(_stored_rules(session, festival_id), key)


def _check_rules(rules: Sequence[LevelRule], levels: Sequence[str], scope: str) -> list[LevelRule]:
    checked: list[LevelRule] = []
    for rule in rules:
        level = ORGANISATION_LEVEL if scope == "organisation" else clean_text(rule.level)
        if level not in levels and scope != "organisation":
            raise ValidationError(f"没有「{rule.level}」这个奖项等级。请先在奖项等级中添加。")
        if rule.mode not in award_rules.MODES:
            raise ValidationError(f"「{level}」的评奖方式只能是名额或比例。")
        if rule.amount < 0 or (rule.mode == "percent" and rule.amount > 100):
            raise ValidationError(f"「{level}」的{award_rules.MODES[rule.mode]}不对：{rule.amount:g}。")
        if rule.mode == "count" and rule.amount != int(rule.amount):
            raise ValidationError(f"「{level}」的名额要是整数：{rule.amount:g}。")
        checked.append(LevelRule(level, rule.mode, float(rule.amount)))
    if len({r.level for r in checked}) != len(checked):
        raise ValidationError("同一个奖项等级在一条规则里只能出现一次。")
    order = [levels.index(r.level) for r in checked if r.level in levels]
    if order != sorted(order):
        raise ValidationError("奖项要按从高到低的顺序排列（一等奖在前）。")
    if sum(r.amount for r in checked if r.mode == "percent") > 100:
        raise ValidationError("各奖项的比例加起来超过了 100%。")
    return checked


def set_rules(db: Database, festival_id: int, key: RuleKey, rules: Sequence[LevelRule] | None) -> None:
    """Set the levels of one group (or, with group "", of every group); None goes back to the default.
    Refused while the list the rule feeds is finalised."""
    with db.session() as session:
        levels = [level.name for level in _levels(session, festival_id)]
        checked = None if rules is None else _check_rules(rules, levels, key.scope)
        _refuse_if_final(session, festival_id, list_key_of(key.scope, key.competition_id))
        session.execute(
            delete(AwardRule).where(
                AwardRule.festival_id == festival_id,
                AwardRule.scope == key.scope,
                AwardRule.competition_id.is_(None)
                if key.competition_id is None
                else AwardRule.competition_id == key.competition_id,
                AwardRule.group_name == key.group,
            )
        )
        for position, rule in enumerate(checked or ()):
            session.add(
                AwardRule(
                    festival_id=festival_id,
                    scope=key.scope,
                    competition_id=key.competition_id,
                    group_name=key.group,
                    level=rule.level,
                    mode=rule.mode,
                    amount=rule.amount,
                    position=position,
                )
            )


# ---------------------------------------------------------------- award lists and notices


@dataclass(frozen=True)
class AwardList:
    """A 获奖名单 that is finalised as one: a competition's, the collective awards, the 优秀组织奖
    or the 科技辅导员奖."""

    key: str
    title: str
    competition_id: int | None = None


def award_lists(db: Database, festival_id: int) -> list[AwardList]:
    lists = [AwardList(competition_list_key(c.id), c.name, c.id) for c in list_competitions(db, festival_id)]
    lists += [
        AwardList(CLASS_LIST, "集体奖"),
        AwardList(ORGANISATION_LIST, ORGANISATION_LEVEL),
        AwardList(ADVISOR_LIST, ADVISOR_TITLE),
    ]
    return lists


def find_award_list(db: Database, festival_id: int, name: str) -> AwardList:
    """The list of that name (a competition, 集体奖, 优秀组织奖, 科技辅导员奖) or the only one containing it."""
    lists = award_lists(db, festival_id)
    wanted = clean_text(name)
    matches = [a for a in lists if a.title == wanted] or [a for a in lists if wanted and wanted in a.title]
    if len(matches) != 1:
        raise NotFoundError(f"没有唯一名为「{name}」的获奖名单。可选：{'、'.join(a.title for a in lists)}")
    return matches[0]


@dataclass(frozen=True)
class NoticeInfo:
    list_key: str
    fingerprint: str
    finalised_at: dt.datetime


def notices(db: Database, festival_id: int) -> dict[str, NoticeInfo]:
    """The finalised lists, by list key."""
    with db.session() as session:
        return {
            row.list_key: NoticeInfo(row.list_key, row.fingerprint, row.finalised_at)
            for row in session.scalars(select(AwardNotice).where(AwardNotice.festival_id == festival_id))
        }


def _notice(session: Session, festival_id: int, list_key: str) -> AwardNotice | None:
    return session.scalar(
        select(AwardNotice).where(AwardNotice.festival_id == festival_id, AwardNotice.list_key == list_key)
    )


def _is_final(session: Session, festival_id: int, list_key: str) -> bool:
    return _notice(session, festival_id, list_key) is not None


def _refuse_if_final(session: Session, festival_id: int, list_key: str) -> None:
    if _is_final(session, festival_id, list_key):
        raise ValidationError("这份获奖名单已定稿，不能再改。如确需修改，请先撤销定稿并写明原因。")


# ---------------------------------------------------------------- awards as the screens show them


@dataclass(frozen=True)
class Recipient:
    """Who a certificate is for: a student (student_id), or else the class or teacher named."""

    name: str
    student_id: int | None = None


@dataclass(frozen=True)
class AwardInfo:
    """An award with what the list, the notice and the certificates print of it. level "" is an
    award withdrawn by hand (kept to remember the decision)."""

    id: int
    kind: str
    list_key: str
    level: str
    auto_level: str
    manual: bool
    reason: str
    group: str = ""
    rank: int | None = None
    score: float | None = None
    competition_id: int | None = None
    competition: str = ""
    entry_id: int | None = None
    code: str = ""
    title: str = ""
    class_id: int | None = None
    class_name: str = ""
    level_order: int = 0
    class_order: tuple[int, int] = (0, 0)
    teacher: str = ""
    advisor: str = ""
    recipients: tuple[Recipient, ...] = ()
    recommended: bool = False

    @property
    def recipient_text(self) -> str:
        return "、".join(r.name for r in self.recipients)

    @property
    def award_name(self) -> str:
        """The award as a certificate and the notice name it: 一等奖, 优秀组织奖, 科技辅导员奖（一等奖）."""
        if self.kind == "advisor":
            return f"{ADVISOR_TITLE}（{self.level}）"
        return self.level

    @property
    def subject(self) -> str:
        """The award's subject in one line, as the log keeps it."""
        if self.kind == "entry":
            return f"{self.competition} {self.code} {self.class_name} {self.recipient_text}".strip()
        if self.kind == "advisor":
            return f"{ADVISOR_TITLE} {self.teacher} {self.competition}".strip()
        return f"{KINDS[self.kind]} {self.class_name}"

    @property
    def rule_note(self) -> str:
        """Why the level differs from the rules' result, for the list's 说明 column."""
        if not self.manual:
            return ""
        rule = self.auto_level or "无"
        return f"手动：{self.reason}（规则结果：{rule}）"


def _class_rows(session: Session, festival_id: int) -> dict[int, tuple[str, str, int, int, int]]:
    """class id → (name, section, section position, level, number)."""
    return {
        class_id: (class_display_name(grade, number), section, position, level, number)
        for class_id, grade, number, section, position, level in session.execute(
            select(
                SchoolClass.id, Grade.name, SchoolClass.number, Section.name, Section.position, Grade.level
            )
            .join(Grade, SchoolClass.grade_id == Grade.id)
            .join(Section, Grade.section_id == Section.id)
            .where(SchoolClass.festival_id == festival_id)
        )
    }


def _load_awards(session: Session, festival_id: int, rows: Iterable[Award]) -> list[AwardInfo]:
    rows = list(rows)
    classes = _class_rows(session, festival_id)
    levels = [level.name for level in _levels(session, festival_id)]
    competitions = dict(
        session.execute(
            select(Competition.id, Competition.name).where(Competition.festival_id == festival_id)
        ).all()
    )
    entry_ids = [row.entry_id for row in rows if row.entry_id is not None]
    entries = (
        {entry.id: entry for entry in session.scalars(select(Entry).where(Entry.id.in_(entry_ids)))}
        if entry_ids
        else {}
    )
    authors: dict[int, list[Recipient]] = defaultdict(list)
    if entry_ids:
        for entry_id, student_id, name in session.execute(
            select(EntryAuthor.entry_id, Student.id, Student.name)
            .join(Student, EntryAuthor.student_id == Student.id)
            .where(EntryAuthor.entry_id.in_(entry_ids))
            .order_by(EntryAuthor.entry_id, EntryAuthor.position)
        ):
            authors[entry_id].append(Recipient(name, student_id))
    found = []
    for row in rows:
        entry = entries.get(row.entry_id) if row.entry_id is not None else None
        class_id = entry.class_id if entry is not None else row.class_id
        class_name, _section, _position, level, number = (
            classes.get(class_id, ("", "", 0, 0, 0)) if class_id else ("", "", 0, 0, 0)
        )
        if row.kind == "advisor":
            recipients: tuple[Recipient, ...] = (Recipient(row.teacher),)
        elif entry is not None and authors.get(entry.id):
            recipients = tuple(authors[entry.id])
        else:
            recipients = (Recipient(class_name),)
        level_name = row.level
        found.append(
            AwardInfo(
                row.id,
                row.kind,
                list_key_of(row.kind, row.competition_id),
                row.level,
                row.auto_level,
                row.manual,
                row.reason,
                row.group_name,
                row.rank,
                row.score,
                row.competition_id,
                competitions.get(row.competition_id, "") if row.competition_id else "",
                row.entry_id,
                entry.code if entry else "",
                entry.title if entry else "",
                class_id,
                class_name,
                levels.index(level_name) if level_name in levels else len(levels),
                (level, number),
                row.teacher,
                entry.advisor if entry else "",
                recipients,
                entry.recommended if entry else False,
            )
        )
    return found


def list_awards(
    db: Database,
    festival_id: int,
    list_key: str | None = None,
    *,
    level: str | None = None,
    class_id: int | None = None,
    include_withdrawn: bool = True,
) -> list[AwardInfo]:
    """The festival's awards, list by list in display order (competitions first), best level and
    rank first within a group; filtered by list, level and class when given."""
    order = {a.key: index for index, a in enumerate(award_lists(db, festival_id))}
    with db.session() as session:
        sections = {name: index for index, name in enumerate(_section_names(session, festival_id))}
        awards = _load_awards(
            session, festival_id, session.scalars(select(Award).where(Award.festival_id == festival_id))
        )
    grades = _group_order(awards, sections)
    chosen = [
        a
        for a in awards
        if (list_key is None or a.list_key == list_key)
        and (level is None or a.level == level)
        and (class_id is None or a.class_id == class_id)
        and (include_withdrawn or a.level)
    ]
    chosen.sort(
        key=lambda a: (
            order.get(a.list_key, len(order)),
            grades.get(a.group, 0),
            a.level == "",
            a.level_order,
            a.rank if a.rank is not None else 10**6,
            a.class_order,
            a.code,
            a.teacher,
        )
    )
    return chosen


def _group_order(awards: Sequence[AwardInfo], sections: dict[str, int]) -> dict[str, int]:
    """Groups in school order: sections by position, grades by their class levels."""
    order: dict[str, int] = {}
    for award in awards:
        if award.group in sections:
            order[award.group] = sections[award.group] * 100
        elif award.group:
            order.setdefault(award.group, award.class_order[0])
    return order


# ---------------------------------------------------------------- the log


@dataclass(frozen=True)
class AwardChangeInfo:
    id: int
    action: str
    subject: str
    old_level: str
    new_level: str
    reason: str
    station: str
    changed_at: dt.datetime

    @property
    def action_text(self) -> str:
        return ACTIONS.get(self.action, self.action)


def _log(
    session: Session,
    festival_id: int,
    action: str,
    subject: str,
    *,
    award_id: int | None = None,
    old: str = "",
    new: str = "",
    reason: str = "",
    station: str = "",
) -> None:
    session.add(
        AwardChange(
            festival_id=festival_id,
            award_id=award_id,
            action=action,
            subject=subject[:200],
            old_level=old,
            new_level=new,
            reason=reason,
            station=station or default_station(),
            changed_at=_now(),
        )
    )


def award_log(db: Database, festival_id: int) -> list[AwardChangeInfo]:
    """Every rule run, manual change, 推荐 and 定稿 of the festival, newest first."""
    with db.session() as session:
        return [
            AwardChangeInfo(
                row.id,
                row.action,
                row.subject,
                row.old_level,
                row.new_level,
                row.reason,
                row.station,
                row.changed_at,
            )
            for row in session.scalars(
                select(AwardChange)
                .where(AwardChange.festival_id == festival_id)
                .order_by(AwardChange.id.desc())
            )
        ]


# ---------------------------------------------------------------- assigning by the rules


SubjectKey = tuple[str, int | None, int | None, int | None, str]


@dataclass(frozen=True)
class Computed:
    """What the rules give one subject."""

    level: str
    group: str = ""
    rank: int | None = None
    score: float | None = None


@dataclass
class AssignReport:
    """What a run of the rules did, list by list, for the message and the CLI."""

    assigned: dict[str, dict[str, int]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    kept_manual: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = []
        for title, counts in self.assigned.items():
            text = "、".join(f"{level} {count}" for level, count in counts.items()) or "无人获奖"
            lines.append(f"{title}：{text}")
        lines += self.skipped
        lines += [f"保留手动调整：{line}" for line in self.kept_manual]
        return lines


def _subject_key(row: Award) -> SubjectKey:
    return (row.kind, row.competition_id, row.entry_id, row.class_id, row.teacher)


def _sync(
    session: Session,
    festival_id: int,
    title: str,
    kind: str,
    competition_id: int | None,
    computed: dict[SubjectKey, Computed],
    report: AssignReport,
    levels: Sequence[str],
    station: str,
    *,
    all_competitions: bool = False,
) -> None:
    """Make the stored awards of one list follow the rules: new levels come in, changed ones change
    (logged), those no longer earned go; a manual award keeps its level and is reported."""
    query = select(Award).where(Award.festival_id == festival_id, Award.kind == kind)
    if not all_competitions:
        query = query.where(
            Award.competition_id.is_(None)
            if competition_id is None
            else Award.competition_id == competition_id
        )
    existing = {_subject_key(row): row for row in session.scalars(query)}
    infos = {a.id: a for a in _load_awards(session, festival_id, existing.values())}
    for key, row in existing.items():
        result = computed.get(key)
        auto = result.level if result else ""
        if row.manual:
            row.auto_level = auto
            if result:
                row.group_name, row.rank, row.score = result.group, result.rank, result.score
            if row.level != auto:
                report.kept_manual.append(
                    f"{infos[row.id].subject}：{row.level or '不获奖'}（规则结果：{auto or '不获奖'}）"
                )
            continue
        if result is None:
            session.delete(row)
            continue
        if row.level != auto:
            _log(
                session,
                festival_id,
                "rules",
                infos[row.id].subject,
                award_id=row.id,
                old=row.level,
                new=auto,
                station=station,
            )
        row.auto_level = row.level = auto
        row.group_name, row.rank, row.score = result.group, result.rank, result.score
    for key, result in computed.items():
        if key in existing:
            continue
        kind_, competition, entry_id, class_id, teacher = key
        session.add(
            Award(
                festival_id=festival_id,
                kind=kind_,
                competition_id=competition,
                entry_id=entry_id,
                class_id=class_id,
                teacher=teacher,
                group_name=result.group,
                rank=result.rank,
                score=result.score,
                auto_level=result.level,
                level=result.level,
            )
        )
    counts = {level: 0 for level in levels}
    for result in computed.values():
        counts[result.level] = counts.get(result.level, 0) + 1
    report.assigned[title] = {level: count for level, count in counts.items() if count}
    summary = "、".join(f"{level}{count}" for level, count in report.assigned[title].items())
    _log(session, festival_id, "rules", title, new=summary[:20], reason=summary, station=station)
    session.flush()


def _entry_awards(
    db: Database, competition: CompetitionInfo, stored: dict[RuleKey, list[LevelRule]]
) -> dict[SubjectKey, Computed] | str:
    """The levels the rules give a competition's entries, or why they cannot yet."""
    sheet = load_sheet(db, competition.id)
    results = sheet.results()
    if not results:
        return f"{competition.name}：还没有作品，未评奖。"
    waiting = sum(not r.complete for r in results)
    if waiting:
        return f"{competition.name}：还有 {waiting} 件作品未评完，未评奖。"
    groups: dict[str, dict[Hashable, int | None]] = defaultdict(dict)
    for result in results:
        groups[result.entry.group][result.entry.id] = result.rank
    by_entry = {r.entry.id: r for r in results}
    computed: dict[SubjectKey, Computed] = {}
    for group, ranks in groups.items():
        rules = rules_for(stored, RuleKey("entry", competition.id, group))
        for entry_id, level in award_rules.assign_levels(ranks, rules).items():
            assert isinstance(entry_id, int)
            result = by_entry[entry_id]
            computed[("entry", competition.id, entry_id, None, "")] = Computed(
                level, group, result.rank, result.final
            )
    return computed


def _effective_entry_levels(session: Session, festival_id: int) -> list[tuple[int | None, int, str, str]]:
    """(competition id, class id, level, advisor) of every entry award that counts."""
    return [
        (competition_id, class_id, level, advisor)
        for competition_id, class_id, level, advisor in session.execute(
            select(Award.competition_id, Entry.class_id, Award.level, Entry.advisor)
            .join(Entry, Award.entry_id == Entry.id)
            .where(Award.festival_id == festival_id, Award.kind == "entry", Award.level != "")
        )
    ]


def class_points_of(session: Session, festival_id: int) -> dict[int, dict[int | None, float]]:
    """class id → competition id → 班级考核 points from the class's entry awards."""
    points = {level.name: level.points for level in _levels(session, festival_id)}
    table: dict[int, dict[int | None, float]] = defaultdict(lambda: defaultdict(float))
    for competition_id, class_id, level, _advisor in _effective_entry_levels(session, festival_id):
        table[class_id][competition_id] += points.get(level, 0.0)
    return table


def _class_awards(
    db: Database,
    session: Session,
    festival_id: int,
    settings: AwardSettings,
    stored: dict[RuleKey, list[LevelRule]],
) -> dict[SubjectKey, Computed] | str:
    """Collective awards per section from the class totals the school chose."""
    classes = _class_rows(session, festival_id)
    totals: dict[int, float | None] = {}
    basis = settings.basis_competition_id
    if basis is None:
        for class_id, by_competition in class_points_of(session, festival_id).items():
            total = sum(by_competition.values())
            totals[class_id] = total if total > 0 else None
    else:
        sheet = load_sheet(db, basis)
        results = sheet.results()
        waiting = sum(not r.complete for r in results)
        if waiting or not results:
            return f"集体奖：「{sheet.competition.name}」还有 {waiting} 件作品未评完，未评奖。"
        for result in results:
            best = totals.get(result.entry.class_id)
            if result.final is not None and (best is None or result.final > best):
                totals[result.entry.class_id] = result.final
    return _by_section(classes, totals, "class", stored)


def _by_section(
    classes: dict[int, tuple[str, str, int, int, int]],
    totals: dict[int, float | None],
    kind: str,
    stored: dict[RuleKey, list[LevelRule]],
) -> dict[SubjectKey, Computed]:
    """Levels for classes ranked by their totals within each section, by the section's rule."""
    sections: dict[str, dict[Hashable, float | None]] = defaultdict(dict)
    for class_id, total in totals.items():
        if class_id in classes:
            sections[classes[class_id][1]][class_id] = total
    computed: dict[SubjectKey, Computed] = {}
    for section, section_totals in sections.items():
        ranks = award_rules.rank_by_total(section_totals)
        rules = rules_for(stored, RuleKey(kind, None, section))
        for class_key, level in award_rules.assign_levels(ranks, rules).items():
            class_id = cast(int, class_key)
            computed[(kind, None, None, class_id, "")] = Computed(
                level, section, ranks[class_id], section_totals[class_id]
            )
    return computed


def _organisation_awards(
    db: Database,
    session: Session,
    festival_id: int,
    settings: AwardSettings,
    stored: dict[RuleKey, list[LevelRule]],
) -> dict[SubjectKey, Computed]:
    """优秀组织奖: classes where at least the set share of students take part, ranked by points."""
    classes = _class_rows(session, festival_id)
    points = class_points_of(session, festival_id)
    eligible = {
        p.class_id
        for p in participation_summary(db, festival_id)
        if p.student_count and p.share * 100 >= settings.organisation_min_share
    }
    totals: dict[int, float | None] = {
        class_id: sum(points.get(class_id, {}).values()) for class_id in eligible
    }
    return _by_section(classes, totals, "organisation", stored)


def _advisor_awards(
    session: Session, festival_id: int, settings: AwardSettings
) -> dict[SubjectKey, Computed]:
    """科技辅导员奖: each advisor of an awarded entry, at the level of their best student's award."""
    if settings.advisor_rule == "none":
        return {}
    order = [level.name for level in _levels(session, festival_id)]
    best: dict[tuple[int | None, str], list[str]] = defaultdict(list)
    for competition_id, _class_id, level, advisor in _effective_entry_levels(session, festival_id):
        for name in advisor_names(advisor):
            scope = competition_id if settings.advisor_rule == "competition" else None
            best[(scope, name)].append(level)
    computed: dict[SubjectKey, Computed] = {}
    for (scope_id, name), levels in best.items():
        level = award_rules.best_level(levels, order)
        if level and award_rules.at_least(level, settings.advisor_min_level, order):
            computed[("advisor", scope_id, None, None, name)] = Computed(level)
    return computed


def _assign_list(
    db: Database,
    festival_id: int,
    award_list: AwardList,
    kind: str,
    compute: Callable[[Session], dict[SubjectKey, Computed] | str],
    report: AssignReport,
    levels: Sequence[str],
    station: str,
) -> None:
    """Run one list's rules unless it is finalised or not ready (both reported); the advisor list
    spans every competition."""
    with db.session() as session:
        if _is_final(session, festival_id, award_list.key):
            report.skipped.append(f"{award_list.title}：已定稿，未改动。")
            return
        computed = compute(session)
        if isinstance(computed, str):
            report.skipped.append(computed)
            return
        _sync(
            session,
            festival_id,
            award_list.title,
            kind,
            award_list.competition_id,
            computed,
            report,
            levels,
            station,
            all_competitions=kind == "advisor",
        )


def assign_awards(
    db: Database, festival_id: int, competition_name: str | None = None, *, station: str = ""
) -> AssignReport:
    """Run the rules: each judged competition's entries (or only the one named), then — when all are
    run — the collective awards, the 优秀组织奖 and the 科技辅导员奖. A finalised list and a
    competition with entries still being judged are left as they are, and said so; manual changes
    are kept and listed where they differ from the rules."""
    from fest_desktop.scoring import find_judged_competition, judged_competitions

    competitions = (
        judged_competitions(db, festival_id)
        if competition_name is None
        else [find_judged_competition(db, festival_id, competition_name)]
    )
    report = AssignReport()
    lists = {award_list.key: award_list for award_list in award_lists(db, festival_id)}
    with db.session() as session:
        stored = _stored_rules(session, festival_id)
        settings = _settings(fetch(session, Festival, festival_id, "这个科技节已被删除。"))
        levels = [level.name for level in _levels(session, festival_id)]
    for competition in competitions:
        _assign_list(
            db,
            festival_id,
            lists[competition_list_key(competition.id)],
            "entry",
            # Called at once inside the loop, so it sees this competition.
            lambda _session: _entry_awards(db, competition, stored),  # noqa: B023
            report,
            levels,
            station,
        )
    if competition_name is not None:
        return report
    _assign_list(
        db,
        festival_id,
        lists[CLASS_LIST],
        "class",
        lambda session: _class_awards(db, session, festival_id, settings, stored),
        report,
        levels,
        station,
    )
    _assign_list(
        db,
        festival_id,
        lists[ORGANISATION_LIST],
        "organisation",
        lambda session: _organisation_awards(db, session, festival_id, settings, stored),
        report,
        [ORGANISATION_LEVEL],
        station,
    )
    _assign_list(
        db,
        festival_id,
        lists[ADVISOR_LIST],
        "advisor",
        lambda session: _advisor_awards(session, festival_id, settings),
        report,
        levels,
        station,
    )
    return report


# ---------------------------------------------------------------- changes by hand


def _award_row(session: Session, award_id: int) -> Award:
    return fetch(session, Award, award_id, "这项奖已被删除（可能在另一个窗口重新评了奖）。")


def change_award(db: Database, award_id: int, level: str, reason: str, *, station: str = "") -> AwardInfo:
    """Set an award's level by hand ("" withdraws it) with the reason, which the log keeps; the rules
    will not change it again until it is reverted."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明调整的原因，它会记入修改记录。")
    with db.session() as session:
        row = _award_row(session, award_id)
        _refuse_if_final(session, row.festival_id, list_key_of(row.kind, row.competition_id))
        _check_level(session, row.festival_id, row.kind, level)
        info = _load_awards(session, row.festival_id, [row])[0]
        _log(
            session,
            row.festival_id,
            "manual",
            info.subject,
            award_id=row.id,
            old=row.level,
            new=level,
            reason=reason,
            station=station,
        )
        row.level, row.manual, row.reason = level, True, reason
        session.flush()
        return _load_awards(session, row.festival_id, [row])[0]


def _check_level(session: Session, festival_id: int, kind: str, level: str) -> None:
    allowed = (
        [ORGANISATION_LEVEL] if kind == "organisation" else [lv.name for lv in _levels(session, festival_id)]
    )
    if level and level not in allowed:
        raise ValidationError(f"没有「{level}」这个奖项等级。可选：{'、'.join(allowed)}")


def award_entry(db: Database, entry_id: int, level: str, reason: str, *, station: str = "") -> AwardInfo:
    """Give an entry an award by hand (or change the one it has), with the reason."""
    with db.session() as session:
        entry = fetch(session, Entry, entry_id, "这件作品已被删除。")
        row = session.scalar(select(Award).where(Award.kind == "entry", Award.entry_id == entry_id))
        if row is None:
            _refuse_if_final(session, entry.festival_id, competition_list_key(entry.competition_id))
            _check_level(session, entry.festival_id, "entry", level)
            row = Award(
                festival_id=entry.festival_id,
                kind="entry",
                competition_id=entry.competition_id,
                entry_id=entry.id,
                level="",
                auto_level="",
                manual=True,
            )
            session.add(row)
            session.flush()
        award_id = row.id
    try:
        return change_award(db, award_id, level, reason, station=station)
    except FestError:
        with db.session() as session:
            created = session.get(Award, award_id)
            if (
                created is not None
                and created.manual
                and not created.level
                and not created.auto_level
                and not created.reason
            ):
                session.delete(created)
        raise


def find_entry_award_target(db: Database, festival_id: int, code: str) -> int:
    """The id of the entry numbered code (XZ-0012)."""
    with db.session() as session:
        entry_id = session.scalar(
            select(Entry.id).where(Entry.festival_id == festival_id, Entry.code == clean_text(code).upper())
        )
    if entry_id is None:
        raise NotFoundError(f"没有编号为「{code}」的作品。")
    return entry_id


def revert_award(db: Database, award_id: int, *, station: str = "") -> None:
    """Undo the manual change: the award goes back to what the rules gave (and goes if they gave none)."""
    with db.session() as session:
        row = _award_row(session, award_id)
        _refuse_if_final(session, row.festival_id, list_key_of(row.kind, row.competition_id))
        if not row.manual:
            return
        info = _load_awards(session, row.festival_id, [row])[0]
        _log(
            session,
            row.festival_id,
            "revert",
            info.subject,
            award_id=row.id,
            old=row.level,
            new=row.auto_level,
            station=station,
        )
        if row.auto_level:
            row.level, row.manual, row.reason = row.auto_level, False, ""
        else:
            session.delete(row)


def set_recommended(db: Database, entry_id: int, recommended: bool, *, station: str = "") -> None:
    """Mark an entry 推荐参加上级比赛 (or take the mark off); logged."""
    with db.session() as session:
        entry = fetch(session, Entry, entry_id, "这件作品已被删除。")
        if entry.recommended == recommended:
            return
        entry.recommended = recommended
        competition = session.get(Competition, entry.competition_id)
        subject = f"{competition.name if competition else ''} {entry.code}"
        _log(
            session,
            entry.festival_id,
            "recommend",
            subject,
            old="推荐" if not recommended else "",
            new="推荐" if recommended else "取消推荐",
            station=station,
        )


# ---------------------------------------------------------------- 定稿


def fingerprint_lines(awards: Iterable[AwardInfo]) -> list[str]:
    return [f"{a.subject}|{a.award_name}|{a.group}" for a in awards if a.level]


def finalise(db: Database, festival_id: int, list_key: str, *, station: str = "") -> NoticeInfo:
    """Freeze a list (定稿): no rule run or hand change touches it until it is reopened, and its notice
    carries the fingerprint of its awards now."""
    awards = list_awards(db, festival_id, list_key, include_withdrawn=False)
    title = _list_title(db, festival_id, list_key)
    if not awards:
        raise ValidationError(f"「{title}」还没有获奖者，不能定稿。请先按规则评奖。")
    code = award_rules.fingerprint(fingerprint_lines(awards))
    with db.session() as session:
        _refuse_if_final(session, festival_id, list_key)
        finalised_at = _now()
        session.add(
            AwardNotice(
                festival_id=festival_id, list_key=list_key, fingerprint=code, finalised_at=finalised_at
            )
        )
        _log(session, festival_id, "finalise", title, new=code, station=station)
    return NoticeInfo(list_key, code, finalised_at)


def reopen(db: Database, festival_id: int, list_key: str, reason: str, *, station: str = "") -> None:
    """Undo 定稿 with a reason (logged); certificates already printed keep their numbers."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明撤销定稿的原因，它会记入修改记录。")
    title = _list_title(db, festival_id, list_key)
    with db.session() as session:
        notice = _notice(session, festival_id, list_key)
        if notice is None:
            raise ValidationError(f"「{title}」还没有定稿。")
        _log(
            session, festival_id, "unfinalise", title, old=notice.fingerprint, reason=reason, station=station
        )
        session.delete(notice)


def _list_title(db: Database, festival_id: int, list_key: str) -> str:
    for award_list in award_lists(db, festival_id):
        if award_list.key == list_key:
            return award_list.title
    raise NotFoundError("这份获奖名单已不存在。")


def current_fingerprint(db: Database, festival_id: int, list_key: str) -> str:
    """The fingerprint the list's awards have now: differs from the finalised one when it changed."""
    return award_rules.fingerprint(
        fingerprint_lines(list_awards(db, festival_id, list_key, include_withdrawn=False))
    )


def award_by_entry(db: Database, festival_id: int) -> dict[int, str]:
    """entry id → its level, for every entry award that counts (results --json uses it)."""
    with db.session() as session:
        return {
            entry_id: level
            for entry_id, level in session.execute(
                select(Award.entry_id, Award.level).where(
                    Award.festival_id == festival_id, Award.kind == "entry", Award.level != ""
                )
            )
            if entry_id is not None
        }


def recommended_entries(db: Database, festival_id: int) -> set[int]:
    with db.session() as session:
        return set(
            session.scalars(
                select(Entry.id).where(Entry.festival_id == festival_id, Entry.recommended.is_(True))
            )
        )


# ---------------------------------------------------------------- 班级考核


@dataclass(frozen=True)
class ClassPoints:
    """A class's line of the 班级考核 table: points per competition from its entries' awards, its
    collective and 优秀组织奖 awards, and how many of its students took part."""

    class_id: int
    class_name: str
    section: str
    points: dict[str, float]
    collective: str
    organisation: str
    share: float

    @property
    def total(self) -> float:
        return sum(self.points.values())


def class_points(db: Database, festival_id: int) -> list[ClassPoints]:
    """The 班级考核 table, classes in school order, points by the levels' current points."""
    competitions = {c.id: c.name for c in list_competitions(db, festival_id)}
    shares = {p.class_id: p.share for p in participation_summary(db, festival_id)}
    with db.session() as session:
        classes = _class_rows(session, festival_id)
        table = class_points_of(session, festival_id)
        class_levels = {
            (kind, class_id): level
            for kind, class_id, level in session.execute(
                select(Award.kind, Award.class_id, Award.level).where(
                    Award.festival_id == festival_id,
                    Award.kind.in_(("class", "organisation")),
                    Award.level != "",
                )
            )
        }
    lines = []
    for class_id, (name, section, _position, _level, _number) in sorted(
        classes.items(), key=lambda item: (item[1][2], item[1][3], item[1][4])
    ):
        by_competition = table.get(class_id, {})
        lines.append(
            ClassPoints(
                class_id,
                name,
                section,
                {competitions[cid]: value for cid, value in by_competition.items() if cid in competitions},
                class_levels.get(("class", class_id), ""),
                class_levels.get(("organisation", class_id), ""),
                shares.get(class_id, 0.0),
            )
        )
    return lines


# ---------------------------------------------------------------- a new year's festival


def copy_award_setup(session: Session, source: Festival, target: Festival) -> None:
    """Copy the award levels, rules, settings and certificate templates to a new festival whose
    competitions were already copied (they are matched by name). Awards and certificates are not."""
    from fest_desktop.model import CertificateTemplate

    names = dict(
        session.execute(
            select(Competition.id, Competition.name).where(Competition.festival_id == source.id)
        ).all()
    )
    new_ids = dict(
        session.execute(
            select(Competition.name, Competition.id).where(Competition.festival_id == target.id)
        ).all()
    )

    def mapped(competition_id: int | None) -> int | None:
        return None if competition_id is None else new_ids.get(names.get(competition_id, ""))

    for level in session.scalars(select(AwardLevel).where(AwardLevel.festival_id == source.id)):
        session.add(
            AwardLevel(festival_id=target.id, name=level.name, position=level.position, points=level.points)
        )
    for rule in session.scalars(select(AwardRule).where(AwardRule.festival_id == source.id)):
        competition_id = mapped(rule.competition_id)
        if rule.competition_id is not None and competition_id is None:
            continue
        session.add(
            AwardRule(
                festival_id=target.id,
                scope=rule.scope,
                competition_id=competition_id,
                group_name=rule.group_name,
                level=rule.level,
                mode=rule.mode,
                amount=rule.amount,
                position=rule.position,
            )
        )
    basis = _settings(source).basis_competition_id
    target.collective_basis = f"competition:{mapped(basis)}" if basis and mapped(basis) else "points"
    target.organisation_min_share = source.organisation_min_share
    target.advisor_rule = source.advisor_rule
    target.advisor_min_level = source.advisor_min_level
    target.certificate_prefix = source.certificate_prefix
    target.certificate_digits = source.certificate_digits
    columns = [c.key for c in CertificateTemplate.__table__.columns if c.key not in ("id", "festival_id")]
    for template in session.scalars(
        select(CertificateTemplate).where(CertificateTemplate.festival_id == source.id)
    ):
        session.add(CertificateTemplate(festival_id=target.id, **{c: getattr(template, c) for c in columns}))
