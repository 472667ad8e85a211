"""A board-inspection day at full pace, for as long as asked: does the program stay up, and small?

The demo festival's boards get 30 more judges, each on a simulated phone in this process that opens
their link and sends one board every 10–20 s, as a judge walking the classrooms does; once, early on,
all 30 send their full sheets at the same moment. The program runs as a school runs it (the window,
offscreen, started with `--soak`, see ui/soak.py): the 现场评分 tab with the desk typing a score every
second, the projector board at 1920×1080 paging through the classes, the phones' server, and a look at
统计与总结 every minute.

Prints whether it survived, the resident memory at the start, after warming up and at the end with its
growth per hour, the growth of Python objects, the board's repaint time (median, p95), and the phones'
submissions (answered, refused, lost). Targets: survives 30 minutes; memory growth under 20 MB per hour;
p95 repaint under 50 ms. Exits 1 when the program did not survive or a phone's submission was lost.

Run: python tests/benchmarks/soak_inspection_day.py [--minutes 30] [--program dist/fest-desktop/fest-desktop]
(without --program, the source: python main.py)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PHONES = 30
BOARDS = "科普板报比赛"
TARGET_GROWTH_MB_PER_HOUR = 20
TARGET_REPAINT_P95_MS = 50


@dataclass
class PhoneTally:
    answered: int = 0
    refused: list[str] = field(default_factory=list)  # 4xx with the server's reason
    lost: list[str] = field(default_factory=list)  # 5xx, or no answer while the program ran
    lock: threading.Lock = field(default_factory=threading.Lock)


def program_command(program: str | None) -> list[str]:
    return [program] if program else [sys.executable, str(ROOT / "main.py")]


def cli_command(program: str | None) -> list[str]:
    """The program's command line: the built program's own, or main.py's subcommands."""
    if program is None:
        return [sys.executable, str(ROOT / "main.py")]
    cli = Path(program).with_name(Path(program).name + "-cli")
    return [str(cli)] if cli.exists() else [program]


def set_up(program: str | None, database: Path, environment: dict[str, str]) -> None:
    """The demo festival with 30 outside judges added to its boards (the phones)."""
    cli = cli_command(program)
    subprocess.run([*cli, "demo", "--db", str(database)], check=True, env=environment, capture_output=True)
    names = [f"外聘评委{number:02d}" for number in range(1, PHONES + 1)]
    subprocess.run(
        [*cli, "judges", "add", *names, "--competition", BOARDS, "--db", str(database)],
        check=True,
        env=environment,
        capture_output=True,
    )


def request(
    connection: http.client.HTTPConnection, method: str, path: str, body: object = None
) -> tuple[int, dict]:
    data = None if body is None else json.dumps(body).encode()
    connection.request(method, path, data, {"Content-Type": "application/json"} if data else {})
    answer = connection.getresponse()
    payload = answer.read()
    try:
        parsed = json.loads(payload) if payload else {}
    except ValueError:
        parsed = {"error": payload[:200].decode(errors="replace")}
    return answer.status, parsed if isinstance(parsed, dict) else {}


class Phone(threading.Thread):
    """One judge's phone: its sheet, then a board every 10–20 s, and the full sheet at the burst."""

    def __init__(
        self, port: int, secret: str, until: float, burst: tuple[float, threading.Barrier], tally: PhoneTally
    ) -> None:
        super().__init__(daemon=True)
        self.port, self.secret, self.until, self.tally = port, secret, until, tally
        self.burst_at, self.burst = burst
        self.random = random.Random(secret)
        self.sent = 0

    def submit(self, connection: http.client.HTTPConnection, entry: dict, criteria: list[dict]) -> None:
        points = {str(c["id"]): self.random.randint(0, int(c["max"])) for c in criteria if not c["deduction"]}
        self.sent += 1
        body = {"id": f"soak-{self.secret[:8]}-{self.sent}", "entry": entry["id"], "points": points,
                "base": entry.get("points", {})}  # fmt: skip
        try:
            status, answer = request(connection, "POST", f"/api/j/{self.secret}/scores", body)
        except OSError:
            # The server closed the kept-alive connection while the judge walked: the page sends again
            # on a new one, with the same id, so a submission that did arrive is not stored twice.
            connection.close()
            try:
                status, answer = request(connection, "POST", f"/api/j/{self.secret}/scores", body)
            except OSError as exc:
                with self.tally.lock:
                    self.tally.lost.append(f"{type(exc).__name__}: {exc}")
                connection.close()
                return
        with self.tally.lock:
            if status < 300:
                self.tally.answered += 1
                entry["points"] = points
            elif status < 500:
                self.tally.refused.append(f"{status} {answer.get('error', '')}")
            else:
                self.tally.lost.append(f"{status} {answer.get('error', '')}")

    def run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        status, sheet = request(connection, "GET", f"/api/j/{self.secret}/sheet")
        if status != 200:
            with self.tally.lock:
                self.tally.lost.append(f"sheet {status} {sheet}")
            return
        entries, criteria = sheet["entries"], sheet["criteria"]
        burst_done = False
        walked = 0
        while time.monotonic() < self.until:
            wait = self.random.uniform(10, 20)
            if not burst_done and time.monotonic() + wait > self.burst_at:
                time.sleep(max(0.0, self.burst_at - time.monotonic()))
                self.burst.wait()
                for entry in entries:
                    self.submit(connection, entry, criteria)
                burst_done = True
                continue
            time.sleep(min(wait, max(0.0, self.until - time.monotonic())))
            if time.monotonic() >= self.until:
                break
            self.submit(connection, entries[walked % len(entries)], criteria)
            walked += 1
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument(
        "--program", help="the built program (dist/fest-desktop/fest-desktop); else the source"
    )
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="soak-"))
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(folder / "data")}
    database, report = folder / "festival.db", folder / "soak.json"
    links_file = report.with_name(report.name + ".links.json")
    set_up(args.program, database, environment)
    window = subprocess.Popen(
        [*program_command(args.program), "--db", str(database), "--soak", str(args.minutes),
         "--soak-report", str(report)],
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    began = time.monotonic()
    while not links_file.exists() and window.poll() is None and time.monotonic() - began < 120:
        time.sleep(0.2)
    if not links_file.exists():
        window.kill()
        print("the program did not start its inspection day:", (window.communicate()[0] or "")[-3000:])
        return 1
    served = json.loads(links_file.read_text(encoding="utf-8"))
    phone_links = [link for link in served["links"] if link["judge"].startswith("外聘评委")]
    tally = PhoneTally()
    until = time.monotonic() + args.minutes * 60 - 5
    burst = (time.monotonic() + min(60.0, args.minutes * 60 / 4), threading.Barrier(len(phone_links)))
    phones = [Phone(served["port"], link["secret"], until, burst, tally) for link in phone_links]
    for phone in phones:
        phone.start()
    try:
        output, _ = window.communicate(timeout=args.minutes * 60 + 300)
    except subprocess.TimeoutExpired:
        window.kill()
        output, _ = window.communicate()
    for phone in phones:
        phone.join(timeout=5)

    survived = window.returncode == 0 and report.exists()
    print(
        f"{'source' if args.program is None else args.program}: {args.minutes:g} minutes, {len(phones)} phones"
    )
    print(f"survived: {'yes' if survived else 'NO'} (exit code {window.returncode})")
    if not survived:
        print((output or "")[-4000:])
    if report.exists():
        figures = json.loads(report.read_text(encoding="utf-8"))
        growth = figures["rss_growth_mb_per_hour"]
        p95 = figures["repaint_ms_p95"]
        print(
            f"memory: {figures['rss_start_mb']} MB at the start, {figures['rss_warm_mb']} MB warm, "
            f"{figures['rss_end_mb']} MB at the end; after the first {figures['warm_after_minutes']} minutes it "
            f"grows {growth} MB per hour "
            f"({'within' if growth < TARGET_GROWTH_MB_PER_HOUR else 'ABOVE'} the {TARGET_GROWTH_MB_PER_HOUR} MB target)"
        )
        print(f"memory by minute (MB): {figures['rss_by_minute_mb']}")
        print(
            f"Python objects: {figures['objects_warm']} warm, {figures['objects_end']} at the end "
            f"({figures['objects_growth_per_hour']:+} per hour); growing most: {figures['objects_growing_most']}"
        )
        print(
            f"board repaint: median {figures['repaint_ms_median']} ms, p95 {p95} ms over {figures['repaints']} "
            f"({'within' if p95 is not None and p95 < TARGET_REPAINT_P95_MS else 'ABOVE'} the "
            f"{TARGET_REPAINT_P95_MS} ms target)"
        )
        print(
            f"desk: {figures['desk_scores']} scores typed, {len(figures['desk_refused'])} refused "
            f"{figures['desk_refused']}; 统计与总结 looked at {figures['summary_looks']} times"
        )
    print(
        f"phones: {tally.answered} submissions answered, {len(tally.refused)} refused, {len(tally.lost)} lost"
        + (f": {tally.lost[:3]}" if tally.lost else "")
    )
    refusals = sorted(set(tally.refused))
    if refusals:
        print("  refusals:", refusals[:5])
    return 0 if survived and not tally.lost else 1


if __name__ == "__main__":
    sys.exit(main())
