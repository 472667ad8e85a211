"""The build's own pieces that can be checked without building: the Windows version resources and the
installer script's requirements."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import build  # noqa: E402


def test_each_executable_gets_a_version_resource_in_pyinstallers_format() -> None:
    text = build.version_info_text("0.12.3", "fest-desktop.com", "科技节 命令行")
    call = ast.parse(text, mode="eval").body
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "VSVersionInfo"
    assert "filevers=(0, 12, 3, 0)" in text
    assert "StringStruct('OriginalFilename', 'fest-desktop.com')" in text
    assert "StringStruct('ProductVersion', '0.12.3')" in text


def test_the_installer_replaces_the_old_libraries_and_speaks_chinese() -> None:
    script = (ROOT / "packaging" / "fest-desktop.iss").read_text(encoding="utf-8-sig")
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in script
    assert "EncodeVer(6, 3, 0)" in script
    assert script.count('WorkingDir: "{userdocs}"') == 3
    assert 'MessagesFile: "compiler:Default.isl,ChineseSimplified.isl"' in script
    messages = (ROOT / "packaging" / "ChineseSimplified.isl").read_text(encoding="utf-8-sig")
    for key in ("WelcomeLabel1=", "ButtonNext=", "WizardSelectDir=", "FinishedLabel=", "CreateDesktopIcon="):
        assert key in messages


def test_the_installer_lets_the_phones_through_the_firewall_on_private_networks_only() -> None:
    script = (ROOT / "packaging" / "fest-desktop.iss").read_text(encoding="utf-8-sig")
    added = [line for line in script.splitlines() if "firewall add rule" in line]
    # The window's starter and the command line's (phones serve), under one rule name.
    assert {
        program for line in added for program in ("fest-desktop.exe", "fest-desktop.com") if program in line
    } == {
        "fest-desktop.exe",
        "fest-desktop.com",
    }
    for add in added:
        assert "dir=in" in add and "profile=private" in add and "IsAdminInstallMode" in add
    uninstall = script.split("[UninstallRun]", 1)[1]
    assert "firewall delete rule" in uninstall.split("\n[", 1)[0]


def test_the_built_program_carries_the_phone_page_and_the_servers_protocols() -> None:
    spec = (ROOT / "packaging" / "fest-desktop.spec").read_text(encoding="utf-8")
    assert '"resources" / "phone"' in spec and 'collect_submodules("uvicorn")' in spec
