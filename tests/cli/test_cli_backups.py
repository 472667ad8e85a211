"""backup and restore from the command line, in real processes, on a file made by the CLI."""

from __future__ import annotations

import os
from pathlib import Path

from tests.cli.conftest import run


def test_backup_to_a_file_and_restore_it(festival_db: Path, tmp_path: Path) -> None:
    saved = tmp_path / "U盘" / "科技节备份.db"
    result = run("backup", saved, "--db", festival_db)
    assert result.returncode == 0, result.stderr
    assert "已备份到" in result.stdout and saved.exists()
    assert (
        run(
            "festival",
            "create",
            "误建的科技节",
            "--school",
            "启明实验学校",
            "--start",
            "2026-05-01",
            "--end",
            "2026-05-02",
            "--db",
            festival_db,
        ).returncode
        == 0
    )
    # the backup holds other festivals than the file now: nothing is replaced without --yes
    refused = run("restore", saved, "--db", festival_db)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert "现在的数据：第十届校园科技节、误建的科技节。备份中：第十届校园科技节" in refused.stdout
    assert "误建的科技节" in run("festival", "list", "--db", festival_db).stdout
    restored = run("restore", saved, "--yes", "--db", festival_db)
    assert restored.returncode == 0, restored.stderr
    assert "恢复前的数据已备份到" in restored.stdout
    listing = run("festival", "list", "--db", festival_db).stdout
    assert "第十届校园科技节" in listing and "误建的科技节" not in listing
    backups_listed = run("backup", "--list", "--db", festival_db).stdout
    assert "恢复前" in backups_listed and "共 1 个自动备份" in backups_listed


def test_restore_refuses_a_file_that_is_not_a_festival(festival_db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "名单.db"
    sheet.write_text("姓名,班级", encoding="utf-8")
    result = run("restore", sheet, "--db", festival_db)
    assert result.returncode == 2
    assert "不是科技节数据文件" in result.stderr
    assert run("backup", "--list", "--db", festival_db).stdout.startswith("共 0 个")


def test_a_damaged_file_names_its_latest_good_backup_and_restore_replaces_it(festival_db: Path) -> None:
    assert run("backup", "--db", festival_db).returncode == 0
    with festival_db.open("r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(os.urandom(4096 * 6))
    result = run("festival", "list", "--db", festival_db)
    assert result.returncode == 2
    assert "已损坏" in result.stderr and "最近一次正常的备份" in result.stderr
    backup = next(line for line in result.stderr.splitlines() if "restore" in line).split('"')[1]
    restored = run("restore", backup, "--db", festival_db)
    assert restored.returncode == 0, restored.stderr
    assert "损坏的文件改名保存为" in restored.stdout
    assert "第十届校园科技节" in run("festival", "list", "--db", festival_db).stdout


def test_an_unreachable_server_is_told_in_chinese() -> None:
    result = run("festival", "list", "--db", "postgresql://keji:secret@127.0.0.1:9/kejijie")
    assert result.returncode == 2
    assert "无法连接数据库服务器「127.0.0.1:9」" in result.stderr and "secret" not in result.stderr
