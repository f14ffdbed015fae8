#!/usr/bin/env bash
# Counts the instructions of one `bontot::assess` of the reference record
# (examples/cell-year-2024.json), deterministically, with callgrind.
#
#   bash benches/callgrind.sh            # prints the count per assessment
#   bash benches/callgrind.sh --profile  # and the functions it is spent in
#   bash benches/callgrind.sh --floor    # the floor: writing and dropping
#                                        # the result alone, no rule run
#
# examples/callgrind_assess.rs parses the record once and assesses it N
# times; the count of one assessment is
#
#   (instructions at N=101 - instructions at N=1) / 100
#
# so the parse, the process's start and its exit cancel out, and what is
# left is `assess` itself plus dropping its result. Instruction counts do
# not depend on the machine's load, unlike timings.
#
# With --profile the example is built with debug info and the N=101 run is
# annotated (`callgrind_annotate`), counting only inside `assess`.
#
# With --floor the same difference is taken for examples/callgrind_floor.rs,
# which clones the reference assessment (the same three allocations, every
# check, month and finding copied once) and drops it: about what the
# result's public types cost to write, whatever the rules do.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

profile=false
example=callgrind_assess
case "${1:-}" in
    "") ;;
    --profile) profile=true ;;
    --floor) example=callgrind_floor ;;
    *)
        echo "usage: bash benches/callgrind.sh [--profile | --floor]" >&2
        exit 2
        ;;
esac

if ! command -v valgrind > /dev/null; then
    echo "valgrind is required: apt-get install valgrind" >&2
    exit 1
fi

if $profile; then
    export CARGO_PROFILE_RELEASE_DEBUG=true
fi
# The executable's path, from cargo's own report of the build.
exe=$(cargo build --release --example "$example" --message-format=json-render-diagnostics |
    sed -n "s/.*\"executable\":\"\([^\"]*$example\)\".*/\1/p" | tail -n 1)
if [ -z "$exe" ] || [ ! -x "$exe" ]; then
    echo "could not find the $example executable" >&2
    exit 1
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The total instruction count of one run of the example with N assessments.
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$1" "$exe" "$1" > /dev/null 2> "$out/log.$1" || {
        cat "$out/log.$1" >&2
        exit 1
    }
    awk '/^(summary|totals):/ { print $2; exit }' "$out/callgrind.$1"
}

one=$(instructions 1)
many=$(instructions 101)
per=$(((many - one) / 100))
echo "instructions: N=1 $one, N=101 $many"
if [ "$example" = callgrind_floor ]; then
    echo "instructions per rebuilt and dropped assessment (the floor): $per"
else
    echo "instructions per assess: $per"
fi

if $profile; then
    valgrind --tool=callgrind --toggle-collect='bontot::assessment::assess' \
        --callgrind-out-file="$out/profile" "$exe" 100 > /dev/null 2>&1
    echo
    echo "inside assess, 100 assessments (divide by 100), by function, inclusive:"
    callgrind_annotate --inclusive=yes "$out/profile" 2> /dev/null |
        grep -E 'bontot::|malloc|free|memcpy|memcmp|memmove|sort' | head -n 40
    echo
    echo "self cost:"
    callgrind_annotate "$out/profile" 2> /dev/null | sed -n '/^Ir/,$p' | sed -n '3,42p'
fi
