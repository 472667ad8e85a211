"""The window's file dialogs open in Documents, then in the folder used last, and suggest names
made safe from the user's text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from ui.widgets import file_dialogs


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Where each dialog opened; the teacher picks a file in the folder 'exports'."""
    monkeypatch.setattr(file_dialogs, "_last_folder", [])
    opened: list[str] = []

    def save(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        opened.append(start)
        return str(tmp_path / "exports" / Path(start).name), ""

    def open_one(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        opened.append(start)
        return str(tmp_path / "inbox" / "花名册.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_one)
    return opened


def test_dialogs_start_in_documents_then_in_the_last_folder(
    qapp: QApplication, asked: list[str], tmp_path: Path
) -> None:
    parent = QWidget()
    path = file_dialogs.ask_save_path(parent, "导出", "科普/板报:比赛评分表", ".xlsx", "Excel (*.xlsx)")
    assert Path(asked[0]).parent == file_dialogs.documents_folder()
    assert Path(asked[0]).name == "科普_板报_比赛评分表.xlsx"
    assert path == tmp_path / "exports" / "科普_板报_比赛评分表.xlsx"
    file_dialogs.ask_open_path(parent, "花名册", "Excel (*.xlsx)")
    assert Path(asked[1]) == tmp_path / "exports"
    file_dialogs.ask_save_path(parent, "导出", "日程", ".ics", "(*.ics)")
    assert Path(asked[2]).parent == tmp_path / "inbox"


def test_a_name_typed_without_its_extension_gets_it(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(tmp_path / "v1.2 名单"), ""))
    assert (
        file_dialogs.ask_save_path(None, "导出", "名单", ".pdf", "PDF (*.pdf)") == tmp_path / "v1.2 名单.pdf"
    )


def test_a_saved_file_is_named_on_its_own_line_above_its_folder(shown: dict[str, Any]) -> None:
    from ui.widgets.messages import tell_saved

    where = Path("/学校/教务处/2026 年第十届科技节/证书/打印")
    tell_saved(None, "已生成 64 张证书。", where / "启明实验学校第十届校园科技节证书.pdf")
    assert shown["saved"] == ["已生成 64 张证书。"]
    assert shown["saved_where"] == [f"启明实验学校第十届校园科技节证书.pdf\n{where}"]
