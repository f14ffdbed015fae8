#!/usr/bin/env bash
# Builds the npm-shaped package bindings/wasm/pkg/ (package.json, bontot.js,
# bontot.d.ts, bontot_bg.wasm) for Node.js:
#   1. cargo builds bontot-wasm for wasm32-unknown-unknown with the
#      size-tuned `wasm-release` profile of the root Cargo.toml;
#   2. wasm-bindgen --target nodejs writes the JS glue; the CLI must be the
#      exact version of the wasm-bindgen crate in Cargo.lock (.ci/bindings.sh
#      installs it);
#   3. package.json is written from the crate's name and version.
# Run from anywhere; needs cargo, the wasm32-unknown-unknown target and
# wasm-bindgen on PATH.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

# The wasm-bindgen version Cargo.lock holds: the CLI must match it exactly.
lock_versions=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; print }' Cargo.lock | sed 's/^version = "\(.*\)"$/\1/')
if [ "$(printf '%s\n' "$lock_versions" | grep -c .)" -ne 1 ]; then
    echo "build.sh: expected one wasm-bindgen version in Cargo.lock, found: ${lock_versions:-none}" >&2
    exit 1
fi
if ! command -v wasm-bindgen > /dev/null; then
    echo "build.sh: wasm-bindgen not found; install it with:" >&2
    echo "  cargo install --locked wasm-bindgen-cli --version $lock_versions" >&2
    exit 1
fi
cli_version=$(wasm-bindgen --version | awk '{ print $2 }')
if [ "$cli_version" != "$lock_versions" ]; then
    echo "build.sh: wasm-bindgen $cli_version is installed but Cargo.lock has $lock_versions; install it with:" >&2
    echo "  cargo install --locked wasm-bindgen-cli --version $lock_versions" >&2
    exit 1
fi

cargo build --locked -p bontot-wasm --target wasm32-unknown-unknown --profile wasm-release

target_dir=$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/bontot_wasm.wasm"

pkg="$here/pkg"
rm -rf "$pkg"
wasm-bindgen --target nodejs --out-dir "$pkg" --out-name bontot \
    --remove-name-section --remove-producers-section "$wasm"

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$here/Cargo.toml" | head -n 1)
cat > "$pkg/package.json" << JSON
{
  "name": "bontot",
  "version": "$version",
  "description": "The \"Chi bộ bốn tốt\" evaluation rules (bontot), compiled to WebAssembly for Node.js",
  "private": true,
  "main": "bontot.js",
  "types": "bontot.d.ts",
  "files": ["bontot.js", "bontot.d.ts", "bontot_bg.wasm", "bontot_bg.wasm.d.ts"],
  "engines": { "node": ">=20" }
}
JSON

raw=$(wc -c < "$pkg/bontot_bg.wasm")
gz=$(gzip -9 -c "$pkg/bontot_bg.wasm" | wc -c)
echo "build.sh: $pkg/bontot_bg.wasm is $raw bytes ($gz gzipped)"
