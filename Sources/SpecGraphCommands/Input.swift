#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SpecKitTasks

/// A failure to read or write files: exit code 2, one `path: error: message` line
/// per problem on stderr (`[unreadable]` after the ones about reading input).
struct IOFailure: Error, CustomStringConvertible {
    struct Problem {
        var path: String
        var message: String
        /// An input that could not be read (code `unreadable`), not an output.
        var reading: Bool
    }

    var problems: [Problem]

    init(_ path: String, _ message: String, reading: Bool) {
        problems = [Problem(path: path, message: message, reading: reading)]
    }

    init(problems: [Problem]) { self.problems = problems }

    var description: String {
        problems.map { "\($0.path): error: \($0.message)\($0.reading ? " [unreadable]" : "")" }.joined(separator: "\n")
    }
}

/// Reading input files: the only place that opens them (read-only).
enum InputFiles {
    /// The command line's name for standard input.
    static let standardInput = "-"
    /// What diagnostics call standard input.
    static let standardInputName = "<stdin>"

    /// The largest input read without `--max-input`: 1 GiB.
    static let defaultLimit = 1 << 30

    /// Expands the command line's paths: a directory means every `tasks.md` below
    /// it (sorted, so the output order is stable); a file is taken as it is; `-`
    /// is standard input. Every entry of a directory that cannot be read is
    /// reported (not skipped), so a check never passes on files it did not see.
    static func expand(_ paths: [String]) throws(IOFailure) -> [String] {
        var result: [String] = []
        var problems: [IOFailure.Problem] = []
        for path in paths {
            if path == standardInput {
                result.append(path)
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                problems.append(.init(path: path, message: "cannot read: \(errnoText())", reading: true))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var found: [String] = []
                walk(path, into: &found, problems: &problems)
                if found.isEmpty && problems.isEmpty {
                    problems.append(
                        .init(path: path, message: "no tasks.md file in this directory or below it", reading: true))
                }
                result.append(contentsOf: found.sorted())
            } else {
                result.append(path)
            }
        }
        if !problems.isEmpty { throw IOFailure(problems: problems) }
        return result
    }

    /// Iterative directory walk (no recursion), skipping hidden folders and build
    /// output; folders and entries it cannot read go to `problems`.
    private static func walk(_ root: String, into found: inout [String], problems: inout [IOFailure.Problem]) {
        var pending = [root]
        while let dir = pending.popLast() {
            guard let handle = opendir(dir) else {
                problems.append(.init(path: dir, message: "cannot read this directory: \(errnoText())", reading: true))
                continue
            }
            defer { closedir(handle) }
            while true {
                errno = 0
                guard let entry = readdir(handle) else {
                    if errno != 0 {
                        problems.append(.init(path: dir, message: "cannot list this directory: \(errnoText())", reading: true))
                    }
                    break
                }
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." || name.hasPrefix(".") || name == "node_modules" { continue }
                let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else {
                    problems.append(.init(path: path, message: "cannot read: \(errnoText())", reading: true))
                    continue
                }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(path)
                } else if name == "tasks.md" && (info.st_mode & S_IFMT) == S_IFREG {
                    guard access(path, R_OK) == 0 else {
                        problems.append(.init(path: path, message: "cannot read: \(errnoText())", reading: true))
                        continue
                    }
                    found.append(path)
                }
            }
        }
    }

    /// Whether `path` names anything that exists (following symlinks).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Whether `path` names a regular file (following symlinks).
    static func isRegularFile(_ path: String) -> Bool { regularFileSize(path) != nil }

    /// The size of `path` in bytes when it is a regular file; nil otherwise
    /// (a folder, a FIFO, a missing file).
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// The whole file as bytes (`-`: standard input), at most `limit` of them.
    ///
    /// - Complexity: O(min(size, limit)) time and memory: a file larger than the
    ///   limit (or an endless one, such as `/dev/zero`) is refused after `limit + 1`
    ///   bytes at most.
    static func read(_ path: String, limit: Int = defaultLimit) throws(IOFailure) -> [UInt8] {
        try withOpened(path, limit: limit) { (fd, info, name) throws(IOFailure) in
            try read(fd, info, name: name, limit: limit)
        }
    }

    /// Regular files at least this large are mapped rather than read: mapping
    /// saves the copy and the page faults of a fresh buffer (at 100 MB, about
    /// 50 ms of the read's 60 on the 2-core machine), and below it the two
    /// cost the same.
    static let mappingThreshold = 1 << 20

    /// The whole file's bytes (`-`: standard input), at most `limit` of
    /// them, lent to `body`: the bytes are valid inside it only.
    ///
    /// A regular file of at least ``mappingThreshold`` bytes is mapped into
    /// memory read-only, and unmapped when `body` returns; any other input is
    /// read as ``read(_:limit:)`` reads it. A mapped file cut short by another
    /// process while `body` reads it would end the process with `SIGBUS`; the
    /// run then stops with a `path: error: …` line and exit code 2
    /// (``MappedInput``).
    /// - Complexity: O(size) to map (on Linux the pages are mapped by the
    ///   call, `MAP_POPULATE`), O(size) to read otherwise.
    static func withContents<R>(
        _ path: String, limit: Int = defaultLimit, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) throws(IOFailure) -> R {
        // One open for both ways: a FIFO opened a second time could wait for
        // a writer that has already written and gone.
        let contents: Contents = try withOpened(path, limit: limit) { (fd, info, name) throws(IOFailure) in
            let size = Int(info.st_size)
            // Standard input is read from where it stands (a caller may have
            // read some of it already), so it is never mapped.
            if path != standardInput, (info.st_mode & S_IFMT) == S_IFREG, size >= mappingThreshold,
                let start = mmap(nil, size, PROT_READ, mappingFlags, fd, 0), start != MAP_FAILED
            {
                return .mapped(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: size))
            }
            return .read(try read(fd, info, name: name, limit: limit))
        }
        switch contents {
        case .read(let bytes):
            return bytes.withUnsafeBufferPointer(body)
        case .mapped(let mapped):
            defer { munmap(UnsafeMutableRawPointer(mutating: mapped.baseAddress), mapped.count) }
            return MappedInput.guarding(path) { body(mapped) }
        }
    }

    /// A private read-only mapping, its pages mapped by the call on Linux
    /// (`MAP_POPULATE`).
    private static var mappingFlags: Int32 {
        #if os(Linux)
        MAP_PRIVATE | MAP_POPULATE
        #else
        MAP_PRIVATE
        #endif
    }

    private enum Contents {
        case mapped(UnsafeBufferPointer<UInt8>)
        case read([UInt8])
    }

    /// Opens `path` (`-`: standard input), refuses a directory or a regular
    /// file over `limit`, and hands the descriptor, its `fstat` and the name
    /// diagnostics use to `body`; the file is closed when `body` returns.
    private static func withOpened<R>(
        _ path: String, limit: Int, _ body: (Int32, stat, String) throws(IOFailure) -> R
    ) throws(IOFailure) -> R {
        let name = path == standardInput ? standardInputName : path
        let fd = path == standardInput ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else { throw IOFailure(name, "cannot open: \(errnoText())", reading: true) }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IOFailure(name, "cannot read: \(errnoText())", reading: true) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw IOFailure(name, "is a directory", reading: true)
        }
        if (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > limit { throw tooLarge(name, limit: limit) }
        return try body(fd, info, name)
    }

    private static func tooLarge(_ name: String, limit: Int) -> IOFailure {
        IOFailure(name, "larger than the input limit of \(limit) bytes; --max-input BYTES reads larger files", reading: true)
    }

    /// The rest of the open file `fd`, read as ``read(_:limit:)`` describes.
    private static func read(_ fd: Int32, _ info: stat, name: String, limit: Int) throws(IOFailure) -> [UInt8] {
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        var bytes: [UInt8] = []
        if isRegular {
            // The file's size and one byte more, read straight into the array
            // (through a buffer, every byte would be copied twice); a file
            // that grew meanwhile goes on below, and one that shrank just ends.
            var failed: Int32 = 0
            let room = min(max(Int(info.st_size), 0), limit) + 1
            bytes = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
                while count < room {
                    let n = readSome(fd, buffer.baseAddress! + count, room - count)
                    if n <= 0 {
                        failed = Int32(-n)
                        break
                    }
                    count += n
                }
            }
            if failed != 0 {
                errno = failed
                throw IOFailure(name, "cannot read: \(errnoText())", reading: true)
            }
            if bytes.count > limit { throw tooLarge(name, limit: limit) }
            if bytes.count < room { return bytes }
        } else {
            bytes.reserveCapacity(1 << 16)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            // Never more than one byte past the limit.
            let room = min(chunk.count, limit - bytes.count + 1)
            let n = chunk.withUnsafeMutableBytes { readSome(fd, $0.baseAddress, room) }
            if n < 0 {
                errno = Int32(-n)
                throw IOFailure(name, "cannot read: \(errnoText())", reading: true)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw tooLarge(name, limit: limit) }
        }
        return bytes
    }

    /// `read(2)` of at most `count` bytes, again when a signal interrupted
    /// it: how many were read (0 at the end of the file), or `-errno`.
    private static func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        while true {
            let n = Syscall.read(fd: fd, into: buffer, count: count)
            if n >= 0 { return n }
            if errno != EINTR { return -Int(errno) }
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// What a run does when a file it has mapped (``InputFiles/withContents(_:limit:_:)``)
/// is cut short by another process while being read: reading a page past the
/// new end raises `SIGBUS`, which would end the process with no word of why.
/// The handler writes one `path: error: …` line, as for any unreadable input,
/// removes a half-written output file, and exits with code 2.
enum MappedInput {
    /// The line to write, made before the handler can run (a handler may not allocate).
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static var installed = false

    /// Runs `body` with the handler armed for `path`.
    static func guarding<R>(_ path: String, _ body: () -> R) -> R {
        let line = "\(path): error: cannot read: the file was cut short while it was read [unreadable]\n"
        message = strdup(line)
        length = line.utf8.count
        if !installed {
            installed = true
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGBUS)
            signal(SIGBUS) { sig in
                // Armed only while a mapped file is read; any other SIGBUS
                // ends the process as it would have without this handler.
                guard let message = MappedInput.message else {
                    signal(sig, SIG_DFL)
                    raise(sig)
                    return
                }
                _ = write(2, message, MappedInput.length)
                OutputCleanup.removePending()
                _exit(2)
            }
            sigprocmask(SIG_UNBLOCK, &signals, nil)
        }
        defer {
            let armed = message
            message = nil
            free(armed)
        }
        return body()
    }
}
