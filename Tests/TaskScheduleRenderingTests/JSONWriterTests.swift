import TaskScheduleRendering
import Testing

/// The JSON writer places every comma itself, also around values that a raw
/// writer (one that writes bytes and its own commas) puts in between.
@Suite struct JSONWriterTests {
    func written(_ body: (inout ByteWriter) -> Void) -> String {
        var w = ByteWriter()
        body(&w)
        return String(w)
    }

    @Test func nestedContainersGetCommasOnlyBetweenTheirElements() {
        let text = written { w in
            w.jsonObject { w in
                w.jsonMember("a", 1)
                w.jsonMember("b") { w in
                    w.jsonArray { w in
                        w.jsonValue("x\"y")
                        w.jsonArray { _ in }
                        w.jsonObject { w in w.jsonMember("c", true) }
                        w.jsonNull()
                    }
                }
                w.jsonMember("d", 2.5)
                w.jsonMember("e") { $0.jsonObject { _ in } }
            }
        }
        #expect(text == #"{"a":1,"b":["x\"y",[],{"c":true},null],"d":2.5,"e":{}}"#)
    }

    @Test func rawValuesAndWritersInsideThemKeepTheirOwnCommas() {
        let text = written { w in
            w.jsonArray { w in
                w.jsonValue(raw: { w in
                    // A raw writer that calls the JSON writer for one member's value.
                    w.write("{\"source\":\"a.md\",\"inner\":" as StaticString)
                    w.jsonObject { w in w.jsonMember("k", 1); w.jsonMember("l", 2) }
                    w.write("}" as StaticString)
                })
                w.jsonValue(raw: { $0.write("7" as StaticString) })
                w.jsonValue(3)
            }
        }
        #expect(text == #"[{"source":"a.md","inner":{"k":1,"l":2}},7,3]"#)
    }

    @Test(arguments: [(0, "\n"), (1, "{\"i\":0}\n"), (2, "[{\"i\":0},{\"i\":1}]\n")])
    func oneValuePerFileIsAnArrayOnlyForSeveralFiles(count: Int, expected: String) {
        let text = written { w in
            w.jsonPerFile(count) { i, w in w.jsonObject { $0.jsonMember("i", i) } }
        }
        #expect(text == expected)
    }
}
