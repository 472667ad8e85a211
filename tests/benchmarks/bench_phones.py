"""Board inspection scored from phones at school scale: 30 judges' phones on loopback, each sending a
full sheet of 24 boards at the same moment to the server running inside the app's process, with the
desk's scoring tab and projector board open.

Prints, in one run, on a SQLite file (and on PostgreSQL with --server):
  - the time per submission as a phone sees it (median, 95th percentile; target p95 < 100 ms), and
    what the writer thread did meanwhile (batches, submissions and statements per batch, busy share);
  - that no score was lost or stored twice (every submission sent a second time, as a phone that
    lost the answer does, and the counts compared);
  - a second request on a kept-alive connection (target < 10 ms), beside the same request to a
    server on a socket made by socket.create_server, as the server's was before (the baseline);
  - a phone's submission to the desk's ranking and board repainted (median; target < 500 ms).

The phones are importable for other benchmarks: send_sheet(base_url, link) sends one judge's sheet the
way the page does (the sheet read first, then each entry's points with the values it showed as base,
one after the other over one kept-alive connection).

Run: python tests/benchmarks/bench_phones.py [--server postgresql://…]
"""

from __future__ import annotations

import argparse
import dataclasses
import http.client
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

ROOT = Path(__file__).resolve().parents[2]
PHONES = 30
ENTRIES_PER_PHONE = 24


# ---------------------------------------------------------------- the phones


@dataclasses.dataclass(frozen=True)
class Sent:
    """One request of a phone: how long it took as the phone saw it, and the answer's status."""

    seconds: float
    status: int


def _secret(link: str) -> str:
    """The secret of a judge's link given as its URL, its path (/j/…) or the secret alone."""
    return urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1]


def _points(entry: dict[str, Any], criteria: list[dict[str, Any]], judge_id: int) -> dict[str, float]:
    """Points a judge gives: full marks less a little, no deduction."""
    return {
        str(c["id"]): 0 if c["deduction"] else c["max"] - (judge_id + entry["id"]) % 3 * c["step"]
        for c in criteria
    }


def send_sheet(
    base_url: str,
    link: str,
    *,
    entries: int = ENTRIES_PER_PHONE,
    start: threading.Barrier | None = None,
    points: Callable[[dict[str, Any], list[dict[str, Any]], int], dict[str, float]] = _points,
    ids: str = "",
) -> list[Sent]:
    """One judge's phone scoring its sheet the way the page does: the sheet read, then (after start,
    when given, so that many phones begin together) each of its first `entries` entries' points sent
    with the values the phone showed as base, one after the other over one kept-alive connection.
    Each submission's id is random, as the page makes it, or, with ids, made from that prefix, the
    judge and the entry, so that a second call sends the same submissions again (a phone that lost
    the answers)."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname or "127.0.0.1", address.port or 80, timeout=30)
    secret = _secret(link)
    try:
        connection.request("GET", f"/api/j/{secret}/sheet")
        answer = connection.getresponse()
        sheet = json.loads(answer.read())
        assert answer.status == 200, sheet
        if start is not None:
            start.wait()
        sent = []
        for entry in sheet["entries"][:entries]:
            given = points(entry, sheet["criteria"], sheet["judge"]["id"])
            body = {
                "id": f"{ids}-{sheet['judge']['id']}-{entry['id']}" if ids else secrets.token_hex(16),
                "entry": entry["id"],
                "points": given,
                "base": {key: entry["points"].get(key) for key in given},
            }
            began = time.perf_counter()
            connection.request(
                "POST", f"/api/j/{secret}/scores", json.dumps(body), {"Content-Type": "application/json"}
            )
            answer = connection.getresponse()
            answer.read()
            sent.append(Sent(time.perf_counter() - began, answer.status))
        return sent
    finally:
        connection.close()


def _phones_process(base_url: str, links_file: str, ids: str) -> None:
    """The phones of a burst, one thread each, released together; prints a line per request."""
    links = json.loads(Path(links_file).read_text(encoding="utf-8"))
    start = threading.Barrier(len(links))
    results: list[Sent] = []
    lock = threading.Lock()

    def phone(link: str) -> None:
        sent = send_sheet(base_url, link, start=start, ids=ids)
        with lock:
            results.extend(sent)

    threads = [threading.Thread(target=phone, args=(link,)) for link in links]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result in results:
        print(result.seconds, result.status)


def run_phones(
    base_url: str, links: list[str], folder: Path, poll: Callable[[], None], ids: str = "burst"
) -> tuple[list[Sent], float]:
    """The burst, from a process of its own (so that the phones do not share the server's GIL) while
    this one keeps its event loop turning, as the window does on inspection day. Returns the requests
    and the wall time."""
    links_file = folder / "links.json"
    links_file.write_text(json.dumps(links), encoding="utf-8")
    started = time.perf_counter()
    phones = subprocess.Popen(
        [sys.executable, __file__, "--phones", base_url, str(links_file), ids],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    while phones.poll() is None:
        poll()
        time.sleep(0.005)
    wall = time.perf_counter() - started
    assert phones.stdout is not None and phones.returncode == 0
    return [
        Sent(float(s), int(code)) for s, code in (line.split() for line in phones.stdout.read().splitlines())
    ], wall


# ---------------------------------------------------------------- the desk and the server


def set_up(db: Any) -> tuple[int, int]:
    """The large school's boards with 30 judges and no scores yet; returns (festival, competition)."""
    from fest_desktop.registration.competitions import update_competition
    from fest_desktop.registration.presets import add_preset
    from fest_desktop.school.people import list_teachers
    from fest_desktop.scoring.judges import add_judge
    from tests.benchmarks.large_school import make_large_school

    festival = make_large_school(db)
    board = add_preset(db, festival.id, "科普板报比赛").value
    board = update_competition(db, dataclasses.replace(board, criteria=board.score_criteria)).value
    for teacher in list_teachers(db, festival.id)[:PHONES]:
        add_judge(db, board.id, teacher.name, teacher_id=teacher.id)
    return festival.id, board.id


def stored_counts(db: Any, competition_id: int) -> tuple[int, int]:
    from sqlalchemy import func, select

    from fest_desktop.storage.model import Criterion, PhoneSubmission, Score

    with db.session() as session:
        scores = session.scalar(
            select(func.count())
            .select_from(Score)
            .join(Criterion, Criterion.id == Score.criterion_id)
            .where(Criterion.competition_id == competition_id)
        )
        submissions = session.scalar(select(func.count()).select_from(PhoneSubmission))
    return scores or 0, submissions or 0


class WriterWatch:
    """What the writer thread does during the burst: batches, their sizes, statements and time."""

    def __init__(self, db: Any) -> None:
        from sqlalchemy import event

        from fest_desktop.phones import writer

        self.batches: list[tuple[int, float, int]] = []  # submissions, seconds, statements
        self._statements = 0
        real = writer.submit_together

        def watched(database: Any, submissions: Any, competition_id: Any) -> Any:
            before = self._statements
            began = time.perf_counter()
            try:
                return real(database, submissions, competition_id)
            finally:
                self.batches.append(
                    (len(submissions), time.perf_counter() - began, self._statements - before)
                )

        def count(*_: Any) -> None:
            if threading.current_thread().name == "phone-writer":
                self._statements += 1

        writer.submit_together = watched  # type: ignore[attr-defined,assignment]
        event.listen(db.engine, "before_cursor_execute", count)

    def report(self, wall: float) -> str:
        sizes = [size for size, _, _ in self.batches]
        busy = sum(seconds for _, seconds, _ in self.batches)
        statements = [count for _, _, count in self.batches]
        return (
            f"writer: {len(self.batches)} batches of {statistics.mean(sizes):.1f} submissions (max {max(sizes)}), "
            f"{statistics.median(statements):.0f} statements a batch (max {max(statements)}), "
            f"{busy / sum(sizes) * 1000:.2f} ms a submission, busy {busy / wall:.0%} of the burst"
        )


def second_request_ms(base_url: str, link: str, runs: int = 20) -> tuple[float, float]:
    """A second submission on a kept-alive connection (the first warms it): the median and the least
    over runs, in ms. Each is a judge sending an entry again as it stands, so it is checked, written
    (its id) and committed like any other."""
    address = urlsplit(base_url)
    secret = _secret(link)
    connection = http.client.HTTPConnection(address.hostname or "", address.port or 80, timeout=10)
    connection.request("GET", f"/api/j/{secret}/sheet")
    entry = json.loads(connection.getresponse().read())["entries"][0]
    connection.close()
    times = []
    for _ in range(runs):
        connection = http.client.HTTPConnection(address.hostname or "", address.port or 80, timeout=10)
        for number in range(2):
            body = json.dumps({"id": secrets.token_hex(16), "entry": entry["id"], "points": entry["points"]})
            began = time.perf_counter()
            connection.request("POST", f"/api/j/{secret}/scores", body, {"Content-Type": "application/json"})
            answer = connection.getresponse()
            answer.read()
            assert answer.status == 200
            if number == 1:
                times.append(time.perf_counter() - began)
        connection.close()
    return statistics.median(times) * 1000, min(times) * 1000


def second_request_on_a_plain_socket_ms(db: Any, competition_id: int, link: str) -> tuple[float, float]:
    """The same on a server listening on a socket made by socket.create_server (the baseline)."""
    import socket

    from fest_desktop.phones.links import Scope
    from fest_desktop.phones.server import _uvicorn_server, phone_app

    sock = socket.create_server(("127.0.0.1", 0))
    server = _uvicorn_server(phone_app(db, Scope(competition_id=competition_id)))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    try:
        return second_request_ms(f"http://127.0.0.1:{sock.getsockname()[1]}", link)
    finally:
        server.should_exit = True
        thread.join(10)


def to_the_desk(
    app: Any, board: Any, tab: Any, base_url: str, link: str, entry: dict[str, Any]
) -> list[float]:
    """One phone's correction to the desk's ranking and board repainted, ten times, in seconds."""
    address = urlsplit(base_url)
    secret = _secret(link)
    times = []
    base = entry["points"]
    for number in range(10):
        app.processEvents()
        stamp = board.sheet.stamp
        points = {key: value - 1 - number % 2 for key, value in entry["points"].items()}
        body = {"id": f"bench-repaint-{number:03d}", "entry": entry["id"], "points": points, "base": base}
        connection = http.client.HTTPConnection(address.hostname or "", address.port or 80, timeout=10)
        sent = time.perf_counter()
        connection.request(
            "POST", f"/api/j/{secret}/scores", json.dumps(body), {"Content-Type": "application/json"}
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
        times.append(time.perf_counter() - sent)
        base = points
    return times


def fresh_server_database(server: str) -> str:
    from sqlalchemy import create_engine, text

    from fest_desktop.storage.database import engine_url

    admin = create_engine(engine_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS fest_bench_phones WITH (FORCE)"))
        connection.execute(text("CREATE DATABASE fest_bench_phones"))
    admin.dispose()
    return server.rsplit("/", 1)[0] + "/fest_bench_phones"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.1f} ms"


def measure(server_url: str | None, folder: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from fest_desktop.phones.links import judge_links
    from fest_desktop.phones.server import PhoneServer, bind_socket
    from fest_desktop.scoring.sheet import load_sheet
    from fest_desktop.storage.database import open_database
    from tests.benchmarks.bench_scoring import open_desk

    target = fresh_server_database(server_url) if server_url else folder / "large.db"
    db = open_database(target)
    festival_id, competition_id = set_up(db)
    links = [link.path for link in judge_links(db, competition_id)]
    sheet = load_sheet(db, competition_id)
    cells = PHONES * ENTRIES_PER_PHONE * len(sheet.competition.criteria)
    print(
        f"{'PostgreSQL' if server_url else 'SQLite'}: {len(sheet.entries)} boards, {len(links)} phones × "
        f"{ENTRIES_PER_PHONE} submissions × {len(sheet.competition.criteria)} criteria = {cells} scores "
        f"(this machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})"
    )
    app = QApplication.instance() or QApplication([])
    tab, board = open_desk(db, festival_id, folder)
    app.processEvents()
    free = bind_socket("127.0.0.1", 23000)
    port = free.getsockname()[1]
    free.close()
    phones_server = PhoneServer(db, competition_id)
    phones_server.start("127.0.0.1", port)
    base_url = f"http://127.0.0.1:{port}"
    try:
        watch = WriterWatch(db)
        cpu = time.process_time()
        results, wall = run_phones(base_url, links, folder, app.processEvents)
        cpu = time.process_time() - cpu
        latencies = sorted(sent.seconds for sent in results)
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        refused = [sent.status for sent in results if sent.status != 200]
        scores, submissions = stored_counts(db, competition_id)
        print(f"  {len(results)} submissions from {len(links)} phones at once in {wall:.1f} s")
        print(
            f"  per submission: median {ms(statistics.median(latencies))}, p95 {ms(p95)}, max {ms(latencies[-1])}"
            f"   (target p95 < 100 ms)"
        )
        print("  " + watch.report(wall))
        print(
            f"  this process (server, writer and desk): {cpu / len(results) * 1000:.2f} ms of CPU a submission"
        )
        print(
            f"  refused: {len(refused)}; scores stored {scores} of {cells}; submissions stored {submissions}"
        )

        # Every submission again, under the same ids, as phones that lost the answers do.
        again, _ = run_phones(base_url, links, folder, app.processEvents)
        scores_again, submissions_again = stored_counts(db, competition_id)
        whole = (scores, submissions) == (scores_again, submissions_again) == (
            cells,
            len(results),
        ) and not refused
        print(
            f"  sent again: {sum(sent.status == 200 for sent in again)} answered, scores now {scores_again}"
            f"   ({'none lost, none doubled' if whole else 'MISMATCH'})"
        )

        kept, kept_least = second_request_ms(base_url, links[0])
        plain, plain_least = second_request_on_a_plain_socket_ms(db, competition_id, links[0])
        print(
            f"  second submission on a kept-alive connection: median {kept:.1f} ms (least {kept_least:.1f}); "
            f"on a socket made by socket.create_server: median {plain:.1f} ms (least {plain_least:.1f}), "
            f"{plain / kept:.0f}× slower   (target < 10 ms)"
        )

        connection = http.client.HTTPConnection("127.0.0.1", port)
        connection.request("GET", f"/api/j/{_secret(links[0])}/sheet")
        entry = json.loads(connection.getresponse().read())["entries"][0]
        connection.close()
        repaint = to_the_desk(app, board, tab, base_url, links[0], entry)
        print(
            f"  phone → desk ranking and board repainted: median {ms(statistics.median(repaint))}, "
            f"max {ms(max(repaint))}   (target < 500 ms)"
        )
    finally:
        phones_server.stop()
        tab.close_leaderboard()
        tab.close()
        tab.deleteLater()
        app.processEvents()
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", help="a PostgreSQL server URL to measure on too, after a SQLite file")
    parser.add_argument(
        "--phones", nargs=3, metavar=("BASE_URL", "LINKS_FILE", "IDS"), help=argparse.SUPPRESS
    )
    parser.add_argument("--measure", metavar="TARGET", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phones:
        _phones_process(*args.phones)
    elif args.measure:
        import shutil

        folder = Path(tempfile.mkdtemp())
        try:
            measure(None if args.measure == "sqlite" else args.measure, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    else:
        # Each database in a process of its own, so that one desk's timers never outlive its file.
        for target in ["sqlite", args.server] if args.server else ["sqlite"]:
            subprocess.run([sys.executable, __file__, "--measure", target], check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
