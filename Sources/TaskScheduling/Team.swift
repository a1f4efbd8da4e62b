/// The people a schedule is made for, in order: person `i` is `names[i]`.
///
/// `--team 3` gives the people `1`, `2`, `3`; `--team ann,bo,cy` gives them names,
/// which task owners (`@ann`, `(owner: ann)`) are matched against, ignoring case.
public struct Team: Sendable, Hashable {
    public let names: [String]

    /// A team of named people.
    ///
    /// - Precondition: at least one name, no two equal ignoring case.
    public init(names: [String]) {
        precondition(!names.isEmpty, "a team has at least one person")
        self.names = names
    }

    /// A team of `size` people named `1`, `2`, ….
    public init(size: Int) {
        precondition(size >= 1, "a team has at least one person")
        self.names = (1...size).map { String($0) }
    }

    /// The number of people.
    @inlinable public var size: Int { names.count }

    /// Whether the people are numbered (`--team 3`) rather than named.
    public var isNumbered: Bool { names == (1...names.count).map { String($0) } }

    /// How to show a person in reports: `person 2` in a numbered team, else the name.
    public func displayName(_ person: Int) -> String {
        isNumbered ? "person \(names[person])" : names[person]
    }

    /// The person called `name`, ignoring case, or nil.
    ///
    /// - Complexity: O(team size).
    public func person(named name: String) -> Int32? {
        let key = Self.foldCase(name)
        for (i, n) in names.enumerated() where Self.foldCase(n) == key { return Int32(i) }
        return nil
    }

    /// The largest team `parse` accepts: beyond it a schedule is no longer a plan for people.
    public static let maximumSize = 1_000

    /// Reads a `--team` value: a positive count (`3`) or comma-separated names
    /// (`ann,bo,cy`; a leading `@` is dropped, spaces around names are trimmed).
    public static func parse(_ text: String) throws(TeamSpecError) -> Team {
        let trimmed = trim(text)
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            guard let n = Int(trimmed), n >= 1, n <= maximumSize else {
                throw TeamSpecError("--team \(text): a team has between 1 and \(maximumSize) people")
            }
            return Team(size: n)
        }
        // `-3`, `3.5`, `0x3`, `+2`, `1e3`: a number that is not a count of people,
        // never a person's name.
        if !trimmed.contains(","), looksNumeric(trimmed) {
            throw TeamSpecError(
                "--team \(text): a number of people is a whole number from 1 to \(maximumSize); names start with a letter (ann,bo,cy)")
        }
        var names: [String] = []
        var seen = Set<String>()
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            var name = trim(String(part))
            if name.hasPrefix("@") { name.removeFirst() }
            guard !name.isEmpty else {
                throw TeamSpecError("--team \(text): expected a number of people or names separated by commas (ann,bo,cy)")
            }
            guard !looksNumeric(name), !name.hasPrefix("-") else {
                throw TeamSpecError("--team \(text): \(name) is not a name; names start with a letter (ann,bo,cy)")
            }
            guard seen.insert(foldCase(name)).inserted else {
                throw TeamSpecError("--team \(text): \(name) is named twice")
            }
            names.append(name)
        }
        guard names.count <= maximumSize else {
            throw TeamSpecError("--team: at most \(maximumSize) people")
        }
        return Team(names: names)
    }

    /// Whether `s` reads as a number (`-3`, `+2`, `3.5`, `.5`, `0x3`, `1e3`)
    /// rather than a name: it starts with a digit, or with a sign or point and a digit.
    static func looksNumeric(_ s: String) -> Bool {
        let b = Array(s.utf8.prefix(2))
        guard let first = b.first else { return false }
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        if isDigit(first) { return true }
        let lead = first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        return lead && b.count > 1 && isDigit(b[1])
    }

    /// ASCII case folding: owner handles are ASCII in practice, and full Unicode
    /// folding would need Foundation.
    static func foldCase(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    static func trim(_ s: String) -> String {
        var sub = Substring(s)
        while let c = sub.first, c.isWhitespace { sub.removeFirst() }
        while let c = sub.last, c.isWhitespace { sub.removeLast() }
        return String(sub)
    }
}

/// A `--team` or `--sweep` value that cannot be read; the message says why.
public struct TeamSpecError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
