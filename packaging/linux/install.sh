#!/usr/bin/env bash
# Installs the release binary, the desktop entry and the icons for the current user.
# Run from the project root after `cargo build --release`.
set -euo pipefail
prefix=${PREFIX:-$HOME/.local}
install -Dm755 target/release/juesuan "$prefix/bin/juesuan"
install -Dm644 packaging/linux/juesuan.desktop "$prefix/share/applications/juesuan.desktop"
for size in 16 32 48 64 128 256; do
  install -Dm644 "packaging/icons/juesuan-$size.png" \
    "$prefix/share/icons/hicolor/${size}x${size}/apps/juesuan.png"
done
echo "已安装到 $prefix"
