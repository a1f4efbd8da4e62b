#if canImport(Glibc)
import Glibc
private let libcRead: @Sendable (Int32, UnsafeMutableRawPointer?, Int) -> Int = Glibc.read
private let libcWrite: @Sendable (Int32, UnsafeRawPointer?, Int) -> Int = Glibc.write
private let libcExit: @Sendable (Int32) -> Never = Glibc.exit
#elseif canImport(Darwin)
import Darwin
private let libcRead: @Sendable (Int32, UnsafeMutableRawPointer?, Int) -> Int = Darwin.read
private let libcWrite: @Sendable (Int32, UnsafeRawPointer?, Int) -> Int = Darwin.write
private let libcExit: @Sendable (Int32) -> Never = Darwin.exit
#endif

/// The C library calls whose names the commands' own types shadow
/// (`InputFiles.read`, `OutputFile.write`, `ParsableCommand.exit`), the same
/// on Linux and macOS.
enum Syscall {
    /// `read(2)`.
    static func read(fd: Int32, into buffer: UnsafeMutableRawPointer?, count: Int) -> Int { libcRead(fd, buffer, count) }

    /// `write(2)`.
    static func write(fd: Int32, from buffer: UnsafeRawPointer?, count: Int) -> Int { libcWrite(fd, buffer, count) }

    /// `exit(3)`.
    static func exit(_ code: Int32) -> Never { libcExit(code) }

    /// The process's peak resident memory so far, in MB.
    static func peakMegabytes() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) / (1 << 20)  // bytes
        #else
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) / 1024  // kilobytes
        #endif
    }
}
