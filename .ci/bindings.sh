#!/usr/bin/env bash
# Builds the C and WebAssembly bindings and runs both of their test programs
# over every golden case in tests/cases/, installing the tools that are
# missing. Run from anywhere: bash .ci/bindings.sh
#
#  1. tools: the wasm32-unknown-unknown target, wasm-bindgen-cli at exactly
#     the version of the wasm-bindgen crate in Cargo.lock, cbindgen (pinned),
#     gcc, valgrind and Node.js;
#  2. clippy (-D warnings) and the unit tests of both binding crates;
#  3. C: builds bontot-c, fails when include/bontot.h differs from what
#     cbindgen generates, builds bindings/c/tests/golden.c against the static
#     library and runs it under valgrind, then against the shared library;
#  4. WebAssembly: bindings/wasm/build.sh, then node --test (the golden
#     cases, the object API, the generated TypeScript types), then tsc
#     --strict over a consumer of the package (typescript from npm, pinned
#     in bindings/wasm/tests/package-lock.json);
#  5. the page (bindings/wasm/web) in headless Chromium: Debian's chromium
#     (installed with apt-get when missing) driven by puppeteer-core (npm ci
#     in bindings/wasm/tests; it downloads no browser), screenshots under
#     target/browser/.
set -euo pipefail

CBINDGEN_VERSION=0.29.4

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n=== bindings: %s (%s)\n' "$*" "$(date +%T)"; }

# ---- 1. tools -------------------------------------------------------------------
step "tools"
if ! rustup target list --installed | grep -x wasm32-unknown-unknown > /dev/null; then
    rustup target add wasm32-unknown-unknown
fi

wbg_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; print }' Cargo.lock | sed 's/^version = "\(.*\)"$/\1/')
if [ "$(printf '%s\n' "$wbg_version" | grep -c .)" -ne 1 ]; then
    echo "expected one wasm-bindgen version in Cargo.lock, found: ${wbg_version:-none}" >&2
    exit 1
fi
if [ "$(wasm-bindgen --version 2> /dev/null || true)" != "wasm-bindgen $wbg_version" ]; then
    # Not --locked: the CLI's own lock file names a dependency version the
    # registry no longer serves (0.2.130 locks webpki-roots 1.0.11); the
    # newest compatible versions of its dependencies are used instead. The
    # same command as build.sh's hint.
    cargo install wasm-bindgen-cli --version "$wbg_version"
fi
if [ "$(cbindgen --version 2> /dev/null || true)" != "cbindgen $CBINDGEN_VERSION" ]; then
    cargo install --locked cbindgen --version "$CBINDGEN_VERSION"
fi

missing=()
command -v gcc > /dev/null || missing+=(gcc libc6-dev)
command -v valgrind > /dev/null || missing+=(valgrind)
command -v node > /dev/null || missing+=(nodejs)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
node_major=$(node --version | sed 's/^v\([0-9]*\).*/\1/')
if [ "$node_major" -lt 20 ]; then
    echo "Node.js 20 or later is required, found $(node --version)" >&2
    exit 1
fi
echo "wasm-bindgen $wbg_version, $(cbindgen --version), gcc $(gcc -dumpfullversion), $(valgrind --version), node $(node --version)"

target_dir=$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')

# ---- 2. lints and unit tests --------------------------------------------------
step "clippy and unit tests of bontot-c and bontot-wasm"
cargo clippy --locked --no-deps -p bontot-c -p bontot-wasm --all-targets -- -D warnings
cargo clippy --locked --no-deps -p bontot-wasm --target wasm32-unknown-unknown -- -D warnings
cargo test --locked -p bontot-c -p bontot-wasm

# ---- 3. C ---------------------------------------------------------------------------
step "C: build bontot-c and check the header"
cargo build --locked -p bontot-c
header_tmp=$(mktemp --suffix=.h)
trap 'rm -f "$header_tmp"' EXIT
cbindgen --quiet --config bindings/c/cbindgen.toml --crate bontot-c --output "$header_tmp" bindings/c
if ! diff -u bindings/c/include/bontot.h "$header_tmp"; then
    echo "bindings/c/include/bontot.h is stale; regenerate it with:" >&2
    echo "  cbindgen --config bindings/c/cbindgen.toml --crate bontot-c --output bindings/c/include/bontot.h bindings/c" >&2
    exit 1
fi

step "C: golden cases through the static library, under valgrind"
build=bindings/c/tests/build
mkdir -p "$build"
cflags=(-std=c11 -Wall -Wextra -Wpedantic -Werror -g -Ibindings/c/include)
sources=(bindings/c/tests/golden.c bindings/c/tests/minijson.c)
# The system libraries Rust's std needs (rustc --print native-static-libs).
gcc "${cflags[@]}" "${sources[@]}" "$target_dir/debug/libbontot_c.a" \
    -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc -o "$build/golden-static"
valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1 \
    "$build/golden-static" tests/cases

step "C: golden cases through the shared library"
gcc "${cflags[@]}" "${sources[@]}" -L"$target_dir/debug" -Wl,-rpath,"$target_dir/debug" \
    -lbontot_c -o "$build/golden-shared"
"$build/golden-shared" tests/cases

# ---- 4. WebAssembly ---------------------------------------------------------------
step "WebAssembly: build the package"
bash bindings/wasm/build.sh

step "WebAssembly: golden cases, the object API and the types through Node.js"
node --test bindings/wasm/tests/

step "TypeScript: a strict consumer of the package compiles"
npm ci --prefix bindings/wasm/tests --no-audit --no-fund
bindings/wasm/tests/node_modules/.bin/tsc --version
bindings/wasm/tests/node_modules/.bin/tsc -p bindings/wasm/tests/ts --strict --noEmit

# ---- 5. the page in a browser --------------------------------------------------------
step "WebAssembly: the page in headless Chromium"
if ! command -v chromium > /dev/null; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
chromium --version 2> /dev/null | tail -n 1
node --test bindings/wasm/tests/browser.mjs
echo "screenshots: $root/target/browser/*.png"

step "all binding tests passed"
