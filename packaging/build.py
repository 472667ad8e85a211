"""Build the double-click program: the icons, then PyInstaller's one-folder app in dist/fest-desktop,
then on Linux a .tar.gz with the desktop entry, on Windows the installer when Inno Setup is there.

    python packaging/build.py            # everything for this system
    python packaging/build.py --no-archive

The build runs in a virtual environment of its own (build/packaging/venv) holding exactly what
requirements/build.txt locks: the program's libraries and PyInstaller, nothing a developer or the
tests installed beside them, so what is bundled is what a school was meant to get.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build" / "packaging"
DIST = ROOT / "dist"
APP = DIST / "fest-desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
LOCK = ROOT / "requirements" / "build.txt"
VENV = BUILD / "venv"
WINDOWS = sys.platform == "win32"
# On Windows the command line is fest-desktop.com beside the window's fest-desktop.exe: cmd and
# PowerShell run the .com when "fest-desktop" is typed, the desktop's shortcut the .exe. Both are
# PyInstaller's small starter programs, reading one shared fest-desktop.pkg (see the spec).
CONSOLE_PROGRAM = "fest-desktop.com"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def build_environment() -> Path:
    """The build's own environment, made (or brought up to the lock) from requirements/build.txt."""
    wanted = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    stamp = VENV / "installed-lock.sha256"
    if stamp.exists() and stamp.read_text(encoding="ascii") == wanted and venv_python().exists():
        return venv_python()
    if VENV.exists():
        shutil.rmtree(VENV)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run(
        [str(venv_python()), "-m", "pip", "install", "--quiet", "--require-hashes", "-r", str(LOCK)],
        check=True,
    )
    stamp.write_text(wanted, encoding="ascii")
    return venv_python()


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from fest_desktop import __version__

    return __version__


def make_icons() -> None:
    """PNG and multi-size ICO from the SVG icon, drawn by Qt so no other tool is needed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    BUILD.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png = BUILD / "fest-desktop.png"
    image.save(str(png))
    Image.open(png).save(BUILD / "fest-desktop.ico", sizes=[(s, s) for s in ICON_SIZES])


def version_info_text(version_text: str, file_name: str, description: str) -> str:
    """The Windows version resource of one executable, in the file format PyInstaller's EXE(version=…)
    reads: what Explorer's 属性 → 详细信息 and antivirus programs show of it."""
    numbers = (*(int(part) for part in version_text.split(".")[:3]), 0)
    strings = {
        "CompanyName": "科技节 desktop",
        "FileDescription": description,
        "FileVersion": version_text,
        "InternalName": Path(file_name).stem,
        "LegalCopyright": "科技节 desktop",
        "OriginalFilename": file_name,
        "ProductName": "科技节",
        "ProductVersion": version_text,
    }
    table = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3F, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        "      StringTable('080404B0', [\n"
        f"{table}\n"
        "      ])\n"
        "    ]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])\n"
        "  ]\n"
        ")\n"
    )


def write_version_files() -> None:
    """build/packaging/version-<program>.txt for both executables."""
    BUILD.mkdir(parents=True, exist_ok=True)
    for program, file_name, description in (
        ("fest-desktop", "fest-desktop.exe", "科技节"),
        ("fest-desktop-console", CONSOLE_PROGRAM, "科技节 命令行"),
    ):
        text = version_info_text(version(), file_name, description)
        (BUILD / f"version-{program}.txt").write_text(text, encoding="utf-8")


def run_pyinstaller() -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={BUILD / 'work'}",
            str(PACKAGING / "fest-desktop.spec"),
        ],
        check=True,
        cwd=ROOT,
    )


def place_console_program() -> None:
    """Windows: the console starter becomes fest-desktop.com and reads fest-desktop.pkg, which holds the
    same program as its own archive (checked byte for byte, then the copy goes)."""
    if not WINDOWS:
        return
    own, shared = APP / "fest-desktop-console.pkg", APP / "fest-desktop.pkg"
    if own.read_bytes() != shared.read_bytes():
        sys.exit(
            "fest-desktop-console.pkg differs from fest-desktop.pkg: the console program cannot share it"
        )
    own.unlink()
    (APP / "fest-desktop-console.exe").replace(APP / CONSOLE_PROGRAM)


def linux_archive() -> Path:
    """dist/fest-desktop-VERSION-linux.tar.gz: the folder with its icon, desktop entry and installer."""
    shutil.copy(BUILD / "fest-desktop.png", APP / "fest-desktop.png")
    shutil.copy(PACKAGING / "fest-desktop.desktop", APP / "fest-desktop.desktop")
    installer = APP / "install-desktop-entry.sh"
    shutil.copy(PACKAGING / "install-desktop-entry.sh", installer)
    installer.chmod(0o755)
    archive = DIST / f"fest-desktop-{version()}-linux-x86_64.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(APP, arcname="fest-desktop")
    return archive


def windows_installer() -> Path | None:
    """The Inno Setup installer, when ISCC.exe is installed (see README)."""
    candidates = [
        shutil.which("iscc"),
        *(
            str(Path(os.environ.get(var, "")) / "Inno Setup 6" / "ISCC.exe")
            for var in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA")
        ),
    ]
    iscc = next((c for c in candidates if c and Path(c).is_file()), None)
    if iscc is None:
        print(
            "未找到 Inno Setup（ISCC.exe）：只生成了 dist\\fest-desktop 文件夹。安装 Inno Setup 6 后重新运行即可生成安装程序。"
        )
        return None
    subprocess.run(
        [iscc, f"/DAppVersion={version()}", str(PACKAGING / "fest-desktop.iss")], check=True, cwd=ROOT
    )
    return next(DIST.glob("*安装程序*.exe"))


def main() -> int:
    parser = argparse.ArgumentParser(description="Build 科技节 desktop for this system")
    parser.add_argument("--no-archive", action="store_true", help="only the dist/fest-desktop folder")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)  # in the build's venv
    args = parser.parse_args()
    if not args.inside:
        python = build_environment()
        command = [str(python), str(Path(__file__).resolve()), "--inside", *sys.argv[1:]]
        return subprocess.run(command, check=False).returncode
    make_icons()
    write_version_files()
    run_pyinstaller()
    place_console_program()
    print(f"Built {APP}")
    if args.no_archive:
        return 0
    made = windows_installer() if sys.platform == "win32" else linux_archive()
    if made is not None:
        print(f"Built {made}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
