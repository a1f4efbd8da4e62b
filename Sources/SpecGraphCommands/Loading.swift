import SpecKitTasks
import TaskScheduling

/// Reading and parsing the command line's inputs.
enum Loading {
    /// Parses every input; I/O failures are thrown (exit code 2).
    static func documents(
        _ paths: [String], limit: Int = InputFiles.defaultLimit, timer: StageTimer
    ) throws(IOFailure) -> [SpecDocument] {
        let files = try InputFiles.expand(paths)
        var documents: [SpecDocument] = []
        for file in files {
            let bytes = try InputFiles.read(file, limit: limit)
            let name = file == InputFiles.standardInput ? InputFiles.standardInputName : file
            timer.lap("read \(name) (\(bytes.count) bytes)")
            documents.append(SpecParser.parse(bytes, path: name))
            timer.lap("parse")
        }
        return documents
    }

    /// Parses and plans every input.
    static func plans(_ options: PlanningOptions, timer: StageTimer) throws(IOFailure) -> [Plan] {
        let documents = try documents(options.paths, limit: options.inputLimit, timer: timer)
        var plans: [Plan] = []
        for doc in documents {
            plans.append(Plan(doc, options: options.planOptions, lap: timer.enabled ? { timer.lap($0) } : nil))
        }
        return plans
    }
}
