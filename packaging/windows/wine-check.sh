#!/usr/bin/env bash
# Installs the Windows installer under Wine in a throw-away prefix, uses the installed program
# (project files in a folder with Chinese characters and spaces, a PDF), then uninstalls it and
# checks that nothing of the program is left. A smoke test of the installer, for Linux.
#
# Needs: apt-get install wine64 mingw-w64 (mingw-w64 builds a shim Wine 8 lacks, see below).
# Usage: packaging/windows/wine-check.sh [target/juesuan-<version>-setup.exe]
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
installer=$(realpath "${1:-target/juesuan-$version-setup.exe}")

source packaging/windows/wine-prefix.sh

failures=0
check() { # description, command...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}

# Wine 8 poses as Windows 7 out of the box: the installer must refuse, then install on 10.
check "refuses Windows 7 (the program needs Windows 10)" bash -c "! \"$wine\" \"$installer\" /S"
check "and installs nothing there" test ! -e "$WINEPREFIX/drive_c/users/$(whoami)/AppData/Local/Programs/juesuan"
"$wine" reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
"$wine" "$installer" /S
wineserver -w
user_dir=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Local | grep -v /Public/ | head -n 1)
installed="$user_dir/Programs/juesuan"
check "installed without administrator rights under %LOCALAPPDATA%\\Programs" test -f "$installed/juesuan.exe"
check "font licence installed beside the program" test -f "$installed/LICENSE-OFL.txt"
check "uninstaller written" test -f "$installed/uninstall.exe"
check "Start-menu entry" bash -c "ls \"$WINEPREFIX\"/drive_c/users/*/AppData/Roaming/Microsoft/Windows/'Start Menu'/Programs/决算助手.lnk"
check "registered under 应用 (per user)" "$wine" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\juesuan' /v DisplayVersion
check "offered in 打开方式 for .json" "$wine" reg query 'HKCU\Software\Classes\.json\OpenWithProgids' /v juesuan.project
check "project type opens with the program" "$wine" reg query 'HKCU\Software\Classes\juesuan.project\shell\open\command'

project='C:\users\Public\Documents\决算 资料\2023年 部门决算.json'
mkdir -p "$WINEPREFIX/drive_c/users/Public/Documents/决算 资料"
check "installed program writes a project to a path with Chinese and spaces" \
  "$wine" "$installed/juesuan.exe" example -o "$project"
check "and reads it back" bash -c "\"$wine\" \"$installed/juesuan.exe\" summary '$project' | grep -q '226.23'"
check "and prints it to PDF there" "$wine" "$installed/juesuan.exe" pdf "$project" -o 'C:\users\Public\Documents\决算 资料\决算 公开.pdf'
check "the PDF is there" test -s "$WINEPREFIX/drive_c/users/Public/Documents/决算 资料/决算 公开.pdf"

# The uninstaller copies itself to %TEMP% and runs from there; wait until Wine is idle.
"$wine" "$installed/uninstall.exe" /S
wineserver -w
check "program removed" test ! -e "$installed/juesuan.exe"
check "folder removed" test ! -e "$installed"
check "uninstall entry removed" bash -c "! \"$wine\" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\juesuan'"
check "打开方式 entry removed" bash -c "! \"$wine\" reg query 'HKCU\Software\Classes\juesuan.project'"
check "the clerk's project stays" test -f "$WINEPREFIX/drive_c/users/Public/Documents/决算 资料/2023年 部门决算.json"

echo "$failures failed"
[[ $failures == 0 ]]
