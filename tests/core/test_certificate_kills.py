"""A certificate batch killed (kill -9) at every step of its way: no number is ever on a file without
being in the register, and no number goes to two recipients; the next batch prints the numbers a killed
one issued, to the same recipients."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.kinds import AwardKind, RuleMode, competition_list_key
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.rules import RuleKey, set_rules
from fest_desktop.certificates.batch import print_certificates
from fest_desktop.certificates.kinds import RegisterState
from fest_desktop.certificates.register import search_register
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from tests.conftest import PROJECT_ROOT
from tests.core.award_fixture import Throws, make_throws
from tests.pdf_checks import page_count, page_text

# The command line's batch (every finalised list to a PDF), stopped at a step: the child says it has
# reached it and waits on its input, where the test kills it.
BATCH_STOPPED_AT = """
import sys
from pathlib import Path

from fest_desktop.certificates import batch
from fest_desktop.storage.database import open_database

location, festival_id, target, step = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]


def reached(name):
    if name == step:
        print(f"reached {name}", flush=True)
        sys.stdin.readline()


issue_numbers, record_printed, paint_pdf, to_file = (
    batch.issue_numbers, batch.record_printed, batch.paint_pdf, batch.to_file
)


def issuing(session, festival_id, jobs):
    numbered = issue_numbers(session, festival_id, jobs)
    session.flush()
    reached("numbering")  # numbers written, not committed
    return numbered


def painting(target, sheets, *, title, progress):
    def drawn(done, total):
        if done == 1:
            reached("drawing")
        return progress(done, total)

    paint_pdf(target, sheets, title=title, progress=drawn)


def delivering(path):
    deliver = to_file(path)

    def deliver_and_say(sheets, progress):
        reached("numbered")  # committed, nothing drawn
        deliver(sheets, progress)
        reached("written")  # the file in place, not yet recorded as printed

    return deliver_and_say


def recording(session, ids):
    record_printed(session, ids)
    session.flush()
    reached("recording")  # recorded, not committed


batch.issue_numbers, batch.record_printed, batch.paint_pdf, batch.to_file = (
    issuing, recording, painting, delivering
)
batch.print_certificates(open_database(location), festival_id, target)
reached("recorded")
"""

STEPS = ("numbering", "numbered", "drawing", "written", "recording", "recorded")


@pytest.fixture
def throws(db: Database, festival: FestivalInfo) -> Throws:
    made = make_throws(db, festival, {"张子涵": "", "李梓轩": "", "刘欣怡": "", "吴可馨": ""})
    set_rules(
        db,
        festival.id,
        RuleKey(AwardKind.ENTRY, made.competition.id),
        [LevelRule("一等奖", RuleMode.COUNT, 1), LevelRule("二等奖", RuleMode.COUNT, 3)],
    )
    made.throw(db, {"张子涵": 20, "李梓轩": 18, "刘欣怡": 17, "吴可馨": 9})
    assign_awards(db, festival.id)
    finalise(db, festival.id, competition_list_key(made.competition.id), confirmed=True)
    return made


def numbers_on(path: Path) -> dict[str, str]:
    """Each certificate number printed in the file, with the text of its page."""
    found = {}
    for page in range(page_count(path)):
        text = page_text(path, page)
        numbers = [word for word in text.replace("：", " ").split() if word.startswith("KJJ2026-")]
        assert len(numbers) == 1, text
        found[numbers[0]] = text
    return found


def kill_at(db: Database, festival_id: int, target: Path, step: str) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", BATCH_STOPPED_AT, db.location, str(festival_id), str(target), step],
        cwd=PROJECT_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        os.kill(child.pid, signal.SIGKILL)
    assert line == f"reached {step}\n", line
    assert child.returncode == -signal.SIGKILL


@pytest.mark.parametrize("step", STEPS)
def test_a_batch_killed_at_any_step_never_prints_a_number_the_register_lacks_nor_gives_one_twice(
    db: Database, throws: Throws, tmp_path: Path, step: str
) -> None:
    killed = tmp_path / "killed.pdf"
    kill_at(db, throws.festival_id, killed, step)
    register = {record.number: record for record in search_register(db, throws.festival_id)}
    on_file = numbers_on(killed) if killed.exists() else {}
    # The file appears only after its numbers were committed: each is in the register, for its pupil.
    assert killed.exists() == (step in ("written", "recording", "recorded"))
    for number, text in on_file.items():
        assert number in register and register[number].recipient in text
    issued = {number for number, record in register.items() if record.state == RegisterState.ISSUED}
    assert issued == ({*register} if step in ("numbered", "drawing", "written", "recording") else set())

    # The next batch prints what the killed one left: the same numbers to the same pupils.
    after = tmp_path / "after.pdf"
    [printed] = print_certificates(db, throws.festival_id, after).value
    assert sorted(printed.resumed) == sorted(issued)
    again = numbers_on(after)
    final = {record.number: record for record in search_register(db, throws.festival_id)}
    assert len(final) == len(printed.jobs) == 4
    for number, text in again.items():
        assert final[number].recipient in text and final[number].state == RegisterState.PRINTED
    for number, record in register.items():
        assert final[number].recipient == record.recipient
    for number, text in on_file.items():
        assert final[number].recipient in again[number] and final[number].recipient in text


def test_two_stations_printing_at_once_give_each_certificate_one_number(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from fest_desktop.storage.database import open_database

    stations = [open_database(db.location) for _ in range(2)]
    try:
        with ThreadPoolExecutor(2) as pool:
            batches = list(
                pool.map(
                    lambda station: print_certificates(
                        station[1], throws.festival_id, tmp_path / f"{station[0]}.pdf"
                    ),
                    enumerate(stations),
                )
            )
    finally:
        for station in stations:
            station.close()
    printed = [{job.recipient: job.number for job in done.value[0].jobs} for done in batches]
    assert printed[0] == printed[1] and len(set(printed[0].values())) == 4
    assert {r.number: r.recipient for r in search_register(db, throws.festival_id)} == {
        number: recipient for recipient, number in printed[0].items()
    }
