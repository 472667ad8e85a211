"""Imports run as the command line runs them: read once, then planned only (dry_run) or committed,
the plan coming back with its problems when the commit refused it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from fest_desktop.registration.entry_files import read_entry_files
from fest_desktop.registration.entry_import import commit_entry_import, plan_entry_import
from fest_desktop.registration.entry_plan import EntryImport
from fest_desktop.school.roster import RosterImport, commit_roster_import, plan_roster_import
from fest_desktop.school.roster_files import read_roster
from fest_desktop.scoring.score_import import (
    ScoreImport,
    commit_score_import,
    plan_score_import,
    read_score_file,
)
from fest_desktop.storage.database import Database
from fest_desktop.storage.importing import RefusedPlan


def roster_imported(db: Database, festival_id: int, path: Path, *, dry_run: bool = False) -> RosterImport:
    file = read_roster(path)
    if dry_run:
        return plan_roster_import(db, festival_id, file)
    try:
        return commit_roster_import(db, festival_id, file).value
    except RefusedPlan as refused:
        assert isinstance(refused.plan, RosterImport)
        return refused.plan


def entries_imported(
    db: Database,
    festival_id: int,
    paths: Sequence[Path],
    *,
    dry_run: bool = False,
    allow_late: bool = False,
    today: dt.date | None = None,
) -> EntryImport:
    files = read_entry_files(paths)
    if dry_run:
        return plan_entry_import(db, festival_id, files, today)
    try:
        return commit_entry_import(db, festival_id, files, allow_late=allow_late, today=today).value
    except RefusedPlan as refused:
        assert isinstance(refused.plan, EntryImport)
        return refused.plan


def scores_imported(
    db: Database,
    festival_id: int,
    path: Path,
    *,
    dry_run: bool = False,
    add_judges: bool = False,
    station: str = "",
    open_early: bool = False,
) -> ScoreImport:
    file = read_score_file(path)
    if dry_run:
        return plan_score_import(db, festival_id, file, add_judges=add_judges, open_early=open_early)
    try:
        return commit_score_import(
            db, festival_id, file, add_judges=add_judges, station=station, open_early=open_early
        ).value
    except RefusedPlan as refused:
        assert isinstance(refused.plan, ScoreImport)
        return refused.plan
