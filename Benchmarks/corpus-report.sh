#!/usr/bin/env bash
# How specgraph reads the real tasks.md files of the corpus: one line per
# file, outliers first, then the totals (issue 11, item 5).
#
#   Benchmarks/corpus-report.sh                   # $SPECGRAPH_CORPUS, else ../shared/corpus
#   Benchmarks/corpus-report.sh path/to/corpus    # another folder of *.md files
#   SPECGRAPH_BIN=.build/debug/specgraph Benchmarks/corpus-report.sh
#   make corpus                                   # release build, then this
#
# Each file goes through `specgraph plan --format json` on its own (default
# options), so a file that makes specgraph fail shows up as such. Extra
# arguments for specgraph can be given in SPECGRAPH_ARGS (e.g. "--all").
# Needs python3 (standard library only) to read the JSON.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PYTHON="${PYTHON:-python3}"

die() { echo "corpus-report.sh: $*" >&2; exit 2; }

CORPUS="${1:-${SPECGRAPH_CORPUS:-$ROOT/../shared/corpus}}"
[[ -d "$CORPUS" ]] || die "no corpus folder at $CORPUS (give one, or set SPECGRAPH_CORPUS)"
command -v "$PYTHON" >/dev/null || die "$PYTHON not found"

if [[ -n "${SPECGRAPH_BIN:-}" ]]; then
    BIN="$SPECGRAPH_BIN"
elif [[ -x "$ROOT/.build/release/specgraph" ]]; then
    BIN="$ROOT/.build/release/specgraph"
elif [[ -x "$ROOT/.build/debug/specgraph" ]]; then
    BIN="$ROOT/.build/debug/specgraph"
else
    die "no specgraph binary: run 'make build' (or set SPECGRAPH_BIN)"
fi
[[ -x "$BIN" ]] || die "no specgraph binary at $BIN"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/specgraph-corpus.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

shopt -s nullglob
files=("$CORPUS"/*.md)
(( ${#files[@]} > 0 )) || die "no *.md files in $CORPUS"

# One JSON file and one exit code per corpus file, numbered in name order.
i=0
for f in "${files[@]}"; do
    i=$((i + 1))
    code=0
    # shellcheck disable=SC2086  # SPECGRAPH_ARGS is split into words on purpose
    "$BIN" plan --format json ${SPECGRAPH_ARGS:-} "$f" >"$WORK/$i.json" 2>/dev/null || code=$?
    printf '%s\t%s\n' "$code" "$(basename "$f")" >"$WORK/$i.code"
done

"$PYTHON" - "$WORK" "$i" "$CORPUS" <<'PY'
import json, os, sys
from collections import Counter

work, count, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3]

WRITTEN = ["explicit", "declared", "story", "correction"]
IMPLIED = ["phase", "order", "file"]
# Warning codes with a column each (DESIGN.md §2, diagnostics); others go to "oth".
WARNINGS = [("UR", "unknown-reference"), ("SR", "self-reference"), ("PF", "parallel-file-conflict"),
            ("PD", "parallel-with-dependency"), ("NT", "no-tasks"), ("UL", "unparsed-line")]
KNOWN = {code for _, code in WARNINGS}
MANY_WARNINGS = 20      # a file with at least this many warnings is flagged W ...
WARNINGS_PER_TASK = 0.5 # ... or with at least this many per task
SERIAL = 0.8            # waves / open tasks at or above this (5+ open tasks) is flagged S

rows = []
totals = Counter()
warning_totals = Counter()
for n in range(1, count + 1):
    with open(os.path.join(work, f"{n}.code")) as f:
        code, name = f.read().rstrip("\n").split("\t", 1)
    code = int(code)
    plan = None
    try:
        with open(os.path.join(work, f"{n}.json")) as f:
            plan = json.load(f)
        if isinstance(plan, list):
            plan = plan[0] if plan else None
    except (ValueError, OSError):
        plan = None
    row = {"name": name, "code": code, "failed": code >= 2 or not isinstance(plan, dict)}
    if not row["failed"]:
        tasks = plan.get("tasks") or []
        edges = Counter(e.get("kind") for e in plan.get("edges") or [])
        diagnostics = plan.get("diagnostics") or []
        warnings = Counter(d.get("code") for d in diagnostics if d.get("severity") == "warning")
        errors = sum(1 for d in diagnostics if d.get("severity") == "error")
        open_tasks = sum(1 for t in tasks if t.get("status") not in ("done", "skipped"))
        waves = (plan.get("summary") or {}).get("waves") or len(plan.get("waves") or [])
        row.update(tasks=len(tasks), open=open_tasks, edges=edges, waves=waves,
                   ratio=waves / open_tasks if open_tasks else 0.0,
                   cycles=len(plan.get("cycles") or []), errors=errors, warnings=warnings,
                   warn=sum(warnings.values()))
        totals.update(files=1, tasks=len(tasks), open=open_tasks, waves=waves, cycles=row["cycles"],
                      errors=errors, warn=row["warn"])
        totals.update({"edge:" + k: v for k, v in edges.items()})
        warning_totals.update(warnings)
        if row["cycles"]: totals["files with cycles"] += 1
        if not tasks: totals["files with no tasks"] += 1
    else:
        totals["failed"] += 1
    flags = ""
    if row["failed"]: flags += "X"
    else:
        if row["cycles"]: flags += "C"
        if row["tasks"] == 0: flags += "0"
        if row["warn"] >= MANY_WARNINGS or (row["tasks"] and row["warn"] / row["tasks"] >= WARNINGS_PER_TASK):
            flags += "W"
        if row["open"] >= 5 and row["ratio"] >= SERIAL: flags += "S"
    row["flags"] = flags or "-"
    rows.append(row)

# Outliers first: failures, cycles, no tasks, many warnings, serial plans;
# within each, the worst first; files without a flag last, by name.
RANK = {"X": 0, "C": 1, "0": 2, "W": 3, "S": 4}
def key(r):
    first = min((RANK[c] for c in r["flags"] if c in RANK), default=9)
    if r["failed"]: return (first, 0, 0, r["name"])
    return (first, -len(r["flags"]), -r["cycles"] if first == 1 else -r["warn"] if first == 3 else -r["ratio"]
            if first == 4 else 0, r["name"])
rows.sort(key=key)

def short(name):
    return name[:-len("__tasks.md")] if name.endswith("__tasks.md") else name

print(f"specgraph corpus report: {count} files in {corpus}")
print("""columns: flags | tasks found, open (not done/skipped) | edges by kind, written: exp(licit) decl(ared)
  story corr(ection); implied: phase order file (milestone edges included) | waves, w/t = waves per open
  task (near 1: almost nothing runs in parallel) | cyc(les of written edges), err(ors) | warnings: all,
  then UR unknown-reference, SR self-reference, PF parallel-file-conflict, PD parallel-with-dependency,
  NT no-tasks, UL unparsed-line, oth(er codes) | file (without __tasks.md)
flags (outliers first): X specgraph failed (exit >= 2 or no JSON), C cycle, 0 no tasks,
  W >= %d warnings or >= %.1f per task, S waves >= %.0f%% of 5+ open tasks, - none""" % (MANY_WARNINGS, WARNINGS_PER_TASK, SERIAL * 100))
header = ("flag  tasks  open |  exp decl story corr | phase order  file | waves  w/t | cyc err |"
          " warn   UR   SR   PF   PD   NT   UL  oth | file")
print(header)
print("-" * len(header))
for r in rows:
    if r["failed"]:
        start = f"{r['flags']:<4}   failed: specgraph exit code {r['code']}, no plan"
        print(start.ljust(header.index("| file")) + "| " + short(r["name"]))
        continue
    e = r["edges"]
    w = r["warnings"]
    other = sum(v for k, v in w.items() if k not in KNOWN)
    print(f"{r['flags']:<4} {r['tasks']:6d} {r['open']:5d} |"
          f" {e['explicit']:4d} {e['declared']:4d} {e['story']:5d} {e['correction']:4d} |"
          f" {e['phase']:5d} {e['order']:5d} {e['file']:5d} |"
          f" {r['waves']:5d} {r['ratio']:4.2f} | {r['cycles']:3d} {r['errors']:3d} |"
          f" {r['warn']:4d} " + " ".join(f"{w[c]:4d}" for _, c in WARNINGS) + f" {other:4d} | {short(r['name'])}")
print("-" * len(header))
t = totals
ratio = t["waves"] / t["open"] if t["open"] else 0.0
other = sum(v for k, v in warning_totals.items() if k not in KNOWN)
print(f"{'all':<4} {t['tasks']:6d} {t['open']:5d} |"
      f" {t['edge:explicit']:4d} {t['edge:declared']:4d} {t['edge:story']:5d} {t['edge:correction']:4d} |"
      f" {t['edge:phase']:5d} {t['edge:order']:5d} {t['edge:file']:5d} |"
      f" {t['waves']:5d} {ratio:4.2f} | {t['cycles']:3d} {t['errors']:3d} |"
      f" {t['warn']:4d} " + " ".join(f"{warning_totals[c]:4d}" for _, c in WARNINGS) + f" {other:4d} |"
      f" {count} files")
flagged = Counter(c for r in rows for c in r["flags"] if c != "-")
print(f"files: {t['files']} planned, {t['failed']} failed, {t['files with cycles']} with cycles,"
      f" {t['files with no tasks']} with no tasks, {flagged['W']} with many warnings,"
      f" {flagged['S']} nearly serial; edges written {sum(t['edge:' + k] for k in WRITTEN)},"
      f" implied {sum(t['edge:' + k] for k in IMPLIED)}")
if other:
    print("other warning codes: " + ", ".join(f"{k} {v}" for k, v in sorted(warning_totals.items()) if k not in KNOWN))
PY
