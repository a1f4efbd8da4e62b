#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// glibc's malloc set up for a large input: the command runs again, at once,
/// with `GLIBC_TUNABLES` naming two settings, because glibc reads them only
/// when a process starts.
///
/// - `glibc.malloc.hugetlb=1`: the heaps are advised to use transparent huge
///   pages (on systems where `transparent_hugepage` is `madvise`, a common
///   default), so memory is faulted in 2 MB at a time, not 4 KB.
/// - `glibc.malloc.top_pad=67108864`: a heap grows 64 MB at a time. Without
///   it, a worker thread's heap grows by the page, one `mprotect` call each
///   (19,000 of them in a parse of a million tasks), and a huge page cannot
///   form at the edge of the heap.
///
/// On the generated spec of a million tasks (98 MB) this took the parse from
/// a median of 424 to 376 ms and the whole `plan --format json` from 0.81 to
/// 0.72 s; peak memory rose from 521 to 564 MB. At 100,000 tasks (10 MB),
/// `check` went from 86 to 72 ms. Running again costs about 5 ms, more than
/// it saves on small files, so only inputs of ``minimumBytes`` or more run
/// again.
///
/// A process already started with `GLIBC_TUNABLES` (empty or not) keeps what
/// it was given: that is how a caller turns this off, and how the run started
/// again knows not to start once more. Only the executable runs again
/// (``mayRestart``); the library, tests and benchmarks never do. Where
/// `execve` fails, or off Linux, the command goes on as it was; a
/// set-user-ID or set-group-ID run never starts again.
enum LargeInputMalloc {
    /// The settings, as `GLIBC_TUNABLES` takes them.
    static let tunables = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864"

    /// Inputs of at least this many bytes in all (about 80,000 tasks) run again.
    static let minimumBytes = 8 << 20

    /// Whether this process is the `specgraph` executable (set by its entry
    /// point), and not a test or another program using the library.
    nonisolated(unsafe) static var mayRestart = false

    /// Whether a run with inputs of `inputBytes` bytes in all should start
    /// again, when `GLIBC_TUNABLES` has `current` as its value (nil: unset).
    static func shouldRestart(inputBytes: Int, current: String?) -> Bool {
        current == nil && inputBytes >= minimumBytes
    }

    /// Whether this process was started again for a large input (its
    /// `GLIBC_TUNABLES` is exactly ``tunables``).
    static var isRestarted: Bool {
        guard let value = getenv("GLIBC_TUNABLES") else { return false }
        return String(cString: value) == tunables
    }

    /// The regular files among `files` and their bytes in all; standard input
    /// (`-`) and anything but a regular file count as nothing.
    static func regularFileBytes(_ files: [String]) -> Int {
        files.reduce(0) { $0 + ($1 == InputFiles.standardInput ? 0 : InputFiles.regularFileSize($1) ?? 0) }
    }

    /// Starts the command again with ``tunables`` when the inputs `files`
    /// are large and nothing has been written yet; returns when it does not
    /// (or cannot) start again.
    static func restartIfLarge(_ files: [String]) {
        #if os(Linux)
        guard mayRestart, !Output.wroteAnything, !files.contains(InputFiles.standardInput) else { return }
        // A set-user-ID or set-group-ID run: glibc may drop GLIBC_TUNABLES
        // from the new run's environment, which would then start again forever.
        guard getuid() == geteuid(), getgid() == getegid() else { return }
        let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) }
        guard shouldRestart(inputBytes: regularFileBytes(files), current: current) else { return }
        var environment: [UnsafeMutablePointer<CChar>?] = []
        var entry = environ
        while let variable = entry.pointee {
            environment.append(variable)
            entry += 1
        }
        let added = strdup("GLIBC_TUNABLES=" + tunables)
        environment.append(added)
        environment.append(nil)
        // The same arguments, the same open descriptors: only the allocator differs.
        if let executable = executablePath() {
            _ = environment.withUnsafeBufferPointer { execve(executable, CommandLine.unsafeArgv, $0.baseAddress) }
        }
        free(added)  // execve failed: go on in this process
        #endif
    }

    /// The path of the file this code was mapped from, read from
    /// `/proc/self/maps`; nil when it cannot be read. Not `/proc/self/exe`:
    /// under a tool that runs the program (Valgrind) that is the tool's own
    /// binary, and for a program started through the loader
    /// (`ld-linux-x86-64.so.2 ./specgraph …`) it is the loader, which would
    /// take the command's first argument for a program.
    static func executablePath() -> String? {
        #if os(Linux)
        let code: @convention(c) () -> Void = {}
        let address = UInt(bitPattern: unsafeBitCast(code, to: Int.self))
        guard let maps = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(maps) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, maps) > 0, let line {
            if let path = mappedPath(String(cString: line), containing: address) { return path }
        }
        return nil
        #else
        return nil
        #endif
    }

    /// The file of a `/proc/self/maps` line (`start-end perms offset dev
    /// inode path`) whose range holds `address`; nil for another range, or
    /// a mapping of no file.
    static func mappedPath(_ line: String, containing address: UInt) -> String? {
        let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        guard fields.count == 6 else { return nil }
        let range = fields[0].split(separator: "-")
        guard range.count == 2, let lo = UInt(range[0], radix: 16), let hi = UInt(range[1], radix: 16),
            lo <= address, address < hi
        else { return nil }
        let path = fields[5].trimmingPrefix(while: { $0 == " " })
        let trimmed = path.hasSuffix("\n") ? path.dropLast() : path[...]
        return trimmed.hasPrefix("/") ? String(trimmed) : nil
    }
}
