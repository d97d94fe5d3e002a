import ArgumentParser
import Testing

@testable import GlossCLI

/// The fast start-up path must read the command line exactly as the argument parser does, or
/// leave it to the parser.
@Suite("Quick launch")
struct QuickLaunchTests {
    /// What the argument parser makes of `arguments`, in the fast path's terms (nil: it is an
    /// error, help, or another command).
    static func parsedByArgumentParser(_ arguments: [String]) -> QuickLaunch.Request? {
        guard let command = try? GlossCommand.parseAsRoot(arguments) else { return nil }
        if let read = command as? ReadCommand {
            return QuickLaunch.Request(
                screen: .read(file: read.file, paragraph: read.paragraph), articles: read.global.articles,
                data: read.global.data, config: read.global.config)
        }
        if let library = command as? LibraryCommand {
            return QuickLaunch.Request(
                screen: .library, articles: library.global.articles, data: library.global.data,
                config: library.global.config)
        }
        return nil
    }

    static let accepted: [[String]] = [
        [],
        ["library"],
        ["read", "a.md"],
        ["read", "dir/with space.md", "--paragraph", "3"],
        ["read", "--paragraph=12", "a.md"],
        ["--articles", "/tmp/a", "--data", "/tmp/d"],
        ["library", "--config=/etc/gloss.toml"],
        ["read", "a.md", "--articles", "arts", "--data=d", "--config", "c.toml", "--paragraph", "1"],
    ]

    static let leftToTheParser: [[String]] = [
        ["--help"], ["-h"], ["--version"], ["read"], ["read", "a.md", "b.md"], ["read", "--", "a.md"],
        ["read", "a.md", "--paragraph", "0"], ["read", "a.md", "--paragraph", "x"],
        ["read", "a.md", "--paragraph=-2"], ["read", "a.md", "--paragraph"], ["library", "--paragraph", "2"],
        ["read", "a.md", "--data", "a", "--data", "b"], ["read", "a.md", "--data", "--config"],
        ["list"], ["notes", "a.md"], ["export", "--all"], ["a.md"], ["read", "a.md", "--unknown"],
        ["read", "a.md", "-v"], ["library", "extra"], ["read", "a.md", "--help"],
        ["read", "--articles=", "a.md"],
    ]

    @Test(arguments: accepted)
    func readsPlainStartsAsTheParserDoes(_ arguments: [String]) throws {
        let quick = try #require(QuickLaunch.parse(arguments))
        #expect(quick == Self.parsedByArgumentParser(arguments))
    }

    @Test(arguments: leftToTheParser)
    func leavesEverythingElseToTheParser(_ arguments: [String]) {
        #expect(QuickLaunch.parse(arguments) == nil)
    }
}
