/// Phases, sections, story phases and checkpoints, assigned once the whole
/// document has been read (a document without `Phase N` headings falls back to
/// its top-level headings, which is only known at the end).
extension DocumentParser {
    /// Builds `phases` and sets every task's `phase` and `section`; also the
    /// phases whose titles name a story (`User Story 2`, `US2`), in order.
    /// - Complexity: O(headings + tasks).
    mutating func assignPhases() -> (phases: [Phase], phaseOfHeading: [Int32], storyTitled: [Int32]) {
        var isPhase = headings.map { $0.phaseNumber != nil }
        if !isPhase.contains(true) {
            // "Each top-level heading that contains tasks is a phase": top level is the
            // shallowest level of a heading with tasks directly below it.
            // A lone `# Title` heading at the top is the document's title, not a
            // phase, when headings below it hold tasks: its own tasks go to phase 0.
            let lone = headings.first.map { first in
                first.level == 1 && !headings.dropFirst().contains { $0.level == 1 }
                    && headings.dropFirst().contains { $0.directTasks > 0 }
            } ?? false
            let candidates = lone ? headings.dropFirst() : headings[...]
            let level = candidates.lazy.filter { $0.directTasks > 0 }.map(\.level).min()
            if let level {
                var current = -1
                for h in headings.indices {
                    if headings[h].level <= level {
                        current = headings[h].level == level ? h : -1
                    }
                    if current >= 0, headings[h].directTasks > 0 { isPhase[current] = true }
                }
            }
        }
        // The sections of each phase, counted first: each phase's array is
        // made at its size once (appended to, it grew twice for a phase of
        // two sections; 1.6 M instructions for 2 000 phases).
        var sectionCounts: [Int32] = [0]
        for h in headings.indices {
            if isPhase[h] { sectionCounts.append(0) } else { sectionCounts[sectionCounts.count - 1] += 1 }
        }
        var phases = [Phase(index: 0, title: "", line: 0)]
        phases.reserveCapacity(sectionCounts.count)
        phases[0].sections.reserveCapacity(Int(sectionCounts[0]))
        var phaseOfHeading = [Int32](repeating: 0, count: headings.count)
        var sectionOfHeading = [Int32](repeating: -1, count: headings.count)
        var current: Int32 = 0
        for h in headings.indices {
            if isPhase[h] {
                current = Int32(phases.count)
                // A `**Priority**: P1` line below the heading, unless the title names one.
                var phase = Phase(index: current, title: headings[h].title, line: headings[h].line, priority: headings[h].priority)
                phase.sections.reserveCapacity(Int(sectionCounts[Int(current)]))
                phases.append(consume phase)
            } else {
                sectionOfHeading[h] = Int32(phases[Int(current)].sections.count)
                phases[Int(current)].sections.append(Section(title: headings[h].title, line: headings[h].line))
            }
            phaseOfHeading[h] = current
        }
        // One pass over the tasks (records of about 170 bytes, a million of
        // them in a large document): phase and section, and the stories shared
        // by every task of a phase that names stories (see `classifyPhases`).
        var shared = [[String]?](repeating: nil, count: phases.count)
        // The stories array last merged, and its phase: tasks of one story
        // share one array (`TextScratch.stories`), and merging the same
        // stories into a phase's again changes nothing (what is left of the
        // phase's is already among them), so a run of such tasks merges once.
        var lastStories: UnsafeRawPointer? = nil
        var lastPhase: Int32 = -1
        taskHeading.withUnsafeBufferPointer { taskHeading in
            tasks.withUnsafeMutableBufferPointer { tasks in
                for t in tasks.indices {
                    let h = Int(taskHeading[t])
                    let p = h >= 0 ? phaseOfHeading[h] : 0
                    tasks[t].phase = p
                    tasks[t].section = h >= 0 ? sectionOfHeading[h] : -1
                    guard !tasks[t].stories.isEmpty else { continue }
                    let stories = tasks[t].stories.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
                    if stories == lastStories, p == lastPhase { continue }
                    (lastStories, lastPhase) = (stories, p)
                    if let current = shared[Int(p)] {
                        if current.count != 1 || current != tasks[t].stories {
                            shared[Int(p)] = current.filter { tasks[t].stories.contains($0) }
                        }
                    } else {
                        shared[Int(p)] = tasks[t].stories
                    }
                }
            }
        }
        for (heading, text) in checkpoints {
            let p = heading >= 0 ? Int(phaseOfHeading[Int(heading)]) : 0
            if phases[p].checkpoint == nil { phases[p].checkpoint = text }
        }
        let storyTitled = classifyPhases(&phases, shared: shared)
        return (phases, phaseOfHeading, storyTitled)
    }

    /// Story or barrier, story name and priority for every phase; `shared`
    /// holds, per phase, the stories every task of it that names stories names.
    /// Returns the phases whose titles name a story, in order.
    @discardableResult
    func classifyPhases(_ phases: inout [Phase], shared: [[String]?]) -> [Int32] {
        var storyTitled: [Int32] = []
        for p in phases.indices {
            // The title's own bytes (a copy into an array was an allocation a phase).
            var title = phases[p].title
            title.withUTF8 { b in
                phases[p].priority = priority(in: b) ?? phases[p].priority
                if let story = storyNamed(in: b) {
                    phases[p].story = story
                    storyTitled.append(phases[p].index)
                } else if let stories = shared[p], let first = stories.first {
                    phases[p].story = first
                }
            }
            phases[p].kind = phases[p].story == nil ? .barrier : .story
        }
        return storyTitled
    }

    /// `User Story 2`, `Story 2` or a `US2` token in a heading (`AUTH-US2`
    /// with its prefix), unless an ordering word stands before the first
    /// one: `Foundational (blocks US1 and US2)`, `Integration (after US1)`
    /// name the stories that wait or are waited for, not the phase's own.
    func storyNamed(in b: Bytes, skipping: Bool = true) -> String? {
        guard let (story, at) = firstStory(in: b, skipping: skipping) else { return nil }
        return Self.orderingWordRightBefore(b, at) ? nil : story
    }

    /// Whether an ordering word ends right before `at`, with only blanks, `(`,
    /// `:`, `and`, `on`, `for`, `of` between (`blocks US1`, `(after US1
    /// and US2)`, `required by User Story 3`); `Dependency Graph View (US2)`
    /// and `Checkout After Login - User Story 2` name their own story.
    static func orderingWordRightBefore(_ b: Bytes, _ at: Int) -> Bool {
        var k = at
        while true {
            while k > 0, b[k - 1].isSpaceOrTab || b[k - 1] == UInt8(ascii: "(") || b[k - 1] == UInt8(ascii: ":") { k -= 1 }
            var w = k
            while w > 0, b[w - 1].isLetter { w -= 1 }
            guard w < k else { return false }
            let fillers: [StaticString] = ["and", "on", "for", "of"]
            if fillers.contains(where: { $0.utf8CodeUnitCount == k - w && b.matchesLowercase($0, at: w, end: k) }) {
                k = w
                continue
            }
            // The word ending at `k`: an ordering word of one or more words that ends there.
            var start = w
            for _ in 0..<3 {
                if let (_, e) = DependencyVocabulary.match(b, start, start, k, roles: .ordering, declared: true), e == k { return true }
                var s = start
                while s > 0, b[s - 1].isSpaceOrTab { s -= 1 }
                guard s < start else { break }
                var p = s
                while p > 0, b[p - 1].isLetter { p -= 1 }
                guard p < s else { break }
                start = p
            }
            return false
        }
    }

    /// The first story ``storyNamed(in:skipping:)`` reads, and where it starts.
    /// Every form starts at a `u`, `U`, `s` or `S`: other bytes are passed,
    /// eight at a time where none of eight is one (the titles of 2 000 phases
    /// are read here); `skipping: false` tries every byte (tests compare the two).
    private func firstStory(in b: Bytes, skipping: Bool) -> (String, Int)? {
        firstEnglishStory(in: b, skipping: skipping) ?? firstWordedStory(in: b)
    }

    /// `Historia de Usuario 1`, `História 2`, `用户故事 3`, `ユーザーストーリー 4`
    /// (a story word of the vocabulary and a number), or `HU5`: story `US<n>`,
    /// as the lexer names them in statements.
    private func firstWordedStory(in b: Bytes) -> (String, Int)? {
        let n = b.count
        var k = 0
        while k < n {
            let c = b[k]
            if c == UInt8(ascii: "H") || c == UInt8(ascii: "h") || c >= 0xC0, b.isWordStart(k, 0) {
                if c == UInt8(ascii: "H"), k + 2 < n, b[k + 1] == UInt8(ascii: "U"), b[k + 2].isDigit {
                    var j = k + 2
                    while j < n, b[j].isDigit { j += 1 }
                    j = b.storyNumberEnd(j, n)
                    if b.isWordEnd(j, n) { return (Self.storyName(b, k + 2, j), k) }
                }
                if let (word, e) = DependencyVocabulary.match(b, k, 0, n, roles: RoleSet(.storyWord), declared: true), word.role == .storyWord {
                    var j = b.skipSpaces(e, n)
                    let s = j
                    while j < n, b[j].isDigit { j += 1 }
                    if j > s { j = b.storyNumberEnd(j, n) }
                    if j > s, j == n || !b[j].isAlnum { return (Self.storyName(b, s, j), k) }
                }
            }
            k += 1
        }
        return nil
    }

    private func firstEnglishStory(in b: Bytes, skipping: Bool) -> (String, Int)? {
        let n = b.count
        var k = 0
        while k < n {
            if skipping {
                if k + 8 <= n, let base = b.baseAddress {
                    let v = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: k, as: UInt64.self)) | 0x2020_2020_2020_2020
                    let m = ByteChunk.zeroBytes(v ^ 0x7575_7575_7575_7575) | ByteChunk.zeroBytes(v ^ 0x7373_7373_7373_7373)
                    if m == 0 {
                        k += 8
                        continue
                    }
                    // To the first byte that is one (little-endian: the lowest).
                    k += m.trailingZeroBitCount >> 3
                }
                let c = b[k] | 0x20
                if c != UInt8(ascii: "u"), c != UInt8(ascii: "s") {
                    k += 1
                    continue
                }
            }
            if b.isWordStart(k, 0) {
                if b.matchesLowercase("user story", at: k, end: n) || b.matchesLowercase("story", at: k, end: n) {
                    var j = k + (b.matchesLowercase("user", at: k, end: n) ? 10 : 5)
                    j = b.skipSpaces(j, n)
                    let s = j
                    while j < n, b[j].isDigit { j += 1 }
                    if j > s { j = b.storyNumberEnd(j, n) }
                    if j > s, b.isWordEnd(j, n) { return (Self.storyName(b, s, j), k) }
                }
                if b.matches("US", at: k, end: n) {
                    var j = k + 2
                    while j < n, b[j].isDigit { j += 1 }
                    if j > k + 2 { j = b.storyNumberEnd(j, n) }
                    let start = b.storyStart(at: k)
                    if j > k + 2, b.isWordEnd(j, n) { return (b.string(start, j), start) }
                }
            }
            k += 1
        }
        return nil
    }

    /// `"US" + b.string(s, j)`, written at once (a short name is a small
    /// String: no concatenation).
    static func storyName(_ b: Bytes, _ s: Int, _ j: Int) -> String {
        let n = j - s
        guard n <= 13, let base = b.baseAddress else { return "US" + b.string(s, j) }
        return String(unsafeUninitializedCapacity: n + 2) { buffer in
            buffer[0] = UInt8(ascii: "U")
            buffer[1] = UInt8(ascii: "S")
            for i in 0..<n { buffer[i + 2] = base[s + i] }
            return n + 2
        }
    }

    /// `(Priority: P2)`, `Priority P2` or a `(P2)` token: 2.
    /// Every form starts at a `p`, a `P` or a `(`: other bytes are passed,
    /// eight at a time where none of eight is one.
    /// `skipping: false` tries every byte (tests compare the two).
    func priority(in b: Bytes, skipping: Bool = true) -> Int? {
        let n = b.count
        var k = 0
        while k < n {
            // Every form starts at a `p`, a `P` or a `(`: other bytes are passed
            // at once (the titles of 2 000 phases are read here).
            if skipping {
                if k + 8 <= n, let base = b.baseAddress {
                    let v = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: k, as: UInt64.self))
                    let m = ByteChunk.zeroBytes((v | 0x2020_2020_2020_2020) ^ 0x7070_7070_7070_7070) | ByteChunk.zeroBytes(v ^ 0x2828_2828_2828_2828)
                    if m == 0 {
                        k += 8
                        continue
                    }
                    // To the first byte that is one (little-endian: the lowest).
                    k += m.trailingZeroBitCount >> 3
                }
                if b[k] | 0x20 != UInt8(ascii: "p"), b[k] != UInt8(ascii: "(") {
                    k += 1
                    continue
                }
            }
            var j = -1
            if b.matchesLowercase("priority", at: k, end: n) {
                j = k + 8
                // `Priority: P2`, `Priority - P3`, `Priority：P1`, `**Priority**: P1`.
                while j < n {
                    if b[j] == UInt8(ascii: ":") || b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "-")
                        || b[j] == UInt8(ascii: "=") || b[j].isSpaceOrTab
                    {
                        j += 1
                    } else if b.matches("：", at: j, end: n) || b.matches("–", at: j, end: n) || b.matches("—", at: j, end: n) {
                        j += 3
                    } else {
                        break
                    }
                }
            } else if b[k] == UInt8(ascii: "("), k + 1 < n, b[k + 1] == UInt8(ascii: "P") {
                j = k + 1
            } else if b[k] == UInt8(ascii: "P"), b.isWordStart(k, 0) {
                // A bare `P2` token (`**MVP P2**`).
                j = k
            }
            if j >= 0, j + 1 < n, b[j] == UInt8(ascii: "P") || b[j] == UInt8(ascii: "p"), b[j + 1].isDigit {
                var e = j + 1
                var value = 0
                while e < n, b[e].isDigit, e - j < 4 {
                    value = value * 10 + Int(b[e] &- 0x30)
                    e += 1
                }
                // A bare token joined by a hyphen to an ID (`[P17-T121-T131]`,
                // a link's text) is no priority; `P2-critical` is one.
                let joined = j == k && e + 2 < n && b[e] == UInt8(ascii: "-") && b[e + 1].isLetter && b[e + 2].isDigit
                if b.isWordEnd(e, n), !joined { return value }
            }
            k += 1
        }
        return nil
    }
}
