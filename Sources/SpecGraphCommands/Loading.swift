import SpecKitTasks
import TaskScheduling

/// Reading and parsing the command line's inputs.
enum Loading {
    /// Parses every input; I/O failures are thrown (exit code 2).
    ///
    /// Each document gets the reader's corrections: the file named with
    /// `--corrections`, else `tasks.specgraph` beside it when there is one.
    static func documents(
        _ paths: [String], corrections: String? = nil, limit: Int = InputFiles.defaultLimit, timer: StageTimer
    ) throws(IOFailure) -> [SpecDocument] {
        let files = try InputFiles.expand(paths)
        LargeInputMalloc.restartIfLarge(files)
        if LargeInputMalloc.isRestarted {
            timer.note("started again for a large input with GLIBC_TUNABLES=\(LargeInputMalloc.tunables)")
        }
        var documents: [SpecDocument] = []
        var named: (String, [UInt8])? = nil
        if let corrections { named = (corrections, try InputFiles.read(corrections)) }
        for file in files {
            let name = file == InputFiles.standardInput ? InputFiles.standardInputName : file
            var document = try InputFiles.withContents(file, limit: limit) { bytes in
                timer.lap("read \(name) (\(bytes.count) bytes)")
                let document = SpecParser.parse(bytes, path: name)
                timer.lap("parse")
                return document
            }
            var found = named
            if found == nil { found = try besideCorrections(of: file) }
            if let (path, text) = found { Corrections.apply(text, path: path, to: &document) }
            documents.append(document)
        }
        return documents
    }

    /// `tasks.specgraph` in the folder of `file`, when it exists.
    static func besideCorrections(of file: String) throws(IOFailure) -> (String, [UInt8])? {
        guard file != InputFiles.standardInput else { return nil }
        let folder = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let path = (file.hasPrefix("/") && folder.isEmpty ? "/" : folder.isEmpty ? "" : folder + "/") + "tasks.specgraph"
        guard InputFiles.isRegularFile(path) else { return nil }
        return (path, try InputFiles.read(path))
    }

    /// Parses and plans every input.
    static func plans(_ options: PlanningOptions, timer: StageTimer) throws(IOFailure) -> [Plan] {
        try plans(
            paths: options.paths, options: options.planOptions, corrections: options.corrections,
            limit: options.inputLimit, timer: timer)
    }

    /// ``plans(_:timer:)``, an I/O failure reported on stderr and thrown as exit code 2.
    static func plansOrFail(_ options: PlanningOptions, timer: StageTimer) throws -> [Plan] {
        do { return try plans(options, timer: timer) } catch { throw fail(error) }
    }

    /// Parses and plans every input with the given options.
    static func plans(
        paths: [String], options: PlanOptions, corrections: String? = nil, limit: Int = InputFiles.defaultLimit,
        timer: StageTimer
    ) throws(IOFailure) -> [Plan] {
        let documents = try documents(paths, corrections: corrections, limit: limit, timer: timer)
        var plans: [Plan] = []
        for doc in documents {
            plans.append(Plan(doc, options: options, lap: timer.enabled ? { timer.lap($0) } : nil))
        }
        // Every command exits after using its plans: they are never freed.
        Teardown.skip(plans)
        return plans
    }
}
