#!/usr/bin/env bash
# Lints the Windows build from Linux, so that code behind cfg(windows) (console, print verb,
# resources) compiles and stays warning-free between releases. Needs the x86_64-pc-windows-gnu
# standard library (rustup) and mingw-w64 (for build scripts that compile C for the target).
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
if ! rustup target list --installed | grep -qx "$target"; then
  rustup target add "$target"
fi
cargo clippy --target "$target" --all-targets --locked -- -D warnings
