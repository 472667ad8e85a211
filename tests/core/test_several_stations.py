"""Faults and several stations, with real processes: an import killed half-way leaves nothing half
imported, and two processes scoring one competition at once lose nothing and see each other's scores.

These take the `database_target` fixture, so they run against the SQLite file and, in CI, against the
PostgreSQL server as well."""

from __future__ import annotations

import itertools
import signal
import subprocess
import sys
from pathlib import Path

from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.log import entry_log, scoring_stamp
from fest_desktop.scoring.sheet import load_sheet
from fest_desktop.storage.database import Database, open_database
from fest_desktop.storage.model import Student
from tests.conftest import PROJECT_ROOT, write_workbook
from tests.core.importing import roster_imported
from tests.core.scoring_fixture import make_board

# Runs the real CLI import, stopping for good at the first student row written (not yet committed).
STALLED_IMPORT = """
import sys, time
from sqlalchemy import Engine, event
from fest_desktop.cli.main import run_cli

def stall(conn, cursor, statement, parameters, context, executemany):
    if statement.lstrip().upper().startswith("INSERT INTO STUDENT"):
        print("WRITING", flush=True)
        time.sleep(120)

event.listen(Engine, "after_cursor_execute", stall)
run_cli(sys.argv[1:])
"""


def _roster(path: Path, count: int) -> Path:
    rows = [["年级", "班级", "姓名"]] + [["三年级", str(n % 4 + 1), f"学生{n:03d}"] for n in range(count)]
    return write_workbook(path, {"花名册": rows})


def _student_count(db: Database) -> int:
    with db.session() as session:
        return session.query(Student).count()


def test_an_import_killed_half_way_leaves_nothing_half_imported(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    roster = _roster(tmp_path / "花名册.xlsx", 400)
    process = subprocess.Popen(
        [sys.executable, "-c", STALLED_IMPORT, "roster", "import", str(roster), "--db", db.location],
        stdout=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "WRITING"
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    db.close()
    reopened = open_database(db.location)  # the integrity check runs here for a file
    try:
        assert _student_count(reopened) == 0
        preview = roster_imported(reopened, festival.id, roster)  # and the import can simply be run again
        assert preview.ok and _student_count(reopened) == 400
    finally:
        reopened.close()


# One station: scores every entry of its judge, printing each score once it is stored; then waits for
# the word "check" and prints how many scores of each judge it sees.
STATION = """
import sys
from fest_desktop.scoring.entering import enter_score
from fest_desktop.scoring.sheet import load_sheet
from fest_desktop.storage.database import open_database
db = open_database(sys.argv[1])
competition, judge = int(sys.argv[2]), int(sys.argv[3])
others = [int(j) for j in sys.argv[4].split(",")]
sheet = load_sheet(db, competition)
for entry in sheet.entries:
    for criterion in sheet.competition.score_criteria:
        value = (entry.id + criterion.id + judge) % 10 + 5
        enter_score(db, entry.id, judge, criterion.id, value, station=f"station {judge}")
        print(entry.id, criterion.id, value, flush=True)
print("DONE", flush=True)
sys.stdin.readline()
seen = load_sheet(db, competition)
counts = [sum(1 for (e, j, c), cell in seen.cells.items() if j == who and cell.value is not None) for who in others]
print(*counts, flush=True)
"""


def test_two_stations_scoring_at_once_lose_nothing_and_see_each_other(
    db: Database, festival: FestivalInfo
) -> None:
    board = make_board(db, festival)
    first, second = board.judge("李老师"), board.judge("陈老师")  # neither stands aside anywhere
    both = f"{first},{second}"
    stations = [
        subprocess.Popen(
            [sys.executable, "-c", STATION, db.location, str(board.competition.id), str(judge), both],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=PROJECT_ROOT,
        )
        for judge in (first, second)
    ]
    start = stamp = scoring_stamp(db, festival.id)
    acknowledged: dict[int, list[tuple[int, int, float]]] = {first: [], second: []}
    # Read both stations line by line as they run; after each acknowledged score, this third station
    # (the projector) sees it on its next poll, as the leaderboard does four times a second.
    running = dict(zip((first, second), stations, strict=True))
    while running:
        for judge, process in list(running.items()):
            assert process.stdout is not None
            line = process.stdout.readline().strip()
            if line == "DONE":
                del running[judge]
                continue
            entry, criterion, value = line.split()
            acknowledged[judge].append((int(entry), int(criterion), float(value)))
            new_stamp = scoring_stamp(db, festival.id)
            assert new_stamp >= stamp  # never goes back; grown since the start (checked below)
            stamp = new_stamp
            shown = load_sheet(db, board.competition.id)
            assert shown.cell(int(entry), judge, int(criterion)).value == float(value)
    assert stamp > start
    counts = []
    for process in stations:
        out, _ = process.communicate("check\n", timeout=60)
        counts.append([int(n) for n in out.split()[-2:]])
    expected = len(board.entry_ids) * len(board.competition.score_criteria)
    assert counts == [[expected, expected], [expected, expected]]  # each station sees both judges
    final = load_sheet(db, board.competition.id)
    for judge, scores in acknowledged.items():
        assert len(scores) == expected
        for entry, criterion, value in scores:
            assert final.cell(entry, judge, criterion).value == value
    logged = [c for e in board.entry_ids.values() for c in entry_log(db, e)]
    assert sorted(c.station for c in logged) == sorted(
        [f"station {first}"] * expected + [f"station {second}"] * expected
    )


SAME_CELL = """
import sys
from fest_desktop.errors import FestError
from fest_desktop.scoring.entering import enter_score
from fest_desktop.storage.database import open_database
db = open_database(sys.argv[1])
entry, judge, criterion, station = (int(part) for part in sys.argv[2:6])
for number in range(30):
    try:
        enter_score(db, entry, judge, criterion, (number * 3 + station) % 20, station=f"station {station}")
    except FestError:
        pass  # written elsewhere at the same instant: the teacher types it again
"""


def test_three_stations_editing_one_cell_leave_a_history_that_chains(
    db: Database, festival: FestivalInfo
) -> None:
    board = make_board(db, festival)
    entry, judge, criterion = (
        board.entry_ids["三年级(2)班"],
        board.judge("李老师"),
        board.criterion("主题突出"),
    )
    stations = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                SAME_CELL,
                db.location,
                str(entry),
                str(judge),
                str(criterion),
                str(number),
            ],
            cwd=PROJECT_ROOT,
        )
        for number in (1, 2, 3)
    ]
    for process in stations:
        assert process.wait(timeout=120) == 0
    history = [c for c in entry_log(db, entry) if c.criterion_id == criterion]
    assert len(history) > 30
    # Each change starts from where the one before it ended: no old value was read before another
    # station's write and recorded after it.
    assert all(later.old_value == earlier.new_value for earlier, later in itertools.pairwise(history))
    assert history[0].old_value is None
    assert load_sheet(db, board.competition.id).cell(entry, judge, criterion).value == history[-1].new_value
