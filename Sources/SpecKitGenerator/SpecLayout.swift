/// How a document's tasks are shared among its phases, decided before any
/// byte is written so that the planted cycle can be named at the top.
///
/// Tasks are numbered from 1 in document order: Setup, Foundational, the
/// stories in order, then Polish.
struct SpecLayout {
    let options: GeneratorOptions
    let setupCount: Int
    let foundationalCount: Int
    let polishCount: Int
    /// The number of tasks of each story phase; every entry is at least 1.
    let storySizes: [Int]
    /// Digits in every task ID (`T001`, or `T0000001` for a million tasks).
    let idWidth: Int
    /// The planted cycle `(earlier, later)`: the earlier task depends on the
    /// later one and the later one on the earlier one.
    let cycle: (earlier: Int, later: Int)?

    var firstFoundational: Int { 1 + setupCount }
    var firstStoryTask: Int { 1 + setupCount + foundationalCount }
    var firstPolish: Int { 1 + options.tasks - polishCount }

    /// - Complexity: O(stories).
    init(_ options: GeneratorOptions) {
        self.options = options
        let n = options.tasks
        if n >= 6 {
            setupCount = max(1, n / 30)
            foundationalCount = max(1, n / 15)
            polishCount = max(1, n / 50)
        } else {
            (setupCount, foundationalCount, polishCount) = (0, 0, 0)
        }
        let storyTotal = n - setupCount - foundationalCount - polishCount
        let wanted = options.stories ?? GeneratorOptions.defaultStories(forTasks: n)
        let storyCount = min(wanted, storyTotal)
        storySizes = Self.split(storyTotal, into: storyCount, seed: options.seed)

        var digits = 1
        var rest = n
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        idWidth = max(3, digits)

        cycle = options.plantCycle ? Self.cycle(storySizes: storySizes, firstStoryTask: 1 + setupCount + foundationalCount, tasks: n) : nil
    }

    /// Splits `total` tasks into `parts` stories of uneven sizes (weights
    /// 1…3), each at least one task.
    private static func split(_ total: Int, into parts: Int, seed: UInt64) -> [Int] {
        guard parts > 0 else { return [] }
        var random = SplitMix64(seed: seed ^ 0x5EED_0F_5707_1E5)
        let weights = (0..<parts).map { _ in 50 + random.below(101) }
        let weightSum = weights.reduce(0, +)
        let spare = total - parts
        var sizes = weights.map { 1 + spare * $0 / weightSum }
        var left = total - sizes.reduce(0, +)
        var index = 0
        while left > 0 {
            sizes[index % parts] += 1
            left -= 1
            index += 1
        }
        return sizes
    }

    /// The first and last task of the middle story that has at least two
    /// tasks; failing that, tasks 1 and 2.
    private static func cycle(storySizes: [Int], firstStoryTask: Int, tasks: Int) -> (earlier: Int, later: Int)? {
        guard tasks >= 2 else { return nil }
        var starts: [Int] = []
        var next = firstStoryTask
        for size in storySizes {
            starts.append(next)
            next += size
        }
        let middle = storySizes.count / 2
        for index in Array(middle..<storySizes.count) + Array(0..<middle) where storySizes[index] >= 2 {
            return (starts[index], starts[index] + storySizes[index] - 1)
        }
        return (1, 2)
    }
}
