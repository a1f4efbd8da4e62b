/// Duration estimates (docs/grammar.md, "Estimates").
///
///     (2h)  [2h]  (~3d)  (est: 90m)  (estimate: 1.5d)  (est: 2h/4h/8h)
///     **Estimated Time**: 2 hours     Estimate: 3h
///     (2時間)   **预估工时**: 0.5 小时   **Estimated Time**: 約8時間
///
/// Units: m/min, h/hr/hours, d/days (8 h), w/weeks (5 d), and their
/// Chinese, Japanese and Korean words (`cjkUnit`). Results are in hours.
extension DocumentParser {
    /// The first estimate in the text and the span it covers.
    ///
    /// `from`: where to begin, for a caller that knows no estimate starts
    /// before it (`textTriggers`' first estimate trigger); words start
    /// relative to `lo` as ever.
    /// - Complexity: O(n); each candidate looks at a bounded number of bytes.
    /// `shapes: false` reads `(2h)` and `(est: 90m)` as any other estimate (tests compare).
    static func findEstimate(_ b: Bytes, _ lo: Int, _ hi: Int, from: Int? = nil, shapes: Bool = true) -> (Estimate, (Int, Int))? {
        var k = from ?? lo
        while k < hi {
            let c = b[k]
            // A bracket glued to a word holds no estimate (`opus-4.8[1m]`, `items[2d]`).
            if c == UInt8(ascii: "(") || c == UInt8(ascii: "["), k == lo || !b[k - 1].isAlnum {
                let close = c == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
                var j = b.skipSpaces(k + 1, hi)
                if j < hi, b[j] == UInt8(ascii: "~") { j += 1 }
                // Most estimates hold no keyword (`(2h)`): one byte rules it out.
                if j < hi, b[j] | 0x20 == UInt8(ascii: "e"), let after = estimateKeywordEnd(b, j, hi) { j = after }
                // The commonest shape, whole digits and a one-letter unit right
                // before the bracket (`(2h)`, `[3d]`, `(~1w)`, `(est: 90m)`):
                // what `durationOrThreePoint` and the bracket test read of it.
                if shapes, let (hours, q) = shapeDuration(b, j, hi) {
                    if b[q] == close { return (Estimate(hours: hours), (k, q + 1)) }
                    // Three points, each of the same shape, apart by `/` alone
                    // (`(est: 2h/5h/10h)`): what `durationOrThreePoint` reads of them.
                    if b[q] == UInt8(ascii: "/"), let (likely, q2) = shapeDuration(b, q + 1, hi), b[q2] == UInt8(ascii: "/"),
                        let (pessimistic, q3) = shapeDuration(b, q2 + 1, hi), b[q3] == close
                    {
                        return (Estimate(optimistic: hours, likely: likely, pessimistic: pessimistic), (k, q3 + 1))
                    }
                }
                if let (estimate, e) = durationOrThreePoint(b, j, hi) {
                    let end = b.skipSpaces(e, hi)
                    if end < hi, b[end] == close { return (estimate, (k, end + 1)) }
                }
            } else if (c | 0x20) == UInt8(ascii: "e"), b.isWordStart(k, lo), let after = estimateKeywordEnd(b, k, hi, field: startsField(b, k, lo)) {
                if let (estimate, e) = durationOrThreePoint(b, skipApproximation(b, after, hi), hi) { return (estimate, (k, e)) }
            } else if (c | 0x20) == UInt8(ascii: "d") || (c | 0x20) == UInt8(ascii: "e"), mayStartEffortKeyword(b, k, hi), b.isWordStart(k, lo),
                startsField(b, k, lo), let after = effortKeywordEnd(b, k, hi)
            {
                if let (estimate, e) = durationOrThreePoint(b, skipApproximation(b, after, hi), hi) { return (estimate, (k, e)) }
            } else if c >= 0xE0, let after = cjkEstimateKeywordEnd(b, k, hi) {
                if let (estimate, e) = durationOrThreePoint(b, skipApproximation(b, after, hi), hi) { return (estimate, (k, e)) }
            }
            k += 1
        }
        return nil
    }

    /// A duration after a spaced dash that ends the line `lo..<hi` (a task's
    /// first line: `… in src/x.ts - 1h`, `Wire the routes – 30 min`, `… —
    /// ~2.5h`), and its span. Nil when the line does not end so.
    /// - Complexity: O(the value's length) back from `hi`: a line that ends in
    ///   no unit after a digit is passed after a few bytes.
    static func trailingEstimate(_ b: Bytes, _ lo: Int, _ hi: Int) -> (Estimate, (Int, Int))? {
        var end = hi
        while end > lo, b[end - 1] == UInt8(ascii: " ") || b[end - 1] == UInt8(ascii: "\t") || b[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        // Back over the unit's letters and a blank to the number's last digit:
        // most lines end in a word or a path, and stop here.
        var k = end
        while k > lo, end - k < 8, b[k - 1].isLetter { k -= 1 }
        guard k < end, k > lo else { return nil }
        if b[k - 1] == UInt8(ascii: " ") { k -= 1 }
        guard k > lo, b[k - 1].isDigit else { return nil }
        while k > lo, b[k - 1].isDigit || b[k - 1] == UInt8(ascii: ".") { k -= 1 }
        let number = k
        if k > lo, b[k - 1] == UInt8(ascii: "~") { k -= 1 }
        // A spaced dash before it: ` - `, ` – `, ` — `.
        guard k - lo >= 4, b[k - 1] == UInt8(ascii: " ") else { return nil }
        var dash = k - 2
        if b[dash] != UInt8(ascii: "-") {
            dash = k - 4
            guard dash >= lo, b.matches("–", at: dash, end: k) || b.matches("—", at: dash, end: k) else { return nil }
        }
        guard dash > lo, b[dash - 1] == UInt8(ascii: " "), let (hours, e) = duration(b, number, end), e == end else { return nil }
        return (Estimate(hours: hours), (dash, end))
    }

    /// The commonest duration's shape at `j`: whole digits (nine at most)
    /// and a one-letter unit (`2h`, `90m`), then a byte before `hi` (not
    /// looked at): the hours, as `duration` reads them, and where that byte is.
    @inline(__always) static func shapeDuration(_ b: Bytes, _ j: Int, _ hi: Int) -> (Double, Int)? {
        var value = 0.0
        var q = j
        while q < hi, b[q].isDigit, q - j < 9 {
            value = value * 10 + Double(b[q] &- 0x30)
            q += 1
        }
        guard q > j, q + 1 < hi else { return nil }
        let factor: Double
        switch b[q] | 0x20 {
        case UInt8(ascii: "m"): factor = 1.0 / 60
        case UInt8(ascii: "h"): factor = 1
        case UInt8(ascii: "d"): factor = 8
        case UInt8(ascii: "w"): factor = 40
        default: return nil
        }
        return (value * factor, q + 1)
    }

    /// After `est:`, `estimate:`, `**Estimated Time**:`, `Estimated effort -` …: where the value starts.
    /// `quick: false` reads `est:` and `estimate:` as any other keyword (tests compare).
    ///
    /// `field`: the word starts a field (`startsField`); the Spanish,
    /// Portuguese and French forms count only there (`Timeout estimado: 2
    /// dias` states no estimate).
    static func estimateKeywordEnd(_ b: Bytes, _ k: Int, _ hi: Int, quick: Bool = true, field: Bool = true) -> Int? {
        guard b.matchesLowercase("est", at: k, end: hi) else { return nil }
        var j = k + 3
        // The commonest keywords, `est:` and `estimate:`, go straight to the colon.
        if quick, j < hi {
            if b[j] == UInt8(ascii: ":") { return afterColons(b, j, hi) }
            if j + 5 < hi, b[j + 5] == UInt8(ascii: ":"), b.matchesLowercase("imate", at: j, end: hi) { return afterColons(b, j + 5, hi) }
        }
        // `est.` is an abbreviation: `(Est. 1.5h)` needs no colon.
        let abbreviated = b.matchesLowercase(".", at: j, end: hi)
        // A suffix (`imated`, `imate`, Spanish, Portuguese and French
        // `imación`, `imativa`, `imado`, `imation`, or `.`), then a word
        // (`time`, `effort`, `duration`, `hours`): compared in place.
        if b.matchesLowercase("imated", at: j, end: hi) {
            j += 6
        } else if b.matchesLowercase("imate", at: j, end: hi) {
            j += 5
        } else if abbreviated {
            j += 1
        } else if field, let suffix = ["imación", "imacion", "imativa", "imation", "imado", "imada"].first(where: { b.matchesLowercase($0, at: j, end: hi) }) {
            j += suffix.utf8CodeUnitCount
        }
        guard b.isWordEnd(j, hi) || b[j] == UInt8(ascii: "*") else { return nil }
        j = b.skipSpaces(j, hi)
        if b.matchesLowercase("time", at: j, end: hi) {
            j += 4
        } else if b.matchesLowercase("effort", at: j, end: hi) {
            j += 6
        } else if b.matchesLowercase("duration", at: j, end: hi) {
            j += 8
        } else if b.matchesLowercase("hours", at: j, end: hi) {
            j += 5
        }
        var sawColon = false
        while j < hi {
            let c = b[j]
            if c == UInt8(ascii: ":") || c == UInt8(ascii: "=") {
                sawColon = true
            } else if !(c == UInt8(ascii: "*") || c == UInt8(ascii: "~") || c.isSpaceOrTab) {
                break
            }
            j += 1
        }
        return sawColon || abbreviated ? j : nil
    }

    /// The estimate keywords of other scripts, each followed by a colon
    /// (`**预估工时**: 0.5 小时`, `見積もり：2時間`, `예상 시간: 3시간`); longer
    /// words first, so that `预估工时` is not read as `预估`.
    static let cjkEstimateKeywords: [StaticString] = [
        "推定時間", "推定工数", "見込み時間", "推定", "预估工时", "预估时间", "预估耗时", "预计工时", "预计时间", "预计耗时", "估计工时", "估计时间", "預估工時", "預估時間",
        "預計工時", "預計時間", "所要時間", "見積もり", "見積り", "予定工数", "見積", "工数", "预估", "预计", "預估", "預計",
        "估时", "工时", "工時", "耗时", "예상 시간", "예상시간", "소요 시간", "예상",
    ]

    /// The first characters of `cjkEstimateKeywords`, each as its three
    /// UTF-8 bytes in one value (every keyword starts with a 3-byte character).
    static let cjkEstimateFirstCharacters: [UInt32] = {
        var firsts: [UInt32] = []
        for word in cjkEstimateKeywords {
            let p = word.utf8Start
            let value = UInt32(p[0]) << 16 | UInt32(p[1]) << 8 | UInt32(p[2])
            if !firsts.contains(value) { firsts.append(value) }
        }
        return firsts
    }()

    /// Whether `c` is the first byte of one of `cjkEstimateKeywords` (the
    /// estimate trigger of `textTriggers` looks at such bytes).
    static func isEstimateLeadByte(_ c: UInt8) -> Bool {
        cjkEstimateKeywords.contains { $0.utf8Start[0] == c }
    }

    /// After a keyword of `cjkEstimateKeywords` at `k` and its colon (`:` or
    /// `：`, with `*` and blanks around it): where the value starts; nil
    /// when no such keyword and colon stand there.
    static func cjkEstimateKeywordEnd(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
        // The trigger pass asks at every character of another script: one
        // compare of its first three bytes rules out almost all of them.
        guard k + 3 <= hi else { return nil }
        let first = UInt32(b[k]) << 16 | UInt32(b[k + 1]) << 8 | UInt32(b[k + 2])
        guard cjkEstimateFirstCharacters.contains(first),
            let word = cjkEstimateKeywords.first(where: { b.matches($0, at: k, end: hi) })
        else { return nil }
        var j = k + word.utf8CodeUnitCount
        var sawColon = false
        while j < hi {
            if b[j] == UInt8(ascii: ":") {
                sawColon = true
                j += 1
            } else if b.matches("：", at: j, end: hi) {
                sawColon = true
                j += 3
            } else if b[j] == UInt8(ascii: "*") || b[j].isSpaceOrTab {
                j += 1
            } else {
                break
            }
        }
        return sawColon ? j : nil
    }

    /// Past a word for "about" before a value (`~3.5h`, `約8時間`, `约 2 小时`, `～3h`).
    static func skipApproximation(_ b: Bytes, _ j: Int, _ hi: Int) -> Int {
        if j < hi, b[j] == UInt8(ascii: "~") { return b.skipSpaces(j + 1, hi) }
        guard j < hi, b[j] >= 0xE0 else { return j }
        for word: StaticString in ["大约", "大約", "约", "約", "～", "≈"] where b.matches(word, at: j, end: hi) {
            return b.skipSpaces(j + word.utf8CodeUnitCount, hi)
        }
        return j
    }

    /// A unit of another script at `j` (`時間`, `小时`, `天`, `시간`), as hours
    /// per unit, and where it ends. Longer words first (`週間` before `週`).
    static func cjkUnit(_ b: Bytes, _ j: Int, _ hi: Int) -> (Double, Int)? {
        let units: [(StaticString, Double)] = [
            ("个小时", 1), ("個小時", 1), ("小时", 1), ("小時", 1), ("時間", 1), ("시간", 1),
            ("分钟", 1.0 / 60), ("分鐘", 1.0 / 60), ("分", 1.0 / 60), ("분", 1.0 / 60),
            ("人日", 8), ("人天", 8), ("天", 8), ("日", 8), ("일", 8),
            ("週間", 40), ("周", 40), ("週", 40), ("주", 40),
        ]
        for (word, hours) in units where b.matches(word, at: j, end: hi) { return (hours, j + word.utf8CodeUnitCount) }
        return nil
    }

    /// Words for effort or duration that name an estimate when a colon
    /// follows them (`**Duration**: 0.5 days`, `Effort: 2h`, `Duración: 1d`,
    /// `Esforço: 3 horas`); each starts with `du`, `ef` or `es` (the
    /// estimate trigger of `textTriggers` looks at those word starts).
    static let effortKeywords: [StaticString] = [
        "duration", "durée", "duración", "duracion", "duração", "duracao", "effort", "esfuerzo", "esforço", "esforco",
    ]

    /// After a word of `effortKeywords` at `k` and its colon (with `*` and
    /// blanks around it): where the value starts; nil without the colon.
    static func effortKeywordEnd(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
        guard let word = effortKeywords.first(where: { b.matchesLowercase($0, at: k, end: hi) }) else { return nil }
        var j = k + word.utf8CodeUnitCount
        guard b.isWordEnd(j, hi) else { return nil }
        while j < hi, b[j] == UInt8(ascii: "*") || b[j].isSpaceOrTab { j += 1 }
        guard j < hi, b[j] == UInt8(ascii: ":") else { return nil }
        return afterColons(b, j, hi)
    }

    /// Whether the word at `k` starts a field: the text's or a line's first
    /// word (after a list marker or a table bar), or a bold one
    /// (`**Duration**:`); `Set session duration: 30 minutes` has none.
    static func startsField(_ b: Bytes, _ k: Int, _ lo: Int) -> Bool {
        var j = k
        if j > lo, b[j - 1] == UInt8(ascii: "*") || b[j - 1] == UInt8(ascii: "_") { return true }
        while j > lo, b[j - 1].isSpaceOrTab { j -= 1 }
        guard j > lo else { return true }
        let c = b[j - 1]
        if c == 0x0A || c == UInt8(ascii: "|") { return true }
        // A list marker that starts its line.
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: "*") else { return false }
        var m = j - 1
        while m > lo, b[m - 1].isSpaceOrTab { m -= 1 }
        return m == lo || b[m - 1] == 0x0A
    }

    /// Whether an effort keyword may start at `k` (its first two letters).
    @inline(__always) static func mayStartEffortKeyword(_ b: Bytes, _ k: Int, _ hi: Int) -> Bool {
        guard k + 1 < hi else { return false }
        let c = b[k] | 0x20
        let d = b[k + 1] | 0x20
        return (c == UInt8(ascii: "d") && d == UInt8(ascii: "u")) || (c == UInt8(ascii: "e") && (d == UInt8(ascii: "f") || d == UInt8(ascii: "s")))
    }

    /// Past the colon at `j` and the colons, `=`, `*`, `~` and blanks after it.
    @inline(__always) static func afterColons(_ b: Bytes, _ j: Int, _ hi: Int) -> Int {
        var j = j + 1
        while j < hi {
            let c = b[j]
            guard c == UInt8(ascii: ":") || c == UInt8(ascii: "=") || c == UInt8(ascii: "*") || c == UInt8(ascii: "~") || c.isSpaceOrTab
            else { break }
            j += 1
        }
        return j
    }

    /// `2h` or `2h/4h/8h` at `k`; the estimate and where it ends.
    static func durationOrThreePoint(_ b: Bytes, _ k: Int, _ hi: Int) -> (Estimate, Int)? {
        guard let (first, e1) = duration(b, k, hi) else { return nil }
        var j = b.skipSpaces(e1, hi)
        if j < hi, b[j] == UInt8(ascii: "/") || b[j] == UInt8(ascii: "-") {
            if let (second, e2) = duration(b, b.skipSpaces(j + 1, hi), hi) {
                j = b.skipSpaces(e2, hi)
                if j < hi, b[j] == UInt8(ascii: "/") || b[j] == UInt8(ascii: "-"),
                    let (third, e3) = duration(b, b.skipSpaces(j + 1, hi), hi)
                {
                    return (Estimate(optimistic: first, likely: second, pessimistic: third), e3)
                }
            }
        }
        return (Estimate(hours: first), e1)
    }

    /// A number and a unit (`90m`, `1.5 d`, `2 hours`), in hours, and where it ends.
    static func duration(_ b: Bytes, _ k: Int, _ hi: Int) -> (Double, Int)? {
        var j = k
        var value = 0.0
        var digits = 0
        while j < hi, b[j].isDigit, digits < 9 {
            value = value * 10 + Double(b[j] &- 0x30)
            j += 1
            digits += 1
        }
        guard digits > 0 else { return nil }
        if j + 1 < hi, b[j] == UInt8(ascii: "."), b[j + 1].isDigit {
            j += 1
            var scale = 0.1
            var fraction = 0
            while j < hi, b[j].isDigit, fraction < 9 {
                value += Double(b[j] &- 0x30) * scale
                scale /= 10
                j += 1
                fraction += 1
            }
        }
        j = b.skipSpaces(j, hi)
        guard let (factor, e) = j < hi && b[j] >= 0xE0 ? cjkUnit(b, j, hi) : unit(b, j, hi) else { return nil }
        return (value * factor, e)
    }

    /// The unit word at `j` (`m`, `mins`, `hours`, `d`, `wks`: one of
    /// `Vocabulary.units`, any case) as hours per unit, and where it ends.
    ///
    /// A unit is a whole word: the word at `j` (its letters, digits and `_`)
    /// is looked up as one packed value, not compared with every unit in turn.
    @inline(__always) static func unit(_ b: Bytes, _ j: Int, _ hi: Int) -> (Double, Int)? {
        var e = j
        var packed: UInt64 = 0
        while e < hi, e - j < 8, b[e].isWordByte {
            packed = packed << 8 | UInt64(b[e].lowercased)
            e += 1
        }
        guard e > j, b.isWordEnd(e, hi) else { return nil }
        // The words of `Vocabulary.units`, packed big-endian (`hr` is 0x6872).
        switch packed {
        case 0x6d, 0x6d696e, 0x6d696e73, 0x6d696e757465, 0x6d696e75746573: return (1.0 / 60, e)
        case 0x68, 0x6872, 0x687273, 0x686f7572, 0x686f757273: return (1, e)
        case 0x64, 0x646179, 0x64617973: return (8, e)
        case 0x77, 0x776b, 0x776b73, 0x7765656b, 0x7765656b73: return (40, e)
        // Spanish and Portuguese `hora(s)`, `dia(s)`, `semana(s)`, `minuto(s)`;
        // French `heure(s)`, `jour(s)` (`días`, `día` stop at `í` and read as `d`).
        case 0x686f7261, 0x686f726173, 0x6865757265, 0x686575726573: return (1, e)
        case 0x6d696e75746f, 0x6d696e75746f73: return (1.0 / 60, e)
        case 0x646961, 0x64696173, 0x6a6f7572, 0x6a6f757273: return (8, e)
        case 0x73656d616e61, 0x73656d616e6173: return (40, e)
        default: return nil
        }
    }
}
