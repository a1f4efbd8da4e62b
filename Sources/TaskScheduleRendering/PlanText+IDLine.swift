import SpecKitTasks
import TaskScheduling

extension PlanText {
    /// A line of IDs written as bytes straight into the writer, wrapped like
    /// ``wrapIDs(_:more:prefix:separator:into:)``: a piece that would pass
    /// column 80 starts a new line indented under the first piece. Widths
    /// are in Characters; a caller gives byte counts only for ASCII text
    /// without CR (one Character per byte) and ``wrapIDs`` for anything else.
    struct IDLine {
        static let width = 80
        /// Columns of the prefix, and of the indent of every further line.
        let indent: Int
        var column: Int
        var hasItem = false

        /// A line whose prefix (already written) is `indent` columns wide.
        init(indent: Int) {
            self.indent = indent
            column = indent
        }

        /// Makes room for a piece `width` columns wide: a line break and the
        /// indent when it does not fit after the pieces before it, else a
        /// space after them. The caller writes the piece next.
        @inline(__always) mutating func start(_ width: Int, _ w: inout ByteWriter) {
            if hasItem && column + 1 + width > Self.width {
                w.write(byte: UInt8(ascii: "\n"))
                PlanText.writeSpaces(indent, &w)
                column = indent
                hasItem = false
            }
            if hasItem {
                w.write(byte: UInt8(ascii: " "))
                column += 1
            }
            column += width
            hasItem = true
        }
    }

    /// The names of graph nodes, read as UTF-8 without making a `String` per name.
    struct NodeNames {
        let tasks: [SpecTask]
        let taskOfNode: [Int32]
        let milestones: [String]

        init(_ plan: Plan) {
            tasks = plan.document.tasks
            taskOfNode = plan.graph.taskOfNode
            milestones = plan.graph.milestoneNames
        }

        /// `body` with the UTF-8 bytes of the name of node `v` (the task ID or the milestone name).
        @inline(__always) func withName<R>(_ v: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let i = Int(v)
            var name = i < taskOfNode.count ? tasks[Int(taskOfNode[i])].id : milestones[i - taskOfNode.count]
            return name.withUTF8(body)
        }

        /// Whether every name of `nodes` is ASCII without CR, so that its
        /// bytes are its Characters (CR LF is one Character) and it joins no
        /// Character before or after it: then widths are byte counts.
        func areSimple(_ nodes: some Sequence<Int32>) -> Bool {
            for v in nodes where !withName(v, Self.isSimple) { return false }
            return true
        }

        /// Whether a name is ASCII without CR (see ``areSimple(_:)``).
        @inline(__always) static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var any: UInt8 = 0
            var cr = false
            for b in bytes {
                any |= b
                cr = cr || b == UInt8(ascii: "\r")
            }
            return any < 0x80 && !cr
        }

        /// Writes the names of `nodes` on `line` and returns true when every
        /// name is simple (see ``areSimple(_:)``); stops at the first that is
        /// not and returns false, leaving the names before it written.
        func writeSimple(_ nodes: some Sequence<Int32>, on line: inout IDLine, _ w: inout ByteWriter) -> Bool {
            for v in nodes {
                let written = withName(v) { bytes in
                    guard Self.isSimple(bytes) else { return false }
                    line.start(bytes.count, &w)
                    w.write(bytes: bytes)
                    return true
                }
                if !written { return false }
            }
            return true
        }

        /// Writes the name of node `v`; returns its length in bytes.
        @inline(__always) @discardableResult
        func write(_ v: Int32, _ w: inout ByteWriter) -> Int {
            withName(v) { bytes in
                w.write(bytes: bytes)
                return bytes.count
            }
        }

        /// The length in bytes of the name of node `v`.
        @inline(__always) func length(_ v: Int32) -> Int { withName(v) { $0.count } }
    }

    /// Writes `n` spaces.
    static func writeSpaces(_ n: Int, _ w: inout ByteWriter) {
        guard n > 0 else { return }
        w.reserve(n).initialize(repeating: UInt8(ascii: " "), count: n)
        w.commit(n)
    }

    /// The number of decimal digits of `n` ≥ 0.
    static func digitCount(_ n: Int) -> Int {
        var digits = 1
        var rest = n
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits
    }
}
