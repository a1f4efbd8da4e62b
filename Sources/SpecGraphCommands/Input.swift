#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SpecKitTasks

/// A failure to read or write files: exit code 2, message on stderr.
struct IOFailure: Error, CustomStringConvertible {
    var description: String
}

/// Reading input files: the only place that opens them (read-only).
enum InputFiles {
    /// Expands the command line's paths: a directory means every `tasks.md` below
    /// it (sorted, so the output order is stable); a file is taken as it is.
    static func expand(_ paths: [String]) throws(IOFailure) -> [String] {
        var result: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw IOFailure(description: "\(path): error: cannot read: \(errnoText())")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var found: [String] = []
                walk(path, into: &found)
                if found.isEmpty {
                    throw IOFailure(description: "\(path): error: no tasks.md file in this directory or below it")
                }
                result.append(contentsOf: found.sorted())
            } else {
                result.append(path)
            }
        }
        return result
    }

    /// Iterative directory walk (no recursion), skipping hidden folders and build output.
    private static func walk(_ root: String, into found: inout [String]) {
        var pending = [root]
        while let dir = pending.popLast() {
            guard let handle = opendir(dir) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." || name.hasPrefix(".") || name == "node_modules" { continue }
                let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(path)
                } else if name == "tasks.md" && (info.st_mode & S_IFMT) == S_IFREG {
                    found.append(path)
                }
            }
        }
    }

    /// The whole file as bytes.
    /// Whether `path` names a regular file (following symlinks).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func read(_ path: String) throws(IOFailure) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IOFailure(description: "\(path): error: cannot open: \(errnoText())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IOFailure(description: "\(path): error: cannot read: \(errnoText())") }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw IOFailure(description: "\(path): error: is a directory")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(Int(info.st_size), 0) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(description: "\(path): error: cannot read: \(errnoText())")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
