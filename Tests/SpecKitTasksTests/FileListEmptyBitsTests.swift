import Testing

@testable import SpecKitTasks

/// `FileList.EmptyBits.set` writes a list over `FileList()` without releasing
/// it, and assigns over any other list: either way the list is the new one.
@Suite("FileList written over an empty list")
struct FileListEmptyBitsTests {
    static let samples: [FileList] = [
        FileList(), FileList([]), FileList(path: "src/a.py"), FileList(path: ""), ["a", "b"],
        FileList(path: String(repeating: "long/path/", count: 5)), [String(repeating: "x", count: 40), "y", "z"],
    ]

    @Test func setMatchesAssignment() {
        let empty = FileList.EmptyBits()
        for old in Self.samples {
            for new in Self.samples {
                var list = old
                withUnsafeMutablePointer(to: &list) { empty.set(new, at: $0) }
                var plain = old
                plain = new
                #expect(list == plain)
                #expect(Array(list) == Array(new))
            }
        }
    }

    /// A list that was given paths and emptied again is not taken for `FileList()`.
    @Test func anEmptiedListIsAssigned() {
        let empty = FileList.EmptyBits()
        var many: [String] = ["a", "b", "c"]
        many.removeAll(keepingCapacity: true)
        var list = FileList(many)
        #expect(list.isEmpty)
        withUnsafeMutablePointer(to: &list) { empty.set(FileList(path: "q.md"), at: $0) }
        #expect(list == ["q.md"])
    }
}
