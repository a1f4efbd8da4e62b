/// Tasks written twice with one ID (docs/grammar.md, "Duplicates").
///
/// A later definition that restates the first (the same ID in another form: a
/// summary list and its detail headings, a recap list after the checkbox
/// tasks; the same description; or no description) is merged into it, with a
/// `duplicate-id` warning; a later definition that is a different task stays a
/// task of its own, renamed `T045#2` (then `#3`), with a `duplicate-id` error.
/// References name the first definition either way.
extension DocumentParser {
    /// Merges or renames duplicate definitions; runs after the task texts are read
    /// and before references are resolved.
    /// - Complexity: O(tasks) when there is no duplicate (one comparison of
    ///   counts); O(tasks + file mentions + pending references) otherwise.
    mutating func mergeDuplicates() {
        guard idTable.count < tasks.count else { return }
        completeFileTables()
        let keyCount = idTable.count
        // The definition each ID keeps: its first, or in a document of checkbox
        // tasks its first that is no bold bullet (`- **T077 …**` in a notes list
        // above the checkbox `T077`).
        var definition = [Int32](repeating: -1, count: keyCount)
        var firstDefinition = [Int32](repeating: -1, count: keyCount)
        for t in tasks.indices {
            let key = Int(taskIDKey[t])
            if firstDefinition[key] < 0 { firstDefinition[key] = Int32(t) }
            let d = Int(definition[key])
            if d < 0 || (tasks[d].form == .listItem && tasks[t].form != .listItem) { definition[key] = Int32(t) }
        }
        let bulletsRestate = boldBulletsRestateCheckboxes(definition)
        if !bulletsRestate { definition = firstDefinition }
        var copies = [Int32](repeating: 1, count: keyCount)
        var mergedInto = [Int32](repeating: -1, count: tasks.count)
        var anyMerged = false
        for t in tasks.indices {
            let key = Int(taskIDKey[t])
            let first = Int(definition[key])
            if first == t { continue }
            let id = tasks[first].id
            let firstLocation = tasks[first].location
            let note = Diagnostic.Note(message: first < t ? "\(id) first defined here" : "\(id) is defined here", location: firstLocation)
            if Self.restates(tasks[first], tasks[t]) {
                mergedInto[t] = Int32(first)
                anyMerged = true
                diagnostics.append(
                    Diagnostic(
                        .duplicateID, "duplicate task ID \(id) restates the task on line \(firstLocation.line): merged into it",
                        at: tasks[t].location, severity: .warning, notes: [note]))
            } else {
                var name: String
                repeat {
                    copies[key] += 1
                    name = "\(id)#\(copies[key])"
                } while idTable.find(name) != nil
                tasks[t].id = name
                taskIDKey[t] = idTable.intern(name).key
                diagnostics.append(
                    Diagnostic(
                        .duplicateID,
                        "duplicate task ID \(id): a different task than on line \(firstLocation.line); planned as \(name)",
                        at: tasks[t].location, notes: [note]))
            }
        }
        if anyMerged { removeMerged(mergedInto) }
    }

    /// Whether the document's tasks are checkbox items more than bold bullets
    /// of their own (bullets whose ID has no other form of definition): then a
    /// bold bullet (`- **T021** removed the old loader`) beside a checkbox,
    /// heading or table definition of its ID restates that task in a note, a
    /// report or a recap, and is merged into it even when it stands first.
    /// `definition`: by ID key, its first definition that is no bold bullet
    /// if it has one.
    func boldBulletsRestateCheckboxes(_ definition: [Int32]) -> Bool {
        var balance = 0
        for t in tasks.indices {
            if tasks[t].form == .checkbox {
                balance += 1
            } else if tasks[t].form == .listItem, tasks[Int(definition[Int(taskIDKey[t])])].form == .listItem {
                balance -= 1
            }
        }
        return balance > 0
    }

    /// Whether `later` restates `first`: no description, the same one (ignoring
    /// emphasis, case and spacing), or the same ID written in another form (a
    /// summary line beside its detail heading, a recap list of bold IDs after
    /// the checkbox tasks, a table row naming a heading task).
    static func restates(_ first: SpecTask, _ later: SpecTask) -> Bool {
        let a = comparable(first.description)
        let b = comparable(later.description)
        if a.isEmpty || b.isEmpty || a == b { return true }
        if first.form != later.form { return true }
        // `T028.1: model choice (see above)`: a pointer back at the definition,
        // closing the text in parentheses or opening it (not `retries as described above`).
        let text = later.description.lowercased()
        let open = text.lastIndex { $0 == "(" || $0 == "（" }
        let remark = open.map { text[$0...] } ?? ""
        let closes = text.hasSuffix(")") || text.hasSuffix("）")
        if backReferences.contains(where: { (closes && remark.contains($0)) || text.hasPrefix($0) }) { return true }
        // A shortened restatement: without a closing remark in parentheses, one
        // description is the other's beginning, three words or more, ending at
        // a word's end (`Unit tests for the config loader (optional)` restates
        // `Unit tests for the config loader in tests/test_config.py`).
        let (x, y) = (withoutRemark(a), withoutRemark(b))
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        guard short.filter({ $0 == 0x20 }).count >= 2, long.starts(with: short) else { return false }
        return long.count == short.count || long[short.count] == 0x20
    }

    /// Words that point back at a definition above, in the vocabulary's languages.
    static let backReferences = [
        "see above", "as above", "described above", "defined above", "veja acima", "ver acima", "ver arriba",
        "voir ci-dessus", "siehe oben", "см. выше", "见上方", "見上方", "见上文", "見上文", "參見上方", "参见上方",
        "上記参照", "上記を参照", "위 참조",
    ]

    /// A comparable description without the remark in parentheses at its end.
    private static func withoutRemark(_ text: [UInt8]) -> [UInt8] {
        guard text.last == UInt8(ascii: ")"), let open = text.lastIndex(of: UInt8(ascii: "(")) else { return text }
        var end = open
        while end > 0, text[end - 1] == 0x20 { end -= 1 }
        return Array(text[..<end])
    }

    /// A description as compared for duplicates: ASCII lowercased, emphasis,
    /// backticks and punctuation at the ends dropped, runs of spaces as one.
    static func comparable(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for c in text.utf8 {
            if c == UInt8(ascii: "*") || c == UInt8(ascii: "`") || c == UInt8(ascii: "_") { continue }
            if c.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space {
                out.append(0x20)
                space = false
            }
            out.append(c.lowercased)
        }
        while let last = out.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ":") || last == UInt8(ascii: ";") {
            out.removeLast()
        }
        return out
    }

    /// Folds every merged definition into its first one (written dependencies,
    /// files, reads, estimate, status) and drops it from the task arrays.
    private mutating func removeMerged(_ mergedInto: [Int32]) {
        // What the merged definitions add to the one kept.
        for t in tasks.indices where mergedInto[t] >= 0 {
            let f = Int(mergedInto[t])
            let later = tasks[t]
            let h = Int(taskHeading[t])
            if h >= 0 { headings[h].directTasks -= 1 }
            if tasks[f].status == .todo, later.status != .todo { tasks[f].status = later.status }
            if tasks[f].estimate == nil { tasks[f].estimate = later.estimate }
            if tasks[f].description.isEmpty { tasks[f].description = later.description }
            if tasks[f].owner == nil { tasks[f].owner = later.owner }
            tasks[f].parallel = tasks[f].parallel || later.parallel
            tasks[f].statesDependencies = tasks[f].statesDependencies || later.statesDependencies
            tasks[f].independent = tasks[f].independent || later.independent
            for s in later.stories where !tasks[f].stories.contains(s) { tasks[f].stories.append(s) }
            for l in later.labels where !tasks[f].labels.contains(l) { tasks[f].labels.append(l) }
            for file in later.files where !tasks[f].files.contains(file) { tasks[f].files.append(file) }
            for file in later.reads where !tasks[f].reads.contains(file) { tasks[f].reads.append(file) }
        }
        // New indices: kept tasks in order; a merged one takes its first's.
        var newIndex = [Int32](repeating: -1, count: tasks.count)
        var kept: Int32 = 0
        for t in tasks.indices where mergedInto[t] < 0 {
            newIndex[t] = kept
            kept += 1
        }
        for t in tasks.indices where mergedInto[t] >= 0 { newIndex[t] = newIndex[Int(mergedInto[t])] }
        for k in taskReferences.indices { taskReferences[k].task = newIndex[Int(taskReferences[k].task)] }
        // The file tables: each kept task's files, then those of the definitions merged into it.
        var extra: [Int: [Int]] = [:]
        for t in tasks.indices where mergedInto[t] >= 0 { extra[Int(mergedInto[t]), default: []].append(t) }
        var offsets: [Int32] = [0]
        var ids: [Int32] = []
        offsets.reserveCapacity(Int(kept) + 1)
        ids.reserveCapacity(taskFileIDs.count)
        let hasTables = taskFileOffsets.count == tasks.count + 1
        for t in tasks.indices where mergedInto[t] < 0 {
            if hasTables {
                let first = ids.count
                for source in [t] + (extra[t] ?? []) {
                    for k in Int(taskFileOffsets[source])..<Int(taskFileOffsets[source + 1]) {
                        let id = taskFileIDs[k]
                        if !ids[first...].contains(id) { ids.append(id) }
                    }
                }
            }
            offsets.append(Int32(ids.count))
        }
        taskFileOffsets = offsets
        taskFileIDs = ids
        var compacted: [SpecTask] = []
        compacted.reserveCapacity(Int(kept))
        var headingsKept: [Int32] = []
        var keys: [Int32] = []
        for t in tasks.indices where mergedInto[t] < 0 {
            compacted.append(tasks[t])
            headingsKept.append(taskHeading[t])
            keys.append(taskIDKey[t])
        }
        tasks = compacted
        taskHeading = headingsKept
        taskIDKey = keys
    }
}
