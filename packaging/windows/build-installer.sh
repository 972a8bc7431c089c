#!/usr/bin/env bash
# Cross-builds juesuan.exe for 64-bit Windows and wraps it in the NSIS installer, on Debian or
# Ubuntu. Run from anywhere; the installer is written to target/juesuan-<version>-setup.exe
# (or under $CARGO_TARGET_DIR).
#
# Needs: apt-get install mingw-w64 nsis; rustup target add x86_64-pc-windows-gnu
# (INSTALL_TOOLS=1 installs them). The GNU target links with mingw-w64; the release workflow on
# Windows builds the MSVC target with the same juesuan.nsi.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=x86_64-pc-windows-gnu

if [[ ${INSTALL_TOOLS:-0} == 1 ]]; then
  apt-get install -y --no-install-recommends mingw-w64 nsis
  rustup target add "$target"
fi

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
cargo build --release --locked --target "$target" --bin juesuan
target_dir=${CARGO_TARGET_DIR:-$PWD/target}
exe="$target_dir/$target/release/juesuan.exe"
out="$target_dir/juesuan-$version-setup.exe"
# NSIS_TARGET=amd64-unicode: a 64-bit installer (see juesuan.nsi).
makensis -V2 ${NSIS_TARGET:+-DTARGET="$NSIS_TARGET"} -DVERSION="$version" -DBINARY="$exe" -DOUTFILE="$out" packaging/windows/juesuan.nsi
ls -l "$exe" "$out"
