import Testing

@testable import SpecKitTasks

/// Heading ranges inherited by many tasks become groups in the order the
/// headings are written (a `blocks` range the other way round); ranges written
/// in one task's own text, and heading ranges too small to group, stay pairs.
@Test func headingRangesGroupInOrderOfFirstAppearance() throws {
    func id(_ i: Int) -> String { "T" + String(repeating: "0", count: 5 - String(i).count) + String(i) }
    var text = "# Tasks\n\n## Phase 1: Setup\n\n"
    for i in 1...100 { text += "- [ ] \(id(i)) Setup part \(i)\n" }
    text += "\n## Phase 2: Core\n\n### Models (blocks T00301-T00380)\n\n"
    for i in 101...160 { text += "- [ ] \(id(i)) Model part \(i) (depends on T00001-T00003)\n" }
    text += "\n### Services (depends on T00001-T00100)\n\n"
    for i in 161...230 { text += "- [ ] \(id(i)) Service part \(i)\n" }
    text += "\n### Small (depends on T00001-T00002)\n\n"
    for i in 231...240 { text += "- [ ] \(id(i)) Small part \(i)\n" }
    text += "\n## Phase 3: Polish\n\n"
    for i in 241...380 { text += "- [ ] \(id(i)) Polish part \(i)\n" }
    let doc = SpecParser.parse(Array(text.utf8), path: "ranges.md")
    try #require(doc.dependencyGroups.count == 2)
    let (models, services) = (doc.dependencyGroups[0], doc.dependencyGroups[1])
    // `blocks`: the 60 model tasks come before the 80 named ones.
    #expect(models.predecessors == (100..<160).map(Int32.init))
    #expect(models.successors == (300..<380).map(Int32.init))
    #expect(models.location.line < services.location.line)
    #expect(services.predecessors == (0..<100).map(Int32.init))
    #expect(services.successors == (160..<230).map(Int32.init))
    // The model tasks' own ranges (three each) and the small heading's range stay pairs.
    let pairs = Set(doc.dependencies.map { [$0.predecessor, $0.successor] })
    #expect(doc.dependencies.count == 60 * 3 + 10 * 2)
    #expect(pairs.contains([0, 100]) && pairs.contains([2, 159]) && pairs.contains([1, 239]))
}
