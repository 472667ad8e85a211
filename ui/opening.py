"""Opening the festival file from the window: failures explained, a damaged file restored from its latest
good backup, another file offered, the first-run demo, a backup at open, and other windows noticed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fest_desktop.errors import DatabaseDamagedError, DatabaseOpenError, FestError
from fest_desktop.school.festivals import FestivalInfo, current_festival
from fest_desktop.storage import backups
from fest_desktop.storage.database import Database, is_url, open_database
from ui.widgets.file_dialogs import ask_folder, ask_open_path
from ui.widgets.messages import confirm


def open_with_dialogs(
    target: str | Path, parent: QWidget | None = None, keep_backups: int = 20
) -> Database | None:
    """Open the festival file (made when it is not there yet); on failure say why and offer a backup or
    another file. None when the user gives up. Another file chosen here is opened as it is: a file
    that is not a festival file is refused, never made into one."""
    create = True
    while True:
        try:
            elsewhere = held_by_another_pc(target)
            if elsewhere:
                raise DatabaseOpenError(elsewhere)
            return open_database(target, keep_backups, create=create)
        except DatabaseOpenError as exc:
            if isinstance(exc, DatabaseDamagedError) and offer_latest_backup(exc, parent):
                continue
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QApplication.translate("opening", "无法打开科技节数据文件"),
                exc.message,
                parent=parent,
            )
            other = box.addButton(
                QApplication.translate("opening", "打开其他文件…"), QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(QApplication.translate("opening", "退出"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not other:
                return None
            chosen = ask_open_path(
                parent,
                QApplication.translate("opening", "选择科技节数据文件"),
                QApplication.translate("opening", "科技节数据文件 (*.db);;所有文件 (*)"),
            )
            if chosen is None:
                return None
            target, create = chosen, False


def choose_data_location(parent: QWidget | None, target: Path) -> Path:
    """On the first start with the default data folder: say where the data will be kept and offer
    another place, since a restore card (还原卡, 冰点还原) wipes drive C: and the data with it at every
    reboot. The festival file to open: target, or festival.db in the folder chosen."""
    question = QApplication.translate(
        "opening",
        "科技节的全部数据（活动、作品、成绩、证书记录和自动备份）将保存在：\n{0}\n\n"
        "如果这台电脑装有还原卡或“冰点还原”等还原软件，重启后 C 盘会被还原，保存在这里的数据也会丢失。\n\n"
        "要换一个不会被还原的位置（例如 D 盘上的文件夹）吗？以后可在“学校与设置 → 界面与数据”中查看数据位置。",
    ).format(target.parent)
    if not confirm(parent, QApplication.translate("opening", "数据保存在哪里"), question):
        return target
    folder = ask_folder(parent, QApplication.translate("opening", "选择保存科技节数据的文件夹"))
    return target if folder is None else folder / target.name


def held_by_another_pc(target: str | Path) -> str:
    """What to say when another PC has the festival file open (the window's lock beside it names
    another machine): a file shared between PCs through a network folder can be damaged. "" otherwise."""
    if isinstance(target, str) and is_url(target):
        return ""
    path = Path(target).expanduser().resolve()
    _pid, host, _program = QLockFile(str(path) + ".lock").getLockInfo()
    if not host or host == QSysInfo.machineHostName():
        return ""
    return QApplication.translate(
        "opening",
        "这个数据文件正由另一台电脑（{0}）上的科技节打开。几台电脑不能通过共享文件夹同时使用同一个数据文件"
        "（可能损坏数据）：请在那台电脑上关闭科技节后再打开；几台电脑同时评分请改用 PostgreSQL 服务器。"
        "如果那台电脑已经关机，删除同一文件夹中的「{1}」后再打开。",
    ).format(host, path.name + ".lock")


def offer_latest_backup(damaged: DatabaseDamagedError, parent: QWidget | None) -> bool:
    """Offer the newest good backup of a damaged file; True when it was put in the file's place."""
    path = Path(damaged.path)
    good = backups.latest_good_backup(path)
    if good is None:
        return False
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QApplication.translate("opening", "数据文件已损坏"),
        damaged.message,
        parent=parent,
    )
    box.setInformativeText(
        QApplication.translate(
            "opening", "最近一次正常的备份：{0}（{1}）。\n用它恢复吗？损坏的文件会改名保存在原处，不会删除。"
        ).format(f"{good.made_at:%Y-%m-%d %H:%M}", good.reason)
    )
    restore = box.addButton(
        QApplication.translate("opening", "用这个备份恢复"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QApplication.translate("opening", "不恢复"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        backups.replace_damaged_file(path, good.path)
    except FestError as exc:
        QMessageBox.warning(parent, QApplication.translate("opening", "恢复失败"), exc.message)
        return False
    return True


def ensure_festival(db: Database) -> FestivalInfo:
    """The current festival; on the first start (an empty file) the demo festival is created."""
    festival = current_festival(db)
    if festival is None:
        from fest_desktop.demo.festival import create_demo_festival

        festival = create_demo_festival(db)
    return festival


def backup_at_open(db: Database) -> str:
    """The automatic backup of a file just opened; what went wrong, or "" (a failed backup never
    stops the day's work)."""
    try:
        backups.backup_on_open(db)
    except FestError as exc:
        return exc.message
    return ""


def claim_file(db: Database) -> tuple[QLockFile | None, str]:
    """Mark the file as open in this window; when another window has it, the lock is None and the text
    says who. Both windows work: every change is committed at once and each sees the other's."""
    if not db.is_file:
        return None, ""
    lock = QLockFile(db.location + ".lock")
    # Held for a whole day of scoring: only a dead process makes it stale, never its age.
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock, ""
    if lock.error() != QLockFile.LockError.LockFailedError:
        return None, ""  # a folder where no lock can be written: nothing to tell
    pid, host, _ = lock.getLockInfo()
    return None, QApplication.translate(
        "opening",
        "另一个科技节窗口（电脑 {0}，进程 {1}）也打开了这个数据文件。两个窗口都可以使用：每次修改都立即保存，"
        "评分和排行榜会互相显示；请不要两边同时修改同一项内容。",
    ).format(host, pid)
