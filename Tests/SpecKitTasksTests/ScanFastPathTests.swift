import SpecGraphTestSupport
import Testing

@testable import SpecKitTasks

/// The line scan's fast paths against plain references written here: each
/// must give exactly what the slow path (or the grammar) gives.
@Suite("Line scan fast paths")
struct ScanFastPathTests {
    /// The task ID grammar one byte at a time (docs/grammar.md, "Tasks").
    static func referenceTaskIDEnd(_ b: [UInt8], at i: Int, end: Int) -> Int? {
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
        func isLetter(_ c: UInt8) -> Bool { isUpper(c) || (c >= 0x61 && c <= 0x7A) }
        guard i < end, b[i] == UInt8(ascii: "T") else { return nil }
        var j = i + 1
        let hyphen = j < end && b[j] == UInt8(ascii: "-")
        if hyphen { j += 1 }
        let letters = j
        while j < end, isUpper(b[j]) { j += 1 }
        var digits = j
        while j < end, isDigit(b[j]) { j += 1 }
        // An area code between hyphens: `T-AVS-01`, `T-A1-001`.
        if hyphen, digits > letters, j + 2 < end, b[j] == UInt8(ascii: "-"), isDigit(b[j + 1]), isDigit(b[j + 2]) {
            j += 1
            digits = j
            while j < end, isDigit(b[j]) { j += 1 }
        }
        guard j - digits >= 2 else { return nil }
        if j + 1 < end, b[j] == UInt8(ascii: "."), isDigit(b[j + 1]) {
            while j + 1 < end, b[j] == UInt8(ascii: "."), isDigit(b[j + 1]) {
                j += 1
                while j < end, isDigit(b[j]) { j += 1 }
            }
        } else {
            while j < end, isLetter(b[j]) { j += 1 }
            if j + 1 < end, b[j] == UInt8(ascii: "_"), isLetter(b[j + 1]) {
                j += 1
                while j < end, isLetter(b[j]) { j += 1 }
            }
        }
        // `__T006__`: underscore emphasis may close right after the ID.
        if j + 1 < end, b[j] == UInt8(ascii: "_"), b[j + 1] == UInt8(ascii: "_") { return j }
        if j < end, isLetter(b[j]) || isDigit(b[j]) || b[j] == UInt8(ascii: "_") { return nil }
        return j
    }

    @Test("taskIDEnd gives the grammar's end at every offset and line end of random text")
    func taskIDEndMatchesGrammar() {
        var g = SeededStream(seed: 7)
        let pieces = [
            "T", "T", "T-", "0", "1", "12", "123", "000123", "9999999", "1234567", "12345678", "a", "A", "HF", ".", ".1", "_",
            "_new", " ", "x", "é", "\n", "*", "[", "]", ":", "`", "~",
        ]
        var checked = 0
        for _ in 0..<3000 {
            let text = Array(g.text(pieces, most: 12, separators: ["", "", "", " ", "\t", ".", "-"]).utf8)
            text.withUnsafeBufferPointer { b in
                for i in 0..<b.count where b[i] == UInt8(ascii: "T") {
                    // The line's end anywhere after the ID's start: the fast path must not read past it.
                    for end in (i + 1)...b.count {
                        #expect(b.taskIDEnd(at: i, end: end) == Self.referenceTaskIDEnd(text, at: i, end: end))
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 10_000)
    }

    @Test("numberedIDHash is hash for T and three to eight digits, and nil for anything else")
    func numberedIDHashMatchesHash() {
        var g = SeededStream(seed: 11)
        let pieces = ["T", "T", "0", "1", "7", "42", "000", "123456", "99999999", "x", "-", " ", "a", ".", "é"]
        var fast = 0
        for _ in 0..<4000 {
            let text = Array(g.text(pieces, most: 8, separators: ["", "", " ", "T"]).utf8)
            text.withUnsafeBufferPointer { b in
                for lo in 0..<b.count {
                    for hi in lo...min(b.count, lo + 11) {
                        let key = b[lo..<hi]
                        let numbered = key.count >= 4 && key.count <= 9 && key.first == UInt8(ascii: "T")
                            && key.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                        guard let h = ByteInterner.numberedIDHash(b, lo, hi) else {
                            #expect(!numbered)
                            continue
                        }
                        fast += 1
                        #expect(numbered)
                        #expect(h == ByteInterner.hash(b, lo, hi))
                    }
                }
            }
        }
        #expect(fast > 1000)
        // Every digit count and many values, in a buffer that is the key alone
        // (as a String's bytes are) and past the first word of a buffer.
        for before in ["", "xxxxxxxx"] {
            let lo = before.utf8.count
            for digits in 3...8 {
                for _ in 0..<500 {
                    var key = Array((before + "T").utf8)
                    for _ in 0..<digits { key.append(UInt8(0x30 + g.next(10))) }
                    key.withUnsafeBufferPointer { b in
                        #expect(ByteInterner.numberedIDHash(b, lo, b.count) == ByteInterner.hash(b, lo, b.count))
                    }
                    guard lo == 0 else { continue }
                    var table = ByteInterner()
                    let id = String(decoding: key, as: UTF8.self)
                    #expect(table.find(id) == nil)
                    #expect(table.intern(id).key == 0)
                    #expect(table.find(id) == 0)
                }
            }
        }
    }

    /// The first invalid UTF-8 byte and the first NUL, one byte at a time.
    static func referenceEncoding(_ bytes: [UInt8]) -> (bad: Int?, nul: Int?) {
        var bad: Int?
        var nul: Int?
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c == 0 {
                    if nul == nil { nul = i }
                    i += 1
                } else if c < 0x80 {
                    i += 1
                } else {
                    let length = DocumentParser.utf8SequenceLength(b, at: i)
                    if length == 0 {
                        if bad == nil { bad = i }
                        i += 1
                    } else {
                        i += length
                    }
                }
            }
        }
        return (bad, nul)
    }

    @Test("encodingDiagnostics finds the first bad byte and NUL wherever they are")
    func encodingMatchesByteLoop() {
        var g = SeededStream(seed: 23)
        let ascii = Array("- [ ] T000123 [P] Write the docs in src/app.py\n".utf8)
        let odd: [[UInt8]] = [[0], [0x80], [0xC3, 0xA9], [0xE2, 0x80, 0x94], [0xF0, 0x9F, 0x8E, 0xAF], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x7F], [0x01]]
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            let length = g.next(400)
            while bytes.count < length {
                if g.next(40) == 0 {
                    bytes += odd[g.next(odd.count)]
                } else {
                    bytes.append(ascii[g.next(ascii.count)])
                }
            }
            // Some inputs clean, so that the fast path runs to the end.
            if round % 3 == 0 { bytes = bytes.map { $0 == 0 || $0 >= 0x80 ? 0x20 : $0 } }
            let (bad, nul) = Self.referenceEncoding(bytes)
            let found = bytes.withUnsafeBufferPointer { DocumentParser.encodingDiagnostics($0) }
            var expected: [Diagnostic] = []
            bytes.withUnsafeBufferPointer { b in
                if let bad {
                    expected.append(
                        Diagnostic(
                            .invalidUTF8, "invalid UTF-8 byte 0x\(String(b[bad], radix: 16, uppercase: true)); the text is read with replacement characters",
                            at: DocumentParser.locationByCounting(b, bad)))
                }
                if let nul {
                    expected.append(
                        Diagnostic(.unreadable, "the file contains NUL bytes; it looks like a binary file, not Markdown", at: DocumentParser.locationByCounting(b, nul)))
                }
            }
            #expect(found == expected, "round \(round)")
        }
    }

    @Test("readLabels reads random label runs as the label-by-label reading does")
    func labelsMatchReference() {
        var g = SeededStream(seed: 31)
        let pieces = [
            "[P]", "[p]", "[P]", "[US1]", "[US12]", "[US3]", "[US1,US2]", "[US123456789]", "[P ]", "[ P]", "[PP]", "[P](x)", "[P]",
            "**[P]**", "[2h]", "[est: 1h/2h/4h]", "[X]", "[done]", "[Story: US4]", "[]", "[P", "]", ":", "：", "`", "~", "Write",
            "T001", "(", "[US", "[USA]",
        ]
        for round in 0..<4000 {
            let text = " " + g.text(pieces, most: 6, separators: ["", " ", " ", "  ", "\t", "*"]) + "tail"
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                // Every form, and a line end inside the labels too.
                let form: TaskForm = [.checkbox, .listItem, .line, .heading, .tableRow][round % 5]
                let end = round % 7 == 0 ? max(1, b.count - g.next(8)) : b.count
                let location = SourceLocation(line: 1, column: 1)
                var fast = SpecTask.opening(location, form: form, status: .todo, segment: 0)
                var slow = SpecTask.opening(location, form: form, status: .todo, segment: 0)
                var names = DocumentParser.StoryNameCache()
                let fastEnd = DocumentParser.readLabels(b, into: &fast, from: 0, end: end, names: &names)
                var slowNames = DocumentParser.StoryNameCache()
                let slowEnd = DocumentParser.readLabels(b, into: &slow, from: 0, end: end, names: &slowNames, shortcuts: false)
                #expect(fastEnd == slowEnd, "\(text)")
                #expect(fast.parallel == slow.parallel, "\(text)")
                #expect(fast.stories == slow.stories, "\(text)")
                #expect(fast.labels == slow.labels, "\(text)")
                #expect(fast.status == slow.status, "\(text)")
                #expect(fast.estimate == slow.estimate, "\(text)")
            }
        }
    }

    @Test("StoryNameCache gives each name's own String, near the buffer's end too")
    func storyNamesAreTheirBytes() {
        var g = SeededStream(seed: 41)
        var names = DocumentParser.StoryNameCache()
        for _ in 0..<3000 {
            let text = g.text(["US1", "US12", "US1234567", "US", "X", "é", "US99"], most: 4, separators: ["", " ", ","])
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                for k in 0..<b.count {
                    for j in k...min(b.count, k + 9) {
                        #expect(names.name(b, k, j) == b.string(k, j))
                    }
                }
            }
        }
    }

    static func describe(_ line: CheckboxLine) -> String {
        switch line {
        case .none: "none"
        case .task(let i): "task \(i.column) \(i.status) \(i.idStart) \(i.idEnd) \(i.plainID)"
        case .suspicious(let k, let box): "suspicious \(k) \(box.map { "\($0.column) \($0.status) \($0.idStart)" } ?? "-")"
        case .plain(let i): "plain \(i.column) \(i.status) \(i.idStart) \(i.idEnd) \(i.plainID)"
        }
    }

    @Test("recognizeCheckbox reads random lines as the byte by byte reading does")
    func checkboxMatchesByteReading() {
        var g = SeededStream(seed: 61)
        let pieces = [
            "- [ ] ", "- [x] ", "- [X] ", "- [ ]  ", "- [~] ", "- [/] ", "- []] ", "* [ ] ", "-  [ ] ", "- [ ]", "1. [ ] ", "T", "T001",
            "T000123", "T12", "T1", "T-HF02", "T007a", "**", "~~", "`", "[", "Task 3", "x", " ", "\t", "(", ":",
        ]
        var tasks = 0
        for _ in 0..<5000 {
            let text = Array(g.text(pieces, most: 5, separators: ["", "", " "]).utf8) + Array("  tail".utf8)
            text.withUnsafeBufferPointer { b in
                for end in [b.count, b.count - 2, min(b.count, 8 + g.next(8))] where end > 0 {
                    let fast = DocumentParser.recognizeCheckbox(b, 0, end)
                    let slow = DocumentParser.recognizeCheckboxByBytes(b, 0, end)
                    #expect(Self.describe(fast) == Self.describe(slow), "\(String(decoding: text, as: UTF8.self)) end \(end)")
                    if case .task = fast { tasks += 1 }
                }
            }
        }
        #expect(tasks > 500)
    }

    @Test("mix of a key under eight bytes is the byte loop's, anywhere in a buffer")
    func shortMixMatchesByteLoop() {
        var g = SeededStream(seed: 71)
        for _ in 0..<3000 {
            let bytes = (0..<(1 + g.next(24))).map { _ in UInt8(g.next(256)) }
            bytes.withUnsafeBufferPointer { b in
                for lo in 0..<b.count {
                    for hi in (lo + 1)...min(b.count, lo + 7) {
                        let seed = UInt64(g.next(1 << 30))
                        var fast = seed
                        ByteInterner.mix(b, lo, hi, into: &fast)
                        var w: UInt64 = 1
                        for k in lo..<hi { w = w << 8 | UInt64(b[k]) }
                        var slow = (seed ^ w) &* 0x9E37_79B9_7F4A_7C15
                        slow ^= slow >> 32
                        #expect(fast == slow)
                    }
                }
            }
        }
    }
}
