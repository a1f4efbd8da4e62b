#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Graphviz
import Testing

/// cgraph numbers named objects by where their names are allocated, and
/// `dot` places clusters in that order; each graph allocates from a region
/// whose addresses only grow, so a picture does not depend on what the
/// process allocated and freed before.
@Test func clusterPicturesDoNotDependOnEarlierAllocations() throws {
    var dot = "digraph plan {\n"
    for c in 0..<24 {
        dot += "  subgraph cluster_phase_number_\(c) { label=\"Phase \(c)\"; "
        for t in 0..<3 { dot += "task_\(c)_\(t); " }
        dot += "}\n"
        if c > 0 { dot += "  task_\(c - 1)_0 -> task_\(c)_\(c % 3);\n" }
    }
    dot += "}\n"
    let first = try GraphvizRenderer.render(dot: dot, format: .svg)
    // Free blocks of a name's size, scattered: a malloc-backed graph would
    // get its names from them in an order unrelated to the text's.
    for round in 0..<8 {
        var blocks: [UnsafeMutableRawPointer?] = []
        for k in 0..<4096 { blocks.append(malloc(24 + (k * 7 + round) % 40)) }
        for k in stride(from: blocks.count - 1, through: 0, by: -1) where (k * 31 + round) % 3 != 0 { free(blocks[k]) }
        let again = try GraphvizRenderer.render(dot: dot, format: .svg)
        for k in blocks.indices where (k * 31 + round) % 3 == 0 { free(blocks[k]) }
        #expect(again.elementsEqual(first), "round \(round): the picture changed")
    }
}
