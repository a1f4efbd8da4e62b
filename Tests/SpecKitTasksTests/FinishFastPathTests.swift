import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// The end of the parse (`DocumentParser.finish`) takes shorter routes than
/// the plain code they replace: repeats dropped without a set, parallel
/// statements and phase names looked up without `Hasher`, barrier titles
/// searched before story titles, story and priority scans that pass eight
/// bytes at a time. Each is compared here with the plain version (its
/// `shortcuts: false` or the code it replaced) over many made-up inputs.
@Suite("Finish fast paths")
struct FinishFastPathTests {
    /// A made-up list of task or phase indices: short or long, increasing
    /// (a range) or not, with repeats, now and then negative.
    static func indices(_ g: inout SeededStream) -> [Int32] {
        let count = [0, 1, 2, 3, 5, 8, 16, 17, 40, 300][g.next(10)]
        let top = [2, 10, 100, 5000][g.next(4)]
        var list: [Int32] = []
        switch g.next(4) {
        case 0:
            // Increasing, sometimes with one step back or a repeat at the end.
            var v = Int32(g.next(top))
            for _ in 0..<count {
                list.append(v)
                v += Int32(1 + g.next(3))
            }
            if !list.isEmpty, g.next(2) == 0 { list.append(list[g.next(list.count)]) }
        case 1:
            for _ in 0..<count { list.append(Int32(g.next(top)) - (g.next(20) == 0 ? 3 : 0)) }
        default:
            for _ in 0..<count { list.append(Int32(g.next(top))) }
        }
        return list
    }

    @Test(arguments: 0..<6)
    func withoutRepeatsMatchesSet(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 211)
        var mismatches = 0
        for _ in 0..<2000 {
            let list = Self.indices(&g)
            var seen = Set<Int32>()
            let plain = list.filter { seen.insert($0).inserted }
            if DocumentParser.withoutRepeats(list) != plain { mismatches += 1 }
            if DocumentParser.withoutRepeats(list, shortcuts: false) != plain { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test(arguments: 0..<4)
    func sortedInsertingMatchesSort(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 307)
        var mismatches = 0
        for _ in 0..<3000 {
            let sorted = Self.indices(&g).sorted()
            let q = Int32(g.next(120)) - 10
            if DocumentParser.sortedInserting(q, into: sorted) != (sorted + [q]).sorted() { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    /// The statements a sequence of `add`s keeps: `ParallelKeySet` against the
    /// `Set<[Int32]>` of `tasks + [-1] + phases` it replaced.
    @Test(arguments: 0..<6)
    func parallelKeySetMatchesArraySet(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 401)
        var fast = ParallelKeySet()
        var plain = Set<[Int32]>()
        var kept: [ParallelStatement] = []
        var mismatches = 0
        let location = SourceLocation(line: 1, column: 1)
        // A few lists, drawn again and again, so that pairs repeat.
        var pool: [[Int32]] = [[]]
        for _ in 0..<60 { pool.append(Self.indices(&g).map { abs($0) }) }
        for _ in 0..<5000 {
            let tasks = pool[g.next(g.next(3) == 0 ? pool.count : 8)]
            let phases = pool[g.next(pool.count)]
            let isNew = fast.insert(tasks, phases, kept: kept)
            if isNew { kept.append(ParallelStatement(tasks: tasks, phases: phases, location: location)) }
            if isNew != plain.insert(tasks + [-1] + phases).inserted { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(kept.count == plain.count)
    }

    /// Phases made up from title pieces, barrier or story at random.
    static func phases(_ g: inout SeededStream) -> [Phase] {
        let pieces = [
            "Phase 1", "Phase 2:", "Setup", "setup", "SETUP", "Foundational", "Polish", "polish", "User Story 3", "-", "&",
            "Infrastructure", "CI/CD", "(Priority: P1)", "🎯", "MVP", "Cross-Cutting", "Concerns", "é", "：", "Set",
        ]
        let separators = [" ", ": ", "-", "", " & ", "(", ")"]
        var phases = [Phase(index: 0, title: "", line: 0)]
        for p in 1...(1 + g.next(12)) {
            let title = g.text(pieces, most: 6, separators: separators)
            phases.append(Phase(index: Int32(p), title: title, line: Int32(p), kind: g.next(3) == 0 ? .barrier : .story))
        }
        return phases
    }

    @Test(arguments: 0..<6)
    func phasesNamedMatchesPlainSearch(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 503)
        let words = ["setup", "foundational", "polish", "set", "cd", "é", "infrastructure", "mvp", ""]
        var mismatches: [String] = []
        for _ in 0..<400 {
            let phases = Self.phases(&g)
            for word in words {
                let fast = DocumentParser.phasesNamed(word, in: phases)
                let plain = DocumentParser.phasesNamed(word, in: phases, shortcuts: false)
                if fast != plain { mismatches.append("\(word) in \(phases.map(\.title))") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }

    /// Names as written, some not ASCII: a Kelvin sign equals `K` as a String,
    /// and `é` written two ways are one name.
    @Test(arguments: 0..<6)
    func phaseNameTableMatchesDictionary(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 601)
        let ascii = ["1", "2", "3", "3.1", "10", "US1", "US2", "US12", "K", "A", "", "N", "2a"]
        let other = ["\u{212A}", "é", "e\u{301}", "３", "一", "US\u{0661}"]
        var mismatches = 0
        for _ in 0..<300 {
            let names = g.next(3) == 0 ? ascii + other : ascii
            var fast = PhaseNameTable(expectedCount: g.next(20))
            var plain: [String: Int32] = [:]
            for v in 0..<g.next(30) {
                let name = names[g.next(names.count)]
                fast.insertIfAbsent(name, Int32(v))
                if plain[name] == nil { plain[name] = Int32(v) }
            }
            for _ in 0..<20 {
                let name = (ascii + other)[g.next(ascii.count + other.count)]
                if fast.find(name) != plain[name] { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        var table = PhaseNameTable()
        table.insertIfAbsent("K", 4)
        #expect(table.find("\u{212A}") == 4)
        #expect(table.plain)
    }

    @Test(arguments: 0..<6)
    func storyScanMatchesPlainScan(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 701)
        let pieces = [
            "User Story", "user story", "USER STORY", "Story", "story", "US", "US2", "US12", "us3", "2", "14", "Phase 3", "Setup",
            "Tests", "uploads", "S", "u", "Us", "_US4", "USA", "🎯", "(Priority: P1)", "Schedule", "1234567890123456",
        ]
        let separators = [" ", "", ": ", " - ", "(", "\t", "_"]
        let parser = DocumentParser(text: UnsafeMutableBufferPointer(start: nil, count: 0), path: "")
        var mismatches: [String] = []
        for _ in 0..<2000 {
            var title = g.text(pieces, most: 8, separators: separators)
            let (fast, plain) = title.withUTF8 { (parser.storyNamed(in: $0), parser.storyNamed(in: $0, skipping: false)) }
            if fast != plain { mismatches.append(title) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        var digits = "0123456789012345678901"
        for n in 0...digits.utf8.count {
            let (fast, plain) = digits.withUTF8 { (DocumentParser.storyName($0, 0, n), "US" + $0.string(0, n)) }
            #expect(fast == plain)
        }
    }

    /// `Resolver.bounds`, whose tasks `finish` walks, against `expand`.
    @Test(arguments: 0..<4)
    func boundsMatchExpand(seed: Int) {
        var g = SeededStream(seed: UInt64(seed) &+ 809)
        var table = ByteInterner()
        var firstTaskOfKey: [Int32] = []
        var isFirst: [Bool] = []
        var ids: [String] = []
        // Tasks with IDs T1…, now and then a repeated ID (not first).
        for t in 0..<200 {
            let id = g.next(8) == 0 && !ids.isEmpty ? ids[g.next(ids.count)] : "T\(t)"
            let (key, inserted) = table.intern(id)
            if inserted { firstTaskOfKey.append(Int32(t)) }
            isFirst.append(inserted)
            ids.append(id)
            _ = key
        }
        let resolver = Resolver(idTable: table, firstTaskOfKey: firstTaskOfKey, isFirst: isFirst)
        let names = ids + ["T999", "X1", ""]
        var mismatches = 0
        for _ in 0..<3000 {
            let id = names[g.next(names.count)]
            let upTo: String? = g.next(2) == 0 ? nil : names[g.next(names.count)]
            let reference = Reference(id: id, upTo: upTo, location: SourceLocation(line: 1, column: 1))
            let walked = resolver.bounds(reference).map { b in (b.lo...b.hi).filter { isFirst[Int($0)] } }
            if walked != resolver.expand(reference) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}
