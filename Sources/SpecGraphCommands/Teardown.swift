/// The process is about to exit: freeing a million-task plan object by object
/// takes longer than the rest of the output, and the system reclaims it at once.
enum Teardown {
    private final class Keep: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    static func skip(_ value: Any) {
        _ = Unmanaged.passRetained(Keep(value))
    }
}
