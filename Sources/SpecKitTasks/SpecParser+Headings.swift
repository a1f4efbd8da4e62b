/// Headings, heading tasks, table rows, checkpoints and other plain lines.
extension DocumentParser {
    mutating func handleHeading(_ p: Int, _ end: Int, level: Int) {
        let b = bytes
        let lo = b.skipSpaces(p + level, end)
        var hi = end
        // Closing `#`s of an ATX heading.
        while hi > lo, b[hi - 1] == UInt8(ascii: "#") { hi -= 1 }
        hi = b.trimEnd(lo, hi)
        if hi == lo || !b[hi - 1].isSpaceOrTab && hi < end { hi = b.trimEnd(lo, end) }
        var idStart = lo
        var struck = false
        while idStart < hi, b[idStart] == UInt8(ascii: "*") || b[idStart] == UInt8(ascii: "`") || b[idStart] == UInt8(ascii: "~") {
            if b[idStart] == UInt8(ascii: "~") { struck = true }
            idStart += 1
        }
        // `## [T001] Mapping script`: the ID in brackets, as after a checkbox.
        if idStart < hi, b[idStart] == UInt8(ascii: "["), let (_, e) = Self.taskID(b, at: idStart + 1, hi), e < hi,
            b[e] == UInt8(ascii: "]")
        {
            idStart += 1
        }
        // `## Task 1: Backend` above `- [ ] T001 …` names a group of tasks: a section.
        // `### T013-T015: Integration tests`, `### Task 13-15: …`: a range names
        // a group of the tasks below, not a task.
        // `### T001 の実測結果`, `### T014's notes`: a heading about a task, no task.
        if let (taskIDStart, idEnd) = Self.taskID(bytes, at: idStart, hi), !Self.rangeFollows(bytes, idEnd, hi),
            !Self.possessiveFollows(b, idEnd, hi),
            b.taskIDEnd(at: taskIDStart, end: idEnd) == idEnd || !sectionHoldsTaskIDs(after: end)
        {
            idStart = taskIDStart
            // A heading task ends the sections at its level or deeper, as any
            // heading does, so their `**Depends on**:` stays theirs. Phase
            // headings stay open: `### T001` right under `### Phase 1` is its task.
            while !headingStack.isEmpty, headingStack[headingStack.count - 1].level >= level,
                headings[Int(headingStack[headingStack.count - 1].index)].phaseNumber == nil
            {
                headingStack.removeLast()
            }
            noteHeadingReferences()
            startHeadingTask(p, idStart, idEnd, hi, struck: struck)
            return
        }
        segment += 1
        while !headingStack.isEmpty, headingStack[headingStack.count - 1].level >= level { headingStack.removeLast() }
        noteHeadingReferences()
        // The parent's flags, read without copying its reference lists.
        let hasParent = !headingStack.isEmpty
        let parentIndex: Int32 = hasParent ? headingStack[headingStack.count - 1].index : -1
        let parentExcluded = hasParent && headingStack[headingStack.count - 1].excluded
        let parentDeclared = hasParent && headingStack[headingStack.count - 1].declared
        let parentNoLooseTasks = hasParent && headingStack[headingStack.count - 1].noLooseTasks
        let kinds = HeadingWords.kinds(b, lo, hi)
        var phase = parentExcluded ? nil : phaseNumber(b, lo, hi)
        // `### Phase 9 Completion` under `## Phase 9: …`: a heading that repeats
        // the number of the phase it sits in is a section of that phase.
        // So is a `Final Phase …` heading inside a numbered phase (`### Final Phase Checklist`).
        if let number = phase,
            headingStack.contains(where: { headings[Int($0.index)].phaseNumber.map { $0 == number || number == "Final" } ?? false })
        {
            phase = nil
        }
        let isPhase = phase != nil
        // Examples, team strategies and the like state no order, even inside a
        // Dependencies section. A `### Parallel Opportunities` section does:
        // authors write `T006 depends on T005` there; its lines about parallel
        // work are skipped one by one (`parseDeclaredLine`).
        // The document's title (`# Tasks: Dependency Tracker`, its first
        // heading, level 1) names the feature, not a Dependencies section.
        // The words are those of every language of the vocabulary (`依存関係`,
        // `Dependências`, `実行順序`, `并行`, `Notas`…), not English alone.
        let isTitle = level == 1 && headings.isEmpty
        let isExample = kinds.contains(.example)
        let isStrategy = kinds.contains(.strategy)
        let isParallel = kinds.contains(.parallel)
        // `Dependencies`, `Execution Order`, `依存関係`, `Зависимости`: the vocabulary's section headings.
        let namesOrder = !isPhase && !isTitle && DependencyVocabulary.namesDependencySection(b, lo, hi)
        let noOrder = isTitle || isStrategy || kinds.contains(.team) || isExample
        let declared = !noOrder && (parentDeclared || namesOrder)
        let excluded = parentExcluded || declared
            || (isExample && isParallel)
            || isStrategy || namesOrder
        // Shapes 4 and 5 are not read in sections about order, parallel work or notes.
        // A heading that starts like a phase (`### Phase C: Contract tests –
        // Parallelizable`) heads tasks, whatever else it says.
        let phaseLike = isPhase || Self.startsLikePhase(b, lo, hi)
        let noLooseTasks = parentNoLooseTasks || excluded
            || (!phaseLike && !isTitle && (isParallel || kinds.contains(.note) || isExample))
        let index = Int32(headings.count)
        // Built in place (a record or open heading kept in a variable is copied in).
        headings.append(HeadingRecord(level: level, title: b.string(lo, hi), line: lineNumber, phaseNumber: phase, parent: parentIndex))
        var references: [Reference] = [], reversedReferences: [Reference] = []
        // Example and strategy headings (`### Parallel Example: after Phase 4
        // lands`) state no order, like their sections.
        if !declared, !excluded, !isExample {
            // `### Inline Rename (depends on T016)`: applies to every task below.
            var facts = TaskTextFacts()
            var spans: [(Int, Int)] = []
            let locator = TextLocator((lo, lineNumber, lineStart))
            scanDependencyClauses(b, lo, hi, locator, into: &facts, excluded: &spans)
            for group in facts.references {
                if group.reversed { reversedReferences += group.references } else { references += group.references }
            }
            if !facts.phaseReferences.isEmpty {
                phaseStatements.append(
                    PendingPhaseStatement(
                        predecessors: facts.phaseReferences, successors: [], successorHeading: index,
                        location: location(p)))
            }
        }
        headingStack.append(
            OpenHeading(
                level: level, index: index, declared: declared, excluded: excluded, noLooseTasks: noLooseTasks,
                references: references, reversedReferences: reversedReferences, hasTasks: false))
        noteHeadingReferences()
    }

    /// Whether a possessive follows the ID that ends at `e` (`T001 の`,
    /// `T001 的`, `T001의`, `T014's`): the heading is about that task.
    /// `의` starts many Korean words (`의존성`, `의견`): it counts only glued
    /// to the ID or standing alone.
    static func possessiveFollows(_ b: Bytes, _ e: Int, _ hi: Int) -> Bool {
        let k = b.skipSpaces(e, hi)
        if b.matches("의", at: k, end: hi) { return k == e || k + 3 >= hi || b[k + 3].isSpaceOrTab }
        return b.matches("の", at: k, end: hi) || b.matches("的", at: k, end: hi)
            || (k == e && (b.matches("'s", at: k, end: hi) || b.matches("’s", at: k, end: hi)))
    }

    /// Whether a text with no ID before it starts with a bracket label, bold or
    /// not (`[P] Write …`, `**[US1]** …`): only then are labels read there.
    static func startsWithLabel(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        var k = b.skipSpaces(lo, hi)
        while k < hi, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "_") { k += 1 }
        return k < hi && b[k] == UInt8(ascii: "[")
    }

    /// `### T017 [P] [x]: Create the script`: a box among a heading or loose
    /// task's labels is its status, not a label.
    static func takeBoxLabel(_ task: inout SpecTask) {
        let labels = task.labels
        guard !labels.isEmpty,
            let k = labels.firstIndex(where: { $0.utf8.count == 1 && Self.boxStatus($0.utf8.first!) != nil && $0 != "-" })
        else { return }
        task.status = Self.boxStatus(labels[k].utf8.first!)!
        task.labels.remove(at: k)
    }

    /// Whether a heading's text starts with `Phase`, `Fase`, `Etapa` or
    /// `Stage` and a letter or digit (`Phase C:`, `Stage 2`), after emphasis.
    static func startsLikePhase(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        var k = lo
        while k < hi, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "_") { k += 1 }
        for word: StaticString in ["phase ", "fase ", "etapa ", "stage ", "faza "] where b.matchesLowercase(word, at: k, end: hi) {
            let after = k + word.utf8CodeUnitCount
            return after < hi && b[after].isAlnum
        }
        return false
    }

    /// Sets `headingReferencesOpen`; called after every change to `headingStack`.
    mutating func noteHeadingReferences() {
        headingReferencesOpen = headingStack.contains { !$0.references.isEmpty || !$0.reversedReferences.isEmpty }
    }

    /// The phase number of a `Phase 3:` / `Phase 3.1` / `Phase N` / `フェーズ 3` / `阶段 3` / `Fase 3` / `Faza 3` heading.
    func phaseNumber(_ b: Bytes, _ lo: Int, _ hi: Int) -> String? {
        var k = lo
        // Emphasis, and an emoji or two before the word (`## ✅ Phase 1`, `## 🚧 Phase 4`).
        while k < hi, k - lo < 24 {
            if b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "_") || b[k].isSpaceOrTab {
                k += 1
            } else if let e = b.emojiEnd(at: k, end: hi) {
                k = e
            } else {
                break
            }
        }
        // `第一阶段`, `第 2 フェーズ`, `제3단계`, `2단계`: the number before the word.
        if let number = ordinalPhaseNumber(b, k, hi) { return number }
        // `Final Phase: Polish`, `Phase Final — Hardening`, `Fase final`: the last phase, numbered `Final`.
        if b.matchesLowercase("final phase", at: k, end: hi), b.isWordEnd(k + 11, hi) { return "Final" }
        if b.matchesLowercase("phase", at: k, end: hi) {
            k += 5
        } else if b.matchesLowercase("fase", at: k, end: hi) || b.matchesLowercase("faza", at: k, end: hi) {
            k += 4
        } else if b.matchesLowercase("etapa", at: k, end: hi) {
            k += 5
        } else if k < hi, b[k] >= 0x80, let word = Vocabulary.phaseWords.first(where: { b.matches($0, at: k, end: hi) }) {
            // (Every phase word of another script starts with a byte above ASCII.)
            k += word.utf8CodeUnitCount
            // `阶段一`: a Chinese numeral right after the word.
            if let (value, e) = Self.chineseNumeral(b, b.skipSpaces(k, hi), hi), e >= hi || !b[e].isAlnum { return String(value) }
        } else {
            return nil
        }
        if b.matchesLowercase(" final", at: k, end: hi), b.isWordEnd(k + 6, hi) { return "Final" }
        let gap = b.skipSpaces(k, hi)
        // `Phases`, `Phaser` are no phase word; `フェーズ1`, `Phase2` are (a digit may touch the word).
        if gap == k, k < hi, b[k].isAlnum, !b[k].isDigit { return nil }
        k = gap
        let start = k
        if k < hi, b[k] == UInt8(ascii: "N"), b.isWordEnd(k + 1, hi) { return "N" }
        while k < hi, b[k].isDigit || (b[k] == UInt8(ascii: ".") && k + 1 < hi && b[k + 1].isDigit) { k += 1 }
        // One letter may follow the number: `Phase 4a`, `Phase 4b`.
        if k > start, k < hi, b[k].isLetter, b.isWordEnd(k + 1, hi) { k += 1 }
        guard k > start, b.isWordEnd(k, hi) || b[k] >= 0x80 || b[k] == UInt8(ascii: "_") || b[k] == UInt8(ascii: "*") else { return nil }
        return b.string(start, k)
    }

    /// `第一阶段`, `第 2 阶段`, `第3フェーズ`, `제2단계`, `2단계`: the phase number
    /// written before the phase word, or nil.
    func ordinalPhaseNumber(_ b: Bytes, _ lo: Int, _ hi: Int) -> String? {
        var k = lo
        if b.matches("第", at: k, end: hi) {
            k += "第".utf8.count
        } else if b.matches("제", at: k, end: hi) {
            k += "제".utf8.count
        }
        k = b.skipSpaces(k, hi)
        var value: Int
        var e = k
        while e < hi, e - k < 4, b[e].isDigit { e += 1 }
        if e > k {
            value = Int(b.string(k, e)) ?? 0
        } else if k > lo, let (v, end) = Self.chineseNumeral(b, k, hi) {
            value = v
            e = end
        } else {
            return nil
        }
        e = b.skipSpaces(e, hi)
        guard Vocabulary.phaseWords.contains(where: { b.matches($0, at: e, end: hi) }) else { return nil }
        // `2단계` needs no `제`; `1阶段` without `第` is read too.
        return String(value)
    }

    /// A Chinese numeral from 1 to 99 at `k` (`一`, `十二`, `二十三`): its value and end.
    static func chineseNumeral(_ b: Bytes, _ k: Int, _ hi: Int) -> (Int, Int)? {
        func digit(_ at: Int) -> (Int, Int)? {
            for (index, numeral) in Vocabulary.chineseDigits.enumerated() where b.matches(numeral, at: at, end: hi) {
                return (index + 1, at + numeral.utf8CodeUnitCount)
            }
            return nil
        }
        let ten = "十".utf8.count
        var value = 0
        var e = k
        if let (d, end) = digit(e) {
            value = d
            e = end
        }
        if b.matches("十", at: e, end: hi) {
            value = max(value, 1) * 10
            e += ten
            if let (d, end) = digit(e) {
                value += d
                e = end
            }
        }
        return value > 0 ? (value, e) : nil
    }

    func lowercasedASCII(_ b: Bytes, _ lo: Int, _ hi: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]).lazy.map { $0.lowercased }, as: UTF8.self)
    }

    /// `### T001: Create schema`, status from `[DONE]`, `✅` or a `**Status**:` line below.
    mutating func startHeadingTask(_ p: Int, _ idStart: Int, _ idEnd: Int, _ end: Int, struck: Bool = false) {
        let b = bytes
        var task = SpecTask(
            id: b.taskIDString(idStart, idEnd), location: location(p), form: .heading, status: struck ? .skipped : .todo,
            segment: segment)
        var descriptionStart = Self.readLabels(bytes, into: &task, from: idEnd, end: end)
        Self.takeBoxLabel(&task)
        var descriptionEnd = end
        if find("✅", idEnd, end) != nil {
            task.status = .done
        }
        // `[DONE]` anywhere in the heading (`### T001: Create schema [DONE]`);
        // at either end of the description it is a marker, not text.
        if let done = find("[DONE]", idEnd, end) {
            task.status = .done
            if done == descriptionStart {
                descriptionStart = b.skipSpaces(done + 6, end)
            } else if done > descriptionStart, b.skipSpaces(done + 6, end) >= end {
                descriptionEnd = done
            }
        }
        descriptionEnd = b.trimEnd(descriptionStart, max(descriptionStart, descriptionEnd))
        // `### T003: Setup translation files [P]`: the `[P]` closing the heading counts.
        descriptionEnd = Self.descriptionEnd(b, descriptionStart, descriptionEnd, into: &task)
        task.description = b.string(descriptionStart, descriptionEnd)
        addTask(task, idStart: idStart, idEnd: idEnd, open: OpenTask(
            job: TextJob(
                task: Int32(tasks.count), idStart: -1, descriptionStart: descriptionStart, descriptionEnd: descriptionEnd,
                line: lineNumber, lineStart: lineStart, firstBodyLine: bodyLines.count),
            indent: 0, form: .heading))
    }

    /// Whether a checkbox task with a `T012`-style ID comes after `offset`
    /// before the next heading (fences are not told apart: a guess from a glance ahead).
    /// - Complexity: O(bytes of the section); run only for worded heading IDs.
    func sectionHoldsTaskIDs(after offset: Int) -> Bool {
        let b = bytes
        var k = b.firstIndex(of: 0x0A, offset, b.count).map { $0 + 1 } ?? b.count
        while k < b.count {
            let lineEnd = b.firstIndex(of: 0x0A, k, b.count) ?? b.count
            let p = b.skipSpaces(k, lineEnd)
            let end = b.trimEnd(p, lineEnd)
            if p < end {
                if b[p] == UInt8(ascii: "#"), headingLevel(p, end) != nil { return false }
                if case .task(let item) = Self.recognizeCheckbox(b, p, end), b.taskIDEnd(at: item.idStart, end: item.idEnd) == item.idEnd {
                    return true
                }
            }
            k = lineEnd + 1
        }
        return false
    }

    /// Shapes 4 and 5: a list item or a line that starts with an ID. Status
    /// from `✅`, `[DONE]`, `[x]` on the line or a `Status:` field in the body.
    mutating func startLooseTask(_ p: Int, _ id: (start: Int, end: Int), indent: Int, end: Int, form: TaskForm) {
        let b = bytes
        var task = SpecTask(id: b.taskIDString(id.start, id.end), location: location(p), form: form, segment: segment)
        var k = id.end
        var struck = false
        while k < end, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "_") || b[k] == UInt8(ascii: "`") || b[k] == UInt8(ascii: "~") {
            if b[k] == UInt8(ascii: "~") { struck = true }
            k += 1
        }
        if struck { task.status = .skipped }
        var descriptionStart = Self.readLabels(b, into: &task, from: id.end, end: end)
        Self.takeBoxLabel(&task)
        // `T001. Ensure …`: the full stop after the ID separates, as a colon does.
        if descriptionStart + 1 < end, b[descriptionStart] == UInt8(ascii: "."), b[descriptionStart + 1].isSpaceOrTab {
            descriptionStart = b.skipSpaces(descriptionStart + 1, end)
        }
        // `✅` before the text (`**T001**: [P] ✅ Setup`) or anywhere on the line.
        if let done = find("✅", id.end, end) {
            task.status = .done
            if done == descriptionStart { descriptionStart = b.skipSpaces(done + "✅".utf8.count, end) }
        }
        if let done = find("[DONE]", id.end, end) {
            task.status = .done
            if done == descriptionStart { descriptionStart = b.skipSpaces(done + 6, end) }
        }
        // `T003. Add the hooks [P] [X]`: a box at the end of the line is the status.
        var lineEnd = end
        if lineEnd - 3 >= descriptionStart, b[lineEnd - 3] == UInt8(ascii: "["), b[lineEnd - 1] == UInt8(ascii: "]"),
            let status = Self.boxStatus(b[lineEnd - 2])
        {
            task.status = status
            lineEnd = b.trimEnd(descriptionStart, lineEnd - 3)
        }
        let descriptionEnd = b.trimEnd(descriptionStart, lineEnd)
        task.description = b.string(descriptionStart, Self.descriptionEnd(b, descriptionStart, descriptionEnd, into: &task))
        addTask(task, idStart: id.start, idEnd: id.end, open: OpenTask(
            job: TextJob(
                task: Int32(tasks.count), idStart: -1, descriptionStart: descriptionStart, descriptionEnd: descriptionEnd,
                line: lineNumber, lineStart: lineStart, firstBodyLine: bodyLines.count),
            indent: indent, form: form))
    }

    /// Shape 7: a checkbox item in a document without IDs, named `L` and its
    /// line number (`L42`): where it is, and stable while the lines above stay.
    mutating func startGeneratedTask(_ item: TaskLineItem, indent: Int, end: Int) {
        let b = bytes
        let id = "L\(lineNumber)"
        var task = SpecTask(id: id, location: location(item.column), form: .checkbox, status: item.status, segment: segment)
        var descriptionStart = Self.startsWithLabel(b, item.idStart, end)
            ? Self.readLabels(b, into: &task, from: item.idStart, end: end) : b.skipSpaces(item.idStart, end)
        // `- [ ]* 10.1 …` (an optional task in Kiro's lists): a lone `*` is no text.
        if descriptionStart + 1 < end, b[descriptionStart] == UInt8(ascii: "*"), b[descriptionStart + 1].isSpaceOrTab {
            descriptionStart = b.skipSpaces(descriptionStart + 1, end)
        }
        let descriptionEnd = b.trimEnd(descriptionStart, end)
        task.description = b.string(descriptionStart, Self.descriptionEnd(b, descriptionStart, descriptionEnd, into: &task))
        appendTask(task)
        registerGeneratedTask(id, open: OpenTask(
            job: TextJob(
                task: Int32(tasks.count - 1), idStart: -1, descriptionStart: descriptionStart, descriptionEnd: descriptionEnd,
                line: lineNumber, lineStart: lineStart, firstBodyLine: bodyLines.count),
            indent: indent, form: .checkbox))
    }

    /// The text of a checkpoint line (`**Checkpoint**: Foundation ready`), or nil.
    static func checkpointText(_ b: Bytes, _ p: Int, _ end: Int) -> (Int, Int)? {
        var k = p
        if k + 1 < end, b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: ">"), b[k + 1].isSpaceOrTab {
            k = b.skipSpaces(k + 1, end)
        }
        var bold = false
        while k < end, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "_") {
            bold = true
            k += 1
        }
        while let e = b.emojiEnd(at: k, end: end) { k = e }  // an emoji before the word
        k = b.skipSpaces(k, end)
        guard b.matchesLowercase("checkpoint", at: k, end: end), k + 10 >= end || !b[k + 10].isLetter else { return nil }
        k += 10
        guard bold || (k < end && b[k] == UInt8(ascii: ":")) else { return nil }
        while k < end, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: ":") || b[k] == UInt8(ascii: "_") || b[k].isSpaceOrTab {
            k += 1
        }
        return (k, end)
    }

    /// A row of a table in a Dependencies section whose first cell names
    /// stories, phases or tasks, not a task of its own (`| US4 (Favorites) |
    /// US3 (needs auth) | US5, US6 |`): the subject depends on what its
    /// Depends-on cell names and runs beside what its parallel cell names.
    mutating func readDependencyRow(_ cells: [(Int, Int)], _ context: TableContext) {
        let b = bytes
        var tokens: [ProseToken] = []
        swap(&tokens, &proseTokens)
        defer { swap(&tokens, &proseTokens) }
        func list(_ column: Int) -> ReferenceList {
            let (lo, hi) = cells[column]
            lexDependencyProse(b, lo, hi, worded: wordedIDs, declared: true, into: &tokens)
            return readReferenceList(b, tokens[...], from: lo, to: hi, TextLocator((lo, lineNumber, lineStart)), worded: wordedIDs, phases: true)
        }
        let subject = list(0)
        guard !subject.references.isEmpty || !subject.phases.isEmpty else { return }
        let at = location(cells[0].0)
        if let d = context.dependencyColumn, d < cells.count {
            let object = list(d)
            let group = statementGroups
            statementGroups += 1
            addStatement(predecessors: object, successors: subject, at: at, leftArrow: false, group: group)
        }
        if let c = context.parallelColumn, c < cells.count {
            let partners = list(c)
            if !partners.references.isEmpty || !partners.phases.isEmpty {
                parallels.append(
                    PendingParallel(
                        references: subject.references, phases: subject.phases, partners: partners.references,
                        partnerPhases: partners.phases, location: at))
            }
        }
    }

    /// A line that is neither a heading nor a task line nor part of a task body.
    mutating func handlePlainLine(_ p: Int, _ end: Int) {
        let b = bytes
        if let (lo, hi) = Self.checkpointText(b, p, end) {
            if !inExcludedSection {
                segment += 1
                checkpoints.append((headingStack.last?.index ?? -1, b.string(lo, hi)))
            }
            return
        }
        // `**Priority**: P1` below a heading, before its first task.
        // (The open heading is read in place: a copy would retain its reference lists.)
        if let last = headingStack.indices.last, !headingStack[last].hasTasks, headings[Int(headingStack[last].index)].priority == nil {
            var k = p
            while k < end, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: "_") || b[k].isSpaceOrTab { k += 1 }
            if b.matchesLowercase("priority", at: k, end: end),
                let value = priority(in: UnsafeBufferPointer(rebasing: b[k..<end]))
            {
                headings[Int(headingStack[last].index)].priority = value
                return
            }
        }
        if inDeclaredSection {
            parseDeclaredLine(p, end)
            return
        }
        if !(headingStack.last?.noLooseTasks ?? false) { parseArrowChainLine(p, end) }
        parseParallelLine(p, end)
        // `**Depends on**: T013` before a section's first task applies to the section;
        // a strategy, notes or parallel-work section holds no tasks for it to apply to
        // (`Tras Phase 2: A toma US1…` under `### Parallel Team Strategy` states no order).
        guard let last = headingStack.indices.last, !headingStack[last].hasTasks, !headingStack[last].noLooseTasks else { return }
        var k = p
        while k < end, b[k] == UInt8(ascii: "*") || b[k] == UInt8(ascii: "-") || b[k].isSpaceOrTab { k += 1 }
        // `**Depends on**:`, `**Requires**:`, `**依存**:`: any clause word opening the line.
        guard k < end, clauseKeyword(b, k, k, end, declared: false) != nil else { return }
        var facts = TaskTextFacts()
        var spans: [(Int, Int)] = []
        scanDependencyClauses(b, k, end, TextLocator((k, lineNumber, lineStart)), into: &facts, excluded: &spans)
        guard let first = spans.first, first.0 == k else { return }
        for group in facts.references {
            if group.reversed {
                headingStack[last].reversedReferences += group.references
            } else {
                headingStack[last].references += group.references
            }
        }
        noteHeadingReferences()
        if !facts.phaseReferences.isEmpty {
            phaseStatements.append(
                PendingPhaseStatement(
                    predecessors: facts.phaseReferences, successors: [], successorHeading: headingStack[last].index,
                    location: location(p)))
        }
    }

    /// Table rows: the header names the columns; a row whose first cell is a task ID is a task.
    /// Returns false when the line is not a table row after all.
    mutating func handleTableRow(_ p: Int, _ end: Int, indent: Int) -> Bool {
        let b = bytes
        var cells: [(Int, Int)] = []
        var k = p + 1
        var cellStart = k
        while k < end {
            if b[k] == UInt8(ascii: "\\") {
                k += 2
                continue
            }
            if b[k] == UInt8(ascii: "|") {
                cells.append((cellStart, k))
                cellStart = k + 1
            }
            k += 1
        }
        if cellStart < end, b.skipSpaces(cellStart, end) < end { cells.append((cellStart, end)) }
        guard !cells.isEmpty else { return false }
        closeTask()
        guard var context = table else {
            // The first row is the header.
            var context = TableContext(rowsSeen: 1)
            for (index, (lo, hi)) in cells.enumerated() {
                let name = lowercasedASCII(b, lo, hi).trimmingASCIIDecoration()
                switch name {
                // Headers in the languages of the vocabulary too (`状态`, `Estado`, `依赖`, `Dependências`).
                case "status", "state", "estado", "situação", "statut", "zustand", "状态", "狀態", "状態", "ステータス",
                    "상태", "статус", "Статус":
                    context.statusColumn = index
                case "estimate", "est", "est.", "effort", "duration", "time", "hours", "size", "estimación", "estimativa",
                    "esfuerzo", "esforço", "duración", "duração", "durée", "estimation", "schätzung", "aufwand", "dauer",
                    "预估", "预计", "估算", "工时", "預估", "工時", "見積", "見積もり", "見積り", "工数", "所要時間", "예상",
                    "예상 시간", "소요 시간", "оценка", "Оценка":
                    if index > 0 { context.estimateColumn = index }
                case "dependencies", "depends on", "depends", "dependency", "deps", "blocked by", "prerequisites", "preconditions",
                    "dependencias", "dependencia", "dependências", "dependência", "depende de", "dépendances", "dépend de",
                    "abhängigkeiten", "abhängig von", "依赖", "依赖项", "依赖任务", "前置任务", "前置", "依賴", "前置任務",
                    "依存", "依存関係", "依存タスク", "前提", "前提タスク", "의존성", "의존", "선행 작업", "선행",
                    "зависимости", "Зависимости", "зависит от", "Зависит от":
                    if context.dependencyColumn == nil { context.dependencyColumn = index }
                // `Can Parallelize With`, `Pode rodar em paralelo com`, `并行`: what a row's subject runs beside.
                case _ where index > 0 && inDeclaredSection && Vocabulary.parallelHeadingWords.contains(where: { name.contains($0.description) }):
                    context.parallelColumn = index
                // In a Dependencies section, any header with a word for "depends on" (`他との依存`, `Blocked until`).
                case _ where index > 0 && context.dependencyColumn == nil && inDeclaredSection
                    && DependencyVocabulary.firstWordStart(b, lo, hi, roles: RoleSet(.after), declared: true) != nil:
                    context.dependencyColumn = index
                // The first column holds the ID, whatever its header says (`Task`).
                case "description", "task", "title", "name", "summary", "what", "details", "detail", "task description",
                    "descripción", "descrição", "tarea", "tarefa", "título", "titulo", "nombre", "nome", "tâche", "titre",
                    "aufgabe", "beschreibung", "titel", "描述", "任务", "任务描述", "任務", "説明", "内容", "タスク", "タスク名",
                    "작업", "설명", "작업 내용", "описание", "Описание", "задача", "Задача":
                    if context.descriptionColumn == nil, index > 0 { context.descriptionColumn = index }
                default: break
                }
            }
            table = context
            return true
        }
        context.rowsSeen += 1
        table = context
        let (firstLo, firstHi) = cells[0]
        var idStart = b.skipSpaces(firstLo, firstHi)
        let cellColumn = idStart
        var struck = false
        while idStart < firstHi, b[idStart] == UInt8(ascii: "*") || b[idStart] == UInt8(ascii: "`") || b[idStart] == UInt8(ascii: "~") {
            if b[idStart] == UInt8(ascii: "~") { struck = true }
            idStart += 1
        }
        guard let (taskIDStart, idEnd) = Self.taskID(bytes, at: idStart, firstHi) else {
            if inDeclaredSection, context.dependencyColumn != nil || context.parallelColumn != nil { readDependencyRow(cells, context) }
            return true
        }
        idStart = taskIDStart
        var rest = idEnd
        while rest < firstHi, b[rest] == UInt8(ascii: "*") || b[rest] == UInt8(ascii: "`") || b[rest] == UInt8(ascii: "~") || b[rest].isSpaceOrTab {
            rest += 1
        }
        // A table of a Dependencies section that states what each row waits
        // for or runs beside (`| Task | Depends On |`): a row naming tasks
        // defined above (`| T002 | T001 |`), or a list or range of them
        // (`| T015–T019 | T013, T014 |`), states their dependencies; it
        // defines no task a second time. (A table with a Status or Estimate
        // column tracks its tasks: its rows restate them, as anywhere.)
        if inDeclaredSection, context.dependencyColumn != nil || context.parallelColumn != nil,
            rest < firstHi
                ? b[rest] != UInt8(ascii: "[")
                : context.statusColumn == nil && context.estimateColumn == nil && idTable.find(b, idStart, idEnd) != nil
        {
            readDependencyRow(cells, context)
            return true
        }
        guard rest == firstHi || b[rest] == UInt8(ascii: "[") else { return true }
        var task = SpecTask(
            id: b.taskIDString(idStart, idEnd), location: location(cellColumn), form: .tableRow, status: struck ? .skipped : .todo,
            segment: segment)
        _ = Self.readLabels(bytes, into: &task, from: idEnd, end: firstHi)
        // Without a named one, the first column that is neither the ID, the status nor the dependencies.
        let descriptionColumn = context.descriptionColumn
            ?? cells.indices.dropFirst().first { $0 != context.statusColumn && $0 != context.dependencyColumn }
        var descriptionRange = (idEnd, idEnd)
        if let d = descriptionColumn, d < cells.count, d != context.statusColumn, d != context.dependencyColumn {
            let lo = b.skipSpaces(cells[d].0, cells[d].1)
            descriptionRange = (lo, b.trimEnd(lo, cells[d].1))
            // Labels open the cell (`[P] Write …`); emphasis there opens the
            // text (`**Fix the arrays**: …`), it closes no ID.
            if d != 0, Self.startsWithLabel(b, lo, descriptionRange.1) {
                let labelsEnd = Self.readLabels(bytes, into: &task, from: lo, end: descriptionRange.1)
                descriptionRange.0 = labelsEnd
            }
        }
        task.description = b.string(descriptionRange.0, descriptionRange.1)
        // An empty Status cell leaves a checkbox written before the text (`[x] Write …`) standing.
        if let s = context.statusColumn, s < cells.count, !struck, b.skipSpaces(cells[s].0, cells[s].1) < b.trimEnd(cells[s].0, cells[s].1) {
            task.status = statusWord(b, cells[s].0, cells[s].1) ?? .todo
        }
        if let e = context.estimateColumn, e < cells.count {
            let start = b.skipSpaces(cells[e].0, cells[e].1)
            let hi = b.trimEnd(start, cells[e].1)
            // `~3.5h`, `≈ 2h`, `約2時間`: a word for "about" before the value.
            let lo = Self.skipApproximation(b, start, hi)
            if let (estimate, end) = Self.durationOrThreePoint(b, lo, hi), end == hi { task.estimate = estimate }
        }
        let index = Int32(tasks.count)
        addTask(task, idStart: idStart, idEnd: idEnd, open: nil)
        let locator = TextLocator((0, lineNumber, lineStart))
        var job = TextJob(
            task: index, idStart: -1, descriptionStart: descriptionRange.0, descriptionEnd: descriptionRange.1,
            line: lineNumber, lineStart: lineStart, firstBodyLine: bodyLines.count)
        // The row is the task's line: every other cell (Files, Notes, …) reads
        // like a line of its body, for paths and written dependencies.
        for c in cells.indices.dropFirst()
        where c != descriptionColumn && c != context.statusColumn && c != context.dependencyColumn && c != context.estimateColumn {
            let lo = b.skipSpaces(cells[c].0, cells[c].1), hi = b.trimEnd(lo, cells[c].1)
            // `| T057 | [X] | … |`, `| T085 | [P] | … |`: a cell that is only a
            // checkbox is the row's status (when no Status column says it), one
            // that is only `[P]` marks the task parallel.
            if hi - lo == 3, b[lo] == UInt8(ascii: "["), b[lo + 2] == UInt8(ascii: "]") {
                if b[lo + 1] | 0x20 == UInt8(ascii: "p") {
                    tasks[Int(index)].parallel = true
                    continue
                }
                if context.statusColumn == nil, !struck, let status = statusWord(b, lo, hi) {
                    tasks[Int(index)].status = status
                    continue
                }
            }
            if lo < hi {
                bodyLines.append(BodyLine(start: lo, end: hi, line: lineNumber, lineStart: lineStart))
                job.bodyLineEnd = Int32(bodyLines.count)
            }
        }
        addTextJob(job)
        if let dep = context.dependencyColumn, dep < cells.count {
            let (lo, hi) = cells[dep]
            // A Dependencies cell that says anything (`None` and `-` too) states them.
            if b.skipSpaces(lo, hi) < b.trimEnd(lo, hi) { tasks[Int(index)].statesDependencies = true }
            var start = b.skipSpaces(lo, hi)
            // `After T001`, `requires T001, T002`, `blocked by T003`, `blocks T009`.
            var reversed = false
            if start < hi, let (kind, keywordEnd) = clauseKeyword(b, start, start, hi, declared: false) {
                start = keywordEnd
                reversed = kind == .blocks
            }
            var tokens: [ProseToken] = []
            swap(&tokens, &proseTokens)
            defer { swap(&tokens, &proseTokens) }
            lexDependencyProse(b, start, hi, worded: wordedIDs, declared: false, into: &tokens)
            var list = readReferenceList(b, tokens[...], from: start, to: hi, locator, worded: wordedIDs, phases: false)
            // The cell holds only references: IDs that blanks alone separate
            // (`T030 T022`) are a list too.
            var references = list.references
            while !list.references.isEmpty {
                let next = b.skipSpaces(list.end, hi)
                guard next < hi, b.anyTaskIDEnd(at: next, end: hi, worded: wordedIDs) != nil else { break }
                list = readReferenceList(b, tokens[...], from: next, to: hi, locator, worded: wordedIDs, phases: false)
                guard list.end > next else { break }
                references += list.references
            }
            if !references.isEmpty {
                taskReferences.append(PendingTaskReferences(task: index, references: references, reversed: reversed))
            }
        }
        return true
    }
}

extension String {
    /// Drops Markdown emphasis and spaces around a table header cell.
    func trimmingASCIIDecoration() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "*" || c == "_" || c == "`" || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "*" || c == "_" || c == "`" || c == "\t" { s.removeLast() }
        return String(s)
    }
}

extension Vocabulary {
    /// Phase words of other scripts (`フェーズ 3`, `阶段 3`, `단계 2`, `Этап 2`);
    /// each starts with a byte above ASCII (`phaseNumber` relies on it; tested).
    static let phaseWords: [StaticString] = [
        "フェーズ", "阶段", "階段", "단계", "페이즈", "Этап", "этап", "Фаза", "фаза",
    ]
    /// `一` … `九`: Chinese digits 1 to 9.
    static let chineseDigits: [StaticString] = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// Words of a heading about parallel work (lowercase; a part of the word
    /// is enough: `parallel` is in `Parallel Opportunities`). Dependencies and
    /// execution-order headings are rows of the vocabulary table
    /// (`DependencyVocabulary.namesDependencySection`).
    static let parallelHeadingWords: [StaticString] = [
        "parallel", "paralel", "parallèl", "параллел", "Параллел", "并行", "並行", "並列", "병렬",
    ]
    /// Words of a heading of notes.
    static let noteHeadingWords: [StaticString] = [
        "note", "notas", "notiz", "hinweis", "примечан", "Примечан", "注意", "备注", "備註", "メモ", "備考", "注記",
        "참고", "비고", "메모",
    ]
    /// Words of a heading of examples.
    static let exampleHeadingWords: [StaticString] = [
        "example", "ejemplo", "exemplo", "exemple", "beispiel", "пример", "Пример", "示例", "例子", "范例", "範例",
        "実行例", "使用例", "예시", "예제",
    ]
    /// Words of a heading about strategy.
    static let strategyHeadingWords: [StaticString] = [
        "strateg", "stratég", "стратег", "Стратег", "策略", "战略", "戦略", "전략",
    ]
    /// Words of a heading about team work.
    static let teamHeadingWords: [StaticString] = [
        "team", "equipo", "equipe", "équipe", "团队", "團隊", "チーム", "팀",
    ]
}

/// The kinds of heading the `Vocabulary` heading words name, found in one pass
/// over a heading (a part of a word is enough, ASCII letters in any case).
enum HeadingWords {
    struct Kinds: OptionSet {
        let rawValue: UInt8
        static let parallel = Kinds(rawValue: 1)
        static let note = Kinds(rawValue: 2)
        static let example = Kinds(rawValue: 4)
        static let strategy = Kinds(rawValue: 8)
        static let team = Kinds(rawValue: 16)
    }

    /// Every heading word with its kind, by first byte (CSR): a heading is read
    /// once, not once per word.
    private struct Index: @unchecked Sendable {
        /// A bit per pair of bytes, both folded by `| 0x20`, that starts some
        /// word (a superset of the lowercased pairs: `c.lowercased | 0x20 ==
        /// c | 0x20` for every byte): most places in a heading start none and
        /// are passed with one load. Read through a pointer, a byte at a time,
        /// by `kinds`. Allocated once, never freed.
        let folded: UnsafeMutablePointer<UInt64>
        /// Every word with the compare of its first four bytes made ready
        /// (`Key`), by first byte (lowercase), and where each byte's words
        /// start and end: read through pointers by `wordsAt`.
        let keys: UnsafeMutablePointer<Key>
        let keyOffsets: UnsafeMutablePointer<Int32>
    }

    /// A word and its first (up to) four bytes as one compare:
    /// `(load | fold) & mask == prefix` holds exactly when those bytes match
    /// as `matchesLowercase` matches them (`fold` sets bit 5 of ASCII letters;
    /// an uppercase ASCII letter in the word, which `matchesLowercase` never
    /// matches, cannot equal a byte with bit 5 set).
    struct Key {
        let prefix: UInt32
        let mask: UInt32
        let fold: UInt32
        let count: Int
        let kind: Kinds
        let word: StaticString

        init(_ word: StaticString, _ kind: Kinds) {
            var prefix: UInt32 = 0, mask: UInt32 = 0, fold: UInt32 = 0
            for i in 0..<min(4, word.utf8CodeUnitCount) {
                let c = word.utf8Start[i]
                prefix |= UInt32(c) << UInt32(8 * i)
                mask |= 0xFF << UInt32(8 * i)
                if (c | 0x20) &- 0x61 < 26 { fold |= 0x20 << UInt32(8 * i) }
            }
            (self.prefix, self.mask, self.fold, count, self.kind, self.word) = (prefix, mask, fold, word.utf8CodeUnitCount, kind, word)
        }
    }

    private static let index: Index = {
        let lists: [([StaticString], Kinds)] = [
            (Vocabulary.parallelHeadingWords, .parallel), (Vocabulary.noteHeadingWords, .note),
            (Vocabulary.exampleHeadingWords, .example), (Vocabulary.strategyHeadingWords, .strategy),
            (Vocabulary.teamHeadingWords, .team),
        ]
        var buckets = [[(word: StaticString, kind: Kinds)]](repeating: [], count: 256)
        for (words, kind) in lists {
            for word in words { buckets[Int(word.utf8Start[0])].append((word, kind)) }
        }
        var offsets: [Int32] = [0]
        for bucket in buckets { offsets.append(offsets[offsets.count - 1] + Int32(bucket.count)) }
        let folded = UnsafeMutablePointer<UInt64>.allocate(capacity: 65536 / 64)
        folded.initialize(repeating: 0, count: 65536 / 64)
        for (words, _) in lists {
            for word in words {
                // Every word has at least two bytes (a CJK letter is three).
                precondition(word.utf8CodeUnitCount >= 2)
                let pair = Int(word.utf8Start[0] | 0x20) << 8 | Int(word.utf8Start[1] | 0x20)
                folded[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        let words = buckets.flatMap { $0 }
        let keys = UnsafeMutablePointer<Key>.allocate(capacity: words.count)
        for (i, (word, kind)) in words.enumerated() { (keys + i).initialize(to: Key(word, kind)) }
        let keyOffsets = UnsafeMutablePointer<Int32>.allocate(capacity: offsets.count)
        keyOffsets.initialize(from: offsets, count: offsets.count)
        return Index(folded: folded, keys: keys, keyOffsets: keyOffsets)
    }()

    /// The kinds whose words occur in `lo..<hi`.
    /// - Complexity: O(hi - lo) table loads, plus a compare per word that
    ///   starts with the byte at hand.
    static func kinds(_ b: Bytes, _ lo: Int, _ hi: Int) -> Kinds {
        // A word (two bytes or more) cannot start on the last byte.
        guard hi - lo >= 2, let base = b.baseAddress else { return Kinds() }
        let index = Self.index
        let folded = index.folded
        var found = Kinds()
        var k = lo
        let last = hi - 1
        var first = UInt(base[k] | 0x20)
        while k < last {
            let second = UInt(base[k &+ 1] | 0x20)
            let pair = first &<< 8 | second
            if folded[Int(pair &>> 6)] & (1 &<< UInt64(pair & 63)) != 0 { found = wordsAt(b, k, hi, found, index) }
            first = second
            k &+= 1
        }
        return found
    }

    /// `found` with the kinds of the words that start at `k` (out of line:
    /// most places start none, and the loop in `kinds` stays in registers).
    @inline(never)
    private static func wordsAt(_ b: Bytes, _ k: Int, _ hi: Int, _ found: Kinds, _ index: Index) -> Kinds {
        var found = found
        let start = Int(b[k].lowercased)
        let from = Int(index.keyOffsets[start]), to = Int(index.keyOffsets[start + 1])
        guard hi - k >= 4, let base = b.baseAddress else {
            for i in from..<to {
                let key = index.keys[i]
                if !found.contains(key.kind), b.matchesLowercase(key.word, at: k, end: hi) { found.insert(key.kind) }
            }
            return found
        }
        let loaded = UInt32(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt32.self))
        for i in from..<to {
            let key = index.keys[i]
            guard (loaded | key.fold) & key.mask == key.prefix, !found.contains(key.kind) else { continue }
            if key.count <= 4 || b.matchesLowercase(key.word, at: k, end: hi) { found.insert(key.kind) }
        }
        return found
    }
}
