import SpecGraphTestSupport
import Testing

/// Golden JSON files are pretty-printed by the test helper; the helper
/// changes white space outside strings and nothing else.
@Suite struct PrettyJSONTests {
    static let compact = #"{"a":[1,2.50,{"s":"x, {y}: [z] \"q\" \\"}],"e":{},"f":[],"n":null}"#

    @Test func placesOneMemberALine() {
        #expect(prettyPrintedJSON(Self.compact) == #"""
            {
              "a": [
                1,
                2.50,
                {
                  "s": "x, {y}: [z] \"q\" \\"
                }
              ],
              "e": {},
              "f": [],
              "n": null
            }

            """#)
    }

    @Test func isIdempotentAndChangesOnlyWhiteSpaceOutsideStrings() {
        let pretty = prettyPrintedJSON(Self.compact)
        #expect(prettyPrintedJSON(pretty) == pretty)
        #expect(pretty.filter { !$0.isNewline }.replacingSpaces() == Self.compact.replacingSpaces())
    }
}

extension String {
    /// Without spaces, inside strings too (both sides of a comparison lose the same ones).
    fileprivate func replacingSpaces() -> String { filter { $0 != " " } }
}
