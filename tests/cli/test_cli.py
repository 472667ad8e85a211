"""The command line end to end, as scripts use it: real processes, real files, exit codes."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fest_desktop.school.festivals import current_festival
from fest_desktop.school.people import list_students
from fest_desktop.storage.database import open_database
from tests.cli.conftest import run
from tests.conftest import PROJECT_ROOT, write_workbook


def test_festival_list_as_json(festival_db: Path) -> None:
    result = run(
        "festival",
        "create",
        "第十一届校园科技节",
        "--school",
        "启明实验学校",
        "--start",
        "2027-04-10",
        "--end",
        "2027-05-10",
        "--copy-from",
        "第十届校园科技节",
        "--db",
        festival_db,
    )
    assert result.returncode == 0, result.stderr
    listing = run("festival", "list", "--json", "--db", festival_db)
    assert listing.returncode == 0
    assert json.loads(listing.stdout) == [
        {
            "id": 2,
            "name": "第十一届校园科技节",
            "edition": 11,
            "theme": "",
            "school": "启明实验学校",
            "start": "2027-04-10",
            "end": "2027-05-10",
            "current": True,
        },
        {
            "id": 1,
            "name": "第十届校园科技节",
            "edition": 10,
            "theme": "探究身边的科学",
            "school": "启明实验学校",
            "start": "2026-04-11",
            "end": "2026-05-11",
            "current": False,
        },
    ]
    assert run("festival", "use", "1", "--db", festival_db).returncode == 0
    assert json.loads(run("festival", "list", "--json", "--db", festival_db).stdout)[1]["current"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["festival", "create", "科技节", "--start", "2026-04-01", "--end", "2026-04-02"],
            "缺少必需的参数：--school",
        ),
        (
            [
                "festival",
                "create",
                "科技节",
                "--school",
                "一中",
                "--start",
                "2026-4-1x",
                "--end",
                "2026-04-02",
            ],
            "格式不对",
        ),
        (
            [
                "festival",
                "create",
                "科技节",
                "--school",
                "一中",
                "--start",
                "2026-04-09",
                "--end",
                "2026-04-02",
            ],
            "早于",
        ),
        (["festival", "use", "99"], "找不到编号为 99 的科技节"),
        (
            [
                "festival",
                "create",
                "科技节",
                "--school",
                "一中",
                "--start",
                "2026-04-01",
                "--end",
                "2026-04-02",
                "--copy-from",
                "第九十九届",
            ],
            "找不到要复制设置的科技节",
        ),
    ],
)
def test_bad_input_exits_2_with_a_chinese_message(festival_db: Path, args: list[str], message: str) -> None:
    result = run(*args, "--db", festival_db)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(json.loads(run("festival", "list", "--json", "--db", festival_db).stdout)) == 1


def test_roster_import_export_and_dry_run(tmp_path: Path, festival_db: Path) -> None:
    roster = write_workbook(
        tmp_path / "花名册.xlsx",
        {
            "s": [
                ["年级", "班级", "姓名", "性别"],
                ["三年级", "三年级(2)班", "张小明", "男"],
                ["初一", "3", "赵强", "女"],
            ]
        },
    )
    dry = run("roster", "import", roster, "--dry-run", "--db", festival_db)
    assert dry.returncode == 0, dry.stderr
    assert "试运行" in dry.stdout and "新学生 2 名" in dry.stdout
    db = open_database(festival_db)
    festival = current_festival(db)
    assert festival is not None
    assert list_students(db, festival.id) == []

    real = run("roster", "import", roster, "--db", festival_db)
    assert real.returncode == 0, real.stderr
    assert [(s.class_name, s.name) for s in list_students(db, festival.id)] == [
        ("三年级(2)班", "张小明"),
        ("初一(3)班", "赵强"),
    ]
    db.close()

    exported = tmp_path / "导出.xlsx"
    result = run("roster", "export", exported, "--db", festival_db)
    assert result.returncode == 0 and "已导出 2 名学生" in result.stdout
    again = run("roster", "import", exported, "--db", festival_db)
    assert "新学生 0 名" in again.stdout and "不变 2 名" in again.stdout


def test_a_bad_roster_exits_2_lists_problems_and_writes_nothing(tmp_path: Path, festival_db: Path) -> None:
    roster = write_workbook(
        tmp_path / "bad.xlsx",
        {"三年级": [["班级", "姓名"], ["1", "张一"], ["一班半", "张二"], ["2", ""]]},
    )
    result = run("roster", "import", roster, "--db", festival_db)
    assert result.returncode == 2
    assert "工作表「三年级」第3行「班级」列：无法识别班级「一班半」" in result.stderr
    assert "工作表「三年级」第4行「姓名」列：姓名为空" in result.stderr
    assert "未导入任何数据" in result.stderr
    db = open_database(festival_db)
    festival = current_festival(db)
    assert festival is not None and list_students(db, festival.id) == []
    db.close()


def test_demo_creates_a_realistic_school(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    result = run("demo", "--db", path)
    assert result.returncode == 0, result.stderr
    assert "第十届校园科技节" in result.stdout
    listing = json.loads(run("festival", "list", "--json", "--db", path).stdout)
    assert listing[0]["theme"] == "探究身边的科学"


def test_a_file_that_is_not_a_festival_database_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database", encoding="utf-8")
    result = run("festival", "list", "--db", path)
    assert result.returncode == 2
    assert "不是科技节数据文件" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_command_that_reads_creates_no_file(tmp_path: Path) -> None:
    missing = tmp_path / "没有的文件夹" / "festival.db"
    for command in (("festival", "list"), ("results",)):
        result = run(*command, "--db", missing)
        assert result.returncode == 2, command
        assert "没有找到科技节数据文件" in result.stderr and "festival create" in result.stderr
    assert not missing.parent.exists()


def test_roster_import_without_a_festival_says_what_to_do(tmp_path: Path) -> None:
    roster = write_workbook(tmp_path / "r.xlsx", {"s": [["班级", "姓名"], ["三年级(1)班", "张一"]]})
    open_database(tmp_path / "empty.db").close()
    result = run("roster", "import", roster, "--db", tmp_path / "empty.db")
    assert result.returncode == 2
    assert "还没有科技节" in result.stderr


@pytest.mark.parametrize(
    ("argv", "cli"),
    [
        (["roster", "import", "a.xlsx"], True),
        (["--help"], True),
        (["--version"], True),
        ([], False),
        (["--db", "x.db"], False),
        (["--screenshot", "shots", "--lang", "en"], False),
    ],
)
def test_a_subcommand_first_means_the_command_line(argv: list[str], cli: bool) -> None:
    import main

    assert main.wants_cli(argv) is cli


def test_a_festival_file_opened_with_the_program_opens_in_the_window(tmp_path: Path) -> None:
    import main

    dropped = tmp_path / "2025学年科技节.db"
    dropped.write_bytes(b"")
    assert main.opened_file([str(dropped)]) == str(dropped)
    assert main.opened_file([r"D:\科技节\festival.db"]) == r"D:\科技节\festival.db"
    assert main.opened_file(["results"]) is None
    assert main.opened_file(["roster", "import", "a.xlsx"]) is None


def test_wildcards_are_expanded_on_windows_without_excel_lock_files(tmp_path: Path) -> None:
    from fest_desktop.cli.common import expand_wildcards

    for name in ("一班.xlsx", "二班.xlsx", "~$一班.xlsx", "说明.docx"):
        (tmp_path / name).write_bytes(b"")
    pattern = str(tmp_path / "*.xlsx")
    argv = ["entries", "import", pattern, "--db", "x.db"]
    assert expand_wildcards(argv, "win32") == [
        "entries",
        "import",
        str(tmp_path / "一班.xlsx"),
        str(tmp_path / "二班.xlsx"),
        "--db",
        "x.db",
    ]
    assert expand_wildcards(argv, "linux") == argv  # the shell has done it already
    assert expand_wildcards([str(tmp_path / "*.xls")], "win32") == [str(tmp_path / "*.xls")]


def test_a_name_the_console_cannot_encode_does_not_stop_the_command(festival_db: Path) -> None:
    from fest_desktop.school.festivals import current_festival, update_festival

    db = open_database(festival_db)
    festival = current_festival(db)
    assert festival is not None
    update_festival(db, dataclasses.replace(festival, name="第十届𠀀科技节"))
    db.close()
    # A Chinese Windows console piped to a file: GBK, strictly, which has no 𠀀.
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    listed = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "festival", "list", "--db", str(festival_db)],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr.decode("gbk", "replace")
    assert "第十届?科技节".encode("gbk") in listed.stdout
    as_json = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "main.py"),
            "festival",
            "list",
            "--json",
            "--db",
            str(festival_db),
        ],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout.decode("utf-8"))[0]["name"] == "第十届𠀀科技节"


def test_output_cut_short_by_a_pipe_ends_quietly(festival_db: Path) -> None:
    reader = subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "festival", "list", "--db", str(festival_db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # as `| head` does once it has its lines
    errors = reader.stderr.read().decode("utf-8", "replace")
    reader.stderr.close()
    assert reader.wait(timeout=120) == 0
    assert "Traceback" not in errors and "BrokenPipe" not in errors


def test_an_unknown_subcommand_is_explained(tmp_path: Path) -> None:
    result = run("rosters", "import", "x.xlsx")
    assert result.returncode == 2
    assert "参数 子命令 的取值 'rosters' 无效" in result.stderr


def test_the_help_is_all_chinese_and_every_subcommand_takes_db(tmp_path: Path) -> None:
    for command in ((), ("phones", "serve"), ("competitions", "presets"), ("scores", "import")):
        shown = run(*command, "--help")
        assert shown.returncode == 0, shown.stderr
        for english in (
            "usage:",
            "positional arguments",
            "options:",
            "show this help message",
            "show program",
        ):
            assert english not in shown.stdout, (command, english)
        assert "用法：" in shown.stdout and "显示这段帮助并退出" in shown.stdout
    presets = run("competitions", "presets", "--db", tmp_path / "none.db")
    assert presets.returncode == 0 and "科普板报比赛" in presets.stdout, presets.stderr
