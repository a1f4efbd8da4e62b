import Foundation
import Testing

/// Hostile command lines, inputs and outputs, through the built binary: every
/// request bounded, every write checked, nothing hostile passed through.
@Suite struct HardeningCommandTests {
    static let example = "Examples/auth-service/tasks.md"

    /// Runs `script` with `sh -c` in `directory`; `$SG` is the binary, `$EX` the example.
    static func shell(_ script: String, in directory: URL = SpecGraphBinary.packageRoot) throws -> SpecGraphBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory
        return try SpecGraphBinary.launch(process, environment: [
            "SG": SpecGraphBinary.url.path,
            "EX": SpecGraphBinary.packageRoot.appendingPathComponent(example).path,
        ])
    }

    // MARK: numeric options

    @Test(arguments: [
        (["critical-path", "--limit=-1"], "--limit -1"),
        (["critical-path", "--limit", "-1"], "--limit -1"),
        (["assign", "--team", "2", "--default-duration", "1e20"], "--default-duration"),
        (["plan", "--default-duration", "1e308"], "--default-duration"),
        (["plan", "--default-duration", "-1"], "--default-duration"),
        (["plan", "--default-duration", "nan"], "--default-duration"),
        (["plan", "--team=-3"], "--team -3"),
        (["plan", "--team", "-3"], "--team -3"),
        (["assign", "--team", "3.5"], "--team 3.5"),
        (["assign", "--team", "0x3"], "--team 0x3"),
        (["why", ""], "Name the task"),
        (["why", "  "], "Name the task"),
        (["graph", "--format", "dot", "--focus", "T001", "--depth", "1000000"], "--depth 1000000"),
        (["graph", "--format", "dot", "--depth", "-2"], "--depth -2"),
        (["plan", "--simulate", "-5"], "--simulate"),
        (["plan", "--max-input", "0"], "--max-input"),
        (["plan", "--max-input", "-1"], "--max-input"),
    ] as [([String], String)])
    func badNumbersAreUsageErrors(_ args: [String], _ message: String) throws {
        let r = try SpecGraphBinary.run(args + [Self.example])
        #expect(r.code == 64, "\(args)")
        #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        #expect(!r.stderr.contains("Missing value"))
    }

    /// `why tasks.md T042`, the file first: a usage error that says the right order.
    @Test func whyWithTheFileFirstSaysTheOrder() throws {
        let r = try SpecGraphBinary.run(["why", Self.example, "T010"])
        #expect(r.code == 64)
        #expect(r.stderr.contains("\(Self.example) is a file, not a task ID"), "\(r.stderr)")
        #expect(r.stderr.contains("specgraph why T010 \(Self.example)"))
        // The right order still works, and a task ID that is no file is not taken for one.
        #expect(try SpecGraphBinary.run(["why", "T010", Self.example]).code == 0)
    }

    @Test(arguments: [["--tasks", "-1"], ["--tasks", "50000001"], ["--tasks", "10", "--stories", "11"], ["--tasks", "10", "--stories", "-1"]])
    func generateRefusesSizesItCannotMake(_ args: [String]) throws {
        let r = try SpecGraphBinary.run(["generate"] + args)
        #expect(r.code == 64)
        #expect(r.stdout.isEmpty)
    }

    @Test func hugeEstimatesDrawAndPrintFiniteTimes() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tasks.md")
        try "## Phase 1\n- [ ] T001 Build (999999999w)\n- [ ] T002 Ship (est: 1h/2h/999999999w) (depends on T001)\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let gantt = dir.appendingPathComponent("g.svg").path
        let assign = try SpecGraphBinary.run(["assign", "--team", "2", "--gantt", gantt, file.path])
        #expect(assign.code == 0)
        #expect(FileManager.default.fileExists(atPath: gantt))
        for args in [["plan"], ["why", "T002"], ["assign", "--sweep", "1..3"], ["plan", "--deadline", "40h", "--simulate", "50"]] {
            let r = try SpecGraphBinary.run(args + [file.path])
            #expect(r.code == 0, "\(args)")
            #expect(!r.stdout.contains("null") && !r.stdout.contains("nan") && !r.stdout.contains("inf"), "\(args)")
        }
    }

    @Test func theMonteCarloWithABigTeamGraphRunsFewerTimesAndSaysSo() throws {
        let r = try Self.shell("$SG generate --tasks 3000 --seed 2 | $SG plan --simulate 10000000 --format json -")
        #expect(r.code == 0)
        #expect(r.stderr.contains("Monte Carlo runs instead of 10000000"))
    }

    /// 100 times the tasks, about 100 MB of output, and no more memory: the
    /// document streams out in chunks instead of being held whole.
    @Test func generateStreamsItsDocument() throws {
        func peak(_ tasks: Int) throws -> (kilobytes: Int, bytes: Int) {
            let r = try Self.shell("/usr/bin/time -o /dev/stderr -f '%M' $SG generate --tasks \(tasks) | wc -c")
            #expect(r.code == 0)
            let kb = Int(r.stderr.split(separator: "\n").last.map(String.init) ?? "") ?? -1
            return (kb, Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
        }
        let small = try peak(10_000)
        let large = try peak(1_000_000)
        #expect(large.bytes > 90_000_000)
        #expect(small.kilobytes > 0)
        #expect(large.kilobytes < small.kilobytes + 20_000, "\(small) \(large)")
    }

    // MARK: writes checked

    @Test(arguments: ["plan", "check", "next", "waves"])
    func aFullDiskUnderStdoutIsExitTwo(_ command: String) throws {
        let r = try Self.shell("$SG \(command) --format json \"$EX\" > /dev/full")
        #expect(r.code == 2)
        #expect(r.stderr.components(separatedBy: "cannot write to standard output").count == 2)
        #expect(r.stderr.contains("No space left on device"))
    }

    @Test func aClosedStdoutIsExitTwo() throws {
        let r = try Self.shell("$SG plan \"$EX\" >&-")
        #expect(r.code == 2)
        #expect(r.stderr.contains("cannot write to standard output"))
        let generated = try Self.shell("$SG generate --tasks 100 >&-")
        #expect(generated.code == 2)
    }

    @Test func unreadableEntriesOfADirectoryAreErrors() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hidden = dir.appendingPathComponent("specs/002-locked")
        try FileManager.default.createDirectory(at: hidden, withIntermediateDirectories: true)
        let example = try Data(contentsOf: SpecGraphBinary.packageRoot.appendingPathComponent(Self.example))
        try example.write(to: dir.appendingPathComponent("specs/tasks.md"))
        try example.write(to: hidden.appendingPathComponent("tasks.md"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        chmod(hidden.path, 0)
        defer { chmod(hidden.path, 0o755) }
        // Root reads anything: drop to an unprivileged user for the run.
        let asUser = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        for format in ["text", "github"] {
            let r = try Self.shell("\(asUser)$SG check --format \(format) specs", in: dir)
            #expect(r.code == 2, "\(format): \(r.stderr)")
            #expect(r.stderr.contains("specs/002-locked: error: cannot read this directory"))
            #expect(r.stderr.contains("[unreadable]"))
            if format == "github" {
                #expect(r.stdout.contains("::error file=specs/002-locked,title=unreadable::"))
            }
        }
    }

    @Test func dashReadsStandardInput() throws {
        let example = try Data(contentsOf: SpecGraphBinary.packageRoot.appendingPathComponent(Self.example))
        let r = try SpecGraphBinary.run(["plan", "--format", "json", "-"], stdin: example)
        #expect(r.code == 0)
        let object = try #require(JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        #expect(object["source"] as? String == "<stdin>")
        let file = try SpecGraphBinary.run(["plan", "--format", "json", Self.example])
        let fileObject = try #require(JSONSerialization.jsonObject(with: file.stdoutBytes) as? [String: Any])
        #expect((object["tasks"] as? [Any])?.count == (fileObject["tasks"] as? [Any])?.count)
    }

    /// An endless input stops at the limit; a regular file over it is refused
    /// before it is read.
    @Test func inputsLargerThanTheLimitAreRefused() throws {
        let zero = try SpecGraphBinary.run(["check", "--max-input", "200000", "/dev/zero"])
        #expect(zero.code == 2)
        #expect(zero.stderr.contains("/dev/zero: error: larger than the input limit of 200000 bytes"))
        #expect(zero.stderr.contains("--max-input"))
        let small = try SpecGraphBinary.run(["check", "--max-input", "1000", Self.example])
        #expect(small.code == 2)
        #expect(small.stderr.contains("larger than the input limit of 1000 bytes"))
        let fits = try SpecGraphBinary.run(["check", "--max-input", "1000000", Self.example])
        #expect(fits.code == 0)
    }

    /// A regular file is read straight into its array: one of exactly the
    /// limit is read whole (the same tasks as through standard input), one
    /// byte more is refused.
    @Test func aFileOfExactlyTheLimitIsReadWhole() throws {
        let example = try Data(contentsOf: SpecGraphBinary.packageRoot.appendingPathComponent(Self.example))
        let exact = try SpecGraphBinary.run(["plan", "--format", "json", "--max-input", "\(example.count)", Self.example])
        #expect(exact.code == 0, "\(exact.stderr)")
        let piped = try SpecGraphBinary.run(["plan", "--format", "json", "-"], stdin: example)
        // The same plan but for its source (`<` and `>` escaped in JSON).
        let fromFile = String(decoding: exact.stdoutBytes, as: UTF8.self)
            .replacingOccurrences(of: "\"source\":\"\(Self.example)\"", with: "\"source\":\"\\u003cstdin\\u003e\"")
        let same = fromFile == String(decoding: piped.stdoutBytes, as: UTF8.self)
        #expect(same, "the file's plan differs from the same bytes read through standard input")
        let over = try SpecGraphBinary.run(["check", "--max-input", "\(example.count - 1)", Self.example])
        #expect(over.code == 2)
        #expect(over.stderr.contains("larger than the input limit of \(example.count - 1) bytes"))
    }

    /// A file of a megabyte or more is mapped, not read (`InputFiles.withContents`):
    /// its plan is the one of the same bytes through standard input, HTML
    /// comments inside task lines (which the parser blanks out in its own
    /// copy, the mapping being read-only) included, and the file is unchanged.
    @Test func aLargeFileIsMappedAndPlannedAsItsBytesThroughStandardInput() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.shell(
            """
            $SG generate --tasks 15000 --seed 7 -o gen.md || exit 9
            sed -e 's/^\\(- \\[.\\] T[0-9]*7 \\)/\\1<!-- was "T9" --> /' -e '200a\\
            <!-- a comment\\
            - [ ] T999 inside it -->' gen.md > big.md
            [ $(wc -c < big.md) -ge 1048576 ] || exit 8
            grep -c '<!-- was' big.md > comments.txt
            cksum big.md > before.txt
            $SG plan --format json big.md > mapped.json; echo "mapped $?"
            $SG plan --format json - < big.md > piped.json; echo "piped $?"
            cksum big.md | cmp -s - before.txt && echo unchanged
            """, in: dir)
        #expect(r.stdout.contains("mapped 0") && r.stdout.contains("piped 0") && r.stdout.contains("unchanged"),
                "\(r.stdout) \(r.stderr)")
        let comments = try String(contentsOf: dir.appendingPathComponent("comments.txt"), encoding: .utf8)
        #expect((Int(comments.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 100)
        let mapped = try String(contentsOf: dir.appendingPathComponent("mapped.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"source\":\"big.md\"", with: "\"source\":\"\\u003cstdin\\u003e\"")
        let piped = try String(contentsOf: dir.appendingPathComponent("piped.json"), encoding: .utf8)
        #expect(mapped.count > 1_000_000)
        #expect(mapped == piped, "the mapped file's plan differs from its bytes through standard input")
        #expect(!mapped.contains("T999"), "a task inside an HTML comment was read")
    }

    /// A FIFO is opened once and read, thirty times over. Opened a second time
    /// (to read it after the first open found no file to map), it could wait
    /// for a writer that had already written and gone: a race seen in 2 of 30
    /// runs by hand, which this loop may catch, never a false failure.
    @Test func aFIFOIsReadThroughOneOpen() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.shell(
            """
            mkfifo in.md || exit 9
            ok=0; i=0
            while [ $i -lt 30 ]; do
              i=$((i+1))
              printf -- '- [ ] T001 Write the parser\\n- [ ] T002 Test it (depends on T001)\\n' > in.md &
              timeout 10 $SG check in.md > out.txt 2>&1 && grep -q '2 tasks' out.txt && ok=$((ok+1))
              wait
            done
            echo "ok $ok"
            """, in: dir)
        #expect(r.stdout.contains("ok 30"), "\(r.stdout) \(r.stderr)")
    }

    /// A mapped file cut short by another process while it is read would
    /// raise SIGBUS: the run stops with an `unreadable` error and exit code 2,
    /// not a crash. The file is emptied once the process has mapped it
    /// (Linux: seen in /proc/PID/maps).
    @Test func aMappedFileCutShortWhileReadIsAnErrorNotACrash() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.shell(
            """
            $SG generate --tasks 200000 --seed 3 -o big.md || exit 9
            $SG plan --format json big.md > out.json & pid=$!
            i=0; while ! grep -q 'big.md' /proc/$pid/maps 2>/dev/null && [ $i -lt 3000 ]; do i=$((i+1)); sleep 0.005; done
            : > big.md
            wait $pid; echo "status $?"
            """, in: dir)
        #expect(r.stdout.contains("status 2"), "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("big.md: error: cannot read: the file was cut short while it was read [unreadable]"),
                "\(r.stderr)")
    }

    // MARK: -o

    @Test func newFilesFollowTheUmaskAndReplacedFilesKeepTheirMode() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.shell(
            "umask 077 && $SG graph \"$EX\" -o new.dot && touch kept.dot && chmod 640 kept.dot && $SG graph \"$EX\" -o kept.dot",
            in: dir)
        #expect(r.code == 0, "\(r.stderr)")
        func mode(_ name: String) throws -> Int {
            try (FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)[.posixPermissions] as? Int) ?? -1
        }
        #expect(try mode("new.dot") == 0o600)
        #expect(try mode("kept.dot") == 0o640)
        #expect(try Data(contentsOf: dir.appendingPathComponent("kept.dot")).count > 100)
    }

    @Test func aSymlinkIsWrittenThroughToItsTarget() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.shell(
            "mkdir real && ln -s real/target.dot link.dot && ln -s missing.dot dangling.dot && $SG graph \"$EX\" -o link.dot && $SG graph \"$EX\" -o dangling.dot",
            in: dir)
        #expect(r.code == 0, "\(r.stderr)")
        let fm = FileManager.default
        #expect(try fm.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("link.dot").path) == "real/target.dot")
        #expect(try Data(contentsOf: dir.appendingPathComponent("real/target.dot")).count > 100)
        #expect(try fm.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("dangling.dot").path) == "missing.dot")
        #expect(try Data(contentsOf: dir.appendingPathComponent("missing.dot")).count > 100)
    }

    @Test func aFIFOAndADeviceAreWrittenNotReplaced() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.shell(
            """
            mkfifo pipe.dot && (cat pipe.dot > received &) && $SG graph "$EX" -o pipe.dot && \
            $SG graph "$EX" --format dot -o /dev/null && \
            test -p pipe.dot && test -c /dev/null && wait
            """, in: dir)
        #expect(r.code == 0, "\(r.stderr)")
        // The reader may still be copying; wait for the bytes, not for a time.
        var received = Data()
        for _ in 0..<200 where received.count < 100 {
            received = (try? Data(contentsOf: dir.appendingPathComponent("received"))) ?? Data()
            usleep(50_000)
        }
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("digraph"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!entries.contains { $0.hasPrefix(".specgraph-") })
    }

    @Test func aDirectoryIsRefused() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.shell("mkdir out.svg && $SG graph \"$EX\" -o out.svg", in: dir)
        #expect(r.code == 2)
        #expect(r.stderr.contains("out.svg: error: is a directory"))
    }

    /// SIGTERM while a large file is being written: the temporary file goes,
    /// the old file stays as it was.
    @Test func anInterruptedWriteLeavesNoTemporaryFile() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.shell(
            """
            echo old > big.md
            $SG generate --tasks 50000000 -o big.md & pid=$!
            i=0; while [ -z "$(ls -A | grep '^.specgraph-')" ] && [ $i -lt 2000 ]; do i=$((i+1)); sleep 0.01; done
            kill -TERM $pid
            i=0; while kill -0 $pid 2>/dev/null && [ $i -lt 3000 ]; do i=$((i+1)); sleep 0.02; done
            kill -KILL $pid 2>/dev/null; wait $pid; echo "status $?"
            """, in: dir)
        #expect(r.stdout.contains("status 143"), "\(r.stdout) \(r.stderr)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(entries == ["big.md"])
        #expect(try String(contentsOf: dir.appendingPathComponent("big.md"), encoding: .utf8) == "old\n")
    }

    // MARK: nothing hostile passed through

    @Test(arguments: [["next"], ["critical-path"], ["assign", "--team", "2"], ["why", "T002"], ["plan"],
                      ["plan", "--format", "markdown"], ["check", "--format", "github"], ["waves"]])
    func terminalControlSequencesNeverReachTheTerminal(_ args: [String]) throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tasks.md")
        let text = "## Phase 1: Setup \u{1B}[2J\n- [ ] T001 Clear \u{1B}[2J\u{1B}[H and \u{1B}]8;;https://evil.example\u{7}link\u{1B}]8;;\u{7} in a.py\n"
            + "- [ ] T002 Bell \u{7} CSI \u{9B}31m backspace \u{8} (depends on T001, T404)\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = try SpecGraphBinary.run(args + [file.path])
        #expect(r.code == 0, "\(args): \(r.stderr)")
        let controls = { (s: String) in s.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) } }
        #expect(controls(r.stdout).isEmpty, "\(args)")
        #expect(controls(r.stderr).isEmpty, "\(args)")
    }

    @Test func controlCharactersAreShownNotDropped() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tasks.md")
        try "## Phase 1\n- [ ] T001 Clear \u{1B}[2J screen\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try SpecGraphBinary.run(["next", file.path])
        #expect(r.stdout.contains("Clear \\u{1B}[2J screen"))
    }
}
