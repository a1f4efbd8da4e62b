import SpecGraphTestSupport
import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling
import Testing

/// The waves and the critical chain of `plan`, `waves` and `critical-path`
/// are written as bytes, with widths counted in bytes for ASCII names; they
/// must wrap exactly as the rule in Characters does for every kind of ID.
@Suite struct PlanTextWrappingTests {
    /// IDs of many widths and kinds: short and long, worded, non-ASCII for an even seed.
    static func ids(seed: UInt64, count: Int) -> [String] {
        var stream = SeededStream(seed: seed)
        func next(_ n: Int) -> Int { stream.next(n) }
        return (0..<count).map { k in
            let n = k + 1
            switch next(7) {
            case 0: return "T" + String(repeating: "0", count: next(40)) + String(n)
            case 1: return "Task \(n)"
            case 2: return seed % 2 == 0 ? "任务 \(n).\(next(9) + 1)" : "T\(n).\(next(9) + 1)"
            case 3: return "TASK-\(String(repeating: "9", count: next(12)))\(n)"
            case 4: return "T-HF\(n)"
            case 5: return "T\(n)a"
            default: return "T\(n)"
            }
        }
    }

    /// One wide wave of `wide` (all `[P]`), then a chain of `chain`.
    static func plan(wide: [String], chain: [String]) -> Plan {
        var text = "# Tasks\n\n## Phase 1: Wide\n\n"
        for id in wide { text += "- [ ] \(id) [P] Build one part\n" }
        text += "\n## Phase 2: Chain\n\n"
        for id in chain { text += "- [ ] \(id) Build the next part\n" }
        return Plan(SpecParser.parse(Array(text.utf8), path: "specs/wrap/tasks.md"), options: PlanOptions())
    }

    // The rule the bytes must follow, in Characters, as `String`s.

    static func wrap(_ ids: [String], more: Int = 0, prefix: String, separator: String = " ") -> String {
        var out = ""
        var line = prefix
        var lineHasItem = false
        var items = ids
        if more > 0 { items.append("… \(more) more") }
        var joiner = separator == " " ? "" : separator
        while joiner.last == " " { joiner.removeLast() }
        for (i, id) in items.enumerated() {
            let piece = i + 1 < items.count ? id + joiner : id
            if lineHasItem && line.count + 1 + piece.count > 80 {
                out += line + "\n"
                line = String(repeating: " ", count: prefix.count)
                lineHasItem = false
            }
            if lineHasItem { line += " " }
            line += piece
            lineHasItem = true
        }
        return out + line + "\n"
    }

    static func expectedWaves(_ plan: Plan, limit: Int?) -> String {
        let waves = plan.schedule.waves
        let numberWidth = String(waves.count).count
        var out = "Waves (tasks that can run at the same time)\n"
        for (i, wave) in waves.enumerated() {
            let label = String(repeating: " ", count: max(0, numberWidth - String(i + 1).count)) + String(i + 1)
            let count = "(\(wave.count))"
            let prefix = "  \(label)  \(count)\(String(repeating: " ", count: max(0, 7 - count.count))) "
            let shown = limit.map { min($0, wave.count) } ?? wave.count
            out += wrap(wave.prefix(shown).map { plan.name(of: $0) }, more: wave.count - shown, prefix: prefix)
        }
        return out
    }

    static func expectedChain(_ plan: Plan, limit: Int?) -> String {
        let path = plan.schedule.criticalPath
        var ids = path.map { plan.name(of: $0) }
        if let limit, ids.count > limit {
            let head = ids.prefix(limit / 2)
            let tail = ids.suffix(limit / 2)
            ids = Array(head) + ["… \(path.count - head.count - tail.count) more …"] + Array(tail)
        }
        let assumed = plan.hasEstimates ? "" : " (assumed durations)"
        return "Critical path: \(PlanText.hours(plan.schedule.length))\(assumed), \(PlanText.count(path.count, "task"))\n"
            + wrap(ids, prefix: "  ", separator: " → ")
    }

    static func waves(_ plan: Plan, limit: Int?) -> String {
        var w = ByteWriter()
        PlanText.waves(plan, style: .text, limit: limit, into: &w)
        return String(w)
    }

    static func chain(_ plan: Plan, limit: Int?) -> String {
        var w = ByteWriter()
        PlanText.criticalChain(plan, style: .text, limit: limit, into: &w)
        return String(w)
    }

    @Test(arguments: 0..<24)
    func mixedIDsWrapAsCharactersDo(seed: Int) {
        let all = Self.ids(seed: UInt64(seed), count: 60)
        let plan = Self.plan(wide: Array(all[..<35]), chain: Array(all[35...]))
        #expect(plan.schedule.waves.map(\.count).max() ?? 0 >= 25, "the wide phase is one wave")
        for limit in [nil, 1, 3, 12] as [Int?] {
            #expect(Self.waves(plan, limit: limit) == Self.expectedWaves(plan, limit: limit))
        }
        for limit in [nil, 1, 2, 5, 30] as [Int?] {
            #expect(Self.chain(plan, limit: limit) == Self.expectedChain(plan, limit: limit))
        }
    }

    /// Names that end a line exactly at column 80, and one column past it.
    @Test func piecesEndingAtTheLastColumn() {
        // `  1  (4)     ` is 13 columns: two 33-column IDs and a space make 80.
        let exact = ["T" + String(repeating: "0", count: 31) + "1", "T" + String(repeating: "0", count: 31) + "2"]
        let over = ["T" + String(repeating: "0", count: 32) + "3", "T" + String(repeating: "0", count: 31) + "4"]
        for wide in [exact + ["T5", "T6"], over + ["T5", "T6"], ["任务 1"] + exact + ["T7"]] {
            let plan = Self.plan(wide: wide, chain: ["T8", "T9"])
            let out = Self.waves(plan, limit: nil)
            #expect(out == Self.expectedWaves(plan, limit: nil))
            let lengths = out.split(separator: "\n").map(\.count)
            #expect(lengths.allSatisfy { $0 <= 80 }, "\(out)")
        }
        let plan = Self.plan(wide: exact + ["T5"], chain: [])
        #expect(Self.waves(plan, limit: nil).split(separator: "\n").contains { $0.count == 80 })
    }

    /// A chain long enough to wrap many times, with worded and non-ASCII IDs.
    @Test func longChainsWrapUnderTheFirstID() {
        let chain = (1...90).map { $0 % 10 == 0 ? "Task \($0)" : $0 % 7 == 0 ? "任务 \($0)" : "T\($0)" }
        let plan = Self.plan(wide: [], chain: chain)
        for limit in [nil, 30] as [Int?] {
            #expect(Self.chain(plan, limit: limit) == Self.expectedChain(plan, limit: limit))
        }
        let ascii = Self.plan(wide: [], chain: (1...90).map { "T\($0)" })
        for limit in [nil, 30, 4] as [Int?] {
            let out = Self.chain(ascii, limit: limit)
            #expect(out == Self.expectedChain(ascii, limit: limit))
            #expect(out.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
        }
    }

    /// Every newline Character becomes one space in a table cell, and text
    /// whose bytes only look like part of one (Å is C3 85, è is C3 A8) is kept.
    @Test func cellsFoldEveryKindOfNewline() {
        for newline in ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            #expect(PlanText.markdownCell("Ship\(newline)it") == "Ship it", "\(Array(newline.unicodeScalars))")
        }
        #expect(PlanText.markdownCell("Åsa écrit è…") == "Åsa écrit è…")
        #expect(PlanText.markdownCell("Åsa\u{2028}è") == "Åsa è")
    }
}
