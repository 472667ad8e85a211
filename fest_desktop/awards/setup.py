"""The 评奖规则 dialog saved as one action: the levels, the festival's award settings, the 班级考核
points of each source and the rule of the group shown, checked and written together or not at all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from fest_desktop.awards.kinds import PointSource
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.levels import AwardSettings, LevelInfo, levels_in, settings_in
from fest_desktop.awards.point_sources import point_rules_in
from fest_desktop.awards.rules import RuleKey, rules_in
from fest_desktop.changes import Changed, Done
from fest_desktop.storage.database import Database


def save_award_rules(
    db: Database,
    festival_id: int,
    levels: Sequence[LevelInfo],
    settings: AwardSettings,
    points: Mapping[PointSource, float],
    key: RuleKey,
    rules: Sequence[LevelRule] | None,
) -> Done[AwardSettings]:
    """Store what the rules dialog holds in one transaction; a refusal of any part leaves all as it was."""
    with db.session() as session:
        levels_in(session, festival_id, levels)
        saved = settings_in(session, festival_id, settings)
        point_rules_in(session, festival_id, points)
        rules_in(session, festival_id, key, rules)
        return Done(saved, Changed.AWARDS)
