import ArgumentParser
import Foundation
import GlossStorage

/// `gloss feeds`: lists, adds and removes subscriptions in feeds.toml.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds", abstract: "List, add or remove feeds in feeds.toml.",
        discussion: """
            feeds.toml lives in $XDG_CONFIG_HOME/gloss/ (or ~/.config/gloss/); $GLOSS_FEEDS or --feeds \
            names another file. Each feed is a [[feed]] table with a url, an optional name (the folder \
            and source of its articles; default: the site's host name) and optional tags. \
            Config/feeds.toml is a documented example. Edits keep the other feeds and comments.
            """,
        subcommands: [FeedsListCommand.self, FeedsAddCommand.self, FeedsRemoveCommand.self],
        defaultSubcommand: FeedsListCommand.self)
}

/// `gloss feeds list`.
struct FeedsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the feeds and their folders.")

    @OptionGroup var feedOptions: FeedOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            let file = try FeedsLocation.load(feedOptions.path(workspace.environment))
            guard !file.feeds.isEmpty else {
                Console.out(FeedsFileError.noFeeds(file: file.path).description + "\n")
                return
            }
            let states = FeedStateStore(dataDirectory: workspace.paths.data)
            for feed in file.feeds {
                var line = "\(feed.displayName)  \(feed.url)  → \(feed.slug)/"
                if !feed.tags.isEmpty { line += "  [" + feed.tags.joined(separator: ", ") + "]" }
                // What the last fetch did, when there was one (a damaged state file is not worth failing the list for).
                if let state = try? states.load(feed: feed.slug).state, let fetched = state.lastFetch {
                    let count = state.entries.count
                    line += "  · \(count) \(count == 1 ? "entry" : "entries"), fetched \(String(fetched.description.prefix(16)).replacingOccurrences(of: "T", with: " "))"
                    if let error = state.lastError { line += " · last error: \(error)" }
                }
                Console.out(line + "\n")
            }
        }
    }
}

/// `gloss feeds add URL`.
struct FeedsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Subscribe to a feed.")

    @Argument(help: "The feed's http or https URL.")
    var url: String

    @Option(help: "The feed's name: the folder and source of its articles (default: the site's host name).")
    var name: String?

    @Option(name: .customLong("tag"), help: "A tag for the feed's articles (repeatable).")
    var tags: [String] = []

    @OptionGroup var feedOptions: FeedOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        do {
            _ = try HTTPClient.validated(url)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        try reportingFailures { () throws(CLIError) in
            let environment = ProcessInfo.processInfo.environment
            let path = feedOptions.path(environment)
            let file = try FeedsLocation.load(path)
            let feed = FeedSubscription(url: url, name: name, tags: tags)
            let text: String
            do throws(FeedsFileError) {
                text = try file.adding(feed)
            } catch {
                throw .failed(error.description)
            }
            try FeedsLocation.save(text, to: path)
            Console.out("added \(feed.displayName) (\(feed.url)) to \(path); its articles go to \(feed.slug)/\n")
        }
    }
}

/// `gloss feeds remove URL`.
struct FeedsRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Unsubscribe from a feed (its articles and notes stay).")

    @Argument(help: "The feed's URL, as listed by `gloss feeds list`.")
    var url: String

    @OptionGroup var feedOptions: FeedOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures { () throws(CLIError) in
            let path = feedOptions.path(ProcessInfo.processInfo.environment)
            let file = try FeedsLocation.load(path)
            let text: String
            do throws(FeedsFileError) {
                text = try file.removing(url)
            } catch {
                throw .failed(error.description)
            }
            try FeedsLocation.save(text, to: path)
            Console.out("removed \(url) from \(path)\n")
        }
    }
}
