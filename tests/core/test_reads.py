"""A read never writes: what the screens, the command line and the phones read of a festival in full
swing (judges with links, awards, a finalised list, certificates printed, scores from a phone) runs
no statement that writes, so opening a tab or listing the judges' links changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event

from fest_desktop.awards.assignment import assign_awards, out_of_date_lists
from fest_desktop.awards.finalising import finalise, waiting_for
from fest_desktop.awards.kinds import CLASS_LIST, competition_list_key
from fest_desktop.awards.levels import award_levels, award_settings
from fest_desktop.awards.lists import award_lists, list_awards, notices
from fest_desktop.awards.log import award_log
from fest_desktop.calendar.events import list_events
from fest_desktop.certificates.batch import print_batch, to_file
from fest_desktop.certificates.jobs import certificate_jobs
from fest_desktop.certificates.register import search_register
from fest_desktop.certificates.templates import list_templates, template_for
from fest_desktop.phones.cards import write_cards
from fest_desktop.phones.conflicts import score_conflicts
from fest_desktop.phones.links import judge_links
from fest_desktop.phones.sheet import phone_sheet
from fest_desktop.registration.competitions import list_competitions
from fest_desktop.registration.entries import list_entries
from fest_desktop.registration.presets import add_preset
from fest_desktop.registration.quotas import participation_summary, quota_overview
from fest_desktop.school.festivals import FestivalInfo, list_festivals, list_phases
from fest_desktop.school.people import list_students, list_teachers
from fest_desktop.school.structure import list_classes, list_grades
from fest_desktop.scoring.entering import enter_score
from fest_desktop.scoring.judges import add_judge, list_judges
from fest_desktop.scoring.log import competition_log, scoring_stamp
from fest_desktop.scoring.sheet import festival_results, judged_competitions, load_sheet
from fest_desktop.storage.database import Database
from fest_desktop.summary.district import district_templates
from fest_desktop.summary.figures import summary_figures
from fest_desktop.summary.text import summary_text
from tests.core.award_fixture import make_throws

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


@contextmanager
def writes(db: Database) -> Iterator[list[str]]:
    """The statements that write, run inside the block."""
    found: list[str] = []

    def seen(_connection: object, _cursor: object, statement: str, *_rest: object) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            found.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        yield found
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)


def test_nothing_a_screen_or_the_command_line_reads_writes(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    throws = make_throws(db, festival, {"张子涵": "王芳", "李梓轩": ""})
    throws.throw(db, {"张子涵": 20, "李梓轩": 18})
    boards = add_preset(db, festival.id, "科普板报比赛").value
    judge = add_judge(db, boards.id, "李老师").value
    add_judge(db, boards.id, "陈老师")
    entry = load_sheet(db, boards.id).entries[0].id
    enter_score(db, entry, judge.id, boards.score_criteria[0].id, 8)
    assign_awards(db, festival.id)
    finalise(db, festival.id, competition_list_key(throws.competition.id), confirmed=True)
    jobs = certificate_jobs(db, festival.id)
    template = template_for(list_templates(db, festival.id), jobs[0].kind)
    print_batch(
        db, festival.id, template, [j for j in jobs if j.kind == template.kind], to_file(tmp_path / "c.pdf")
    )
    secret = judge_links(db, boards.id)[1].secret
    with writes(db) as found:
        for read in (
            lambda: list_festivals(db),
            lambda: list_phases(db, festival.id),
            lambda: list_grades(db, festival.id),
            lambda: list_classes(db, festival.id),
            lambda: list_teachers(db, festival.id),
            lambda: list_students(db, festival.id),
            lambda: list_events(db, festival.id),
            lambda: list_competitions(db, festival.id),
            lambda: list_entries(db, festival.id),
            lambda: quota_overview(db, festival.id, list_competitions(db, festival.id)),
            lambda: participation_summary(db, festival.id),
            lambda: judged_competitions(db, festival.id),
            lambda: load_sheet(db, boards.id),
            lambda: festival_results(db, festival.id),
            lambda: list_judges(db, boards.id),
            lambda: competition_log(db, boards.id),
            lambda: scoring_stamp(db, festival.id),
            lambda: judge_links(db, boards.id),
            lambda: phone_sheet(db, secret),
            lambda: score_conflicts(db, festival.id),
            lambda: award_lists(db, festival.id),
            lambda: list_awards(db, festival.id),
            lambda: notices(db, festival.id),
            lambda: out_of_date_lists(db, festival.id),
            lambda: waiting_for(db, festival.id, CLASS_LIST),
            lambda: award_levels(db, festival.id),
            lambda: award_settings(db, festival.id),
            lambda: award_log(db, festival.id),
            lambda: list_templates(db, festival.id),
            lambda: certificate_jobs(db, festival.id),
            lambda: search_register(db, festival.id, ""),
            lambda: summary_figures(db, festival.id),
            lambda: summary_text(db, festival.id),
            lambda: district_templates(db),
            lambda: write_cards(db, boards.id, tmp_path / "cards.pdf", "192.168.1.10", 8765),
        ):
            read()
    assert found == []
