#!/usr/bin/env bash
# Compares what two revisions of bontot make of the same inputs: every file
# of the fuzz corpora (fuzz/corpus/*/), the malformed documents of
# tests/bad/ and the example records, each through the replay tool
# (fuzz/replay/), built once against REV and once against the working tree.
# The outputs (assessment JSON, or error JSON) must be byte-identical: a
# change meant to keep behaviour, such as an optimization, is checked this
# way before it lands.
#
#   bash fuzz/differential.sh REV      # e.g. main, HEAD~3, a commit hash
#
# Exits 0 when every output is identical, 1 at the first difference (which
# it prints), 2 on a usage or build error. Needs only the stable toolchain;
# the corpora grow with every fuzzing run (see fuzz/README.md).
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: bash fuzz/differential.sh REV" >&2
    exit 2
fi
rev=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
git rev-parse --verify --quiet "$rev^{commit}" > /dev/null || {
    echo "not a revision: $rev" >&2
    exit 2
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# REV's library, with this tree's replay tool and reference record (the
# structured inputs are built from it), so that only the library differs.
mkdir "$tmp/base"
git archive "$rev" | tar -x -C "$tmp/base"
mkdir -p "$tmp/base/fuzz/fuzz_targets" "$tmp/base/examples"
rm -rf "$tmp/base/fuzz/replay"
cp -r fuzz/replay "$tmp/base/fuzz/replay"
rm -rf "$tmp/base/fuzz/replay/target"
cp fuzz/fuzz_targets/structured_input.rs "$tmp/base/fuzz/fuzz_targets/"
cp examples/cell-year-2024.json "$tmp/base/examples/"

build() { # directory of a replay crate, target directory
    cargo build --quiet --release --manifest-path "$1/Cargo.toml" --target-dir "$2" || exit 2
    echo "$2/release/bontot-replay"
}
base_exe=$(build "$tmp/base/fuzz/replay" "$tmp/target-base")
head_exe=$(build fuzz/replay fuzz/replay/target)

# The same inputs, in the same order, for both. The corpora are not
# committed (a fresh clone or worktree has none): without them, say so and
# compare the rest.
dirs=(tests/bad examples)
if [ -d fuzz/corpus ]; then
    dirs=(fuzz/corpus "${dirs[@]}")
else
    echo "note: no fuzz/corpus here (the corpora are not committed, see fuzz/README.md); comparing tests/bad and examples only" >&2
fi
find "${dirs[@]}" -type f \( -path 'fuzz/corpus/*' -o -name '*.json' \) \
    ! -name expectations.json -print0 | sort -z > "$tmp/inputs"
count=$(tr -cd '\0' < "$tmp/inputs" | wc -c)
xargs -0 "$base_exe" < "$tmp/inputs" > "$tmp/base.out"
xargs -0 "$head_exe" < "$tmp/inputs" > "$tmp/head.out"

if cmp -s "$tmp/base.out" "$tmp/head.out"; then
    assessed=$(grep -c '"verdict":"' "$tmp/head.out" || true)
    echo "identical: $count inputs ($assessed assessed, the rest errors), $rev against the working tree"
    exit 0
fi
# The first line that differs: its input, and both outputs from the
# first byte where they part (500 bytes of each).
line=$(cmp "$tmp/base.out" "$tmp/head.out" | sed -n 's/.* line \([0-9]*\).*/\1/p' || true)
base_line=$(sed -n "${line}p" "$tmp/base.out")
head_line=$(sed -n "${line}p" "$tmp/head.out")
common=0
while [ "${base_line:common:1}" = "${head_line:common:1}" ] && [ $common -lt ${#base_line} ]; do
    common=$((common + 1))
done
{
    echo "DIFFERENT: $rev against the working tree, first at ${base_line%%$'\t'*}"
    echo "  $rev:         ...${base_line:common:500}"
    echo "  working tree: ...${head_line:common:500}"
} >&2
exit 1
