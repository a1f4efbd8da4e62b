/// Inline Markdown as a reader sees it rendered, for labels in pictures where
/// no Markdown renderer runs: a code span loses its backticks, `**bold**` → `bold`,
/// `__bold__` → `bold`, `~~gone~~` → `gone`, `[text](url)` and
/// `![alt](src)` → the text.
///
/// Only what the author paired is removed: a lone `**`, an unclosed
/// backtick, `[US1]` without a `(url)`, and underscores inside a word
/// (`snake__case`, `__init__.py`) stay as written. Text inside a code span is
/// kept verbatim.
public enum InlineMarkdown {
    /// `text` with inline Markdown markup removed.
    ///
    /// - Complexity: O(n²) at worst for n characters (each opening delimiter
    ///   looks ahead for its partner); labels are short.
    public static func plain(_ text: String) -> String {
        guard text.contains(where: { "`*_~[".contains($0) }) else { return text }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "`" {
                let run = runLength(chars, i, "`")
                if let close = closingRun(chars, from: i + run, of: "`", length: run) {
                    var code = String(chars[(i + run)..<close])
                    // CommonMark strips one space on each side of a padded code span.
                    if code.count >= 2, code.first == " ", code.last == " ", code.contains(where: { $0 != " " }) {
                        code = String(code.dropFirst().dropLast())
                    }
                    out += code
                    i = close + run
                } else {
                    out += String(repeating: "`", count: run)
                    i += run
                }
                continue
            }
            if (c == "*" || c == "~" || c == "_"), i + 1 < chars.count, chars[i + 1] == c,
                let inner = pairedDelimiter(chars, i, c)
            {
                out += plain(String(chars[(i + 2)..<inner]))
                i = inner + 2
                continue
            }
            if c == "[" || (c == "!" && i + 1 < chars.count && chars[i + 1] == "["), let link = link(chars, c == "!" ? i + 1 : i) {
                out += plain(link.text)
                i = link.end
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    private static func runLength(_ chars: [Character], _ i: Int, _ c: Character) -> Int {
        var j = i
        while j < chars.count, chars[j] == c { j += 1 }
        return j - i
    }

    /// The start of the next run of exactly `length` `c`s at or after `from`.
    private static func closingRun(_ chars: [Character], from: Int, of c: Character, length: Int) -> Int? {
        var j = from
        while j < chars.count {
            if chars[j] == c {
                let run = runLength(chars, j, c)
                if run == length { return j }
                j += run
            } else {
                j += 1
            }
        }
        return nil
    }

    /// For a doubled delimiter (`**`, `~~`, `__`) at `i`, the index of its
    /// closing pair: text right inside both ends is not blank, and `__` only
    /// pairs at word boundaries.
    private static func pairedDelimiter(_ chars: [Character], _ i: Int, _ c: Character) -> Int? {
        let open = i + 2
        guard open < chars.count, !chars[open].isWhitespace, chars[open] != c else { return nil }
        if c == "_", i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber { return nil }
        var j = open
        while j + 1 < chars.count {
            if j > open, chars[j] == c, chars[j + 1] == c, !chars[j - 1].isWhitespace {
                let after = j + 2 < chars.count ? chars[j + 2] : " "
                if c != "_" || !(after.isLetter || after.isNumber || after == ".") {
                    return j
                }
            }
            if chars[j] == "`" {
                // A code span inside (`**`code`**`) is stepped over whole: a
                // delimiter in it is code, not the closing one.
                let run = runLength(chars, j, "`")
                if let close = closingRun(chars, from: j + run, of: "`", length: run) {
                    j = close + run
                    continue
                }
                j += run
                continue
            }
            j += 1
        }
        return nil
    }

    /// `[text](destination)` starting at `i` (the `[`): its text and the index after `)`.
    private static func link(_ chars: [Character], _ i: Int) -> (text: String, end: Int)? {
        var depth = 0
        var j = i
        var close: Int?
        while j < chars.count {
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" {
                depth -= 1
                if depth == 0 {
                    close = j
                    break
                }
            }
            j += 1
        }
        guard let close, close + 1 < chars.count, chars[close + 1] == "(" else { return nil }
        var k = close + 2
        var parens = 1
        while k < chars.count {
            if chars[k] == "(" { parens += 1 }
            if chars[k] == ")" {
                parens -= 1
                if parens == 0 { break }
            }
            k += 1
        }
        guard k < chars.count else { return nil }
        return (String(chars[(i + 1)..<close]), k + 1)
    }
}
