/// The task ID grammar (docs/grammar.md, "Tasks"):
///
///     T -? [A-Z]* [0-9]{2,} ( [A-Za-z]* ( _[A-Za-z]+ )? | ( .[0-9]+ )+ )
///     T - [A-Z]+ [0-9]* - [0-9]{2,} ( … the same suffixes )
///
/// `T012`, `T-HF02`, `T007a`, `T032A`, `T014a_new`, `T231.1`; with an area
/// code between hyphens, `T-AVS-01`, `T-A1-001`.
extension UnsafeBufferPointer where Element == UInt8 {
    /// The end of a task ID starting at `i`, or nil when none starts there.
    ///
    /// The byte before `i` is not looked at; callers check word starts. The ID
    /// must end at a word boundary (`T12a3` and `T1` are not IDs).
    /// - Complexity: O(length of the ID).
    @inline(__always) func taskIDEnd(at i: Int, end: Int) -> Int? {
        guard i < end, self[i] == UInt8(ascii: "T") else { return nil }
        // The usual ID, `T` and two to seven digits ending the word
        // (`T000123 `), from one load of the eight bytes after the `T`:
        // anything else (letters, a dot, more digits, the buffer's end near)
        // takes the byte loop below, which gives the same end for this shape.
        if i + 9 <= count, let base = baseAddress {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + i + 1).loadUnaligned(as: UInt64.self))
            // The number of digit bytes at the start of `w` (8 when all are).
            let run = (~ByteInterner.digitBits(w) & 0x8080_8080_8080_8080).trailingZeroBitCount >> 3
            let j = i + 1 + run
            if run >= 2, run < 8, j <= end {
                if j == end { return j }
                let c = UInt8(truncatingIfNeeded: w >> UInt64(run << 3))
                if !c.isWordByte, c != UInt8(ascii: ".") { return j }
            }
        }
        return taskIDEndByBytes(at: i, end: end)
    }

    /// `taskIDEnd` one byte at a time (every shape of the grammar).
    /// - Precondition: `self[i]` is `T`, `i < end`.
    @inline(never) private func taskIDEndByBytes(at i: Int, end: Int) -> Int? {
        var j = i + 1
        let hyphen = j < end && self[j] == UInt8(ascii: "-")
        if hyphen { j += 1 }
        let lettersStart = j
        while j < end, self[j].isUpper { j += 1 }
        var digitsStart = j
        while j < end, self[j].isDigit { j += 1 }
        // An area code between hyphens: `T-AVS-01`, `T-A1-001`, `T-B-001`.
        if hyphen, digitsStart > lettersStart, j + 2 < end, self[j] == UInt8(ascii: "-"), self[j + 1].isDigit,
            self[j + 2].isDigit
        {
            j += 1
            digitsStart = j
            while j < end, self[j].isDigit { j += 1 }
        }
        guard j - digitsStart >= 2 else { return nil }
        if j + 1 < end, self[j] == UInt8(ascii: "."), self[j + 1].isDigit {
            // Dotted numbers: T231.1, T1.2.3
            j = dottedNumberEnd(j, end)
        } else {
            while j < end, self[j].isLetter { j += 1 }
            if j + 1 < end, self[j] == UInt8(ascii: "_"), self[j + 1].isLetter {
                j += 1
                while j < end, self[j].isLetter { j += 1 }
            }
        }
        // `__T006__`: underscore emphasis closing right after the ID.
        guard isWordEnd(j, end) || (j + 1 < end && self[j] == UInt8(ascii: "_") && self[j + 1] == UInt8(ascii: "_")) else { return nil }
        return j
    }

    /// The end of a task ID at `i` that also starts a word, or nil.
    @inline(__always) func referenceEnd(at i: Int, lo: Int, end: Int) -> Int? {
        guard i < end, self[i] == UInt8(ascii: "T"), isWordStart(i, lo) else { return nil }
        return taskIDEnd(at: i, end: end)
    }

    /// Whether the token at `i` looks like an attempt at a task ID without being
    /// one: `T1`, `T12a3`, `TXXX`, `T-`. Words like `TODO` or `The` are not.
    func looksLikeTaskID(at i: Int, end: Int) -> Bool {
        guard i < end, self[i] == UInt8(ascii: "T") else { return false }
        var j = i + 1
        if j < end, self[j] == UInt8(ascii: "-") { j += 1 }
        // Placeholders: TXXX, T-XXX, Txxx.
        var xs = 0
        while j + xs < end, self[j + xs] | 0x20 == UInt8(ascii: "x") { xs += 1 }
        if xs >= 2, isWordEnd(j + xs, end) || self[j + xs].isDigit { return true }
        while j < end, self[j].isUpper { j += 1 }
        return j < end && self[j].isDigit
    }
}

/// Worded task IDs (docs/grammar.md, "Tasks", shape 6): a word for "task" and a number.
///
///     word [" "] [prefix] number ( "." number )* [letter]
///                                                     Task 3, Task 1.2, 任务 1.1, タスク 1.2a, Task P1.1, Task I-1.2
///     "TASK-" digits                                  TASK-001
///
/// The word is a *task word* of the vocabulary table (`DependencyVocabulary`:
/// `Task`, `Tarea`, `Tarefa`, `任务`, `任務`, `タスク`, `Задача`), ASCII
/// letters in any case. Its ID is spelled one way whatever the case or
/// spacing written (`task 3`, `任务1.1` are `Task 3`, `任务 1.1`), so
/// references resolve however they are written.
extension UnsafeBufferPointer where Element == UInt8 {
    /// A worded ID at `i`: where its number starts, where it ends, and where
    /// its word ends (-1 for `TASK-001`). Nil when none starts there. The
    /// byte before `i` is not looked at.
    /// - Complexity: O(length of the ID).
    func wordedID(at i: Int, end: Int) -> (numberStart: Int, end: Int, wordEnd: Int)? {
        // `Task1` is no ID (an ASCII word ends at a word boundary); `任务1.1` needs no space.
        guard let wordEnd = DependencyVocabulary.taskWordEnd(self, i, end) else { return nil }
        var j = wordEnd
        // `TASK-001`, `TASK-0.1`: a hyphen and a number, dotted parts kept.
        if self[i] < 0x80, j + 1 < end, self[j] == UInt8(ascii: "-"), self[j + 1].isDigit {
            let s = j + 1
            j = s
            while j < end, self[j].isDigit { j += 1 }
            j = dottedNumberEnd(j, end)
            return isWordEnd(j, end) ? (s, j, -1) : nil
        }
        j = skipSpaces(j, end)
        let s = j
        // A short prefix of capitals before the number: `Task P1.1`, `Task
        // I-1.2`, `Task AB-3` (not a task ID, `Task T001`, nor a story, `Task US1`).
        var p = j
        while p < end, p - s < 3, self[p].isUpper { p += 1 }
        if p > s, p < end, !(p - s == 2 && self[s] == UInt8(ascii: "U") && self[s + 1] == UInt8(ascii: "S")),
            taskIDEnd(at: s, end: end) == nil
        {
            if self[p] == UInt8(ascii: "-"), p + 1 < end, self[p + 1].isDigit { p += 1 }
            if self[p].isDigit { j = p }
        }
        return taskNumberEnd(at: j, end: end).map { (s, $0, wordEnd) }
    }

    /// The end of a worded task's number at `j` (`3`, `1.2`, `1.2a`) that
    /// ends a word, or nil.
    func taskNumberEnd(at j: Int, end: Int) -> Int? {
        var j = j
        let digits = j
        while j < end, self[j].isDigit { j += 1 }
        guard j > digits else { return nil }
        j = dottedNumberEnd(j, end)
        if j < end, self[j].isLetter, isWordEnd(j + 1, end) { j += 1 }
        return isWordEnd(j, end) ? j : nil
    }

    /// The ID written at `lo..<hi` (a task ID or a worded ID), spelled as
    /// its task's ID: `T012` as written, `task  3` as `Task 3`.
    func taskIDString(_ lo: Int, _ hi: Int) -> String {
        guard lo < hi, self[lo] != UInt8(ascii: "T") || taskIDEnd(at: lo, end: hi) != hi,
            let (s, e, wordEnd) = wordedID(at: lo, end: hi), e == hi
        else { return string(lo, hi) }
        if wordEnd < 0 { return "TASK-" + string(s, e) }
        // The word capitalised: `task`, `TASK` → `Task`; `задача` → `Задача`;
        // a plural names the task as the singular does (`Tasks 8` is `Task 8`).
        var word = string(lo, wordEnd)
        if wordEnd - lo > 4, self[wordEnd - 1] | 0x20 == UInt8(ascii: "s"), self[lo] < 0x80 { word.removeLast() }
        return word.prefix(1).uppercased() + word.dropFirst().lowercased() + " " + string(s, e)
    }

    /// A task ID or (when `worded`) a worded ID at `i`: its end, or nil.
    @inline(__always) func anyTaskIDEnd(at i: Int, end: Int, worded: Bool) -> Int? {
        if let e = taskIDEnd(at: i, end: end) { return e }
        return worded ? wordedID(at: i, end: end)?.end : nil
    }
}
