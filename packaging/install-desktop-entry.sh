#!/bin/sh
# Adds 科技节 to the applications menu and the desktop of this user, pointing at this folder.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
sed -e "s|^Exec=.*|Exec=\"$here/fest-desktop\"|" -e "s|^Icon=.*|Icon=$here/fest-desktop.png|" \
    "$here/fest-desktop.desktop" > "$apps/fest-desktop.desktop"
chmod +x "$apps/fest-desktop.desktop"
desktop="$(xdg-user-dir DESKTOP 2>/dev/null || echo "$HOME/Desktop")"
if [ -d "$desktop" ]; then
    cp "$apps/fest-desktop.desktop" "$desktop/"
    chmod +x "$desktop/fest-desktop.desktop"
fi
echo "已添加到应用程序菜单：$apps/fest-desktop.desktop"
