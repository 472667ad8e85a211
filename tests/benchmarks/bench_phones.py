"""Board inspection scored from phones at school scale: 30 judges' phones on loopback, each sending a
full sheet of 24 boards at the same moment to the server running inside the app's process, with the
desk's scoring tab and projector board open.

Prints, in one run:
  - the time per submission as a phone sees it (median, 95th percentile; target p95 < 200 ms);
  - that no score was lost or stored twice (every submission sent a second time, as a phone that
    lost the answer does, and the counts compared);
  - a phone's submission to the desk's ranking and board repainted (median; target < 1 s).

Run: python tests/benchmarks/bench_phones.py [--server postgresql://…]   (SQLite file by default)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, select, text

from fest_desktop.phones.links import judge_links
from fest_desktop.phones.server import PhoneServer, bind_socket
from fest_desktop.registration.competitions import update_competition
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.people import list_teachers
from fest_desktop.scoring.judges import add_judge
from fest_desktop.scoring.sheet import load_sheet
from fest_desktop.storage.database import Database, engine_url, open_database
from fest_desktop.storage.model import PhoneSubmission, Score
from tests.benchmarks.bench_scoring import open_desk
from tests.benchmarks.large_school import make_large_school

ROOT = Path(__file__).resolve().parents[2]
PHONES = 30
ENTRIES_PER_PHONE = 24

# The phones: one thread each, all released at once, each sending its sheet entry by entry over one
# kept-alive connection, as the page does. Prints one line per submission: seconds, HTTP status.
PHONE_PROCESS = """
import http.client, json, sys, threading, time
port, jobs = int(sys.argv[1]), json.load(open(sys.argv[2], encoding="utf-8"))
start = threading.Barrier(len(jobs))
results = []
lock = threading.Lock()
def phone(secret, bodies):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start.wait()
    for body in bodies:
        began = time.perf_counter()
        connection.request("POST", f"/api/j/{secret}/scores", json.dumps(body), {"Content-Type": "application/json"})
        answer = connection.getresponse()
        answer.read()
        with lock:
            results.append((time.perf_counter() - began, answer.status))
    connection.close()
threads = [threading.Thread(target=phone, args=(job["secret"], job["bodies"])) for job in jobs]
for thread in threads: thread.start()
for thread in threads: thread.join()
for seconds, status in results: print(seconds, status)
"""


def set_up(db: Database) -> tuple[int, int]:
    """The large school's boards with 30 judges and no scores yet; returns (festival, competition)."""
    festival = make_large_school(db)
    board = add_preset(db, festival.id, "科普板报比赛")
    board = update_competition(db, dataclasses.replace(board, criteria=board.score_criteria))
    for teacher in list_teachers(db, festival.id)[:PHONES]:
        add_judge(db, board.id, teacher.name, teacher_id=teacher.id)
    return festival.id, board.id


def phone_jobs(db: Database, competition_id: int) -> tuple[list[dict[str, object]], int]:
    """Each judge's 24 submissions (full marks less a little), and the number of score cells they hold."""
    sheet = load_sheet(db, competition_id)
    links = {link.judge_id: link.secret for link in judge_links(db, competition_id)}
    jobs, cells = [], 0
    for judge in sheet.judges:
        entries = [e for e in sheet.entries if not sheet.blocked(e, judge)][:ENTRIES_PER_PHONE]
        bodies = [
            {
                "id": f"bench-{judge.id}-{entry.id}",
                "entry": entry.id,
                "points": {
                    str(c.id): c.max_points - (judge.id + entry.id) % 3 for c in sheet.competition.criteria
                },
                "base": {},
            }
            for entry in entries
        ]
        cells += len(bodies) * len(sheet.competition.criteria)
        jobs.append({"secret": links[judge.id], "bodies": bodies})
    return jobs, cells


def run_phones(port: int, jobs: list[dict[str, object]], folder: Path) -> list[tuple[float, int]]:
    job_file = folder / "phones.json"
    job_file.write_text(json.dumps(jobs), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PHONE_PROCESS, str(port), str(job_file)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return [
        (float(seconds), int(status))
        for seconds, status in (line.split() for line in done.stdout.splitlines())
    ]


def stored_counts(db: Database, competition_id: int) -> tuple[int, int]:
    from fest_desktop.storage.model import Criterion

    with db.session() as session:
        scores = session.scalar(
            select(func.count())
            .select_from(Score)
            .join(Criterion, Criterion.id == Score.criterion_id)
            .where(Criterion.competition_id == competition_id)
        )
        submissions = session.scalar(select(func.count()).select_from(PhoneSubmission))
    return scores or 0, submissions or 0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def fresh_server_database(server: str) -> str:
    from sqlalchemy import create_engine

    admin = create_engine(engine_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS fest_bench_phones WITH (FORCE)"))
        connection.execute(text("CREATE DATABASE fest_bench_phones"))
    admin.dispose()
    return server.rsplit("/", 1)[0] + "/fest_bench_phones"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", help="a PostgreSQL server URL to measure on instead of a SQLite file")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    folder = Path(tempfile.mkdtemp())
    phones_server: PhoneServer | None = None
    try:
        target = fresh_server_database(args.server) if args.server else folder / "large.db"
        db = open_database(target)
        festival_id, competition_id = set_up(db)
        jobs, cells = phone_jobs(db, competition_id)
        sheet = load_sheet(db, competition_id)
        print(
            f"{'PostgreSQL' if args.server else 'SQLite'}: {len(sheet.entries)} boards, {len(jobs)} phones × "
            f"{ENTRIES_PER_PHONE} submissions × {len(sheet.competition.criteria)} criteria = {cells} scores"
        )

        app = QApplication.instance() or QApplication([])
        tab, board = open_desk(db, festival_id, folder)
        app.processEvents()

        free = bind_socket("127.0.0.1", 23000)
        port = free.getsockname()[1]
        free.close()
        phones_server = PhoneServer(db, competition_id)
        phones_server.start("127.0.0.1", port)

        # The phones run in their own process while this one keeps its event loop turning, as the
        # window does on inspection day.
        job_file = folder / "phones.json"
        job_file.write_text(json.dumps(jobs), encoding="utf-8")
        started = time.perf_counter()
        phones = subprocess.Popen(
            [sys.executable, "-c", PHONE_PROCESS, str(port), str(job_file)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        while phones.poll() is None:
            app.processEvents()
            time.sleep(0.005)
        wall = time.perf_counter() - started
        assert phones.stdout is not None
        results = [
            (float(s), int(code)) for s, code in (line.split() for line in phones.stdout.read().splitlines())
        ]
        latencies = sorted(seconds for seconds, _ in results)
        refused = [code for _, code in results if code != 200]
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        scores, submissions = stored_counts(db, competition_id)

        again = run_phones(port, jobs, folder)  # every submission sent a second time
        scores_again, submissions_again = stored_counts(db, competition_id)

        # One phone's correction to the desk's ranking and board repainted, ten times.
        judge_job = jobs[0]
        first = judge_job["bodies"][0]  # type: ignore[index]
        repaint = []
        import http.client

        base = first["points"]
        for number in range(10):
            app.processEvents()
            stamp = board.sheet.stamp
            points = {key: value - 1 - number % 2 for key, value in first["points"].items()}
            payload = {
                "id": f"bench-repaint-{number:03d}",
                "entry": first["entry"],
                "points": points,
                "base": base,
            }
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            sent = time.perf_counter()
            connection.request(
                "POST",
                f"/api/j/{judge_job['secret']}/scores",
                json.dumps(payload),
                {"Content-Type": "application/json"},
            )
            answer = connection.getresponse()
            assert answer.status == 200, answer.read().decode()
            answer.read()
            connection.close()
            deadline = time.perf_counter() + 5
            while board.sheet.stamp == stamp and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.002)
            tab.results.repaint()
            board.repaint()
            repaint.append(time.perf_counter() - sent)
            base = points
        tab.close_leaderboard()
        phones_server.stop()
        tab.close()
        tab.deleteLater()
        app.processEvents()
        db.close()

        print(f"{len(results)} submissions from {len(jobs)} phones at once in {wall:.1f} s")
        print(
            f"per submission: median {ms(statistics.median(latencies))}, p95 {ms(p95)}, max {ms(latencies[-1])}   (target p95 < 200 ms)"
        )
        print(f"refused: {len(refused)}; scores stored {scores} of {cells}; submissions stored {submissions}")
        print(
            f"sent again: {sum(code == 200 for _, code in again)} answered, scores now {scores_again}, "
            f"submissions now {submissions_again}   ({'none lost, none doubled' if (scores_again, submissions_again) == (cells, len(results)) and scores == cells else 'MISMATCH'})"
        )
        print(
            f"phone → desk ranking and board repainted: median {ms(statistics.median(repaint))}, max {ms(max(repaint))}   (target < 1 s)"
        )
    finally:
        if phones_server is not None:
            phones_server.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
