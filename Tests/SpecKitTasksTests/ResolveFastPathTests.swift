import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// Reference resolution takes shorter routes than the plain code they replace:
/// edge keys in an open-addressing set instead of `Set<UInt64>`, and phase
/// titles searched for a word only where its first letter is. Each is compared
/// here with the plain version over many made-up inputs.
@Suite("Resolution fast paths")
struct ResolveFastPathTests {
    /// The word search as it was written before: every position tried.
    static func plainHasWord(_ t: Bytes, _ needle: Bytes) -> Bool {
        var k = 0
        while k + needle.count <= t.count {
            if t.isWordStart(k, 0), t.isWordEnd(k + needle.count, t.count) {
                var same = true
                for i in 0..<needle.count where t[k + i].lowercased != needle[i] {
                    same = false
                    break
                }
                if same { return true }
            }
            k += 1
        }
        return false
    }

    @Test(arguments: 0..<8)
    func wordSearchMatchesPlainSearch(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 101)
        let pieces = ["Setup", "setup", "SETUP", "Set", "up", "Polish", "polish", "Phase 1", "CI/CD", "_setup", "setup2", "é", "Foundational", "s"]
        let separators = [" ", ": ", "-", "_", "", " & ", "(", ")"]
        let words = ["setup", "set", "polish", "s", "foundational", "up", "", "cd", "é", "Setup", "1", "(", "polish & cross"]
        for round in 0..<400 {
            var title = round % 50 == 0 ? "" : g.text(pieces, most: 8, separators: separators)
            for word in words {
                var w = word
                let (fast, plain) = title.withUTF8 { t in
                    w.withUTF8 { n in (DocumentParser.hasWord(t, n), Self.plainHasWord(t, n)) }
                }
                #expect(fast == plain, "\(title) / \(word)")
            }
        }
    }

    @Test(arguments: 0..<6)
    func edgeKeySetMatchesSet(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 7)
        var fast = EdgeKeySet()
        if seed % 2 == 0 { fast.reserveCapacity(g.next(5000)) }
        var plain = Set<UInt64>()
        var mismatches = 0
        for _ in 0..<20000 {
            let key: UInt64
            switch g.next(6) {
            case 0: key = UInt64.max
            case 1: key = 0
            case 2: key = UInt64(g.next(64))
            case 3: key = UInt64(UInt32(g.next(3000))) << 33 | UInt64(UInt32(g.next(3000))) << 1 | UInt64(g.next(2))
            case 4: key = UInt64(g.next(1 << 30)) &* 0x9E37_79B9_7F4A_7C15
            default: key = UInt64(g.next(1 << 20)) << 44
            }
            if fast.insert(key) != plain.insert(key).inserted { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(fast.count + (plain.contains(UInt64.max) ? 1 : 0) == plain.count)
    }

    /// A phase whose title names no story takes the first of the stories every
    /// task of it that names stories names. `assignPhases` merges a run of
    /// tasks sharing one stories array once; here the plain intersection over
    /// every task, over made-up documents of interleaved story labels.
    @Test(arguments: 0..<12)
    func phaseStoriesMatchPlainIntersection(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 31)
        let labels = ["", "[US1] ", "[US2] ", "[US1] [US2] ", "[US2] [US1] ", "[US3] ", "[P] [US1] ", "[US1] [US3] [US2] "]
        var text = "# Tasks: stories\n\n"
        var n = 0
        for phase in 1...(1 + g.next(8)) {
            text += "## Phase \(phase): Work \(phase)\n\n"
            var label = labels[g.next(labels.count)]
            for _ in 0..<g.next(30) {
                n += 1
                // Runs of one label, now and then another.
                if g.next(4) == 0 { label = labels[g.next(labels.count)] }
                text += "- [ ] T\(1000 + n) \(label)Do step \(n)\n"
            }
        }
        let document = SpecParser.parse(Array(text.utf8), path: "stories.md")
        var plain = [[String]?](repeating: nil, count: document.phases.count)
        for task in document.tasks where !task.stories.isEmpty {
            let p = Int(task.phase)
            if let current = plain[p] {
                plain[p] = current.filter { task.stories.contains($0) }
            } else {
                plain[p] = task.stories
            }
        }
        for phase in document.phases where phase.index > 0 {
            #expect(phase.story == plain[Int(phase.index)]?.first, "phase \(phase.index) of seed \(seed)")
            #expect(phase.kind == (phase.story == nil ? .barrier : .story))
        }
    }

    @Test(arguments: 0..<6)
    func priorityScanMatchesPlainScan(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 57)
        let pieces = [
            "Priority", "priority", "PRIORITY", "P1", "p2", "P", "(P3)", "(", ")", "P12345", "**Priority**", ":", "：", "–", "—", "=",
            "MVP", "User Story 2", "Phase 4", "pP", "Prio", "rity", "2", "_P1", "🎯",
        ]
        let separators = [" ", "", ": ", " - ", "*", "(", "\t"]
        let parser = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        var mismatches: [String] = []
        for _ in 0..<1500 {
            var title = g.text(pieces, most: 7, separators: separators)
            let (fast, plain) = title.withUTF8 { (parser.priority(in: $0), parser.priority(in: $0, skipping: false)) }
            if fast != plain { mismatches.append(title) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// `LookAhead` (which `finish` takes each single ID's task from) against
    /// `Resolver.task` for every reference: numbered and other IDs, IDs no
    /// task has, a task's ID given twice, ranges, and empty and long groups.
    @Test(arguments: 0..<6)
    func lookAheadTargetsMatchPlainLookups(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 31)
        let taskCount = 200 + g.next(400)
        func id(_ k: Int) -> String {
            switch k % 7 {
            case 5: return "Setup-\(k)"
            case 6: return "task \(k)"
            default: return "T" + String(repeating: "0", count: 1 + k % 3) + String(k)
            }
        }
        var idTable = ByteInterner()
        var firstTaskOfKey: [Int32] = []
        for t in 0..<taskCount {
            let (key, inserted) = idTable.intern(id(t % (taskCount - 20)))
            if inserted { firstTaskOfKey.append(Int32(t)) }
            #expect(Int(key) < firstTaskOfKey.count)
        }
        // A key with no task.
        _ = idTable.intern("T999999")
        firstTaskOfKey.append(-1)
        let resolver = Resolver(idTable: idTable, firstTaskOfKey: firstTaskOfKey, isFirst: [Bool](repeating: true, count: taskCount))
        let at = SourceLocation(line: 1, column: 1)
        var pending: [PendingTaskReferences] = []
        for _ in 0..<(seed == 0 ? 0 : 1 + g.next(300)) {
            var references: [Reference] = []
            let count = g.next(10) == 0 ? 20 + g.next(30) : g.next(4)
            for _ in 0..<count {
                let name = g.next(8) == 0 ? (g.next(2) == 0 ? "T999999" : "X\(g.next(50))") : id(g.next(taskCount + 30))
                let upTo: String? = g.next(6) == 0 ? id(g.next(taskCount)) : nil
                references.append(Reference(id: name, upTo: upTo, location: at))
            }
            pending.append(PendingTaskReferences(task: Int32(g.next(taskCount)), references: references, reversed: g.next(2) == 0))
        }
        var mismatches: [String] = []
        pending.withUnsafeBufferPointer { all in
            var ahead = LookAhead(all, resolver)
            defer { ahead.deallocate() }
            for p in all.indices {
                for reference in all[p].references {
                    ahead.step(resolver)
                    let fast = ahead.target()
                    let plain = reference.upTo == nil ? resolver.task(reference.id) ?? -1 : -1
                    if fast != plain { mismatches.append("\(reference.id) \(fast) \(plain)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        // The lookup by a given hash is the lookup.
        for k in 0..<(taskCount + 40) {
            var name = id(k)
            let (withHash, plain) = name.withUTF8 { b in
                (idTable.find(b, 0, b.count, hash: ByteInterner.findHash(b, 0, b.count)), idTable.find(b, 0, b.count))
            }
            #expect(withHash == plain, "\(name)")
        }
    }
}
