"""What 定稿 asks the teacher to confirm: a group where the awards give every ranked entry a prize (or
all but one), and a tie that gives a level more places than its rule names (and the levels below
fewer) while the group's awards are still the rules' own: a change by hand settles it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable

from sqlalchemy.orm import Session

from fest_desktop.awards import level_rules
from fest_desktop.awards.kinds import CLASS_LIST, ORGANISATION_LIST, AwardKind, ListKey, RuleMode
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.levels import settings_of
from fest_desktop.awards.lists import award_lists_of, awards_of, class_rows
from fest_desktop.awards.rules import RuleKey, rules_for, stored_rules
from fest_desktop.awards.totals import collective_totals, organisation_totals
from fest_desktop.registration.competitions import competitions_of
from fest_desktop.school.festivals import festival_row
from fest_desktop.scoring.sheet import sheet_of

# group → (each subject's rank, the group's rule); subjects are entry ids or class ids.
Groups = dict[str, tuple[dict[Hashable, int | None], list[LevelRule]]]


def _competition_groups(session: Session, festival_id: int, competition_id: int) -> tuple[Groups, str]:
    competition = next(c for c in competitions_of(session, festival_id) if c.id == competition_id)
    stored = stored_rules(session, festival_id)
    ranks: dict[str, dict[Hashable, int | None]] = defaultdict(dict)
    for result in sheet_of(session, competition_id).results():
        ranks[result.entry.group][result.entry.id] = result.rank
    groups: Groups = {
        group: (
            group_ranks,
            rules_for(
                stored,
                RuleKey(AwardKind.ENTRY, competition_id, group),
                shortlist=competition.is_shortlist,
                merit=competition.merit_award,
            ),
        )
        for group, group_ranks in ranks.items()
    }
    return groups, competition.entry_unit


def _class_groups(session: Session, festival_id: int, kind: AwardKind) -> Groups:
    settings = settings_of(festival_row(session, festival_id))
    totals = (
        collective_totals(session, festival_id, settings)
        if kind == AwardKind.CLASS
        else organisation_totals(session, festival_id, settings)
    )
    if isinstance(totals, str):
        return {}
    classes = class_rows(session, festival_id)
    sections: dict[str, dict[Hashable, float | None]] = defaultdict(dict)
    for class_id, total in totals.items():
        if class_id in classes:
            sections[classes[class_id][1]][class_id] = total
    stored = stored_rules(session, festival_id)
    return {
        section: (level_rules.rank_by_total(section_totals), rules_for(stored, RuleKey(kind, None, section)))
        for section, section_totals in sections.items()
    }


def surprises_in(session: Session, festival_id: int, list_key: ListKey) -> list[str]:
    """The list's surprises as lines to confirm: "科技知识竞赛 三年级：3 队都获奖（一等奖1、二等奖1、
    三等奖1）", "集体奖 小学：并列使一等奖 1名 → 2名". The 科技辅导员奖 has none."""
    award_list = next((a for a in award_lists_of(session, festival_id) if a.key == list_key), None)
    if award_list is None:
        return []
    if award_list.competition_id is not None:
        groups, unit = _competition_groups(session, festival_id, award_list.competition_id)
    elif list_key in (CLASS_LIST, ORGANISATION_LIST):
        groups, unit = _class_groups(session, festival_id, award_list.kind), "个班"
    else:
        return []
    keep_one = settings_of(festival_row(session, festival_id)).share_keeps_one_place
    given: dict[str, dict[Hashable, str]] = defaultdict(dict)
    for award in awards_of(session, festival_id, list_key, include_withdrawn=False):
        subject = award.entry_id if award.kind == AwardKind.ENTRY else award.class_id
        given[award.group][subject] = award.level
    found = []
    for group, (ranks, rules) in groups.items():
        levels = {subject: level for subject, level in given[group].items() if subject in ranks}
        rest = {rule.level for rule in rules if rule.mode == RuleMode.REST}
        prizes = Counter(level for level in levels.values() if level not in rest)
        size = sum(rank is not None for rank in ranks.values())
        where = f"{award_list.title} {group}".strip()
        many = level_rules.group_surprise(size, sum(prizes.values()), unit)
        if many:
            counts = "、".join(f"{level}{count}" for level, count in prizes.items())
            found.append(f"{where}：{many}（{counts}）")
        # A tie as the rules leave it; once the teacher changed the group by hand, it is settled.
        by_rules = level_rules.assign_levels(ranks, rules, keep_one=keep_one)
        if levels == by_rules:
            ties = level_rules.ties_over_places(ranks, rules, by_rules, keep_one=keep_one)
            found.extend(f"{where}：并列使{tie}" for tie in ties)
    return found
