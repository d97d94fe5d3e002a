import Foundation

/// The two ways gloss is started most (`gloss` and `gloss read FILE`), recognised without the
/// argument parser: its reflection-driven parsing costs a few milliseconds of every start-up,
/// which is as long as `less` takes to show a whole screen. Anything unusual (help, `--`,
/// an unknown or repeated option, a bad number) is left to the parser, so its messages and
/// checks stay the only ones users see.
public enum QuickLaunch {
    /// A start-up the fast path can serve.
    struct Request: Equatable {
        enum Screen: Equatable {
            case library
            case read(file: String, paragraph: Int?)
        }

        var screen: Screen
        var articles: String?
        var data: String?
        var config: String?
    }

    /// Runs `arguments` (without the program name) when they are a plain library or read start;
    /// returns false, having done nothing, when the argument parser must handle them.
    public static func runIfSimple(_ arguments: [String]) -> Bool {
        guard let request = parse(arguments) else { return false }
        var global = GlobalOptions()
        global.articles = request.articles
        global.data = request.data
        global.config = request.config
        do throws(CLIError) {
            let workspace = try Workspace.make(global)
            switch request.screen {
            case .library:
                try TerminalSession.run(workspace: workspace, screen: .library, startup: [])
            case .read(let file, let paragraph):
                let located = try workspace.locate(file)
                try TerminalSession.run(
                    workspace: workspace, screen: .reader,
                    startup: [.openArticle(relativePath: located.key)], paragraph: paragraph)
            }
        } catch {
            Console.message(error.description)
            exit(Console.finish(status: error.exitCode))
        }
        return true
    }

    /// `[library | read FILE] [--paragraph N] [--articles DIR] [--data DIR] [--config FILE]`, the
    /// command first, each option at most once, as `--name value` or `--name=value`; nil otherwise.
    static func parse(_ arguments: [String]) -> Request? {
        var rest = arguments[...]
        let command = rest.first.flatMap { Self.commands.contains($0) ? $0 : nil }
        if command != nil { rest.removeFirst() }
        var positional: [String] = []
        var options: [String: String] = [:]
        while let token = rest.popFirst() {
            guard token.hasPrefix("-") else {
                positional.append(token)
                continue
            }
            let name = token.prefix { $0 != "=" }
            let inlineValue = token.dropFirst(name.count + 1)
            guard Self.optionNames.contains(String(name)), options[String(name)] == nil else { return nil }
            if name.count < token.count {
                guard !inlineValue.isEmpty else { return nil }
                options[String(name)] = String(inlineValue)
            } else if let value = rest.popFirst(), !value.hasPrefix("-") {
                options[String(name)] = value
            } else {
                return nil
            }
        }
        var request = Request(
            screen: .library, articles: options["--articles"], data: options["--data"], config: options["--config"])
        if command == "read" {
            guard positional.count == 1, let file = positional.first, !file.isEmpty else { return nil }
            var paragraph: Int?
            if let text = options["--paragraph"] {
                guard let number = Int(text), number >= 1 else { return nil }
                paragraph = number
            }
            request.screen = .read(file: file, paragraph: paragraph)
        } else {
            guard positional.isEmpty, options["--paragraph"] == nil else { return nil }
        }
        return request
    }

    private static let commands: Set<String> = ["library", "read"]
    private static let optionNames: Set<String> = ["--paragraph", "--articles", "--data", "--config"]
}
