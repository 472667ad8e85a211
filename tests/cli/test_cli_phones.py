"""Phone scoring from the command line: links and PINs, the cards, revoking, and the server run
without the window until it is stopped."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from fest_desktop.phones.server import bind_socket
from tests.cli.conftest import run
from tests.cli.test_cli_scores import board_db
from tests.conftest import PROJECT_ROOT
from tests.pdf_checks import page_text


def test_links_cards_and_revoke(festival_db: Path, tmp_path: Path) -> None:
    db = board_db(festival_db, tmp_path)
    listed = run("phones", "links", "--json", "--address", "192.168.1.23", "--db", db)
    assert listed.returncode == 0, listed.stderr
    links = json.loads(listed.stdout)
    assert [link["judge"] for link in links] == ["王老师", "李老师", "陈老师"]
    assert all(
        link["url"].startswith("http://192.168.1.23:8765/j/") and len(link["pin"]) == 8 for link in links
    )
    cards = tmp_path / "扫码卡.pdf"
    made = run("phones", "cards", cards, "--address", "192.168.1.23", "--db", db)
    assert made.returncode == 0 and "3 张" in made.stdout, made.stderr
    assert f"{links[1]['pin'][:4]} {links[1]['pin'][4:]}" in page_text(cards, 0)  # as the card prints it
    revoked = run("phones", "revoke", "李老师", "--db", db)
    assert revoked.returncode == 0 and "已作废" in revoked.stdout
    again = json.loads(run("phones", "links", "--json", "--address", "192.168.1.23", "--db", db).stdout)
    assert again[1]["url"] != links[1]["url"] and again[0] == links[0]
    unknown = run("phones", "revoke", "钱老师", "--db", db)
    assert unknown.returncode == 2 and "没有名为「钱老师」的评委" in unknown.stderr


def test_serve_answers_a_judges_phone_until_stopped(festival_db: Path, tmp_path: Path) -> None:
    db = board_db(festival_db, tmp_path)
    listed = json.loads(run("phones", "links", "--json", "--db", db).stdout)
    [link] = [row for row in listed if row["judge"] == "李老师"]
    free = bind_socket("127.0.0.1", 21000)
    port = free.getsockname()[1]
    free.close()
    server = subprocess.Popen(
        [
            sys.executable,
            str(PROJECT_ROOT / "main.py"),
            "phones",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--competition",
            "板报",
            "--db",
            str(db),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    try:
        assert "手机评分已开启" in (server.stdout.readline() if server.stdout else "")
        secret = link["url"].rsplit("/", 1)[1]
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/j/{secret}/sheet", timeout=5
                ) as answer:
                    sheet = json.load(answer)
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert sheet["judge"]["name"] == "李老师" and sheet["competition"]["name"] == "科普板报比赛"
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=20)
    assert server.returncode == 0, err
    assert "手机评分已停止" in out


def test_conflicts_are_listed_and_resolved_without_the_window(festival_db: Path, tmp_path: Path) -> None:
    from fest_desktop.phones.links import judge_links
    from fest_desktop.phones.submissions import PhoneScores, submit_scores
    from fest_desktop.scoring.entering import enter_score
    from fest_desktop.scoring.sheet import judged_competitions, load_sheet
    from fest_desktop.storage.database import open_database

    path = board_db(festival_db, tmp_path)
    db = open_database(path)
    try:
        [board] = [c for c in judged_competitions(db, 1) if c.name == "科普板报比赛"]
        sheet = load_sheet(db, board.id)
        links = {link.judge_name: link for link in judge_links(db, board.id)}
        first, second = board.score_criteria[:2]
        entry = next(e for e in sheet.entries if e.class_name == "三年级(2)班").id
        for criterion, desk, phone in ((first, 15, 20), (second, 22, 25)):
            enter_score(db, entry, links["李老师"].judge_id, criterion.id, desk)
            submit_scores(
                db,
                links["李老师"].secret,
                PhoneScores(f"cli-{criterion.id:08d}", entry, {criterion.id: phone}, {}),
            )
    finally:
        db.close()
    listed = run("phones", "conflicts", "--json", "--db", path)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["judge"], r["criterion"], r["desk"], r["phone"]) for r in rows] == [
        ("李老师", first.name, 15, 20),
        ("李老师", second.name, 22, 25),
    ]
    text = run("phones", "conflicts", "--competition", "板报", "--db", path)
    assert f"编号 {rows[0]['id']}" in text.stdout and "手机上 20，电脑上 15" in text.stdout
    kept = run("phones", "resolve", str(rows[0]["id"]), "--keep", "desk", "--db", path)
    assert kept.returncode == 0 and "保留电脑上的，现在是 15" in kept.stdout, kept.stderr
    taken = run("phones", "resolve", str(rows[1]["id"]), "--keep", "phone", "--db", path)
    assert taken.returncode == 0 and "用手机上的，现在是 25" in taken.stdout, taken.stderr
    assert "没有待核对的分数" in run("phones", "conflicts", "--db", path).stdout
    again = run("phones", "resolve", str(rows[0]["id"]), "--keep", "phone", "--db", path)
    assert again.returncode == 2 and f"没有编号为 {rows[0]['id']} 的待核对分数" in again.stderr
    db = open_database(path)
    try:
        sheet = load_sheet(db, board.id)
        judge = links["李老师"].judge_id
        assert (sheet.cell(entry, judge, first.id).value, sheet.cell(entry, judge, second.id).value) == (
            15,
            25,
        )
    finally:
        db.close()
