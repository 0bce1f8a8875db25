#!/usr/bin/env bash
# Adds Analyst Workbench to the desktop's application menu (freedesktop.org), for this user.
# Usage: install-desktop-entry.sh [PATH-TO-workbench-EXECUTABLE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exe="${1:-$(command -v workbench)}"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
install -D -m 644 "$here/../resources/icons/workbench.svg" "$data/icons/hicolor/scalable/apps/analyst-workbench.svg"
install -d "$data/applications"
sed "s|^Exec=workbench|Exec=$exe|" "$here/analyst-workbench.desktop" > "$data/applications/analyst-workbench.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "Installed $data/applications/analyst-workbench.desktop"
