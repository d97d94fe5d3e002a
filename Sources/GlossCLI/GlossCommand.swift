import ArgumentParser

/// The `gloss` command: opens the library when run without a subcommand.
public struct GlossCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "A keyboard-driven terminal reader for close reading, highlights and notes.",
        version: "0.1.0"
    )

    public init() {}

    public func run() throws {
        print("gloss: not yet")
    }
}
