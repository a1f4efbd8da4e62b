#!/usr/bin/env bash
# Compares `specgraph plan --format json` with a networkx pipeline
# (nx_pipeline.py) on generated specs of growing size.
#
#   Benchmarks/compare.sh                 # N = 10 000, 100 000, 1 000 000
#   SIZES="10000 100000" Benchmarks/compare.sh
#   SPECGRAPH_BIN=.build/release/specgraph Benchmarks/compare.sh   # no build
#
# Prints one row per size: wall seconds and peak memory of each tool (for
# specgraph the median of three runs, for networkx one), and how many times
# faster specgraph is. Generated specs go to $WORKDIR
# (default: a temporary directory, removed at the end).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SIZES="${SIZES:-10000 100000 1000000}"
PYTHON="${PYTHON:-python3}"

die() { echo "compare.sh: $*" >&2; exit 2; }

command -v "$PYTHON" >/dev/null || die "$PYTHON not found"
if ! "$PYTHON" -c 'import networkx' 2>/dev/null; then
    echo "compare.sh: installing networkx" >&2
    "$PYTHON" -m pip install --quiet networkx || die "could not install networkx (pip install networkx)"
fi

if [[ -n "${SPECGRAPH_BIN:-}" ]]; then
    BIN="$SPECGRAPH_BIN"   # an already built binary; skips the build
else
    echo "compare.sh: building specgraph (release)" >&2
    if ! (cd "$ROOT" && swift build -c release --product specgraph >&2); then
        die "building specgraph failed (swift build -c release --product specgraph in $ROOT)"
    fi
    BIN="$(cd "$ROOT" && swift build -c release --show-bin-path)/specgraph"
fi
[[ -x "$BIN" ]] || die "no specgraph binary at $BIN"

if [[ -n "${WORKDIR:-}" ]]; then
    mkdir -p "$WORKDIR"
else
    WORKDIR="$(mktemp -d "${TMPDIR:-/tmp}/specgraph-compare.XXXXXX")"
    trap 'rm -rf "$WORKDIR"' EXIT
fi

# measure OUT_PREFIX command...: runs the command with stdout discarded and
# prints "seconds kilobytes" (peak RSS; "-" where it cannot be measured).
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e %M' true 2>/dev/null; then
    measure() {
        local log="$1"; shift
        /usr/bin/time -o "$log.time" -f '%e %M' "$@" > /dev/null 2> "$log" \
            || { cat "$log" >&2; die "failed: $*"; }
        tail -n 1 "$log.time"
    }
else
    measure() {
        local log="$1"; shift
        local TIMEFORMAT='%R'
        local seconds
        seconds="$( { time "$@" > /dev/null 2> "$log"; } 2>&1 )" \
            || { cat "$log" >&2; die "failed: $*"; }
        echo "$seconds -"
    }
fi

mb() { if [[ "$1" == "-" ]]; then echo "-"; else awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; fi; }

printf '%10s %12s %12s %12s %12s %8s\n' "N" "specgraph s" "specgraph MB" "networkx s" "networkx MB" "ratio"
for N in $SIZES; do
    FILE="$WORKDIR/tasks-$N.md"
    "$BIN" generate --tasks "$N" --seed 1 -o "$FILE" || die "specgraph generate --tasks $N failed"
    # specgraph: the median of three runs (the first one right after
    # `generate` also pays for the file's writeback); networkx: one run.
    RUNS=()
    for _ in 1 2 3; do RUNS+=("$(measure "$WORKDIR/specgraph-$N.log" "$BIN" plan --format json "$FILE")"); done
    read -r SG_S SG_KB < <(printf '%s\n' "${RUNS[@]}" | sort -n | sed -n 2p)
    read -r NX_S NX_KB < <(measure "$WORKDIR/networkx-$N.log" "$PYTHON" "$HERE/nx_pipeline.py" "$FILE")
    RATIO="$(awk -v a="$NX_S" -v b="$SG_S" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }')"
    printf '%10s %12s %12s %12s %12s %8s\n' "$N" "$SG_S" "$(mb "$SG_KB")" "$NX_S" "$(mb "$NX_KB")" "$RATIO"
done
