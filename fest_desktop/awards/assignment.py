"""Running the award rules: each competition's entries from its results, then the collective awards,
the 优秀组织奖 and the 科技辅导员奖, synchronised with what is stored (manual changes kept)."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.awards import level_rules
from fest_desktop.awards.kinds import (
    ADVISOR_LIST,
    CLASS_LIST,
    ORGANISATION_LEVEL,
    ORGANISATION_LIST,
    SHORTLIST_LEVEL,
    AdvisorRule,
    AwardAction,
    AwardKind,
    ListKey,
    competition_list_key,
)
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.levels import AwardSettings, levels_of, settings_of
from fest_desktop.awards.lists import (
    AwardList,
    advisor_names,
    award_infos,
    award_lists_of,
    awards_of,
    class_rows,
    is_final,
    notices_of,
)
from fest_desktop.awards.log import log_award_change
from fest_desktop.awards.rules import RuleKey, rules_for, stored_rules
from fest_desktop.awards.totals import collective_totals, effective_entry_levels, organisation_totals
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.registration.competitions import CompetitionInfo, competition_row
from fest_desktop.school.festivals import festival_row
from fest_desktop.scoring.opening import judging_refusal, open_early_in
from fest_desktop.scoring.sheet import chosen_competitions, sheet_of
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Award

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
    ties: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = []
        for title, counts in self.assigned.items():
            text = "、".join(f"{level} {count}" for level, count in counts.items()) or "无人获奖"
            lines.append(f"{title}：{text}")
        lines += self.skipped
        lines += [f"保留手动调整：{line}" for line in self.kept_manual]
        lines += [f"需要决定：{line}" for line in self.ties]
        return lines


def _subject_key(row: Award) -> SubjectKey:
    return (row.kind, row.competition_id, row.entry_id, row.class_id, row.teacher)


def _sync(
    session: Session,
    festival_id: int,
    title: str,
    kind: AwardKind,
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
    infos = {a.id: a for a in award_infos(session, festival_id, existing.values())}
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
            log_award_change(
                session,
                festival_id,
                AwardAction.RULES,
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
    log_award_change(
        session, festival_id, AwardAction.RULES, title, new=summary[:20], reason=summary, station=station
    )
    session.flush()


def _entry_awards(
    session: Session,
    competition: CompetitionInfo,
    stored: dict[RuleKey, list[LevelRule]],
    keep_one: bool,
    ties: list[str] | None = None,
    today: dt.date | None = None,
) -> dict[SubjectKey, Computed] | str:
    """The levels the rules give a competition's entries, or why they cannot yet (not judged, judging
    not open); a tie that made a level larger than its rule says is added to ties, for the organiser
    to decide."""
    if competition.unscorable_reason:
        if competition.is_shortlist:
            return f"{competition.name}：不评分的初评，入选作品请在名单中逐件选定。"
        return f"{competition.name}：还没有计分的评分项，不评奖。"
    refusal = judging_refusal(competition_row(session, competition.id), today, "评奖")
    if refusal:
        return refusal
    sheet = sheet_of(session, competition.id)
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
        rules = rules_for(
            stored,
            RuleKey(AwardKind.ENTRY, competition.id, group),
            shortlist=competition.is_shortlist,
            merit=competition.merit_award,
        )
        levels = level_rules.assign_levels(ranks, rules, keep_one=keep_one)
        if ties is not None:
            ties.extend(
                f"{competition.name} {group}：并列使{tie}。请设破同分规则决出名次，或确认并列。"
                for tie in level_rules.ties_over_places(ranks, rules, levels, keep_one=keep_one)
            )
        for entry_id, level in levels.items():
            assert isinstance(entry_id, int)
            result = by_entry[entry_id]
            computed[(AwardKind.ENTRY, competition.id, entry_id, None, "")] = Computed(
                level, group, result.rank, result.final
            )
    return computed


def _class_awards(
    session: Session,
    festival_id: int,
    settings: AwardSettings,
    stored: dict[RuleKey, list[LevelRule]],
) -> dict[SubjectKey, Computed] | str:
    """Collective awards per section from the class totals the school chose."""
    totals = collective_totals(session, festival_id, settings)
    if isinstance(totals, str):
        return totals
    classes = class_rows(session, festival_id)
    return _by_section(classes, totals, AwardKind.CLASS, stored, settings.share_keeps_one_place)


def _by_section(
    classes: dict[int, tuple[str, str, int, int, int]],
    totals: dict[int, float | None],
    kind: AwardKind,
    stored: dict[RuleKey, list[LevelRule]],
    keep_one: bool,
) -> dict[SubjectKey, Computed]:
    """Levels for classes ranked by their totals within each section, by the section's rule."""
    sections: dict[str, dict[Hashable, float | None]] = defaultdict(dict)
    for class_id, total in totals.items():
        if class_id in classes:
            sections[classes[class_id][1]][class_id] = total
    computed: dict[SubjectKey, Computed] = {}
    for section, section_totals in sections.items():
        ranks = level_rules.rank_by_total(section_totals)
        rules = rules_for(stored, RuleKey(kind, None, section))
        for class_key, level in level_rules.assign_levels(ranks, rules, keep_one=keep_one).items():
            class_id = cast(int, class_key)
            computed[(kind, None, None, class_id, "")] = Computed(
                level, section, ranks[class_id], section_totals[class_id]
            )
    return computed


def _organisation_awards(
    session: Session,
    festival_id: int,
    settings: AwardSettings,
    stored: dict[RuleKey, list[LevelRule]],
) -> dict[SubjectKey, Computed]:
    """优秀组织奖: classes where at least the set share of students take part, ranked by points."""
    classes = class_rows(session, festival_id)
    totals = organisation_totals(session, festival_id, settings)
    return _by_section(classes, totals, AwardKind.ORGANISATION, stored, settings.share_keeps_one_place)


def _advisor_awards(
    session: Session, festival_id: int, settings: AwardSettings
) -> dict[SubjectKey, Computed]:
    """科技辅导员奖: each advisor of an awarded entry, at the level of their best student's award."""
    if settings.advisor_rule == AdvisorRule.NONE:
        return {}
    order = [level.name for level in levels_of(session, festival_id)]
    best: dict[tuple[int | None, str], list[str]] = defaultdict(list)
    for competition_id, _class_id, level, advisor in effective_entry_levels(session, festival_id):
        for name in advisor_names(advisor):
            scope = competition_id if settings.advisor_rule == AdvisorRule.PER_COMPETITION else None
            best[(scope, name)].append(level)
    computed: dict[SubjectKey, Computed] = {}
    for (scope_id, name), levels in best.items():
        level = level_rules.best_level(levels, order)
        if level and level_rules.at_least(level, settings.advisor_min_level, order):
            computed[(AwardKind.ADVISOR, scope_id, None, None, name)] = Computed(level)
    return computed


def _assign_list(
    session: Session,
    festival_id: int,
    award_list: AwardList,
    kind: AwardKind,
    compute: Callable[[], dict[SubjectKey, Computed] | str],
    report: AssignReport,
    levels: Sequence[str],
    station: str,
) -> None:
    """Run one list's rules unless it is finalised or not ready (both reported); the advisor list
    spans every competition."""
    if is_final(session, festival_id, award_list.key):
        report.skipped.append(f"{award_list.title}：已定稿，未改动。")
        return
    computed = compute()
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
        all_competitions=kind == AwardKind.ADVISOR,
    )


def assign_awards(
    db: Database,
    festival_id: int,
    competition_name: str | None = None,
    *,
    station: str = "",
    open_early: bool = False,
    today: dt.date | None = None,
) -> Done[AssignReport]:
    """Run the rules, in one transaction: each judged competition's entries (or only the one named),
    then — when all are run — the collective awards, the 优秀组织奖 and the 科技辅导员奖, which see the
    competitions' new awards. A finalised list, a competition with entries still being judged and one
    whose judging has not opened are left as they are, and said so; the one competition named is
    refused before its day unless open_early opens its judging (logged). Manual changes are kept and
    listed where they differ from the rules."""
    if open_early and competition_name is None:
        raise ValidationError("提前开始评审要指定一个比赛项目（每个比赛项目各自开始评审）。")
    report = AssignReport()
    with db.session() as session:
        competitions = chosen_competitions(session, festival_id, competition_name)
        for competition in competitions if competition_name is not None else ():
            row = competition_row(session, competition.id)
            if open_early and judging_refusal(row, today):
                open_early_in(session, row, station)
            refusal = judging_refusal(row, today, "评奖")
            if refusal:
                raise ValidationError(refusal)
        lists = {award_list.key: award_list for award_list in award_lists_of(session, festival_id)}
        stored = stored_rules(session, festival_id)
        settings = settings_of(festival_row(session, festival_id))
        levels = [level.name for level in levels_of(session, festival_id)]
        for competition in competitions:
            entry_awards = functools.partial(
                _entry_awards,
                session,
                competition,
                stored,
                settings.share_keeps_one_place,
                report.ties,
                today,
            )
            _assign_list(
                session,
                festival_id,
                lists[competition_list_key(competition.id)],
                AwardKind.ENTRY,
                entry_awards,
                report,
                [SHORTLIST_LEVEL] if competition.is_shortlist else levels,
                station,
            )
        if competition_name is not None:
            return Done(report, Changed.AWARDS)
        _assign_list(
            session,
            festival_id,
            lists[CLASS_LIST],
            AwardKind.CLASS,
            lambda: _class_awards(session, festival_id, settings, stored),
            report,
            levels,
            station,
        )
        _assign_list(
            session,
            festival_id,
            lists[ORGANISATION_LIST],
            AwardKind.ORGANISATION,
            lambda: _organisation_awards(session, festival_id, settings, stored),
            report,
            [ORGANISATION_LEVEL],
            station,
        )
        _assign_list(
            session,
            festival_id,
            lists[ADVISOR_LIST],
            AwardKind.ADVISOR,
            lambda: _advisor_awards(session, festival_id, settings),
            report,
            levels,
            station,
        )
        return Done(report, Changed.AWARDS)


OUT_OF_DATE = "定稿后成绩或作品有变，这份名单与现在的成绩不一致：请撤销定稿、重新评奖后再定稿。"


def out_of_date_lists(db: Database, festival_id: int) -> dict[ListKey, str]:
    """The finalised competition lists that no longer match their results (an entry withdrawn, a
    judge removed with their scores, …) by list key, each with what to do. Scores themselves cannot
    change under a finalised list; this catches what else can."""
    with db.session() as session:
        return out_of_date_of(session, festival_id)


def out_of_date_of(session: Session, festival_id: int) -> dict[ListKey, str]:
    """out_of_date_lists within a session."""
    finalised = notices_of(session, festival_id)
    stored = stored_rules(session, festival_id)
    keep_one = settings_of(festival_row(session, festival_id)).share_keeps_one_place
    found: dict[ListKey, str] = {}
    for competition in chosen_competitions(session, festival_id, None):
        key = competition_list_key(competition.id)
        if key not in finalised:
            continue
        computed = _entry_awards(session, competition, stored, keep_one)
        now = (
            {}
            if isinstance(computed, str)
            else {subject[2]: result.level for subject, result in computed.items() if result.level}
        )
        kept = {
            award.entry_id: award.auto_level
            for award in awards_of(session, festival_id, key)
            if award.auto_level and award.entry_id is not None
        }
        if isinstance(computed, str) or now != kept:
            found[key] = OUT_OF_DATE
    return found
