#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library calls whose names the commands' own types shadow
/// (`InputFiles.read`, `OutputFile.write`, `ParsableCommand.exit`), the same
/// on Linux and macOS.
enum Syscall {
    /// `read(2)`.
    static func read(fd: Int32, into buffer: UnsafeMutableRawPointer?, count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// `write(2)`.
    static func write(fd: Int32, from buffer: UnsafeRawPointer?, count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    /// `exit(3)`.
    static func exit(_ code: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(code)
        #else
        Darwin.exit(code)
        #endif
    }
}
