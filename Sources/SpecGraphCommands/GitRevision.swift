#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads a file as it was at a git revision, through the `git` command
/// (`git show REF:path`, the path relative to the repository's top folder).
enum GitRevision {
    /// The bytes of `path` at `ref`, or nil when the file did not exist then.
    ///
    /// - Throws: ``IOFailure`` when git is missing, the file is not in a git
    ///   repository, or `ref` names no commit.
    static func read(_ path: String, at ref: String) throws(IOFailure) -> [UInt8]? {
        guard path != "-" else { throw IOFailure("-", "--since needs files in a git repository, not standard input", reading: true) }
        guard let absolute = realPath(path) else {
            throw IOFailure(path, "cannot read: \(InputFiles.errnoText())", reading: true)
        }
        let folder = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.startIndex)])
        let topOutput = try git(["rev-parse", "--show-toplevel"], in: folder.isEmpty ? "/" : folder)
        guard topOutput.status == 0, let topLine = String(decoding: topOutput.stdout, as: UTF8.self).split(separator: "\n").first
        else {
            throw IOFailure(path, "--since \(ref): the file is not in a git repository", reading: true)
        }
        let top = realPath(String(topLine)) ?? String(topLine)
        let prefix = top.hasSuffix("/") ? top : top + "/"
        guard absolute.hasPrefix(prefix) else {
            throw IOFailure(path, "--since \(ref): the file is outside the repository at \(top)", reading: true)
        }
        let relative = String(absolute.dropFirst(prefix.count))
        let verify = try git(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"], in: top)
        guard verify.status == 0 else {
            throw IOFailure(path, "--since \(ref): no such commit in the repository at \(top)", reading: true)
        }
        let spec = ref + ":" + relative
        guard try git(["cat-file", "-e", spec], in: top).status == 0 else { return nil }
        let shown = try git(["show", spec], in: top)
        guard shown.status == 0 else {
            throw IOFailure(path, "--since \(ref): git show \(spec) failed", reading: true)
        }
        return shown.stdout
    }

    /// Runs `git args…` in `folder`; stdout captured, stderr dropped.
    private static func git(_ args: [String], in folder: String) throws(IOFailure) -> (status: Int32, stdout: [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + args
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw IOFailure("git", "--since: cannot run git: \(error.localizedDescription)", reading: true)
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // `env` exits 127 when git is not installed.
        if process.terminationStatus == 127 {
            throw IOFailure("git", "--since needs the git command, which was not found", reading: true)
        }
        return (process.terminationStatus, [UInt8](data))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
