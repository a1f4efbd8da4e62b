import SpecKitTasks
import TaskScheduling

/// Reading and parsing the command line's inputs.
enum Loading {
    /// Parses every input; I/O failures are thrown (exit code 2).
    static func documents(_ paths: [String], timer: StageTimer) throws(IOFailure) -> [SpecDocument] {
        let files = try InputFiles.expand(paths)
        var documents: [SpecDocument] = []
        for file in files {
            let bytes = try InputFiles.read(file)
            timer.lap("read \(file) (\(bytes.count) bytes)")
            documents.append(SpecParser.parse(bytes, path: file))
            timer.lap("parse")
        }
        return documents
    }

    /// Parses and plans every input.
    static func plans(_ options: PlanningOptions, timer: StageTimer) throws(IOFailure) -> [Plan] {
        try plans(paths: options.paths, options: options.planOptions, timer: timer)
    }

    /// Parses and plans every input with the given options.
    static func plans(paths: [String], options: PlanOptions, timer: StageTimer) throws(IOFailure) -> [Plan] {
        let documents = try documents(paths, timer: timer)
        var plans: [Plan] = []
        for doc in documents {
            plans.append(Plan(doc, options: options, lap: timer.enabled ? { timer.lap($0) } : nil))
        }
        return plans
    }
}
