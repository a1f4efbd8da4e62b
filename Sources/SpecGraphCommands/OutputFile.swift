#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `-o` output, written whole or not at all.
///
/// - A regular file (or a new one) is written to a temporary file beside it
///   and renamed over it at the end, so a failure or an interruption leaves the
///   old file as it was. A new file gets `0666` less the umask; a replaced
///   file keeps its mode (and, when allowed, its owner).
/// - A symbolic link is followed: its target is replaced, the link stays.
/// - A FIFO or a character device (`/dev/stdout`, `/dev/null`, a terminal) is
///   written directly: it cannot be replaced, and renaming over it would put a
///   regular file in its place.
/// - Anything else (a directory, a block device, a socket) is refused.
///
/// The temporary file is removed on failure and on SIGINT, SIGTERM and SIGHUP.
final class OutputFile {
    /// The name the user gave, for messages.
    let path: String
    private let fd: Int32
    /// The temporary file to rename over `target`, or nil when writing directly.
    private let temporary: String?
    private let target: String
    private var failure: String?

    init(_ path: String) throws(IOFailure) {
        self.path = path
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                break
            case S_IFIFO, S_IFCHR:
                let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
                guard fd >= 0 else { throw IOFailure(path, "cannot write: \(InputFiles.errnoText())", reading: false) }
                self.fd = fd
                temporary = nil
                target = path
                return
            case S_IFDIR:
                throw IOFailure(path, "is a directory; name a file to write", reading: false)
            default:
                throw IOFailure(
                    path, "is neither a regular file, a FIFO nor a character device: not written", reading: false)
            }
        }
        // A regular file, or none yet: follow symbolic links to the file to replace.
        target = try Self.resolve(path)
        let dir: String
        if let slash = target.lastIndex(of: "/") {
            dir = slash == target.startIndex ? "/" : String(target[..<slash])
        } else {
            dir = "."
        }
        var template = Array((dir + "/.specgraph-XXXXXX").utf8CString)
        OutputCleanup.installHandlers()
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw IOFailure(path, "cannot write: \(InputFiles.errnoText())", reading: false) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        OutputCleanup.register(temporary)
        self.fd = fd
        self.temporary = temporary
        var existing = stat()
        if lstat(target, &existing) == 0, (existing.st_mode & S_IFMT) == S_IFREG {
            fchmod(fd, existing.st_mode & 0o7777)
            if existing.st_uid != getuid() || existing.st_gid != getgid() {
                _ = fchown(fd, existing.st_uid, existing.st_gid)  // allowed for root only; else ours
            }
        } else {
            fchmod(fd, 0o666 & ~OutputCleanup.umaskValue)
        }
    }

    /// Appends bytes; the first failure is kept and reported by ``commit()``.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil, let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Syscall.write(fd: fd, from: base + offset, count: bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = InputFiles.errnoText()
                return
            }
            offset += n
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        write(bytes.bindMemory(to: UInt8.self))
    }

    /// Closes the file and puts it in place; on any failure the temporary file
    /// is removed and the old file left as it was.
    func commit() throws(IOFailure) {
        if close(fd) != 0, failure == nil { failure = InputFiles.errnoText() }
        if let temporary {
            if failure == nil, rename(temporary, target) != 0 { failure = InputFiles.errnoText() }
            if failure != nil { unlink(temporary) }
            OutputCleanup.unregister()
        }
        if let failure { throw IOFailure(path, "cannot write: \(failure)", reading: false) }
    }

    /// The file a path names after following symbolic links (at most 40, as the
    /// kernel does); the path itself when it is not a link or does not exist.
    static func resolve(_ path: String) throws(IOFailure) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { throw IOFailure(path, "cannot follow the link: \(InputFiles.errnoText())", reading: false) }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + link
            } else {
                current = link
            }
        }
        throw IOFailure(path, "too many levels of symbolic links", reading: false)
    }
}

/// The temporary output file being written, removed if a signal ends the run.
enum OutputCleanup {
    /// A C copy of the path, readable from a signal handler.
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var installed = false

    /// The process's umask (read once: reading it means setting it).
    static let umaskValue: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    static func register(_ path: String) {
        let copy = strdup(path)
        let old = pending
        pending = copy
        free(old)
    }

    static func unregister() {
        let old = pending
        pending = nil
        free(old)
    }

    /// Removes the output file being written, if any (safe in a signal handler).
    static func removePending() {
        if let path = pending { unlink(path) }
    }

    static func installHandlers() {
        guard !installed else { return }
        installed = true
        _ = umaskValue
        // A parent may start us with these signals blocked (threads of a test
        // runner do): unblock them, or no handler would ever run.
        var signals = sigset_t()
        sigemptyset(&signals)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            sigaddset(&signals, sig)
            signal(sig) { sig in
                OutputCleanup.removePending()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }
}
