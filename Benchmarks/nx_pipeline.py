#!/usr/bin/env python3
"""A networkx reference pipeline for specgraph's `plan`, used by compare.sh.

Reads one spec-kit tasks.md, builds the dependency graph with the rules of
DESIGN.md section 2 in simplified form, and prints a JSON summary:

  * tasks: checkbox list items whose text starts with a task ID (headings
    and table rows, which the real parser also accepts, are ignored);
  * stages: each barrier phase is a stage, each run of consecutive story
    phases is one stage; every task of a stage follows the previous stage's
    end milestone (`@stage<k>`), so barriers stay linear in size;
  * order: inside a phase, a run of [P] tasks in one section is a group,
    any other task a group of its own; a group follows the previous group
    (through a milestone when both hold more than one task);
  * explicit `(depends on ...)`-style references and `blocks` (reverse),
    with ranges expanded in document order, plus declared statements in a
    "Dependencies" / "Execution Order" section (`A blocks B`, `X before Y`,
    `B after A`, `B depends on A`, arrow chains);
  * files (unless --files ignore): tasks naming the same file are chained in
    the order of a Kahn pass that prefers the earliest task in the document.

Then: nx.is_directed_acyclic_graph (and only if that fails nx.find_cycle,
which is slow on large DAGs), nx.topological_generations for the waves, and
nx.dag_longest_path with each edge weighted by its source's duration for the
critical path. Timings of each stage go to stderr.
"""

import argparse
import heapq
import json
import re
import sys
import time

import networkx as nx

TASK_ID = r"T-?[A-Z]*\d{2,}(?:[A-Za-z]+)?(?:_[A-Za-z]+|(?:\.\d+)+)?"
TASK_LINE = re.compile(
    r"^\s*(?:[-*+]|\d+[.)])\s+\[([ xX~/-])\]\s+(?:\*\*|`|~~)?(" + TASK_ID + r")(?:\*\*|`|~~)?(.*)$"
)
LABEL = re.compile(r"\s*(?:\*\*)?\[([^\]\n]{1,20})\](?:\*\*)?")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
PHASE = re.compile(r"(?i)\b(?:phase|fase)\s+(?:\d+(?:\.\d+)?|N)\b|フェーズ\s*\d|阶段\s*\d")
STORY = re.compile(r"\bUser Story\s+\d+|\bUS\d+\b")
FENCE = re.compile(r"^\s*(```|~~~)")
CHECKPOINT = re.compile(r"^\s*(?:\*\*Checkpoint\*\*|Checkpoint:)")

REF = r"(" + TASK_ID + r")(?:\s*(?:-|–|\.\.|\bthrough\b|\bto\b)\s*(" + TASK_ID + r"))?"
REF_RE = re.compile(REF)
REF_LIST = REF + r"(?:\s*(?:,|/|\+|\band\b|&)\s*" + REF + r")*"
DEPENDS = re.compile(
    r"(?i)\b(depends on|depende de|after|requires|needs|blocked by|dependencies|依赖|依存)\s*[:：]?\s*(" + REF_LIST + r")"
)
BLOCKS = re.compile(r"(?i)\bblocks\s*:?\s*(" + REF_LIST + r")")
ESTIMATE_PERT = re.compile(
    r"\(\s*(?:est(?:imate)?\s*:\s*)?(\d+(?:\.\d+)?)\s*([a-z]+)\s*/\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*/\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*\)"
)
ESTIMATE = re.compile(
    r"[(\[]\s*(?:est(?:imate)?\s*:\s*)?~?\s*(\d+(?:\.\d+)?)\s*(m|min|mins|h|hr|hrs|hours?|d|days?|w|weeks?)\s*[)\]]"
)
ARROW = re.compile(r"\s*(?:-->|->|→|⟶)\s*")
BACK_ARROW = re.compile(r"\s*(?:<-|←)\s*")
STATEMENT_BLOCK = re.compile(r"^(.*?)\bblocks?\b(.*)$")
STATEMENT_BEFORE = re.compile(r"^(.*?)\bbefore\b(.*)$")
STATEMENT_AFTER = re.compile(r"^(.*?)\b(?:after|depends on)\b(.*)$")
PATH_TICK = re.compile(r"`([^`\s]+)`")
EXT = re.compile(r"[^/.]\.(?=[A-Za-z0-9]{1,10}$)[0-9]*[A-Za-z][A-Za-z0-9]*$")
NUMBER = re.compile(r"^\d+(?:\.\d+)?[A-Za-z]*$")
PRODUCTS = {"node.js", "vue.js", "next.js", "nuxt.js", "react.js", "express.js", "d3.js", "three.js",
            "socket.io", "asp.net", "ado.net", "chart.js", "alpine.js"}

UNIT_HOURS = {"m": 1 / 60, "min": 1 / 60, "mins": 1 / 60, "h": 1.0, "hr": 1.0, "hrs": 1.0, "hour": 1.0,
              "hours": 1.0, "d": 8.0, "day": 8.0, "days": 8.0, "w": 40.0, "week": 40.0, "weeks": 40.0}


def hours(value, unit):
    return float(value) * UNIT_HOURS.get(unit.lower(), 1.0)


def duration_of(text, default):
    m = ESTIMATE_PERT.search(text)
    if m:
        o = hours(m.group(1), m.group(2))
        likely = hours(m.group(3), m.group(4))
        p = hours(m.group(5), m.group(6))
        return (o + 4 * likely + p) / 6
    m = ESTIMATE.search(text)
    if m:
        return hours(m.group(1), m.group(2))
    return default


def refs_in(text):
    """[(first, last_or_None)] for every ID or range in text."""
    return [(m.group(1), m.group(2)) for m in REF_RE.finditer(text)]


def files_in(text):
    """File paths (DESIGN.md section 1, simplified): backticked tokens with a
    `/` or an extension, bare tokens whose last segment has an extension;
    directories (ending in `/`) do not count."""
    text = ESTIMATE_PERT.sub(" ", ESTIMATE.sub(" ", DEPENDS.sub(" ", text)))
    found = []
    for m in PATH_TICK.finditer(text):
        token = m.group(1)
        if not token.endswith("/") and ("/" in token or EXT.search(token)):
            found.append(token)
    for token in PATH_TICK.sub(" ", text).split():
        token = token.lstrip("([\"'").rstrip(")],.;:\"'")
        if (not token or token.endswith("/") or "://" in token or "*" in token or "[" in token
                or token.lower() in PRODUCTS):
            continue
        last = token.rsplit("/", 1)[-1]
        if EXT.search(last) and not NUMBER.match(last):
            found.append(token)
    return found


class Spec:
    def __init__(self):
        self.ids = []          # task IDs in document order (duplicates kept)
        self.position = {}     # first position of each ID
        self.status = []
        self.parallel = []
        self.duration = []
        self.phase = []        # phase index per task
        self.files = []
        self.refs = []         # per task: [(first, last)] it depends on
        self.blocks = []       # per task: [(first, last)] that depend on it
        self.phases = []       # [(title, is_story, [group lists of task positions])]
        self.declared = []     # [(before_refs, after_refs)]


def parse(path, default_duration, want_files):
    spec = Spec()
    in_fence = False
    in_comment = False
    deps_level = 0         # heading level of the current Dependencies section, 0 if none
    skip_phase_level = 0   # inside Parallel Example / Strategy sections
    current_phase = None
    group_open = False     # the last group of the current phase is an open [P] run
    implicit = None

    def new_phase(title, is_story):
        spec.phases.append((title, is_story, []))
        return len(spec.phases) - 1

    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if in_comment:
                if "-->" in line:
                    in_comment = False
                continue
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            if line.startswith("<!--"):
                if "-->" not in line:
                    in_comment = True
                continue
            if line.startswith("#"):
                m = HEADING.match(line)
                if m:
                    level, title = len(m.group(1)), m.group(2)
                    if deps_level and level <= deps_level:
                        deps_level = 0
                    if skip_phase_level and level <= skip_phase_level:
                        skip_phase_level = 0
                    if not deps_level and ("Dependencies" in title or "Execution Order" in title):
                        deps_level = level
                    elif "Parallel Example" in title or "Strategy" in title:
                        skip_phase_level = level
                    if not deps_level and not skip_phase_level and PHASE.search(title):
                        current_phase = new_phase(title, bool(STORY.search(title)))
                    group_open = False
                    continue
            if CHECKPOINT.match(line):
                group_open = False
                continue
            m = TASK_LINE.match(line) if "T" in line else None
            if m is None:
                if deps_level and "T" in line:
                    parse_statement(spec, line)
                continue
            box, task_id, rest = m.groups()
            parallel = False
            while True:
                label = LABEL.match(rest)
                if not label:
                    break
                if label.group(1) == "P":
                    parallel = True
                rest = rest[label.end():]
            position = len(spec.ids)
            spec.ids.append(task_id)
            spec.position.setdefault(task_id, position)
            spec.status.append(box)
            spec.parallel.append(parallel)
            spec.duration.append(duration_of(rest, default_duration))
            refs = []
            for dm in DEPENDS.finditer(rest):
                refs.extend(refs_in(dm.group(2)))
            spec.refs.append(refs)
            spec.blocks.append([r for bm in BLOCKS.finditer(rest) for r in refs_in(bm.group(1))])
            spec.files.append(files_in(rest) if want_files else ())
            if current_phase is None:
                if implicit is None:
                    implicit = new_phase("(implicit phase 0)", False)
                current_phase = implicit
            spec.phase.append(current_phase)
            groups = spec.phases[current_phase][2]
            if parallel and group_open:
                groups[-1].append(position)
            else:
                groups.append([position])
            group_open = parallel
    return spec


def parse_statement(spec, line):
    text = line.strip().lstrip("-*+ ").strip()
    if ARROW.search(text):
        parts = [refs_in(p) for p in ARROW.split(text)]
        for before, after in zip(parts, parts[1:]):
            if before and after:
                spec.declared.append((before, after))
    elif BACK_ARROW.search(text):
        parts = [refs_in(p) for p in BACK_ARROW.split(text)]
        for after, before in zip(parts, parts[1:]):
            if before and after:
                spec.declared.append((before, after))
    else:
        for pattern, forward in ((STATEMENT_BLOCK, True), (STATEMENT_BEFORE, True), (STATEMENT_AFTER, False)):
            m = pattern.match(text)
            if m:
                left, right = refs_in(m.group(1)), refs_in(m.group(2))
                if left and right:
                    spec.declared.append((left, right) if forward else (right, left))
                return


def expand(spec, refs):
    """Task positions named by refs; a range covers the tasks between its ends in document order."""
    out = []
    for first, last in refs:
        a = spec.position.get(first)
        if a is None:
            continue
        if last is None:
            out.append(a)
            continue
        b = spec.position.get(last)
        if b is None:
            continue
        lo, hi = min(a, b), max(a, b)
        out.extend(range(lo, hi + 1))
    return out


def build(spec, want_files):
    graph = nx.DiGraph()
    ids = spec.ids
    duration = {}
    for position, task_id in enumerate(ids):
        if spec.position[task_id] == position:
            duration[task_id] = spec.duration[position]
    graph.add_nodes_from(duration)
    edges = []

    def node(position):
        return ids[spec.position[ids[position]]]

    # Stages: a barrier phase alone, a run of story phases together.
    stages = []
    previous_story = False
    for index, (_, is_story, groups) in enumerate(spec.phases):
        if not groups:
            continue
        if is_story and previous_story:
            stages[-1].append(index)
        else:
            stages.append([index])
        previous_story = is_story
    previous_end = None
    for number, stage in enumerate(stages):
        end = "@stage%d" % (number + 1)
        for index in stage:
            for group in spec.phases[index][2]:
                for position in group:
                    task = node(position)
                    if previous_end is not None:
                        edges.append((previous_end, task, 0.0))
                    edges.append((task, end, duration[task]))
        previous_end = end

    # Order inside a phase.
    for index, (_, _, groups) in enumerate(spec.phases):
        for number in range(1, len(groups)):
            before, after = groups[number - 1], groups[number]
            if len(before) > 1 and len(after) > 1:
                milestone = "@phase%d.group%d" % (index + 1, number)
                edges.extend((node(p), milestone, duration[node(p)]) for p in before)
                edges.extend((milestone, node(p), 0.0) for p in after)
            else:
                edges.extend((node(p), node(q), duration[node(p)]) for p in before for q in after)

    # Explicit and declared dependencies.
    for position in range(len(ids)):
        task = node(position)
        for p in expand(spec, spec.refs[position]):
            if node(p) != task:
                edges.append((node(p), task, duration[node(p)]))
        for p in expand(spec, spec.blocks[position]):
            if node(p) != task:
                edges.append((task, node(p), duration[task]))
    for before, after in spec.declared:
        for p in expand(spec, before):
            for q in expand(spec, after):
                if p != q:
                    edges.append((node(p), node(q), duration[node(p)]))

    graph.add_weighted_edges_from(edges)
    del edges

    if want_files:
        add_file_edges(graph, spec, duration)
    return graph, duration


def add_file_edges(graph, spec, duration):
    """Chain the tasks naming each file in the order of a Kahn pass that always
    takes the earliest ready task in the document (milestones first)."""
    by_file = {}
    for position, files in enumerate(spec.files):
        task = spec.ids[position]
        if spec.position[task] != position:
            continue
        for name in files:
            by_file.setdefault(name, []).append(task)
    shared = {name for name, tasks in by_file.items() if len(tasks) > 1}
    if not shared:
        return
    rank = {task: spec.position[task] for task in duration}
    indegree = dict(graph.in_degree())
    ready = [(rank.get(n, -1), n) for n, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    order = {}
    successors = graph._succ
    while ready:
        _, n = heapq.heappop(ready)
        order[n] = len(order)
        for s in successors[n]:
            indegree[s] -= 1
            if indegree[s] == 0:
                heapq.heappush(ready, (rank.get(s, -1), s))
    if len(order) < graph.number_of_nodes():
        return  # a cycle: the file rule needs an order; the cycle is reported later
    chains = []
    for name in shared:
        tasks = sorted(set(by_file[name]), key=order.__getitem__)
        chains.extend((a, b, duration[a]) for a, b in zip(tasks, tasks[1:]))
    graph.add_weighted_edges_from(chains)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--default-duration", type=float, default=1.0)
    parser.add_argument("--files", choices=["serialize", "ignore"], default="serialize")
    args = parser.parse_args()
    want_files = args.files == "serialize"

    clock = time.perf_counter()

    def stage(name):
        nonlocal clock
        now = time.perf_counter()
        print("%-22s %8.3f s" % (name, now - clock), file=sys.stderr)
        clock = now

    spec = parse(args.file, args.default_duration, want_files)
    stage("parse")
    graph, duration = build(spec, want_files)
    stage("build graph")
    summary = {
        "source": args.file,
        "tasks": len(spec.ids),
        "done": sum(1 for s in spec.status if s in "xX"),
        "phases": sum(1 for p in spec.phases if p[2]),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "totalWork": round(sum(duration.values()), 6),
    }

    acyclic = nx.is_directed_acyclic_graph(graph)
    stage("is_directed_acyclic")
    if not acyclic:
        cycle = nx.find_cycle(graph)
        stage("find_cycle")
        summary.update(waves=0, maxWaveWidth=0, criticalPathLength=None, criticalPath=None,
                       cycles=[[u for u, _ in cycle] + [cycle[0][0]]])
    else:
        generations = list(nx.topological_generations(graph))
        stage("topological_gens")
        # A task's wave counts tasks only: milestones pass their wave through.
        wave = {}
        predecessors = graph._pred
        width = {}
        for generation in generations:
            for n in generation:
                w = max((wave[p] for p in predecessors[n]), default=0)
                if n[0] != "@":
                    w += 1
                    width[w] = width.get(w, 0) + 1
                wave[n] = w
        stage("waves")
        # A sink makes the last task's duration count on the path.
        graph.add_weighted_edges_from((n, "@sink", duration.get(n, 0.0)) for n in list(graph) if graph.out_degree(n) == 0)
        path = nx.dag_longest_path(graph, weight="weight")
        length = sum(graph[u][v]["weight"] for u, v in zip(path, path[1:]))
        stage("dag_longest_path")
        summary.update(waves=len(width), generations=len(generations), maxWaveWidth=max(width.values(), default=0),
                       criticalPathLength=round(length, 6),
                       criticalPath=[n for n in path if n[0] != "@"], cycles=[])
    json.dump(summary, sys.stdout)
    sys.stdout.write("\n")
    stage("json")


if __name__ == "__main__":
    main()
