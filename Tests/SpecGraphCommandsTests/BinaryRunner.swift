import Foundation
import SpecGraphTestSupport
import Testing

/// Runs the built `specgraph` binary, as a user would.
enum SpecGraphBinary {
    /// The package root, from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (same build folder), else `.build/debug`.
    static let url: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("specgraph")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/specgraph")
    }()

    struct Result {
        var code: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    /// Runs `specgraph args…` in the package root (or in `directory`).
    static func run(_ args: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = args
        process.currentDirectoryURL = directory ?? packageRoot
        return try launch(process, stdin: stdin)
    }

    /// Runs a prepared process with `NO_COLOR` (none of `removed`,
    /// then `extra`) in its environment, feeding `stdin`, and collects both outputs.
    static func launch(
        _ process: Process, stdin: Data? = nil, environment extra: [String: String] = [:], removing removed: [String] = []
    ) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        for name in removed { environment[name] = nil }
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        // Read both pipes fully before waiting, so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            errBox.data = errHandle.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Result(
            code: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("specgraph-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Compares text with a recorded file under `Tests/SpecGraphCommandsTests/Golden/`;
/// `SPECGRAPH_RECORD=1` records it anew.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectMatchesRecording(text, at: "Tests/SpecGraphCommandsTests/Golden/\(name)", sourceLocation: sourceLocation)
}
