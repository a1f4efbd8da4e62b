import Dispatch
import CByteClasses

/// Turning written references into task and phase indices, with their diagnostics.
extension DocumentParser {
    /// Finishes the parse: phases, references, diagnostics in source order.
    mutating func finish() -> SpecDocument {
        let (phases, phaseOfHeading, storyTitled) = assignPhases()
        // Keys were interned from the ID bytes as tasks were read, and
        // `mergeDuplicates` left one task per key (a different task with a
        // repeated ID has a key of its own, `T045#2`): references resolve to it.
        var firstTaskOfKey = [Int32](repeating: -1, count: idTable.count)
        var isFirst = [Bool](repeating: false, count: tasks.count)
        for t in tasks.indices {
            let key = Int(taskIDKey[t])
            if firstTaskOfKey[key] < 0 {
                firstTaskOfKey[key] = Int32(t)
                isFirst[t] = true
            }
        }
        var resolver = Resolver(idTable: idTable, firstTaskOfKey: firstTaskOfKey, isFirst: isFirst)
        // Most pending groups hold one or two single IDs: one edge each.
        resolver.reserve(edges: taskReferences.count * 2)
        let grouped = groupHeadingRanges(&resolver)
        // A reference written once (in a heading, for every task below it) is reported once.
        var reportedMissing = Set<SourceLocation>()
        // Each single ID's task is looked up a few references before it is
        // needed, and what each lookup reads asked for before that (`LookAhead`).
        // (`taskReferences` is not changed until `releaseResolved`.)
        let all = taskReferences.withUnsafeBufferPointer { $0 }
        var ahead = LookAhead(all, resolver)
        defer { ahead.deallocate() }
        // Read in place (a copy of each reference retained its strings, and
        // each group's array was retained and released), and a range's tasks
        // walked, not gathered into an array first. (Not in
        // `withUnsafeBufferPointer` closures: they captured the resolver,
        // which was copied for every call made on it.)
        for pending in all.indices {
            let task = all[pending].task
            let reversed = all[pending].reversed
            // The task's ID is read for a diagnostic only: reading it for every
            // group loaded a task record (and retained its ID) per reference group.
            let references = all[pending].references.withUnsafeBufferPointer { $0 }
            for r in references.indices {
                ahead.step(resolver)
                let found = ahead.target()
                let isRange = references[r].upTo != nil
                if isRange, !grouped.isEmpty, grouped.contains(HeadingRange(references[r].location, reversed)) {
                    continue
                }
                // A single ID needs no target array (the common case).
                if !isRange, found >= 0 {
                    let target = found
                    // Only the task itself: a later duplicate naming its own ID
                    // depends on the first task with that ID.
                    if target == task {
                        diagnostics.append(
                            Diagnostic(.selfReference, "\(tasks[Int(task)].id) depends on itself", at: references[r].location))
                        continue
                    }
                    let (p, s) = reversed ? (task, target) : (target, task)
                    resolver.add(p, s, .explicit, references[r].location)
                    continue
                }
                guard let (lo, hi) = resolver.bounds(references[r]) else {
                    let reference = references[r]
                    guard reportedMissing.insert(reference.location).inserted else { continue }
                    let missing = resolver.missingEnd(reference)
                    let message = reversed
                        ? "\(tasks[Int(task)].id) blocks \(missing), which does not exist"
                        : "\(tasks[Int(task)].id) depends on \(missing), which does not exist"
                    diagnostics.append(Diagnostic(.unknownReference, message, at: reference.location))
                    continue
                }
                let location = references[r].location
                // `resolver.expand(reference)`, walked in place.
                for target in lo...hi where resolver.isFirst[Int(target)] {
                    if target == task {
                        if !isRange {
                            diagnostics.append(Diagnostic(.selfReference, "\(tasks[Int(task)].id) depends on itself", at: location))
                        }
                        continue
                    }
                    let (p, s) = reversed ? (task, target) : (target, task)
                    resolver.add(p, s, .explicit, location)
                }
            }
        }
        resolveStatements(&resolver)
        let (phaseDependencies, parallelStatements, independentTasks) = resolvePhaseStatements(
            phases, phaseOfHeading, storyTitled: storyTitled, &resolver)
        for t in independentTasks { tasks[Int(t)].independent = true }
        if tasks.isEmpty {
            diagnostics.append(Diagnostic(.noTasks, "no tasks found", at: SourceLocation(line: 1, column: 1)))
        }
        diagnostics.append(contentsOf: resolver.diagnostics)
        // Every reference is resolved: the pending references (an array per
        // task that names any), the ID table, the per-task keys and the
        // resolver's tables go now, before the file tables make an array per
        // task, rather than when the parse returns (they were part of its peak).
        let (edges, groups) = (resolver.edges, resolver.groups)
        resolver = Resolver(idTable: ByteInterner(), firstTaskOfKey: [], isFirst: [])
        releaseResolved()
        // Stable sort into source order.
        let ordered = diagnostics.enumerated().sorted {
            ($0.element.location, $0.offset) < ($1.element.location, $1.offset)
        }.map(\.element)
        completeFileTables()
        while taskFileOffsets.count <= tasks.count { taskFileOffsets.append(Int32(taskFileIDs.count)) }
        var document = SpecDocument(
            path: path, tasks: tasks, phases: phases, dependencies: edges,
            phaseDependencies: phaseDependencies, diagnostics: ordered, lineCount: lineNumber,
            filePaths: filePaths, isDirectory: isDirectory, taskFileOffsets: taskFileOffsets, taskFileIDs: taskFileIDs)
        document.parallelStatements = parallelStatements
        document.dependencyGroups = groups
        return document
    }

    /// Lets go of what only reference resolution reads. The parser reads no
    /// ID, heading of a task or pending statement afterwards.
    private mutating func releaseResolved() {
        // The pending references, an array per group, are let go on another
        // thread once the file tables are made (freeing them took 40 of the
        // 270 samples of `finish` at a million tasks, 4000 Hz); a small
        // document's here.
        if let builder = pendingFileTables, taskReferences.count >= 1 << 14 {
            let dropped = DroppedReferences(taskReferences)
            taskReferences = []
            builder.done.notify(queue: .global()) { dropped.references = [] }
        }
        taskReferences = []
        statements = []
        phaseStatements = []
        mixedStatements = []
        sequences = []
        parallels = []
        idTable = ByteInterner()
        taskIDKey = []
        taskHeading = []
    }

    /// Declared statements, deciding the direction of `←` lines as a whole.
    mutating func resolveStatements(_ resolver: inout Resolver) {
        var i = 0
        while i < statements.count {
            var j = i
            while j < statements.count, statements[j].group == statements[i].group { j += 1 }
            var resolved: [(Int32, Int32, SourceLocation, Bool)] = []
            // Many tasks after many tasks: one group, not every pair (a range
            // after a range would otherwise be millions of edges).
            var groups: [(predecessors: [Int32], successors: [Int32], location: SourceLocation, left: Bool)] = []
            for s in statements[i..<j] {
                let successors = s.successors.flatMap { resolver.resolveOrReport($0, side: .successor, other: s.predecessors.first?.id) }
                var predecessors = s.predecessors.flatMap { resolver.resolveOrReport($0, side: .predecessor, other: s.successors.first?.id) }
                // Overlapping sides (`Services (T065-T083) → Commands (T066-T083)`): a task
                // on both comes after the others, never before them, so one statement makes no cycle.
                if predecessors.count > 1, successors.count > 1 {
                    let after = Set(successors)
                    let only = predecessors.filter { !after.contains($0) }
                    if !only.isEmpty, only.count < predecessors.count { predecessors = only }
                }
                if predecessors.count == 1, successors.count == 1, predecessors[0] == successors[0] {
                    resolver.diagnostics.append(
                        Diagnostic(.selfReference, "\(tasks[Int(predecessors[0])].id) depends on itself", at: s.location))
                    continue
                }
                let uniquePredecessors = Self.withoutRepeats(predecessors)
                let uniqueSuccessors = Self.withoutRepeats(successors)
                if DependencyGroup.isLarge(predecessors: uniquePredecessors.count, successors: uniqueSuccessors.count) {
                    groups.append((uniquePredecessors, uniqueSuccessors, s.location, s.leftArrow))
                    continue
                }
                // A task on both sides of a wider statement (`T001 and T019 → T019`)
                // is not a self-reference worth a warning; that pair is skipped.
                for p in predecessors {
                    for q in successors where p != q { resolved.append((p, q, s.location, s.leftArrow)) }
                }
            }
            let leftEdges = resolved.filter { $0.3 }
            let leftGroups = groups.filter(\.left)
            let flipLeft = (!leftEdges.isEmpty || !leftGroups.isEmpty) && leftEdges.allSatisfy { $0.0 > $0.1 }
                && leftGroups.allSatisfy { $0.predecessors.min()! > $0.successors.max()! }
            if flipLeft {
                let first = leftEdges.first.map { ($0.0, $0.1, $0.2) }
                    ?? (leftGroups[0].predecessors[0], leftGroups[0].successors[0], leftGroups[0].location)
                resolver.diagnostics.append(
                    Diagnostic(
                        .reversedArrow,
                        "every edge of this '←' statement would point from a later task to an earlier one; read as \(tasks[Int(first.1)].id) before \(tasks[Int(first.0)].id)",
                        at: first.2))
            }
            for (p, q, location, left) in resolved {
                if left && flipLeft {
                    resolver.add(q, p, .declared, location)
                } else {
                    resolver.add(p, q, .declared, location)
                }
            }
            for g in groups {
                let (p, q) = g.left && flipLeft ? (g.successors, g.predecessors) : (g.predecessors, g.successors)
                resolver.addGroup(DependencyGroup(predecessors: p, successors: q, kind: .declared, location: g.location))
            }
            i = j
        }
        // `T013, T014, T015 are sequential`: each after the one before, in the order named.
        for sequence in sequences {
            let named = Self.withoutRepeats(sequence.references.flatMap { resolver.resolveOrReport($0, side: .successor, other: nil) })
            for k in named.indices.dropFirst() { resolver.add(named[k - 1], named[k], .declared, sequence.location) }
        }
    }

    /// A range written once in a heading for every task below it.
    struct HeadingRange: Hashable {
        var location: SourceLocation
        var reversed: Bool
        init(_ location: SourceLocation, _ reversed: Bool) {
            self.location = location
            self.reversed = reversed
        }
    }

    /// A heading's range that many tasks below it inherit (`### Tests (after
    /// T00001-T10000)` over 10 000 tasks) becomes one ``DependencyGroup``
    /// instead of every pair; returns the ranges so grouped. A range that
    /// holds some of the tasks below it stays pairwise (a task never waits
    /// for itself).
    func groupHeadingRanges(_ resolver: inout Resolver) -> Set<HeadingRange> {
        // Every range reference with where it was written, in order. Sorted by
        // place (order kept among equals), the references written once for
        // several tasks lie side by side; most ranges are a task's own, written
        // once, and never went further than this (no dictionary per range).
        var ranges: [(location: SourceLocation, reversed: Bool, order: Int32, task: Int32, pending: Int32, slot: Int32)] = []
        // Read in place: a copy of each group and reference retained its
        // array and strings (180 000 references at a million tasks).
        taskReferences.withUnsafeBufferPointer { taskReferences in
            for p in taskReferences.indices {
                let (task, reversed) = (taskReferences[p].task, taskReferences[p].reversed)
                taskReferences[p].references.withUnsafeBufferPointer { references in
                    for slot in references.indices where references[slot].upTo != nil {
                        ranges.append((references[slot].location, reversed, Int32(ranges.count), task, Int32(p), Int32(slot)))
                    }
                }
            }
        }
        guard ranges.count >= 2 else { return [] }
        ranges.sort { ($0.location, $0.reversed ? 1 : 0, $0.order) < ($1.location, $1.reversed ? 1 : 0, $1.order) }
        // The ranges named for two tasks or more, in order of first appearance.
        var shared: [(order: Int32, key: HeadingRange, reference: Reference, tasks: [Int32])] = []
        var a = 0
        while a < ranges.count {
            var z = a + 1
            while z < ranges.count, ranges[z].location == ranges[a].location, ranges[z].reversed == ranges[a].reversed { z += 1 }
            if z - a >= 2 {
                let first = ranges[a]
                shared.append(
                    (first.order, HeadingRange(first.location, first.reversed),
                     taskReferences[Int(first.pending)].references[Int(first.slot)], ranges[a..<z].map(\.task)))
            }
            a = z
        }
        shared.sort { $0.order < $1.order }
        var grouped = Set<HeadingRange>()
        for (_, key, reference, tasks) in shared {
            let below = Self.withoutRepeats(tasks)
            guard below.count >= 2, let range = resolver.expand(reference),
                DependencyGroup.isLarge(predecessors: range.count, successors: below.count),
                Set(range).isDisjoint(with: below)
            else { continue }
            let (before, after) = key.reversed ? (below, range) : (range, below)
            resolver.addGroup(DependencyGroup(predecessors: before, successors: after, kind: .explicit, location: key.location))
            grouped.insert(key)
        }
        return grouped
    }

    /// Whether `needle` is a whole word of `title`, each title byte lowercased
    /// (ASCII) before it is compared. Only a position whose byte lowercases to
    /// the needle's first is tried, and eight positions are passed at a time
    /// when none of their bytes does: the title of every phase is searched for
    /// each phase word (2 000 titles in a generated spec), and trying every
    /// position cost 8.6 M instructions at 100k tasks.
    /// - Complexity: O(title length × needle length) at worst; O(title length) usually.
    static func hasWord(_ title: Bytes, _ needle: Bytes) -> Bool {
        let n = needle.count
        let count = title.count
        guard n > 0 else {
            // An empty word: a position that is both a word's start and end.
            for k in 0...count where title.isWordStart(k, 0) && title.isWordEnd(k, count) { return true }
            return false
        }
        guard n <= count, let base = title.baseAddress else { return false }
        let first = needle[0]
        // A byte lowercases to a lowercase letter from itself or its capital
        // (they differ in bit 0x20 only); to anything else only from itself.
        let isLetter = first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
        let fold: UInt64 = isLetter ? 0x2020_2020_2020_2020 : 0
        let pattern = UInt64(first) &* 0x0101_0101_0101_0101
        let raw = UnsafeRawPointer(base)
        var k = 0
        while k + n <= count {
            if k + 8 <= count {
                let v = (raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) | fold) ^ pattern
                // No zero byte: no byte of the eight is a candidate.
                if ByteChunk.zeroBytes(v) == 0 {
                    k += 8
                    continue
                }
            }
            if title[k].lowercased == first, title.isWordStart(k, 0), title.isWordEnd(k + n, count) {
                var same = true
                for i in 1..<n where title[k + i].lowercased != needle[i] {
                    same = false
                    break
                }
                if same { return true }
            }
            k += 1
        }
        return false
    }

    /// The tasks in the order first named, each once.
    ///
    /// A strictly increasing list (a range's tasks, every story phase) is
    /// returned as it is, and a short one is searched instead of hashed: a
    /// `Set` was made for each (800 000 instructions at 100k tasks for the
    /// 2 000 story phases of `all user stories` alone). `shortcuts: false`
    /// always goes through the set (tests compare the two).
    /// - Complexity: O(n) expected; O(n²) for n ≤ 16.
    static func withoutRepeats(_ tasks: [Int32], shortcuts: Bool = true) -> [Int32] {
        if shortcuts {
            let n = tasks.count
            if n < 2 { return tasks }
            let increasing = tasks.withUnsafeBufferPointer { b in
                for i in 1..<n where b[i] <= b[i - 1] { return false }
                return true
            }
            if increasing { return tasks }
            if n <= 16 {
                var result: [Int32] = []
                result.reserveCapacity(n)
                for t in tasks where !result.contains(t) { result.append(t) }
                return result
            }
        }
        var seen = Set<Int32>()
        return tasks.filter { seen.insert($0).inserted }
    }

    /// `(sorted + [q]).sorted()` for a sorted `sorted`, without the sort:
    /// `q` goes after the elements not above it.
    static func sortedInserting(_ q: Int32, into sorted: [Int32]) -> [Int32] {
        let n = sorted.count
        return [Int32](unsafeUninitializedCapacity: n + 1) { buffer, count in
            sorted.withUnsafeBufferPointer { b in
                var i = 0
                while i < n, b[i] <= q {
                    buffer[i] = b[i]
                    i += 1
                }
                buffer[i] = q
                while i < n {
                    buffer[i + 1] = b[i]
                    i += 1
                }
            }
            count = n + 1
        }
    }

    /// The phases `word` (lowercase) names (`resolvePhaseStatements`): the
    /// barrier phases whose titles have the word, only the ones whose titles
    /// start with it when there are such; story phases only when no barrier
    /// has the word. `shortcuts: true` searches the barriers' titles first
    /// and the story phases' only when none has the word, where every title
    /// was searched (three words over 2 000 story titles: 2.8 M instructions
    /// at 100k tasks); `false` searches every title (tests compare the two).
    static func phasesNamed(_ word: String, in phases: [Phase], shortcuts: Bool = true) -> [Int32] {
        var result: [Int32] = []
        var w = word
        w.withUTF8 { needle in
            func has(_ p: Int) -> Bool {
                if let found = phases[p].title.utf8.withContiguousStorageIfAvailable({ hasWord($0, needle) }) { return found }
                var title = phases[p].title
                return title.withUTF8 { hasWord($0, needle) }
            }
            if shortcuts {
                for p in phases.indices where phases[p].index > 0 && phases[p].kind == .barrier && has(p) {
                    result.append(phases[p].index)
                }
                if !result.isEmpty { return }
            }
            for p in phases.indices where phases[p].index > 0 && has(p) { result.append(phases[p].index) }
        }
        // `Setup` names the Setup phase, not `User Story 1 - Infrastructure
        // Setup`: barrier phases first, story phases only when no barrier has the word.
        let barriers = result.filter { phases[Int($0)].kind == .barrier }
        // And among barriers the one the word names (`Phase 1: Setup`), not
        // one that only mentions it (`Phase 9: CI/CD Setup & Polish`).
        let leading = barriers.filter { titleStarts(phases[Int($0)].title, with: word) }
        return !leading.isEmpty ? leading : barriers.isEmpty ? result : barriers
    }

    /// Whether the title, after `Phase N:` and decoration, starts with `word` (lowercase).
    static func titleStarts(_ title: String, with word: String) -> Bool {
        var rest = Substring(title)
        if let colon = rest.firstIndex(where: { $0 == ":" || $0 == "：" }) { rest = rest[rest.index(after: colon)...] }
        rest = rest.drop { !$0.isLetter }
        return rest.lowercased().hasPrefix(word)
    }

    /// `Phase 4 depends on Phase 2`, `US2 depends on US1`, `**Depends on**: Phase 2`.
    ///
    /// Mixed statements (`**US1**: needs T002`) become declared edges between
    /// the named tasks and every task of the phases.
    /// `storyTitled`: the phases whose titles name a story (`assignPhases`).
    func resolvePhaseStatements(_ phases: [Phase], _ phaseOfHeading: [Int32], storyTitled: [Int32], _ resolver: inout Resolver)
        -> (dependencies: [PhaseDependency], parallel: [ParallelStatement], independent: [Int32])
    {
        var byNumber = PhaseNameTable(expectedCount: phases.count)
        for h in headings.indices {
            if let number = headings[h].phaseNumber { byNumber.insertIfAbsent(number, phaseOfHeading[h]) }
        }
        var byStory = PhaseNameTable(expectedCount: phases.count)
        for p in phases.indices where phases[p].kind == .story {
            if let story = phases[p].story { byStory.insertIfAbsent(story, phases[p].index) }
        }
        // `## Phase 5: User Story 1 (Continued)`: a later phase whose title
        // names a story again is that story too, so `US1` names both phases.
        var laterPhasesOfStory: [String: [Int32]] = [:]
        /// Those later phases: named so by inference, they never come before
        /// what the statement puts after them (no written cycle from them).
        var laterPhases = Set<Int32>()
        for p in storyTitled {
            if let story = phases[Int(p)].story, let first = byStory.find(story), first != p {
                laterPhasesOfStory[story, default: []].append(p)
                laterPhases.insert(p)
            }
        }
        func phasesOfStory(_ story: String) -> [Int32] {
            guard let first = byStory.find(story) else { return [] }
            return laterPhasesOfStory.isEmpty ? [first] : [first] + (laterPhasesOfStory[story] ?? [])
        }
        // `all user stories` means the phases written as user stories (`User Story 2`,
        // `US2` in the heading). A phase that is a story phase only because its
        // tasks carry one story label (a Polish phase of US1 follow-ups) is not
        // one of them: `Polish: Depends on all user stories` must not include itself
        // or the phases after it. Without any such heading, every story phase.
        // (A phase whose title names a story is a story phase: `classifyPhases`.)
        var storyPhases = storyTitled
        if storyPhases.isEmpty { storyPhases = phases.filter { $0.kind == .story }.map(\.index) }
        // Each word's phases once: a generated spec's 2 000 story phases each
        // say `depends on Foundational`, and every phase title was searched
        // for the word again at each (4 M title reads at 100k tasks).
        var phasesNamed: [String: [Int32]] = [:]
        func resolve(_ r: PhaseReference) -> [Int32] {
            switch r {
            case .number(let n):
                if let p = byNumber.find(n) { return [p] }
                // `## Execution Phase 3: …`, a heading that is a phase (a top
                // heading holding tasks) and writes its number after a word:
                // the first phase whose title has `Phase 3` as words.
                let key = "phase " + n.lowercased()
                if let known = phasesNamed[key] { return known }
                let found = Array(Self.phasesNamed(key, in: phases, shortcuts: false).prefix(1))
                phasesNamed[key] = found
                return found
            case .story(let s): return phasesOfStory(s)
            case .named(let word):
                if let known = phasesNamed[word] { return known }
                let found = Self.phasesNamed(word, in: phases)
                phasesNamed[word] = found
                return found
            case .allStories: return storyPhases
            case .storyRange(let from, let to):
                // The phases of the ends bound it; an end that names no phase
                // (a story a phase holds second, `US13+US14`) bounds nothing.
                let first = byStory.find("US\(from)"), last = byStory.find("US\(to)")
                var (lo, hi) = (Int32.min, Int32.max)
                if let first, let last {
                    (lo, hi) = (min(first, last), max(first, last))
                } else if let first {
                    lo = first
                } else if let last {
                    hi = last
                }
                // A story's later phases come with its first one.
                return (from...to).flatMap { n -> [Int32] in
                    guard let first = byStory.find("US\(n)"), first >= lo, first <= hi else { return [] }
                    return phasesOfStory("US\(n)")
                }
            }
        }
        if !mixedStatements.isEmpty {
            var tasksOfPhase = [[Int32]](repeating: [], count: phases.count)
            for t in tasks.indices where Int(tasks[t].phase) < phases.count { tasksOfPhase[Int(tasks[t].phase)].append(Int32(t)) }
            for statement in mixedStatements {
                var named = statement.references.flatMap {
                    resolver.resolveOrReport($0, side: statement.phasesFollow ? .predecessor : .successor, other: nil)
                }
                if !statement.outsidePhases.isEmpty {
                    let inside = Set(statement.outsidePhases.flatMap(resolve))
                    named.removeAll { inside.contains(tasks[Int($0)].phase) }
                }
                for p in statement.phases.flatMap(resolve) where p > 0 {
                    // A task cannot come before or after its own phase as a whole;
                    // a story's later phase never comes before what follows it.
                    let later = laterPhases.contains(p)
                    let outside = Self.withoutRepeats(named.filter {
                        let q = tasks[Int($0)].phase
                        return q != p && !(later && (statement.phasesFollow ? q > p : p > q))
                    })
                    let phaseTasks = tasksOfPhase[Int(p)]
                    if DependencyGroup.isLarge(predecessors: outside.count, successors: phaseTasks.count) {
                        let (before, after) = statement.phasesFollow ? (outside, phaseTasks) : (phaseTasks, outside)
                        resolver.addGroup(
                            DependencyGroup(predecessors: before, successors: after, kind: .declared, location: statement.location))
                        continue
                    }
                    for a in outside {
                        for t in tasksOfPhase[Int(p)] {
                            if statement.phasesFollow { resolver.add(a, t, .declared, statement.location) } else { resolver.add(t, a, .declared, statement.location) }
                        }
                    }
                }
            }
        }
        let (parallel, independent) = resolveParallels(phases, storyPhases, resolver, resolve)
        var result: [PhaseDependency] = []
        var seen = EdgeKeySet()
        for statement in phaseStatements {
            var successors = statement.successors.flatMap(resolve)
            if statement.successorHeading >= 0 { successors.append(phaseOfHeading[Int(statement.successorHeading)]) }
            for p in statement.predecessors.flatMap(resolve) {
                for s in successors where p != s && p > 0 && s > 0 && !(p > s && laterPhases.contains(p)) {
                    if seen.insert(UInt64(UInt32(p)) << 32 | UInt64(UInt32(s))) {
                        result.append(PhaseDependency(predecessor: p, successor: s, location: statement.location))
                    }
                }
            }
        }
        return (result, parallel, independent)
    }

    /// Parallel statements with task and phase indices; the tasks said to be
    /// independent. A reference to a task that does not exist names nothing
    /// (a parallel statement adds no edge, so there is nothing to warn about).
    ///
    /// `US7: independent of other stories` becomes one statement per other
    /// story phase (US7 with each), so that it does not make the others
    /// parallel with each other. A statement names at least two tasks, or a
    /// phase, or is an `independent` task's own.
    func resolveParallels(
        _ phases: [Phase], _ storyPhases: [Int32], _ resolver: Resolver, _ resolve: (PhaseReference) -> [Int32]
    ) -> ([ParallelStatement], [Int32]) {
        var statements: [ParallelStatement] = []
        var independent: [Int32] = []
        // The same tasks and phases said to run together twice make one statement.
        var seen = ParallelKeySet()
        func add(_ statement: ParallelStatement) {
            if seen.insert(statement.tasks, statement.phases, kept: statements) { statements.append(statement) }
        }
        for pending in parallels {
            // Each task and phase once, in the order first named, through a set:
            // `all user stories` names every story phase, and a range a thousand
            // tasks (a `contains` per entry was quadratic in them).
            var listed: [Int32] = pending.task >= 0 ? [pending.task] : []
            for reference in pending.references { listed += resolver.expand(reference) ?? [] }
            let named = Self.withoutRepeats(listed)
            let phaseIndices = Self.withoutRepeats(pending.phases.flatMap(resolve).filter { $0 > 0 })
            if pending.independent {
                independent += named
            }
            // `**US6**: … can work in parallel`: a story phase alone runs beside the other stories.
            var otherStories = pending.otherStories
            if named.isEmpty, phaseIndices.count == 1, pending.partners.isEmpty, pending.partnerPhases.isEmpty,
                phases[Int(phaseIndices[0])].kind == .story
            {
                otherStories = true
            }
            if otherStories {
                guard !named.isEmpty || !phaseIndices.isEmpty else { continue }
                let own = phaseIndices.isEmpty ? Set(named.map { tasks[Int($0)].phase }) : Set(phaseIndices)
                // `(phaseIndices + [q]).sorted()`, one sort for every q.
                let sorted = phaseIndices.sorted()
                for q in storyPhases where !own.contains(q) {
                    add(ParallelStatement(tasks: named, phases: Self.sortedInserting(q, into: sorted), location: pending.location))
                }
                continue
            }
            if !pending.partners.isEmpty || !pending.partnerPhases.isEmpty {
                // Beside what? Without a subject, a partner alone says nothing.
                guard !named.isEmpty || !phaseIndices.isEmpty else { continue }
                let namedSet = Set(named)
                for reference in pending.partners {
                    for t in resolver.expand(reference) ?? [] where !namedSet.contains(t) {
                        add(ParallelStatement(tasks: named + [t], phases: phaseIndices, location: pending.location))
                    }
                }
                for q in pending.partnerPhases.flatMap(resolve) where q > 0 && !phaseIndices.contains(q) {
                    add(ParallelStatement(tasks: named, phases: phaseIndices + [q], location: pending.location))
                }
                continue
            }
            guard named.count >= 2 || !phaseIndices.isEmpty || (pending.independent && !named.isEmpty) else { continue }
            add(ParallelStatement(tasks: named, phases: phaseIndices, location: pending.location))
        }
        return (statements, independent)
    }
}

/// Looks up each single ID of a list of pending groups a few references
/// before `DocumentParser.finish` needs its task, asking for what each step
/// reads a few references before that step: `3 * distance` references
/// ahead the ID's slot in the ID table; `2 * distance` ahead (the slot in
/// cache by then) the key's bytes and its first task; `distance` ahead its
/// task, and the slot of the edge it makes in the edge set. At a million
/// tasks these tables are far larger than the cache, and each read of them
/// waited for memory (108 of 233 samples of `finish` at 4000 Hz).
struct LookAhead {
    static let distance = 4
    /// The groups (`taskReferences`, which outlives this and is not changed meanwhile).
    let all: UnsafeBufferPointer<PendingTaskReferences>
    /// The three steps' places: group, reference in it, references passed.
    private var far = (pending: 0, index: 0, count: 0)
    private var middle = (pending: 0, index: 0, count: 0)
    private var near = (pending: 0, index: 0, count: 0)
    /// References taken (`target()`).
    private var taken = 0
    /// Per reference between the steps, by its number (mod 16, a power of
    /// two above `3 * distance`): its ID's hash, and its task (-1 for a
    /// range or an ID no task has).
    private let hashes = UnsafeMutablePointer<UInt64>.allocate(capacity: 16)
    private let targets = UnsafeMutablePointer<Int32>.allocate(capacity: 16)

    /// Takes the first `distance` references through the steps that the
    /// first `target()` needs.
    init(_ all: UnsafeBufferPointer<PendingTaskReferences>, _ resolver: Resolver) {
        self.all = all
        for _ in 0..<Self.distance { stepFar(resolver) }
        for _ in 0..<Self.distance {
            stepFar(resolver)
            stepMiddle(resolver)
        }
        for _ in 0..<Self.distance {
            stepFar(resolver)
            stepMiddle(resolver)
            stepNear(resolver)
        }
    }

    /// Frees the rings.
    func deallocate() {
        hashes.deallocate()
        targets.deallocate()
    }

    /// The reference after `place`, moving it on; nil after the last.
    @inline(__always) private func next(
        _ place: inout (pending: Int, index: Int, count: Int)
    ) -> (pending: Int, reference: UnsafePointer<Reference>)? {
        while place.pending < all.count {
            let references = all[place.pending].references.withUnsafeBufferPointer { $0 }
            if place.index < references.count {
                place.index += 1
                place.count += 1
                return (place.pending, references.baseAddress! + (place.index - 1))
            }
            place.pending += 1
            place.index = 0
        }
        return nil
    }

    /// Moves every step on by one reference (before each `target()`). A
    /// step never passes the one ahead of it: it stops after the last reference too.
    @inline(never) mutating func step(_ resolver: Resolver) {
        stepFar(resolver)
        stepMiddle(resolver)
        stepNear(resolver)
    }

    @inline(__always) private mutating func stepFar(_ resolver: Resolver) {
        guard let (_, reference) = next(&far), reference.pointee.upTo == nil else { return }
        var id = reference.pointee.id
        let h = id.withUTF8 { ByteInterner.findHash($0, 0, $0.count) }
        hashes[(far.count - 1) & 15] = h
        resolver.idTable.prefetch(hash: h)
    }

    @inline(__always) private mutating func stepMiddle(_ resolver: Resolver) {
        guard let (_, reference) = next(&middle), reference.pointee.upTo == nil else { return }
        let e = resolver.idTable.prefetchEntry(hash: hashes[(middle.count - 1) & 15])
        if e >= 0 {
            resolver.firstTaskOfKey.withUnsafeBufferPointer { cbyteclasses_prefetch(UnsafeRawPointer($0.baseAddress! + e)) }
        }
    }

    @inline(__always) private mutating func stepNear(_ resolver: Resolver) {
        guard let (p, reference) = next(&near) else { return }
        let slot = (near.count - 1) & 15
        targets[slot] = -1
        guard reference.pointee.upTo == nil else { return }
        var id = reference.pointee.id
        let h = hashes[slot]
        guard let key = id.withUTF8({ resolver.idTable.find($0, 0, $0.count, hash: h) }) else { return }
        let target = resolver.firstTaskOfKey[Int(key)]
        targets[slot] = target
        let task = all[p].task
        if target >= 0, target != task {
            let (a, b) = all[p].reversed ? (task, target) : (target, task)
            resolver.seen.prefetch(Resolver.edgeKey(a, b, .explicit))
        }
    }

    /// The task of the next reference (in order; each once): -1 for a
    /// range or an ID no task has.
    @inline(__always) mutating func target() -> Int32 {
        taken += 1
        return targets[(taken - 1) & 15]
    }
}

/// Pending references handed to another thread to be let go
/// (`DocumentParser.releaseResolved`); only that thread reads them.
final class DroppedReferences: @unchecked Sendable {
    var references: [PendingTaskReferences]
    init(_ references: [PendingTaskReferences]) { self.references = references }
}

/// Expands references to task indices and collects deduplicated edges.
struct Resolver {
    /// Task IDs by their bytes (also IDs only referenced are absent: lookups never insert).
    let idTable: ByteInterner
    /// Per ID key: the first task with that ID.
    let firstTaskOfKey: [Int32]
    /// Per task: whether it is the first with its ID (ranges skip duplicates).
    let isFirst: [Bool]
    var edges: [TaskDependency] = []
    /// Statements about many pairs, kept whole (``DependencyGroup``).
    var groups: [DependencyGroup] = []
    var seen = EdgeKeySet()
    var diagnostics: [Diagnostic] = []

    init(idTable: ByteInterner, firstTaskOfKey: [Int32], isFirst: [Bool]) {
        self.idTable = idTable
        self.firstTaskOfKey = firstTaskOfKey
        self.isFirst = isFirst
    }

    /// The first task with this ID, or nil.
    @inline(__always) func task(_ id: String) -> Int32? {
        guard let key = idTable.find(id) ?? Self.withoutSuffix(id).flatMap({ idTable.find($0) }) else { return nil }
        let t = firstTaskOfKey[Int(key)]
        return t >= 0 ? t : nil
    }

    /// `T115a-1` without its suffix, `T115a`, for a reference to a suffixed ID
    /// that no task has (the ID grammar of DESIGN ends there); nil for others.
    static func withoutSuffix(_ id: String) -> String? {
        guard id.utf8.first == UInt8(ascii: "T"), let dash = id.utf8.lastIndex(of: UInt8(ascii: "-")), dash > id.utf8.index(after: id.utf8.startIndex)
        else { return nil }
        let suffix = id.utf8[id.utf8.index(after: dash)...]
        guard !suffix.isEmpty, suffix.allSatisfy({ $0.isUpper || $0.isDigit }) else { return nil }
        return String(id[..<dash])
    }

    /// The tasks a reference names (ranges: every task between the ends in
    /// document order, first occurrences only), or nil when an end does not exist.
    func expand(_ reference: Reference) -> [Int32]? {
        guard let a = task(reference.id) else { return nil }
        guard let upTo = reference.upTo else { return [a] }
        guard let z = task(upTo) else { return nil }
        let (lo, hi) = a <= z ? (a, z) : (z, a)
        var result: [Int32] = []
        result.reserveCapacity(Int(hi - lo) + 1)
        for t in lo...hi where isFirst[Int(t)] { result.append(t) }
        return result
    }

    /// The first and last task a reference can name: `expand(reference)` is
    /// the tasks from `lo` through `hi` that are first with their IDs (a
    /// single ID's task is). Nil when an end does not exist.
    func bounds(_ reference: Reference) -> (lo: Int32, hi: Int32)? {
        guard let a = task(reference.id) else { return nil }
        guard let upTo = reference.upTo else { return (a, a) }
        guard let z = task(upTo) else { return nil }
        return a <= z ? (a, z) : (z, a)
    }

    /// The end of a reference that does not exist.
    func missingEnd(_ reference: Reference) -> String {
        task(reference.id) == nil ? reference.id : (reference.upTo ?? reference.id)
    }

    enum Side { case predecessor, successor }

    mutating func resolveOrReport(_ reference: Reference, side: Side, other: String?) -> [Int32] {
        if let targets = expand(reference) { return targets }
        let missing = missingEnd(reference)
        let message: String
        switch side {
        case .predecessor:
            message = "\(other ?? "a task") depends on \(missing), which does not exist"
        case .successor:
            message = "\(missing), which does not exist, is said to depend on \(other ?? "a task")"
        }
        diagnostics.append(Diagnostic(.unknownReference, message, at: reference.location))
        return []
    }

    /// Room for about `edges` edges, so the edge list and the seen-set do not regrow.
    mutating func reserve(edges count: Int) {
        edges.reserveCapacity(count)
        seen.reserveCapacity(count)
    }

    /// Sides of the groups so far, so that a statement written again (even a
    /// thousand times) is one group, as a repeated pair is one edge.
    var seenGroups = Set<[Int32]>()

    mutating func addGroup(_ group: DependencyGroup) {
        let key = group.predecessors + [-1 - Int32(group.kind == .declared ? 1 : 0)] + group.successors
        guard seenGroups.insert(key).inserted else { return }
        groups.append(group)
    }

    /// The key of an edge in `seen`.
    @inline(__always) static func edgeKey(_ predecessor: Int32, _ successor: Int32, _ kind: DependencyKind) -> UInt64 {
        UInt64(UInt32(predecessor)) << 33 | UInt64(UInt32(successor)) << 1 | (kind == .declared ? 1 : 0)
    }

    mutating func add(_ predecessor: Int32, _ successor: Int32, _ kind: DependencyKind, _ location: SourceLocation) {
        let key = Self.edgeKey(predecessor, successor, kind)
        guard seen.insert(key) else { return }
        edges.append(TaskDependency(predecessor: predecessor, successor: successor, kind: kind, location: location))
    }
}

/// A set of edge keys (``Resolver/add(_:_:_:_:)``): open addressing with
/// linear probing over a power-of-two table, the key multiplied by a
/// Fibonacci constant and its top bits taken as the slot. An insertion costs
/// a multiply and a probe or two, where `Set<UInt64>` hashed each key
/// through `Hasher` (about 190 instructions an edge, 35 M at a million tasks).
struct EdgeKeySet {
    /// `empty` or a key.
    private var slots: [UInt64]
    private var shift: UInt64
    private(set) var count = 0
    /// Whether the key that marks an empty slot is in the set.
    private var hasEmptyKey = false
    private static let empty = UInt64.max

    init() {
        slots = [UInt64](repeating: Self.empty, count: 16)
        shift = 60
    }

    /// Room for `count` keys without regrowing.
    mutating func reserveCapacity(_ count: Int) {
        var capacity = slots.count
        while capacity * 3 < count * 4 { capacity <<= 1 }
        if capacity > slots.count { rehash(capacity) }
    }

    /// Asks for the slot where `key` is looked up first (an insertion a
    /// little later then finds it in cache).
    @inline(__always) func prefetch(_ key: UInt64) {
        let s = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        slots.withUnsafeBufferPointer { cbyteclasses_prefetch(UnsafeRawPointer($0.baseAddress! + s)) }
    }

    /// Inserts `key`; whether it was new.
    @inline(__always) mutating func insert(_ key: UInt64) -> Bool {
        if key == Self.empty {
            defer { hasEmptyKey = true }
            return !hasEmptyKey
        }
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let slot = slots[s]
            if slot == key { return false }
            if slot == Self.empty { break }
            s = (s + 1) & mask
        }
        slots[s] = key
        count += 1
        if count * 4 > slots.count * 3 { rehash(slots.count * 2) }
        return true
    }

    private mutating func rehash(_ capacity: Int) {
        let old = slots
        slots = [UInt64](repeating: Self.empty, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        let mask = capacity - 1
        for key in old where key != Self.empty {
            var s = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[s] != Self.empty { s = (s + 1) & mask }
            slots[s] = key
        }
    }
}

/// The tasks and phases of the parallel statements kept so far
/// (``DocumentParser/resolveParallels(_:_:_:_:)``), so that one said twice
/// is kept once: open addressing over the statements' indices, by a hash of
/// both lists, the lists themselves compared on a match. A `Set<[Int32]>` of
/// `tasks + [-1] + phases` made two arrays and hashed each through `Hasher`
/// (2 000 statements at 100k tasks: 4 M instructions).
struct ParallelKeySet {
    /// Per slot: the index of a kept statement, or -1.
    private var slots = [Int32](repeating: -1, count: 16)
    /// Per kept statement: its hash.
    private var hashes: [UInt64] = []

    /// Whether no kept statement has these tasks and phases; if so, it counts
    /// as kept: the caller appends it to `kept`.
    /// - Precondition: `kept` holds the statements kept so far, in order.
    mutating func insert(_ tasks: [Int32], _ phases: [Int32], kept: [ParallelStatement]) -> Bool {
        let h = Self.hash(tasks, phases)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h >> 32) & mask
        while true {
            let k = Int(slots[s])
            if k < 0 { break }
            if hashes[k] == h, kept[k].tasks == tasks, kept[k].phases == phases { return false }
            s = (s + 1) & mask
        }
        slots[s] = Int32(hashes.count)
        hashes.append(h)
        if hashes.count * 2 > slots.count { regrow() }
        return true
    }

    /// Both lists and their boundary, mixed a word at a time.
    static func hash(_ tasks: [Int32], _ phases: [Int32]) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        @inline(__always) func mix(_ x: Int32) {
            h = (h ^ UInt64(UInt32(bitPattern: x))) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
        }
        for t in tasks { mix(t) }
        mix(-1)
        for p in phases { mix(p) }
        h ^= h >> 32
        h &*= 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }

    private mutating func regrow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for k in hashes.indices {
            var s = Int(truncatingIfNeeded: hashes[k] >> 32) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(k)
        }
    }
}

/// Phases by a name as written (`3`, `3.1`, `US2`), the first phase given
/// each name. ASCII names are interned bytes, where a `[String: Int32]`
/// hashed every name through `Hasher` (8 000 lookups at 100k tasks, 2.5 M
/// instructions). Strings compare by canonical equivalence, bytes do not: a
/// name that is not ASCII turns the table into that dictionary, as it was
/// (`shortcuts: false` from the start; tests compare the two).
struct PhaseNameTable {
    private var interner: ByteInterner
    /// Per interned name: its phase.
    private var values: [Int32] = []
    /// Whether `dictionary` holds every name and answers every lookup.
    private(set) var plain: Bool
    private var dictionary: [String: Int32] = [:]

    /// Room for `expectedCount` names (the table does not regrow below it).
    init(expectedCount: Int = 16, shortcuts: Bool = true) {
        plain = !shortcuts
        interner = ByteInterner(expectedCount: shortcuts ? expectedCount : 0, expectedBytes: shortcuts ? expectedCount * 4 : 0)
        if shortcuts { values.reserveCapacity(expectedCount) }
    }

    /// Gives `name` the phase `value` unless it has one.
    mutating func insertIfAbsent(_ name: String, _ value: Int32) {
        if !plain {
            var s = name
            let inserted: Bool? = s.withUTF8 { b in
                for c in b where c >= 0x80 { return nil }
                return interner.intern(b, 0, b.count).inserted
            }
            if let inserted {
                if inserted { values.append(value) }
                return
            }
            makePlain()
        }
        if dictionary[name] == nil { dictionary[name] = value }
    }

    /// The phase of `name`, or nil.
    mutating func find(_ name: String) -> Int32? {
        if !plain {
            var s = name
            let found: Int32?? = s.withUTF8 { b in
                for c in b where c >= 0x80 { return nil }
                return .some(interner.find(b, 0, b.count))
            }
            if let found { return found.map { values[Int($0)] } }
            // A name that is not ASCII may still equal an ASCII one (`K`, the Kelvin sign).
            makePlain()
        }
        return dictionary[name]
    }

    /// Moves the names so far into `dictionary` (distinct ASCII names: none
    /// equals another as a String either).
    private mutating func makePlain() {
        plain = true
        for k in values.indices { dictionary[interner.string(Int32(k))] = values[k] }
        (values, interner) = ([], ByteInterner(expectedCount: 0, expectedBytes: 0))
    }
}
