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
        link["url"].startswith("http://192.168.1.23:8765/j/") and len(link["pin"]) == 6 for link in links
    )
    cards = tmp_path / "扫码卡.pdf"
    made = run("phones", "cards", cards, "--address", "192.168.1.23", "--db", db)
    assert made.returncode == 0 and "3 张" in made.stdout, made.stderr
    assert links[1]["pin"] in page_text(cards, 0)
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
