import Testing

@testable import SpecKitTasks

/// The String of a byte range is built in place when it has at most 15
/// bytes; these check it is the String the repairing decoder makes, for
/// every length around that limit and bytes of every kind.
private func sampleByteStrings() -> [[UInt8]] {
    var samples: [[UInt8]] = []
    for n in 0...20 { samples.append(Array(String(repeating: "q", count: n).utf8)) }
    for word in [
        "T001", "T000123", "T-HF02", "T014a_new", "T231.1.4", "Task 3", "TASK-004", "task  3", "任务 1.1", "タスク 1.2a",
        "Задача 7", "[P]", "US12", "Ünïcødé", "é", "a\u{301}", "🚧", "✅ done", "\r\n", "tab\there", "T0123456789012",
        "T01234567890123", "T012345678901234", "src/models/user.py", "ĳ", "\u{0}T1", "x\u{0}",
    ] {
        samples.append(Array(word.utf8))
    }
    // Invalid UTF-8: lone continuation bytes, a cut scalar, overlong forms, 0xFF.
    samples += [[0x80], [0x54, 0xC3], [0xE4, 0xBB], [0xC0, 0xAF], [0xFF, 0x41], [0x41, 0xED, 0xA0, 0x80], Array(repeating: 0xC3, count: 15)]
    samples.append([0x54, 0x30, 0x30, 0x31, 0xE2, 0x80, 0x94])  // T001—
    return samples
}

@Test func byteRangeStringsMatchTheRepairingDecoder() {
    for sample in sampleByteStrings() {
        // The sample inside other bytes, so `lo` and `hi` are not the buffer's ends.
        let padded: [UInt8] = Array("ab".utf8) + sample + Array("cd".utf8)
        padded.withUnsafeBufferPointer { b in
            let made = b.string(2, 2 + sample.count)
            let expected = String(decoding: sample, as: UTF8.self)
            #expect(made == expected, "\(sample)")
            #expect(Array(made.utf8) == Array(expected.utf8), "\(sample)")
            #expect(Array(made.unicodeScalars) == Array(expected.unicodeScalars), "\(sample)")
            #expect(made.count == expected.count, "\(sample)")
            #expect(made.hashValue == expected.hashValue, "\(sample)")
            // Same contiguous UTF-8 storage, so byte-level readers agree too.
            var copy = made
            let viaStorage = copy.withUTF8 { Array($0) }
            #expect(viaStorage == Array(expected.utf8), "\(sample)")
        }
    }
}

@Test func taskIDStringsKeepTheirSpelling() {
    let cases: [(written: String, id: String)] = [
        ("T001", "T001"), ("T000123", "T000123"), ("T-HF02", "T-HF02"), ("T007a", "T007a"), ("T014a_new", "T014a_new"),
        ("T231.1", "T231.1"), ("Task 3", "Task 3"), ("task  3", "Task 3"), ("TASK 12b", "Task 12b"), ("TASK-004", "TASK-004"),
        ("任务1.1", "任务 1.1"), ("タスク 1.2a", "タスク 1.2a"), ("задача 7", "Задача 7"), ("Tarea 2", "Tarea 2"),
        ("T" + String(repeating: "1", count: 30), "T" + String(repeating: "1", count: 30)),
    ]
    for (written, id) in cases {
        let bytes = Array(("- " + written + " end").utf8)
        bytes.withUnsafeBufferPointer { b in
            let made = b.taskIDString(2, 2 + written.utf8.count)
            #expect(made == id, "\(written)")
            #expect(Array(made.utf8) == Array(id.utf8), "\(written)")
            #expect(made.hashValue == id.hashValue, "\(written)")
        }
    }
}

/// A reader keeps the last story name it made and hands it to the next label
/// with the same bytes: labels read in a row with one cache must give the
/// stories and labels that a fresh cache for each (no reuse) gives.
@Test func storyNamesReusedAcrossTasksMatchFreshOnes() {
    let lines = [
        "[US4] a", "[US4] b", "[US41] c", "[US4] d", "[US4, US41] e", "[US41/US4] f", "[P] [US7] g",
        "[US1234567] h", "[US12345678] i", "[US12345678] j", "[US1234567] k", "[Story: US7] l", "[US7x] m",
        "[US] n", "[US0] o", "[US00] p", "[US0] q", "[US3,US3] r",
    ]
    var names = DocumentParser.StoryNameCache()
    for line in lines {
        let bytes = Array(line.utf8)
        bytes.withUnsafeBufferPointer { b in
            var reused = SpecTask(id: "T1", location: SourceLocation(line: 1, column: 1))
            var fresh = reused
            let reusedEnd = DocumentParser.readLabels(b, into: &reused, from: 0, end: b.count, names: &names)
            var own = DocumentParser.StoryNameCache()
            let freshEnd = DocumentParser.readLabels(b, into: &fresh, from: 0, end: b.count, names: &own)
            #expect(reusedEnd == freshEnd, "\(line)")
            #expect(reused.stories == fresh.stories, "\(line)")
            #expect(reused.stories.map { Array($0.utf8) } == fresh.stories.map { Array($0.utf8) }, "\(line)")
            #expect(reused.labels == fresh.labels, "\(line)")
            #expect(reused.parallel == fresh.parallel, "\(line)")
        }
    }
    // The cache's own answer is the String of the bytes, hit or miss.
    var cache = DocumentParser.StoryNameCache()
    for word in ["US1", "US1", "US12", "US1", "US12345678", "US123456789", "US12345678", "US2"] {
        Array(word.utf8).withUnsafeBufferPointer { b in
            #expect(cache.name(b, 0, b.count) == word)
            #expect(Array(cache.name(b, 0, b.count).utf8) == Array(word.utf8))
        }
    }
}
