#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// Runs `git args…` in `folder` (through `/usr/bin/env`, which finds it
    /// on the PATH); stdout captured, stdin and stderr on /dev/null, no
    /// terminal prompt, the C locale. Spawned with `posix_spawn`: Foundation's
    /// `Process` would link Foundation and its ICU data into every run of the
    /// program, about 13 M instructions and 7 MB at start.
    private static func git(_ args: [String], in folder: String) throws(IOFailure) -> (status: Int32, stdout: [UInt8]) {
        func failure(_ what: String) -> IOFailure { IOFailure("git", "--since: cannot run git: \(what)", reading: true) }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw failure(InputFiles.errnoText()) }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        var environment: [String] = []
        var entry = environ
        while let variable = entry.pointee {
            let text = String(cString: variable)
            if !text.hasPrefix("GIT_TERMINAL_PROMPT="), !text.hasPrefix("LC_ALL=") { environment.append(text) }
            entry += 1
        }
        environment += ["GIT_TERMINAL_PROMPT=0", "LC_ALL=C"]
        let argv = (["env", "git", "-C", folder] + args).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, envp)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw failure(String(cString: strerror(spawned)))
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Syscall.read(fd: readEnd, into: $0.baseAddress, count: $0.count) }
            if n > 0 {
                output.append(contentsOf: buffer[0..<n])
            } else if n < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        close(readEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // The exit code when git exited; a killed git counts as 128 + its signal, as shells say.
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        // `env` exits 127 when git is not installed.
        if code == 127 {
            throw IOFailure("git", "--since needs the git command, which was not found", reading: true)
        }
        return (code, output)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
