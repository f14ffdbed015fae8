#!/usr/bin/env bash
# Builds the npm package bindings/wasm/pkg/ for Node.js (and, for the page
# in bindings/wasm/web/, the browser glue in bindings/wasm/web/pkg/):
#   1. cargo builds bontot-wasm for wasm32-unknown-unknown with the
#      size-tuned `wasm-release` profile of the root Cargo.toml, remapping
#      the build machine's path prefixes (the repository, $CARGO_HOME, the
#      rustup toolchain, $HOME) so that no machine path ends up in the .wasm;
#   2. wasm-bindgen --target nodejs writes the glue (bontot.js, CommonJS)
#      into pkg/; the CLI must be the exact version of the wasm-bindgen
#      crate in Cargo.lock (.ci/bindings.sh installs it);
#   3. the package's entry point (js/index.js, js/index.d.ts, and the types
#      generated from schema/: js/types.d.ts, js/types/*.d.ts),
#      package.json (from the crate's name and version), the README and the
#      licence texts are added;
#   4. wasm-bindgen --target web writes the ES-module glue of the page into
#      web/pkg/, with the reference example (examples/cell-year-2024.json);
#   5. checks: no machine path in the .wasm, and at most 200 KiB gzipped;
#      prints the sizes (raw and gzip -9) that the READMEs state.
# Run from anywhere; needs cargo, rustc, the wasm32-unknown-unknown target
# and wasm-bindgen on PATH.
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
# Not --locked: the CLI's own lock file can pin a dependency version the
# registry no longer serves (0.2.130 pins webpki-roots 1.0.11).
install_hint="cargo install wasm-bindgen-cli --version $lock_versions"
if ! command -v wasm-bindgen > /dev/null; then
    echo "build.sh: wasm-bindgen not found; install it with:" >&2
    echo "  $install_hint" >&2
    exit 1
fi
cli_version=$(wasm-bindgen --version | awk '{ print $2 }')
if [ "$cli_version" != "$lock_versions" ]; then
    echo "build.sh: wasm-bindgen $cli_version is installed but Cargo.lock has $lock_versions; install it with:" >&2
    echo "  $install_hint" >&2
    exit 1
fi

target_dir=$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')

# ---- 1. the .wasm, with the machine's paths remapped ---------------------------
# Panic and error locations of the library and its dependencies hold source
# paths. rustc applies the last matching --remap-path-prefix, so the general
# prefixes come first. The flags go in CARGO_ENCODED_RUSTFLAGS of this one
# command (they replace RUSTFLAGS and [build] rustflags for it, which are
# carried over below), so no other build changes.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
rustup_home=${RUSTUP_HOME:-$HOME/.rustup}
sysroot=$(rustc --print sysroot)
remaps=()
[ "${HOME:-/}" != / ] && remaps+=("--remap-path-prefix=$HOME=/home")
remaps+=(
    "--remap-path-prefix=$rustup_home=/rustup"
    "--remap-path-prefix=$sysroot=/rustc/toolchain"
    "--remap-path-prefix=$cargo_home=/cargo"
    "--remap-path-prefix=$root=/bontot"
    "--remap-path-prefix=$target_dir=/bontot/target"
)
flags=()
if [ -n "${CARGO_ENCODED_RUSTFLAGS:-}" ]; then
    IFS=$'\x1f' read -r -a flags <<< "$CARGO_ENCODED_RUSTFLAGS"
elif [ -n "${RUSTFLAGS:-}" ]; then
    read -r -a flags <<< "$RUSTFLAGS"
fi
flags+=("${remaps[@]}")
encoded=$(IFS=$'\x1f'; printf '%s' "${flags[*]}")
CARGO_ENCODED_RUSTFLAGS="$encoded" \
    cargo build --locked -p bontot-wasm --target wasm32-unknown-unknown --profile wasm-release

wasm="$target_dir/wasm32-unknown-unknown/wasm-release/bontot_wasm.wasm"

# ---- 2. the Node.js glue ---------------------------------------------------------
pkg="$here/pkg"
rm -rf "$pkg"
wasm-bindgen --target nodejs --out-dir "$pkg" --out-name bontot \
    --remove-name-section --remove-producers-section "$wasm"

# ---- 3. the package ----------------------------------------------------------------
cp "$here/js/index.js" "$here/js/index.d.ts" "$here/js/types.d.ts" "$pkg/"
cp -r "$here/js/types" "$pkg/types"
cp "$here/README.md" "$pkg/README.md"
cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$pkg/"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$here/Cargo.toml" | head -n 1)
cat > "$pkg/package.json" << JSON
{
  "name": "bontot",
  "version": "$version",
  "description": "The \"Chi bộ bốn tốt\" evaluation rules (bontot), compiled to WebAssembly for Node.js",
  "license": "MIT OR Apache-2.0",
  "keywords": ["chi-bo-bon-tot", "assessment", "webassembly"],
  "main": "index.js",
  "types": "index.d.ts",
  "files": [
    "index.js", "index.d.ts", "types.d.ts", "types/record.d.ts", "types/assessment.d.ts",
    "bontot.js", "bontot.d.ts", "bontot_bg.wasm", "bontot_bg.wasm.d.ts",
    "README.md", "LICENSE-MIT", "LICENSE-APACHE"
  ],
  "engines": { "node": ">=20" }
}
JSON

# ---- 4. the page's browser glue ----------------------------------------------------
# The same .wasm with the ES-module glue of --target web, and the reference
# example the page offers, into web/pkg/ (not committed).
web_pkg="$here/web/pkg"
rm -rf "$web_pkg"
wasm-bindgen --target web --out-dir "$web_pkg" --out-name bontot \
    --remove-name-section --remove-producers-section --no-typescript "$wasm"
cp "$root/examples/cell-year-2024.json" "$web_pkg/example.json"

# ---- 5. checks and sizes -------------------------------------------------------------
# No path of this machine in a shipped .wasm.
check_paths() {
    local file=$1 needles=(/root .cargo .rustup "$root" "$cargo_home" "$rustup_home")
    [ "${HOME:-/}" != / ] && needles+=("$HOME")
    local args=() n
    for n in "${needles[@]}"; do args+=(-e "$n"); done
    if grep -a -q -F "${args[@]}" "$file"; then
        echo "build.sh: $file holds paths of the build machine:" >&2
        grep -a -o -F "${args[@]}" "$file" | sort | uniq -c >&2
        exit 1
    fi
}
check_paths "$pkg/bontot_bg.wasm"
check_paths "$web_pkg/bontot_bg.wasm"

raw=$(wc -c < "$pkg/bontot_bg.wasm")
gz=$(gzip -9 -n -c "$pkg/bontot_bg.wasm" | wc -c)
kib() { echo $((($1 + 512) / 1024)); }
echo "build.sh: bontot_bg.wasm is $raw B ($(kib "$raw") KiB) raw, $gz B ($(kib "$gz") KiB) gzip -9"
echo "build.sh: sha256 $(sha256sum < "$pkg/bontot_bg.wasm" | awk '{ print $1 }')"
budget=$((200 * 1024))
if [ "$gz" -gt "$budget" ]; then
    echo "build.sh: bontot_bg.wasm is $gz B gzipped, over the budget of $budget B (200 KiB)" >&2
    exit 1
fi
