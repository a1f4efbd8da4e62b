import Testing

@testable import SpecKitTasks

/// The vocabulary lookup (`DependencyVocabulary.match`) rules rows out by
/// buckets of their first two bytes and by their first eight bytes compared
/// at once; the clause prefilter (`firstWordStart`) visits word starts eight
/// bytes at a time. These tests compare both with plain references written
/// here: every row tried in turn, longest first, byte by byte; every byte of
/// a text looked at in turn.
@Suite("Vocabulary lookup")
struct VocabularyLookupTests {
    /// One row as the reference sees it: its bytes and flags, in every form the table holds.
    struct Row {
        let bytes: [UInt8]
        let role: DependencyRole
        let language: UInt8
        let flags: String
        let index: Int
    }

    /// The table's rows with the capitalised forms of words that start with a
    /// non-ASCII letter (`После`, `Após`), longest first, then in table order.
    static let rows: [Row] = {
        var rows: [Row] = []
        for row in DependencyVocabulary.rows {
            var forms = [row.word]
            if let first = row.word.unicodeScalars.first, first.value >= 0x80 {
                let capital = String(row.word.prefix(1)).uppercased() + row.word.dropFirst()
                if capital != row.word { forms.append(capital) }
            }
            let language = UInt8(DependencyVocabulary.languageCodes.firstIndex(of: row.language)!)
            for form in forms {
                rows.append(Row(bytes: Array(form.utf8), role: row.role, language: language, flags: row.flags, index: rows.count))
            }
        }
        return rows.sorted { ($0.bytes.count, -$0.index) > ($1.bytes.count, -$1.index) }
    }()

    /// The rows by their first byte.
    static let rowsByFirstByte: [UInt8: [Row]] = Dictionary(grouping: rows, by: { $0.bytes[0] })

    /// The lookup as the docs state it: the longest row of `roles` whose
    /// bytes are at `k` (ASCII letters in any case, a space matching any run
    /// of blanks and line breaks) and that stands at word boundaries as its
    /// kind of word must.
    static func reference(_ b: Bytes, _ k: Int, _ lo: Int, _ hi: Int, roles: RoleSet, declared: Bool) -> (Row, Int)? {
        guard k < hi else { return nil }
        for row in rowsByFirstByte[b[k] >= 0x41 && b[k] <= 0x5A ? b[k] | 0x20 : b[k]] ?? [] {
            guard roles.contains(row.role), declared || !row.flags.contains("d") else { continue }
            let symbol = row.flags.contains("y")
            guard symbol || DependencyVocabulary.startsWord(b, k, lo) else { continue }
            var j = k
            var matched = true
            for p in row.bytes {
                if p == 0x20 {
                    guard j < hi, [0x20, 0x09, 0x0A, 0x0D].contains(b[j]) else { matched = false; break }
                    while j < hi, [0x20, 0x09, 0x0A, 0x0D].contains(b[j]) { j += 1 }
                } else {
                    let c = b[j < hi ? j : k]
                    guard j < hi, (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) == p else { matched = false; break }
                    j += 1
                }
            }
            guard matched else { continue }
            let blankAfter = row.flags.contains("b")
            if symbol {
                if row.bytes.last == UInt8(ascii: "-"), j < hi, b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: ">") { continue }
                if blankAfter, j < hi, ![0x20, 0x09, 0x0A, 0x0D].contains(b[j]) { continue }
                return (row, j)
            }
            if row.flags.contains("s") {
                while j < hi {
                    if b[j].isLetter {
                        j += 1
                    } else if b[j] >= 0xC3, b[j] < 0xE0, j + 1 < hi {
                        j += 2
                    } else {
                        break
                    }
                }
                return (row, j)
            }
            if blankAfter {
                // Glued to no letter of another script.
                guard k == lo || b[k - 1] < 0x80 else { continue }
                if j < hi {
                    let next = b[j]
                    let alone = next < 0x80 ? !next.isWordByte : j + 1 < hi && (next == 0xEF && b[j + 1] == 0xBC || next == 0xE3 && b[j + 1] == 0x80)
                    guard alone else { continue }
                }
            }
            if DependencyVocabulary.endsWord(b, j, hi, last: row.bytes[row.bytes.count - 1]) { return (row, j) }
        }
        return nil
    }

    /// The role sets the readers ask for.
    static let roleSets: [(RoleSet, Bool)] = [
        (.all, true), (.all, false), (.clause, false), (.clause, true), (.ordering, true), (.together, true),
        (.statesOrder, true), (.phaseReference, true), (RoleSet(.phaseName), true), (RoleSet(.taskWord), true),
        (RoleSet(.sectionHeading), true), (RoleSet(.range), true), (RoleSet(.and), false), (RoleSet(.sentenceEnd), true),
        (RoleSet(.connector), true), (RoleSet(.eachOther, .otherStories, .viceVersa, .quantifier, .helper), true),
        (RoleSet(.teamWord, .storyWord, .allStories), true),
    ]

    /// Compares the lookup with the reference at `offsets` of `text` (every
    /// offset when nil), in `lo..<hi` for each `lo` of `los` (and `lo == k`)
    /// and each `hi` of the whole text and one byte less, for each role set:
    /// how many lookups found a word, and the first disagreements.
    static func compare(
        _ text: [UInt8], offsets: [Int]? = nil, los: [Int] = [0], roleSets: [(RoleSet, Bool)] = roleSets
    ) -> (found: Int, disagreements: [String]) {
        var found = 0
        var disagreements: [String] = []
        text.withUnsafeBufferPointer { b in
            for hi in Set([b.count, max(0, b.count - 1)]) {
                for k in offsets ?? Array(0..<hi) where k < hi {
                    for lo in Set(los.map { min($0, k) } + [k]) {
                        for (roles, declared) in roleSets {
                            let fast = DependencyVocabulary.match(b, k, lo, hi, roles: roles, declared: declared)
                            let slow = reference(b, k, lo, hi, roles: roles, declared: declared)
                            if slow != nil { found += 1 }
                            let a = fast.map { [$0.word.role.rawValue, Int($0.word.count), Int($0.word.language), $0.end] }
                            let r = slow.map { [$0.0.role.rawValue, $0.0.bytes.count, Int($0.0.language), $0.1] }
                            if a != r, disagreements.count < 5 {
                                disagreements.append(
                                    "\(String(decoding: text, as: UTF8.self).debugDescription) at \(k) in \(lo)..<\(hi), roles \(roles.rawValue) declared \(declared): \(String(describing: a)) vs \(String(describing: r))")
                            }
                        }
                    }
                }
            }
        }
        return (found, disagreements)
    }

    @Test("every row, in every case, before and after every kind of byte, is found as the reference finds it", arguments: DependencyVocabulary.rows.indices)
    func everyRowInContext(index: Int) {
        let row = DependencyVocabulary.rows[index]
        let word = row.word
        var found = 0
        var disagreements: [String] = []
        let roleSets: [(RoleSet, Bool)] = [(.all, true), (.all, false), (.clause, false), (RoleSet(row.role), true), (RoleSet(row.role), false)]
        for form in Set([word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(), word.replacingOccurrences(of: " ", with: "\n  ")]) {
            for before in ["", "x", "é"] {
                // After: nothing, a blank, marks, a letter (a prefix of a longer word), other scripts, an ID.
                for after in ["", " ", ".", ". ", ",", "s", "-", "->", "é", "后", "\nT002"] {
                    let text = Array((before + form + after).utf8)
                    let start = before.utf8.count
                    let (n, d) = Self.compare(text, offsets: [0, start, start + 1], los: [0, start], roleSets: roleSets)
                    found += n
                    disagreements += d.prefix(5 - min(5, disagreements.count))
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
        #expect(found > 0, "\(word) is never found")
    }

    @Test("random texts of vocabulary words and other pieces: the lookup agrees with the reference", arguments: 0..<150)
    func randomTexts(seed: UInt64) {
        let (found, disagreements) = Self.compare(ReaderPrefilterTests.vocabularyText(seed: seed), los: [0, Int(seed % 5)])
        #expect(disagreements.isEmpty, "\(disagreements)")
        _ = found
    }

    /// `firstWordStart` as it was written first: every byte looked at in turn.
    static func firstWordStartByteByByte(_ b: Bytes, _ lo: Int, _ hi: Int, roles: RoleSet, declared: Bool) -> Int? {
        var k = lo
        while k < hi {
            let c = b[k]
            if c >= 0xC0 || (c.isLetter && (k == lo || !b[k - 1].isWordByte)),
                reference(b, k, lo, hi, roles: roles, declared: declared) != nil
            {
                return k
            }
            k += 1
        }
        return nil
    }

    @Test("the first clause word start, found eight bytes at a time, is the one found byte by byte", arguments: 0..<300)
    func firstWordStarts(seed: UInt64) {
        let bytes = ReaderPrefilterTests.vocabularyText(seed: seed)
        bytes.withUnsafeBufferPointer { b in
            for lo in Set([0, min(b.count, Int(seed % 4)), min(b.count, Int(seed % 13))]) {
                for (roles, declared) in [(RoleSet.clause, false), (.clause, true), (.together, true), (.ordering, true)] {
                    #expect(
                        DependencyVocabulary.firstWordStart(b, lo, b.count, roles: roles, declared: declared)
                            == Self.firstWordStartByteByByte(b, lo, b.count, roles: roles, declared: declared),
                        "\(String(decoding: bytes, as: UTF8.self).debugDescription) from \(lo)")
                }
            }
        }
    }

    /// `mayStart` as the docs state it: some clause word (any row that opens
    /// a clause) starts with the text's first letter and second byte (an ASCII
    /// letter in any case, or any byte of another script for one), and its
    /// third byte is of the text's third byte's kind: the same letter, a byte
    /// of another script, or any other byte (a two-byte word ends there); at
    /// the end of the text, a word of two bytes or with no letter third.
    static func mayStartReference(_ b: Bytes, _ k: Int, _ hi: Int) -> Bool {
        guard k + 1 < hi, b[k] < 0x80 else { return false }
        let next = b[k + 1]
        for row in rows where row.role.startsClause && row.bytes[0] < 0x80 && row.bytes.count > 1 && row.bytes[0] == b[k].lowercased {
            if next >= 0x80 {
                if row.bytes[1] >= 0x80 { return true }
                continue
            }
            guard next.isLetter, row.bytes[1] == next.lowercased else { continue }
            guard k + 2 < hi else {
                // At the end: a two-byte word, or one whose third byte is no letter (a blank, a mark).
                if row.bytes.count == 2 || row.bytes[2] < 0x80 && !row.bytes[2].isLetter { return true }
                continue
            }
            let t = b[k + 2]
            guard row.bytes.count > 2 else {
                if t < 0x80, !t.isLetter { return true }
                continue
            }
            let third = row.bytes[2]
            if t >= 0x80 ? third >= 0x80 : t.isLetter ? third == t.lowercased : third < 0x80 && !third.isLetter { return true }
        }
        return false
    }

    @Test("a clause word may start where the two-letter table says so, and only there", arguments: 0..<200)
    func mayStartPairs(seed: UInt64) {
        let bytes = ReaderPrefilterTests.vocabularyText(seed: seed)
        var wrong: [Int] = []
        bytes.withUnsafeBufferPointer { b in
            for hi in Set([b.count, max(0, b.count - 1), max(0, b.count - 2)]) {
                for k in 0..<hi where b[k].isLetter {
                    if DependencyVocabulary.mayStart(b, k, hi) != Self.mayStartReference(b, k, hi) { wrong.append(k) }
                }
            }
        }
        #expect(wrong.isEmpty, "\(String(decoding: bytes, as: UTF8.self).debugDescription) at \(wrong)")
    }

    @Test("every clause word, in every case and before every kind of byte, may start where it stands")
    func mayStartEveryClauseWord() {
        var wrong: [String] = []
        for row in DependencyVocabulary.rows where row.role.startsClause && row.word.utf8.first! < 0x80 {
            for form in [row.word, row.word.uppercased(), row.word.prefix(1).uppercased() + row.word.dropFirst()] {
                for after in ["", " ", "s", "é", ".", "后"] {
                    let bytes = Array((String(form.prefix(3)) + after).utf8)
                    bytes.withUnsafeBufferPointer { b in
                        for hi in 1...b.count where DependencyVocabulary.mayStart(b, 0, hi) != Self.mayStartReference(b, 0, hi) {
                            wrong.append("\(form) \(after) to \(hi)")
                        }
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("eight bytes at a time: each class is the byte's own, and bytes past the end are of none")
    func byteChunkClasses() {
        // Every byte value at every offset of a chunk, among neighbours of every kind.
        let neighbours: [UInt8] = [0x00, 0x20, 0x41, 0x5F, 0x7F, 0x80, 0xBF, 0xC0, 0xFF]
        var wrong: [String] = []
        for value in 0...255 {
            for offset in 0..<8 {
                for neighbour in neighbours {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[offset] = UInt8(value)
                    for hi in Set([8, offset + 1]) {
                        bytes.withUnsafeBufferPointer { b in
                            let chunk = ByteChunk(b, 0, hi)
                            let lowered = DependencyVocabulary.lowercasedPrefix(b, 0, hi)
                            for i in 0..<8 {
                                let bit: UInt64 = 0x80 << UInt64(8 * i)
                                let c: UInt8? = i < hi ? b[i] : nil
                                let classes = [
                                    chunk.letters & bit != 0, chunk.wordBytes & bit != 0, chunk.leadBytes & bit != 0,
                                    chunk.ascii & bit != 0,
                                ]
                                let expected = [
                                    c?.isLetter ?? false, c?.isWordByte ?? false, c.map { $0 >= 0xC0 } ?? false, c.map { $0 < 0x80 } ?? true,
                                ]
                                if classes != expected || UInt8(truncatingIfNeeded: lowered >> UInt64(8 * i)) != (c?.lowercased ?? 0) {
                                    wrong.append("\(bytes) to \(hi) at \(i)")
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("eight bytes at a time: the bytes equal to a byte, and the lowest zero byte, are found exactly")
    func byteChunkEqualAndZeroBytes() {
        // Every byte value at every offset, among neighbours of every kind, against
        // every searched byte (a `/`, a letter, a mark, 0, bytes with bit 7 set).
        let neighbours: [UInt8] = [0x00, 0x01, 0x2F, 0x41, 0x7F, 0x80, 0xAF, 0xFF]
        let searched: [UInt8] = [0x00, 0x2F, 0x73, 0x7F, 0x80, 0xAF, 0xFF]
        var wrong: [String] = []
        for value in 0...255 {
            for offset in 0..<8 {
                for neighbour in neighbours {
                    var word: UInt64 = 0
                    for i in 0..<8 { word |= UInt64(i == offset ? UInt8(value) : neighbour) << UInt64(8 * i) }
                    for c in searched {
                        var equal: UInt64 = 0
                        for i in 0..<8 where UInt8(truncatingIfNeeded: word >> UInt64(8 * i)) == c { equal |= 0x80 << UInt64(8 * i) }
                        let x = word ^ UInt64(c) &* ByteChunk.ones
                        let zeros = ByteChunk.zeroBytes(x)
                        // Exact for the lowest zero byte; nothing when none is zero.
                        let lowestRight = equal == 0 ? zeros == 0 : zeros & (0 &- zeros) == equal & (0 &- equal)
                        if ByteChunk.equalBytes(word, c) != equal || !lowestRight {
                            wrong.append("\(String(word, radix: 16)) for \(c)")
                        }
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}
