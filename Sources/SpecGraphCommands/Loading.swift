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
        let documents = try documents(options.paths, timer: timer)
        var plans: [Plan] = []
        for doc in documents {
            plans.append(Plan(doc, options: options.planOptions, lap: timer.enabled ? { timer.lap($0) } : nil))
        }
        return plans
    }

    /// A short name for each input: the directory a `tasks.md` is in
    /// (`specs/001-auth/tasks.md` → `001-auth`), or the path itself when that
    /// is not enough to tell the inputs apart.
    static func featureNames(_ paths: [String]) -> [String] {
        let names = paths.map { path -> String in
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            let directory = parts.count >= 2 ? String(parts[parts.count - 2]) : ""
            return directory.isEmpty || directory == "." || directory == ".." ? path : directory
        }
        var seen: [String: Int] = [:]
        for name in names { seen[name, default: 0] += 1 }
        return zip(names, paths).map { seen[$0] == 1 ? $0 : $1 }
    }
}
