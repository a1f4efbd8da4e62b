/// The task ID grammar (DESIGN.md §1):
///
///     T -? [A-Z]* [0-9]{2,} ( [A-Za-z]* ( _[A-Za-z]+ )? | ( .[0-9]+ )+ )
///
/// `T012`, `T-HF02`, `T007a`, `T032A`, `T014a_new`, `T231.1`.
extension UnsafeBufferPointer where Element == UInt8 {
    /// The end of a task ID starting at `i`, or nil when none starts there.
    ///
    /// The byte before `i` is not looked at; callers check word starts. The ID
    /// must end at a word boundary (`T12a3` and `T1` are not IDs).
    /// - Complexity: O(length of the ID).
    func taskIDEnd(at i: Int, end: Int) -> Int? {
        guard i < end, self[i] == UInt8(ascii: "T") else { return nil }
        var j = i + 1
        if j < end, self[j] == UInt8(ascii: "-") { j += 1 }
        while j < end, self[j].isUpper { j += 1 }
        let digitsStart = j
        while j < end, self[j].isDigit { j += 1 }
        guard j - digitsStart >= 2 else { return nil }
        if j + 1 < end, self[j] == UInt8(ascii: "."), self[j + 1].isDigit {
            // Dotted numbers: T231.1, T1.2.3
            while j + 1 < end, self[j] == UInt8(ascii: "."), self[j + 1].isDigit {
                j += 1
                while j < end, self[j].isDigit { j += 1 }
            }
        } else {
            while j < end, self[j].isLetter { j += 1 }
            if j + 1 < end, self[j] == UInt8(ascii: "_"), self[j + 1].isLetter {
                j += 1
                while j < end, self[j].isLetter { j += 1 }
            }
        }
        guard isWordEnd(j, end) else { return nil }
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
