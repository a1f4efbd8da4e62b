import SpecKitTasks
import TaskScheduleRendering
import TaskScheduling
import Testing

/// A small RFC 4180 reader, to check the writer by reading its output back.
func readCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], cell = ""
    var quoted = false, wasQuoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" {
                    cell.append("\"")
                    chars.removeFirst()
                } else {
                    quoted = false
                }
            } else {
                cell.append(c)
            }
            continue
        }
        switch c {
        case "\"" where cell.isEmpty && !wasQuoted: quoted = true; wasQuoted = true
        case ",": row.append(cell); cell = ""; wasQuoted = false
        case "\r\n", "\n":
            row.append(cell)
            rows.append(row)
            row = []
            cell = ""
            wasQuoted = false
        default: cell.append(c)
        }
    }
    if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
    return rows
}

func plan(_ markdown: String, path: String = "specs/042-billing/tasks.md") -> Plan {
    Plan(SpecParser.parse(Array(markdown.utf8), path: path), options: PlanOptions(remaining: true))
}

@Suite struct CSVWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a, b", "\"a, b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("=1+2", "'=1+2"),
        ("+cmd", "'+cmd"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""),
        ("", ""),
    ])
    func cellsAreQuotedAndGuarded(input: String, expected: String) {
        #expect(CSVWriter.escape(input) == expected)
    }

    @Test func planRowsReadBackAsOneRowPerTask() {
        let p = plan("""
            ## Phase 1: Setup
            - [x] T001 Make the repo in src/app.py
            - [ ] T002 [US1] =cmd|' /C calc'!A0, with "quotes" in lib/a.py
            - [ ] T003 Write docs, after T002 (depends on T002)
            """)
        var w = ByteWriter()
        PlanCSV.render([p], into: &w)
        let rows = readCSV(String(w))
        #expect(rows.first == PlanCSV.header)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == PlanCSV.header.count })
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        // A finished task is listed without schedule cells.
        #expect(byID["T001"]?[3] == "done")
        #expect(byID["T001"]?[4] == "")
        #expect(byID["T002"]?[2] == "US1")
        #expect(byID["T002"]?[4] == "1")
        #expect(byID["T003"]?[9] == "T002")
        #expect(byID["T003"]?[4] == "2")
        #expect(byID["T003"]?[8] == "yes")
        #expect(byID["T002"]?[10] == "lib/a.py")
        #expect(rows.dropFirst().allSatisfy { $0[11] == "specs/042-billing/tasks.md" })
    }
}

@Suite struct FeatureStatusTests {
    static let tasks = """
        # Tasks

        ## Phase 1: Setup
        - [x] T001 Create the project (2h)
        - [~] T002 Drop the old build script
        - [ ] T003 Add lint settings (1h)

        ## Phase 2: Core
        - [x] T004 Ledger model in src/ledger.py (depends on T005)
        - [ ] T005 Money type in src/money.py (3h)
        - [/] T006 Invoice service in src/invoice.py (depends on T005) (4h)
        """

    @Test func countsReadyBlockedAndOutOfOrderWork() {
        let s = FeatureStatus(plan(Self.tasks))
        #expect(s.name == "042-billing")
        #expect(s.counts.done == 2)
        #expect(s.counts.skipped == 1)
        #expect(s.counts.remaining == 3)
        #expect(s.counts.inProgress == 1)
        #expect(s.counts.ready == 1)
        #expect(s.counts.blocked == 2)
        #expect(s.ready == ["T003"])
        #expect(s.estimated)
        // T003 (1h), then T005 (3h), then T006 (4h).
        #expect(s.remainingHours == 8)
        #expect(s.criticalPath == ["T003", "T005", "T006"])
        #expect(s.phases.map(\.counts.remaining) == [1, 2])
        #expect(s.phases.map(\.remainingHours) == [1, 7])
        #expect(s.outOfOrder == [FeatureStatus.OutOfOrder(task: "T004", openPredecessor: "T005", line: 9)])
    }

    @Test func lengthsWithoutEstimatesAreAssumed() {
        let s = FeatureStatus(plan("## Phase 1: A\n- [ ] T001 One\n- [ ] T002 Two\n"))
        #expect(!s.estimated)
        var w = ByteWriter()
        StatusText.render([.init(status: s)], phases: false, style: .text, into: &w)
        #expect(String(w).contains("2.0h assumed"))
    }

    @Test func tasksBeforeTheFirstPhaseHaveARowOfTheirOwn() {
        let s = FeatureStatus(plan("- [ ] T001 Warm up\n\n## Phase 1: Main\n- [x] T002 Work\n"))
        #expect(s.phases.map(\.title) == [FeatureStatus.untitledPhase, "Phase 1: Main"])
        #expect(s.phases.map(\.counts.remaining) == [1, 0])
    }

    @Test func featureNamesComeFromTheFolder() {
        #expect(FeatureStatus.featureName(of: "specs/001-auth/tasks.md") == "001-auth")
        #expect(FeatureStatus.featureName(of: "tasks.md") == "tasks.md")
        #expect(FeatureStatus.featureName(of: "./tasks.md") == "tasks.md")
        #expect(FeatureStatus.featureName(of: "plans/auth-tasks.md") == "auth-tasks.md")
        #expect(FeatureStatus.uniqueNames(of: ["a/specs/001-auth/tasks.md", "b/specs/001-auth/tasks.md", "specs/002-pay/tasks.md"])
            == ["a/specs/001-auth", "b/specs/001-auth", "002-pay"])
        #expect(FeatureStatus.uniqueNames(of: ["x/tasks.md", "x/tasks.md"]) == ["x", "x"])
    }

    @Test func changesSinceAnEarlierVersion() {
        let before = plan("""
            ## Phase 1: Setup
            - [ ] T001 Create the project
            - [x] T002 Add CI
            - [ ] T003 Remove me
            - [ ] T004 Write docs (depends on T003)
            """)
        let after = plan("""
            ## Phase 1: Setup
            - [x] T001 Create the project
            - [ ] T002 Add CI
            - [ ] T004 Write docs (depends on T001)
            - [ ] T005 Publish (depends on T004)
            """)
        let c = FeatureChange(since: "HEAD~1", before: before, after: after)
        #expect(c.added == ["T005"])
        #expect(c.removed == ["T003"])
        #expect(c.completed == ["T001"])
        #expect(c.reopened == ["T002"])
        #expect(c.dependenciesAdded.map { "\($0.from)>\($0.to)" } == ["T001>T004", "T004>T005"])
        #expect(c.dependenciesRemoved.map { "\($0.from)>\($0.to)" } == ["T003>T004"])
        #expect(!c.isEmpty)
        let none = FeatureChange(since: "v1", before: after, after: after)
        #expect(none.isEmpty)
    }

    @Test func statusCSVAndJSONCarryTheSameFigures() throws {
        let s = FeatureStatus(plan(Self.tasks))
        var csv = ByteWriter()
        StatusText.csv([.init(status: s)], phases: true, into: &csv)
        let rows = readCSV(String(csv))
        #expect(rows.count == 4)
        #expect(rows[1][0] == "042-billing")
        #expect(rows[1][4] == "3")
        #expect(rows[1][7] == "8.0")
        #expect(rows[2][1] == "Phase 1: Setup")
        var json = ByteWriter()
        StatusText.json([.init(status: s)], into: &json)
        #expect(String(json).contains("\"remainingCriticalPath\":8.0"))
        #expect(String(json).contains("\"outOfOrder\":[{\"task\":\"T004\",\"openPredecessor\":\"T005\",\"line\":9}]"))
    }
}

@Suite struct ReportHTMLTests {
    @Test func taskTextIsEscapedAndCannotLeaveTheScript() {
        let p = plan("""
            ## Phase 1: Setup
            - [ ] T001 Close </script><script>alert(1)</script> & <b>bold</b> see https://example.com/x
            """)
        var w = ByteWriter()
        ReportHTML.render([.init(plan: p, status: FeatureStatus(p))], into: &w)
        let html = String(w)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<b>bold"))
        #expect(html.components(separatedBy: "</script>").count == 3)  // the data blob and the script
        #expect(!html.contains("https://"))
        #expect(html.contains("&lt;b&gt;bold"))
    }

    @Test func inlineSVGKeepsOnlyNamespaceURLs() {
        let svg = """
            <?xml version="1.0"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:title="HTTPS://evil.test">x</a></svg>
            """
        let inline = ReportHTML.inlineSVG(svg)
        #expect(inline.hasPrefix("<svg "))
        #expect(!inline.contains("DTD"))
        #expect(inline.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(inline.contains("xmlns:xlink=\"http://www.w3.org/1999/xlink\""))
        #expect(inline.contains("HTTPS&#58;//evil.test"))
    }
}

/// `dependsOn` lists a group's predecessors for each of its successors, once
/// each, without a list per successor in memory.
@Suite struct GroupedDependsOnTests {
    @Test func eachSuccessorListsEveryPredecessorOnce() {
        var doc = SpecDocument(path: "g.md", phases: [Phase(index: 0, title: "", line: 0)])
        for i in 0..<6 {
            doc.tasks.append(SpecTask(id: "T00\(i)", location: SourceLocation(line: Int32(i + 1), column: 3), phase: 0, segment: 0, description: "t"))
        }
        let at = SourceLocation(line: 9, column: 1)
        doc.dependencies.append(TaskDependency(predecessor: 0, successor: 4, kind: .explicit, location: at))
        // Two groups naming T004 and T005, overlapping in T000 and T001.
        doc.dependencyGroups = [
            DependencyGroup(predecessors: [0, 1], successors: [4, 5], kind: .declared, location: at),
            DependencyGroup(predecessors: [1, 2, 3], successors: [4, 5], kind: .declared, location: at),
        ]
        let facts = PlanFacts(Plan(doc))
        #expect(Array(facts.writtenPredecessors(of: 4)) == [0, 1, 2, 3])
        #expect(Array(facts.writtenPredecessors(of: 5)) == [0, 1, 2, 3])
        #expect(Array(facts.writtenPredecessors(of: 0)).isEmpty)
    }
}
