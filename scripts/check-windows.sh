#!/usr/bin/env bash
# The Windows build, checked from Linux: clippy for the Windows target, so that code behind
# cfg(windows) (console, print verb, resources) compiles and stays warning-free, and the test
# suites that the release workflow runs on Windows, built for Windows and run under Wine (paths
# with Chinese characters and spaces, atomic replace, CLI). The PDF and window tests need
# poppler's tools and a GPU driver, and run natively.
# Needs: rustup's x86_64-pc-windows-gnu target, mingw-w64 and wine64 (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
if ! rustup target list --installed | grep -qx "$target"; then
  rustup target add "$target"
fi
cargo clippy --target "$target" --all-targets --locked -- -D warnings

source packaging/windows/wine-prefix.sh
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=$wine
# Keep this list the same as the release workflow's (tests/packaging.rs checks the workflow's).
cargo test --locked --target "$target" --lib --bins --test architecture --test catalog \
  --test catalog_import \
  --test checks --test cli --test document --test example_totals --test packaging \
  --test next_year --test roundtrip_prop --test storage --test xlsx --test bundle \
  --test figures_import --test consolidate
