; Inno Setup 6 script: the Windows installer of 科技节 desktop, from the one-folder build in
; dist\fest-desktop. Built by "python packaging\build.py" on Windows (see README), or by hand:
;   ISCC.exe /DAppVersion=0.1.0 packaging\fest-desktop.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

; x64compatible and the per-user install need Inno Setup 6.3 or newer.
#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed to build this installer
#endif

[Setup]
AppId={{6F1E2A4B-7C3D-4E5F-9A8B-2C1D0E3F4A5B}
AppName=科技节
AppVersion={#AppVersion}
AppVerName=科技节 {#AppVersion}
AppPublisher=科技节 desktop
DefaultDirName={autopf}\科技节
DefaultGroupName=科技节
DisableProgramGroupPage=yes
; A teacher without administrator rights can still install for themselves.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=科技节-安装程序-{#AppVersion}
SetupIconFile=..\build\packaging\fest-desktop.ico
UninstallDisplayIcon={app}\fest-desktop.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The Chinese messages cover what this installer shows; Inno Setup's English fills the rest silently.
MissingMessagesWarning=no
VersionInfoVersion={#AppVersion}
VersionInfoProductName=科技节
VersionInfoDescription=科技节 安装程序

[Languages]
; The project's own Chinese messages (packaging\ChineseSimplified.isl) over Inno Setup's English ones,
; so the wizard speaks Chinese on any build machine; a rare message it does not cover stays English.
Name: "chinesesimplified"; MessagesFile: "compiler:Default.isl,ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the program's libraries whole: files a newer build no longer has must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\fest-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; Started in the user's Documents, not in the program's folder, where a school account may not write.
Name: "{group}\科技节"; Filename: "{app}\fest-desktop.exe"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,科技节}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\科技节"; Filename: "{app}\fest-desktop.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
; The judges' phones reach the program on the school's network (手机评分): an inbound rule for the
; program on private networks only, replaced on reinstall. Installing without administrator rights
; cannot add it; Windows then asks the first time phone scoring starts.
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""科技节 手机评分"""; Flags: runhidden; Check: IsAdminInstallMode
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""科技节 手机评分"" dir=in action=allow program=""{app}\fest-desktop.exe"" profile=private enable=yes"; Flags: runhidden; Check: IsAdminInstallMode; StatusMsg: "允许手机评分通过防火墙（专用网络）…"
; The same for the command line's "fest-desktop phones serve" (fest-desktop.com); the rule's name is shared,
; so the delete above and at uninstall removes both.
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""科技节 手机评分"" dir=in action=allow program=""{app}\fest-desktop.com"" profile=private enable=yes"; Flags: runhidden; Check: IsAdminInstallMode
Filename: "{app}\fest-desktop.exe"; WorkingDir: "{userdocs}"; Description: "{cm:LaunchProgram,科技节}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""科技节 手机评分"""; Flags: runhidden; Check: IsAdminInstallMode; RunOnceId: "RemovePhoneFirewallRule"

; The festival file, its backups and the settings live in the user's data folder
; (%LOCALAPPDATA%\fest-desktop), so uninstalling never deletes a school's data.
