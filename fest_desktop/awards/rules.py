"""The stored award rules (per list and group, by count or share), their defaults and their checks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import (
    BY_POINTS,
    MERIT_LEVEL,
    ORGANISATION_LEVEL,
    SHORTLIST_LEVEL,
    AwardKind,
    CollectiveBasis,
    RuleMode,
    list_key_of,
)
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.levels import is_shortlist, levels_for, settings_of
from fest_desktop.awards.lists import refuse_if_final
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import AwardLevel, AwardRule, Competition, Festival
from fest_desktop.values import clean_text

# "各年级各设一、二、三等奖若干名": a share of each group until the school says otherwise.
DEFAULT_ENTRY_RULES = (
    LevelRule("一等奖", RuleMode.PERCENT, 10),
    LevelRule("二等奖", RuleMode.PERCENT, 20),
    LevelRule("三等奖", RuleMode.PERCENT, 30),
)


# The plans' collective awards: 小学、初中 一等奖1名、二等奖2名；高中 一等奖1名、二等奖2名、三等奖5名.
DEFAULT_COLLECTIVE_RULES = {
    "小学": (LevelRule("一等奖", RuleMode.COUNT, 1), LevelRule("二等奖", RuleMode.COUNT, 2)),
    "初中": (LevelRule("一等奖", RuleMode.COUNT, 1), LevelRule("二等奖", RuleMode.COUNT, 2)),
    "高中": (
        LevelRule("一等奖", RuleMode.COUNT, 1),
        LevelRule("二等奖", RuleMode.COUNT, 2),
        LevelRule("三等奖", RuleMode.COUNT, 5),
    ),
}


# "个人优秀奖若干名": every judged work the levels above left without a prize, where the plan says so.
DEFAULT_MERIT_RULE = LevelRule(MERIT_LEVEL, RuleMode.REST)
DEFAULT_ORGANISATION_RULE = LevelRule(ORGANISATION_LEVEL, RuleMode.COUNT, 2)
# A 初评 selects about a third of the works, from which the school recommends its best.
DEFAULT_SHORTLIST_RULE = LevelRule(SHORTLIST_LEVEL, RuleMode.PERCENT, 30)


@dataclass(frozen=True)
class RuleKey:
    """Whose rule: a competition's entries (ENTRY), the collective awards (CLASS) or the 优秀组织奖
    (ORGANISATION); group "" applies to every group without its own rule."""

    scope: AwardKind
    competition_id: int | None = None
    group: str = ""


def stored_rules(session: Session, festival_id: int) -> dict[RuleKey, list[LevelRule]]:
    rules: dict[RuleKey, list[LevelRule]] = defaultdict(list)
    for row in session.scalars(
        select(AwardRule).where(AwardRule.festival_id == festival_id).order_by(AwardRule.position)
    ):
        key = RuleKey(row.scope, row.competition_id, row.group_name)
        rules[key].append(LevelRule(row.level, row.mode, row.amount))
    return rules


def rules_for(
    stored: dict[RuleKey, list[LevelRule]], key: RuleKey, *, shortlist: bool = False, merit: bool = False
) -> list[LevelRule]:
    """A group's rule: its own, else its scope's rule for every group, else the default (for a 初评,
    a share of the works 入选; with merit, 优秀奖 for every judged work left without a prize)."""
    for candidate in (key, RuleKey(key.scope, key.competition_id, "")):
        if candidate in stored:
            return stored[candidate]
    if key.scope == AwardKind.ORGANISATION:
        return [DEFAULT_ORGANISATION_RULE]
    if key.scope == AwardKind.CLASS:
        return list(DEFAULT_COLLECTIVE_RULES.get(key.group, DEFAULT_COLLECTIVE_RULES["小学"]))
    if shortlist:
        return [DEFAULT_SHORTLIST_RULE]
    return [*DEFAULT_ENTRY_RULES, *((DEFAULT_MERIT_RULE,) if merit else ())]


def effective_rules(db: Database, festival_id: int, key: RuleKey) -> list[LevelRule]:
    with db.session() as session:
        competition = session.get(Competition, key.competition_id) if key.competition_id else None
        return rules_for(
            stored_rules(session, festival_id),
            key,
            shortlist=is_shortlist(session, key.competition_id),
            merit=competition is not None and competition.merit_award,
        )


def _check_rules(rules: Sequence[LevelRule], levels: Sequence[str], scope: str) -> list[LevelRule]:
    checked: list[LevelRule] = []
    for rule in rules:
        level = ORGANISATION_LEVEL if scope == AwardKind.ORGANISATION else clean_text(rule.level)
        if level not in levels and scope != AwardKind.ORGANISATION:
            raise ValidationError(f"没有「{rule.level}」这个奖项等级。请先在奖项等级中添加。")
        if rule.mode not in RuleMode.__members__.values():
            raise ValidationError(f"「{level}」的评奖方式只能是名额或比例。")
        if rule.amount < 0 or (rule.mode == RuleMode.PERCENT and rule.amount > 100):
            raise ValidationError(f"「{level}」的{rule.mode.label}不对：{rule.amount:g}。")
        if rule.mode == RuleMode.COUNT and rule.amount != int(rule.amount):
            raise ValidationError(f"「{level}」的名额要是整数：{rule.amount:g}。")
        if checked and checked[-1].mode == RuleMode.REST:
            raise ValidationError(f"「{checked[-1].level}」给其余评过的全部作品，只能排在最后。")
        amount = 0.0 if rule.mode == RuleMode.REST else float(rule.amount)
        checked.append(LevelRule(level, rule.mode, amount))
    if len({r.level for r in checked}) != len(checked):
        raise ValidationError("同一个奖项等级在一条规则里只能出现一次。")
    order = [levels.index(r.level) for r in checked if r.level in levels]
    if order != sorted(order):
        raise ValidationError("奖项要按从高到低的顺序排列（一等奖在前）。")
    if sum(r.amount for r in checked if r.mode == RuleMode.PERCENT) > 100:
        raise ValidationError("各奖项的比例加起来超过了 100%。")
    return checked


def set_rules(db: Database, festival_id: int, key: RuleKey, rules: Sequence[LevelRule] | None) -> Done[None]:
    """Set the levels of one group (or, with group "", of every group); None goes back to the default.
    Refused while the list the rule feeds is finalised."""
    with db.session() as session:
        rules_in(session, festival_id, key, rules)
    return Done(None, Changed.AWARDS)


def rules_in(session: Session, festival_id: int, key: RuleKey, rules: Sequence[LevelRule] | None) -> None:
    """set_rules within a session."""
    levels = levels_for(session, festival_id, key.scope, key.competition_id)
    checked = None if rules is None else _check_rules(rules, levels, key.scope)
    refuse_if_final(session, festival_id, list_key_of(key.scope, key.competition_id))
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


def copy_award_setup(session: Session, source: Festival, target: Festival) -> None:
    """Copy the award levels, rules and settings to a new festival whose competitions were already
    copied (they are matched by name). Awards are not."""
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
    basis = settings_of(source).basis_competition_id
    target.collective_basis = CollectiveBasis(mapped(basis)) if basis and mapped(basis) else BY_POINTS
    target.organisation_min_share = source.organisation_min_share
    target.advisor_rule = source.advisor_rule
    target.advisor_min_level = source.advisor_min_level
    target.certificate_prefix = source.certificate_prefix
    target.certificate_digits = source.certificate_digits
