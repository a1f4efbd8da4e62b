import ArgumentParser

public struct SpecGraphCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "specgraph")
    public init() {}
    public func run() throws {}
}
